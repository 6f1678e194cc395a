"""Rebuild config/given_names.yaml from the US census given-name files.

Usage: python scripts/build_given_names.py DIR, where DIR holds dist.female.first and dist.male.first (the
folder `names/` inside the PyPI sdist `names` 0.3.0, MIT; the figures are the US Census Bureau's of 1990,
public domain). Writes config/given_names.yaml; nothing is fetched.
"""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path

RATIO = 10  # a name is one sex's when that sex bears it at least this many times as often as the other
FLOOR = 0.005  # percent of that sex: rarer names are left out (the census counts "Stephane" as a woman's)
# A man's name in the languages of this field's news (Italian, French, Slavic, Scandinavian, Catalan, Hebrew)
# though the US census counts it as a woman's.
OTHER = {"ANDREA", "MICHELE", "SIMONE", "NICOLA", "DANIELE", "GABRIELE", "EMANUELE", "STEPHANE", "SASHA", "NIKITA",
         "DOMINIQUE", "JAN", "ARIEL", "MAXIME", "KAI", "MIKA", "ROSARIO", "JOAN", "RENE"}
# Given names of this field's news (Russian, Ukrainian, Arabic, Turkish, Kurdish, Persian) the US census lacks or
# counts too rarely: added to the census lists as they are.
FIELD_MALE = """Sergei Sergey Vladimir Dmitry Dmitri Alexei Alexey Mikhail Nikolai Nikolay Yuri Yury Oleg Andrei Andrey
Vasily Viktor Ruslan Valery Gennady Konstantin Vyacheslav Anatoly Yevgeny Evgeny Pavel Grigory Ilya Stanislav Igor
Bashar Hafez Walid Faisal Riad Riyad Mahmoud Muhammad Mohamed Mohammad Ahmad Abdullah Abdallah Abdul Abdulrahman
Abdel Hussein Hassan Hasan Hussam Khaled Khalid Mustafa Mostafa Omar Omer Osama Salim Saleh Salih Samir Tarek Tariq
Youssef Yusuf Yousef Ziad Ziyad Jamil Adnan Anas Ayman Bassam Fares Firas Ghassan Hamza Haitham Ibrahim Imad Issam
Jaber Jihad Kamal Louay Maher Majed Marwan Mazen Mounir Nabil Naji Nasser Qasim Rami Saad Sami Suheil Talal Wael
Yasser Zaher Recep Tayyip Mevlut Hulusi Ahmet Mehmet Suleyman Ismail Fahrettin Binali Kemal Devlet Ekrem Hakan
Yasin Numan Nihat Cemal Murat Ozgur Serdar Volkan Mazloum Mazlum Aldar Javad Jawad Mohsen Qassem Hossein Bahram
Hamid Hamed Saeed Abbas Ebrahim Karim Kareem Hadi Zakaria Zakariya Fuad Fouad Salem Ali Yahya Hisham Nizar Bashir
Munir Fadi Raed Ghaith Moaz Muaz Obaida Taher Ayham Mohammed Mohamad Abu Vadim Maxim Vassily Vasiliy Feridun Suat
Cevdet Yalcin Ibrahim Farhan Zeid Staffan Geir Jens Josep Heiko Jean-Yves
Sedat Ismet Ertugrul Fuat Hami Selcuk Abdulkadir Burhanettin Selahattin Bekir Yilmaz Taner Ercan Erdem Ugur Umit
Kadir Emre Hulki Ilnur Omer Aleksandr Alexandr Artyom Artem Boris Denis Fyodor Kirill Leonid Maksim Semyon Timur
Yegor Vitaly Valentin Vladislav Rustam Ramzan Akhmad Zaur Abdulkafi Abdulaziz Anwar Ayoub Bilal Eyad Iyad Fawaz
Ghazi Hamdi Hazem Jamal Jalal Kassem Louai Luay Mamoun Munzer Nidal Obeida Qusay Radwan Riyadh Sabri Safwan Shadi
Wissam Yamen Yazan Zuhair Haytham Husam Fahd Fahad Adel Adil Amr Amer Ammar Atef Basel Fayez Hani Ihab Kinan Mahdi
Mansour Moussa Musa Nadim Naser Nawaf Qais Rafik Rafiq Rashid Salman Samer Sinan Tamer Tawfiq Wasim Yaser Younes
Younis Redur Sipan Farhad Ferhat Badran Dildar Hoshang Kazem Mojtaba Masoud Mehdi Morteza Reza Esmaeil Gholamreza""".split()
FIELD_FEMALE = """Bouthaina Buthaina Asma Lana Rima Hala Hind Huda Lina Maha Rana Rania Reem Rim Samar Sawsan Suhair Zeina
Zainab Fatima Fatma Aisha Ayse Emine Meral Sinem Hevrin Nadezhda Natalia Natalya Svetlana Tatiana Tatyana Yelena
Elena Irina Olga Ekaterina Yekaterina Lyudmila Galina Federica Annalena Kaja Hulya Najat Amina Fawza Ilham
Sigrid Umm Ruba Ghada Nisreen Nesrine Lamia Manal Dima Razan Yara Ruqaya Ilhan Sinam Elham Maryam Zahra Leyla Leila Nujin Rojin""".split()
OUTPUT = Path(__file__).resolve().parents[1] / "config" / "given_names.yaml"


def frequencies(path: Path) -> dict[str, float]:
    return {line.split()[0]: float(line.split()[1]) for line in path.read_text().splitlines() if line.strip()}


def one_sex(own: dict[str, float], other: dict[str, float], field: list[str]) -> list[str]:
    census = {n.capitalize() for n, v in own.items() if v >= FLOOR and v >= RATIO * other.get(n, 0) and n not in OTHER}
    return sorted(census | set(field))


def flow(names: list[str]) -> str:
    return "\n".join(textwrap.wrap(", ".join(names), 116, initial_indent="  ", subsequent_indent="  "))


def main(folder: str) -> None:
    female, male = frequencies(Path(folder) / "dist.female.first"), frequencies(Path(folder) / "dist.male.first")
    header = ("Given names whose bearers are almost all of one sex, for reading \"he\" and \"she\" back to a person "
              "(pipeline/analyzer/gender.py): a pronoun is not resolved to a person of the other sex when another "
              "person fits. Built by scripts/build_given_names.py from the US Census Bureau's 1990 given-name "
              "frequency files (public domain), as shipped in the PyPI package `names` 0.3.0 (MIT): a name is listed "
              f"under a sex when it is borne by at least {FLOOR}% of that sex and at least {RATIO} times as often as "
              "by the other (Jean, Kim, Robin, Dana, Jordan and Lee are in neither list). Left out: names that are a "
              "man's in the languages of this field's news though the US census counts them as women's: "
              + ", ".join(sorted(n.capitalize() for n in OTHER)) + ". Names the census misses (Sergei, Federica, "
              "Bouthaina) are read from titles, honorifics and Slavic surname endings instead, or added from this field's "
              "news (scripts/build_given_names.py FIELD_MALE, FIELD_FEMALE).")
    text = "\n".join(textwrap.wrap(header, 112, initial_indent="# ", subsequent_indent="# ")) + "\n"
    text += "female: [\n" + flow(one_sex(female, male, FIELD_FEMALE)) + "]\nmale: [\n" + flow(one_sex(male, female, FIELD_MALE)) + "]\n"
    OUTPUT.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1])

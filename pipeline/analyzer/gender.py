"""The sex a name or title shows, so that "she said" is not read back to a man (nor "he" to a woman).

Evidence, strongest first: a gendered title written with the person ("spokeswoman", "Mrs."), the given name
(config/given_names.yaml: the US census and this field's news), an honorific the article writes with the
surname anywhere ("Ms. Clinton"), a Slavic surname's ending ("Zakharova", "Lavrov"). No evidence, no sex:
such a person fits either pronoun.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.analyzer.gazetteer import fold, given_names
from pipeline.analyzer.names import attribution_config

PRONOUN_SEX = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
# Russian, Ukrainian and Bulgarian surnames say their bearer's sex: "Zakharova", "Vasilevskaya"; "Lavrov", "Lavrentiev".
SLAVIC_SURNAME = (("f", re.compile(r"(?:ova|eva|skaya)$")), ("m", re.compile(r"(?:ov|ev|sky|skiy|skii)$")))


@lru_cache(maxsize=1)
def _title_words() -> dict[str, str]:
    titles = attribution_config()["gendered_titles"]
    return {w: sex for sex, key in (("f", "female"), ("m", "male")) for w in titles[key]}


@lru_cache(maxsize=1)
def _honorific() -> re.Pattern[str]:
    words = sorted((w for w in _title_words() if " " not in w and len(w) <= 6), key=len, reverse=True)
    # The title in any case ("MR. TRUMP" in capitals), the name capitalised: "Mr. Donald J. Trump"
    return re.compile(r"\b(?i:(" + "|".join(words) + r"))\.?\s+((?:(?:[A-Z]\.|[A-Z][\w'\-]+)\s+){0,2}[A-Z][\w'\-]+)")


@lru_cache(maxsize=1)
def _title_pattern() -> re.Pattern[str]:
    words = sorted(_title_words(), key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")\b")


def sex_of_title(title: str | None) -> str | None:
    """The sex a title's words say ("Foreign Ministry spokeswoman" -> f), None when they say none or both."""
    if not title:
        return None
    folded = fold(title)
    # "the wealthy businessman's likely rival": a possessor is someone else
    found = {_title_words()[m.group(1)] for m in _title_pattern().finditer(folded.lower())
             if not _inside_a_name(folded, m.start(1), m.end(1)) and not re.match(r"\s?['\u2019]s\b", folded[m.end(1):])}
    return found.pop() if len(found) == 1 else None


def _inside_a_name(title: str, start: int, end: int) -> bool:
    """A capitalised honorific or kinship word set in a proper name the title holds ("a University of Notre Dame law
    professor", "Prince Sultan University"), not a role ("Foreign Ministry Spokeswoman" keeps its sex)."""
    word = title[start:end]
    if not word[:1].isupper() or word.lower().endswith(("man", "men", "person")):
        return False
    before, after = title[:start].split()[-1:], title[end:].split()[:1]
    return any(w[:1].isupper() for w in before + after)


def _words(name: str) -> list[str]:
    return [w for w in fold(name).replace(".", " ").split() if w[:1].isalpha()]


def _given_name_sex(words: list[str]) -> str | None:
    """A given name's sex; a name of one word is a surname ("Trump"), and says none."""
    return given_names().get(words[0].lower()) if len(words) > 1 else None


def opens_with_given_name(name: str) -> bool:
    """Whether a name of two words or more opens with a known given name ("Donald J. Trump", not "Crooked Hillary
    Clinton")."""
    return _given_name_sex(_words(name)) is not None


def _surname_sex(words: list[str]) -> str | None:
    return next((sex for sex, ending in SLAVIC_SURNAME if ending.search(words[-1].lower())), None)


def sex_of_name(name: str) -> str | None:
    """The sex a name's given name or a Slavic surname's ending says, None when neither does."""
    words = _words(name)
    return (_given_name_sex(words) or _surname_sex(words)) if words else None


def honorifics(text: str) -> dict[str, str]:
    """Surname (lower case, folded) -> sex, from honorifics the article writes ("Mr. Trump", "Ms Zakharova");
    a surname given both is left out."""
    found: dict[str, set[str]] = {}
    titles = _title_words()
    for match in _honorific().finditer(text):
        word = match.group(1).lower()
        if not match.group(1)[0].isupper():
            continue  # "son Hunter": a kinship word mid-sentence, not an honorific
        surname = fold(match.group(2)).split()[-1].lower()
        found.setdefault(surname, set()).add(titles[word])
    return {surname: sexes.pop() for surname, sexes in found.items() if len(sexes) == 1}


def sex_of(name: str, title: str | None, written: dict[str, str]) -> str | None:
    """A person's sex by title, the given name, then an honorific the article writes with the surname
    (`written`: "Ms. Trump" is not Donald Trump's sex, but tells "Trump" alone), then a Slavic surname's ending."""
    words = _words(name)
    if not words:
        return sex_of_title(title)
    return sex_of_title(title) or _given_name_sex(words) or written.get(words[-1].lower()) or _surname_sex(words)


def fits(pronoun: str, sex: str | None) -> bool:
    """Whether a pronoun can stand for a person of this sex (unknown sex fits every pronoun)."""
    wanted = PRONOUN_SEX.get(pronoun.lower())
    return wanted is None or sex is None or sex == wanted

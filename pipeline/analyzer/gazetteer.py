"""The actor gazetteer: aliases and metonyms to actor ids, roll-up to canonical actors."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TypeGuard

import yaml

CONFIG = Path(__file__).resolve().parents[2] / "config"
CANONICAL = ("russia", "turkey", "syria", "united_states", "iran", "armed_groups", "sdf", "isis", "un", "eu",
             "france", "germany", "uk", "israel")
OTHER = "other:"  # FORMAT.md's prefix for a party outside the canonical list ("other:hezbollah")


def fold(text: str) -> str:
    """Strip accents and unify apostrophes and dashes, so Erdoğan matches Erdogan and Hay’at matches Hay'at."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u2010", "-").replace("\u2013", "-")
    text = text.replace("\u0131", "i").replace("\u0130", "I")
    if text.isascii():  # NFKD leaves ASCII as it is, and it has no combining marks
        return text
    return unicodedata.normalize("NFKD", text).translate(_combining_marks())


@lru_cache(maxsize=1)
def _combining_marks() -> dict[int, None]:
    """Every code point with a non-zero combining class, mapped to None (deleted by str.translate)."""
    return dict.fromkeys(cp for cp in range(0x110000) if unicodedata.combining(chr(cp)))


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    return fold(char)


def fold_offsets(text: str) -> list[int] | None:
    """Where each character of fold(text) (and its end) stands in the text; None when folding moves nothing.

    "…" folds to "..." and a combining accent to nothing: without this, every mention after one would point a few
    characters off (132 of 2,052 real articles of ../shared/corpus hold one)."""
    if text.isascii() or all(len(_fold_char(c)) == 1 for c in set(text) if not c.isascii()):
        return None
    starts = [j for j, char in enumerate(text) for _ in _fold_char(char)]
    starts.append(len(text))
    return starts


GENERIC_GROUP = "armed_groups"  # the actor whose aliases are common nouns ("terrorists", "rebels")
SYRIA = "syria"  # the state whose provinces the places list names
# An alias followed by these is part of an agreement's name, not an actor.
AGREEMENT_AFTER = re.compile(r"\s*(?:agreements?|deals?|accords?|protocol|memorandum|talks|format|process|summit|"
                             r"understandings?|arrangements?|ceasefire|truce)\b", re.IGNORECASE)
# "the Russian ambassador to Turkey", "Iran's envoy to the United Nations": the post's sender, not its host
# ("the envoy of the Russian president for Syria": the post's own "of" names who sends it)
DIPLOMATIC_POST = re.compile(r"^(.*?\b(?:embassy|embassies|consulate|mission|delegation|representation|ambassadors?|envoys?|"
                             r"(?:permanent )?representatives?)(?:\s+of\s+(?:the\s+)?[A-Z][^,;()]{1,50}?)?)"
                             r"\s+(?:in|to|at|for|on)\s+\S.*$", re.IGNORECASE | re.DOTALL)
# A state's own body that shares another's name: "Turkey's National Security Council", "the Russian Security Council"
LOCATIVE_BEFORE = re.compile(r"\b(?:in|inside|across|throughout|over|into)\s+(?:the\s+)?$", re.IGNORECASE)
QUALIFIER_GAP = re.compile(r"(?:'s?|\u2019s?)?\s+(?:own\s+)?$")
OWNER_GAP = re.compile(r"(?:(?:'s?|\u2019s?)\s+(?:[a-z][\w-]*\s+)?|\s+)")  # "Iraq's", "Colombia's leftist", "the Kabul"
OF_STATE = re.compile(r"\s+(?:of|in)\s+(?:the\s+)?")
# A capitalised word that may be a transliterated surname: "al-Moualem", "Lavrentyev", "Ja'afari".
NAME_WORD = re.compile(r"(?<![\w'-])(?:(?:al|el)-)?[A-Z][a-z']+(?:-[A-Z]?[a-z']+)?(?![\w-])")
MIN_SKELETON = 4  # shorter skeletons ("Assad" asd, "Aside" asd) collide with ordinary words…
SHORT_SKELETON = 3  # …unless the word is plainly a surname: "al-Moualem", "Walid Moualem"
GIVEN_NAME_BEFORE = re.compile(r"[A-Z][a-z]+\s$")


def skeleton(word: str) -> str:
    """A surname's transliteration-blind key: "Muallem", "Moallem" and "Moualem" are all "mlm".

    The first letter stays; then vowels (and y, w) go, q is k, and doubled letters are one.
    """
    word = re.sub(r"^(?:al|el|ad|as|ash|at|az)-", "", fold(word).lower())
    word = re.sub(r"[^a-z]", "", word).replace("q", "k")
    if not word:
        return ""
    rest = re.sub(r"[aeiouyw]", "", word[1:])
    return re.sub(r"(.)\1+", r"\1", word[0] + rest)


ARTICLE_HYPHEN = re.compile(r"\b(al|el)-(?=\w)")
POSSESSIVE = re.compile(r"'s?\b|\u2019s?\b")
NAME_GOES_ON = re.compile(r"\s+(?:of\s+(?:the\s+)?)?[A-Z]")  # "the Government Accountability Office", "… of Eritrea"
# "the London based monitor": where a body is based, written without its hyphen
BASED_IN = re.compile(r"\s+based\b")
# Only capitalised words between "-backed" and the group it names ("Iranian-backed Lebanese Hezbollah"), not a clause
NAMES_BETWEEN = re.compile(r"\s*(?:[A-Z][\w'-]*\s+)*")
BACKED = re.compile(r"\b([\w.]+)-(?:backed|supported|sponsored|allied)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Actor:
    """One gazetteer entry."""

    id: str
    name: str
    kind: str
    parent: str | None
    aliases: tuple[str, ...]
    adjectives: tuple[str, ...]
    nouns: tuple[str, ...] = ()  # common nouns a text refers back to it by, once named ("the monitor said")
    offices: tuple[str, ...] = ()  # a person's offices, as a role names them ("the Turkish president" is Erdogan)


@dataclass(frozen=True)
class Mention:
    """An actor alias found in a text."""

    actor: str
    start: int
    end: int
    text: str


class Gazetteer:
    """Looks actors up by alias; built once from config/gazetteer.yaml."""

    def __init__(self, path: Path = CONFIG / "gazetteer.yaml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        repeated = sorted(k for k, n in Counter(a["id"] for a in data["actors"]).items() if n > 1)
        if repeated:  # a second entry would silently replace the first, aliases and all
            raise ValueError(f"{path}: actors listed more than once: {', '.join(repeated)}")
        self.actors = {
            a["id"]: Actor(a["id"], a["name"], a["kind"], a.get("parent"), tuple(a.get("aliases", [])),
                           tuple(a.get("adjectives", [])), tuple(a.get("nouns", [])), tuple(a.get("offices", [])))
            for a in data["actors"]
        }
        for name, adjectives, *other_names in data.get("other_states", []):
            # the world's other states, so that "the Iraqi government" or "Kenya's army" is no party of Syria's
            actor_id = OTHER + re.sub(r"\W+", "_", fold(name).lower()).strip("_")
            self.actors.setdefault(actor_id, Actor(actor_id, name, "state", None, (name, *other_names), tuple(adjectives), ()))
        # "a state-run newspaper", "the official daily" are the state's own; the words between must not say so
        self._civil = re.compile(r"(?:\s+(?!(?:state|official|state-run|state-owned|government|government-run)\b)"
                                 r"[a-z][\w-]*){0,2}\s+(?:" + "|".join(map(re.escape, data.get("civil_nouns", ()))) + r")\b") \
            if data.get("civil_nouns") else re.compile(r"(?!)")
        self.places = {k: tuple(v) for k, v in data.get("places", {}).items()}
        self.other_wars = frozenset(data.get("other_wars", ()))
        # Syria's places and the venues of its talks ("Astana talks in the Kazakh capital"): a sentence naming one is
        # not set abroad
        syrian = (*self.places.get("syria", ()), *self.places.get("idlib", ()), *data.get("venues", ()))
        self._syrian_place = re.compile(r"\b(?:" + "|".join(re.escape(fold(p)) for p in syrian) + r")\b", re.IGNORECASE)
        self.masthead_words = frozenset(data.get("masthead_words", ()))
        self.house_capitals = frozenset(fold(w).lower() for w in data.get("house_capitals", ()))
        self._masthead = re.compile(r"\s+(?:" + "|".join(map(re.escape, sorted(self.masthead_words))) + r")\b") \
            if self.masthead_words else re.compile(r"(?!)")
        self._place_words = frozenset(fold(p) for group in (*self.places.values(), data.get("venues", ())) for p in group)
        # "Homs Governor Talal al-Barazi", "the governor of Hama": who governs a Syrian province is the state's official
        governing = "|".join(map(re.escape, data.get("provincial_roles", ())))
        places = "|".join(re.escape(fold(p)) for p in (*self.places.get("syria", ()), *self.places.get("idlib", ())))
        self._provincial_official = re.compile(rf"\b(?:{places})\s+(?:{governing})\b|\b(?:{governing})\s+of\s+(?:{places})\b",
                                               re.IGNORECASE) if governing else re.compile(r"(?!)")
        self.referring_nouns = frozenset(noun for a in self.actors.values() for noun in a.nouns)
        self.backed_by = dict(data.get("backed_by", {}))
        self.proxy_nouns = frozenset(data.get("proxy_nouns", ()))
        self.opposition_nouns = frozenset(fold(w).lower() for w in data.get("backed_opposition_nouns", ()))
        self.national_words = frozenset(fold(w).lower() for w in data.get("national_words", ()))
        group_nouns, modifiers = data.get("group_nouns", []), data.get("group_noun_modifiers", [])
        self.speaker_usage = list(data.get("speaker_usage", []))
        # People known by their full names only (`by_surname: false`): "May", "Johnson" are words and names of others.
        full_name_only = frozenset(a["id"] for a in data["actors"] if a.get("by_surname") is False)
        exact: dict[str, str] = {}
        loose: dict[str, str] = {}
        # Aliases written in lower case are common words ("the government", "rebels"): Syria's parties only in a
        # story about Syria, and never where the text capitalises them into a name ("the Government Accountability Office").
        self._generic = frozenset(fold(alias) for a in self.actors.values() for alias in a.aliases if alias == alias.lower())
        for actor in self.actors.values():
            for alias in (*actor.aliases, actor.name):
                # Acronyms (US, IS, SAA) must keep their capitals: "us" and "is" are words.
                target = exact if alias.isupper() or "." in alias else loose
                target.setdefault(fold(alias) if target is exact else fold(alias).lower(), actor.id)
                if target is loose:  # "Faylaq Al Rahman" for Faylaq al-Rahman: outlets write the article apart too
                    loose.setdefault(ARTICLE_HYPHEN.sub(r"\1 ", fold(alias).lower()), actor.id)
            if actor.kind == "person" and actor.id not in full_name_only:
                # A known person's surname alone ("Lavrov said"), capitalised only: "Price" is also a word.
                surname = fold(actor.name).split()[-1]
                exact.setdefault(surname, actor.id)
                # "Jaafari" for Bashar al-Jaafari: outlets drop the Arabic article as often as not.
                exact.setdefault(re.sub(r"^(?:al|el)-(?=\w)", "", surname).capitalize(), actor.id)
        self._exact, self._loose = exact, loose
        # Known people's surnames by skeleton, kept only when one person has that skeleton.
        by_skeleton: dict[str, set[str]] = {}
        for actor in self.actors.values():
            if actor.kind == "person" and actor.id not in full_name_only:
                for alias in (*actor.aliases, actor.name):
                    key = skeleton(alias.split()[-1])
                    if len(key) >= SHORT_SKELETON:
                        by_skeleton.setdefault(key, set()).add(actor.id)
        self._by_skeleton = {key: ids.pop() for key, ids in by_skeleton.items() if len(ids) == 1}
        self._exact_re = _alternation(exact, flags=0)
        self._loose_re = _alternation(loose, flags=re.IGNORECASE)
        self._adjectives = {(fold(adj) if adj.isupper() else fold(adj).lower()): a.id
                            for a in self.actors.values() for adj in a.adjectives}
        adjectives = "|".join(re.escape(a) for a in sorted(self._adjectives, key=len, reverse=True))
        self._adjective_phrase = re.compile(rf"\b({adjectives})\s+(?:(?:{'|'.join(modifiers)})\s+)?"
                                            rf"(?:{'|'.join(group_nouns)})\b", re.IGNORECASE)
        for actor in self.actors.values():
            for seen in self._chain(actor.id):
                if seen not in self.actors:
                    raise ValueError(f"gazetteer: {actor.id} rolls up to unknown actor {seen}")

    def _chain(self, actor_id: str) -> list[str]:
        chain: list[str] = []
        current: str | None = actor_id
        while current is not None and current not in chain:
            chain.append(current)
            current = self.actors[current].parent if current in self.actors else None
        return chain

    def rollup(self, actor_id: str) -> str:
        """The canonical actor an actor rolls up to (itself when canonical or unknown)."""
        return self._chain(actor_id)[-1] if actor_id in self.actors else actor_id

    def is_party(self, actor_id: str | None) -> TypeGuard[str]:
        """Whether an actor can accuse or be accused: it rolls up to a canonical id or an `other:` party."""
        if not actor_id:
            return False
        top = self.rollup(actor_id)
        return top in CANONICAL or top.startswith(OTHER)

    def of_another_war(self, actor_id: str | None) -> bool:
        """A party whose truces are not Syria's (config other_wars): "Armenia violated the cease-fires brokered by
        Moscow" is a Karabakh charge in a story on Idlib."""
        return actor_id is not None and self.rollup(actor_id) in self.other_wars

    def mentions(self, text: str) -> list[Mention]:
        """All non-overlapping alias mentions in a text, longest first at each position."""
        folded = fold(text)
        found: list[Mention] = []
        for pattern, table, lower in ((self._loose_re, self._loose, True), (self._exact_re, self._exact, False)):
            for match in pattern.finditer(folded):
                key = match.group(0).lower() if lower else match.group(0)
                if lower and key in self._generic and any(w[:1].isupper() for w in match.group(0).split()[1:]) \
                        and not (key in self.house_capitals and not NAME_GOES_ON.match(folded, match.end())):
                    # "the Government Accountability Office", "The Government of Eritrea", "the Coalition" after "the
                    # Syrian Coalition": a name, not the common word ("the International Coalition" has its own alias)
                    continue
                found.append(Mention(table[key], match.start(), match.end(), match.group(0)))
        found.extend(self._transliterated(folded, found))
        found = _in_text(found, text, fold_offsets(text))
        found.sort(key=lambda m: (m.start, -(m.end - m.start)))
        kept: list[Mention] = []
        for mention in found:
            if not kept or mention.start >= kept[-1].end:
                kept.append(mention)
        # "The Washington Post", "the Moscow Times": a newspaper named after a capital is no party; nor is the
        # place a body is based in ("the London based monitor", written without its hyphen)
        return [m for m in kept if not self._masthead.match(text, m.end) and not (
                    self.actors[m.actor].kind == "state" and BASED_IN.match(text, m.end))
                and not self._a_namesake(text, m)]

    def _a_namesake(self, text: str, mention: Mention) -> bool:
        """A known person's surname after another given name: "Hafez al-Assad", "Asma al-Assad" and "Emine Erdogan"
        are not Bashar al-Assad or Recep Tayyip Erdogan (config/given_names.yaml; "Sergey" for Sergei still is)."""
        actor = self.actors[mention.actor]
        if actor.kind != "person" or " " in mention.text.strip():
            return False
        before = re.search(r"([A-Z][\w'-]+)\s+$", text[max(0, mention.start - 30):mention.start])
        if before is None or before.group(1).lower() not in given_names():
            return False
        own = {w.lower() for name in (actor.name, *actor.aliases) for w in fold(name).split()}
        given = fold(before.group(1)).lower()
        return not any(given == w or (len(w) >= 4 and given[:4] == w[:4]) for w in own)

    def _transliterated(self, folded: str, found: list[Mention]) -> list[Mention]:
        """Surnames of known people spelled another way ("Walid al-Moualem" for Walid al-Muallem)."""
        taken = [(m.start, m.end) for m in found]
        out = []
        for match in NAME_WORD.finditer(folded):
            if any(a < match.end() and match.start() < b for a, b in taken) or match.group(0) in self._place_words:
                continue
            key = skeleton(match.group(0))
            plainly_a_surname = match.group(0).lower().startswith(("al-", "el-")) or bool(
                GIVEN_NAME_BEFORE.search(folded[max(0, match.start() - 20):match.start()]))
            actor = self._by_skeleton.get(key)
            if actor is not None and (len(key) >= MIN_SKELETON or plainly_a_surname):
                out.append(Mention(actor, match.start(), match.end(), match.group(0)))
        return out

    def referents(self, text: str) -> list[Mention]:
        """What a pronoun can point back to: alias mentions and "the Russian occupation"-style phrases.

        A city named inside an agreement's name ("the Moscow agreement", "Astana talks") is no actor.
        """
        found = [m for m in self.mentions(text) if not AGREEMENT_AFTER.match(text[m.end:])]
        # "the PKK/YPG terrorists": one referent, the named one
        found = [m for i, m in enumerate(found) if not (
            m.actor == GENERIC_GROUP and i > 0 and found[i - 1].actor != GENERIC_GROUP and m.start - found[i - 1].end <= 1)]
        taken = [(m.start, m.end) for m in found]
        phrases = []
        for match in self._adjective_phrase.finditer(fold(text)):
            actor = self._adjective(match.group(1))
            if actor:
                phrases.append(Mention(actor, match.start(), match.end(), match.group(0)))
        found += [m for m in _in_text(phrases, text, fold_offsets(text))
                  if not any(a < m.end and m.start < b for a, b in taken)]
        return sorted(found, key=lambda m: m.start)

    def names_a_place(self, text: str) -> bool:
        """Whether the text is one of the places the gazetteer lists ("Deir Ezzor"), as written."""
        return fold(text) in self._place_words

    def _opposition_named(self, after: str) -> bool:
        """ "-backed opposition (groups)": the first word after the sponsor is the opposition (config
        backed_opposition_nouns), not fighters or forces, which are the sponsor's proxies."""
        first = re.match(r"\s*(?:Syrian\s+)?([\w-]+)", after)
        return first is not None and fold(first.group(1)).lower() in self.opposition_nouns

    def resolve(self, text: str) -> str | None:
        """The actor a phrase names: its longest alias, else a nationality adjective; None if neither."""
        if FORMER.match(fold(text)):
            return None  # "Former US President Barack Obama", "a former Syrian general": no one's official any more
        # "the US Embassy in Damascus", "Russia's mission to the UN": a post belongs to who sends it.
        post = DIPLOMATIC_POST.match(text)
        if post:
            sender = self.resolve(post.group(1))
            if sender:
                # a known person named after the post is who it is ("…envoy for Syria Alexander Lavrentiev")
                person = next((m.actor for m in self.mentions(text[post.end(1):])
                               if self.actors[m.actor].kind == "person"), None)
                return person if person and self.rollup(person) == self.rollup(sender) else sender
        backed = BACKED.search(fold(text))
        if backed:
            sponsor = self.resolve(backed.group(1))
            if sponsor and self.rollup(sponsor) in self.backed_by:
                # "Iranian-backed Hezbollah": a group named after the word is that group, not the sponsor's militias
                after = text[backed.end():]
                named = next((m.actor for m in self.mentions(after) if NAMES_BETWEEN.fullmatch(after[:m.start])
                              and m.actor != GENERIC_GROUP and self.actors[m.actor].kind != "state"), None)
                if named is None and self._opposition_named(after):
                    return GENERIC_GROUP  # "the US-backed opposition": the opposition, whoever backs it
                return named or self.backed_by[self.rollup(sponsor)]
        mentions = self._without_civilians(text, self.mentions(text))
        foreign = self._other_state_named(text, mentions)
        if foreign is not None:
            return foreign
        # A generic word ("terrorists", "militants") yields to a specific name beside it: "the PKK/YPG
        # terrorists" are the YPG, "Kurdish militants" the SDF.
        generic_at = min((m.start for m in mentions if m.actor == GENERIC_GROUP), default=len(text))
        # …but only a name before it, as its modifier: "armed groups controlled by Turkey" are armed groups.
        # A state in the possessive is where the group is, not who it is: "Syria's main opposition group".
        owners = [m for m in mentions if self.actors[m.actor].kind == "state" and POSSESSIVE.match(text, m.end)]
        # (a state by its common words is no place: "the regime's militias" are the regime's own fighters)
        if owners and fold(owners[-1].text).lower() in self._generic \
                and all(m.actor == GENERIC_GROUP for m in mentions if m not in owners):
            return owners[-1].actor
        if len(owners) < len(mentions):
            mentions = [m for m in mentions if m not in owners]
        elif owners:
            # "Syria's main rebel coalition": a side's adjective after the state that owns it names the side
            # (the opposition's words only: "Turkey's Kurdish minority" is a people, not the SDF)
            side = next((a for a in self._adjectives_in(text[owners[-1].end:]) if a == GENERIC_GROUP), None)
            if side is not None:
                return side
        # "the Russian contingent in Syria", "Israeli strikes in Syria": a state after "in" is where, not who, when
        # another state's adjective comes before it
        located = [m for m in mentions if self.actors[m.actor].kind == "state" and LOCATIVE_BEFORE.search(text, 0, m.start)
                   and self._state_adjective_in(text[:m.start], other_than=m.actor)]
        mentions = [m for m in mentions if m not in located]
        specific = [m for m in mentions if m.actor != GENERIC_GROUP and m.start < generic_at]
        if specific:
            chosen = max(specific, key=lambda m: (m.end - m.start, -m.start))
            return self._qualified_by(text, chosen, owners) or chosen.actor
        adjectives = [a for a in self._adjectives_in(text) if a]
        # "a Syrian rebel commander", "a Syrian Kurdish official": what side someone is on says more than the
        # country they are from, so a group's adjective comes before a state's
        adjective = next((a for a in adjectives if self.actors[a].kind == "armed_group"), adjectives[0] if adjectives else None)
        if mentions:
            if adjective and self.actors[adjective].kind == "armed_group":
                return adjective
            return mentions[0].actor
        if adjective is None and self._provincial_official.search(fold(text)):
            return SYRIA
        return adjective

    def qualified_state(self, text: str) -> str | None:
        """The state that qualifies the common words of a phrase ("the government of Iraq"), if one does."""
        return self._other_state_named(text, self._without_civilians(text, self.mentions(text)))

    def generic_only(self, text: str) -> bool:
        """Whether a phrase names a party only by common words ("the government", "regime forces")."""
        mentions = self.mentions(text)
        return bool(mentions) and all(fold(m.text).lower() in self._generic for m in mentions)

    def _adjectives_in(self, text: str, civilians: bool = False) -> list[str | None]:
        """The actors of the nationality and side adjectives in a text, in order; an adjective describing a
        civilian ("a French lawyer", "Syrian refugees") is None unless asked for."""
        folded, found = fold(text), []
        words = list(re.finditer(r"[\w.'-]+", folded))
        i = 0
        while i < len(words):
            # two words first: "South Sudanese", "Sri Lankan" are not "Sudanese", "Lankan"
            pair = i + 1 < len(words) and folded[words[i].end():words[i + 1].start()] == " "
            actor = self._adjective(folded[words[i].start():words[i + 1].end()]) if pair else None
            last = words[i + 1] if actor else words[i]
            actor = actor or self._adjective(words[i].group(0))
            described = actor is not None and self._civil.match(folded, last.end())
            found.append(actor if civilians or not described else None)
            i += 2 if last is not words[i] else 1
        return found

    def _adjective(self, word: str) -> str | None:
        found = self._adjectives.get(word) or self._adjectives.get(word.lower())
        led = LED_BY.search(word) if found is None else None
        # "the Kurdish-led administration", "Russian-run centres": led by that side, as the side's own
        return self._adjective(word[:led.start()]) if led else found

    def _without_civilians(self, text: str, mentions: list[Mention]) -> list[Mention]:
        """Mentions of a party that only describe a civilian: "an American aid worker", "Russian military expert
        Viktor Litovkin", "U.S. tech companies", "Kurdish prisoners" speak for no party."""
        return [m for m in mentions if self.actors[m.actor].kind == "person" or not self._civil.match(text, m.end)]

    def _other_state_named(self, text: str, mentions: list[Mention]) -> str | None:
        """Another state that qualifies Syria's common words: "the government of Iraq", "Iraq's government forces",
        "Iraqi government forces", "the Kabul government" are Iraq's and Afghanistan's, whatever "the government"
        means alone."""
        generic = next((m for m in mentions if fold(m.text).lower() in self._generic), None)
        if generic is None:
            return None
        home = self.rollup(generic.actor)
        if self.actors[home].kind != "state" and fold(generic.text).lower() not in self.national_words:
            return None  # "Uzbek militants", "Chinese Uighur fighters" in Idlib are Syria's armed groups all the same

        def qualifies(actor: str) -> bool:
            # a state qualifies Syria's state words; only a state outside the canonical list qualifies its groups
            other = self.actors[actor].kind == "state" and self.rollup(actor) != home
            return other and (self.actors[home].kind == "state" or self.rollup(actor).startswith(OTHER))

        for m in mentions:
            if m is not generic and qualifies(m.actor) and (
                    (m.end <= generic.start and OWNER_GAP.fullmatch(text[m.end:generic.start]))
                    or OF_STATE.fullmatch(text[generic.end:m.start])):
                return m.actor
        words = re.search(r"((?:[\w.'-]+\s+)?[\w.'-]+)\s+(?:[a-z][\w-]*\s+)?$", fold(text[:generic.start]))
        adjective = self._adjectives_in(words.group(1))[-1] if words else None
        return adjective if adjective and qualifies(adjective) else None

    def abroad(self, sentence: str) -> str | None:
        """The one state outside the canonical list a sentence is set in, when it names no canonical party (by name
        or adjective) and no Syrian place: "Libyan authorities suspended aid to the country's rebel groups",
        "Venezuela has banned opposition leader Juan Guaido". Syria's common words in it are that state's."""
        states = set()
        for mention in self.mentions(sentence):
            if fold(mention.text).lower() in self._generic:
                continue  # "the government", "rebels": the words to place, not a place
            top = self.rollup(mention.actor)
            if not top.startswith(OTHER) or self.actors[top].kind != "state":
                return None  # a canonical party, or a group that fights in Syria too ("Hezbollah fighters")
            states.add(top)
        for actor in (a for a in self._adjectives_in(sentence, civilians=True) if a):
            top = self.rollup(actor)
            if top == GENERIC_GROUP:
                continue  # "rebel", "jihadist": common words too
            if not top.startswith(OTHER):
                return None
            states.add(top)
        if len(states) != 1 or self._syrian_place.search(fold(sentence)):
            return None
        return states.pop()

    def _state_adjective_in(self, text: str, other_than: str) -> bool:
        """Whether the text holds a state's adjective ("Russian", "Israeli") of a state other than this one."""
        return any(actor and self.actors[actor].kind == "state" and self.rollup(actor) != self.rollup(other_than)
                   for actor in self._adjectives_in(text, civilians=True))

    def _qualified_by(self, text: str, body: Mention, owners: list[Mention]) -> str | None:
        """The state right before another state's or the UN's body, when it says whose body this is.

        "Turkey's National Security Council" is Turkey's, "the Russian Security Council" Russia's, "Turkey's UN
        envoy" speaks for Turkey; "the Russian Defence Ministry" names its own state and stays as it is.
        """
        if self.actors[body.actor].kind not in ("institution", "organisation"):
            return None
        before = text[:body.start]
        states = [m.actor for m in owners if QUALIFIER_GAP.fullmatch(text[m.end:body.start])]
        word = re.search(r"([\w.'-]+)\s+$", fold(before))
        if word and not states:
            adjective = self._adjectives.get(word.group(1)) or self._adjectives.get(word.group(1).lower())
            states = [adjective] if adjective and self.actors[adjective].kind == "state" else []
        owner = states[-1] if states else None
        return owner if owner and self.rollup(owner) != self.rollup(body.actor) else None

    def rows(self) -> list[tuple[str, str, str, str | None]]:
        """(id, name, kind, parent_id) for the actors table, parents first."""
        ordered = sorted(self.actors.values(), key=lambda a: len(self._chain(a.id)))
        return [(a.id, a.name, a.kind, a.parent) for a in ordered]


# "former" or "ex-" in the first words of a phrase, before its head: someone who held a post and holds it no more
FORMER = re.compile(r"^\s*(?:(?:the|a|an)\s+)?(?:[\w.-]+\s+){0,2}(?:former|ex-|erstwhile|onetime|one-time)\b", re.IGNORECASE)
LED_BY = re.compile(r"-(?:led|run)$", re.IGNORECASE)


def _in_text(found: list[Mention], text: str, starts: list[int] | None) -> list[Mention]:
    """Mentions found in the folded text, moved to where they stand in the text itself, spelt as it spells them."""
    if starts is None:
        return [Mention(m.actor, m.start, m.end, text[m.start:m.end]) for m in found]
    moved = ((m.actor, starts[m.start], starts[m.end - 1] + 1 if m.end > m.start else starts[m.start]) for m in found)
    return [Mention(actor, start, end, text[start:end]) for actor, start, end in moved]


def _alternation(table: dict[str, str], flags: int) -> re.Pattern[str]:
    alternatives = sorted(table, key=len, reverse=True)
    # (a name may carry the Arabic article its alias leaves off: "Al-Fath al-Mubin" for "Fath al-Mubin")
    return re.compile(r"(?:(?<![\w-])|(?<=(?<![\w-])[Aa]l-)|(?<=(?<![\w-])[Ee]l-))(?:"
                      + "|".join(re.escape(a) for a in alternatives) + r")(?![\w-])", flags)


@lru_cache(maxsize=1)
def given_names() -> dict[str, str]:
    """Given name (lower case) -> the sex almost all its bearers are, "m" or "f" (config/given_names.yaml)."""
    data = yaml.safe_load((CONFIG / "given_names.yaml").read_text(encoding="utf-8"))
    return {**{n.lower(): "m" for n in data["male"]}, **{n.lower(): "f" for n in data["female"]}}


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The project's gazetteer, loaded once per process."""
    return Gazetteer()

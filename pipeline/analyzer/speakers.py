"""Who is speaking: people and institutions named in the article, titles, and resolution of she / the diplomat / surnames."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

import yaml

from pipeline.analyzer.gazetteer import CONFIG, fold, gazetteer
from pipeline.analyzer.quotes import find_quotes
from pipeline.analyzer.sentences import sentence_of

ROLE_NOUNS = frozenset(
    "diplomat minister spokesman spokeswoman spokesperson official officials envoy president ambassador source "
    "sources commander general representative deputy chief head adviser advisor negotiator lawmaker premier "
    "secretary leader director analyst expert colonel officer lieutenant major admiral governor mayor".split()
)
DOCUMENT_NOUNS = frozenset("statement statements letter letters bulletin communique communiqué release".split())
BODY_NOUNS = frozenset("ministry agency army military department office government embassy committee council centre "
                       "center command observatory presidency directorate".split())
INSTITUTION_NOUNS = DOCUMENT_NOUNS | BODY_NOUNS
PRONOUNS = {"he": "person", "she": "person", "they": "any", "it": "institution", "we": "any", "i": "person"}
# A PERSON entity in these places is a place the model mistook for a person ("in Nur-Sultan",
# "the Kazakh capital, Nur-Sultan", "the towns of Fleifel and Al-Fatirah").
LOCATIVE_PREPOSITIONS = frozenset("in near at around outside inside into towards toward across".split())
PLACE_NOUNS = frozenset("capital city cities town towns village villages province provinces district districts region "
                        "area areas countryside suburb suburbs neighbourhood neighborhood governorate camp crossing "
                        "outskirts settlement settlements".split())
# "Vice President Mike Pence" is not "the president"; "former minister" is not "the minister".
LESSER_TITLES = frozenset("vice deputy former ex assistant acting".split())


@lru_cache(maxsize=1)
def attribution_config() -> dict:
    """Word lists for attribution rules, from config/attribution.yaml."""
    return yaml.safe_load((CONFIG / "attribution.yaml").read_text(encoding="utf-8")) or {}


def is_capitalised_name(token) -> bool:
    """A capitalised word with lower case in it: "Lavrentiev", and also "McConnell", "DuVernay", "O'Brien"
    (spaCy's is_title refuses capitals inside a word)."""
    text = token.text
    return text[:1].isupper() and any(c.islower() for c in text) and text.replace("'", "").replace("\u2019", "").isalpha()


@dataclass(frozen=True)
class Speaker:
    """A resolved speaker: display name, title, actor id, and whether it is a person."""

    name: str
    title: str | None
    actor: str | None
    is_person: bool


@dataclass(frozen=True)
class PersonMention:
    """A person named in the text with the title written around the name."""

    name: str
    title: str | None
    position: int


class SpeakerIndex:
    """People named in one article: fullest names, titles, and what was said last."""

    def __init__(self, doc):
        self.people: list[PersonMention] = []
        self.full_names: dict[str, str] = {}
        for ent in doc.ents:
            # "al-Meslet said": a name may start with a lower-case Arabic article
            if ent.label_ != "PERSON" or not (ent.text[:1].isupper() or re.match(r"(?:al|el|ad|as)-[A-Z]", ent.text)) \
                    or _is_place(ent):
                continue
            name = _clean_name(full_span_text(ent))
            if not name:
                continue
            self.add_person(name, ent.start_char, title_of(ent))
        self.spoken: list[tuple[int, Speaker]] = []
        self.text = doc.text
        self._written: dict[str, set[str]] | None = None
        # People who are the subject of a sentence ("UN spokesman Stephane Dujarric urged…"): what
        # a later "he" most often points to, even when that sentence reported no speech.
        # The name may stand beside the subject: "The UN envoy, Staffan de Mistura, has welcomed…".
        # Not inside quotation marks: in '"I hope Mr. Putin will act," he said' the "he" is not Putin.
        self.quotes = find_quotes(self.text)  # extract_statements uses them too

        def outside(position: int) -> bool:
            return not any(q.start <= position < q.end for q in self.quotes)

        self.subjects = [(ent.start_char, _clean_name(full_span_text(ent))) for ent in doc.ents
                         if ent.label_ == "PERSON" and not _is_place(ent) and ent.text[:1].isupper() and (
                             ent.root.dep_ in ("nsubj", "nsubjpass")
                             or (ent.root.dep_ == "appos" and ent.root.head.dep_ in ("nsubj", "nsubjpass")))
                         and outside(ent.start_char)]
        # A surname met before, whatever the NER calls it now ("Lavrentiev also spoke about…").
        self.subjects += [(t.idx, self.full_name(t.text)) for t in doc
                          if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "PROPN" and is_capitalised_name(t)
                          and t.ent_type_ != "PERSON" and surname_known(t.text, self) and outside(t.idx)]
        self.subjects.sort()
        # Bodies as written, the whole noun phrase (NER often stops at "the General Command of the").
        self.organisations = [(e.start_char, noun_phrase(e.root)) for e in doc.ents if e.label_ == "ORG"]

    def add_person(self, name: str, position: int, title: str | None = None) -> None:
        """A person named at `position`; the fullest form of each surname is kept."""
        self.people.append(PersonMention(name, title, position))
        for surname in _surname_keys(name):
            if len(name.split()) > len(self.full_names.get(surname, "").split()):
                self.full_names[surname] = name

    def full_name(self, name: str) -> str:
        """The fullest form of a name found anywhere in the article ("Zakharova" -> "Maria Zakharova")."""
        return self.full_names.get(_surname_keys(name)[0]) or self.by_given_name(name) or name

    def by_given_name(self, name: str) -> str | None:
        """A one-word name no one has as a surname, the first word of exactly one fuller name in the article
        ("Zeid" -> "Zeid Ra'ad al-Hussein"): the person called by the given name, as Arabic names often are."""
        if len(name.split()) != 1:
            return None
        word = fold(name).lower()
        fuller = {full for full in self.full_names.values() if len(full.split()) > 1 and fold(full.split()[0]).lower() == word}
        return fuller.pop() if len(fuller) == 1 else None

    def title_for(self, name: str) -> str | None:
        """The longest title written next to this person anywhere in the article."""
        key = _surname_keys(name)[-1]
        titles = [p.title for p in self.people if p.title and _surname_keys(p.name)[-1] == key]
        return max(titles, key=len) if titles else None

    def person(self, name: str) -> Speaker:
        full = self.full_name(name)
        title = self.title_for(full)
        g = gazetteer()
        actor = g.resolve(full)
        if actor is None or g.actors[actor].kind != "person":
            actor = g.resolve(title) if title else None
        return Speaker(full, title, actor, True)

    def remember(self, position: int, speaker: Speaker) -> None:
        # Kept in text order: reported speech and quotes are found in separate passes.
        bisect.insort(self.spoken, (position, speaker), key=lambda item: item[0])

    def last_speaker(self, position: int, kind: str = "any", noun: str | None = None) -> Speaker | None:
        """The latest speaker before `position`, of a kind (person, institution), whose name has a noun."""
        for at, speaker in reversed(self.spoken):
            if at < position and (kind == "any" or speaker.is_person == (kind == "person")) and (
                    noun is None or noun in speaker.name.lower()):
                return speaker
        return None

    def by_actor(self, actor: str, position: int) -> Speaker | None:
        """The latest person before `position` who belongs to this actor ("the Russian officer" -> Grinkevich)."""
        g = gazetteer()
        canonical = g.rollup(actor)
        for mention in reversed([p for p in self.people if p.position < position]):
            speaker = self.person(mention.name)
            if speaker.actor and g.rollup(speaker.actor) == canonical:
                return speaker
        return None

    def written_name(self, actor_id: str, short: str | None = None) -> str:
        """An institution as the article names it at its fullest ("Ministry of Foreign Affairs and Expatriates").

        With `short` (the mention at hand, "SDF"), the fullest name that spells it out ("Syrian Democratic
        Forces"), not another body the gazetteer files under the same actor ("Autonomous Administration").
        """
        g = gazetteer()
        actor = g.actors[actor_id]
        if actor.kind not in ("institution", "organisation", "armed_group"):
            return actor.name  # states keep their name: "Moscow" and "the Kremlin" are Russia
        if self._written is None:
            self._written = {}
            for mention in g.mentions(self.text):
                text = re.sub(r"^(?:the|a|an) ", "", mention.text, flags=re.I)
                if text[:1].isupper():
                    self._written.setdefault(mention.actor, set()).add(text)
        names = sorted(self._written.get(actor_id, ()), key=len, reverse=True)
        if short:
            spelled = [n for n in names if short.lower() in n.lower() or _initials(n) == short.upper()]
            names = spelled or names
        return names[0] if names else actor.name

    def last_institution(self, position: int, noun: str) -> Speaker | None:
        """The latest body named before `position` whose name has this noun ("the ministry")."""
        g = gazetteer()
        mentions = [m for m in g.mentions(self.text[:position]) if g.actors[m.actor].kind == "institution"]
        candidates = [(m.start, Speaker(self.written_name(m.actor), None, m.actor, False)) for m in mentions
                      if noun in DOCUMENT_NOUNS or noun in m.text.lower()]
        # Bodies the gazetteer does not know ("Iraq's Foreign Ministry"), named as written.
        for start, name in self.organisations:
            if start < position and noun in name.lower():
                candidates.append((start, Speaker(name, None, g.resolve(name), False)))
        if candidates:
            return max(candidates, key=lambda c: c[0])[1]
        # "the ministry" for a body named only by a metonym ("the Russian military")
        for mention in reversed(mentions):
            if noun in g.actors[mention.actor].name.lower():
                return Speaker(self.written_name(mention.actor), None, mention.actor, False)
        return None

    def introduced(self, role: str, position: int, actor: str | None = None) -> Speaker | None:
        """An unnamed speaker brought in before `position` ("a Turkish security source"), for "the source"
        (for "the Turkish source", `actor` is Turkey's and a Russian source will not do)."""
        # The one who already spoke as such keeps what was learnt then ("a military source told SANA" is Syrian).
        g = gazetteer()
        for at, speaker in reversed(self.spoken):
            if at < position and not speaker.is_person and speaker.title == role and role in speaker.name.lower().split() \
                    and (actor is None or (speaker.actor and g.rollup(speaker.actor) == g.rollup(actor))):
                if speaker.actor:
                    return speaker
                break  # the latest such source is of no known side: read the text below
        found = None
        for match in re.finditer(rf"\b(?:a|an|one)\s+((?:[\w-]+\s+){{0,3}}{re.escape(role)})\b", self.text[:position], re.I):
            found = match
        if found is None:
            return None
        phrase = found.group(1)
        g = gazetteer()
        # "an official source at the Syrian Foreign Ministry": the body it speaks for
        body = re.match(r"\s*(?:at|of|for|from|in|with)\s+(?:the\s+)?([^,.;:\"\u201c]{3,80})", self.text[found.end():position])
        actor = g.resolve(body.group(1)) if body else None
        if actor and g.actors[actor].kind != "person":
            return Speaker(self.written_name(actor), role, actor, False)
        return Speaker(phrase, role, g.resolve(phrase), False)

    def by_role(self, role: str, position: int) -> Speaker | None:
        """The latest person before `position` whose title has this role noun, else the last person speaker.

        One who has spoken comes first: in "Erdogan said… agreed with Russian President Vladimir Putin…
        The president also accused…" the president is the one the story quotes.
        """
        for at, speaker in reversed(self.spoken):
            if at < position and speaker.is_person and _holds_role(speaker.title or self.title_for(speaker.name), role):
                return speaker
        # Reported speech is read before quotes: a person who was a sentence's subject stands in for one who spoke.
        for at, name in reversed(self.subjects):
            if at < position and name and _holds_role(self.title_for(name), role):
                return self.person(name)
        for mention in reversed([p for p in self.people if p.position < position]):
            if _holds_role(self.title_for(mention.name), role):
                return self.person(mention.name)
        unnamed = self.introduced(role, position)
        if unnamed:
            return unnamed
        last = self.last_speaker(position, "person")
        if last:
            return last
        earlier = [p for p in self.people if p.position < position]
        return self.person(earlier[-1].name) if earlier else None


def _initials(name: str) -> str:
    """ "Syrian Democratic Forces" -> "SDF"; lower-case words ("of", "the") are skipped."""
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def surname_known(name: str, index: SpeakerIndex) -> bool:
    """Whether the article names a person with this surname."""
    return bool(name.split()) and _surname_keys(name)[-1] in index.full_names


def _surname_keys(name: str) -> list[str]:
    """Lookup keys for a surname: "al-Jaafari" is also written "Jaafari"."""
    surname = fold(name).split()[-1].lower()
    bare = re.sub(r"^(?:al|el|ad|as|ash|at|az)-(?=\w)", "", surname)
    return [surname, bare] if bare != surname else [surname]


def _holds_role(title: str | None, role: str) -> bool:
    """Whether a title names this role itself, not a lesser one ("Vice President" is no "president")."""
    words = (title or "").lower().replace(",", " ").split()
    return any(word.rstrip("s") == role.rstrip("s") and (i == 0 or words[i - 1] not in LESSER_TITLES)
               for i, word in enumerate(words))


def is_misread_place(token) -> bool:
    """Whether the PERSON entity this token is in stands where a place stands."""
    return any(e.start <= token.i < e.end and e.label_ == "PERSON" and _is_place(e) for e in token.doc.ents)


def _is_place(ent) -> bool:
    """A PERSON entity standing where a place stands: after "in"/"near", or beside "capital"/"towns of"."""
    doc = ent.doc
    if ent.start > 0 and doc[ent.start - 1].lower_ in ROLE_NOUNS:
        return False  # "… in Syria Rear Admiral Alexander Grinkevich": a title makes it a person
    if ent.root.dep_ == "compound" and ent.root.head.pos_ == "NOUN":
        return True  # "the Sochi memorandum"
    if ent.start > 1 and doc[ent.start - 1].text == "," and doc[ent.start - 2].lemma_.lower() in PLACE_NOUNS:
        return True  # "the Kazakh capital, Nur-Sultan", however it was parsed
    node = ent.root
    for _ in range(4):
        if node.dep_ == "pobj" and node.head.lower_ in LOCATIVE_PREPOSITIONS:
            return True
        if node.head is node or node.dep_ not in ("appos", "conj", "pobj", "prep", "compound"):
            return False
        node = node.head
        if node.lemma_.lower() in PLACE_NOUNS:
            return True
    return False


PARTICLES = frozenset("al el von van der de den bin ibn abu abd ul".split())


def full_span_text(ent) -> str:
    """A PERSON entity extended over name particles the model cuts off ("Raed" + "al-Saleh", "von der Mühll")."""
    doc, end = ent.doc, ent.end
    while end < len(doc):
        token = doc[end]
        joined = token.idx == doc[end - 1].idx + len(doc[end - 1].text)  # no space: "al" "-" "Saleh"
        if token.lower_ in PARTICLES or (token.text == "-" and joined) or (
                (joined or doc[end - 1].lower_ in PARTICLES or doc[end - 1].text == "-") and token.is_title):
            end += 1
            continue
        break
    while end > ent.end and (doc[end - 1].lower_ in PARTICLES or doc[end - 1].text == "-"):
        end -= 1
    return doc[ent.start:end].text


def _possessive(ent) -> bool:
    doc = ent.doc
    return ent.end < len(doc) and doc[ent.end].text in ("'s", "\u2019s", "'")


def _clean_name(text: str) -> str:
    words = [w for w in text.replace("\u2019s", "").replace("'s", "").split() if w[:1].isupper() or w.lower().split("-")[0] in PARTICLES]
    return " ".join(words).strip(" ,.")


def _words(tokens) -> str:
    """Tokens as written, punctuation left out but hyphens kept: "Turkey-backed" must stay one word."""
    out = ""
    for t in tokens:
        if t.is_punct and t.text not in ("-", "\u2010", "\u2011"):
            continue
        glue = out.endswith("-") or t.text.startswith("-") or (t.i > 0 and t.doc[t.i - 1].text == "-" and not t.doc[t.i - 1].whitespace_)
        out += t.text if (not out or glue) else " " + t.text
    return out.strip(" -")


def title_of(ent) -> str | None:
    """Title words before a name ("Russian Foreign Ministry spokeswoman") and any apposition around it."""
    doc = ent.doc
    tokens: list = []
    i = ent.start - 1
    while i >= 0 and doc[i].dep_ in ("compound", "amod", "nmod", "poss", "case") and i < doc[i].head.i <= ent.root.i \
            and doc[i].ent_type_ != "PERSON" and not doc[i].is_punct \
            and not (doc[i].ent_type_ == "GPE" and i > 0 and doc[i - 1].pos_ == "ADP"):  # "… in Syria Rear Admiral X"
        tokens.insert(0, doc[i])
        i -= 1
    parts = []
    # "Deputy Chief of the Russian Center for … in Syria Rear Admiral X" (with "Opposing" in a name tagged
    # as a verb): when the parse cuts the title
    # short, the whole noun phrase back to the last comma is the title.
    start = ent.start
    while start > sentence_of(ent[0]).start and (doc[start - 1].pos_ in ("PROPN", "NOUN", "ADJ", "DET", "ADP", "CCONJ", "PART")
                                      or doc[start - 1].dep_ == "amod"
                                      or (doc[start - 1].is_title and doc[start - 1].tag_ in ("VBG", "VBN"))) \
            and doc[start - 1].ent_type_ != "PERSON" and doc[start - 1].lower_ not in ("by", "said", "to", "with"):
        start -= 1
    if ent.start - start > len(tokens) + 2 and ent.start - start <= 16 and (start == sentence_of(ent[0]).start or doc[start - 1].text == ","):
        tokens = list(doc[start:ent.start])
    if tokens:
        parts.append(" ".join(t.text for t in tokens if t.dep_ != "case" and t.text not in ("'s", "\u2019s")).strip())
    root = ent.root
    # "the head of the Russian centre, Rear Admiral X" and "X, the foreign ministry spokeswoman"
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        parts.append(_words(t for t in root.head.subtree if not (ent.start <= t.i < ent.end))[:160])
    # "the spokesman of the National Liberation Front, Naji Mustafa": the parser hangs the name on the
    # body, not on the role; the title is the role's phrase up to the name.
    elif root.dep_ == "appos" and root.head.dep_ in ("pobj", "compound"):
        role = root.head
        for _ in range(6):  # up through "of the …", "for the National Front for Liberation"
            if role.lemma_.lower() in ROLE_NOUNS or role.head is role or role.dep_ not in ("pobj", "prep", "compound"):
                break
            role = role.head
        if role.lemma_.lower() in ROLE_NOUNS:
            parts.append(_words(t for t in role.subtree if t.i < ent.start)[:160])
    for child in root.children:
        if child.dep_ == "appos" and child.i > root.i:
            parts.append(_words(child.subtree)[:160])
        # UN meetings coverage and affiliations: "Kelly Craft of the United States", "Naji Mustafa of the NFL"
        if child.dep_ == "prep" and child.lower_ == "of" and child.i == ent.end:
            country = next((o for o in child.children if o.dep_ == "pobj" and o.ent_type_ in ("GPE", "NORP", "ORG")), None)
            if country is not None:
                parts.append(_words(country.subtree)[:80])
    # UN meetings coverage: "VASSILY NEBENZIA (Russian Federation) said…": the delegation is the title.
    # (A surname the model left out of the entity may stand between: "FERIDUN HADI SİNİRLİOĞLU (Turkey)".)
    opening = ent.end
    while opening < min(len(doc), ent.end + 2) and doc[opening].is_alpha and doc[opening].text.isupper():
        opening += 1
    delegation = _bracketed(doc, opening)
    if delegation is not None and not any(delegation.text in part for part in parts):  # often an apposition too
        parts.append(delegation.text)
    parts = [p for p in parts if p]
    return ", ".join(parts) if parts else None


def _previous_subject_body(token) -> Speaker | None:
    """The institution that is the subject of the sentence before this one, named as the article names it."""
    doc, previous = token.doc, sentence_of(token)
    for _ in range(3):  # back over the sentences of the quote itself
        if previous.start == 0:
            return None
        previous = sentence_of(doc[previous.start - 1])
        if not any(mark in previous.text for mark in ('"', "\u201c", "\u201d")):
            break
    else:
        return None
    subject = next((c for c in previous.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.ent_type_ == "PERSON":
        return None
    # The noun phrase up to a relative clause or apposition: "Russia's Centre for … in Syria, which is run by…"
    name = noun_phrase(subject)
    g = gazetteer()
    actor = g.resolve(name) if len(name.split()) <= 16 else None
    if actor is None or g.actors[actor].kind == "person":
        return None
    return Speaker(name or g.actors[actor].name, None, actor, False)


def noun_phrase(head) -> str:
    """A name as written: the head's phrase without its article, up to a comma or a clause."""
    doc, end = head.doc, head.i + 1
    for t in doc[head.i + 1: head.right_edge.i + 1]:
        if t.text in (",", "(", ";") or t.dep_ in ("relcl", "acl", "appos"):
            break
        end = t.i + 1
    start = head.left_edge.i
    while start < head.i and doc[start].dep_ in ("det", "punct"):
        start += 1
    return re.sub(r"^(?:the|a|an)\s+", "", doc[start:end].text.strip(), flags=re.I)


MISLABELLED = ("", "PERSON", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW")


TITLE_WORDS = ROLE_NOUNS | INSTITUTION_NOUNS | frozenset("chair chairman chairwoman commission commissioner "
                                                       "secretary-general coach captain professor dr mr mrs ms".split())


def _name_tokens(token) -> list:
    """The proper nouns that end at the token, titles before them left out ("Commission Chair Paulo Pinheiro")."""
    words: list = []
    for t in reversed(token.doc[token.left_edge.i: token.i + 1]):
        if t.pos_ != "PROPN" or t.lower_ in TITLE_WORDS or len(words) == 4:
            break
        words.insert(0, t)
    return words


def _bracketed(doc, i: int):
    """The short capitalised words in brackets opening at token i ("(Russian Federation)"), as a Span, or None."""
    if i + 2 >= len(doc) or doc[i].text != "(":
        return None
    close = next((t.i for t in doc[i + 1: i + 6] if t.text == ")"), None)
    if close is None or close == i + 1 or not all(t.text[:1].isupper() or t.lower_ in ("of", "the") for t in doc[i + 1: close]):
        return None
    return doc[i + 1: close]


def _delegation(token) -> str | None:
    """The country in brackets after a name, as UN meetings coverage writes delegates: "NAME (Turkey)"."""
    inside = _bracketed(token.doc, token.i + 1)
    return inside.text if inside is not None and any(t.ent_type_ == "GPE" for t in inside) else None


def _unlabelled_name(token) -> bool:
    """A capitalised proper noun the NER did not call a place or a body: most likely a person's name."""
    words = _name_tokens(token)
    return (token.pos_ == "PROPN" and token.is_title and bool(words)
            and all(w.ent_type_ in MISLABELLED and w.is_title for w in words)
            and token.lower_ not in TITLE_WORDS)


def _issuer(token, index: SpeakerIndex) -> Speaker | None:
    """Who issued the statement named before: "In a statement, X's office said…" … "the statement said"."""
    doc = token.doc
    for earlier in reversed(doc[:token.i]):
        if earlier.lemma_.lower() != token.lemma_.lower():
            continue
        verb = earlier.head
        for _ in range(3):
            if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
                break
            verb = verb.head
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.lower_ not in DOCUMENT_NOUNS and subject.i != earlier.i:
            return resolve_subject(subject, index)
        return None
    return None


def group_before(token):
    """The plural role noun ("officials", "sources") that is the subject of the sentence before this one."""
    sentence = sentence_of(token)
    if sentence.start == 0:
        return None
    previous = sentence_of(token.doc[sentence.start - 1])
    return next((t for t in previous if t.dep_ in ("nsubj", "nsubjpass") and t.tag_ == "NNS"
                 and t.lemma_.lower() in ROLE_NOUNS), None)


def resolve_subject(token, index: SpeakerIndex) -> Speaker | None:
    """Turn the subject of a cue verb into a speaker: a name, a pronoun, a role noun or an institution."""
    lower = token.lower_
    if lower == "one" and token.dep_ in ("nsubj", "nsubjpass"):
        # "Turkish officials were blunt. One said…": one of the group the sentence before was about
        group = group_before(token)
        speaker = resolve_subject(group, index) if group is not None else None
        if speaker is not None and not speaker.is_person:
            words = speaker.name.split()
            single = " ".join([*words[:-1], group.lemma_]) if words and words[-1].lower() == group.lower_ else speaker.name
            return Speaker(single, speaker.title, speaker.actor, False)
        return None
    if token.pos_ == "PRON":
        kind = PRONOUNS.get(lower)
        if kind is None:
            return None
        if lower == "it":  # "Russia's Centre for Reconciliation … gave a different account. "…," it said."
            found = _previous_subject_body(token)
            if found:
                return found
        found = index.last_speaker(token.idx, kind)
        if kind in ("person", "any") and lower != "we":
            spoke_at = max((at for at, sp in index.spoken if at < token.idx and sp is found), default=-1)
            subject = next(((at, name) for at, name in reversed(index.subjects) if at < token.idx and name), None)
            if subject and subject[0] > spoke_at:
                return index.person(subject[1])
        if found is None and kind in ("person", "any"):
            earlier = [p for p in index.people if p.position < token.idx]
            found = index.person(earlier[-1].name) if earlier else None
        return found
    subtree = list(token.subtree)
    span = token.doc[subtree[0].i: subtree[-1].i + 1]
    # The name the subject itself is, not a possessive inside it ("Akar's counterpart Sergei Shoigu").
    people = sorted((e for e in span.ents if e.label_ == "PERSON" and not _possessive(e) and not _is_place(e)),
                    key=lambda e: not (e.start <= token.i < e.end))
    if people:
        return index.person(_clean_name(full_span_text(people[0])) or people[0].text)
    if token.ent_type_ == "PERSON":
        if is_misread_place(token):
            return None
        # The whole name the token is part of: "al-Assad" may be split into "al", "-", "Assad".
        ent = next((e for e in token.doc.ents if e.start <= token.i < e.end), None)
        name = _clean_name(full_span_text(ent)) if ent is not None else ""
        return index.person(name or token.text) if (name or token.is_alpha) else None
    g = gazetteer()
    # Only the noun phrase before the verb: a relative clause must not lend its actors.
    phrase = token.doc[token.left_edge.i: token.i + 1].text
    actor = g.resolve(phrase)
    if token.pos_ == "PROPN" and is_capitalised_name(token) and (surname_known(token.text, index)
                                                                 or index.by_given_name(token.text)):
        return index.person(token.text)  # "Stoltenberg said", named in full before, whatever the NER says now
    delegation = _delegation(token)
    if actor is None and (_unlabelled_name(token) or (delegation is not None and _name_tokens(token))):
        # '"…," Hector Cuper said': the small model calls names after a quote WORK_OF_ART or PRODUCT;
        # "FERIDUN SINIRLIOGLU (Turkey) said" in UN meetings coverage: any label, a delegate.
        name = " ".join(t.text for t in _name_tokens(token))
        index.add_person(name, token.idx, delegation)
        return index.person(name)
    whole_body = None
    if lower in BODY_NOUNS:
        # "Türkiye's Ministry of National Defence": the body's full name runs past the head noun.
        whole = token.doc[token.left_edge.i: token.right_edge.i + 1]
        whole_body = g.resolve(whole.text) if len(whole) <= 12 else None
        if whole_body and g.actors[whole_body].kind not in ("person", "state"):
            actor = whole_body
    if actor and g.actors[actor].kind == "person":
        return index.person(g.actors[actor].name)
    if lower in ROLE_NOUNS and not actor:
        # "an official source at the Foreign Ministry", "a spokesman for the SDF": the body speaks.
        body = g.resolve(token.doc[token.left_edge.i: token.right_edge.i + 1].text[:200])
        if body and g.actors[body].kind != "person":
            return Speaker(index.written_name(body), lower, body, False)
        # "A military source told SANA", "diplomatic sources said": someone unnamed, as described here.
        determiners = [c.lower_ for c in token.children if c.dep_ in ("det", "nummod")]
        if any(d in ("a", "an", "one") for d in determiners) or (not determiners and token.tag_ == "NNS"):
            described = " ".join(t.text for t in token.doc[token.left_edge.i: token.i + 1] if t.dep_ != "det")
            # "an official source at the ministry": the ministry the article has just named
            place = next((o for c in token.children if c.dep_ == "prep" and c.lower_ in ("at", "in", "of", "from")
                          for o in c.children if o.dep_ == "pobj" and o.lower_ in BODY_NOUNS), None)
            named = index.last_institution(token.idx, place.lower_) if place is not None else None
            if named is not None and place is not None:
                described = " ".join(t.text for t in token.doc[token.left_edge.i: place.i + 1] if t.dep_ != "det" or t.i > token.i)
                return Speaker(described, lower, named.actor, False)
            # "Turkish security sources told Anadolu… one source said": one of the group just named
            group = group_before(token)
            if group is not None and group.lemma_.lower() == token.lemma_.lower() and group is not token:
                of_group = resolve_subject(group, index)
                if of_group is not None and of_group.actor:
                    return Speaker(f"{of_group.name[:-1] if of_group.name.endswith('s') else of_group.name}",
                                   lower, of_group.actor, False)
            return Speaker(described, lower, None, False)
        return index.by_role(lower, token.idx)
    if actor and lower in ROLE_NOUNS:
        # "the Russian officer", "the Turkish leader": someone the article has already named.
        # Not when an unnamed one was brought in first ("a Turkish official said… the Turkish official added").
        introduced = index.introduced(lower, token.idx, actor)
        if introduced:
            return introduced
        if any(c.lower_ in ("the", "this") for c in token.children if c.dep_ == "det"):
            named = index.by_actor(actor, token.idx)
            if named:
                return named
            # "the Coalition president": the person whose title holds the role
            titled = next((index.person(p.name) for p in reversed(index.people)
                           if p.position < token.idx and _holds_role(index.title_for(p.name), lower)), None)
            if titled:
                return titled
        # An unnamed person described by role: "a Turkish security source" speaks as that, for Turkey.
        words = phrase.split()
        return Speaker(" ".join(words[1:] if words[0].lower() in ("a", "an", "the", "one") else words), lower, actor, False)
    if actor:
        if g.actors[actor].kind == "state" and lower in BODY_NOUNS:
            # "the French Foreign Ministry", "the State Department": a state's body the gazetteer does not
            # list is named as written, and speaks for its state.
            return Speaker(noun_phrase(token), None, actor, False)
        # A body named in full is named as written ("the General Command of the Syrian Democratic
        # Forces"); a short mention gets the fullest name the article uses ("the SDF" is the Syrian
        # Democratic Forces), and no other body's name (not "the Autonomous Administration…").
        written = noun_phrase(token)
        if len(written.split()) >= 3 and g.resolve(written) == actor:
            return Speaker(written, None, actor, False)
        return Speaker(index.written_name(actor, written), None, actor, False)
    owner = next((c for c in token.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
    if owner is not None and lower in BODY_NOUNS:
        # "The Syrian government has never accepted… Its foreign ministry said": the body of the one before
        previous = _previous_subject_body(owner)
        if previous is not None and previous.actor:
            written = " ".join(t.text for t in token.doc[token.left_edge.i: token.i + 1] if t.i != owner.i)
            return Speaker(f"{written} ({previous.name})", None, previous.actor, False)
    if lower in DOCUMENT_NOUNS:  # "the statement read", "the letters said": whoever issued it
        return _issuer(token, index) or index.last_speaker(token.idx) or index.last_institution(token.idx, lower)
    if lower in INSTITUTION_NOUNS:
        # "the Foreign Ministry of Syria": a state's body, named as written
        if whole_body and g.actors[whole_body].kind != "person":
            return Speaker(noun_phrase(token), None, whole_body, False)
        # "The Ebaa news agency, affiliated with HTS": a body named here for the first time, as written,
        # for whoever its description names.
        own = [t for t in token.doc[token.left_edge.i: token.i] if t.pos_ == "PROPN"]
        if own:
            name = noun_phrase(token)
            # "the General Command said" after "the General Command of the Syrian Democratic Forces"
            fuller = next((full for at, full in reversed(index.organisations)
                           if at < token.idx and full.startswith(name + " ") and len(full) > len(name)), None)
            if fuller:
                return Speaker(fuller, None, g.resolve(fuller), False)
            described = token.doc[token.left_edge.i: min(token.right_edge.i + 1, token.left_edge.i + 25)].text
            return Speaker(name, None, g.resolve(described), False)
        # "the ministry said": the last ministry that spoke or was named, before any other body that spoke.
        return index.last_speaker(token.idx, "institution", noun=lower) or index.last_institution(token.idx, lower) \
            or index.last_speaker(token.idx, "institution")
    return None

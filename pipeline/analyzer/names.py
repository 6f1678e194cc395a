"""Names as an article writes them: people's names and titles, places taken for people, bodies' noun phrases."""

from __future__ import annotations

import re
from functools import lru_cache

import yaml

from pipeline.analyzer.gazetteer import CONFIG, gazetteer
from pipeline.analyzer.sentences import sentence_of

@lru_cache(maxsize=1)
def attribution_config() -> dict:
    """Word lists for attribution rules, from config/attribution.yaml."""
    return yaml.safe_load((CONFIG / "attribution.yaml").read_text(encoding="utf-8")) or {}


ROLE_NOUNS = frozenset(
    "diplomat minister spokesman spokeswoman spokesperson official officials envoy president ambassador source "
    "sources commander general representative deputy chief head adviser advisor negotiator lawmaker premier "
    "secretary leader director analyst expert colonel officer lieutenant major admiral governor mayor senator "
    "congressman congresswoman judge prosecutor chancellor pontiff".split()
)
ROLE_NOUNS |= frozenset(attribution_config().get("hyphenated_titles", ()))  # "the co-chair of the council, X,"
DOCUMENT_NOUNS = frozenset("statement statements letter letters bulletin communique communiqué release".split())
BODY_NOUNS = frozenset("ministry agency army military department office government embassy committee council centre "
                       "center command headquarters observatory presidency directorate delegation".split())
INSTITUTION_NOUNS = DOCUMENT_NOUNS | BODY_NOUNS
# A PERSON entity in these places is a place the model mistook for a person ("in Nur-Sultan",
# "the Kazakh capital, Nur-Sultan", "the towns of Fleifel and Al-Fatirah").
LOCATIVE_PREPOSITIONS = frozenset("in near at around outside inside into towards toward across".split())
# Who lives in a place: "a resident of X", "natives of X" make X a place, whatever the NER says.
DWELLER_NOUNS = frozenset("resident native inhabitant villager townsman townswoman".split())
PLACE_NOUNS = frozenset("capital city cities town towns village villages province provinces district districts region "
                        "area areas countryside suburb suburbs neighbourhood neighborhood governorate camp crossing "
                        "outskirts settlement settlements".split())


def rank_only(span) -> bool:
    """A "name" that is only titles: the model cut "Maj Gen" off "Maj Gen Igor Konashenkov" as a person of its own,
    and "Russian Presidential" off "Russian Presidential Special Envoy for Syria Alexander Lavrentiev"."""
    return all(t.lower_ in person_titles() or t.lower_ in title_modifiers() or _state_word(t) for t in span) \
        and not all(_state_word(t) for t in span)


def _state_word(token) -> bool:
    """A state's name or adjective ("Russian", "Turkish")."""
    actor = gazetteer().resolve(token.text) if token.text[:1].isupper() else None
    return actor is not None and gazetteer().actors[actor].kind == "state"


@lru_cache(maxsize=1)
def title_modifiers() -> frozenset[str]:
    """Words a title opens with that name no one (config/attribution.yaml title_modifiers)."""
    return frozenset(attribution_config().get("title_modifiers", ()))


@lru_cache(maxsize=1)
def person_titles() -> frozenset[str]:
    """Words a person's name follows: role nouns and config/attribution.yaml person_titles."""
    return ROLE_NOUNS | frozenset(attribution_config().get("person_titles", ()))


def is_proper_name(text: str) -> bool:
    """ "Jaish al-Islam", "National Front for Liberation", "HTS": a name, not a description ("Syrian opposition")."""
    words = re.findall(r"[^\W\d_]+", text)
    return bool(words) and all(w[:1].isupper() or w.lower() in NAME_PARTICLES for w in words)


def is_proper_word(word: str) -> bool:
    """A capitalised word of a name, its hyphenated parts too ("al-Sham", "Kafr-Nabl"), not a description
    ("Britain-based", "Kurdish-led")."""
    return word[:1].isupper() and is_proper_name(word)



@lru_cache(maxsize=1)
def group_nouns() -> frozenset[str]:
    """Nouns that point back at a group named earlier ("the group", "the front"): config/attribution.yaml."""
    return frozenset(attribution_config().get("group_nouns", ()))


def _the_lower_case(token) -> bool:
    """Written in lower case with "the": "the group", "the factions" (not a name such as "the Front")."""
    return token.text.islower() and any(c.dep_ == "det" and c.lower_ == "the" for c in token.children)


def points_to_group(token) -> bool:
    """ "the group", "the front" written in lower case with "the": a reference back to a group named before."""
    return token.lower_ in group_nouns() and _the_lower_case(token)


def points_to_groups(token) -> bool:
    """ "the groups", "the factions" (plural, lower case, with "the"): the armed groups a sentence before described."""
    return token.tag_ == "NNS" and token.lemma_.lower() in group_nouns() and _the_lower_case(token)


@lru_cache(maxsize=1)
def unnamed_nouns() -> frozenset[str]:
    """Nouns an unnamed speaker is described by: role nouns and config/attribution.yaml unnamed_people."""
    return ROLE_NOUNS | frozenset(attribution_config().get("unnamed_people", ()))


@lru_cache(maxsize=1)
def state_body_nouns() -> frozenset[str]:
    """Nouns of a state body named without its state (config/attribution.yaml state_body_nouns)."""
    return frozenset(attribution_config().get("state_body_nouns", ()))


def listens(token) -> bool:
    """Whom a verb of telling or speaking addresses, not who speaks: "told Enab Baladi:", "speaking to Asharq Al-Awsat"
    (config listening_verbs and speaking_verbs; the outlet is often tagged a person)."""
    config, head = attribution_config(), token.head
    if token.dep_ in ("dobj", "dative"):
        return head.lemma_.lower() in config.get("listening_verbs", ())
    return token.dep_ == "pobj" and head.lower_ in ("to", "with") and head.head.pos_ == "VERB" \
        and head.head.lemma_.lower() in config.get("speaking_verbs", ())


@lru_cache(maxsize=1)
def on_the_ground() -> frozenset[str]:
    """Words of an unnamed source on the ground (config/attribution.yaml ground_words)."""
    return frozenset(attribution_config().get("ground_words", ()))


def unnamed_source_state(speaker: str | None, outlet: str | None, sent) -> str | None:
    """The state of an unnamed source ("a military source") that a state's news agency publishes (the outlet:
    "…, a military source said" in SANA's own report) or relays in the sentence ("SANA quoted a military source as
    saying…", "Syrian state media quoted…"), as when the source "told SANA"."""
    described = set((speaker or "").lower().split())
    if described & on_the_ground():
        return None  # "residents", "local sources": people on the ground, not the agency's state
    if not described & unnamed_nouns():  # "the defence ministry said" in Anadolu's own copy: Turkey's
        return agency_state(outlet) if described & state_body_nouns() else None
    # the medium the sentence names first: TASS's "SANA quoted a military source" is Syria's source
    return medium_state(relaying_agency(sent)) or agency_state(outlet)


def agency_state(name: str | None) -> str | None:
    """The state whose news agency this is (config/gazetteer.yaml: SANA, TASS, Anadolu, IRNA…), or whose unnamed
    sources a newspaper that is no party carries (config/attribution.yaml sourced_media: Al-Watan)."""
    sourced = _sourced_media().search(name or "")
    if sourced:
        return attribution_config()["sourced_media"][sourced.group(0).lower()]
    g = gazetteer()
    agency = g.resolve(name) if name else None
    if agency is None or g.actors[agency].kind != "institution" or not g.actors[agency].parent:
        return None
    state = g.rollup(agency)
    return state if g.actors[state].kind == "state" else None


@lru_cache(maxsize=1)
def _sourced_media() -> re.Pattern[str]:
    names = sorted(attribution_config().get("sourced_media") or {}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b", re.I) if names else re.compile(r"(?!)")


def _state_media(phrase: str | None) -> str | None:
    """ "Syrian state media", "Iranian state television": a state's own media named by its adjective."""
    said = set((phrase or "").lower().split())
    if "state" not in said or not said.intersection(attribution_config().get("media_nouns", ())):
        return None
    g = gazetteer()
    actor = g.resolve(phrase or "")
    state = g.rollup(actor) if actor else None
    return state if state and g.actors[state].kind == "state" else None


def medium_state(phrase: str | None) -> str | None:
    """The state whose medium a phrase names: its news agency ("SANA") or its state media ("Syrian state TV")."""
    return agency_state(phrase) or _state_media(phrase)


def relaying_agency(sent) -> str | None:
    """The medium that relays a source in the sentence ("SANA quoted a military source as saying…"), as written."""
    relays = attribution_config().get("relay_verbs", ())
    for token in sent:
        if token.pos_ == "VERB" and token.lemma_.lower() in relays:
            subject = next((c for c in token.children if c.dep_ == "nsubj" and c.i < token.i), None)
            if subject is not None and subject.lower_ in attribution_config().get("media_nouns", ()) \
                    and subject.left_edge.i >= subject.i - 1:
                # "The agency quoted a military source…": the agency the article named before
                return _medium_named_before(sent.doc, sent.start) or token.doc[subject.left_edge.i: token.i].text
            if subject is not None:  # up to the verb: "Syria's official news agency SANA" (two subjects, parsed)
                return token.doc[subject.left_edge.i: token.i].text
            passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)
            agent = next((o for t in token.subtree if t.lower_ == "by" and (t.dep_ == "agent" or passive)
                          for o in t.children if o.dep_ == "pobj"), None)
            if agent is not None:  # "a military source was quoted as saying by SANA"
                end = agent.right_edge.i + 1
                if end < len(token.doc) and token.doc[end].text[:1].isupper() and agency_state(token.doc[end].text):
                    end += 1  # "quoted by state news agency SANA", the name parsed apart from its noun
                return token.doc[agent.left_edge.i: end].text
            if token.dep_ == "advcl" and token.tag_ == "VBG":
                # '"…," state news agency SANA, citing a military source, said': what stands before the participle,
                # after the quote
                return token.doc[start_after_quote(token.doc, sent.start, token.i): token.i].text.strip(" ,") or None
    return None


def _medium_named_before(doc, position: int) -> str | None:
    """The last state news agency the text names before a token position ("SANA", "TASS"), as written."""
    g = gazetteer()
    named = [m for m in g.mentions(doc.text[:doc[position].idx]) if agency_state(m.text)]
    return named[-1].text if named else None


@lru_cache(maxsize=1)
def _posting_pattern() -> re.Pattern[str]:
    roles = "|".join(re.escape(r) for r in attribution_config().get("posted_roles", ()))
    return re.compile(rf"\b({roles})\s+(?:to|in|at)\s+[^,;]*", re.IGNORECASE)


def without_posting(title: str) -> str:
    """A title without the place its holder is posted to: "Russian ambassador to Ankara" -> "Russian ambassador"."""
    return _posting_pattern().sub(r"\1", title)


def is_capitalised_name(token) -> bool:
    """A capitalised word with lower case in it: "Lavrentiev", and also "McConnell", "DuVernay", "O'Brien"
    (spaCy's is_title refuses capitals inside a word)."""
    text = token.text
    return text[:1].isupper() and any(c.islower() for c in text) and text.replace("'", "").replace("\u2019", "").isalpha()


def is_misread_place(token) -> bool:
    """Whether the PERSON entity this token is in stands where a place stands."""
    return any(e.start <= token.i < e.end and e.label_ == "PERSON" and is_place(e) for e in token.doc.ents)


def is_place(ent) -> bool:
    """A PERSON entity standing where a place stands: after "in"/"near", or beside "capital"/"towns of"."""
    doc = ent.doc
    if ent.start > 0 and doc[ent.start - 1].lower_ in ROLE_NOUNS:
        return False  # "… in Syria Rear Admiral Alexander Grinkevich": a title makes it a person
    if _set_off_before_subjectless_verb(ent):
        return False  # "…, the opposition's chief negotiator in Geneva, Mohammed Alloush, told reporters"
    if ent.root.dep_ == "compound" and ent.root.head.pos_ == "NOUN":
        return True  # "the Sochi memorandum"
    if ent.start > 1 and doc[ent.start - 1].text == "," and doc[ent.start - 2].lemma_.lower() in PLACE_NOUNS \
            and not _subject_of_next_verb(ent):
        return True  # "the Kazakh capital, Nur-Sultan", however it was parsed
    node = ent.root
    for _ in range(4):
        if node.dep_ == "pobj" and node.head.lower_ in LOCATIVE_PREPOSITIONS:
            return True
        if node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lemma_.lower() in DWELLER_NOUNS \
                and not any(e.label_ in ("GPE", "LOC", "FAC") and node.left_edge.i <= e.start < ent.start for e in doc.ents):
            return True  # "a resident of Maaret al-Numan" (not a name after the place: "of Deir al-Zor Abdullah al-Noami")
        if node.head == node or node.dep_ not in ("appos", "conj", "pobj", "prep", "compound"):
            return False
        node = node.head
        if node.lemma_.lower() in PLACE_NOUNS:
            return True
    return False


def _set_off_before_subjectless_verb(ent) -> bool:
    """A name between commas right before a verb the parser left without a subject: it is that verb's subject."""
    doc = ent.doc
    if ent.start == 0 or ent.end + 1 >= len(doc) or doc[ent.start - 1].text != "," or doc[ent.end].text != ",":
        return False
    verb = doc[ent.end + 1]
    return verb.pos_ == "VERB" and verb.tag_ in ("VBD", "VBZ") and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)


def _subject_of_next_verb(ent) -> bool:
    """A name that is the subject of the verb right after it: "After a visit to the Idlib countryside, Saleh said"."""
    doc = ent.doc
    return ent.end < len(doc) and ent.root.dep_ in ("nsubj", "nsubjpass") and ent.root.head.i == ent.end \
        and doc[ent.end].pos_ in ("VERB", "AUX")


PARTICLES = frozenset("al el von van der de den bin ibn abu abd ul".split())
# Lower-case words a body's or a person's name may hold: "Jaish al-Islam", "National Front for Liberation".
NAME_PARTICLES = PARTICLES | frozenset("ad as ash an ar at az of for the and du".split())


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
    # "Zeid Ra'ad al Hussein" tagged only from "al": a name that starts with a particle has given names before it
    start = ent.start
    while doc[ent.start].lower_ in PARTICLES and start > max(ent.start - 2, 0) and doc[start - 1].pos_ == "PROPN" \
            and doc[start - 1].text[:1].isupper() and doc[start - 1].lower_ not in TITLE_WORDS and not doc[start - 1].ent_type_:
        start -= 1
    return doc[start:end].text


def _posting(doc, i: int) -> bool:
    """Whether token i links a posted role to its post: the "to" of "ambassador to Ankara"."""
    return doc[i].lower_ in ("to", "in", "at") and i > 0 and doc[i - 1].lower_ in attribution_config().get("posted_roles", ())


def clean_name(text: str) -> str:
    words = [w for w in text.replace("\u2019s", "").replace("'s", "").split() if w[:1].isupper() or w.lower().split("-")[0] in PARTICLES]
    return " ".join(words).strip(" ,.")


def _relative_clauses(noun) -> set[int]:
    """The tokens of the relative clauses in a noun's phrase: what the one so described did ("Clinton, the
    businessman's rival in the election, who urged more airstrikes on Islamic State territory") is no part of a title,
    unless it is a post held ("a commander who leads the Hamza Division")."""
    return {t.i for c in noun.subtree if c.dep_ == "relcl" and c != noun and c.lemma_.lower() not in LEADING_VERBS
            for t in c.subtree}


def _words(tokens) -> str:
    """Tokens as written, punctuation left out but hyphens kept: "Turkey-backed" must stay one word."""
    out = ""
    for t in tokens:
        if t.is_punct and t.text not in ("-", "\u2010", "\u2011"):
            if _lists(t) and out:
                out += ","  # "the United States, Britain and France"
            continue
        glue = out.endswith("-") or t.text.startswith("-") or (t.i > 0 and t.doc[t.i - 1].text == "-" and not t.doc[t.i - 1].whitespace_) \
            or t.lower_ in ("'s", "\u2019s")  # "Syria's foreign minister", not "Syria 's"
        out += t.text if (not out or glue) else " " + t.text
    return out.strip(" -")


# A place before a title is where, not whose: "the envoy in Syria Rear Admiral X" (but "by US Vice President X").
PLACE_PREPOSITIONS = frozenset("in at near inside across from within".split())
# Verbs of a relative clause that give a person's post: "X, who heads the Russian centre".
LEADING_VERBS = frozenset("head lead command run chair direct represent".split())


def _inside_title(token, root: int) -> bool:
    """A word of the title before a name: it hangs on a later word up to the name ("Turkey's envoy X":
    the possessive's "'s" hangs back on "Turkey", which hangs on "envoy")."""
    if token.dep_ == "det":  # "the centre's deputy head X": the article of a possessive body is the title's
        return token.head.dep_ == "poss" and token.i < token.head.i < root
    head = token.head.head if token.dep_ == "case" and token.head.i == token.i - 1 else token.head
    return token.i < head.i <= root


def title_of(ent) -> str | None:
    """Title words before a name ("Russian Foreign Ministry spokeswoman") and any apposition around it."""
    doc = ent.doc
    tokens: list = []
    i = ent.start - 1
    while i >= 0 and doc[i].dep_ in ("compound", "amod", "nmod", "poss", "case", "det") and _inside_title(doc[i], ent.root.i) \
            and doc[i].ent_type_ != "PERSON" and not doc[i].is_punct \
            and not (doc[i].ent_type_ == "GPE" and i > 0 and doc[i - 1].lower_ in PLACE_PREPOSITIONS):  # "… in Syria Rear Admiral X"
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
            and doc[start - 1].ent_type_ != "PERSON" and (doc[start - 1].lower_ not in ("by", "said", "to", "with")
                                                           or _posting(doc, start - 1)):
        start -= 1
    if ent.start - start > len(tokens) + 2 and ent.start - start <= 16 and (start == sentence_of(ent[0]).start or doc[start - 1].text in (",", "\"", "\u201d")):
        tokens = list(doc[start:ent.start])
    if tokens:
        parts.append(" ".join(t.text for t in tokens if t.dep_ != "case" and t.text not in ("'s", "\u2019s")).strip())
    root = ent.root
    # "the head of the Russian centre, Rear Admiral X" and "X, the foreign ministry spokeswoman"
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        clauses = _relative_clauses(root.head)
        parts.append(_words(t for t in root.head.subtree if not (ent.start <= t.i < ent.end) and t.i not in clauses)[:160])
    # "the spokesman of the National Liberation Front, Naji Mustafa": the parser hangs the name on the
    # body, not on the role; the title is the role's phrase up to the name.
    elif root.dep_ == "appos" and root.head.dep_ in ("pobj", "compound"):
        role = root.head
        # (a person described, too: "The researcher at the Omran Center for Strategic Studies, Nawar Oliver, told…")
        for _ in range(6):  # up through "of the …", "for the National Front for Liberation"
            if role.lemma_.lower() in unnamed_nouns() or role.head == role or role.dep_ not in ("pobj", "prep", "compound"):
                break
            role = role.head
        if role.lemma_.lower() in unnamed_nouns():
            parts.append(_words(t for t in role.subtree if t.i < ent.start)[:160])
    for child in root.children:
        # Not "Dorothy Woods, whose husband, Navy SEAL Ty Woods, was…" parsed as an apposition: someone else's
        if child.dep_ == "appos" and child.i > root.i and not any(t.tag_ == "WP$" for t in child.children):
            clauses = _relative_clauses(child)
            parts.append(_words(t for t in child.subtree if t.i not in clauses)[:160])
        # "Lieutenant-General Sergei Kuralenko, who heads a Russian centre at Hmeymim": the body led is the post
        if child.dep_ == "relcl" and child.lemma_.lower() in LEADING_VERBS:
            parts.append(re.sub(r"^(?:who|that)\s+", "", _words(child.subtree))[:160])
    # UN meetings coverage and affiliations: "Kelly Craft of the United States", "Naji Mustafa of the NFL", "Zakaria
    # Malhifji, of the Aleppo-based Fastaqim group" (hung on any word of the name: the parser splits "al-Youssef")
    for child in (c for t in ent for c in t.children):
        if child.dep_ == "prep" and child.lower_ == "of" and (child.i == ent.end or (
                child.i == ent.end + 1 and doc[ent.end].text == ",")):
            country = next((o for o in child.children if o.dep_ == "pobj" and (
                o.ent_type_ in ("GPE", "NORP", "ORG") or _names_a_body(o))), None)
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
    if not parts:
        parts = [role] if (role := _role_set_off_before(ent)) else []
    return ", ".join(parts) if parts else None


def _role_set_off_before(ent) -> str | None:
    """ "…, the head of the Syrian opposition's negotiating body, Nasr al-Hariri, told reporters": a role phrase set off
    by commas just before the name, which the parser hung elsewhere, is the name's title."""
    doc, end = ent.doc, ent.start - 1
    if end < 2 or doc[end].text != ",":
        return None
    start, opening = end, sentence_of(ent[0]).start
    while start > opening and doc[start - 1].text not in (",", ";", ":") and doc[start - 1].text not in QUOTE_MARKS:
        start -= 1
    words = list(doc[start:end])
    if not 2 <= len(words) <= 16 or words[0].lower_ not in ("the", "a", "an") \
            or any(w.ent_type_ == "PERSON" or w.pos_ in ("VERB", "AUX") for w in words):
        return None
    return doc[start:end].text if any(w.lemma_.lower() in ROLE_NOUNS for w in words[1:5]) else None


def _names_a_body(noun) -> bool:
    """ "the Aleppo-based Fastaqim group", "the Nour al-Din al-Zenki movement": a phrase that names a body or a
    group the gazetteer knows (not a state: "of the town of Saraqeb" is where someone lives)."""
    actor = gazetteer().resolve(_words(noun.subtree)[:120])
    return actor is not None and gazetteer().actors[actor].kind not in ("person", "state")


QUOTE_MARKS = "\"\u201c\u201d\u00ab\u00bb"


def start_after_quote(doc, start: int, end: int) -> int:
    """The first token after the last quotation mark in tokens [start, end) (a mark glued to a comma too), else start."""
    return max([start, *(t.i + 1 for t in doc[start:end] if t.is_quote or t.text[-1:] in QUOTE_MARKS)])


def _dated(child) -> bool:
    """A phrase that says when ("Russia on Thursday accused…"): when one spoke is not who spoke."""
    return child.dep_ == "prep" and any(o.ent_type_ in ("DATE", "TIME") for o in child.children if o.dep_ == "pobj")


def name_going_on(token) -> str | None:
    """A proper name that goes on past its head with "for" or "of" and another proper name ("the Syrian Network for
    Human Rights", "the Syrian Committee for…"): the non-state actor the whole name is, if the gazetteer knows it."""
    if token.pos_ != "PROPN" or token.i + 1 >= len(token.doc):
        return None
    prep = token.doc[token.i + 1]
    if prep.head != token or prep.dep_ != "prep" or prep.lower_ not in ("for", "of"):
        return None
    name = next((o for o in prep.children if o.dep_ == "pobj" and o.pos_ == "PROPN"), None)
    actor = gazetteer().resolve(token.doc[token.left_edge.i: name.i + 1].text) if name is not None else None
    return actor if actor is not None and gazetteer().actors[actor].kind != "state" else None


def noun_phrase(head) -> str:
    """A name as written: the head's phrase without its article, up to a comma or a clause."""
    doc, end = head.doc, head.i + 1
    for t in doc[head.i + 1: head.right_edge.i + 1]:
        if t.text in (",", "(", ";") or t.dep_ in ("relcl", "acl", "appos") or (t.head == head and _dated(t)) \
                or (t.dep_ == "case" and t.head == head) or _dash(t):  # "the Syrian Foreign Ministry's letter"
            break
        end = t.i + 1
    # a parse that runs the subject back into the quote before it: the name starts after the quote's close
    start = start_after_quote(doc, head.left_edge.i, head.i)
    while start < head.i and doc[start].dep_ in ("det", "punct"):
        start += 1
    return re.sub(r"^(?:the|a|an)\s+", "", doc[start:end].text.strip(), flags=re.I)


def _dash(token) -> bool:
    """A dash set off by spaces opens an aside ("Russia's Defence Ministry - which, along with Turkey, …"); one
    inside a word ("al-Assad") does not."""
    return token.text in ("-", "--", "\u2013", "\u2014") and token.i > 0 and bool(token.doc[token.i - 1].whitespace_)


MISLABELLED = ("", "PERSON", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW")


TITLE_WORDS = ROLE_NOUNS | INSTITUTION_NOUNS | frozenset("chair chairman chairwoman commission commissioner "
                                                       "secretary-general coach captain professor dr mr mrs ms".split())


def name_tokens(token) -> list:
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


def delegation_of(token) -> str | None:
    """The country in brackets after a name, as UN meetings coverage writes delegates: "NAME (Turkey)"; or the one a
    delegate opens speaking for: "Speaking for Turkey, Feridun Sinirlioglu said"."""
    inside = _bracketed(token.doc, token.i + 1)
    if inside is not None and any(t.ent_type_ == "GPE" for t in inside):
        return inside.text
    party = next((o for a in token.head.children if a.dep_ == "advcl" and a.lemma_.lower() == "speak" and a.i < token.i
                  for p in a.children if p.dep_ == "prep" and p.lower_ == "for"
                  for o in p.children if o.dep_ == "pobj" and o.ent_type_ == "GPE"), None) \
        if token.dep_ == "nsubj" else None
    return party.text if party is not None else None


def capitalised_noun(token) -> bool:
    """A word the tagger calls a common noun that the text capitalises where no sentence starts ("Sanders
    continued", '"…," Hannity said'): a name the tagger did not know."""
    return (token.pos_ == "NOUN" and is_capitalised_name(token) and not token.is_sent_start
            and token.i > 0 and token.doc[token.i - 1].text not in ("\n", "\n\n") and token.lower_ not in TITLE_WORDS)


def reads_as_name(token) -> bool:
    """A capitalised proper noun, or a common noun capitalised where no sentence starts: a word a name can be."""
    return (token.pos_ == "PROPN" and is_capitalised_name(token)) or capitalised_noun(token)


def entity_of(token):
    """The named entity (a Span) the token is part of, or None."""
    return next((e for e in token.doc.ents if e.start <= token.i < e.end), None)


def after_quote(token) -> bool:
    """The word right after a closing quotation mark ('"…," Hannity said')."""
    doc = token.doc
    return token.i > 1 and doc[token.i - 1].text in ('"', "\u201d", "''")


def unlabelled_name(token) -> bool:
    """A capitalised proper noun the NER did not call a place or a body: most likely a person's name.

    A capitalised common noun right after a closing quote is one too: there only a name is capitalised."""
    if capitalised_noun(token) and after_quote(token) and token.ent_type_ in MISLABELLED:
        return True
    words = name_tokens(token)
    return (token.pos_ == "PROPN" and token.is_title and bool(words)
            and all(w.ent_type_ in MISLABELLED and w.is_title for w in words)
            and token.lower_ not in TITLE_WORDS)


POSTING_LINKS = frozenset("to in at for of".split())
NOT_NAMES = frozenset("DATE TIME CARDINAL ORDINAL MONEY PERCENT QUANTITY".split())


def _name_word(doc, i: int) -> bool:
    """A word that can be part of a person's name: a capitalised proper noun that is no title, or a particle."""
    token = doc[i]
    if token.lower_ in PARTICLES or (token.text == "-" and not doc[i - 1].whitespace_):
        return True
    return (token.pos_ == "PROPN" and token.text[:1].isupper() and token.ent_type_ not in NOT_NAMES
            and token.lower_ not in TITLE_WORDS and token.lower_ not in person_titles())


def _after_place(doc, start: int, end: int) -> int | None:
    """The token after the body or place that opens doc[start:end] ("Ankara", "the UN"), or None."""
    text, at = doc[start:end].text, doc[start].idx
    g = gazetteer()
    places = [p for group in g.places.values() for p in group if re.match(rf"{re.escape(p)}\b", text)]
    ends = [len(max(places, key=len))] if places else []
    ends += [m.end for m in g.mentions(text) if m.start == 0 and g.actors[m.actor].kind != "person"]
    ends += [e.end_char - at for e in doc.ents if e.start == start and e.end < end and e.label_ in ("GPE", "LOC", "ORG", "NORP", "FAC")]
    if not ends:
        return None
    return next((t.i for t in doc[start:end] if t.idx >= at + max(ends)), None)


def titled_names(doc) -> list:
    """Names written after a title or rank ("Rear Admiral Oleg Zhuravlev", "the ambassador to Ankara Alexei
    Yerkhov"), as Spans, whatever the NER calls them; a place between the title and the name is the posting."""
    found = []
    for title in doc:
        if title.lower_ not in person_titles() or title.pos_ not in ("NOUN", "PROPN") or title.i + 1 >= len(doc):
            continue
        start = title.i + 1
        posted = doc[start].lower_ in POSTING_LINKS
        start += (1 + (start + 1 < len(doc) and doc[start + 1].lower_ == "the")) if posted else 0
        end = start
        while end < len(doc) and end - start < 8 and _name_word(doc, end):
            end += 1
        while end > start and not doc[end - 1].text[:1].isupper():  # no particle or hyphen at the end
            end -= 1
        if posted and start < end:
            start = _after_place(doc, start, end) or end
        if start >= end or doc[start].lower_ in PARTICLES or (end < len(doc) and doc[end].pos_ in ("NOUN", "PROPN")):
            continue
        if doc[start].ent_type_ == "ORG" and end < len(doc) and doc[end].ent_type_ == "ORG" and doc[end].ent_iob_ != "B":
            continue  # a body's name that goes on ("the General Establishment for Grain"), not a rank and a name
        if all(t.lower_ in BODY_NOUNS | state_body_nouns() for t in doc[start:end]):
            continue  # "of the Russian General Staff": a body named with a rank's word, no one's name
        actor = gazetteer().resolve(doc[start:end].text)
        if actor is None or gazetteer().actors[actor].kind == "person":
            found.append(doc[start:end])
    return found


def described(token) -> str:
    """An unnamed person as the text describes them, without the article: the words before the noun and the
    phrases after it up to a comma or a clause ("regime source in Hassakeh", "Russian envoy in Damascus")."""
    start, end = phrase_bounds(token)
    while start < token.i and token.doc[start].dep_ in ("det", "punct"):
        start += 1
    end = next((t.i for t in token.doc[token.i + 1: end] if t.text in (",", "(", ";", ":") and not _lists(t)), end)
    return _words(token.doc[start:end])


def _lists(comma) -> bool:
    """A comma inside a list ("the foreign ministers of the United States, Britain, France and Italy")."""
    return comma.text == "," and any(c.dep_ == "conj" and c.i > comma.i for c in comma.head.children)


def phrase_bounds(token, appositions: bool = False) -> tuple[int, int]:
    """The token range of a noun's phrase without its clauses ("a military source told SANA" is "a military
    source"): up to a relative or finite clause, and to a comma or apposition unless `appositions`."""
    end = token.i + 1
    for child in token.rights:
        finite = child.dep_ == "relcl" or (child.dep_ == "acl" and child.tag_ in ("VBD", "VBZ", "VBP"))
        # "a military source quoted by SANA": who relays the source is no part of how it is described
        finite = finite or (child.dep_ == "acl" and child.lemma_.lower() in attribution_config().get("relay_verbs", ()))
        # ("a military source from the al-Fateh al-Mubin operations room, which groups HTS and…": the phrase after
        # the noun ends where a comma opens its own clause)
        edge = child.right_edge.i + 1 if appositions else next(
            (t.i for t in token.doc[child.i + 1: child.right_edge.i + 1] if t.text == "," and not _lists(t)),
            child.right_edge.i + 1)
        if finite or _dated(child) or edge > token.i + 16 or (
                not appositions and (child.is_punct or child.dep_ == "appos")):
            break
        end = edge
        if edge <= child.right_edge.i:
            break
    return token.left_edge.i, end

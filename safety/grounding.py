"""Grounding: which sentences of the model's prose the tool results support. Unsupported ones are dropped.

Checked per sentence, deterministically: a claim that an interaction is safe when one was found (or a risk when none
was), a severity the results do not name, a number they do not contain, a citation to an item that was not
retrieved or whose text does not share the sentence's words, a statement about an image no trusted model read,
dosing advice to a patient, and finally how many of the sentence's content words occur in the results at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

SAYS_SAFE = re.compile(
    r"\b(no (known |significant |major |serious )?interactions?|safe to (take|use|combine|mix)|"
    r"(does not|doesn't|do not|don't|won't|will not) interact|no (risk|problem|concern)s?|perfectly safe|"
    r"completely safe|(yes,? )?you (can|may) (safely )?(take|use|combine|have)|"
    r"(it'?s|it is|that'?s|that is) (fine|ok|okay|safe|alright)|(fine|ok|okay|alright) to (take|use|combine)|"
    r"(is|are|'s) not (a |an )?(problem|issue|concern|dangerous|harmful)|nothing to worry|no need to worry|"
    r"(harmless|not harmful))\b",
    re.IGNORECASE,
)
SAYS_RISK = re.compile(
    r"\b(not safe|unsafe|dangerous|should not (be )?(take|taken|use|used|combine)|interacts?|interaction|"
    r"(increase|raise)s? the risk|risk of|avoid)\b",
    re.IGNORECASE,
)
DOSING_ADVICE = re.compile(
    r"\b(stop (taking|using)|discontinue|quit taking|double (your|the) dose|(increase|decrease|reduce|lower|raise) "
    r"(your|the) (dose|dosage)|skip (a|your|the next) dose|take (an )?extra (dose|tablet|pill)|\d+\s?(mg|mcg|ml|"
    r"tablets?|pills?) (a|per|every|each))\b",
    re.IGNORECASE,
)
VISUAL_CLAIM = re.compile(
    r"\b(the (image|x-?ray|scan|photo|picture|film|radiograph|weld) (shows?|reveals?|demonstrates?|is normal|looks|"
    r"is acceptable|has)|i (can )?see|(is|are) (visible|seen)|(consistent|compatible) with|suggestive of|"
    r"(no|evidence of|shows?|does show) (a )?(pneumothorax|fracture|effusion|consolidation|crack|porosity|infection|"
    r"mass)|(looks|appears) (normal|healthy|infected|fine|broken|cracked|acceptable))\b",
    re.IGNORECASE,
)
SEVERITIES = ("minor", "moderate", "major", "contraindicated")
_CITATION = re.compile(r"\[([a-z_]+:[^\]\s]+)\]")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")
_WORD = re.compile(r"[a-z][a-z'-]{3,}")
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")
# Words any explanation may use without the results saying them.
_COMMON = frozenset(
    "this that these those with from have has having been being were which while about your their there they them "
    "will would could should might also into than then when what where more most some such only very over under "
    "other each both because before after again often usually always never take taking taken used using make "
    "makes help helps talk tell doctor pharmacist nurse clinician medicine medicines medication medications "
    "together combination combined effect effects work works does done need needs know check checked ask asking "
    "patient patients person people body blood safe safer risk risks chance serious seriously important please "
    "advice information result results found find listed list knowledge base same different another pair pairs "
    "both possible possibly likely unlikely may might can cannot".split()
)
MIN_SUPPORT = 0.7  # share of a sentence's uncommon content words that must occur in the results (not yet tuned)


@dataclass(slots=True)
class Grounded:
    """The sentences kept and those dropped, each with the reason."""

    kept: list[str] = field(default_factory=list)
    dropped: list[tuple[str, str]] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The kept sentences as one passage."""
        return " ".join(self.kept)


@dataclass(frozen=True, slots=True)
class Evidence:
    """What the tools established this turn, reduced to what a sentence is checked against."""

    text: str  # every tool summary and the composed findings (not the question: restating it supports nothing)
    cited: dict[str, str]  # citation id -> the cited item's text
    severities: frozenset[str]
    findings: bool  # the drug check found at least one interaction
    drug_checked: bool
    vision_read: bool
    patient: bool

    @property
    def words(self) -> frozenset[str]:
        """Content words of the evidence, as stems."""
        return frozenset(_stem(w) for w in _WORD.findall(self.text.lower()))


def _stem(word: str) -> str:
    # a five-letter prefix: "bleeding"/"bleeds", "interacts"/"interaction" meet without a stemmer dependency
    return word[:5]


_INTERNAL_LABEL = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")  # chest_xray, check_drug_interactions: not for people


def _problem(sentence: str, ev: Evidence, words: frozenset[str]) -> str | None:
    low = sentence.lower()
    if (label := _INTERNAL_LABEL.search(_CITATION.sub("", sentence))) is not None:
        return f"repeats an internal label: {label.group(0)}"
    if ev.drug_checked and SAYS_SAFE.search(sentence):
        # with a finding it contradicts the check; without one it claims what no check can show
        return "says safe where the drug check found an interaction" if ev.findings else "claims safety"
    if ev.drug_checked and not ev.findings and SAYS_RISK.search(sentence):
        return "claims a risk the drug check did not find"
    if not ev.vision_read and VISUAL_CLAIM.search(sentence):
        return "describes an image no trusted model read"
    if ev.patient and DOSING_ADVICE.search(sentence):
        return "dosing or stop-taking advice to a patient"
    named = {s for s in SEVERITIES if re.search(rf"\b{s}\b", low)}
    if named - ev.severities:
        return f"severity not in the results: {', '.join(sorted(named - ev.severities))}"
    known_numbers = set(_NUMBER.findall(ev.text))
    missing = [n for n in _NUMBER.findall(sentence) if n not in known_numbers]
    if missing:
        return f"number not in the results: {', '.join(missing)}"
    for cid in _CITATION.findall(sentence):
        if cid not in ev.cited:
            return f"cites an item that was not retrieved: {cid}"
        own = set(_WORD.findall(_CITATION.sub("", low))) - _COMMON
        if own and len(own & set(_WORD.findall(ev.cited[cid].lower()))) / len(own) < 0.5:
            return f"the cited item {cid} does not say this"
    content = {_stem(w) for w in set(_WORD.findall(_CITATION.sub("", low))) - _COMMON}
    if content:
        unsupported = sorted(content - words)
        if len(unsupported) / len(content) > 1 - MIN_SUPPORT:
            return f"words not in the results: {', '.join(unsupported[:5])}"
    return None


def ground(prose: str, ev: Evidence) -> Grounded:
    """Keep the sentences the evidence supports; drop the rest with the reason."""
    out = Grounded()
    words = ev.words
    for match in _SENTENCE.finditer(prose):
        sentence = match.group(0).strip()
        if len(sentence) < 3:
            continue
        # a last sentence with no end mark was cut by the token budget: half a claim is not shown
        reason = (
            "cut off by the token budget"
            if match.end() == len(prose.rstrip()) and sentence[-1] not in ".!?"
            else _problem(sentence, ev, words)
        )
        if reason:
            out.dropped.append((sentence, reason))
        elif sentence not in out.kept:
            out.kept.append(sentence)
    return out

"""Slang, shorthand and common misspellings rewritten to plain words before either detector reads a message.

Hand-written because no maintained library covers chat slang for self-harm next to nurse shorthand; the table is
short on purpose: each entry is a whole token (or two) whose meaning does not depend on context.
"""

from __future__ import annotations

import re

_TABLE: dict[str, str] = {
    "kms": "kill myself",
    "kys": "kill yourself",
    "unalive": "kill",
    "unalived": "killed",
    "unaliving": "killing",
    "sewerslide": "suicide",
    "sewer slide": "suicide",
    "od": "overdose",
    "od'd": "overdosed",
    "odd on": "overdosed on",
    "sob": "short of breath",
    "soa": "short of breath",
    "sobar": "short of breath at rest",
    "cp": "chest pain",
    "l arm": "left arm",
    "r arm": "right arm",
    "loc": "loss of consciousness",
    "unresp": "unresponsive",
    "sats": "oxygen saturation",
    "spo2": "oxygen saturation",
    "o2 sats": "oxygen saturation",
    "resp": "breathing",
    "rr": "breathing rate",
    "hr": "heart rate",
    "bm": "blood sugar",
    "cbg": "blood sugar",
    "bgl": "blood sugar",
    "hypo": "low blood sugar",
    "hypoglycemic": "low blood sugar",
    "hypoglycaemic": "low blood sugar",
    "pv bleed": "vaginal bleeding",
    "pr bleed": "rectal bleeding",
    "gi bleed": "gut bleeding",
    "anaphylactic": "anaphylaxis",
    "cant": "can't",
    "cannt": "can't",
    "breath": "breathe",
    "breth": "breathe",
    "brethe": "breathe",
    "cheast": "chest",
    "chset": "chest",
    "pian": "pain",
    "siezure": "seizure",
    "seizing": "having a seizure",
    "sezure": "seizure",
    "unconcious": "unconscious",
    "colapsed": "collapsed",
    "collasped": "collapsed",
    "colapse": "collapse",
    "unconsious": "unconscious",
    "bleding": "bleeding",
    "stroek": "stroke",
    "suicidle": "suicidal",
    "sucidal": "suicidal",
    "wanna": "want to",
    "gonna": "going to",
    "loto": "lockout tagout",
    "prv": "pressure relief valve",
    "psv": "pressure safety valve",
}
# "can't breath" keeps its meaning after "breath" becomes "breathe"; "short of breath" must not become "breathe".
_KEEP = re.compile(r"\b(short of|out of|catch (my|his|her|their)|shortness of|take a deep|hold (my|your)) breath\b")
_TOKEN = re.compile(r"\b(" + "|".join(sorted(map(re.escape, _TABLE), key=len, reverse=True)) + r")\b")


def normalise(text: str) -> str:
    """Lower-case the text and rewrite slang and shorthand tokens to plain words."""
    lowered = text.lower().replace("’", "'")
    kept = {m.start() for m in _KEEP.finditer(lowered)}

    def swap(match: re.Match[str]) -> str:
        word = match.group(0)
        if word == "breath" and any(k <= match.start() <= k + 40 for k in kept):
            return word
        return _TABLE[word]

    return _TOKEN.sub(swap, lowered)

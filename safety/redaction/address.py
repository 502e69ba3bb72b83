"""An address as a field's value: everything after an address label up to the next field.

Not only the parts whose shape a pattern knows go.
A street in Abuja ("Plot 9, Gwarinpa Estate"), a sector in Noida or a Dutch postcode ("1016 GV") has no shape the
street and postcode rules know, but it stands where forms and letters put an address: after a label ("Home address:",
"Domicile :", "Endereço:", "ghar") or after "lives at". The value runs to the end of the line, the next label
("Phone:"), a sentence's end or a bracket, and goes whole when it holds a digit or a capitalised word that no
placeholder has taken yet. Australian and Indian postcodes after a state or a city ("NT 0880", "Noida 201301") go too.
"""

from __future__ import annotations

import re

_LABEL = (
    r"(?:(?:home|postal|residential|current|permanent|usual|uk|overseas|home\s+country|billing|mailing|correspondence)"
    r"\s+)?(?:address|addr\.?|domicile|domicilio|direcci[óo]n|endere[çc]o|indirizzo|adresse|anschrift|adres|alamat"
    r"|woonadres|residence|residenza|morada)"
)
# Labels of other languages used without a colon ("ghar B-42, Sector 15"), and where someone lives.
_BARE = r"(?:ghar|wonende|woonachtig|domicili[ée]e?|residente\s+(?:em|en|a)|lives(?:\s+alone)?\s+at|living\s+at)"
_FIELD = re.compile(
    rf"(\b(?:{_LABEL}[ \t]*[:：][ \t]*|{_BARE}[ \t]+))"
    r"([^\n:;()|]{3,90}?)"
    r"(?=[ \t]+(?-i:[A-Z][\w./]*(?:[ \t][a-z][\w./]*){0,2})[ \t]*[:：]|[ \t]*(?:\n|;|\(|\||$)|\.(?:[ \t]|$)"
    r"|,[ \t]+(?-i:[a-z]{3,})\b)",
    re.I,
)
_STATE_POSTCODE = re.compile(
    r"(?:\b[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?,?[ \t]+)?\b(NSW|VIC|QLD|WA|SA|TAS|ACT|NT)[ \t]+\d{4}\b"
)


# Lower-case words an address holds: particles of street names, "c/o", a unit's word. Any other lower-case word ends
# the address ("lives at Flat 3, 14 Kingsley Road with her son").
_INSIDE = frozenset("de da do dos das del della di du des la le van von der den y e c/o flat apt unit no".split())


def _field(match: re.Match[str]) -> str:
    value = match.group(2)
    for word in re.finditer(r"(?<![\w/\[])(?-i:[a-z][\w/'’]+)", value):
        if word.group() not in _INSIDE:
            value = value[: word.start()].rstrip(" ,\t-")
            break
    if len(value) < 3:
        return match.group()
    tail = match.group(2)[len(value) :]
    rest = re.sub(r"\[[A-Z0-9+-]+\]", "", value)
    if not re.search(r"\d|(?-i:[A-Z])[\w'’-]{2,}", rest):
        return match.group()  # "lives at home", or a value the other rules took whole
    # Placeholders already in the value stay as they are ("[POSTCODE]"); each stretch between them that still holds
    # a number or a capitalised word goes as "[ADDRESS]".
    parts = re.split(r"(\[[A-Z0-9+-]+\])", value)
    for n, part in enumerate(parts):
        core = part.strip(" ,\t-")
        if n % 2 == 0 and re.search(r"\d|(?-i:[A-Z])[\w'’-]{2,}", core):
            parts[n] = part.replace(core, "[ADDRESS]", 1)
    return match.group(1) + "".join(parts) + tail


def _state(match: re.Match[str]) -> str:
    town = match.group()[: match.start(1) - match.start()].strip()
    return ("[ADDRESS] " if town else "") + match.group(1) + " [POSTCODE]"


def redact_address(text: str) -> str:
    """Address field values and state postcodes."""
    text = _STATE_POSTCODE.sub(_state, text)
    return _FIELD.sub(_field, text)

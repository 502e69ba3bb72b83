"""Postcodes of other countries, known by the town beside them: "1016 DV Amsterdam", "08050 Barcelona", "Jakarta 10220".

A module of its own because ``patterns`` knows the shapes of British, American and a few other postcodes, and four to
six digits alone are as often a lot, a part or a fault number ("Lot 495112"). Beside a town of the GeoNames list
(``places``) that is no English word, the digits are the town's postcode (or the Dutch digits and two capitals), and
the town goes with them as an address's part, as HIPAA Safe Harbor asks for any unit smaller than a state.
"""

from __future__ import annotations

import re

from safety.redaction.lexicon import is_word
from safety.redaction.places import places
from safety.redaction.vocabulary import COMMON, FACILITY

_TOWN = r"(?-i:[A-ZÀ-Þ][a-zà-ÿ'’]+(?:[ -][A-ZÀ-Þ][a-zà-ÿ'’]+)?)"
_CODE = r"(?:\d{4}[ \t]?(?-i:[A-Z]{2})|\d{4,6})"
_BEFORE = re.compile(rf"(?<![\w./:#-]){_CODE}[ \t]+({_TOWN})(?![\w'’-])")
_AFTER = re.compile(rf"(?<![\w-])({_TOWN}),?[ \t]+(?:{_CODE})(?![\w/:-]|[.,]\d)")
# A unit or a document word after the digits makes them a quantity or a reference, not a postcode.
_NOT_AFTER = re.compile(r"[ \t]*(?:mg|ml|kg|units?|iu|%|patients|cases|people|staff)\b", re.I)


# A reference's label before the digits: "Lot 495112 London" is a lot number.
_LABEL_BEFORE = re.compile(
    r"\b(?:lot|batch|ref|no|nr|part|p/n|code|id|order|invoice|ticket|job|case|claim|model|serial|asset)"
    r"\.?[ \t]*[:#]?[ \t]*$",
    re.I,
)


# The end of an address line: a street already found on the same line, commas between ("[ADDRESS], Brgy San
# Isidro, Quezon City 1100"); a town there that is also an English word is still the town.
_LINE_ADDRESS = re.compile(r"\[ADDRESS\](?:,[ \t]*[^\n,.;]{1,30}){0,3},[ \t]*$")


def _town(name: str, code: str, addressed: bool = False) -> bool:
    """A listed town; one that is also an English word only beside five or six digits, the stronger sign."""
    low = name.lower()
    if low not in places() or low in COMMON or low in FACILITY:
        return False
    return addressed or sum(c.isdigit() for c in code) > 4 or not any(is_word(w) for w in re.split(r"[ -]", low))


def _replace(match: re.Match[str]) -> str:
    code = match.group().replace(match.group(1), "")
    if re.fullmatch(r"[ \t,]*(?:19|20)\d\d[ \t]*", code):
        return match.group()  # a year beside a town: "In 2024 Barcelona"
    addressed = _LINE_ADDRESS.search(match.string, max(0, match.start() - 80), match.start()) is not None
    if not _town(match.group(1), code, addressed) or _NOT_AFTER.match(match.string, match.end()):
        return match.group()
    if _LABEL_BEFORE.search(match.string[max(0, match.start() - 12) : match.start()]):
        return match.group()
    return "[ADDRESS] [POSTCODE]" if match.group().startswith(match.group(1)) else "[POSTCODE] [ADDRESS]"


def redact_postal(text: str) -> str:
    """Postcodes beside a listed town, and the town, once."""
    if not re.search(r"\d{4}", text):
        return text
    return _AFTER.sub(_replace, _BEFORE.sub(_replace, text))

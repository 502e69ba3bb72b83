"""Numbers and dates written as words, as speech-to-text and dictation leave them.

"call me back on four four oh one six one four nine six oh eight six" is a phone number and "born nineteenth of
august nineteen eighty" a birth date, but neither has a digit for the shape rules to see. A run of seven or more
spoken digits is a phone or record number; after a birth cue, a run of date words (ordinals, months, year words) or
digits separated by spaces ("date of birth is 12 1 49") is a birth date.
"""

from __future__ import annotations

import re

_DIGIT = r"(?:zero|oh|o|one|two|three|four|five|six|seven|eight|nine|double|triple|treble)"
_SPOKEN_NUMBER = re.compile(rf"\b{_DIGIT}(?:[\s,-]+{_DIGIT}){{6,}}\b", re.I)
_ORDINAL = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth"
    r"|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|thirtieth|twenty[\s-]\w+|thirty[\s-]first"
    r"|\d{1,2}(?:st|nd|rd|th))"
)
_MONTH = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
_YEAR_WORD = (
    r"(?:nineteen|twenty|two\s+thousand(?:\s+and)?|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
    r"|eighteen|thirty|forty|fifty|sixty|seventy|eighty|ninety|one|two|three|four|five|six|seven|eight|nine|oh|\d{2,4})"
)
_SPOKEN_DATE = (
    rf"(?:(?:the\s+)?{_ORDINAL}\s+(?:of\s+)?{_MONTH}|{_MONTH}\s+(?:the\s+)?{_ORDINAL})"
    rf"(?:,?\s+{_YEAR_WORD}){{1,4}}"
)
_BIRTH_CUE = r"\b(?:born(?:\s+on)?|date\s+of\s+birth(?:\s+is)?|d\.?o\.?b\.?(?:\s+is)?|birthday(?:\s+is)?)\s*:?\s*"
_SPOKEN_BIRTH = re.compile(rf"({_BIRTH_CUE})(?:{_SPOKEN_DATE}|\d{{1,2}}\s\d{{1,2}}\s(?:\d{{4}}|\d{{2}})\b)", re.I)


def redact_spoken(text: str) -> str:
    """Spoken birth dates after a cue, then runs of spoken digits."""
    text = _SPOKEN_BIRTH.sub(r"\1[DOB]", text)
    return _SPOKEN_NUMBER.sub("[PHONE]", text)

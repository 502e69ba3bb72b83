"""Numbers and dates written as words, as speech-to-text and dictation leave them.

"call me back on four four oh one six one four nine six oh eight six" is a phone number and "born nineteenth of
august nineteen eighty" a birth date, but neither has a digit for the shape rules to see. A run of seven or more
spoken digits is a phone or record number; after a birth cue, a run of date words (ordinals, months, year words) or
digits separated by spaces ("date of birth is 12 1 49") is a birth date.
"""

from __future__ import annotations

import re

_DIGIT = r"(?:zero|oh|o|one|two|three|four|five|six|seven|eight|nine|double|triple|treble)"
_SPOKEN_NUMBER = re.compile(rf"\b{_DIGIT}(?:(?:[\s,-]+|\s+dash\s+){_DIGIT}){{6,}}\b", re.I)
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
_DAY_MONTH_SAID = (
    rf"(?:(?:the\s+)?{_ORDINAL}\s+(?:of\s+)?{_MONTH}|{_MONTH}\s+(?:the\s+)?{_ORDINAL}"
    rf"|(?:the\s+)?{_ORDINAL}\s+of\s+the\s+{_ORDINAL})"  # "first of the twelfth": the month said as an ordinal
)
_YEAR_SAID = rf"(?:{_YEAR_WORD}[\s-]+){{0,3}}{_YEAR_WORD}"
# The year may come first: "nineteen fifty-five, the eighth of August", "nineteen sixty, June fourteen".
_SPOKEN_DATE = (
    rf"(?:{_DAY_MONTH_SAID}(?:,?\s+{_YEAR_WORD}(?:-\w+)?){{1,4}}"
    rf"|{_YEAR_SAID},?\s+(?:{_DAY_MONTH_SAID}|{_MONTH}\s+{_YEAR_WORD}(?:-\w+)?))"
)
# "date of birth for me five twelve ...": a caller's filler words may stand between the cue and the date.
_BIRTH_CUE = (
    r"\b(?:born(?:\s+on)?|date\s+of\s+birth(?:\s+is)?|d\.?o\.?b\.?(?:\s+is)?|birthday(?:\s+is)?)"
    r"(?:\s+(?:for\s+me|please|again|it['’]?s|is|that['’]?s)){0,2}\s*:?\s*"
    r"(?:\?\s*(?:patient|caller|pt|mum|dad)\s*:\s*)?"  # the answer on a transcript's next turn
)
# A full date said aloud with its year is a full date without any cue, as the written ones are (``patterns``):
# "eighteenth of August, nineteen thirty one".
_SPOKEN_FULL_DATE = re.compile(
    rf"\b(?:(?:the\s+)?{_ORDINAL}\s+(?:of\s+)?{_MONTH}|{_MONTH}\s+(?:the\s+)?{_ORDINAL}),?\s+"
    rf"(?:nineteen|two\s+thousand(?:\s+and)?|twenty)(?:[\s-]+{_YEAR_WORD}){{1,3}}\b",
    re.I,
)
_SPOKEN_BIRTH = re.compile(rf"({_BIRTH_CUE})(?:{_SPOKEN_DATE}|\d{{1,2}}\s\d{{1,2}}\s(?:\d{{4}}|\d{{2}})\b)", re.I)


_NUMBER_WORD = (
    rf"(?:{_DIGIT}|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty"
    r"|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand)"
)
# A run of number words after a birth cue ("date of birth one nine eight two oh five seventeen").
_SPOKEN_BIRTH_RUN = re.compile(rf"({_BIRTH_CUE})(?:{_NUMBER_WORD}\s+){{2,}}{_NUMBER_WORD}\b", re.I)
# Letters and digits spelled out after an id's label: "serial is p d m four four seven one nine two x",
# "postcode b one one two d x", "badge four four seven one".
_SPELLED = rf"(?:[a-z]|{_DIGIT})"
_SPELLED_ID = re.compile(
    rf"(\b(?:serial(?:\s+(?:number|no))?(?:\s+on\s+the\s+back)?|post\s?code|badge(?:\s+number)?|reg(?:istration)?"
    # Commas and dashes may part the groups as a transcript writes them: "postcode is L eight, seven S-X".
    rf"|plate|nhi|mrn|hospital\s+number|driver\s+of)(?:\s+is)?\s+)({_SPELLED}(?:(?:,?\s+|-){_SPELLED}){{3,}})\b"
    r"(?!\s+[a-z]\b)",
    re.I,
)
# Dates said aloud without a year: "on tuesday the eleventh", "for november twenty first", "on march third".
_WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
_SPOKEN_DAY = re.compile(
    rf"(\b(?:on|for|from|since)\s+)(?:{_WEEKDAY}\s+(?:the\s+)?{_ORDINAL}|the\s+{_ORDINAL}\s+of\s+{_MONTH}"
    rf"|{_MONTH}\s+(?:the\s+)?{_ORDINAL}|the\s+{_ORDINAL}(?=\s*(?:$|[.,;!?]|\s(?:at|in|and|query|please)\b)))\b",
    re.I,
)
# An age over 89 said aloud: "he's ninety two", "aged ninety-four", "a hundred and one year old".
_SPOKEN_AGE = re.compile(
    r"(\b(?:he['’]?s|she['’]?s|aged?|who\s+is)\s+)(?:ninety(?:[\s-](?:one|two|three|four|five|six|seven|eight|nine))?"
    r"|(?:a|one)\s+hundred(?:\s+and\s+\w+)?)\b(?!\s*(?:percent|%|mg|over))",
    re.I,
)


# An address said aloud: "at forty two mill lane", "at 12 the crescent".
_SPOKEN_ADDRESS = re.compile(
    rf"\b(?:{_NUMBER_WORD}[\s-]+){{1,3}}(?:[a-z]+\s+){{1,2}}(?:lane|road|street|avenue|close|drive|way|crescent|terrace"
    r"|grove|gardens|place|court)\b",
    re.I,
)


# Words without which none of the rules below the first can match: a text with none skips them (speed).
_SPOKEN_WORDS = frozenset(
    re.findall(r"[a-z]{2,}", _NUMBER_WORD + _ORDINAL + _MONTH + _WEEKDAY + "ninety hundred serial postcode badge")
) - {"the", "of", "st", "nd", "rd", "th", "and"}
_WORDS = re.compile(r"[^\W\d_]+")


def redact_spoken(text: str) -> str:
    """Spoken birth dates, ids, days and ages after a cue, then runs of spoken digits."""
    text = _SPOKEN_BIRTH.sub(r"\1[DOB]", text)
    if _SPOKEN_WORDS.isdisjoint(_WORDS.findall(text.lower())) and not re.search(r"\b[a-z]\s[a-z]\s", text):
        return text
    text = _SPOKEN_BIRTH_RUN.sub(r"\1[DOB]", text)
    text = _SPELLED_ID.sub(r"\1[ID-NUMBER]", text)
    if re.search(r"nineteen|twenty|thousand", text, re.I):  # no year said, no full date: skip the costly pattern
        text = _SPOKEN_FULL_DATE.sub("[DATE]", text)
    text = _SPOKEN_AGE.sub(r"\1[AGE-90+]", _SPOKEN_DAY.sub(r"\1[DATE]", text))
    return _SPOKEN_NUMBER.sub("[PHONE]", _SPOKEN_ADDRESS.sub("[ADDRESS]", text))

"""Telephone numbers, national and international, checked with Google's ``phonenumbers`` metadata.

A cheap pattern finds digit runs shaped like a number (7-17 digits with spaces, dots, dashes or brackets); the
library then decides. A hand regex cannot know that "020 7946 0958" is a London number and "2024-03-15" is not.
"""

from __future__ import annotations

import re

import phonenumbers
from phonenumbers import NumberParseException

from safety.redaction.labelled import after_part_cue

# Numbers without a country code are read as numbers of these countries, the ones CareForge's users are most
# likely to write. A number valid in any of them is a phone number.
REGIONS = ("US", "GB", "IE", "CA", "AU", "NZ", "IN", "DE", "FR", "ES", "IT", "NL", "ZA", "NG", "PH", "MX", "BR")
# Written nationally, most of these plans start with a trunk 0; a number that does not is read only in the plans
# without one (German numbers have no fixed length, so "555-123-4567 555" would be valid there).
NO_TRUNK = ("US", "CA", "ES", "IT", "IN", "MX")
# Shape-only check for the fictional and unassigned numbers people still write (555-0100): a full-length number in
# these plans is treated as a phone number even when no carrier holds it.
_POSSIBLE_IN = ("US", "GB")
# A run of up to 25 digits in groups; each repetition consumes a digit and nothing after it can fail, so nothing
# backtracks and a search costs time linear in the text. The run may hold several numbers: see ``_longest_phone``.
_CANDIDATE = re.compile(r"(?<![\w+/.-])(?:\+|00)?\s?\(?\d(?:[ .\-()]{0,2}\d){0,24}")
# Past this many candidates in one text (only adversarial input has them) the rest are judged by length alone, so a
# message of 20,000 digit groups costs milliseconds, and when in doubt a long number goes.
_MAX_CHECKED = 64
_CUE = re.compile(
    r"(?:phone|tel|telephone|mobile|mob|cell|fax|call|ring|text|whatsapp|contact|number|no\.?|#)"
    r"\s*(?:me\s+)?(?:on|at|is|:|-)?\s*$",
    re.I,
)
_SEPARATOR = re.compile(r"(?<=\d)[ .\-()]+(?=\d|\()")
_DATE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}")
_LEADING_DATE = re.compile(r"\s?(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2}))(?!\d)")


def _digits(text: str) -> int:
    return sum(c.isdigit() for c in text)


def _is_phone(candidate: str) -> bool:
    digits = _digits(candidate)
    if _DATE.fullmatch(candidate.strip()):
        return False  # dates are for the date-of-birth rule: a visit date is a clinical fact
    international = candidate.lstrip(" (").startswith(("+", "00"))
    trunk = candidate.lstrip(" (").startswith("0")
    for region in (None,) if international else REGIONS if trunk else NO_TRUNK:
        try:
            number = phonenumbers.parse(
                candidate.replace("00", "+", 1) if candidate.startswith("00") else candidate, region
            )
        except NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return True
        possible = phonenumbers.is_possible_number_with_reason(number) == phonenumbers.ValidationResult.IS_POSSIBLE
        if possible and (international or region in _POSSIBLE_IN) and digits >= 10:
            return True
    return False


_FREEPHONE = re.compile(r"\s*(?:\+?1[ .-]?\(?8(?:00|33|44|55|66|77|88)\)?|\(?080[08])[ .-]?\d")
_PERSONAL = re.compile(r"\b(?:me|my|mine|our|us|him|her|his)\b[^.\n]*$", re.I)


def _toll_free(number: str, before: str) -> bool:
    """A freephone line ("1-800-633-4227", "0800 111 999"): a helpline's, never a person's.

    Unless the text says it is theirs: "call me back on 1-800-...".
    """
    if not _FREEPHONE.match(number) or _PERSONAL.search(before):
        return False
    for region in ("US", "GB"):
        try:
            parsed = phonenumbers.parse(number, region)
        except NumberParseException:
            continue
        if phonenumbers.is_valid_number(parsed):
            return phonenumbers.number_type(parsed) == phonenumbers.PhoneNumberType.TOLL_FREE
    return False


def _longest_phone(candidate: str, cued: bool, budget: list[int]) -> int:
    """Length of the longest prefix of ``candidate`` (cut at a separator) that is a phone number, or 0.

    A run like "020 7946 0000 020 7946 0001" is two numbers: the whole is not valid, its first three groups are.
    The number plans decide first; a cue word ("call", "tel") alone then takes the whole run, so that a cue never
    swallows half of a second number.
    """
    if _LEADING_DATE.match(candidate):
        return 0  # "2024-11-02 08:14": a date and a time, not a number to call
    ends = [m.start() for m in _SEPARATOR.finditer(candidate)] + [len(candidate)]
    # Written nationally no plan here passes 12 digits; only an international number (+, 00) runs to 15 and more.
    longest = 17 if candidate.lstrip(" (").startswith(("+", "00")) else 12
    prefixes = [candidate[:end] for end in reversed(ends) if 7 <= _digits(candidate[:end]) <= longest]
    for prefix in prefixes:
        budget[0] -= 1
        # Past the budget (only adversarial input gets there) a long run goes by its length: when in doubt, redact.
        if _is_phone(prefix) if budget[0] > 0 else _digits(prefix) >= 10:
            return len(prefix)
    return len(prefixes[0]) if cued and prefixes else 0


# Scanned labels misread digits as letters ("51O-555-0134"); after a phone cue those letters count as digits.
_OCR = re.compile(
    r"\b((?:ph|phone|tel|mob|mobile|cell|fax)\.?\s*:?\s*)\+?[\dOIl](?:[ .\-()]{0,2}[\dOIl]){6,14}(?![\w])", re.I
)


def _ocr(match: re.Match[str]) -> str:
    number = match.group()[len(match.group(1)) :]
    return match.group(1) + "[PHONE]" if _digits(number) >= 6 and _digits(number) < len(number) else match.group()


def redact_phones(text: str) -> str:
    """Replace every telephone number with ``[PHONE]``."""
    text = _OCR.sub(_ocr, text)
    if _digits(text) < 7:
        return text  # the common case: nothing long enough to be a number
    out, last, pos, budget = [], 0, 0, [_MAX_CHECKED]
    while match := _CANDIDATE.search(text, pos):
        start = match.start() + len(match.group()) - len(match.group().lstrip())
        candidate = text[start : match.end()]
        before = text[max(0, start - 24) : start]
        length = 0 if after_part_cue(text, start) else _longest_phone(candidate, bool(_CUE.search(before)), budget)
        if length and _toll_free(candidate[:length], before):
            pos = start + length  # an organisation's freephone or helpline: nobody's own number
        elif length:
            out += [text[last:start], "[PHONE]"]
            last = pos = start + length
        else:  # no number starts here: try from the run's next group
            gap = _SEPARATOR.search(candidate)
            pos = start + gap.end() if gap else match.end()
    return "".join(out) + text[last:] if out else text

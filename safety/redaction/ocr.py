"""Undo the letter-for-digit confusions of OCR on wristbands and labels, so the other detectors see their shapes.

A wristband read by OCR gives "GRAlNNE", "FAT1MA", "D0B O9.O9.l965", "Fall-Nr. 2O25OO447l": letters for digits in
numbers and digits for letters in words. In a text that is mostly capitals (a label, not prose), a number-like token
with at least two real digits gets O -> 0 and l/I -> 1, and a word of capitals whose only digits are 0 and 1 gets
0 -> O and 1 -> I. Each change keeps the length, and prose (mixed case) is never touched, so "T1DM" in a note stays.
The corrected text is what the clinician then reads, so only what may be an identifier is corrected: a decimal
("pH 7.2l") is a measure, and a word that reads as an English word once corrected ("BL00D", "M0UTH") stays as printed
unless it is a given name or follows one ("R0SE H1LL").
"""

from __future__ import annotations

import re
from collections.abc import Callable

from safety.redaction.lexicon import is_word, listed, name_lists

_TOKEN = re.compile(r"(?<![\w'’])[^\W_](?:[^\W_]|['’.:/-](?=[^\W_]))*")
_NUMBERISH = re.compile(r"(?:[A-Z]{1,3}-?)?[0-9OlI|]+(?:[./:-][0-9OlI|]+)*\.?")
_TO_DIGIT = str.maketrans("OlI|", "0111")
_TO_LETTER = str.maketrans("01l", "OII")


def _mostly_capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 6 and sum(c.isupper() for c in letters) >= 0.7 * len(letters)


# A date's shape with letters a scanner reads for digits ("0B/07/1953", "12/O5/l9S8"): in a date B is 8, S 5, Z 2.
_OCR_DATE = re.compile(r"[0-9OlIBSZ]{1,2}([./-])[0-9OlIBSZ]{1,2}\1[0-9OlIBSZ]{2,4}")
_DATE_DIGITS = str.maketrans("OlIBSZ", "011852")


def _fix(token: str) -> str:
    if _OCR_DATE.fullmatch(token) and sum(c.isdigit() for c in token) >= 4:
        return token.translate(_DATE_DIGITS)
    if _NUMBERISH.fullmatch(token):
        head = re.match(r"[A-Z]{1,3}-|[A-Z]{2,3}(?=\d)", token)
        cut = head.end() if head else 0
        body = token[cut:]
        # Two real digits, or a two-character day or age ("O4 JUL", "9O"), make the token a number.
        digits = sum(c.isdigit() for c in body)
        # A lone "O2" after letters is oxygen ("CMH2O", "E-O2", "FIO2"), not a number.
        if (digits >= 2 or digits == 1 and len(token) == 2) and re.search(r"[OlI|]", body):
            fixed = body.translate(_TO_DIGIT)
            # A decimal ("pH 7.2l") is a measure, never an id: leave it as the label printed it.
            return token if re.fullmatch(r"\d{1,3}\.\d{1,2}", fixed) else token[:cut] + fixed
        return token
    if re.fullmatch(r"0[A-Z]|[A-Z]0", token):
        return token.replace("0", "O")  # "BABY 0F", "HOSP N0"
    letters = re.sub(r"^(?:Mc|Mac)", "", token)
    if (
        re.search(r"[01]|(?<=[A-Z])l|l(?=[A-Z])", letters)
        and not re.search(r"[2-9]|[a-km-z]", letters)
        and sum(c.isupper() for c in letters) >= 3
        and not re.fullmatch(r"[A-Z]{1,4}[01]", letters)  # "FEV1", "ST1": a measure or a grade ends in its digit
    ):
        return token[: len(token) - len(letters)] + letters.translate(_TO_LETTER)
    return token


def _worth(token: str, fixed: str, after_given: bool) -> bool:
    """Whether a corrected word may be a name, the only reason to correct a word.

    "BL00D", "M0UTH", "P0S" are read as printed. A listed given name is ("R0SE"), and so is the word after one
    ("GRACE L0NG").
    """
    if fixed == token or not fixed.isalpha() or not re.search(r"\d", token):
        return True  # "RlSK" would read as an unknown word, a name: only digits in a word are left as printed
    low = fixed.lower()
    return listed(low, name_lists()[0]) or after_given or len(low) > 3 and not is_word(low)


def normalise_ocr(text: str) -> str:
    """Text with OCR confusions undone, when it reads as a label in capitals; prose is returned unchanged."""
    if not re.search(
        r"[0-9][OlI]|[OlI][0-9]|[A-Z][01][A-Z]|[A-Z]l[A-Z]|[0-9][BSZ][./-]|[./-][BSZ]", text
    ) or not _mostly_capitals(text):
        return text
    out, pos, after_given = [], 0, False
    for m in _TOKEN.finditer(text):
        token = m.group()
        fixed = _fix(token)
        if fixed != token and _worth(token, fixed, after_given):
            out += [text[pos : m.start()], fixed]
            pos = m.end()
        after_given = fixed.isalpha() and listed(fixed.lower(), name_lists()[0])
    return "".join(out) + text[pos:]


_CUE_WORDS = re.compile(r"^(?:(?:BABY|MOTHER|FATHER|INFANT|TWIN)(?:\s+(?:OF|[12AB]))?\s+)")
_LINE_NAME = re.compile(
    r"^(?:Mc|Mac)?[A-ZÀ-ÞĀ-Ž'’][A-ZÀ-ÞĀ-Ž'’-]+,?(?:[ \t]+(?:Mc|Mac)?[A-ZÀ-ÞĀ-Ž'’][A-ZÀ-ÞĀ-Ž'’-]+,?){0,2}$"
)


def label_name_lines(text: str, unknown: Callable[[str], bool]) -> str:
    """On a label in capitals, a line at its top that is only a name ("ABDUL-RAHMAN", "BABY OF TAUMALOLO").

    ``unknown(word)``: whether a lower-case word is a listed name or no English word ("FALLS RISK" is no name).
    Only the lines before the first one that holds a digit or a placeholder count: the header of the band.
    """
    if not _mostly_capitals(text):
        return text
    lines = text.split("\n")
    for n, line in enumerate(lines):
        stripped = line.strip()
        cue = _CUE_WORDS.match(stripped)
        if re.search(r"\d|\[", line) and not cue:
            break
        rest = stripped[cue.end() :] if cue else stripped
        words = re.findall(r"[^\W\d_][\w'’-]*", rest)
        if rest and _LINE_NAME.match(rest) and words and all(unknown(w.lower().strip("'’")) for w in words):
            lines[n] = line.replace(rest, "[NAME]")
    return "\n".join(lines)


_CAPS = r"[A-ZÀ-Þ][A-ZÀ-Þ'’-]+"
# A label's field that is only "SURNAME, Given" ("| MENDEZ, Joy |", "| LIU,  YANG |"), and "SURNAME/GIVEN" as
# bands and boarding-style labels print it ("FISHER/BILL").
_FIELD = re.compile(rf"(?m)(^|\|)([ \t]*)({_CAPS},?[ \t]+[A-ZÀ-Þ][\w'’-]+)(?=[ \t]*(?:\||$))")
_SLASHED = re.compile(rf"(?<![\w/])({_CAPS})/({_CAPS})(?![\w/])")


def label_fields(text: str, name: Callable[[str, str], bool]) -> str:
    """Names in a label's fields; ``name(surname, given)``, lower case, says whether the two words may be one."""

    def field(match: re.Match[str]) -> str:
        words = re.findall(r"[^\W\d_][\w'’-]*", match.group(3))
        ok = len(words) == 2 and name(words[0].lower(), words[1].lower())
        return match.group(1) + match.group(2) + "[NAME]" if ok else match.group()

    def slashed(match: re.Match[str]) -> str:
        return "[NAME]" if name(match.group(1).lower(), match.group(2).lower()) else match.group()

    if "|" in text or "\n" in text:
        text = _FIELD.sub(field, text)
    return _SLASHED.sub(slashed, text) if "/" in text else text

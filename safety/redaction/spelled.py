"""What a caller spells out letter by letter or says digit by digit, and what OCR spreads out with spaces.

Nobody spells a word that needs no spelling: in a transcript a run of single letters ("g r e e n", "c h o i",
"x u j i a h u i") is a name or an address being spelled, and on a wristband a spaced run ("D A S I L V A") is a
printed field. So:

- A run of three or more single letters is a name when the word it spells is said elsewhere in the text (the
  caller spells what they said: "ivy green ... g r e e n") or reads as a name (a listed name that is no common word,
  or an unknown word with the vowels a name has: "choi", "dasilva"; not "copd", "ecg"). The run goes, and so do the
  words it spells wherever they stand, with a listed given name just before them ("ivy green").
- A spaced run holding five or more digits ("M R N 5 5 0 1 9 2 3") is a record number.
- Letters and digit words that together make a UK postcode ("n one seven n e", "l eight three r p"), digit words
  joined by "dot" that make an IPv4 address, five digit words after "zip" are those identifiers.
"""

from __future__ import annotations

import ipaddress
import re

from safety.redaction.lexicon import is_word, listed, name_lists
from safety.redaction.vocabulary import COMMON, FUNCTION

# Bounded, and never starting or ending inside a longer run: a hostile "a a a ..." costs one linear scan.
_RUN = re.compile(
    r"(?<![\w\['’])(?<![^\w'’][A-Za-z0-9] )(?<!^[A-Za-z0-9] )"
    r"(?:[A-Za-z0-9] ){2,24}[A-Za-z0-9](?![\w\]])(?! [A-Za-z0-9]\b)"
)
_ALPHABET = "abcdefghijklmnopqrstuvwxyz"
_DIGITS = {
    "zero": "0",
    "oh": "0",
    "o": "0",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "ten": "10",
    "eleven": "11",
    "twelve": "12",
    "thirteen": "13",
    "fourteen": "14",
    "fifteen": "15",
    "sixteen": "16",
    "seventeen": "17",
    "eighteen": "18",
    "nineteen": "19",
    "twenty": "20",
}
_DIGIT_WORD = (
    r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
    r"|seventeen|eighteen|nineteen|twenty)"
)
_POSTCODE_SHAPE = re.compile(r"[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}")
# Letters and digit words, five to seven of them: a spoken UK postcode ("n one seven n e").
_SPOKEN_CODE = re.compile(rf"(?<![\w\[])(?:(?:[a-z]|{_DIGIT_WORD})[ \t]+){{4,6}}(?:[a-z]|{_DIGIT_WORD})(?![\w\]])")
_SPOKEN_IP = re.compile(rf"\b{_DIGIT_WORD}(?:[ \t]+(?:{_DIGIT_WORD}|dot|point)){{6,}}\b")
_SPOKEN_ZIP = re.compile(
    rf"(\b(?:zip|zip\s+code|zipcode)(?:[ \t]+is)?[ \t]+)((?:{_DIGIT_WORD}[ \t]+){{4}}{_DIGIT_WORD})\b"
)


def _vowels(word: str) -> int:
    return sum(c in "aeiouy" for c in word)


def _spells_name(word: str, said: set[str]) -> bool:
    if len(word) < 3 or word in _ALPHABET:
        return False
    if word in said:
        return True
    first, last = name_lists()
    if word in COMMON:
        return False
    if listed(word, first) or listed(word, last):
        return True
    return len(word) >= 4 and not is_word(word) and _vowels(word) >= 2


def _code(tokens: list[str]) -> str:
    return "".join(_DIGITS.get(t, t) for t in tokens).upper()


def _postcode(match: re.Match[str]) -> str:
    tokens = match.group().split()
    letters = sum(len(t) == 1 for t in tokens)
    if letters < 2 or letters == len(tokens) or not _POSTCODE_SHAPE.fullmatch(_code(tokens)):
        return match.group()
    return "[POSTCODE]"


def _ip(match: re.Match[str]) -> str:
    parts = re.split(r"\s+(?:dot|point)\s+", match.group())
    if len(parts) != 4:
        return match.group()
    try:
        ipaddress.IPv4Address(".".join(_code(p.split()) for p in parts))
    except ValueError:
        return match.group()
    return "[IP-ADDRESS]"


# A code read out with a spelling alphabet and digit words ("B as in bravo seven seven three two one nine"): a
# record number when four digit words and more follow.
_PHONETIC_CODE = re.compile(
    rf"(?-i:\b[A-Z])[ \t]+as[ \t]+in[ \t]+[a-z]+(?:,?[ \t]+(?:(?-i:[A-Z])[ \t]+as[ \t]+in[ \t]+[a-z]+|{_DIGIT_WORD}"
    r"|double|triple))+\b",
    re.I,
)


def _phonetic(match: re.Match[str]) -> str:
    digits = len(re.findall(rf"\b{_DIGIT_WORD}\b", match.group(), re.I))
    return "[RECORD-ID]" if digits >= 4 else match.group()


def redact_spelled(text: str) -> str:
    """Spelled names, spaced record numbers and spoken postcodes, IP addresses and ZIP codes."""
    if re.search(r"\b[A-Za-z0-9] [A-Za-z0-9] [A-Za-z0-9]\b", text):
        text = _spelled(text)
    if " dot " in text or " point " in text:
        text = _SPOKEN_IP.sub(_ip, text)
    if " as in " in text:
        text = _PHONETIC_CODE.sub(_phonetic, text)
    if "zip" in text.lower():
        text = _SPOKEN_ZIP.sub(r"\1[ZIP]", text)
    return _SPOKEN_CODE.sub(_postcode, text) if re.search(rf"\b[a-z] {_DIGIT_WORD}\b", text) else text


def _spelled(text: str) -> str:
    said = {w.lower() for w in re.findall(r"[^\W\d_]{3,}", text)}
    words = re.findall(r"[^\W\d_]+", text.lower())
    said |= {a + b for a, b in zip(words, words[1:], strict=False)}
    found: set[str] = set()

    def replace(match: re.Match[str]) -> str:
        chars = match.group().split()
        joined = "".join(chars).lower()
        if sum(c.isdigit() for c in joined) >= 5:
            return "[RECORD-ID]"
        if not joined.isalpha() or not _spells_name(joined, said):
            return match.group()
        found.add(joined)
        return "[NAME]"

    text = _RUN.sub(replace, text)
    first = name_lists()[0]
    for word in found:
        # The two words it joins ("xu jiahui" spelled "x u j i a h u i").
        for k in range(2, len(word) - 1):
            pair = rf"(?<![\w\[]){re.escape(word[:k])}[ \t]+{re.escape(word[k:])}(?![\w\]])"
            text = re.sub(pair, "[NAME]", text, flags=re.I)

        def given(match: re.Match[str]) -> str:
            a = match.group(1).lower()
            return "[NAME]" if listed(a, first) and a not in FUNCTION else match.group(1) + " [NAME]"

        # The word as said, with a listed given name just before it ("ivy green").
        text = re.sub(
            rf"(?<![\w\[])(?:([^\W\d_]+)[ \t]+)?{re.escape(word)}(?![\w\]])",
            lambda m: given(m) if m.group(1) else "[NAME]",
            text,
            flags=re.I,
        )
    return text

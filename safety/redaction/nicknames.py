"""Given names the cue rules leave because the name is also a word, and dates written without a year.

Runs last, over the other detectors' placeholders, whose positions are the evidence:

- A nickname before the full name in brackets: "'Bolu' ([NAME])", "Will (Mr [NAME])". In quotes any capitalised
  word; bare, a first name of the Census lists (``names``) or Faker's given names.
- A listed first name in the possessive before a lower-case word ("re Mark's scan", "Joy's last day"), not a
  saint's ("St John's wort"), an institution's ("Guy's Hospital", "at Guy's.") or an eponym's ("Wilson's disease").
- A listed first name opening a text with a comma: the person spoken to ("Frank, mum's bloods back").
- "Will" before a surname that is no English word ("Will Nkemelu takes over"); not in a question.
- A surname in capitals, an initial and a title in brackets, as pharmacy labels print them ("KHAN, M (Mrs)").
- An extension after a found name ("[NAME] x3340").
- A romanised name bracketed after a found one ("[NAME] (Wang Fang)"); a label's "SURNAME, GIVEN" in capitals.
- Dates without a year: an ordinal word and a month ("the fifth of June"), a day and month after "date is", and an
  ordinal day after "since", "until", "from", "on the" ("off since 12th", "from the 9th"), not a count ("after the 3rd
  visit").
"""

from __future__ import annotations

import re

from safety.redaction.keep import kept_spans
from safety.redaction.lexicon import given_names, is_word, listed, name_lists, protected_words
from safety.redaction.vocabulary import EPONYMS, FACILITY

_CAP = r"(?-i:[A-Z])[a-z]+"
_TITLE = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Master)\.?"
_ALIAS = re.compile(
    rf"(?:(?<![\w'’])['‘\"“]({_CAP}(?:-{_CAP})?)['’\"”]|\b({_CAP}))[ \t]*\((?:{_TITLE}[ \t]+)?\[NAME\]\)"
)
_POSSESSIVE = re.compile(rf"(?<![\w.'’-])({_CAP})['’]s\b")
_VOCATIVE = re.compile(rf"\A\s*({_CAP}),[ \t]")
_WILL = re.compile(rf"\bWill[ \t]+({_CAP}(?:-{_CAP})?)\b(?![ \t]*[-(])")
_CAPS_INITIAL = re.compile(rf"(?<![\w-])[A-Z][A-Z'’-]+,?[ \t]+[A-Z]\.?[ \t]*\({_TITLE}\)")
_EXTENSION = re.compile(r"(\[NAME\],?[ \t]+)x\d{3,5}\b")
# The same person's name in another script or spelling, bracketed after it: "患者[NAME] (Wang Fang)".
_ROMANISED = re.compile(rf"\[NAME\][ \t]*\(({_CAP}(?:[ \t]+{_CAP}){{1,2}})\)")
# A label's "SURNAME, GIVEN" in capitals: "MARTINEZ SOTO, ISABEL", "OKAFOR,CHUKWUEMEKA", "LOPEZ-HERNANDEZ, JUAN C".
_CAPS_NAME = re.compile(
    r"(?<![\w-])([A-Z][A-Z'’-]+(?:[ \t][A-Z][A-Z'’-]+)?),[ \t]?([A-Z][A-Z'’-]+)(?:[ \t][A-Z]\b\.?)?(?![\w-])"
)
_ORDINALS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth"
    " fifteenth sixteenth seventeenth eighteenth nineteenth twentieth thirtieth"
).split()
_ORDINAL = (
    rf"(?:(?:twenty|thirty)[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|{'|'.join(_ORDINALS)})"
)
_MONTH = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
_SPOKEN_DATE = re.compile(rf"\b(?:the[ \t]+)?{_ORDINAL}[ \t]+of[ \t]+{_MONTH}\b", re.I)
_DAY_MONTH = re.compile(
    r"(\bdate[ \t]*(?:is|was|:|=)?[ \t]*)(?:[12]\d|3[01]|0?[1-9])[/.](?:1[0-2]|0?[1-9])(?![/.]?\d)", re.I
)
_SINCE_DAY = re.compile(
    r"(\b(?:since|until|till|til|from|before|after|on[ \t]+the)[ \t]+(?:the[ \t]+)?)"
    r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b"
    r"(?![ \t]+(?:of\b|day|dose|cycle|line|week|month|time|trimester|floor|attempt|episode|admission|birthday|visit"
    r"|session|round|try|one|child|baby|pregnancy|go|place|stage|grade))",
    re.I,
)
# Words that open a sentence with a comma and are first names too.
_OPENERS = frozenset("well sure right so also honestly sadly luckily again still".split())
# What follows a possessive that makes it an institution's or a product's, not a person's.
_AFTER_INSTITUTION = re.compile(r"[ \t]+(?:and[ \t]+St|&)\b", re.I)


def _first(word: str) -> bool:
    base = word.lower()
    return listed(base, name_lists()[0]) or base in given_names()


def _inside(spans: list[tuple[int, int]], start: int) -> bool:
    return any(a <= start < b for a, b in spans)


def _names(text: str, protected: frozenset[str]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    # Only when a possessive or a "Will" is there to check (speed): most texts have neither.
    kept = kept_spans(text) if "'s" in text or "’s" in text or "Will " in text else []
    for m in _ALIAS.finditer(text) if "[NAME])" in text else ():
        if m.group(1) or _first(m.group(2)):
            spans.append(m.span(1) if m.group(1) else m.span(2))
    for m in _POSSESSIVE.finditer(text) if "'s" in text or "’s" in text else ():
        word, before, after = m.group(1), text[max(0, m.start() - 8) : m.start()], text[m.end() : m.end() + 24]
        nxt = re.match(r"[ \t]+([A-Za-z]+)", after)
        if (
            _first(word)
            and word.lower() not in EPONYMS
            and not _inside(kept, m.start())
            and not re.search(r"(?:\bSt\.?|\bSaint)[ \t]*$", before)
            # A person's possessive has its noun after it ("Mark's scan"); "at Guy's." is the hospital's short name.
            and nxt is not None
            and nxt.group(1).islower()
            and nxt.group(1) not in FACILITY
            and not _AFTER_INSTITUTION.match(after)
        ):
            spans.append(m.span(1))
    spoken_to = _VOCATIVE.match(text)
    if spoken_to and _first(spoken_to.group(1)) and spoken_to.group(1).lower() not in _OPENERS:
        spans.append(spoken_to.span(1))
    for m in _WILL.finditer(text):
        word, rest = m.group(1).lower(), text[m.end() : m.end() + 120]
        question = "?" in re.split(r"[.!\n]", rest, maxsplit=1)[0]
        if (
            not is_word(word)
            and word not in protected_words(protected)
            and not question
            and not _inside(kept, m.start(1))
        ):
            spans.append((m.start(), m.end()))
    spans += [m.span() for m in _CAPS_INITIAL.finditer(text)] if ")" in text else []
    for m in _ROMANISED.finditer(text) if "[NAME]" in text else ():
        words = m.group(1).lower().split()
        if not all(is_word(w) for w in words) and not set(words) & protected_words(protected):
            spans.append(m.span(1))
    for m in _CAPS_NAME.finditer(text) if "," in text else ():
        # No part a drug or an abbreviation, one on a name list, and no part a dictionary word ("TAKE, DAILY", "CXR,
        # ABG") unless a listed given name follows a listed surname ("GUTIERREZ PALMA, ROSA")
        family = [w for w in re.split(r"[ \t'’-]+", m.group(1).lower()) if len(w) > 1]
        given, words = m.group(2).lower(), [*family, m.group(2).lower()]
        surname = any(not is_word(w) and listed(w, name_lists()[1]) for w in family)
        if (
            all(len(w) > 2 and re.search("[aeiouy]", w) for w in words)
            and not any(w in protected_words(protected) for w in words)
            and (
                (not any(is_word(w) for w in words) and (surname or any(_first(w) for w in words)))
                or (surname and _first(given) and not is_word(given))
            )
        ):
            spans.append(m.span())
    return spans


def redact_nicknames(text: str, protected: frozenset[str] = frozenset()) -> str:
    """Every rule of this module, once; each only when its key word is in the text (speed)."""
    for start, end in sorted(set(_names(text, protected)), reverse=True):
        text = text[:start] + "[NAME]" + text[end:]
    if "[NAME]" in text:
        text = _EXTENSION.sub(r"\1[PHONE]", text)
    low = text.lower()
    if " of " in low:
        text = _SPOKEN_DATE.sub("[DATE]", text)
    if "date" in low:
        text = _DAY_MONTH.sub(r"\1[DATE]", text)
    return _SINCE_DAY.sub(r"\1[DATE]", text) if re.search(r"since|til|from|before|after|on the", low) else text

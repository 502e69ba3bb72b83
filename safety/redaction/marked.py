"""Names marked by their shape or their frame rather than by their words.

Text-level passes that run before the word-by-word name detector, for evidence it cannot see one word at a time:

- a letter's subject line ("Re: Joost van Dijk,", "RE: TOMASZ NOWAK (NHS ..."): what follows "Re:" up to the
  first comma or bracket is the person the letter is about, when every word is on a name list or no English word;
- initials ("initials K.L.M.", "Bay 2 C.D. (DOB", "Mr J (", "baby J", "R. Fairbairn"): too short for any list;
- a name in a non-Latin script: in brackets right after a name already redacted ("[NAME] (ሰላም በቀለ)"), before a
  Japanese honorific ("山田 太郎 様") or after an Arabic word for a relative ("ابنتي ليلى");
- a message that opens with a listed first name or a word of no language, then "here": its sender; a salutation
  to anyone but a group or a role ("Dear Wren,");
- a listed first name written small where grammar leaves no other reading ("my boy jude is poorly").
"""

from __future__ import annotations

import re

from safety.redaction.lexicon import is_word, listed, name_lists
from safety.redaction.vocabulary import COMMON, EPONYMS, FACILITY

# Letters of scripts other than Latin (Greek, Cyrillic, Armenian, Hebrew, Arabic, Ethiopic, Indic, Thai, CJK ...).
_OTHER = (
    r"[\u0370-\u03ff\u0400-\u04ff\u0530-\u058f\u0590-\u05ff\u0600-\u06ff\u0900-\u0dff\u0e00-\u0e7f"
    r"\u1200-\u137f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]"
)
_OTHER_NAME = rf"{_OTHER}+(?:[ \u00b7\u30fb]{_OTHER}+){{0,3}}"
_BRACKETED = re.compile(rf"(\[NAME\]\s*\(\s*){_OTHER_NAME}(?=\s*\))")
# "様" and "さん" follow a person's name in Japanese, "氏名" labels it; kanji/kana only, at most two parts.
_KANA_KANJI = r"[\u3040-\u30ff\u3400-\u9fff]"
_HONORIFIC = re.compile(
    rf"(?<!{_KANA_KANJI}){_KANA_KANJI}{{1,4}}(?:[ \u3000]{_KANA_KANJI}{{1,4}})?(?=[ \u3000]?(?:様|さん|さま))"
)
# Arabic "my son/daughter/husband/wife/brother/sister/mother/father" followed by one Arabic word: the relative's name.
_ARABIC_KIN = re.compile(
    r"((?:^|(?<=\s))(?:ابني|ابنتي|بنتي|زوجي|زوجتي|أخي|اخي|أختي|اختي|أمي|امي|أبي|ابي)\s+)[\u0600-\u06ff]+"
)
_SUBJECT = re.compile(
    r"(\b[Rr][Ee]\s*:\s*)((?:[A-ZÀ-Þ][\w'’-]*|de|van|der|den|da|di|du|le|la|bin|binti|al|el)"
    r"(?:[ \t]+(?:[A-ZÀ-Þ][\w'’-]*|de|van|der|den|da|di|du|le|la|bin|binti|al|el)){0,3})"
    r"(?:(,[ \t]*)([A-ZÀ-Þ][\w'’-]*)(?=[ \t]*(?:[,(]|\n|$)))?(?=[ \t]*(?:[,(]|\n|$))"
)
_PARTICLES = frozenset({"de", "van", "der", "den", "da", "di", "du", "le", "la", "bin", "binti", "al", "el"})
_INITIALS = re.compile(
    r"((?:\binitials?\s*:?\s*|\b(?:bed|bay)\s*\d{1,2}\s*[:-]?\s*))((?:[A-Z]\.\s?){2,4})|"
    r"\b((?:[A-Z]\.){2,4})(?=\s*[,(]?\s*(?:dob|d\.o\.b|born|mrn|nhs)\b)",
    re.I,
)
# A title or "baby" and one capital on its own ("Mr J (", "Dr. J, thanks", "baby J is"): an initial, not a word.
_TITLED_INITIAL = re.compile(
    r"(\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|baby|Baby)\.?[ \t]+)[A-Z](?=[ \t]*[,(]|[ \t]+(?:is|was|has)\b)"
)
_INITIAL_SURNAME = re.compile(r"(?<![\w./])[A-Z]\.[ \t]?([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b(?![.][A-Za-z])")


# A message that opens with a word and "here" is signed by that word: "KEHINDE HERE. INHALER EMPTY", "Dapo here,".
_OPENING_HERE = re.compile(
    r"\A(\s*(?:(?:hi|hello|hey|hiya|morning)[,!]?\s+)?)([A-Z][a-z'’-]+|[A-Z]{3,})(?=\s+here\b)", re.I
)
_ROLES = re.compile(
    r"(?:mum|mom|dad|nurse|doctor|dr|sister|matron|reception|pharmacy|surgery|ward|team|office|me|it)\Z"
)


def _opening(match: re.Match[str]) -> str:
    word = match.group(2)
    if not word[0].isupper() or _ROLES.match(word.lower()) or word.lower() in FACILITY | EPONYMS:
        return match.group(0)
    first = name_lists()[0]
    return match.group(1) + "[NAME]" if listed(word.lower(), first) or not is_word(word.lower()) else match.group(0)


# A name written small is still a name where grammar leaves no other reading: "my boy jude is poorly" (a relative's
# noun, then a word, then a verb), "tell ezra his dad called" (told, then whose), "my gp dr grey gave me". Only a
# listed name qualifies: a first name, or after "dr" a surname.
_SMALL_NAME = re.compile(
    r"(\bmy[ \t]+(?:son|daughter|boy|girl|lad|lass|gf|bf|girlfriend|boyfriend|wife|husband|partner|hubby|mum|mom|dad"
    r"|brother|sister|friend|neighbou?r|carer|kid|baby|grandson|granddaughter)[ \t]+|\btell[ \t]+"
    r"|\b(?:my[ \t]+)?(?:gp[ \t]+)?dr\.?[ \t]+)"
    r"([a-z][a-z'’-]+)(?=[ \t]+(?:is|says|said|has|had|was|wants|needs|keeps|thinks|put|gave|told|prescribed|sent"
    r"|rang|called|his|her|their)\b)"
)
_SMALL_NOT = frozenset({"nan", "son", "baby", "kid", "mum", "dad"})


def _small(match: re.Match[str]) -> str:
    word = match.group(2)
    if match.group(1).lower().startswith("tell") and not re.match(
        r"\s+(?:his|her|their)\b", match.string[match.end() :]
    ):
        return match.group(0)
    first, last = name_lists()
    doctor = re.search(r"dr\.?[ \t]+$", match.group(1), re.I) is not None
    ok = word not in _SMALL_NOT and (listed(word, first) or doctor and listed(word, last))
    return match.group(1) + "[NAME]" if ok else match.group(0)


# A salutation at a line's start is to a person unless to one of the few groups and roles letters are addressed to:
# "Dear Wren," is a name though "wren" is a word; "Dear Colleague," and "Hi team," are not.
_SALUTATION = re.compile(r"(?m)^([ \t]*(?i:dear|hi|hello|hey|hiya)[ \t]+)([A-Z][a-z'’-]+)(?=[ \t]*(?:,|!|\n))")
_ADDRESSED_GROUPS = frozenset(
    """team all everyone everybody there again colleague colleagues sir sirs madam doctor doctors practice patient
    patients parent parents carer carers friend friends member members customer customers reader applicant resident
    residents neighbour neighbours client clients user users staff nurse nurses pharmacist pharmacy manager folks
    guys mum mom dad nan gran auntie uncle son daughter love hun mate ladies gentlemen reception surgery""".split()
)


def _salutation(match: re.Match[str]) -> str:
    word = match.group(2).lower()
    if word in _ADDRESSED_GROUPS or word in FACILITY or word in COMMON and not listed(word, name_lists()[0]):
        return match.group(0)
    return match.group(1) + "[NAME]"


def _named(words: list[str]) -> bool:
    # Every word on a name list or no English word, or one no English word among capitalised ones ("Joost van
    # Dijk"); never a ward, a service or an eponym ("Re: Ward Round", "Re: Parkinson Clinic").
    first, last = name_lists()
    real = [w.lower() for w in words if w.lower() not in _PARTICLES]
    if not real or not words[0][0].isupper() or any(w in FACILITY | EPONYMS for w in real):
        return False
    # A common word is a name here only as a short listed syllable ("Mei Na"); "Ward Round" is an event.
    if any(w in COMMON and (len(w) > 3 or not listed(w, first)) for w in real):
        return False
    unknown = [not is_word(w) for w in real]
    return all(u or listed(w, first) or listed(w, last) for w, u in zip(real, unknown, strict=True)) or (
        any(unknown) and all(w[0].isupper() for w in words if w.lower() not in _PARTICLES)
    )


def _subject(match: re.Match[str]) -> str:
    if not _named(match.group(2).split()):
        return match.group(0)
    given = match.group(4)
    tail = match.group(3) + "[NAME]" if given and _named([given]) else (match.group(3) or "") + (given or "")
    return match.group(1) + "[NAME]" + tail


def _again(text: str, before: str) -> str:
    # A name the subject line gave is the same person's wherever it appears again ("Re: Thanh Bui ... Thanh").
    gone = {w for m in _SUBJECT.finditer(before) for w in re.findall(r"[\w'’-]{3,}", m.group(0)[len(m.group(1)) :])}
    gone -= {w for w in gone if w.lower() in _PARTICLES or not w[0].isupper()}
    for word in sorted(gone, key=len, reverse=True):
        if word not in text:
            continue
        if _named([word]):
            text = re.sub(rf"(?<![\w\[]){re.escape(word)}(?![\w\]])", "[NAME]", text)
    return text


def _initials(match: re.Match[str]) -> str:
    if match.group(3):
        return "[NAME]" if match.group(3).isupper() else match.group(0)
    if not re.search(r"[A-Z]\.", match.group(2)) or not match.group(2)[0].isupper():
        return match.group(0)
    tail = " " if match.group(2).endswith(" ") else ""
    return match.group(1) + "[NAME]" + tail


def _initial_surname(match: re.Match[str]) -> str:
    # "R. Fairbairn": the surname is on the list and no English word, so "E. Coli" or "St. Mary" do not qualify.
    word = match.group(1).lower()
    return "[NAME]" if listed(word, name_lists()[1]) and not is_word(word) else match.group(0)


def redact_marked(text: str) -> str:
    """Replace names found by their frame or shape with ``[NAME]``."""
    if "e:" in text or "E:" in text:
        before, text = text, _SUBJECT.sub(_subject, text)
        if text != before:
            text = _again(text, before)
    if "." in text or "bed" in text.lower() or "bay" in text.lower():
        text = _INITIALS.sub(_initials, text)
        text = _INITIAL_SURNAME.sub(_initial_surname, text)
    text = _OPENING_HERE.sub(_opening, text, count=1)
    text = _SMALL_NAME.sub(_small, text)
    text = _SALUTATION.sub(_salutation, text)
    text = _TITLED_INITIAL.sub(lambda m: m.group(1) + "[NAME]", text)
    if not text.isascii():
        text = _BRACKETED.sub(lambda m: m.group(1) + "[NAME]", text)
        text = _HONORIFIC.sub("[NAME]", text)
        text = _ARABIC_KIN.sub(lambda m: m.group(1) + "[NAME]", text)
    return text

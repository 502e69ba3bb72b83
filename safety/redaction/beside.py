"""Names a cue marks as a person's even when they are ordinary words, lower case, or in a script with no capitals.

Run inside ``context`` on every pass, so the rules lean on the placeholders the first pass left:

- Names in scripts without capitals (Hangul, Han, kana, Arabic, Devanagari, Hebrew, Cyrillic, Thai) beside a name
  placeholder, or after a Korean kin word: "[NAME] (佐藤 陽暉)", "[NAME] 김서연", "श्री रामप्रसाद यादव ([NAME])".
- A capitalised word joined to a name ("[NAME] and Precious", "Parents Mere and [NAME]"), a nickname in quotes
  after one ("[NAME] ("Dami")"), a given name in brackets before one ("(Mercy [NAME])").
- After a person cue that the name detector does not hold strong enough for a word: "Interpreter: Shirin",
  "Family: Morag", "Hijo: Gorka", "Call me Tuấn", "my koro Pātaka".
- Whom a message speaks to: "Will, Hope & Grace – on-call rota", "Rhiannon can you swap", "Ravi (FY2)".
- A lower-case first name and surname after a kin word in a chat: "my husband will cooper".

A word found so is a name wherever else it stands in the text, as in ``names``.
"""

from __future__ import annotations

import re
from functools import partial

from safety.redaction.lexicon import given_names, is_word, listed, name_lists
from safety.redaction.vocabulary import EPONYMS, FACILITY, FUNCTION

_SCRIPT = (
    r"[\uac00-\ud7a3\u4e00-\u9fff\u3040-\u30ff\u0600-\u06ff\u0750-\u077f\u0900-\u097f\u0590-\u05ff\u0400-\u04ff"
    r"\u0e00-\u0e7f]"
)
_CUE_SCRIPT = r"[\u4e00-\u9fff\u0600-\u06ff]"  # Chinese and Arabic, whose cues ``context`` reads before a name
_SWORD = rf"{_SCRIPT}{{1,14}}(?:[\u0900-\u097f]{{0,4}})"
_SNAME = rf"{_SWORD}(?:[ \t]{_SWORD}){{0,2}}"
_LOW = r"a-zß-ÿ\u0100-\u024f\u1e00-\u1eff"  # lower case of the Latin scripts (and a few capitals: harmless here)
_CAP = rf"(?-i:[A-ZÀ-ÞĀ-Ž][{_LOW}'’]+(?:-[A-Z][{_LOW}]+)?)"
_NOT_NAME = (
    FUNCTION
    | EPONYMS
    | FACILITY
    | frozenset(
        "ward unit team theatre theatres clinic hospital department dept nurse doctor dr mr mrs ms the update urgent"
        " reminder note fyi re fw fwd subject dear hi hello thanks please none aware informed present unknown"
        " history nephew sons".split()
    )
)
_KIN = (
    r"(?:husband|wife|son|daughter|mum|mom|mother|dad|father|brother|sister|partner|grandson|granddaughter|nan|nana"
    r"|grandma|grandpa|grandad|granny|aunty|auntie|aunt|uncle|koro|kuia|nephew|niece|cousin|friend|neighbou?r)"
)
_CUED = re.compile(
    rf"(\b(?:(?i:interpreter|translator|parents|hijo|hija|esposo|esposa|call\s+me|my\s+{_KIN}|koro|kuia)\b"
    rf"[ \t]*(?:booked|is|:)?|(?i:family|contact|next\s+of\s+kin|nok|whānau|whanau)[ \t]*:)[ \t]*\(?[ \t]*)"
    rf"({_CAP})(?![\w'’-])"
)
# Each rule with what a word it finds must be: "any" (a cue strong enough for a word: "[NAME] and Precious"),
# "namey" (a listed name or no English word: "Interpreter: Shirin"), "given" (a listed given name: "Will, Hope &
# Grace – rota"; a drug at a line's start before a dash is no English word either) or "nick" (a given name that is
# no ward, service or day: "[NAME] (Cliff)", not "[NAME] (Ward)").
_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    # Not after a name its own script's cue found ("老公 [NAME] 昨天"): the next word there is only the next word.
    (
        re.compile(
            rf"(?<!{_CUE_SCRIPT}[ \t])(?<!{_CUE_SCRIPT})(\[NAME\][ \t]*,?[ \t]*\(?[ \t]*)({_SNAME})"
            r"(?=[ \t]*[),(\n]|[ \t]+[\w\[]|[ \t]*$)"
        ),
        "any",
    ),
    (re.compile(rf"()({_SNAME})(?=[ \t]*\(\[NAME\]\))"), "any"),
    # A name in its own script before its romanisation: "林美玲 [NAME] Meiling", at a line's or a field's start.
    (re.compile(rf"((?:^|\n|\|)[ \t]*)({_SNAME})(?=[ \t]+\[NAME\])"), "script"),
    (
        re.compile(
            r"((?:아버지|어머니|아버님|어머님|남편|아내|아들|딸|할머니|할아버지|父亲|母亲|丈夫|妻子)[ \t]*)"
            r"([가-힣]{2,4}|[\u4e00-\u9fff]{2,4})(?![가-힣\u4e00-\u9fff])"
        ),
        "any",
    ),
    (re.compile(rf"(\[NAME\][ \t]+(?:and|&)[ \t]+)({_CAP})(?![\w'’-])"), "any"),
    (re.compile(rf"()({_CAP})(?=[ \t]+(?:and|&)[ \t]+\[NAME\])"), "any"),
    (re.compile(rf"(\[NAME\][ \t]*\([ \t]*[\"“'‘])({_CAP})(?=[\"”'’])"), "any"),
    # A given name or a nickname in brackets after the name: "Mrs [NAME] (Rukhsana)", "[NAME] (Cliff) - collecting".
    (re.compile(rf"(\[NAME\][ \t]*\([ \t]*)({_CAP})(?=[ \t]*\))"), "nick"),
    # A caller's own given name: "it's Crystal, NHS ...", "this is uh Precious calling", "its Tay,".
    (
        re.compile(
            rf"(\b(?i:it['’]?s|this[ \t]+is)(?:[ \t]+(?i:uh|um|er))?[ \t]+)({_CAP})"
            r"(?=[ \t]*[,.!(]|[ \t]+(?i:here|calling|from|again)\b|[ \t]+(?-i:[A-Z])[a-z]+[ \t]*,)"
        ),
        "nick",
    ),
    # "first name Autumn", "surname is Okafor": the cue says it outright, whatever the word.
    (re.compile(rf"(\b(?i:first|given|sur|last|family)[ \t]?name(?:[ \t]+is)?[ \t]+)({_CAP})(?![\w'’-])"), "any"),
    # Staff known by their role on a log: "operator Jola", "ODP Gintaras", "witnessed SN Ama", "Caller: Mick".
    (
        re.compile(
            rf"(\b(?:(?-i:HCA|ODP|SN|SW)|(?i:operator|coordinator|porter|electrician|radiographer|receptionist"
            rf"|caller))[ \t]*:?[ \t]+)({_CAP})(?![\w'’-])"
        ),
        "namey",
    ),
    (re.compile(rf"(\([ \t]*)({_CAP})(?=[ \t]+\[NAME\][ \t]*\))"), "any"),
    (_CUED, "namey"),
    # Whom a message is to: at its start before a dash, or before "can you" anywhere.
    (
        re.compile(rf"((?:^|\n)[ \t]*)({_CAP}(?:,[ \t]*{_CAP})*(?:[ \t]*(?:&|and)[ \t]*{_CAP})?)(?=[ \t]+[-–—][ \t])"),
        "given",
    ),
    (re.compile(rf"((?:^|[.!?:\n])[ \t]*)({_CAP})(?=,?[ \t]+(?:can|could|would)[ \t]+(?:you|u)\b)"), "namey"),
    # A doctor's grade in brackets after a name: "Ravi (FY2)", "Tom (SHO)".
    (
        re.compile(rf"()({_CAP})(?=[ \t]*\((?:FY[12]|F[12]|SHO|SpR|StR|CT[1-3]|ST[1-8]|reg|registrar|HCA|RN|SN)\))"),
        "namey",
    ),
    # Introductions in Pacific languages: "o Fa'amoana lenei" (Samoan, "this is").
    (re.compile(rf"(\bo[ \t]+)({_CAP})(?=[ \t]+lenei\b)"), "namey"),
    # "the Okereke boy": a surname with a child or a family word after it.
    (re.compile(rf"(\bthe[ \t]+)({_CAP})(?=[ \t]+(?:boy|girl|baby|twins|family|kids|children)\b)"), "namey"),
)
# Cue words in scripts without capitals, which stand before a name and are none.
_SCRIPT_CUES = frozenset(
    "患者 病人 姓名 女儿 儿子 丈夫 妻子 母亲 父亲 妈妈 爸爸 医生 护士 환자 이름 성명 المريض الاسم"
    " 老公 老婆 太太 我叫 我是 اسمي مرحبا، مرحبا أنا".split()
)
# Given names of some lists that are days and months: "it's Monday, ok" names no one.
_CALENDAR = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august"
    " september october november december".split()
)
_NOT_INITIALS = FUNCTION | frozenset("lol xx xxx ta all x".split())
_LOWER_PAIR = re.compile(rf"(\bmy[ \t]+{_KIN}[ \t]+)([a-z]{{2,15}})[ \t]+([a-z]{{2,20}})\b", re.I)


def _fits(word: str, mode: str) -> bool:
    """Whether a cued word may be a name: never a grammar or ward word; then as ``mode`` (see ``_RULES``) asks."""
    base = word.lower().rstrip("'’s") if word.lower().endswith(("'s", "’s")) else word.lower()
    if mode in ("given", "nick"):
        # A nickname in brackets is no grammar word, ward or service: "[NAME] (Ward)" is where, not who.
        return _given(word) and (mode == "given" or base not in _NOT_NAME and base not in _CALENDAR)
    if mode == "script":
        return word not in _SCRIPT_CUES
    if base in _NOT_NAME or len(base) < 2:
        return False
    first, last = name_lists()
    return mode == "any" or listed(base, first) or listed(base, last) or not is_word(base)


def _given(word: str) -> bool:
    """A capitalised listed given name, even one that is a grammar word ("Will, Hope & Grace – rota")."""
    low = word.lower()
    return (
        word[:1].isupper() and (listed(low, name_lists()[0]) or low in given_names()) and low not in {"may", "hi", "re"}
    )


def _words(value: str) -> list[str]:
    # Split on spaces, not on \W: the vowel signs of Devanagari and Thai are no \w ("श्री").
    return [w for w in re.findall(r"[^\s,;:()\"“”!?]+", value) if any(c.isalpha() for c in w)]


def redact_beside(text: str) -> str:
    """Every rule of this module, then every other place a word so found stands."""
    found: set[str] = set()

    def replace(match: re.Match[str], mode: str) -> str:
        words = _words(match.group(2))
        if not words or not all(_fits(w, mode) for w in words):
            return match.group()
        found.update(w for w in words if w[:1].isupper() and len(w) > 2)
        return match.group(1) + "[NAME]"

    for pattern, mode in _RULES:
        text = pattern.sub(partial(replace, mode=mode), text)
    text = _LOWER_PAIR.sub(_lower_pair, text)
    text = _SIGN_OFF.sub(lambda m: m.group() if m.group(2) in _NOT_INITIALS else m.group(1) + "[NAME]", text)
    if _lower_case(text):
        for pattern in _SPOKEN:
            text = pattern.sub(_spoken, text)
    for word in found:
        text = re.sub(rf"(?<![\w\[]){re.escape(word)}(?![\w\]'’-])", "[NAME]", text)
    return text


# Speech-to-text and chats in lower case: whom a caller greets and who calls, a title, a kin word before a verb.
_SPOKEN = (
    re.compile(r"(\b(?:hi|hello|hey)[ \t]+)([a-z]{3,15})(?=[ \t]+it['’]?s\b)"),
    re.compile(r"(\bit['’]?s[ \t]+)([a-z]{3,15}(?:[ \t]+[a-z]{3,20})?)(?=[ \t]+(?:from|here|calling)\b)"),
    re.compile(r"(\b(?:mr|mrs|ms|miss)\.?[ \t]+)([a-z]{3,20})\b"),
    re.compile(
        rf"(\bmy[ \t]+{_KIN}[ \t]+)([a-z]{{3,15}})"
        r"(?=[ \t]+(?:is|was|has|had|needs|said|says|wants|fell|takes|his|her)\b)"
    ),
)
# Initials as a sign-off after thanks, at the very end: "Thx, jk".
_SIGN_OFF = re.compile(r"(\b(?i:thx|thanks|cheers|ta)[,!.]?[ \t]+)([a-z]{2,3})(?=[ \t.!]*$)")


def _lower_case(text: str) -> bool:
    letters = [c for c in re.sub(r"\[[A-Z0-9+-]+\]", "", text) if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) <= 0.03 * len(letters)


def _spoken(match: re.Match[str]) -> str:
    words = match.group(2).split()
    if any(w in FUNCTION - {"will", "hope"} or w.endswith("ly") or w in FACILITY for w in words):
        return match.group()
    first = name_lists()[0]
    if match.group(1).lower().startswith("it") and not any(listed(w, first) or not is_word(w) for w in words):
        return match.group()  # "it's made people here nervous": no name among the words
    return match.group(1) + "[NAME]"


def _lower_pair(match: re.Match[str]) -> str:
    first, last = name_lists()
    given, surname = match.group(2).lower(), match.group(3).lower()
    if given in FUNCTION - {"will"} or surname in FUNCTION or not (listed(given, first) or given == "will"):
        return match.group()
    return match.group(1) + "[NAME]" if listed(surname, last) and not listed(surname, first) else match.group()

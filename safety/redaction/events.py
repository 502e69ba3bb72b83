"""Identifiers of an episode: dates without a year, ages beside a name, record codes beside a name, accounts, hosts.

HIPAA Safe Harbor removes every element of a date but the year when the date is a person's, so "discharged 3 Nov",
"on 2 October", "Mon 17th", "stationär vom 01.10." and "el 15/05" go as [DATE] when an event word, a weekday or a
preposition marks them as when something happened to someone. A month-day date after a document word ("updated
3 Nov") stays, as the full-date rule in ``patterns`` keeps it.

The rest lean on the placeholders the earlier detectors left: an age 90+ between commas after a name ("[NAME], 91,"),
a hospital's record code after a name or a birth date ("[NAME] (RX 112093)", "[DOB], RTH 009812"), and labelled
computer accounts, hosts, extensions, bleeps, accession and prescription numbers.
"""

from __future__ import annotations

import re

from safety.redaction.lexicon import is_word
from safety.redaction.vocabulary import FOREIGN_MONTHS, FUNCTION

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    rf"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|{FOREIGN_MONTHS})\.?"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![.:]\d)"
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday)?\.?"
# A day and a month without a year, or a weekday and a day: "3 Nov", "Nov 2", "Thursday 20 November", "Mon 17th".
_DAY_MONTH = (
    rf"(?:(?:{_WEEKDAY},?\s+)?{_DAY}\s+(?:of\s+|de\s+)?{_MONTH}|{_MONTH}\s+{_DAY}(?!\d)"
    rf"|{_WEEKDAY}\s+{_DAY}(?!\s*(?:mg|ml|%)))"
)
# What makes such a date a person's: an event or a preposition of time before it.
_EVENT = (
    r"(?:on|since|from|due|dated|discharged|admitted|seen|died|passed\s+away|operated|arrived|booked"
    r"|appointment|appt|review|listed|scheduled|confirmed|started|start|stopped|surgery|op|procedure|tavi|clinic"
    r"|list|vom|bis|am|le|el|em|il|moved[ \t]+to|changed[ \t]+to|rescheduled[ \t]+(?:to|for)|til|till|until)"
)
_CAP_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?"
    r"|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_NOT_DOC = r"(?<!updated\s)(?<!issued\s)(?<!published\s)(?<!revised\s)(?<!released\s)"
# Rules that need a month's or a weekday's name: skipped when the text has none (speed).
_MONTH_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    # "on 12 March", "discharged 3 Nov", "TAVI 2 Dec", "Theatre list Mon 17th", "· Oct 9" at the end of a label.
    (
        re.compile(rf"(\b{_EVENT}\b[ \t]+(?:the[ \t]+)?){_NOT_DOC}{_DAY_MONTH}(?![\w/])(?![ \t,]+(?:19|20)\d\d)", re.I),
        r"\1[DATE]",
    ),
    (re.compile(rf"\b{_WEEKDAY}[ \t]+{_DAY}[ \t]+(?:of[ \t]+)?{_MONTH}(?!\w)", re.I), "[DATE]"),
    (re.compile(rf"(·[ \t]*){_MONTH}[ \t]+{_DAY}(?=[ \t]*(?:$|\n|·))", re.I), r"\1[DATE]"),
)
_MONTH_WORDS = frozenset(
    "jan january feb february mar march apr april may jun june jul july aug august sep sept september oct october"
    " nov november dec december mon monday tue tues tuesday wed wednesday thu thur thurs thursday fri friday sat"
    " saturday sun sunday".split()
)
_WORDS = re.compile(r"[^\W\d_]+")
_FOREIGN = re.compile(rf"\d[ \t]+(?:de[ \t]+)?{FOREIGN_MONTHS}\b", re.I)
_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    # "on 12th", "on the 12th": a day of the month someone does something.
    (re.compile(r"(\bon[ \t]+(?:the[ \t]+)?)(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b"), r"\1[DATE]"),
    # Numeric day and month after a preposition of another language: "vom 01.10. bis", "es el 15/05 a las".
    (
        re.compile(
            r"(\b(?:vom|bis|am|el|le|il|em|du|au|dia|op)[ \t]+)(?:[12]\d|3[01]|0?[1-9])"
            r"(?:/(?:1[0-2]|0?[1-9])|\.(?:1[0-2]|0?[1-9])\.)"
            r"(?![\d/.]?\d)",
            re.I,
        ),
        r"\1[DATE]",
    ),
    # Korean and Japanese month-day: "12월 3일", "11月3日".
    (re.compile(r"\d{1,2}\s?월\s?\d{1,2}\s?일|\d{1,2}\s?月\s?\d{1,2}\s?日"), "[DATE]"),
    # An age over 89 between commas after a name: "[NAME], 91, has dementia", "[NAME], 90, perforated".
    (re.compile(r"(\[NAME\][ \t]*,[ \t]*)(?:9\d|1[01]\d)(?=[ \t]*[,;)])"), r"\1[AGE-90+]"),
    # With a title the comma before may go: "Mrs [NAME] 97, syringe driver", "Mr [NAME] 93; settled".
    (
        re.compile(r"(\b(?:Mrs|Mr|Ms|Miss|Mx)\.?[ \t]+\[NAME\][ \t]+)(?:9\d|1[01]\d)(?=[ \t]*[,;)])"),
        r"\1[AGE-90+]",
    ),
    # A hospital's record code beside a name or a birth date: letters, a space or dash, digits.
    (
        re.compile(
            r"(\[(?:NAME|DOB|DATE)\][ \t]*(?:\(|,|-|–|—)?[ \t]*)(?!(?:CPT|ICD|HR|BP|RR|GCS|NEWS|SPO|INR|BMI|PEEP)\b)"
            r"(?-i:[A-Z]{2,6})(?:[ -]|/[A-Z]{2,6}/)(?:\d{4}/)?\d{4,9}(?![\w.-])"
        ),
        r"\1[RECORD-ID]",
    ),
    (
        re.compile(r"(?<![\w/-])(?-i:[A-Z]{2,6})[ -]\d{6,9}(?=\))(?<!CPT \d{5})"),
        "[RECORD-ID]",
    ),
    # Labelled hosts: "Host WS-CARD-0447" (accounts: ``_ACCOUNT``).
    (
        re.compile(
            r"\b((?:host(?:name)?|computer|workstation|pc|machine|device\s+name)[ \t]*[:=]?[ \t]+)"
            r"(?=[\w.-]*\d{3})(?-i:[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+)\b",
            re.I,
        ),
        r"\1[HOSTNAME]",
    ),
    # An extension, a bleep or a pager reaches a person when a name stands before it in its sentence ("Dr [NAME] is
    # the reg on call tonight, bleep 6621", "[NAME] (FY2) ext 4471"); not a service's ("Contact maintenance ext 2240").
    (
        re.compile(r"(\[NAME\][^.\n\[]{0,60}?\b(?:bleep|pager|ext|extension)\.?[ \t]*:?[ \t]*)\d{3,6}\b", re.I),
        r"\1[PHONE]",
    ),
    # Accession, prescription, claim and reference numbers after their label: "Accession 25-MB-44712", "Rx 55102";
    # not a year ("visit 2025") nor a dose ("Rx 500 mg").
    (
        re.compile(
            r"\b((?:accession|acc(?:ession)?\s*(?:no\.?|#)|rx|script|prescription|my\s+ref|case\s+ref"
            r"|claim|episode|fall-?nr\.?|fallnummer|encounter|visit|lab\s+no\.?|specimen\s+no\.?)"
            r"[ \t]*(?:no\.?|number)?[ \t]*[:#]?[ \t]*)(?=[A-Z0-9-]*\d{3})(?!(?:19|20)\d\d\b)"
            r"(?-i:[A-Z0-9]+(?:[-/][A-Z0-9]+)*)(?![\w-])(?![ \t]*(?:mg|mcg|micrograms?|ml|g|units?|iu)\b)",
            re.I,
        ),
        r"\1[RECORD-ID]",
    ),
    # A reference with letters and digits: "ref PALS-77120"; a bare number after "ref" is as often a vendor's, and a
    # job's or a ticket's reference is the organisation's ("Job ref LFT-88120").
    (
        re.compile(
            r"(?<!job[ \t])(?<!ticket[ \t])(?<!fault[ \t])(?<!incident[ \t])(?<!order[ \t])"
            r"\b((?:ref(?:erence)?)(?:[ \t]+(?:no\.?|number))?[ \t]*[:#]?[ \t]*)"
            r"(?=[A-Z0-9/-]*[A-Z])(?=[A-Z0-9/-]*\d{3})(?-i:[A-Z0-9]+(?:[-/][A-Z0-9]+)+)(?![\w-])",
            re.I,
        ),
        r"\1[RECORD-ID]",
    ),
    # Bank account numbers in Portuguese and Spanish ("conta 12345-6", "cuenta 0049-1234").
    (re.compile(r"\b((?:conta|cuenta|compte|konto)[ \t]*:?[ \t]*)\d[\d-]{3,}\d\b", re.I), r"\1[ID-NUMBER]"),
    # A staff code after a name and a role: "Reviewed by [NAME] (pharmacist), PH0332".
    (re.compile(r"(\[NAME\][ \t]*\([a-z ]{2,30}\),?[ \t]*)(?-i:[A-Z]{1,3}\d{3,7})\b"), r"\1[STAFF-ID]"),
    # A serial written in groups after its label: "serial RNF 449120 S".
    (
        re.compile(
            r"(\bserial(?:[ \t]+(?:no\.?|number))?[ \t]*:?[ \t]*)(?-i:[A-Z]{2,4}[ \t]\d{4,9}(?:[ \t][A-Z])?)\b", re.I
        ),
        r"\1[SERIAL]",
    ),
    # A health plan's group number and a payroll number: "Group 51177", "payroll 00771".
    (
        re.compile(r"\b((?:group|payroll|pay\s+no\.?)[ \t]*(?:no\.?|number|#)?[ \t]*:?[ \t]*)\d{4,10}\b", re.I),
        r"\1[ID-NUMBER]",
    ),
    # Singapore's six-digit postcodes after the country: "Singapore 460214".
    (re.compile(r"\b(Singapore[ \t]+)\d{6}\b"), r"\1[POSTCODE]"),
    # A birth year in Vietnamese ("sinh năm 1931"): with an age over 89 it singles a person out.
    (re.compile(r"\b((?:sinh[ \t]+năm|năm[ \t]+sinh)[ \t]*:?[ \t]*)(?:19|20)\d\d\b", re.I), r"\1[DOB]"),
    # A key-safe or door code lets a stranger in: "key safe code 4471".
    (
        re.compile(
            r"\b((?:key\s*safe|keysafe|door|gate|entry|access)[ \t]+(?:code|pin)[ \t]*:?[ \t]*(?:is[ \t]+)?)\d{3,8}\b",
            re.I,
        ),
        r"\1[ID-NUMBER]",
    ),
)


# A day and a month name, capitalised, with nothing else: "osteotomy 11 Nov.", "Rx 55102 · Oct 9". A document's
# date ("updated 3 Nov") is kept by the lookbehinds, a number of a ward or a bed by ``_bare_date``; a lower-case "may"
# or "march" is a verb.
_BARE_DATE = re.compile(
    rf"(?<![\w/.-]){_NOT_DOC}(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?[ \t]+(?-i:{_CAP_MONTH})(?![\w])"
    rf"(?![ \t,]+(?:19|20)\d\d)|(?<![\w/.-]){_NOT_DOC}(?-i:{_CAP_MONTH})[ \t]+(?:[12]\d|3[01]|0?[1-9])"
    r"(?:st|nd|rd|th)?(?![\w.:/]|[ \t]*(?:mg|mcg|ml|g\b|units|%)|,?[ \t]+(?:19|20)\d\d)"
)
# A ward's or a bed's number, or a deadline of a notice ("Apply by 30 June", "sessions on 4 and 11 July").
_NUMBERED = re.compile(
    r"\b(?:ward|bed|bay|room|unit|level|floor|station|theatre|lift|wing|block|box|by|before|until|till|deadline"
    r"|closes|closing|and|to)[ \t]*$",
    re.I,
)


def _bare_date(match: re.Match[str]) -> str:
    return match.group() if _NUMBERED.search(match.string, max(0, match.start() - 12), match.start()) else "[DATE]"


# Computer accounts after their label: "username sreddy4", "user fquansah", "login: jdoe"; not "user error".
_ACCOUNT = re.compile(r"\b((?:user(?:name)?|login|user\s*id|logon)[ \t]*[:=]?[ \t]+)([a-z][\w.-]{2,30})\b", re.I)


def _account(match: re.Match[str]) -> str:
    value = match.group(2).lower()
    if match.group(2).isupper() and not re.search(r"\d", value):
        return match.group()  # "TELL USER MAX DOSE": a shouted word, not an account
    if value in FUNCTION or not re.search(r"\d|[._]", value) and is_word(value):
        return match.group()
    return match.group(1) + "[USERNAME]"


def _words(*groups: str) -> frozenset[str]:
    return frozenset(" ".join(groups).split())


# For each rule of ``_RULES``, in order, the words one of which it needs (lower case; a placeholder's word counts),
# or None: a text without any skips the rule. Most texts have none of these labels, and each skipped pattern saves a
# scan of the whole text.
_TRIGGERS: tuple[frozenset[str] | None, ...] = (
    _words("on"),
    _words("vom bis am el le il em du au dia op"),
    _words("월 月"),
    _words("name"),
    _words("name"),
    _words("name dob date"),
    None,
    _words("host hostname computer workstation pc machine device"),
    _words("bleep pager ext extension"),
    _words(
        "accession acc rx script prescription my case ref claim episode fall nr fallnummer encounter visit lab specimen"
    ),
    _words("ref reference"),
    _words("conta cuenta compte konto"),
    _words("name"),
    _words("serial"),
    _words("group payroll pay"),
    _words("singapore"),
    _words("sinh năm"),
    _words("key keysafe door gate entry access"),
)


def redact_events(text: str) -> str:
    """Every rule of this module, once."""
    words = set(_WORDS.findall(text.lower()))
    months = not _MONTH_WORDS.isdisjoint(words) or _FOREIGN.search(text) is not None
    for pattern, replacement in _MONTH_RULES if months else ():
        text = pattern.sub(replacement, text)
    for (pattern, replacement), needs in zip(_RULES, _TRIGGERS, strict=True):
        if needs is None or not needs.isdisjoint(words):
            text = pattern.sub(replacement, text)
    return _ACCOUNT.sub(_account, _BARE_DATE.sub(_bare_date, text) if months else text)

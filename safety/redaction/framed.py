"""Identifiers marked only by the frame around them, read last over the other detectors' placeholders.

Names that are ordinary words ("Joy", "Hope", "Will") are safe to take only where the frame admits nothing else: a
sign-off ending the text, a list or handover beside an already found name, a preferred name in brackets after one,
"checked by X". The rest are shapes after their cue: a full date closing a clause, spoken ages and e-mails,
serials after "s/n", wristband names in capitals, URLs carrying a patient id, Swedish postcodes after an address.
"""

from __future__ import annotations

import re

from safety.redaction.lexicon import given_names

_CAP = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
# Words that end a message or fill a name's slot without being a name.
_NOT_NAME = frozenset(
    "thanks thank thx ta cheers regards love best urgent asap ok okay please pls done fine stable sorry team ward"
    " reception pharmacy admin nurse doctor dr mum dad son daughter wife husband nok sister brother mother father"
    " deceased interpreter patient staff bank agency night day am pm all none nil yes no and or the unknown"
    " monday tuesday wednesday thursday friday saturday sunday today tomorrow tonight"
    " physio ot dietitian gp consultant registrar reg sho fy1 fy2 hca matron cardiology theatre theatres"
    " radiology oncology surgery ed ae icu hdu amu".split()
)
_WORD_NUM = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_SPOKEN_AGE = rf"(?:ninety(?:[- ]{_WORD_NUM})?|(?:a|one)[- ]hundred(?:[- ](?:and[- ])?{_WORD_NUM})?)"
_DIGIT = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_NUM_WORD = r"(?:\d+|zero|one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|forty|fifty|sixty|seventy)"
_SPOKEN_PART = r"[a-z]+"

_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    # A full date closing a clause after a name or place: "[NAME], 45, from X Hospital, 03/03/2024. Dx".
    (re.compile(r"(,[ \t]+)(?:[12]\d|3[01]|0?[1-9])/(?:1[0-2]|0?[1-9])/(?:19|20)\d\d(?=[.;]\s)"), r"\1[DATE]"),
    # A spoken age: "I'm ninety-six", "[NAME], ninety-nine,", "96 years young", "(94!)".
    (re.compile(rf"(\b(?:I'?m|I am|aged?|she's|he's)[ \t]+|\[NAME\],[ \t]+){_SPOKEN_AGE}\b", re.I), r"\1[AGE-90+]"),
    (re.compile(r"\b(?:9\d|1[01]\d)(?=[ \t]+(?:years?|yrs?)[ \t]+young\b)", re.I), "[AGE-90+]"),
    (re.compile(r"(\[NAME\][ \t]*\()(?:9\d|1[01]\d)(?=!*\))"), r"\1[AGE-90+]"),
    (re.compile(r"(\[NAME\][ \t]*,[ \t]*)(?:9\d|1[01]\d)(?=\.(?:\s|$))"), r"\1[AGE-90+]"),
    # A South Asian given name before a title-like surname: "Zubaida Begum".
    (re.compile(rf"\b{_CAP}[ \t]+(?:Begum|Bibi|Khatun|Khanum)\b"), "[NAME]"),
    # A Philippine postcode after its city: "Cabanatuan City 3100".
    (re.compile(r"(\b[A-Z][a-z]+[ \t]+City,?[ \t]+)(?!(?:19|20)\d\d)\d{4}\b"), r"\1[POSTCODE]"),
    # A device serial after its label ("SN" only unhyphenated: a hyphenated "SN ASFK-0042" is an asset tag):
    # "s/n 8FCA1029", "S/N 12745", "(serial HR-C2291034)", "serial ASCD-0123".
    (
        re.compile(
            r"(\b(?:s/n[ \t]*[:#]?[ \t]*(?=[A-Z0-9-]*\d)|(?-i:SN)[ \t]*:?[ \t]*(?=[A-Z0-9]*\d[A-Z0-9]*(?![\w-]))"
            # After "serial", a hyphenated code or five digits and more ("serial 5012873"), not "serial 3 ECGs".
            r"|serial(?:[ \t]+(?:no\.?|number))?[ \t]*[:#]?[ \t]*"
            r"(?=[A-Z0-9]+-[A-Z0-9-]*\d|\d{5,}\b)))[A-Z0-9](?:[A-Z0-9]|-(?=[A-Z0-9])){3,20}\b",
            re.I,
        ),
        r"\1[ID-NUMBER]",
    ),
    # A UK postcode read aloud: "H G two, four Q P", "N W one six X E".
    (
        re.compile(
            rf"(?-i:\b[A-Z](?:[ \t][A-Z])?)[ \t]+{_DIGIT}(?:[ \t]+{_DIGIT})?,?[ \t]+{_DIGIT}"
            r"[ \t]+(?-i:[A-Z][ \t][A-Z]\b)",
            re.I,
        ),
        "[POSTCODE]",
    ),
    # A record code with separators after its label: "Hosp No: ABUTH/24/00581", "HRN 24-118829", "client 55-2918".
    (
        re.compile(
            r"(\b(?:(?:policy|hosp(?:ital)?|member|client|employer)[ \t]*(?:no\.?|number|id|#)?|(?-i:HRN|HN))"
            r"[ \t]*:?[ \t]*)"
            r"(?=(?:[A-Z/-]*\d){4})[A-Z0-9]+(?:[/-][A-Z0-9]+)+\b",
            re.I,
        ),
        r"\1[ID-NUMBER]",
    ),
    # An Irish registration: "221-D-40931".
    (
        re.compile(r"(\b(?:vehicle|car|reg|registration|plate)[ \t]*:?[ \t]*)\d{2,3}-[A-Z]{1,2}-\d{1,6}\b", re.I),
        r"\1[PLATE]",
    ),
    # A record number naming the patient: "patient 882044 (Mrs ...".
    (re.compile(r"(\bpatient[ \t]+)\d{5,10}\b", re.I), r"\1[RECORD-ID]"),
    # A spoken e-mail: "r dot bishop fifty at gmail dot com", "sunny dot martinez at hotmail dot com".
    (
        re.compile(
            rf"\b{_SPOKEN_PART}(?:[ \t]+(?:dot|underscore|dash)[ \t]+{_SPOKEN_PART})+(?:[ \t]+{_NUM_WORD})*"
            rf"[ \t]+at[ \t]+{_SPOKEN_PART}(?:[ \t]+dot[ \t]+(?:com|net|org|co|uk|ie|edu|gov|au|ca|in))+\b",
            re.I,
        ),
        "[EMAIL]",
    ),
    # A URL whose query names a patient: "?pid=99812", "&mrn=...".
    (
        re.compile(r"\bhttps?://\S*[?&](?:pid|patient(?:_?id)?|mrn|nhs|id|uid|user)=\w*\d\w*\S*", re.I),
        "[URL]",
    ),
    # A Swedish postcode after an address: "[ADDRESS], 114 55 Stockholm".
    (re.compile(r"(\[ADDRESS\],?[ \t]+)\d{3}[ \t]\d{2}(?=[ \t]+[A-ZÅÄÖ])"), r"\1[POSTCODE]"),
    # A wristband name in capitals at a line's start before sex, a birth date or a record number: "PATEL-SHAH, ARJUN
    # K  M  DOB", "SMITH J  MRN".
    (
        re.compile(
            r"(?m)^(?-i:[A-Z][A-Z'-]+(?:,?[ ][A-Z][A-Z'-]*){1,4})"
            r"(?=[ \t]{2,}(?:/[ \t]+)?(?:[MF]\b|DOB|D\.O\.B|MRN|NHS|HOSP|\[))"
        ),
        "[NAME]",
    ),
    # "Will" as a given name after a title or a found name: "Dr Will Fraser", "[NAME] Will Carver".
    (
        re.compile(rf"((?:\b(?:Dr|Nurse|Sister|Mr|Sr|Staff Nurse|Charge Nurse)|\[NAME\])\.?[ \t]+)Will[ \t]+{_CAP}\b"),
        r"\1[NAME]",
    ),
    # A doctor's practice: "Dr Singh's clinic", "Dr Baptiste's surgery".
    (
        re.compile(rf"(\bDr\.?[ \t]+){_CAP}(?='s[ \t]+(?:clinic|surgery|practice|list|team|secretary|office))"),
        r"\1[NAME]",
    ),
    # An initial and a surname after a cue: "patient A. Khan", "Reported by: K. Mistry".
    (
        re.compile(rf"(\b(?:patient|pt|by:?|from|cc:?)[ \t]+)[A-Z]\.[ \t]?(?!(?:Coli|Aureus|Diff|Braun)\b){_CAP}\b"),
        r"\1[NAME]",
    ),
)
# Single capitalised words in a name's slot; each is checked against ``_NOT_NAME``.
_SLOTS = (
    # A sign-off ending the text: "- Hazel", "ta, Precious", "- Carla (111)".
    re.compile(
        r"(?:(?<!\S)[-–—][ \t]*|\b(?:ta|thanks|thx|cheers|love),?[ \t]+)([A-Z][a-z]+)[ \t]*(?:\(\d+\))?[ \t.!x]*$"
    ),
    # A preferred name in brackets after a found name: "Mrs [NAME] (Rukhsana)".
    re.compile(r"\[NAME\][ \t]*\(([A-Z][a-z]+)\)"),
    # A list or handover beside a found name: "[NAME], Hope and Joy", "from Joy to [NAME]".
    re.compile(r"\[NAME\],[ \t]+([A-Z][a-z]+)[ \t]+and[ \t]+([A-Z][a-z]+)\b"),
    re.compile(r"\bfrom[ \t]+([A-Z][a-z]+)[ \t]+to[ \t]+\[NAME\]"),
    # Who did a check or takes a call: "Checked by Will.", "ask for Paddy".
    re.compile(
        r"\b(?:[Cc]hecked|[Ll]ogged|[Ss]igned|[Vv]erified|[Dd]one|[Dd]ispensed|[Ss]upplied|[Pp]repared|[Ww]itnessed"
        r"|[Aa]dministered)[ \t]+by[ \t]+([A-Z][a-z]+)(?=[ \t]*(?:[.,;]|$))"
    ),
    # Who someone's carer is, or what a person calls himself: "midwife is Precious", "Called himself 'Momo'".
    re.compile(
        r"\b(?i:midwife|nurse|carer|care[ \t]+worker|key[ \t]?worker|health[ \t]+visitor|social[ \t]+worker|gp|doctor"
        r"|physio|receptionist|pharmacist)[ \t]+(?:is|was)[ \t]+([A-Z][a-z]+)\b"
    ),
    re.compile(r"\b(?i:calls?|called|calling)[ \t]+(?i:himself|herself|themselves)[ \t]+['‘\"]?([A-Z][a-z]+)"),
    re.compile(r"\bby[ \t]+([A-Z][a-z]+)[ \t.!]*$"),
    # A self-introduction at the opening: "Mate it's Gaz.", "[NAME] its Tay,".
    re.compile(
        r"(?:\b(?:[Hh]i|[Hh]iya|[Hh]ello|[Hh]ey|[Mm]ate|\[NAME\]),?[ \t]+)it'?s[ \t]+([A-Z][a-z]+)(?=[ \t]*[,.!])"
    ),
    # Names in brackets after a found identifier, one written with its accents: "[STAFF-ID] (Ciarán Ó Dónaill)".
    re.compile(r"\[[A-Z-]+\][ \t]*\(((?=[^)]*[À-ÿ])[A-ZÀ-Þ][^\W\d_]+(?:[ \t]+[A-ZÀ-Þ][^\W\d_]*){1,3})\)"),
    re.compile(r"\bask[ \t]+for[ \t]+([A-Z][a-z]+)(?=[ \t]*(?:[.,;!]|$))"),
)
# A lower-case given name signing off: "thx - rich".
_LOWER_SIGN_OFF = re.compile(r"(?<!\S)[-–—][ \t]*([a-z]{2,})[ \t.!x]*$")
# A lower-case given name after a self-introduction: "hi im ben".
_SELF = re.compile(r"\b(?i:i'?m|i am|my name is|name's)[ \t]+([a-z]{2,})\b")


# A word-name a relative is given in speech: "her daughter is called faith", "mum is grace", "his son's name is joy".
_KIN_NAMED = re.compile(
    r"\b(?i:daughter|son|mum|mom|mother|dad|father|wife|husband|partner|sister|brother|baby|grandson|granddaughter"
    r"|carer|nan|gran)(?:['’]s[ \t]+name)?[ \t]+(?i:is[ \t]+called|is[ \t]+named|called|named|is)[ \t]+([a-z]{2,})\b"
)
# Names listed after a singling-out word: "esp Faith and Precious", "especially Hope, Joy and Mercy".
_SINGLED = re.compile(
    r"\b(?:esp\.?|especially|particularly|notably|incl\.?|including)[ \t]+([A-Z][a-z]+)"
    r"(?:,[ \t]+([A-Z][a-z]+))?[ \t]+(?:and|&)[ \t]+([A-Z][a-z]+)\b"
)


# A listed given name sent from a firm or a department: "Mark from Philips is onsite", "Grace from Pharmacy rang".
_FROM_FIRM = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][a-z]+)[ \t]+from[ \t]+(?:the[ \t]+)?[A-Z][\w&-]+")

# A listed given name after a found surname and a comma, as labels print them: "[NAME] [NAME], ROSA".
_GIVEN_AFTER_SURNAME = re.compile(r"\[NAME\],[ \t]*([A-Z]{2,})\b(?!['’]s|[ \t]*\d)")


def _slots(text: str) -> str:
    spans: list[tuple[int, int]] = []
    for pattern in _SLOTS:
        for m in pattern.finditer(text):
            spans += [m.span(g) for g in range(1, (m.lastindex or 0) + 1) if m.group(g).lower() not in _NOT_NAME]
    for m in _LOWER_SIGN_OFF.finditer(text):
        if m.group(1) in given_names():
            spans.append(m.span(1))
    for m in _SELF.finditer(text):
        if m.group(1) in given_names() and m.group(1) not in _NOT_NAME:
            spans.append(m.span(1))
    for m in _KIN_NAMED.finditer(text):
        if m.group(1) in given_names() and m.group(1) not in _NOT_NAME:
            spans.append(m.span(1))
    for pattern in (_FROM_FIRM, _GIVEN_AFTER_SURNAME):
        for m in pattern.finditer(text):
            if m.group(1).lower() in given_names() and m.group(1).lower() not in _NOT_NAME:
                spans.append(m.span(1))
    for m in _SINGLED.finditer(text):
        groups = [g for g in range(1, 4) if m.group(g)]
        if all(m.group(g).lower() in given_names() for g in groups):
            spans += [m.span(g) for g in groups]
    for start, end in sorted(set(spans), reverse=True):
        text = text[:start] + "[NAME]" + text[end:]
    return text


def redact_framed(text: str) -> str:
    """Every rule of this module, once."""
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    return _slots(text)

"""Numbers that are a person's by what stands beside them, not by a label someone happened to write.

Rules written for one label ("badge", "employee no") miss the next writer's ("key code", "Group #"), so these look
at the number's neighbourhood instead:

- An age over 89 (HIPAA Safe Harbor) is a number from 90 to 119 said of a person: after a name placeholder, a
  pronoun or a kin word and a verb of being ("she is 91", "[NAME] is 93", "[NAME] (90)", "[NAME], 90 Address"), or
  before what only an age has ("94 next week", "93 now"). A unit after it ("94%", "92 kg") or a measure before it
  ("sats 94") keeps it.
- A record code: a hospital's or a scheme's letters in capitals, then five or more digits ("RVJ 5543921", "NBS 4471
  0932", "GRP 0048812"). Codes that name a measure, a classification or a part ("CPT", "ICD", "LOT", "P/N") and
  letters that make an English word are no record.
- A day and month without a year, in digits: ``day_month`` (a person's date goes, a score or a duration stays).
- A record number in dashed groups after "ID" on a label that names someone.
- Masked ids keep what they show ("***-**-6621"); a VIN is 17 letters and digits without I, O or Q.
- Any id-shaped value after a word that labels a person's number ("employee number E-20417", "badge E-44102",
  "Group CORP-22018", "Key code 1984", "Employee no: NHS-ESR 32004471").
"""

from __future__ import annotations

import re

from safety.redaction.day_month import redact_day_month
from safety.redaction.lexicon import is_word

_AGE = r"(?:9\d|1[01]\d)"
# What ends a measurement rather than an age: a unit, a decimal, a ratio, a time, a range.
_NOT_AGE_AFTER = (
    r"(?![\d/:%°-]|[.,]\d|[ \t]*(?:%|mg|mcg|g\b|kg|ml|mmhg|bpm|cm|mm|mmol|units?|iu|lbs?|beats|breaths|percent"
    r"|per\s*cent"
    r"|mins?|minutes|hours?|hrs?|days|weeks|secs?|seconds|x\b|times|over|on\s+(?:air|room|\d)|ra\b|l\b))"
)
_PERSON = (
    r"(?:\[NAME\]|\b(?:she|he|they|who|i|mum|mom|mother|dad|father|nan|nana|gran|granny|grandma|grandpa|grandad"
    r"|grandmother|grandfather|husband|wife|patient|pt|resident)\b)"
)
_AGE_RULES: tuple[re.Pattern[str], ...] = (
    # "she is 91", "[NAME] is 93", "She's 93 now", "who turned 90"
    re.compile(
        rf"({_PERSON}(?:[ \t]+(?:is|was|will[ \t]+be|turns|turned|turning|just[ \t]+turned|now))+[ \t]+(?:now[ \t]+)?)"
        rf"{_AGE}\b{_NOT_AGE_AFTER}",
        re.I,
    ),
    re.compile(rf"(\b(?:she|he|i)['’](?:s|m)[ \t]+(?:now[ \t]+|just[ \t]+)?){_AGE}\b{_NOT_AGE_AFTER}", re.I),
    # "[NAME], 90 Address", "[NAME] [NAME] (90)", "[NAME] (aged 92)"
    re.compile(
        rf"(\[NAME\](?:[ \t]+(?-i:[A-Z])[\w'’-]*){{0,2}}[ \t]*(?:,|\()[ \t]*(?:aged?[ \t]*)?){_AGE}"
        r"(?=[ \t]*\)|[ \t]*,|[ \t]+[A-Za-z]|[ \t]*/|[ \t]*(?:\n|$))"  # a field's line ends: "[NAME], 90\n"
    ),
    # "94 next week", "93 today", "turns 94", "her 95th birthday"
    re.compile(
        rf"(?<![\w.,/-]){_AGE}(?=[ \t]+(?:next|this|last)[ \t]+(?:week|month|year|birthday)\b|[ \t]+today\b)", re.I
    ),
    re.compile(rf"(\b(?:turns|turned|turning|reached|reaches)[ \t]+){_AGE}\b{_NOT_AGE_AFTER}", re.I),
    re.compile(rf"(?<![\w.,/-]){_AGE}(?:st|nd|rd|th)(?=[ \t]+birthday\b)", re.I),
    # An age in brackets after a birth date: "DOB: [DOB] (97)", "[DOB] (93 years)", "geb. [DOB] (90 J.)".
    re.compile(rf"(\[DOB\][ \t]*\([ \t]*){_AGE}(?=[ \t]*(?:\)|y\b|yrs?\b|years?\b|J\.|Jahre\b|ans\b|años\b))"),
    # On a list or a board, the age right after the name: "Bed 1 [NAME] 98 - end of life", "[NAME] 91 L hip".
    re.compile(rf"(\[NAME\][ \t]+){_AGE}(?=[ \t]+(?:-[ \t]|(?-i:[A-Z])\b))"),
    # After a nickname or a second name in brackets: "Mrs [NAME] ([NAME]), 90, NHS ...".
    # ... or after any bracket that follows the name: "[NAME] (MRN [RECORD-ID]), 94, found on floor".
    re.compile(
        rf"(\[NAME\](?:,?[ \t]+(?-i:[A-Z])[\w'’-]*)?[ \t]*\([^()\n]{{0,40}}\)[ \t]*,[ \t]*){_AGE}(?=[ \t]*[,;])"
    ),
    # Spelled out, as dispatchers and dictation write it: "elderly female, ninety-two", "she's ninety one".
    re.compile(
        r"(\b(?:aged?|is|was|she['’]s|he['’]s|you['’]re|you[ \t]+are|female|male|man|woman|lady|gentleman)"
        r"[ \t]*,?[ \t]+)"
        r"(?:ninety(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|a[ \t]+hundred(?:[ \t]+and[ \t]+\w+)?)"
        r"\b(?![ \t-]+(?:mg|milligrams?|micrograms?|mls?|millilitres?|per[ \t]*cent|percent|minutes?|seconds?|kilos?))",
        re.I,
    ),
)

# A measure's name before the number: "CRP 112 last week", "sats 94 today", "weight 95 this week".
_MEASURE_BEFORE = re.compile(
    r"(?:\b(?-i:[A-Z][A-Za-z0-9]{1,6})|\b(?:sats?|spo2|o2|pulse|hr|rate|bp|weight|wt|glucose|sugar|bm|score|level"
    r"|temp|news2?|was|of|at|to|by|is|are)|[=:<>~])[ \t]*$",
    re.I,
)


def _age(match: re.Match[str]) -> str:
    head = match.group(1) if match.groups() else ""
    if not head and _MEASURE_BEFORE.search(match.string[max(0, match.start() - 12) : match.start()]):
        return match.group()
    return head + "[AGE-90+]"


# Capital codes that stand before numbers without being a person's scheme.
_NOT_SCHEME = frozenset(
    """CPT ICD HCPCS NDC LOT REF SN PN FW SW HW VER REV PSU ECG EKG USB COM IP PO WO INC REQ CHG PRB RITM CAB MHZ
    KHZ GHZ VDC VAC RPM PLT WBC RBC CRP ALP ALT AST LDH BNP TSH CK HB HBA INR GCS NEWS BMI BP HR RR SPO PEEP FIO CO
    IRT PKU IGE IGG IGM CD NHS SKU FRU ISO EN IEC BS DIN ASTM UL CE FDA MHRA EAN UPC GTIN UDI DI PI ATC BNF IR CASE
    OPCS SNOMED LOINC UTC GMT BST CET DOI PMID ISBN ISSN AN PIN""".split()
)
_CODE = re.compile(
    r"(?<![\w/.-])(?-i:([A-Z]{2,5}))[ \t](\d{5,10}|\d{3,5}[ \t]\d{3,6})(?![\w/-]|[.,]\d|[ \t]*(?:mg|ml|units?|iu)\b)"
)


def _code(match: re.Match[str]) -> str:
    code = match.group(1)
    if code in _NOT_SCHEME or is_word(code.lower()):
        return match.group()
    before = match.string[max(0, match.start() - 16) : match.start()]
    if re.search(r"\b(?:p/n|part|cat|catalog(?:ue)?|model|lot|batch|ref)\b[ \t.:#]*$", before, re.I):
        return match.group()
    # Five digits are as often an asset's or a fault's ("BME 44712", "TF 10010"): only beside a person.
    person = re.search(r"(?:\b(?:patient|pt|resident|client|hosp(?:ital)?)|\])[ \t:,]*$", before, re.I)
    if len(re.sub(r"\D", "", match.group(2))) < 6 and not person:
        return match.group()
    return "[RECORD-ID]"


_MASKED = re.compile(r"(?<![\w*])(?:[*Xx#•]{3}[- ]?[*Xx#•]{2}[- ]?\d{4}|(?:[*Xx#•]{4}[- ]?){3}\d{4})(?!\d)")
_VIN = re.compile(r"(?<![\w-])(?=[A-HJ-NPR-Z0-9]*\d)(?=[A-HJ-NPR-Z0-9]*[A-HJ-NPR-Z])[A-HJ-NPR-Z0-9]{17}(?![\w-])")

# Words that label a person's number, in the languages of the notes; the value after them is an id when it has the
# shape of one (four or more digits, letters and dashes allowed, up to two groups).
_LABEL_NOUNS = (
    "employee staff badge payroll personnel worker member group grp subscriber beneficiary policy claim card key door"
    " gate alarm entry access safe lock keypad locker pin mitarbeiter personal matricule matrícula matricula carnet"
    " tessera pasaporte passeport reisepass paspoort vin chassis"
)
_LABEL = re.compile(
    rf"\b((?:{'|'.join(_LABEL_NOUNS.split())})s?"
    r"(?:[ \t]+(?:code|pin|no\.?|number|num\.?|nr\.?|n[°º]|#|id|ref))*"
    r"[ \t]*[:#=]?[ \t]*(?:is[ \t]+)?)"
    r"((?-i:[A-Z]{1,5}[- ]){0,2}(?=[A-Z0-9-]*\d{3})[A-Z0-9]+(?:-[A-Z0-9]+)*)(?![\w-])",
    re.I,
)
_LABEL_WORDS = frozenset(_LABEL_NOUNS.split())
_WORDS = re.compile(r"[^\W\d_]+")


def _labelled(match: re.Match[str]) -> str:
    value = match.group(2)
    if re.match(r"(?:FORM|TYPE|VERSION)\b", value, re.I):
        return match.group()  # "CLAIM FORM CMS-1500": a form's number, not a person's
    digits = sum(c.isdigit() for c in value)
    short_ok = re.search(r"key|door|code|pin", match.group(1), re.I) or re.match(r"[A-Za-z]{2,}", value)
    if digits < 4 and not (digits >= 3 and short_ok):
        return match.group()
    if re.fullmatch(r"(?:19|20)\d\d", value) and not re.search(r"code|pin", match.group(1), re.I):
        return match.group()  # "policy 2024": a year
    tail = match.string[match.end() : match.end() + 8]
    if re.match(r"[ \t]*(?:mg|ml|units?|iu|%|mmol|kg)\b", tail, re.I):
        return match.group()
    return match.group(1) + "[ID-NUMBER]"


# An id right after a name: "Engineer [NAME] 1212446", "[NAME] BMS-476", "BMS [NAME] RN32378". Five digits, or
# letters and three digits; not a year, a dose or a time.
_AFTER_NAME = re.compile(
    r"(\[NAME\][ \t]+)(?!(?:19|20)\d\d\b)((?-i:[A-Z]{1,4})-?\d{3,9}|\d{5,10})"
    r"(?![\w,:/-]|\.\w|[ \t]*(?:mg|mcg|ml|units?|iu|%|mmol|kg)\b)"  # a full stop may end the sentence: "RN98981."
)
# A bare record number on a label that names someone: "label: [NAME] / [DATE] / 3658444 /", "[DATE] 7643256 SST".
_LABEL_NUMBER = re.compile(r"(?<![\w.,:/+-])(?<![\w] )\d{7,8}(?![\w.,:/-]|[ \t]*(?:mg|mcg|ml|units?|iu|%|mmol|kg)\b)")
# A record number in dashed groups after "ID" on a label that names someone: "DOB [DOB]  ID 000-884-21".
_DASHED_ID = re.compile(r"(\bID[ \t]*[:#]?[ \t]*)(?=(?:\d-?){7,12}(?![\w-]))\d{2,4}(?:-\d{2,4}){1,3}(?![\w-])")
# A web address whose path or query names or numbers a person: "/record/5867646/", "?patient=amara.nwosu".
# A short link's token (six or more letters and digits mixed, in the last segment) opens one person's page.
_TOKEN_URL = re.compile(
    r"https?://[^\s)\]>,/]+(?:/[\w.-]{1,3})?/(?=[A-Za-z]*\d)(?=\d*[A-Za-z])(?-i:[A-Za-z0-9]{6,16})(?![\w/-]|\.\w)"
)
_PERSON_URL = re.compile(
    r"https?://[^\s)\]>,]*?(?:/(?:patients?|records?|members?|users?|mrn|people|person|chart)/[\w.-]*\d[\w.-]*"
    r"|[?&](?:patient|pt|mrn|user|member|name|id)=[\w.%-]+)[^\s)\]>,]*",
    re.I,
)


def redact_numbers(text: str) -> str:
    """Every rule of this module, once."""
    if re.search(r"\b(?:9\d|1[01]\d)(?:\b|st|nd|rd|th)|ninety|hundred", text, re.I):  # "his 95th birthday"
        for pattern in _AGE_RULES:
            text = pattern.sub(_age, text)
    text = _CODE.sub(_code, text)
    text = redact_day_month(text)
    text = _MASKED.sub(lambda m: "[ID-NUMBER]", text)
    if "[NAME]" in text:
        text = _AFTER_NAME.sub(r"\1[ID-NUMBER]", text)
    if re.search(r"\[(?:NAME|DOB)\]", text):
        text = _DASHED_ID.sub(r"\1[RECORD-ID]", _LABEL_NUMBER.sub("[RECORD-ID]", text))
    if "://" in text:
        text = _PERSON_URL.sub("[URL]", text)
        if re.search(r"\byour\b", text, re.I):  # a link sent to one person: "View at https://x.in/r/8K2P9Q"
            text = _TOKEN_URL.sub("[URL]", text)
    text = _VIN.sub(lambda m: "[ID-NUMBER]", text)
    words = _WORDS.findall(text.lower())
    if not _LABEL_WORDS.isdisjoint(words + [w[:-1] for w in words if w.endswith("s")]):
        text = _LABEL.sub(_labelled, text)
        # A plural label lists several ("badges 881203 (...) and 881219"): a number of the same shape after "and".
        text = _LISTED_AFTER.sub(_listed_after, text)
    return text


_LISTED_AFTER = re.compile(
    r"(\b[a-z]+s[ \t]*:?[ \t]*\[ID-NUMBER\][^\n.;\d]{0,40}?(?:,|\band|&)[ \t]+)(\d{4,12})\b", re.I
)


def _listed_after(match: re.Match[str]) -> str:
    noun = re.match(r"[a-z]+", match.group(1), re.I)
    return match.group(1) + "[ID-NUMBER]" if noun and noun.group()[:-1].lower() in _LABEL_WORDS else match.group()

"""Identifiers known by what stands around them: ages over 89, staff numbers, towns, label ids, URLs, local dates.

Run after the shape rules (``patterns``), and again on each later pass of ``safety.privacy.redact``, so a rule may
lean on a placeholder another detector left ("[ADDRESS], Inverness [POSTCODE]", "[NAME] (E41839)").

- Ages over 89 (HIPAA Safe Harbor): "96 yo", "102-year-old", "92y/o", "aged 94" -> "[AGE-90+]".
- Staff and registration numbers after a cue ("staff no", "NMC PIN", "GMC", "employee", "emp#", "badge", "operator",
  "BMS") -> "[STAFF-ID]"; an id in brackets after a name ("[NAME] (HC926454)") -> "[ID-NUMBER]".
- Record numbers shaped as on labels and wristbands ("T756219H", "M2478O3", "*00197671*"): one or two letters and six
  or more digits, or a barcode between asterisks.
- Towns and cities in an address: before a postcode or a state and ZIP, after an address and a European postcode,
  after "lives in", "moved to".
- URLs whose path names a person ("/in/sarah-goldberg-06f193", "/u/zanele.dlamini/") -> "[URL]".
- Dates of birth written in capitals or run together ("20DEC1946", "25-SEP-1930"), misread by OCR after a DOB cue
  ("21-MAR-I971"), in other scripts ("1975年3月4日"), or in brackets after a name.
- Names after a patient cue in Chinese, Korean and Arabic, which have no capitals to go by.

Then the modules that judge by neighbourhood rather than by a label: ``numbers`` (ages, record codes, day-month
dates, ids beside a name), ``spelled`` (spelled-out names, spoken postcodes and addresses), ``address`` (an address
field's whole value).
"""

from __future__ import annotations

import re

from safety.redaction.address import redact_address
from safety.redaction.around import redact_around
from safety.redaction.beside import redact_beside
from safety.redaction.events import redact_events
from safety.redaction.labelled import redact_labelled
from safety.redaction.lexicon import is_word, listed, name_lists
from safety.redaction.national import redact_national
from safety.redaction.numbers import redact_numbers
from safety.redaction.ocr import label_fields, label_name_lines
from safety.redaction.postal import redact_postal
from safety.redaction.roster import redact_roster
from safety.redaction.spelled import redact_spelled
from safety.redaction.spoken import redact_spoken
from safety.redaction.vocabulary import COMMON, EPONYMS, FACILITY, PARTICLES

_MON = r"(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|SEPT|OCT|NOV|DEC)"
_TOWN = r"(?-i:[A-Z][a-zà-ÿ'’]+|[A-Z]{3,})(?:[ -](?-i:[A-Z][a-zà-ÿ'’]+|[A-Z]{3,})){0,2}"
# Wards and units are where a patient is moved to, not a town: "just got moved to ICU at Grady".
_NOT_TOWN = frozenset(
    "Ward Unit Bed Bay Room Tel Phone Mobile Email Flat Apt Suite Floor Block House ICU ITU HDU CCU NICU PICU SCBU"
    " AMU MAU CDU ED AE ENT OPD".split()
)
_STAFF_CUE = (
    r"\b(?:staff\s*(?:no\.?|number|#|id)|nmc(?:\s*pin)?|gmc(?:\s*(?:no\.?|number|#))?|hcpc(?:\s*no\.?)?"
    r"|employee(?:\s*(?:id|no\.?|number|#))?|emp\.?\s*(?:#|no\.?|id)?|badge(?:\s*(?:no\.?|#|id))?"
    r"|operator(?:\s*id)?|(?-i:BMS)|coll\.?|pin|smartcard(?:\s*(?:no\.?|id))?)"
)
_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            r"(?<![\w.])(?:9\d|1[01]\d)\s?-?\s?(?:y/?o\b|yo\b|yrs?(?:[\s-]old)?\b|years?[\s-]old\b|year-old\b)", re.I
        ),
        "[AGE-90+]",
    ),
    (re.compile(r"\b(aged?\s*:?\s*)(?:9\d|1[01]\d)(?!\d|\.\d)", re.I), r"\1[AGE-90+]"),
    # A dash may part the letters from the digits: "operator BMS-655".
    (
        re.compile(rf"({_STAFF_CUE})(\s*[:#]?\s*)(?=[A-Z0-9-]*\d)[A-Z0-9](?:[A-Z0-9]|-(?=\d)){{3,10}}\b", re.I),
        r"\1\2[STAFF-ID]",
    ),
    (re.compile(r"(\[NAME\],?\s*\(\s*)(?=[A-Z]{0,3}\d{4})[A-Z]{0,3}\d{4,9}[A-Z]?(?=\s*\))"), r"\1[ID-NUMBER]"),
    # Not after "part" ("replaced magnet, part Z733921"): a part number is the technician's.
    (re.compile(r"(?<![\w/-])(?<!part )(?<!Part )[A-Z]{1,2}\d(?:\d|O(?=\d)){5,8}[A-Z]?(?![\w/-])"), "[RECORD-ID]"),
    (re.compile(r"\*[A-Z]?\d{6,12}[A-Z]?\*"), "[RECORD-ID]"),
    # Towns: before "[POSTCODE]" or ", ST [ZIP]", after "[ADDRESS]," with a European postcode first.
    (re.compile(rf"(?<![\w\]])({_TOWN})(?=,?\s+(?:\[POSTCODE\]|[A-Z]{{2}},?\s+\[ZIP\]))"), "[ADDRESS]"),
    (re.compile(rf"(\[ADDRESS\](?:,\s*[^,\n\[]{{1,12}})?,?\s+)\d{{4,5}}\s+({_TOWN})\b"), r"\1[POSTCODE] [ADDRESS]"),
    (re.compile(rf"(\[ADDRESS\]\s*(?:/|\n)\s*)({_TOWN})(?=\s*(?:/|\n)\s*\[POSTCODE\])"), r"\1[ADDRESS]"),
    (
        re.compile(
            rf"\b((?:lives|living|lived|moved|moving|relocated|resides|residing)\s+(?:alone\s+)?(?:in|to)\s+)"
            rf"(?!(?:{'|'.join(sorted(_NOT_TOWN))})\b)({_TOWN})\b(?!\s+(?:ward|unit|bay|bed|house|hospital|care|nursing))"
        ),
        r"\1[ADDRESS]",
    ),
    (
        re.compile(rf"\b((?:lives|living|moved|moving|relocated)\s+(?:in|to)\s+)\d{{4,5}}\s+({_TOWN})\b"),
        r"\1[POSTCODE] [ADDRESS]",
    ),
    (re.compile(r"https?://[^\s/]+/(?:u|in|user|users|profile|people|pub|~)/[\w.%-]+[^\s)\]>,]*", re.I), "[URL]"),
    (re.compile(r"https?://\S*?/[a-z]+[._-][a-z]+(?:[._-]\w+)?/?[^\s)\]>,]*", re.I), "[URL]"),
    (re.compile(r"\b((?:ssn|social\s+security(?:\s+number)?)\s+is\s+)\d{3}[ -]?\d{2}[ -]?\d{4}\b", re.I), r"\1[SSN]"),
    (
        re.compile(
            r"\b((?:pesel|bsn|personnummer|dni|nie|nir|ppsn|aadhaar|codice\s+fiscale|steuer-?id)\s*:?\s*)"
            r"[A-Z0-9][A-Z0-9 -]{6,18}[A-Z0-9]\b",
            re.I,
        ),
        r"\1[ID-NUMBER]",
    ),
    (re.compile(r"(\bDOB\s*:?\s*)(?=[\w/.-]*\d)[\w/.-]{6,12}\b", re.I), r"\1[DOB]"),
    (re.compile(r"(\[NAME\]\s*\(\s*)\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,9}\.?\s+\d{4}(?=\s*\))"), r"\1[DOB]"),
    (re.compile(r"\d{4}\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日"), "[DOB]"),
    # Born, in the languages of the mixed-language notes: "nato il 26.03.16", "née le 4/3/61", "geboren am ...".
    (
        re.compile(
            r"\b((?:nat[oa]|n[ée]e?|geboren|nacid[oa]|nascid[oa]|urodzon[ya]|born)\s+(?:il|le|am|el|em|on)?\s*)"
            r"\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})\b",
            re.I,
        ),
        r"\1[DOB]",
    ),
    # A birth year after "born in" in the languages of the notes: "née en 1934", "nato nel 1931", "geboren 1929".
    (
        re.compile(
            r"\b((?:nat[oa]|n[ée]e?|geboren|nacid[oa]|nascid[oa]|urodzon[ya])\s+(?:en|nel|em|in|im\s+jahr[e]?|w)?\s*)"
            r"(?:19|20)\d\d\b(?![./-]\d)",
            re.I,
        ),
        r"\1[DOB]",
    ),
    # A Chinese street address: district or city, road or street, house number ("朝阳区建国路174号").
    (re.compile(r"[\u4e00-\u9fff]{0,12}(?:路|街|道|巷|胡同)\s?\d{1,5}\s?号(?:院|楼)?"), "[ADDRESS]"),
    (re.compile(r"\b\d{1,2}\s+de\s+[a-záéíóú]+\s+de\s+(?:19|20)\d\d\b", re.I), "[DOB]"),
    (re.compile(r"((?:患者|病人|姓名|病人姓名)[:：]?\s*)[\u4e00-\u9fff]{2,4}(?=[，,、\s])"), r"\1[NAME]"),
    # After a kin word or "my name is" in Chinese: "老公 陈志明 昨天", "我叫王芳，": a person's name follows.
    (
        re.compile(
            r"((?:老公|老婆|丈夫|妻子|太太|儿子|女儿|妈妈|爸爸|母亲|父亲|我叫|我是)[:：]?\s*)[\u4e00-\u9fff]{2,3}(?=[，,、。\s])"
        ),
        r"\1[NAME]",
    ),
    (re.compile(r"((?:환자|이름|성명)[:：]?\s*)[가-힣]{2,4}(?=[,，\s])"), r"\1[NAME]"),
    (
        re.compile(
            r"((?:اسم\s+المريض|المريض|الاسم|اسمي|أنا)[:：]?\s*)[\u0600-\u06FF]+(?:\s+[\u0600-\u06FF]+){0,2}(?=[،,.])"
        ),
        r"\1[NAME]",
    ),
)
_COMPACT_DATE = re.compile(rf"(?<![\w-])\d{{1,2}}-?{_MON}-?((?:19|20)\d\d)(?![\w-])")


def _old(match: re.Match[str]) -> str:
    # "20DEC1946", "25-SEP-1930" on a label: a full date, gone as the numeric ones are (``patterns``, Safe Harbor).
    return "[DATE]" if int(match.group(1)) > 1800 else match.group()


def _town(match: re.Match[str]) -> str:
    return match.group() if match.group().split()[0] in _NOT_TOWN else "[ADDRESS]"


# A label or header line that starts with a name in capitals: "EILIDH MACLEOD 18-JUL-2005", "Re: EL-AMIN NADIA /".
_HEADER = re.compile(
    r"(?m)^((?:[\w ]{0,20}:\s*|\*\S+\*\s+)?)((?:[A-ZÀ-Þ][A-ZÀ-Þ'’-]+,?[ \t]+){1,3}[A-ZÀ-Þ][A-ZÀ-Þa-zà-ÿ'’-]+)"
    r"(?=[ \t]+(?:DOB\b|D\.O\.B|\[DATE\]|\[DOB\]|\d)|[ \t]*(?:/|\n))"
)


def _header(match: re.Match[str]) -> str:
    first, last = name_lists()
    words = [w.lower() for w in re.findall(r"[^\W\d_][\w'’-]*", match.group(2))]
    ok = all(
        w in PARTICLES
        or w not in COMMON | EPONYMS | FACILITY
        and (not is_word(w) or listed(w, first) or listed(w, last))
        for w in words
    )
    # A listed given name, or long unlisted words without a comma: "CVA, NIHSS 12" is no name.
    given = any(listed(w, first) for w in words if w not in PARTICLES) or (
        "," not in match.group(2) and all(len(w) > 3 for w in words if w not in PARTICLES)
    )
    return match.group(1) + "[NAME]" if ok and given else match.group()


def _unknown(word: str) -> bool:
    first, last = name_lists()
    parts = [p for p in re.split(r"[-'’]", word) if p]
    return bool(parts) and all(
        p not in COMMON and (listed(p, first) or listed(p, last) or not is_word(p)) for p in parts
    )


def _label_name(surname: str, given: str) -> bool:
    # A listed given name after a surname-like word, or any unknown word after a listed surname ("KIM J00-H0").
    first, last = name_lists()
    listed_last = listed(surname, last)
    return (
        _unknown(surname)
        and (listed_last or len(surname) > 3)
        and (listed(given, first) or listed_last and not is_word(given))
    )


def redact_context(text: str) -> str:
    """Every rule of this module, once."""
    for pattern, replacement in _RULES:
        if replacement == "[ADDRESS]":
            text = pattern.sub(_town, text)
        else:
            text = pattern.sub(replacement, text)
    text = redact_postal(
        redact_roster(redact_spelled(redact_spoken(_HEADER.sub(_header, _COMPACT_DATE.sub(_old, text)))))
    )
    text = label_fields(label_name_lines(text, _unknown), _label_name)
    return redact_address(
        redact_beside(redact_numbers(redact_events(redact_around(redact_labelled(redact_national(text))))))
    )

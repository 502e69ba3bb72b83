"""Identifiers with a recognisable shape: e-mail, record and health numbers, SSNs, dates of birth, addresses, postcodes.

Every pattern starts a try only where a token starts and bounds its repetitions, so a 20,000-character adversarial
message costs milliseconds. Cue words ("MRN", "DOB", "postcode") are kept and only the value is replaced: the model
still knows what kind of thing was there. Clinical values (doses, BP 120/80, SpO2, times, asset ids such as IP-0121,
alarm codes such as E-27) have none of these shapes.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from safety.redaction.context import redact_context
from safety.redaction.labelled import after_part_cue
from safety.redaction.ocr import normalise_ocr
from safety.redaction.vocabulary import FOREIGN_MONTHS

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    rf"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|{FOREIGN_MONTHS})\.?"
)
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
# A date in the common written forms: 01/02/1960, 1960-02-01, 1.2.60, 1 Feb 1960, 1st of February 1960,
# February 1, 1960, Feb-01-1960, 01-Feb-1960.
DATE = (
    r"(?:\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}"
    rf"|{_DAY}[\s-]+(?:of\s+|de\s+)?{_MONTH}(?:[\s,-]+de)?[\s,-]+\d{{2,4}}"
    rf"|{_MONTH}[\s-]+{_DAY},?[\s-]+\d{{2,4}})"
)
_DOB_CUE = (
    r"\b(?:dob|d\.?\s?o\.?\s?b\.?|date\s+of\s+birth|birth\s*date|birthday(?:\s+is)?|born(?:\s+on)?(?:\s+the)?|b\.|geb\.|geboren"
    r"|geburtsdatum|ur\.|urodzon[ya]|data\s+di\s+nascita|fecha\s+de\s+nacimiento|date\s+de\s+naissance|n[ée]e?\s+le)"
)
# OCR and typing spread a date out: "1 2 . 1 2 . 1 9 8 0", "11/ 09/ 1960", "2 0 2 4 - 1 2 - 0 9".
_SPACED_DATE = r"\d(?:\s{0,2}[/.-]?\s{0,2}\d){5,7}(?!\d)"
_RECORD_CUE = (
    r"\b(?:mrn|mr\s*#|medical\s+record(?:\s+(?:number|no\.?|#))?|(?:hosp(?:ital)?\.?|patient|case|chart|record|lab|accession)"
    r"\s*(?:number|no\.?|nr\.?|id|#)|codice\s+paziente|patientennummer|n[°º]\s*(?:de\s+)?patient|nhs(?:\s+(?:number|no\.?|#))?|chi(?:\s+(?:number|no\.?))|health\s+(?:card|number|id)"
    r"(?:\s+(?:number|no\.?))?|medicare(?:\s+(?:number|no\.?|#))?|medicaid(?:\s+(?:id|number|no\.?))?"
    r"|insurance\s+(?:id|number|no\.?|#)|member\s+(?:id|number|no\.?)|policy\s+(?:number|no\.?|#)"
    r"|passport(?:\s+(?:number|no\.?))?|licen[cs]e\s+(?:number|no\.?)|account\s+(?:number|no\.?|#))"
)
_STATES = (
    "AL|AK|AZ|AR|CA|CO|CT|DE|DC|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|OH|OK"
    "|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY"
)
_STATE_NAMES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois"
    "|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri"
    "|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma"
    "|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington"
    "|West Virginia|Wisconsin|Wyoming"
)
_STREET = (
    r"(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Boulevard|Blvd|Way|Court|Ct|Close|Crescent|Place|Pl|Terrace"
    r"|Gardens|Square|Sq|Parkway|Pkwy|Highway|Hwy|Circle|Cir|Row|Walk|Mews|Grove|Hill|Parade|Esplanade|Promenade|Quay"
    r"|Wharf|Rise|Vale|Heights|Broadway|Estate|Marg|Nagar)"
)


def _zip(match: re.Match[str]) -> str:
    # "ID", "IN", "OR" are also a label, a word and a theatre ("Datix ID 22981", "OR 12345"): a state only in an
    # address, after a comma in the same sentence ("..., Boise ID 83787").
    if match.group(1) in {"ID", "IN", "OR"}:
        if not re.search(r",[^.,;\n]{1,25}$", match.string[max(0, match.start() - 30) : match.start()]):
            return match.group()
    return match.group(1) + match.group(2) + "[ZIP]"


RULES: tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...] = (
    # The lookbehind starts a try only where a token starts: without it a long word costs quadratic time.
    (re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.-]+"), "[EMAIL]"),
    # A record number may be written in groups ("NHS number 943 476 5919", "A 1 2 3 4 5 6 7", "2045 - 91"): all
    # groups go, not only the first. Each group holds a digit, so the words after the number stay.
    (
        re.compile(
            # "MRN from Kaiser is 11-449-2801": who issued it may stand between the cue and the number.
            rf"({_RECORD_CUE})(\s*[:#=]?\s*(?:(?:from|at)\s+[\w\[\]]+(?:\s+[\w\]]+)?\s+is\s+|is\s+)?)"
            r"(?=[A-Za-z]{0,4}[ -]?\d)[A-Za-z0-9]+"
            r"(?:(?:\s?-\s?|\s{1,2})[A-Za-z]{0,3}\d[A-Za-z0-9]{0,11}){0,9}",
            re.I,
        ),
        r"\1\2[RECORD-ID]",
    ),
    # "H41278893": a member or insurance number; not a service-desk ticket ("INC0048213").
    (re.compile(r"(?<![\w-])(?!INC|REQ|CHG|PRB|RITM)[A-Z]{1,3}\d{7,}\b"), "[ID-NUMBER]"),
    (
        re.compile(r"\b(ssn|social\s+security(?:\s+(?:number|no\.?))?)(\s*[:#]?\s*)\d{3}[ -]?\d{2}[ -]?\d{4}\b", re.I),
        r"\1\2[SSN]",
    ),
    (re.compile(r"(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])"), "[SSN]"),
    (
        re.compile(
            rf"({_DOB_CUE})(\s*(?:[:=-]|is|was)?\s*)(?:{DATE}|{_SPACED_DATE}|(?:in\s+)?(?:{_MONTH}\s+)?(?:19|20)\d\d\b)",
            re.I,
        ),
        r"\1\2[DOB]",
    ),
    (
        re.compile(
            rf"\b\d{{1,5}}[A-Za-z]?,?\s+(?:[NSEW]\.?\s+)?(?:(?:St\.?|Jr\.?|[A-Z][a-zà-ÿā-ž]+(?:['’]s)?)\s+){{1,5}}{_STREET}\b\.?"
            r"|\b\d{1,5}\s+(?:[NSEW]\s+)?(?:[A-Z]{3,}\s+){1,3}(?:ST|RD|AVE|DR|LN|BLVD|WAY|CT|PL)\b"
            r"|\b\d{1,5}\s+(?:[a-z]+\s+){1,2}"
            r"(?:street|road|avenue|lane|drive|close|crescent|terrace|way|court|place)\b"
            r"|\b\d{1,5}\s+(?:[nsew]\.?\s+)?(?:[a-z]+\s+){1,2}(?:st|rd|ave|ln|blvd|row|ct|pl)\b"
            r"|\b\d{1,5}\s+[A-Z][a-z]+(?:way|gate)\b"
            rf"|\b\d{{1,5}}\s+[NSEW]\.?\s+\d{{1,3}}(?:st|nd|rd|th)\s+{_STREET}\b\.?"
            r"|\b(?:P\.?\s?O\.?\s+Box|Postfach|Apartado)\s+\d{1,6}\b"
            r"|\b\d{1,4}(?:\s?bis)?,?\s+(?:rue|avenue|boulevard|bd|chemin|allée|place|calle|avenida|via|viale|piazza|rua)"
            r"\s+(?:(?:de|du|des|la|le|del|della|di|da|do)\s+){0,2}[A-ZÀ-Ý][\w'-]+"
            # "via Garibaldi 12" as Italians write it in lower case; "via Ward 12" is a route, not a street.
            r"|\b(?i:calle|avenida|via|viale|piazza|corso|rua|rue|carrer)\s+(?:(?:de|del|della|di|da|do)\s+){0,2}"
            r"(?!(?:Ward|Bay|Bed|Room|Theatre|Route|Gate|Platform|Exit|Door|Level|Floor|Lift|Junction|Channel)\b)"
            r"[A-ZÀ-Ý][\w'-]+,?\s+\d{1,4}\b"
            r"|\b[A-ZÄÖÜ][a-zäöüß]+(?:straße|strasse|str\.|weg|gasse|platz|allee|laan|straat|gracht|vej|gatan|gata|vägen|tie|katu|kuja"
            r"|polku|gade|veien|vei|utca|ulica)\s+\d{1,4}[a-z]?(?:\s[A-Z]\s\d{1,3})?\b"
        ),
        "[ADDRESS]",
    ),
    # Irish Eircodes after a county, a city or the word ("Dublin D02 X285"): the shape alone is an asset id's.
    (
        re.compile(
            # A Dublin district may stand between ("Dublin 3, D03 K5F8"); after the town any four capitals and digits
            # go, as writers make up codes the Eircode alphabet forbids ("Cork T12 AB34").
            r"\b(eircode:?|dublin(?:\s+\d{1,2}[a-z]?)?|cork|galway|limerick|waterford|kilkenny|sligo|wexford|athlone"
            r"|co\.?\s+[a-z]+)(,?\s+)(?-i:[AC-FHKNPRTV-Y]\d[\dW]\s?(?=[A-Z\d]{0,3}\d)[A-Z\d]{4})\b",
            re.I,
        ),
        r"\1\2[POSTCODE]",
    ),
    # UK postcodes (upper case, or any case after the word), Canadian postal codes, US ZIP codes after a state or
    # the word, and ZIP+4. A bare five-digit number stays: it is as often a dose ("heparin 25000 units").
    (re.compile(r"\b(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d ?[ABD-HJLNP-UW-Z]{2})\b"), "[POSTCODE]"),
    (re.compile(r"\b[a-pr-uwyz][a-hk-y]?\d[a-z\d]? \d(?!hr)[abd-hjlnp-uw-z]{2}\b"), "[POSTCODE]"),
    (
        re.compile(
            r"\b(post\s?code|postal\s+code|zip(?:\s+code)?|cep|plz|c[óo]digo\s+postal|code\s+postal|c\.?p\.?|pin\s?code"
            r"|postnummer|kod\s+pocztowy|posta\s+kodu)(\s*[:#]?\s*(?:is\s+)?)(?:\d{5}-\d{3}|\d{2}-\d{3}|\d{4}\s?[a-z]{2}\b"
            r"|\d{4,6}\b|[a-z]{1,2}\d[a-z\d]?\s?\d[a-z]{2}"
            r"|[a-z]\d[a-z]\s?\d[a-z]\d|\d{5}(?:-\d{4})?)\b",
            re.I,
        ),
        r"\1\2[POSTCODE]",
    ),
    # Not a TNM stage written without spaces ("T3N1M0"), which has the shape of a Calgary postal code.
    (re.compile(r"\b(?!T\dN\dM\d\b)[ABCEGHJ-NPRSTVXY]\d[A-Z] ?\d[A-Z]\d\b"), "[POSTCODE]"),
    (re.compile(rf"\b({_STATES}|{_STATE_NAMES})(,?\s+)\d{{5}}(?:\s?-\s?\d{{4}})?\b"), _zip),
    # In lower case only the state codes that are no common word ("in", "or", "me" are).
    (
        re.compile(
            r"\b([a-z]+,?\s+(?:al|ak|az|ar|ca|ct|dc|fl|ga|il|ia|ks|ky|mn|mt|nv|nh|nj|nm|ny|nc|nd|ri|sc|sd|tn|tx|ut|vt"
            r"|va|wa|wv|wi|wy))(,?\s+)\d{5}(?:-\d{4})?\b"
        ),
        r"\1\2[ZIP]",
    ),
    (re.compile(r"(?<![\d-])\d{5}-\d{4}(?![\d-])"), "[ZIP]"),
)
# After the phone numbers have been taken: a long unbroken run of digits (account, card or insurance numbers) goes
# whole; a shorter one may be a count.
LONG_NUMBER = (re.compile(r"(?<![\d.])\d{9,}(?!\d|\.\d)"), "[ID-NUMBER]")


# HL7 v2 segments that carry a person: field number -> placeholder (PID-3 identifiers, PID-5 name, PID-7 birth
# date, PID-11 address, PID-13/14 phones, PID-19 SSN; NK1-2 name, NK1-4 address, NK1-5 phone).
_HL7 = {
    "PID": {
        2: "[RECORD-ID]",
        3: "[RECORD-ID]",
        4: "[RECORD-ID]",
        5: "[NAME]",
        6: "[NAME]",
        7: "[DOB]",
        9: "[NAME]",
        11: "[ADDRESS]",
        13: "[PHONE]",
        14: "[PHONE]",
        18: "[RECORD-ID]",
        19: "[SSN]",
        20: "[RECORD-ID]",
    },
    "NK1": {2: "[NAME]", 4: "[ADDRESS]", 5: "[PHONE]", 6: "[PHONE]"},
}
_SEGMENT = re.compile(r"(?m)^(PID|NK1)\|[^\n]*")
# HIPAA Safe Harbor removes every element of a date but the year when the date is a person's: birth, admission,
# discharge, appointment, sample, scan. A full date (day, month and year) goes as [DATE]; a year, a month and year,
# a time and a duration stay. A date of a document ("guidance issued 8 June 2011", "firmware released 2024-03-01") is
# no person's and stays.
_FULL_DATE = re.compile(
    # One separator throughout: "12.5/50" is a dose ratio, not a date.
    r"(?<![\w/.-])(?:\d{1,4}(?P<sep>[/.-])\d{1,2}(?P=sep)\d{2,4}(?![\w/-]|\.\d)"
    rf"|{_DAY}[\s-]+(?:of\s+|de\s+)?{_MONTH}(?:[\s,-]+de)?[\s,-]+(?:19|20)\d\d\b|{_MONTH}[\s-]+{_DAY},?[\s-]+(?:19|20)\d\d\b)",
    re.I,
)
_DOCUMENT_CUE = re.compile(
    r"\b(?:firmware|version|software|release[sd]?|build|issued|published|revised|updated|effective|bulletin|notice"
    r"|alert|recall|guidance|guideline|circular|edition|dated|since|from|until|between|expir\w*|exp|valid|ppm|pat\s+test"
    r"|loler|inspect\w*|servic\w*|calibrat\w*|warranty|install\w*|maintenance)\b[^\n;.]{0,30}$",
    re.I,
)
_YEAR = re.compile(r"(?:19|20)\d\d")
_CLAIM = re.compile(
    r"\b(?:claim|eob|cpt|billed|member|procedure|reimburse\w*|copay|amount|medicaid|medicare|recipient)\b", re.I
)
# A span word before a date on a patient's own device or record ("alarms since 01/05/2025 for patient [NAME]") dates
# the patient's care, not a document or an asset.
_SPAN_CUE = frozenset({"since", "from", "until", "between"})
# A record number or a birth date found in the text says the same: it is about a patient ("[NAME] (MRN ...) wants
# his op moved from ...").
# "discharged home from Ward 10 on 12 April 2024": a person moved in their care on that day.
_CARE = re.compile(r"\b(?:discharged|admitted|transferred|moved|referred|died|collected)\b[^\n;]*$", re.I)
_PATIENT = re.compile(r"\b(?:patient|pt)\b[^\n]{0,20}\[NAME\]|\[(?:RECORD-ID|DOB)\]", re.I)
# A full stop after the address ends the sentence ("Source IP 10.44.12.207."); a digit after it is a longer number.
# A network written with its prefix length ("10.40.12.0/24") is a subnet, not a host: kept.
_IPV4 = re.compile(
    r"(?<![\w.])(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)(?![\w]|\.\w|/\d{1,2}\b)"
)
_IPV6 = re.compile(r"(?<![\w:])[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}(?![\w:])", re.I)
# Words that make a dotted quad a version number: "firmware updated from 4.2.1.7 to 4.3.0.2".
_VERSION_CUE = re.compile(r"\b(?:firmware|version|software|release|build|fw|ver|v)\b[^\n;]{0,40}$", re.I)


def _segment(match: re.Match[str]) -> str:
    fields = match.group().split("|")
    for index, placeholder in _HL7[fields[0]].items():
        if index < len(fields) and fields[index]:
            fields[index] = placeholder
    return "|".join(fields)


def _old_date(match: re.Match[str]) -> str:
    before = match.string[max(0, match.start() - 40) : match.start()]
    cue = _DOCUMENT_CUE.search(before)
    if cue and cue.group().lower().startswith("servic") and _CLAIM.search(match.string):
        cue = None  # "Date of service: 04/08/2025" on a claim is the patient's visit, not a device's service
    elif (
        cue and cue.group().split()[0].lower() in _SPAN_CUE and (_PATIENT.search(match.string) or _CARE.search(before))
    ):
        cue = None
    if cue or not _YEAR.search(match.group()) and not re.search(r"[/.-]\d\d$", match.group()):
        return match.group()
    return "[DATE]"


def _ip(match: re.Match[str]) -> str:
    before = match.string[max(0, match.start() - 40) : match.start()]
    return match.group() if _VERSION_CUE.search(before) else "[IP-ADDRESS]"


def _ipv6(match: re.Match[str]) -> str:
    # "2001:db8::8a2e:370:7334", "fe80::1ff:fe23:4567:890a": compressed or all eight groups; never a time
    # ("08:15:22:01") or a ratio, which have neither "::" nor eight groups.
    ip = match.group()
    return "[IP-ADDRESS]" if ("::" in ip and ip.count(":") >= 3 or ip.count(":") == 7) and ip != "::" else ip


def redact_patterns(text: str) -> str:
    """One pass of every shape rule but the long-number one."""
    text = normalise_ocr(text)
    if "|" in text:
        text = _SEGMENT.sub(_segment, text)
    for pattern, replacement in RULES:
        text = pattern.sub(replacement, text)
    text = _IPV6.sub(_ipv6, text)
    return redact_context(_IPV4.sub(_ip, _FULL_DATE.sub(_old_date, text)))


def redact_long_numbers(text: str) -> str:
    """Any run of nine or more digits left after the phone numbers, but a part number ("P/N MX-989803196521")."""

    def replace(match: re.Match[str]) -> str:
        return match.group() if after_part_cue(match.string, match.start()) else LONG_NUMBER[1]

    return LONG_NUMBER[0].sub(replace, text)

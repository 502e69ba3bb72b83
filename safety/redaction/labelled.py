"""Identifiers a label or a cue word announces: serials, plates, member and account numbers, handles, ages, births.

Device serials, vehicle plates, Medicare and other member numbers, account numbers, social handles and personal web
sites, ages over 89 with a sex letter, and birth dates after a "born" cue in the languages of mixed-language notes.

HIPAA Safe Harbor lists each of these (device identifiers and serial numbers, vehicle identifiers and licence plates,
health-plan beneficiary and account numbers, URLs). Their shapes overlap with part numbers, error codes and model
names a technician needs ("P/N MX-9898", "E-code 321", "GE MAC 5500"), so most rules need the cue; the shapes
distinctive enough to stand alone are the UK number plate ("JK53 RDT"), the UK driving licence number and the
Medicare Beneficiary Identifier. An app login after its word ("my login for the app is grace.bishop77") goes too.
"""

from __future__ import annotations

import re

_ALNUM_ID = r"(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{4,18}[A-Z0-9]"
_SERIAL = re.compile(rf"\b((?:serial(?:\s*(?:no\.?|number|#))?|s/n|(?-i:SN))\s*[:#]?\s*){_ALNUM_ID}\b", re.I)
# A serial is a person's when the device is: implanted, worn, at home, registered, assigned or lent to someone. A
# ventilator's or a pump's on the ward is an asset number the technician needs ("Dräger Evita V500 SN ASFK-0042").
_PERSONAL_DEVICE = re.compile(
    r"\b(?:has|pacemaker|pacer|icd|crt-?d|implant(?:ed)?|cochlear|cgm|insulin\s+pump|hearing\s+aid|registered\s+to"
    r"|issued\s+to|belongs\s+to|belonging\s+to|assigned\s+to|loaned\s+to|returned\s+by|client|wheelchair"
    r"|home\s+visit|patient['’]s|pt['’]s|his|her|my)\b",
    re.I,
)
_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    # Serial numbers of a device a person carries or has at home: "(serial PJN940429H)", "SN SN-4008-SX336".
    (_SERIAL, r"\1[SERIAL]"),
    # Vehicle plates: the UK shape anywhere; any plate-like token after a vehicle word.
    (re.compile(r"(?<![\w-])(?-i:[A-Z]{2}\d{2}\s?[A-Z]{3})(?![\w-])"), "[PLATE]"),
    (
        re.compile(
            # Not the word inside a placeholder already written: "[PLATE], Lifepak 15".
            r"(?<!\[)\b((?:vehicle\s+)?(?:reg(?:istration)?(?:\s+(?:no\.?|number|plate))?|(?:number|licen[cs]e)\s+plate|plate"
            r"|car|van|vehicle|truck|motorbike)\b[^\n\d.;\[]{0,30}?)"
            r"(?-i:(?=[A-Z0-9 -]*\d)(?=[A-Z0-9 -]*[A-Z])[A-Z0-9]{1,4}(?:[ -]?[A-Z0-9]{1,4}){1,2})(?![\w-])",
            re.I,
        ),
        r"\1[PLATE]",
    ),
    # Medicare Beneficiary Identifier (CMS): 11 characters in a fixed letter/digit pattern, dashes optional.
    (
        re.compile(
            r"(?<![\w-])(?-i:[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d-?[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\d"
            r"-?[AC-HJKMNP-RT-Y]{2}\d{2})(?![\w-])"
        ),
        "[ID-NUMBER]",
    ),
    # Any 11-character value after its label, though its letters break the CMS alphabet ("MBI 2AB3-CD4-EF56").
    (
        re.compile(
            r"\b((?-i:MBI|HICN)|beneficiary\s+id(?:entifier)?)([ \t]*[:#]?[ \t]*)"
            r"(?-i:(?=[A-Z0-9-]*\d)[A-Z0-9]{4}-?[A-Z0-9]{3}-?[A-Z0-9]{4})(?![\w-])",
            re.I,
        ),
        r"\1\2[ID-NUMBER]",
    ),
    # A UK driving licence number (DVLA): five letters of the surname (padded with 9), six digits of the birth date,
    # two initials (padded with 9), a digit and two check letters: "MORGA753116SM9IJ".
    (re.compile(r"(?<![\w-])(?-i:[A-Z][A-Z9]{4}\d{6}[A-Z9]{2}\d[A-Z]{2})(?![\w-])"), "[ID-NUMBER]"),
    # An account's login after its word: "my login for the app is grace.bishop77", "username: j_okafor". Only a value
    # with a dot, an underscore or a digit, as usernames have and "login is broken" has not.
    (
        re.compile(
            r"\b((?:login|log-in|username|user\s*name|user\s*id)(?:\s+(?:for|on|to)\s+(?:the\s+)?[\w-]+)?"
            r"\s*(?:is|:|=)\s*)(?=[\w.-]*[._\d])(?-i:[a-z][\w.-]{2,30}[a-z0-9])(?![\w@-])",
            re.I,
        ),
        r"\1[USERNAME]",
    ),
    # Member, policy, account and national numbers after their word: "Policy 2MJ6-NQ2-DR19", "account 5082-059-51",
    # "SIN: 402 031 153", "SSN on file 191 22 6761".
    (
        re.compile(
            r"\b((?:policy|member(?:ship)?|subscriber|account|acct|a/c|iban|sin|nin|national\s+insurance|ni\s+(?:no|number)"
            r"|health\s+card|versichertennummer|krankenversichertennummer|sécurité\s+sociale|securite\s+sociale|nir"
            r"|ssn(?:\s+on\s+file)?|social\s+security(?:\s+(?:no\.?|number))?(?:\s+on\s+file)?)\b"
            r"(?:\s+(?:no\.?|number|#|id))?(?:\s+(?:is|was|ends(?:\s+in)?|ending(?:\s+in)?))?\s*[:#]?\s*)"
            # Three digits at least: "policy MM-14" is a procedure's number, not a person's.
            r"(?=[A-Z0-9][A-Z0-9 -]*\d[A-Z0-9 -]*\d[A-Z0-9 -]*\d)(?=[A-Z]*\d)[A-Z0-9]{2,12}"
            # a group after a space holds a digit ("account 5082 059 51", not "account 5082 for Jo")
            r"(?:[ ](?=[A-Z]*\d)[A-Z0-9]{2,6}|-[A-Z0-9]{1,6}){0,5}(?![\w-])",
            re.I,
        ),
        r"\1[ID-NUMBER]",
    ),
    # Social media and personal pages: "facebook.com/sky.mitchell.69", "www.giuliabianchi.blog", "@hope_baker".
    (
        re.compile(
            r"\b(?:https?://)?(?:www\.)?(?:facebook|instagram|twitter|x|tiktok|linkedin|youtube|threads|snapchat|gofundme|justgiving)"
            r"\.com/[\w.@/-]*[\w/]",
            re.I,
        ),
        "[URL]",
    ),
    (re.compile(r"(?<![\w/.@])www\.[\w-]+(?:\.[\w-]+)+(?:/[^\s)\]>,]*)?", re.I), "[URL]"),
    (re.compile(r"(?<![\w@.])@(?=[\w.-]*[a-z])[a-z][\w.-]{2,29}[a-z0-9_](?![\w@])", re.I), "[URL]"),
    # An age over 89 with a sex letter, as handovers write it: "93F", "99M", "aged 91 F".
    (re.compile(r"(?<![\w.])(?:9\d|1[01]\d)\s?(?-i:[MF])(?![\w])"), "[AGE-90+]"),
    # "D0B: O9-DEC-l947": an OCR-read birth-date label and a date with letters for digits.
    (re.compile(r"\b(D[O0]B\s*:?\s*)(?=[\w/.-]*\d)[\w/.-]{6,12}\b"), r"\1[DOB]"),
    # Born, in other languages: "sinh ngày 16/10/2016", "تاريخ الميلاد 5 March 1991", "出生日期 1975-03-04".
    (
        re.compile(
            r"((?:sinh\s+ngày|ngày\s+sinh|تاريخ\s+الميلاد|出生日期|生年月日|data\s+urodzenia|geboortedatum|fecha\s+de\s+nac\.?"
            r"|data\s+de\s+nascimento|doğum\s+tarihi|дата\s+рождения)\s*:?\s*)"
            r"(?:\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{1,2}\s+[A-Za-z]{3,9}\.?\s+\d{4})",
            re.I,
        ),
        r"\1[DOB]",
    ),
    # An extension to ring reaches one person: "ring Sam on x5521". (Bleep and pager numbers are kept: the first
    # writer keeps them as the ward's own numbers, a later one removes them; the writers disagree.)
    (
        re.compile(
            r"(\b(?:ring|call|phone|contact|bleep|page)\w*\b[^.\n]{0,30}?\bon\s+(?:ext\.?\s*|x\s?))\d{3,6}\b",
            re.I,
        ),
        r"\1[PHONE]",
    ),
)
# "P/N MX-989803196521", "part no. 10-2140-00", "Battery SurePower 8019-0535-01": a part number is a technician's fact,
# never a person's. Shared by the shape rules, the phone and the long-number detectors.
_PART_CUE = re.compile(
    r"\b(?:p/n|part\s*(?:no\.?|number|#)|fru|sku|battery\s+\w+|cat(?:alog(?:ue)?)?\.?\s*no\.?"
    # A service request or ticket is the trust's or the vendor's number: "Service SR# 400-778210".
    r"|(?-i:SR)|service\s+request|ticket|work\s+order)\s*[:#]?\s*"
    r"(?:[A-Z]{1,4}-)?$",
    re.I,
)


def after_part_cue(text: str, start: int) -> bool:
    """Whether the token at ``start`` follows a part-number cue."""
    return _PART_CUE.search(text[max(0, start - 24) : start]) is not None


def redact_labelled(text: str) -> str:
    """Every rule of this module, once; a token after a part-number cue is left alone."""
    for pattern, replacement in _RULES:

        def replace(match: re.Match[str], pattern: re.Pattern[str] = pattern, replacement: str = replacement) -> str:
            if after_part_cue(match.string, match.start()):
                return match.group()
            near = match.string[max(0, match.start() - 80) : match.end() + 80]
            if pattern is _SERIAL and not _PERSONAL_DEVICE.search(near):
                return match.group()
            return match.expand(replacement)

        text = pattern.sub(replace, text)
    return text

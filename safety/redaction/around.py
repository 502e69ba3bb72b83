"""Identifiers known by the name or address placeholder beside them, and ids by their shape after a label.

Run inside ``context`` on every pass of ``safety.privacy.redact``, so they lean on placeholders the earlier detectors
left. General mechanisms rather than phrases:

- A full date in any common form (numeric with "/", "-" or "."; two- or four-digit years; month names and their
  abbreviations; ISO) right after a name, with only separators or other placeholders between ("[NAME], 5 Jun 2015",
  "[NAME] (27/9/61)", "[NAME] ||| [PHONE] ||| 13/11/08", "[NAME] Thu Hà (10 Oct 2017)") is a birth date.
- An id right after a name: in brackets or after a comma, letters and digits ("[NAME] (BMS-416)", "[NAME], N-66393",
  "[NAME] (E/4260977)") or a run of six or more digits ("[NAME], 7846782"); after an "ID" or "No." label (not
  "Rx#": a prescription number is no person's).
- An id shaped as on labels and wristbands anywhere: one to four letters, then digit groups joined by "-" or "/",
  six or more digits in all ("EMP-045957", "A70-4148-10", "AXA-48582-87"); work orders ("WO-55812") have fewer.
- A town after an address placeholder ("[ADDRESS], Fresno", "[ADDRESS], Dearborn 48178"), a house number and the
  words of a street before one ("72 Cwrt y Castell, [ADDRESS]", "3 Bridge End, [ADDRESS]").
- Ages over 89 written short or in other languages ("105y", "93 tuổi", "94 jaar", "92 Jahre", "91 ans").
"""

from __future__ import annotations

import re

_MON = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_ANY_DATE = (
    r"(?:\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})|(?:19|20)\d\d[/.-]\d{1,2}[/.-]\d{1,2}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?[\s-]+(?:of\s+)?{_MON}[\s,-]+(?:\d{{4}}|\d{{2}})"
    rf"|{_MON}[\s-]+\d{{1,2}}(?:st|nd|rd|th)?,?[\s-]+\d{{4}})(?![\w/-]|\.\d|:\d|[ \t]+\d{{1,2}}:\d\d)"
)
# Between a name and what follows it: separators, and other placeholders ("[NAME] ||| [PHONE] ||| 13/11/08").
_GAP = r"(?:[ \t]*(?:[,;:|(/]|--?|–)?[ \t]*(?:\[[A-Z-]+\][ \t]*[,;|)/]?[ \t]*){0,2})"
# Up to two capitalised words after the placeholder: the rest of the name ("[NAME] Thu Hà (10 Oct 2017)").
_NAME = r"\[NAME\](?:[ \t]+(?-i:[A-ZÀ-Þ])[\w'’-]*){0,2}"
_ID = r"(?:[A-Z]{1,4}\d?[-/]?\d[\d/-]*\d|\d{6,12})(?![\w/-])"
# Not after a part-number cue: "P/N MX-989803196521" is a part, not a person.
_WRISTBAND = re.compile(
    r"(?<![\w/-])(?<!P/N )(?<!P/N: )(?<!FRU )[A-Z]{1,4}(?=(?:[-/]?\d){6})\d*[-/]\d+(?:[-/]\d+)*(?![\w/-])"
)
# A work order's number is the organisation's, not a person's: "Ticket RQ-2031-55810", "Job ref LFT-88120".
_WORK_ORDER = re.compile(
    r"\b(?:ticket|job|fault|incident|work[ \t]+order|service[ \t]+request|support[ \t]+case|invoice)"
    r"(?:[ \t]+(?:ref|no\.?|number|#))?[ \t]*[:#]?[ \t]*$",
    re.I,
)
_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(rf"({_NAME}{_GAP}\(?[ \t]*)({_ANY_DATE})", re.I), r"\1[DOB]"),
    (re.compile(rf"(\[NAME\][ \t]*(?:\([ \t]*|,[ \t]*))(?=[A-Z]{{0,4}}\d?[-/]?\d{{3}})({_ID})"), r"\1[ID-NUMBER]"),
    (
        re.compile(rf"(\b(?-i:ID|I\.D\.|No\.?)[ \t]*[:#]?[ \t]*)(?=[A-Z]{{0,4}}\d?[-/]?\d{{3}})({_ID})"),
        r"\1[ID-NUMBER]",
    ),
    # A number after a birth date or a name on a label line: "MENDEZ, Joy | DOB [DOB] | 21960134".
    (re.compile(r"(\[(?:DOB|DATE|NAME)\][ \t]*[|,;/][ \t]*)\d{6,12}(?![\w/.-])"), r"\1[ID-NUMBER]"),
    (_WRISTBAND, "[ID-NUMBER]"),
    (
        re.compile(
            r"(\[ADDRESS\],[ \t]+)(?-i:[A-Z][a-zà-ÿā-ž'’]{2,}(?:[ \t](?-i:[A-Z][a-zà-ÿā-ž'’]+))?)(?=[ \t]*[.;,)\n]|$)"
        ),
        r"\1[ADDRESS]",
    ),
    (re.compile(r"(\[ADDRESS\],?[ \t]+)(?-i:[A-Z][a-zà-ÿ'’]{2,})[ \t]+\d{5}(?:-\d{4})?\b"), r"\1[ADDRESS] [ZIP]"),
    (
        re.compile(
            r"\b\d{1,4}[a-z]?[ \t]+(?-i:[A-ZÀ-Þ][\w'’-]*)(?:[ \t]+(?:(?-i:[A-ZÀ-Þ][\w'’-]*)|y|an|na|de|du|del|la|le"
            r"|di|van|von|dos|das)){0,3}(?=,[ \t]*\[(?:ADDRESS|POSTCODE)\])"
        ),
        "[ADDRESS]",
    ),
    (
        re.compile(
            r"(?<![\w.])(?:9\d|1[01]\d)[ \t]?(?:y(?![\w/])|tuổi|jaar|jahre|ans|años|anni|anos|lat|år|yaşında|yaşındaki"
            r"|vuotias|ετών|лет|года?|岁|歳|세|살)",
            re.I,
        ),
        "[AGE-90+]",
    ),
)


def redact_around(text: str) -> str:
    """Every rule of this module, once."""
    for pattern, replacement in _RULES:
        if pattern is _WRISTBAND:
            text = pattern.sub(_wristband, text)
        else:
            text = pattern.sub(replacement, text)
    return text


def _wristband(match: re.Match[str]) -> str:
    before = match.string[max(0, match.start() - 24) : match.start()]
    if _WORK_ORDER.search(before) or _ORDER_PREFIX.match(match.group()):
        return match.group()
    return "[ID-NUMBER]"


# The prefix of a work order, a ticket or a purchase order names the record itself: "WO-448213", "INC-0048213".
_ORDER_PREFIX = re.compile(r"(?:WO|WR|SR|PO|INV|INC|REQ|RITM|CHG|PRB|TKT|JOB)[-/]")

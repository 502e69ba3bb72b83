"""A day and a month written in digits without a year: "seen on 12/03", "CT 24/11", "Absent 10/01-17/01".

HIPAA Safe Harbor removes every element of a date but the year when the date is a person's (an admission, a test, an
appointment, a procedure), and the same digits are as often a score, a ratio or a duration: "pain 6/10", "GCS
14/15", "Apgar 9/10", "2/2 bottles", "TDS 5/7" (five days), "review 6/52" (six weeks), "5/12" (five months old).
So a slash pair with a valid day and month goes as [DATE] when

- a word of time or of an episode stands right before it ("on", "since", "until", "admitted", "appt", "seen", "el",
  "le", "am", ...), or a time comes right after it ("on 5/6 at 11am", "inserted 08/02 14:30"); or
- it has a date's shape on its own: a leading zero or a part past 12 ("Bloods 26/06:", "CT Abdo 24/11"),

and stays when a score's or a measure's word comes just before it ("pain", "GCS", "VA", "day", "BiPAP"), a unit or
a counted noun just after it ("2/2 bottles", "1/18 nodes"), or its second part is a clinical duration's (/7 days,
/52 weeks, /40 gestation, /12 months, /10 a score) and no word of time says otherwise. Dots ("14.02") only after an
episode's word, as "12.03" is as often a number.
"""

from __future__ import annotations

import re

_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?"
# Day and month, or an American month and a day past 12 ("booked 6/20"); single digits only with a slash.
_DM = (
    r"(?:(?:0[1-9]|[12]\d|3[01])[/.](?:0[1-9]|1[0-2])|(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2])"
    r"|(?:0?[1-9]|1[0-2])/(?:1[3-9]|2\d|3[01]))"
)
_NOT_DOSE = r"[ \t]*(?:tabs?|tablets?|caps?|capsules?|mg|ml|units?|doses?|strength|puffs?)\b"
# HIPAA Safe Harbor names the dates that tie an episode to a person: admission, discharge, birth, death, and the
# visit itself (an appointment, a clinic day written with its weekday).
_EPISODE = (
    r"(?:adm(?:itted|ission)?|dc|d/c|disch(?:arged?)?|date(?:[ \t]+of[ \t]+\w+)?|dated|born|died|dod|deceased|death"
    r"|appointment|appt|confirmed|booked|attend(?:ed|ance)?|visit(?:ed)?|between|from|to|and|ingreso|alta|aufnahme"
    r"|entlassung|entr[ée]e|sortie|ricovero|dimissione|internação|opname|ontslag)"
)
_DAY_MONTH = re.compile(
    rf"(\b{_EPISODE}\.?[ \t]*[:\-–]?[ \t]*|\b{_WEEKDAY},?[ \t]+){_DM}(?![\w/]|[.,]\d|:\d|{_NOT_DOSE})",
    re.I,
)
# A day and month in brackets after a relative time word: "DHS yesterday (21/11)", "passed away last night (24/11)".
_RELATIVE_DAY = re.compile(
    r"(\b(?:yesterday|today|tonight|last[ \t]+night|this[ \t]+morning|overnight)[ \t]*\([ \t]*)"
    r"(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2])(?=[ \t]*\))",
    re.I,
)
# Any slash pair; ``_slash_pair`` decides. Not inside a longer run ("Gi1/0/24", "10/5/5") or a decimal.
_SLASH = re.compile(r"(?<![\w/.:-])(\d{1,2})/(\d{1,2})(?![\w/]|[.,]\d|:\d)")
# Words of time and of an episode right before a date; "review" and "for" are left out, as "review 6/52" and "for
# 5/7" are durations.
_TIME_CUE = re.compile(
    r"(?:\b(?:on|since|from|until|till|thru|through|by|before|after|due|dated|date|recheck|next|seen|op|w/?c"
    r"|commencing|starting|started|scan|mri|ct|us|test|result|results|bloods|clinic|log|list|el|le|am|em|il|du|ab"
    r"|dal|al|del|vom|bis|para|ngày|den|der|dia|au|til|t/m|fino|desde|hasta|depuis|seit)"
    rf"|{_WEEKDAY})[ \t]*[:,(-]?[ \t]*(?:the[ \t]+)?$",
    re.I,
)
_STRICT_CUE = re.compile(
    r"\b(?:on|since|from|until|till|by|dated|el|le|am|em|il|du|op|vom|seit|depuis|desde|dal)[ \t]*(?:the[ \t]+)?$",
    re.I,
)
_TIME_AFTER = re.compile(
    r"[ \t]*(?:at[ \t]+|@[ \t]*|,[ \t]*|à[ \t]+|às[ \t]+|a[ \t]+las[ \t]+|um[ \t]+)?"
    r"\d{1,2}(?::|\.\d\d|h\b|[ \t]*[ap]\.?m\b)",
    re.I,
)
# A score's or a measure's word before the pair, and a unit or a counted noun after it.
_MEASURE = re.compile(
    r"\b(?:pain|score[ds]?|scale|douleur|dolor|schmerz|dor|eva|vas|nrs|apgar|gcs|power|strength|mrc|grade[ds]?|va"
    r"|acuity|pinhole|vision|bipap|cpap|niv|peep|ipap|epap|station|floors?|bays?|beds?|day|days|cycle|tds|bd|od|qds"
    r"|qid|tid|bid|prn|x|ratio|abcde|beighton|moca|mmse|nihss|ncs|majors|minors|resus|hiv|tyres?|rated|improved"
    r"|nodes|dilated|cm|stage|level|phase|lead|leads|vs|out[ \t]+of|passed|failed|fraction|split|week|wk)"
    r"[ \t]*[:=]?[ \t]*$",
    re.I,
)
_COUNTED = re.compile(
    r"[ \t]*(?:tabs?|tablets?|caps?|mg|mcg|ml|units?|doses?|puffs?|bottles?|nodes?|sets?|cores?|samples?|%|r\b|l\b"
    r"|cm|mm|kg|g\b|x\b|times|hours?|hrs?|days?|weeks?|scale|points?|tests?|checks?|items?|questions?|passed)",
    re.I,
)
_DURATION = frozenset({7, 10, 12, 40, 52})


def _valid(first: int, second: int) -> bool:
    return 1 <= first <= 31 and 1 <= second <= 12 or 1 <= first <= 12 and 1 <= second <= 31


def _slash_pair(match: re.Match[str]) -> str:
    first, second = int(match.group(1)), int(match.group(2))
    if not _valid(first, second):
        return match.group()
    text = match.string
    # The clause before: a date's cue is the last word or two, not anything earlier in the sentence.
    before = re.split(r"[.;!?\n|]", text[max(0, match.start() - 40) : match.start()])[-1]
    after = text[match.end() : match.end() + 20]
    if _MEASURE.search(before) or _COUNTED.match(after):
        return match.group()
    timed = _TIME_AFTER.match(after) is not None
    padded = match.group(1).startswith("0") or match.group(2).startswith("0")  # a duration never is
    if second in _DURATION and not padded and first <= 12:
        # "5/7", "6/52", "5/12", "pain 4/10": a date only after a strict word of time or with a time after it.
        return "[DATE]" if _STRICT_CUE.search(before) or timed else match.group()
    if _TIME_CUE.search(before) or timed or padded or max(first, second) > 12:
        return "[DATE]"
    return match.group()


_EVENT_DAY = re.compile(
    r"(\b(?-i:[a-z]{4,}ed)[ \t]+)(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2])"
    r"(?![\w/]|[.,]\d|:\d|[ \t]+(?:at[ \t]+)?\d|[ \t]*(?:tabs?|tablets?|caps?|mg|ml|units?|dose)\b)",
)
_NOT_EVENT_VERB = frozenset("scored improved reduced increased decreased graded rated measured marked".split())


def _event_day(match: re.Match[str]) -> str:
    # A day and month straight after a clinical event's participle: "intubated 2/5, extubated 5/5". A grade after a
    # verb ("improved 4/5") keeps it.
    if match.group(1).strip() in _NOT_EVENT_VERB:
        return match.group()
    if re.search(r"\b(?:power|strength|gcs|score|mrc)\b[^.\n]{0,30}$", match.string[: match.start()], re.I):
        return match.group()  # "power in the left arm graded ... 4/5": a grade
    return match.group(1) + "[DATE]"


def _day_month(match: re.Match[str]) -> str:
    cue = match.group(1).strip().lower()
    if cue in {"from", "to", "and"}:
        # Only as the ends of a stay: "between 01/10 and 15/10", "from 03/02 to 06/02".
        ends = match.string[max(0, match.start() - 30) : match.end() + 20].lower()
        if not re.search(r"between|from\b.*\bto\b|\[date\][ \t]*(?:and|to)", ends):
            return match.group()
    return match.group(1) + "[DATE]"


def redact_day_month(text: str) -> str:
    """Days and months in digits that are a person's dates, as [DATE]."""
    if not re.search(r"\d[/.]\d", text):
        return text
    text = _EVENT_DAY.sub(_event_day, _DAY_MONTH.sub(_day_month, text))
    text = _RELATIVE_DAY.sub(r"\1[DATE]", text)
    return _SLASH.sub(_slash_pair, text)

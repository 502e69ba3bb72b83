"""Spans of text that are never a person's name, though they hold one: eponyms, ward and home names, devices.

- Medical eponyms (``data/eponyms.txt``, from Wikipedia's lists of eponymous diseases and signs): a compound
  ("Stevens-Johnson", "Mallory-Weiss", "Guillain-Barré") always; a single name ("Turner", "Ludwig's", "Addisonian")
  before a clinical head noun ("syndrome", "angina", "tear", "crisis").
- Places named after people: "Fleming ward", "Dr Foster ward", "Sunnyside care home", "Meadowbank Nursing Home".
- Device makers and models ("Dräger Evita V500", "Welch Allyn Connex") and words followed by a dose or a lab
  value ("Allegra 180mg", "Ferritin 1,240"): a person's name is not followed by "180mg".
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

_DATA = Path(__file__).resolve().parent / "data" / "eponyms.txt"
_HEAD = (
    r"(?:syndromes?|disease|sign|signs|palsy|tear|angina|crisis|test|reflex|man(?:oe|eu)uvre|maneuver|procedure"
    r"|operation|fracture|contracture|o?esophagus|ulcers?|nodes?|nodules?|triad|phenomenon|encephalopathy"
    r"|psychosis|lymphoma|sarcoma|tumou?r|disorder|score|scale|criteria|classification|catheter|tube|frame|splint"
    r"|solution|lactate|stain|airway|blade|position|anomaly|diverticulum|cyst|gland|abscess|thyroiditis|arteritis"
    r"|purpura|chorea|dystrophy|ataxia|aneurysm|hernia|incision|fundoplication|gangrene|deformity|nephritis"
    r"|neuralgia|band|mask|stockings?|pouch|herpes|spots?|lines|space|repair|block|cells?|bodies|body|law|rule"
    r"|tetralogy|stool|chart|anaemia|anemia|thrombosis|fever|infection|paralysis|dementia|hypothesis)\b"
)
_WORD = r"[A-Za-zÀ-ÿ][\w'’-]*"
_POSSESSIVE = r"(?:['’]s?)?"
_PLACE = re.compile(
    r"(?:\b(?:Dr|St|Saint)\.?[ \t]+)?(?:\b(?-i:[A-Z])[^\W\d]*(?:['’-][^\W\d]+)*[ \t]+){1,3}"
    r"(?:ward|unit|wing|suite|lodge|house|court|"
    r"care\s+home|nursing\s+home|care\s+centre|day\s+(?:unit|centre)|hospice|theatres?|clinic|surgery|room)\b"
    # "Ward 27" after a name says where the person is; "Fleming ward" is a place's name.
    r"(?!\s+round)(?![ \t]*\d{1,3}(?![\d:.]))",
    re.I,
)
_DEVICES = frozenset(
    """dräger drager evita bair hugger braun perfusor welch allyn connex hill-rom progressa sonosite nxstage
    marsden alaris baxter medtronic minimed philips zoll nellcor carescape resmed airsense mindray fresenius
    stryker arjo huntleigh spacelabs masimo smiths cadd sapphire omnipod dexcom libre abbott draeger
    getinge maquet servo datex ohmeda karl storz olympus pentax fujifilm siemens toshiba canon hologic mortara
    edan nihon kohden bbraun infusomat volumat graseby mckinley yasmin yaz camila cerazette microgynon
    rigevidon femodette jolivette errin noriday edwards sapien accu-chek roche coaguchek hemocue freestyle onetouch
    biotronik livanova terumo""".split()
)
_DOSE = re.compile(
    r"\s*(?:\d+(?:[.,]\d+)*\s*(?:mg|mcg|micrograms?|g|ml|mL|units?|iu|%|mmol|nmol|kg)\b|\d{1,3},\d{3}\b)", re.I
)


@lru_cache(maxsize=1)
def eponyms() -> tuple[frozenset[str], frozenset[str]]:
    """(compounds, single names) from the data file, lower case."""
    entries = [
        line.strip().lower()
        for line in _DATA.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    return frozenset(e for e in entries if "-" in e), frozenset(e for e in entries if "-" not in e)


@lru_cache(maxsize=1)
def _eponym_head() -> re.Pattern[str]:
    compounds, singles = eponyms()
    names = "|".join(sorted((re.escape(n) for n in singles | compounds), key=len, reverse=True))
    return re.compile(
        rf"\b(?:(?:{names}){_POSSESSIVE}[\s-]+(?:and\s+)?){{0,2}}(?:{names}){_POSSESSIVE}(?:ian)?\s+{_HEAD}", re.I
    )


_HEAD_RX = re.compile(rf"\b{_HEAD}", re.I)
# A field that names an institution or a product, not a person: "Hospital: Spire Manchester", "Vehicle: Toyota
# Yaris". Its capitalised words, up to four, are the institution's or the product's; not a titled person's.
# Only a field at a line's start or after a wide gap: "St Mary's Hospital: Geneviève Dubois" is a heading, a name.
_ORG_FIELD = re.compile(
    r"(?m)(?:^|(?<=[ \t]{2})|(?<=\|[ \t]))(?:hospital|provider|insurer|site|pharmacy|practice|trust|company|vendor"
    r"|supplier|contractor|manufacturer|make|model|vehicle|device|school|nursery|surgery)[ \t]*:[ \t]*"
    r"(?!(?:mr|mrs|ms|miss|dr|prof)\b)((?-i:[A-Z])[\w'’&.-]*(?:[ \t](?-i:[A-Z0-9])[\w'’&.-]*){0,3})",
    re.I,
)
# Any capitalised word before a scoring system, a law or a sign is an eponym, listed or not: "Courvoisier's law",
# "Bishop score", "Bradford sling".
# Hyphenated words count ("Richmond Agitation-Sedation Scale"), and so do named instruments ("Addenbrooke's
# Cognitive Examination"); the acronym in brackets after one is its short name ("(RASS)", "(ACE-III)").
_ANY_EPONYM = re.compile(
    r"\b(?:(?-i:[A-Z])[a-zà-ÿ]+(?:-(?-i:[A-Za-z])[a-zà-ÿ]+)*(?:['’]s)?\s+){1,3}"
    r"(?:(?i:score|scale|criteria|classification|examination|questionnaire|inventory)|sign|sling|law|rule"
    # "Ramsay Hunt syndrome", "Von Willebrand screen": a disease named for a person names no one present
    r"|syndrome|disease|screen|factor|palsy"
    r"|manoeuvre|maneuver)\b(?:\s*\((?-i:[A-Z][A-Za-z0-9-]{1,10})\))?"
)
# A maker's or a product's name before its model: "Phonak Naída P70", "Otis Gen2", "IntelliVue MX450".
_BEFORE_MODEL = re.compile(
    r"\b(?-i:[A-Z][\w'’-]+)(?:[ \t]+(?-i:[A-Z][\w'’-]+))?"
    r"(?=[ \t]+(?-i:(?!FY|ST|CT|SHO)[A-Z]{1,3}\d{2,4}|[A-EG-Z]\d|Gen\d)\b)"  # "Hamilton C6"; not "Tom FY1"
)
# A ward or an institution named first and its name after: "Ward Victoria", "Clínica San Rafael", "Hospital de
# Clínicas"; NHS wards and Spanish, Portuguese and Italian institutions are written this way round.
_NAMED_AFTER = re.compile(
    r"\b(?-i:Ward|Cl[ií]nica|Hospital|Hôpital|Ospedale|Policl[ií]nica|Sanatorio|Klinik(?:um)?|Centro)"
    r"(?:[ \t]+(?:de|del|da|do|di|la|San|Santa|Santo|São|St\.?))*(?:[ \t]+(?-i:[A-Z])[\w'’-]+){1,2}"
)
# A maker's name joined to its model code: "Hamilton-C3", "Dräger-V500"; a person's double name has no digit.
_HYPHEN_MODEL = re.compile(r"\b(?-i:[A-Z])[^\W\d_]+-(?=[A-Z0-9]{0,5}\d)(?-i:[A-Z0-9]{1,6})\b")
_WORD_RX = re.compile(_WORD)
# A possessive before a preparation is an eponymous remedy ("Lugol's iodine", "Whitfield's ointment", "Gaviscon's
# liquid"); a test's antibody or antigen ("Hep C Ab:", "HBs Ag positive", "IgG"); a location field whose value
# repeats its label ("Ward: Ward 7B", "Bay: 4").
_PREPARATION = re.compile(
    r"\b(?-i:[A-Z])[a-z]+['’]s?[ \t]+(?:iodine|ointment|paste|cream|lotion|drops|tincture|mixture|powder|liquid"
    r"|linctus|elixir|gel|spray|emulsion|balm)\b",
    re.I,
)
_ASSAY = re.compile(
    r"(?<![\w'’-])(?-i:Ab|Ag|Ig[AGEM])(?=[ \t]*(?:[:/=]|(?i:pos|neg|reactive|non-reactive|titre|titer)))"
)
_LOCATION_FIELD = re.compile(
    r"\b(?:ward|bay|bed|room|unit|theatre|cubicle)[ \t]*:[ \t]*(?:(?:ward|bay|bed|room|unit|theatre|cubicle)[ \t]+)?"
    r"(?=[\w-]*\d)[\w-]+",
    re.I,
)
_TITLED = re.compile(r"\b(?:mr|mrs|ms|miss|dr|nurse|sister|prof|doctor)\.?[ \t]+$", re.I)
_BEFORE_DOSE = re.compile(rf"(?<![\w'’-]){_WORD}(?={_DOSE.pattern})", re.I)


def kept_spans(text: str) -> list[tuple[int, int]]:
    """Character spans whose words are never taken for a person's name."""
    compounds, _ = eponyms()
    spans = [m.span() for m in _eponym_head().finditer(text)] if _HEAD_RX.search(text) else []
    spans += [m.span() for m in _PLACE.finditer(text)]
    spans += [m.span() for m in _ANY_EPONYM.finditer(text)]
    spans += [m.span(1) for m in _ORG_FIELD.finditer(text)]
    spans += [m.span() for m in _BEFORE_MODEL.finditer(text)]
    spans += [m.span() for m in _BEFORE_DOSE.finditer(text)]
    spans += [m.span() for m in _HYPHEN_MODEL.finditer(text)]
    spans += [m.span() for rx in (_PREPARATION, _ASSAY, _LOCATION_FIELD) for m in rx.finditer(text)]
    spans += [
        m.span() for m in _NAMED_AFTER.finditer(text) if not _TITLED.search(text, max(0, m.start() - 12), m.start())
    ]
    for m in _WORD_RX.finditer(text):
        word = m.group().lower()
        if word in compounds or word.rstrip("s'’") in compounds:
            spans.append(m.span())
        elif word in _DEVICES and not _TITLED.search(text, max(0, m.start() - 12), m.start()):
            # The maker and the model after it: "Braun Perfusor Space", "Sonosite Edge II"; after a person's title
            # the word is a given name that a brand shares ("Nurse Camila Reyes").
            model = re.match(r"(?:\s+[A-Z][\w-]*){0,2}", text[m.end() : m.end() + 60])
            spans.append((m.start(), m.end() + (model.end() if model else 0)))
    return spans

"""Word lists and list-reading rules for finding medicines in free text without a model."""

from __future__ import annotations

import re

from tools.drugs.shorthand import shorthand_fits
from tools.drugs.slang import (
    COUNTED_SLANG,
    HABIT_AFTER,
    LOWER_CASE_SLANG,
    PILL_SLANG,
    SLANG_AFTER_USE,
    SLANG_NOT_BEFORE,
)

DOSAGE_FORMS = (
    "granule granules sachet sachets drop drops lozenge lozenges pastille pastilles suppository suppositories "
    "pessary pessaries ointment ointments gel gels spray sprays powder powders syrup syrups elixir liquid liquids "
    "linctus mixture solution suspension emulsion foam paste patch patches plaster plasters wafer wafers film films "
    "implant implants enema enemas douche granulate effervescent chewable".split()
)
# Drug names that are also everyday words: recognised when asked for by name, not spotted in free text.
NOT_IN_PROSE = frozenset(
    "thyroid bayer oxygen water alcohol ethanol caffeine iron calcium magnesium potassium sodium sugar salt "
    "grapefruit tobacco soma glucose fish vitamin pill pills tablet plan".split()
    # Substances the body makes, and a nutrient named alone: a level or a lab value, not a medicine taken.
    + "serotonin histamine cortisol melanin folate creatinine bilirubin cholesterol".split()
    # Dosage-form nouns ("montelukast granules", "oral rehydration sachets"): the form of a medicine, never one
    # (EDQM Standard Terms, dosage forms). Some are ingredient names in the FDA tables ("granules").
    + DOSAGE_FORMS
)
# Foods that are also sold as supplements: a food unless a form word follows ("garlic tablets", "ginger capsules").
DUAL_FOODS = frozenset({"garlic", "ginger", "licorice", "cranberry", "cinnamon", "peppermint", "green tea"})
SUPPLEMENT_FORMS = frozenset(
    "tablet tablets tabs capsule capsules caps pill pills supplement supplements extract extracts root tincture "
    "gummies gummy softgels softgel oil".split()
)
# Vitamins and minerals: "B12 deficiency" or "vitamin D levels" names a lab value, not a medicine taken.
NUTRIENTS = frozenset(
    "cyanocobalamin|folic acid|cholecalciferol|ergocalciferol|ascorbic acid|pyridoxine|thiamine|riboflavin|niacin|"
    "biotin|zinc|magnesium|iron|ferrous sulfate|vitamin a|vitamin e|phytonadione|calcium carbonate|iodine|selenium|"
    "chromium|boron|levomefolic acid".split("|")
)
# USAN/INN stems (USAN Council, "USAN stem list"; WHO "The use of stems in the selection of INN"): a word that
# ends in one is a medicine name even when the knowledge base does not know it ("risankizumab"), so it is
# reported as an unknown medicine rather than dropped.
_STEM = re.compile(
    r"\b[a-z]{3,}(?:mab|tinib|ciclib|rafenib|pril|sartan|olol|statin|cillin|mycin|micin|floxacin|cycline|tidine|"
    r"prazole|conazole|gliptin|gliflozin|glutide|parin|previr|buvir|navir|tegravir|asvir|azepam|zolam|triptan|"
    r"setron|dronate|lukast|dipine|oxetine|triptyline|peridol|profen|coxib|fenac|platin|rubicin|limus|semide|"
    r"thiazide|barbital|tacept|ercept|kinra|vaptan|xaban|gatran|lutamide|relin|orelin|plestim|grastim|poetin)\b",
    re.IGNORECASE,
)
_LEVEL_WORDS = frozenset("deficiency deficient deficiencies level levels status toxicity test tests".split())
# Interacting foods and supplements: reported with kind "food" / "supplement", never as medicines.
FOODS = frozenset({"grapefruit juice", "alcohol", "ethanol", "caffeine", "green tea"})
SUPPLEMENTS = frozenset(
    {
        "fish oil",
        "omega-3 fatty acids",
        "st. john's wort",
        "ginkgo",
        "garlic",
        "ginseng",
        "turmeric",
        "vitamin e",
        "valerian",
        "kava",
        "echinacea",
        "coenzyme q10",
        "melatonin",
        "phytonadione",
        "cholecalciferol",
        "ascorbic acid",
        "cyanocobalamin",
        "biotin",
        "zinc",
        "oxitriptan",
        "red yeast rice",
        "magnesium citrate",
        "magnesium glycinate",
        "saw palmetto",
        "ashwagandha",
        "glucosamine",
        "chondroitin",
        "elderberry",
    }
) | frozenset("fenugreek|black seed|tongkat ali|tribulus|apple cider vinegar|lutein|probiotics".split("|"))
# Common words of medication questions that must never be fuzzy-matched to a drug name (a build-time list of
# English words close to drug names, from the knowledge base, covers the rest).
COMMON_WORDS = frozenset(
    "sleep sleeping pain pains pressure blood sugar heart fish water drink drinks taking taken tablet tablets pill "
    "pills capsule daily morning night evening before after safe dangerous together combine mixing should could "
    "would doctor nurse patient pharmacist prescribed prescription started starting stopped medicine medicines "
    "medication medications vitamin vitamins supplement supplements headache migraine anxiety depression allergy "
    "allergies infection cold flu cough fever stomach kidney liver period cramps dizzy tired weight diabetes "
    "cholesterol thyroid arthritis asthma seizure seizures statin statins steroid steroids antibiotic antibiotics "
    "inhaler cream patch injection shot dose doses double missed extra other another about there their these those "
    "which while where glass coffee juice alcohol wine beer grapefruit orange banana chocolate cheese pharmacy "
    "something anything nothing stuff medicine flare flares yeast tonight today tomorrow weekend nausea heartburn "
    "insomnia dental surgery procedure pregnant breastfeeding".split()
    # Function words and drug-class nouns that follow "taking" or "on" in a sentence without naming a medicine.
    + "also going ordered what them they then just still only level levels food prenatal antihistamine "
    "antihistamines antidepressant antidepressants painkiller painkillers sedative sedatives blood thinner "
    "thinners contraception contraceptive hormone hormones herbal herbs natural remedy remedies".split()
)
_INTRO = re.compile(
    r"\b(?:i\s+(?:take|use|am\s+taking|am\s+on|'?m\s+(?:taking|on))|i'm\s+(?:taking|on)|im\s+(?:taking|on)|"
    r"she\s+takes|he\s+takes|(?:pt|patient)\s+(?:takes|is\s+on|on)|taking|prescribed|"
    r"(?:my\s+)?(?:meds|medications|medicines|med\s+list|drug\s+list)\s*(?:are|include|:|-))\s*",
    re.IGNORECASE,
)
_ITEM_SPLIT = re.compile(r"\s*(?:,|/|\+|;|\band\b|\bplus\b|\bwith\b|\n)\s*", re.IGNORECASE)
_STOP = re.compile(r"[.?!]|\b(?:for|because|since|but|can|is|are|should|will|do|does|if|when|so)\b", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][A-Za-z\-']{3,}")
_DOSEISH = re.compile(
    r"^(?:\d|mg|mcg|ml|tabs?|tablets?|caps?|daily|bid|tid|qd|prn|once|twice|the|a|an|my|some)$", re.IGNORECASE
)


# Brand names that are also everyday words or given names: read in free text only when typed with a capital
# ("Is Soma a muscle relaxer?", "Bayer 81"), never after words that introduce a person ("my daughter Allegra").
CASED_BRANDS = frozenset({"soma", "bayer", "redux"})
# Brands that are common English words (AIFA: Moment, ibuprofen): read only in a medicine context, never "a moment".
CONTEXT_BRANDS = frozenset({"moment"})
_NOT_BRAND_AFTER = frozenset("of to when i you we".split())
GIVEN_NAME_BRANDS = frozenset(
    {"allegra", "soma", "ella", "camila", "levora", "junel", "alesse", "jolivette", "molly", "mandy", "gabby", "telma"}
)
# Minerals named alone are a lab value or a food ("low magnesium", "foods high in potassium") unless a form
# follows ("iron gummies"), the words before say it is taken ("need calcium") or it is listed with a supplement
# ("vitamin D and calcium") or beside any medicine ("aspirin and iron", "iron; levothyroxine").
SUPPLEMENT_MINERALS = frozenset({"calcium", "iron", "magnesium"})
# Read only when listed beside a medicine or dosed ("ramipril and potassium"); "my potassium" is a lab value.
LISTED_MINERALS = SUPPLEMENT_MINERALS | {"potassium", "zinc"}
_INTAKE_BEFORE = frozenset(
    "take takes taking took need needs needed my plus containing contains start started stop stopped".split()
)
# A hormone the body makes: "insulin resistance" and "insulin levels" name the body's, not a medicine taken.
MADE_IN_BODY = frozenset({"insulin"})
_BODY_AFTER = _LEVEL_WORDS | frozenset("resistance resistant sensitivity spike spikes production secretion".split())
LIST_JOINS = frozenset({"", "and", "or", "plus", "vs", "versus"})  # "" is a list separator
_LAB_AFTER = _LEVEL_WORDS | frozenset("was were is are came result results low high checked check monitored".split())
_PERSON_BEFORE = frozenset(
    "daughter son wife husband friend sister brother mum mom dad mother father aunt uncle niece nephew cousin girl "
    "boy named called name patient colleague coworker neighbour neighbor baby grandma grandpa granddaughter "
    "grandson partner girlfriend boyfriend".split()
)
_PHONETIC = (
    (re.compile(r"ph"), "f"),
    (re.compile(r"^x"), "z"),
    (re.compile(r"x"), "ks"),
    (re.compile(r"ck"), "k"),
    (re.compile(r"c(?=[eiy])"), "s"),
    (re.compile(r"c"), "k"),
    (re.compile(r"z"), "s"),
    (re.compile(r"y"), "i"),
    (re.compile(r"(.)\1+"), r"\1"),
    (re.compile(r"e$"), ""),
)


def phonetic(word: str) -> str:
    """A sound-alike key for one word: "lasics" and "lasix", "zarelto" and "xarelto" share one."""
    for pattern, repl in _PHONETIC:
        word = pattern.sub(repl, word)
    return word


def names_a_person(previous: str, name: str) -> bool:
    """True when a brand that is also a given name follows a word that introduces a person."""
    return name in GIVEN_NAME_BRANDS and previous in _PERSON_BEFORE


def readable_in_prose(
    name: str,
    typed: str,
    previous: str,
    following: str = "",
    ingredients: tuple[str, ...] = (),
    listed: bool = False,
    dosed: bool = False,
    after_medicine: bool = False,
    beside_medicine: bool = False,
    before_medicine: bool = False,
) -> bool:
    """Whether a phrase match stands for the medicine here: not an everyday word, a person's name or a lab value.

    ``listed``: the name follows a supplement or street drug already read, joined by "and", "or" or a list
    separator. ``dosed``: a dose taken follows ("calcium 600 mg"). ``after_medicine``: the name is listed right
    after any medicine read, doses between ("oxy 30s and soma").
    """
    if names_a_person(previous, name) or not shorthand_fits(name, typed, following):
        return False
    if name in LOWER_CASE_SLANG and not typed.islower():
        return False
    if name in SLANG_AFTER_USE and not (following in HABIT_AFTER and name in LOWER_CASE_SLANG | {"smack"}):
        # Listed right after another drug read ("zannies and weed"): the list says what it is.
        used = previous in SLANG_AFTER_USE[name] or (name in COUNTED_SLANG and previous.isdigit()) or listed
        used = used or (name in PILL_SLANG and beside_medicine)  # "are subs safer than methadone"
        if not used or following in SLANG_NOT_BEFORE or following.isdigit():
            return False
    if name in MADE_IN_BODY and following in _BODY_AFTER:
        return False
    if following in _LEVEL_WORDS and ingredients and all(i in NUTRIENTS for i in ingredients):
        return False
    if name in LISTED_MINERALS and following not in _LAB_AFTER:
        # Listed beside a medicine read ("levothyroxine; iron; calcium"), it is a supplement taken too.
        beside = (after_medicine or before_medicine) and not following[:1].isdigit()  # "ramipril, potassium 5.9"
        if (
            dosed
            or beside
            or (name in SUPPLEMENT_MINERALS and (following in SUPPLEMENT_FORMS or previous in _INTAKE_BEFORE or listed))
        ):
            return True
    if name == "caffeine" and following in SUPPLEMENT_FORMS:
        return True  # caffeine tablets (ProPlus, NoDoz) are taken as a medicine; caffeine alone is in a drink
    if name in CONTEXT_BRANDS:  # "mix with Moment": capitalised, with another medicine named in the text
        taken = previous in _INTAKE_BEFORE or after_medicine or dosed
        return taken or (typed[:1].isupper() and beside_medicine and following not in _NOT_BRAND_AFTER)
    if name in CASED_BRANDS and (previous in _INTAKE_BEFORE or after_medicine or dosed):
        return True  # lower case, but said to be taken ("takes soma", "oxy and soma")
    return name not in NOT_IN_PROSE or (name in CASED_BRANDS and typed[:1].isupper())


def is_everyday_word(word: str, extra: frozenset[str] = frozenset()) -> bool:
    """True for words that free text must not fuzzy-match to a medicine."""
    if word in COMMON_WORDS or word in NOT_IN_PROSE or word in extra:
        return True
    # A verb form of an everyday word is one too ("replaced", "replacing"): the dictionary lists base forms only.
    # Plurals are not: "Lyrics" is how autocorrect spells Lyrica.
    return any(
        word.endswith(end) and (word[: -len(end)] + back) in extra
        for end, back in (("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"))
    )


def candidate_items(text: str) -> list[tuple[str, int, int]]:
    """Items of lists the text presents as medicines ("I take A, B and C"): (first word, start, end).

    Only the first word of each item is a candidate (doses, forms and "the" are skipped), and it must look like a
    name: four or more letters and not a common word.
    """
    out: list[tuple[str, int, int]] = []
    for intro in _INTRO.finditer(text):
        rest_start = intro.end()
        stop = _STOP.search(text, rest_start)
        rest_end = stop.start() if stop else len(text)
        pos = rest_start
        for piece in _ITEM_SPLIT.split(text[rest_start:rest_end]):
            offset = text.find(piece, pos) if piece else pos
            pos = offset + len(piece)
            words = [w for w in piece.split() if not _DOSEISH.match(w)]
            if not words:
                continue
            word = _WORD.fullmatch(words[0].strip("'"))
            if word and not is_everyday_word(word.group().lower()):
                start = text.find(words[0], offset)
                out.append((words[0], start, start + len(words[0])))
    return out


def kind_of(name: str, ingredients: list[str], following: str = "") -> str:
    """Medicine, supplement or food: foods and supplements are reported, but never as medicines.

    A food that is also a supplement is a food unless its name or the next word is a form ("garlic tablets").
    """
    form = name.split()[-1] in SUPPLEMENT_FORMS or following in SUPPLEMENT_FORMS
    edible = FOODS | DUAL_FOODS
    if not form and (name in edible or all(i in edible for i in ingredients)):
        return "food"
    if name in SUPPLEMENTS or all(i in SUPPLEMENTS or i in edible for i in ingredients):
        return "supplement"
    return "medicine"


def stem_words(text: str) -> list[tuple[str, int, int]]:
    """Words built on a medicine stem (USAN/INN stem lists), seven letters or more: (word, start, end)."""
    return [
        (m.group(), m.start(), m.end())
        for m in _STEM.finditer(text)
        if len(m.group()) >= 7 and not is_everyday_word(m.group().lower())
    ]

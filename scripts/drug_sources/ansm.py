"""Read the ANSM interaction thesaurus (English rendering via Merged-PDDI) as a knowledge-base source.

The thesaurus is organised by entry: an entry is one substance or one class, its members are the ``drug_a`` side
of its rows, and each row names a partner with a constraint level. So an entry's ``drug_a`` values are a sourced
class membership (the torsades entry lists torsades-inducing drugs), and each row is a sourced pair fact.
"""

from __future__ import annotations

import csv
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

CITATION = "ANSM, Thésaurus des interactions médicamenteuses (c. 2016), via Merged-PDDI (Ayvaz et al. 2015)"
FILE = "ansm_thesaurus_en.tsv"

# The source spells its four levels many ways ("Not recommeded:", "CONTRANDICATION", "Tale into account", ...).
# Order matters: a level text naming several levels takes the highest (contraindication is tested first).
_LEVEL_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"c[o0]ntra?i?ndication", re.I), "contraindicated"),
    (re.compile(r"no[tr] recomm?e", re.I), "major"),
    # Conditional contraindication (methotrexate > 20 mg/week with aspirin): one level lower than unconditional.
    (re.compile(r"with doses of", re.I), "major"),
    # The PDE5-inhibitor rows defer to each product's French label, where levels run up to contraindication.
    (re.compile(r"consult the amm", re.I), "major"),
    (re.compile(r"precautions? for use", re.I), "moderate"),
    (re.compile(r"ta[kl]e into account", re.I), "minor"),
)
# Nine loop-diuretic rows carry no level; the thesaurus grades that entry "precaution for use" elsewhere.
_MISSING_LEVEL = "moderate"
_LOWER = {"contraindicated": "major", "major": "moderate", "moderate": "minor", "minor": "minor"}

# International (INN/BAN) spellings the thesaurus uses -> the US names the knowledge base files facts under.
INN_TO_US = {
    "ciclosporin": "cyclosporine",
    "glibenclamide": "glyburide",
    "ethinylestradiol": "ethinyl estradiol",
    "indometacin": "indomethacin",
    "norethisterone": "norethindrone",
    "rifampicin": "rifampin",
    "linezolide": "linezolid",
    "meclozine": "meclizine",
    "chlortalidone": "chlorthalidone",
    "colestyramine": "cholestyramine",
    "adrenaline": "epinephrine",
    "amidotrizoic acid": "diatrizoic acid",
    "hydroxycarbamide": "hydroxyurea",
    "suxamethonium": "succinylcholine",
    "tiabendazole": "thiabendazole",
    "sulfafurazole": "sulfisoxazole",
    "fampridine": "dalfampridine",
    "tetracosactide": "cosyntropin",
    "arsenous acid": "arsenic trioxide",
    "lithium cation": "lithium",
    "mitomycin c": "mitomycin",
    "folinic acid": "leucovorin",
    "candesartan cilexetil": "candesartan",
    "oxitriptan": "5-hydroxytryptophan",
    "phenoxymethylpenicillin": "penicillin v",
    "levomenthol": "menthol",
    "thioguanine anhydrous": "thioguanine",
    "zoledronic acid": "zoledronic acid",
    "bleomycin a2": "bleomycin",
    "polymyxin b": "polymyxin b",
    "mycophenolate mofetil": "mycophenolate mofetil",
    "trastuzumab emtansine": "ado-trastuzumab emtansine",
}
# "POTASSIUM" in the hyperkalaemia entry means potassium salts taken as supplements.
ONE_TO_MANY = {"potassium": ["potassium chloride", "potassium citrate", "potassium bicarbonate", "potassium gluconate"]}
_SALT_SUFFIX = re.compile(
    r"\s+(anhydrous|monohydrate|dihydrate|succinate|benzoate|mesylate|fumarate|oxalate|phosphate|ditosylate|"
    r"s-malate|furoate|furoate monohydrate)$"
)
_NOTE_WITH = re.compile(r"^\W*with\b", re.I)


@dataclass(frozen=True, slots=True)
class AnsmFact:
    """One thesaurus row mapped to US ingredient names."""

    a: str
    b: str
    severity: str
    text: str
    entry: str
    level_raw: str


@dataclass(slots=True)
class AnsmData:
    """Everything the build takes from the thesaurus, with counts for the build report."""

    facts: list[AnsmFact] = field(default_factory=list)
    entry_members: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    levels: Counter[tuple[str, str]] = field(default_factory=Counter)
    unmapped: Counter[str] = field(default_factory=Counter)
    downgraded: int = 0


def normalise_level(raw: str) -> str:
    """The product's severity for one of the source's level spellings."""
    for pattern, severity in _LEVEL_PATTERNS:
        if pattern.search(raw):
            return severity
    return _MISSING_LEVEL


def _clean(name: str) -> str:
    return re.sub(r"\s+", " ", name.replace("_", " ").replace(",", " ").strip().lower())


def make_mapper(
    by_drugbank: dict[str, list[str]], preferred: set[str], known: set[str]
) -> Callable[[str, str], list[str]]:
    """Build the thesaurus-name -> US-ingredient mapper.

    Args:
        by_drugbank: DrugBank id -> FDA preferred term and DrugBank name (cleaned), from the FDA/RxNorm table.
        preferred: names other sources already file interaction facts under (chosen first, so facts meet).
        known: every ingredient name the knowledge base knows.

    """

    def candidates(ansm_name: str, drugbank_id: str) -> list[str]:
        raw = [_clean(ansm_name), *by_drugbank.get(drugbank_id, [])]
        out: list[str] = []
        for name in raw:
            stripped = _SALT_SUFFIX.sub("", name)
            for n in (INN_TO_US.get(stripped, stripped), INN_TO_US.get(name, name), name):
                if n not in out:
                    out.append(n)
        return out

    def mapper(ansm_name: str, drugbank_id: str) -> list[str]:
        cleaned = _SALT_SUFFIX.sub("", _clean(ansm_name))
        if cleaned in ONE_TO_MANY:
            return ONE_TO_MANY[cleaned]
        names = candidates(ansm_name, drugbank_id)
        for pool in (preferred, known):
            for n in names:
                if n in pool:
                    return [n]
        return [names[0]] if names and names[0] else []

    return mapper


def _note_names_neither(note: str, pair_names: list[str], all_names: set[str]) -> bool:
    """True when a "with X, Y" qualifying note restricts the level to partners other than this pair.

    Merged-PDDI copied an entry's level onto every row, with the thesaurus' qualifier ("--with sodium oxybate") as a
    note. Only notes that name at least one known drug are treated as restrictions; class wording ("with the
    macrolides") and clinical conditions keep the row's level.
    """
    if not _NOTE_WITH.match(note):
        return False
    text = note.lower()
    words = re.findall(r"[a-z][a-z-]+", text)
    grams = set(words) | {f"{x} {y}" for x, y in zip(words, words[1:], strict=False)}
    if not grams & all_names:
        return False
    # A six-letter stem tolerates the source's spelling variants ("rifampicin"/"rifampin", "darifenacine").
    return not any(p[:6] in text for p in pair_names if p)


def read_ansm(shared: Path, mapper: Callable[[str, str], list[str]]) -> AnsmData:
    """Read every thesaurus row; unmapped names are counted, never silently lost."""
    data = AnsmData()
    with (shared / FILE).open(encoding="utf-8-sig") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    # Names a qualifying note may restrict to; sodium oxybate is named only in notes, never as a row's drug.
    ansm_names = {_clean(r[k]) for r in rows for k in ("drug_a", "drug_b")} | {"oxybate", "sodium oxybate"}
    for r in rows:
        a_names = mapper(r["drug_a"], r["drugbank_a"])
        b_names = mapper(r["drug_b"], r["drugbank_b"])
        severity = normalise_level(r["level"])
        data.levels[(r["level"].strip(), severity)] += 1
        entry = r["thesaurus_entry"]
        data.entry_members[entry].update(a_names)
        if not a_names or not b_names:
            data.unmapped[r["drug_a"] if not a_names else r["drug_b"]] += 1
            continue
        pair_names = [_clean(r["drug_a"]), _clean(r["drug_b"]), *a_names, *b_names]
        if _note_names_neither(r["note"], pair_names, ansm_names):
            severity = _LOWER[severity]
            data.downgraded += 1
        text = r["effect_and_management"].strip()
        if r["note"].strip():
            text = f"{text}. {r['note'].strip()}"
        for a in a_names:
            for b in b_names:
                if a != b:
                    x, y = sorted((a, b))
                    data.facts.append(AnsmFact(x, y, severity, text, entry, r["level"].strip()))
    return data


def entry_label(entry: str) -> str:
    """A readable thesaurus entry name: "482-SUBSTANCES-THAT-..." -> "482 substances that ..."."""
    number, _, name = entry.partition("-")
    return f"{number} {name.replace('-', ' ').lower()}".strip()

"""The bundled drug-interaction knowledge base, loaded once into memory.

Pair facts from the sources (NDF-RT, ONC, ANSM) are loaded as compact rows and turned into ``Fact`` objects only
for the pairs a check asks about. Class rules are kept as rules plus memberships and paired at check time: each
ingredient knows the rules it takes part in and on which side, so a pair is one small set intersection.
"""

from __future__ import annotations

import gc
import re
import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from tools.drugs.models import Severity

DEFAULT_PATH = Path(__file__).resolve().parent / "data" / "ddi_kb.sqlite"
# Marks a membership that only the rule's own reference supports (see scripts/build_drug_kb.py).
DEFAULT_MEMBERSHIP_PREFIX = "CareForge class list"
SYNONYM_PREFIX = "synonym: "  # brand-table rows that are other names, not products
# Brand-table rows derived from FDA UNII groups and from the DrugBank open vocabulary (scripts/drug_sources/
# unii.py, drugbank_names.py): thousands of names, so read by exact name only, never fuzzily. Street names
# (street_names.csv) are short slang that a slip of one letter turns into an everyday word ("molly", "milly";
# "speed", "spend"), so they are read exactly too.
# A clipped ward name ("mero", "dapto") is a fragment: read exactly, never as the target of a misspelling ("muero").
# A curated row whose source says "read exactly" is a short brand one slip from a given name ("Aulin", "Aylin").
EXACT_ONLY_MARKS = (
    "FDA UNII ",
    "via drug-named-entity-recognition",
    "synonym: street name",
    "clinical clipped name",
    "; read exactly",
)
_SIDE_A, _SIDE_B = 1, 2
# Words of medicine names that are common given names or surnames and must stay redactable (see name_words): a
# foreign brand ("Telma"), clinical clippings ("mero", "metro"), a supplement named in English ("lion's mane").
_GIVEN_NAME_WORDS = frozenset({"telma", "mero", "metro", "lion", "mane"})


@dataclass(frozen=True, slots=True)
class Fact:
    """One sourced statement about a pair of ingredients."""

    severity: Severity
    effect: str
    mechanism: str
    management: str
    source: str
    origin: str


@dataclass(frozen=True, slots=True)
class Rule:
    """A class rule: every member of class_a with every member of class_b."""

    id: str
    class_a: str
    class_b: str
    severity: Severity
    effect: str
    mechanism: str
    management: str
    reference: str


@dataclass(slots=True)
class DrugKnowledgeBase:
    """In-memory view of the SQLite artifact: names, brands, classes, rules and pair facts."""

    version: str
    ingredients: set[str]
    interacting: set[str]
    brands: dict[str, list[str]]
    synonyms: set[str]
    pair_rows: dict[tuple[str, str], list[tuple[str, int, str]]]
    texts: list[tuple[str, str, str, str]]
    rules: dict[str, Rule] = field(default_factory=dict)
    # ingredient -> rule id -> side mask (1: class_a member, 2: class_b member)
    rule_sides: dict[str, dict[str, int]] = field(default_factory=dict)
    # (class, ingredient) -> reference for memberships with their own source
    membership: dict[tuple[str, str], str] = field(default_factory=dict)
    classes: dict[str, set[str]] = field(default_factory=dict)
    # English words close to a drug name: free text never fuzzy-matches them ("pressure", "sleeping").
    everyday_words: frozenset[str] = frozenset()
    # Names matched exactly but never fuzzily (FDA UNII- and DrugBank-vocabulary-derived brand and other names).
    exact_only: frozenset[str] = frozenset()
    # Ingredients without interaction facts that free text may still name ("polyethylene glycol", "nystatin").
    prose_names: frozenset[str] = frozenset()
    # Street names (street_names.csv): slang, some of it given names ("molly"); never words redaction keeps.
    street_names: frozenset[str] = frozenset()
    # Five-letter DrugBank-vocabulary brand names ("taltz", "ajovy"): read in free text only when capitalised.
    cased_only: frozenset[str] = frozenset()
    meta: dict[str, str] = field(default_factory=dict)

    def source_facts(self, a: str, b: str) -> list[Fact]:
        """Facts the source tables (not the class rules) give for the unordered pair (a, b)."""
        key = (a, b) if a <= b else (b, a)
        out = []
        for sev, text_id, origin in self.pair_rows.get(key, ()):
            effect, mechanism, management, source = self.texts[text_id]
            out.append(Fact(Severity(sev), effect, mechanism, management, source, origin))
        return out

    def rule_facts(self, a: str, b: str) -> list[Fact]:
        """Facts the class rules give for (a, b), each citing the rule and any member's own reference."""
        sides_a, sides_b = self.rule_sides.get(a), self.rule_sides.get(b)
        if not sides_a or not sides_b or a == b:
            return []
        out = []
        for rule_id in sides_a.keys() & sides_b.keys():
            ma, mb = sides_a[rule_id], sides_b[rule_id]
            if not ((ma & _SIDE_A and mb & _SIDE_B) or (ma & _SIDE_B and mb & _SIDE_A)):
                continue
            rule = self.rules[rule_id]
            out.append(
                Fact(
                    rule.severity,
                    rule.effect,
                    rule.mechanism,
                    rule.management,
                    self._rule_source(rule, a, b, ma, mb),
                    "rule:" + rule.id,
                )
            )
        return out

    def _rule_source(self, rule: Rule, a: str, b: str, ma: int, mb: int) -> str:
        # Name each member's own reference so a finding says why the drug is in the class.
        forward = ma & _SIDE_A and mb & _SIDE_B
        a_class, b_class = (rule.class_a, rule.class_b) if forward else (rule.class_b, rule.class_a)
        notes = [
            f"{name} in {cls}: {ref}"
            for name, cls in ((a, a_class), (b, b_class))
            if (ref := self.membership.get((cls, name))) and ref not in rule.reference
        ]
        return rule.reference + ("" if not notes else " | class membership: " + "; ".join(notes))

    def pair_facts(self, a: str, b: str) -> list[Fact]:
        """All facts about the unordered pair (a, b): source tables and class rules."""
        return self.source_facts(a, b) + self.rule_facts(a, b)

    def classes_of(self, ingredient: str) -> list[str]:
        """The classes an ingredient belongs to (for explanations and tests)."""
        return sorted(c for c, members in self.classes.items() if ingredient in members)


def load_knowledge_base(path: Path = DEFAULT_PATH) -> DrugKnowledgeBase:
    """Read the artifact; raises FileNotFoundError if the package data is missing.

    The cyclic garbage collector is paused while loading: every row read stays alive, so its generational passes
    over the hundred thousand new tuples would free nothing and cost about a third of the load time.
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        return _load(path)
    finally:
        if paused:
            gc.enable()


def _load(path: Path) -> DrugKnowledgeBase:
    if not path.is_file():
        raise FileNotFoundError(f"drug knowledge base not found at {path}; run scripts/build_drug_kb.py")
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
        ingredients = {n for (n,) in con.execute("SELECT name FROM ingredient")}
        interacting = {n for (n,) in con.execute("SELECT name FROM ingredient WHERE interacting = 1")}
        brands: dict[str, list[str]] = defaultdict(list)
        for brand, ingredient in con.execute("SELECT brand, ingredient FROM brand ORDER BY rowid"):
            brands[brand].append(ingredient)
        # Row kinds are read by SQLite from the source text: tens of thousands of rows load faster than in Python.
        synonyms = {
            b
            for (b,) in con.execute(
                "SELECT brand FROM brand WHERE substr(source, 1, ?) = ?", (len(SYNONYM_PREFIX), SYNONYM_PREFIX)
            )
        }
        marks = " OR ".join("instr(source, ?) > 0" for _ in EXACT_ONLY_MARKS)
        exact_only = {b for (b,) in con.execute(f"SELECT brand FROM brand WHERE {marks}", EXACT_ONLY_MARKS)}  # noqa: S608
        cased_only = {
            b
            for (b,) in con.execute(
                "SELECT brand FROM brand WHERE instr(source, ?) > 0 AND length(brand) <= 5 AND instr(brand, ' ') = 0",
                (EXACT_ONLY_MARKS[1],),
            )
        }
        mark = SYNONYM_PREFIX + "street name"
        street = {
            b for (b,) in con.execute("SELECT brand FROM brand WHERE substr(source, 1, ?) = ?", (len(mark), mark))
        }
        texts = con.execute("SELECT effect, mechanism, management, source FROM fact_text ORDER BY id").fetchall()
        pair_rows: dict[tuple[str, str], list[tuple[str, int, str]]] = defaultdict(list)
        for a, b, sev, text_id, origin in con.execute("SELECT a, b, severity, text_id, origin FROM interaction"):
            pair_rows[(a, b)].append((sev, text_id, origin))
        rules = {
            r[0]: Rule(r[0], r[1], r[2], Severity(r[3]), r[4], r[5], r[6], r[7])
            for r in con.execute("SELECT * FROM rule")
        }
        classes: dict[str, set[str]] = defaultdict(set)
        membership: dict[tuple[str, str], str] = {}
        for cls, ingredient, reference in con.execute("SELECT class, ingredient, reference FROM drug_class"):
            classes[cls].add(ingredient)
            if not reference.startswith(DEFAULT_MEMBERSHIP_PREFIX):
                membership[(cls, ingredient)] = reference
        everyday = frozenset(w for (w,) in con.execute("SELECT word FROM everyday_word"))
        prose_names = frozenset(n for (n,) in con.execute("SELECT name FROM prose_name"))
    finally:
        con.close()
    return DrugKnowledgeBase(
        version=meta.get("version", "unknown"),
        ingredients=ingredients,
        interacting=interacting,
        brands=dict(brands),
        synonyms=synonyms,
        pair_rows=dict(pair_rows),
        texts=texts,
        rules=rules,
        rule_sides=_rule_sides(rules, classes),
        membership=membership,
        classes=dict(classes),
        everyday_words=everyday,
        exact_only=frozenset(exact_only),
        prose_names=prose_names,
        cased_only=frozenset(cased_only),
        street_names=frozenset(street),
        meta=meta,
    )


def _rule_sides(rules: dict[str, Rule], classes: dict[str, set[str]]) -> dict[str, dict[str, int]]:
    sides: dict[str, dict[str, int]] = defaultdict(dict)
    for rule in rules.values():
        for cls, mask in ((rule.class_a, _SIDE_A), (rule.class_b, _SIDE_B)):
            for member in classes.get(cls, ()):
                sides[member][rule.id] = sides[member].get(rule.id, 0) | mask
    return dict(sides)


@lru_cache(maxsize=1)
def name_words() -> frozenset[str]:
    """Words (4+ letters) of every ingredient and brand name: redaction never takes them for a person's name.

    Street names ("molly", "mandy") and foreign brands that are common given names ("Telma") are left out: a patient
    called Molly or Telma must still be redacted.
    """
    kb = default_knowledge_base()
    names = [*kb.ingredients, *(b for b in kb.brands if b not in kb.street_names)]
    return frozenset(w for name in names for w in re.findall(r"[a-z]{4,}", name.lower()) if w not in _GIVEN_NAME_WORDS)


@lru_cache(maxsize=1)
def default_knowledge_base() -> DrugKnowledgeBase:
    """The bundled knowledge base, loaded once per process."""
    return load_knowledge_base()

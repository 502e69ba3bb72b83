"""The bundled drug-interaction knowledge base, loaded once into memory."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from tools.drugs.models import Severity

DEFAULT_PATH = Path(__file__).resolve().parent / "data" / "ddi_kb.sqlite"


@dataclass(frozen=True, slots=True)
class Fact:
    """One sourced statement about a pair of ingredients."""

    severity: Severity
    effect: str
    mechanism: str
    management: str
    source: str
    origin: str


@dataclass(slots=True)
class DrugKnowledgeBase:
    """In-memory view of the SQLite artifact: names, brands, classes and pair facts."""

    version: str
    ingredients: set[str]
    interacting: set[str]
    brands: dict[str, list[str]]
    facts: dict[tuple[str, str], list[Fact]]
    meta: dict[str, str] = field(default_factory=dict)

    def pair_facts(self, a: str, b: str) -> list[Fact]:
        """Facts about the unordered pair (a, b)."""
        key = (a, b) if a <= b else (b, a)
        return self.facts.get(key, [])


def load_knowledge_base(path: Path = DEFAULT_PATH) -> DrugKnowledgeBase:
    """Read the artifact; raises FileNotFoundError if the package data is missing."""
    if not path.is_file():
        raise FileNotFoundError(f"drug knowledge base not found at {path}; run scripts/build_drug_kb.py")
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
        ingredients: set[str] = set()
        interacting: set[str] = set()
        for name, flag in con.execute("SELECT name, interacting FROM ingredient"):
            ingredients.add(name)
            if flag:
                interacting.add(name)
        brands: dict[str, list[str]] = defaultdict(list)
        for brand, ingredient in con.execute("SELECT brand, ingredient FROM brand ORDER BY rowid"):
            brands[brand].append(ingredient)
        facts: dict[tuple[str, str], list[Fact]] = defaultdict(list)
        for a, b, sev, effect, mech, mgmt, source, origin in con.execute("SELECT * FROM interaction"):
            facts[(a, b)].append(Fact(Severity(sev), effect, mech, mgmt, source, origin))
    finally:
        con.close()
    return DrugKnowledgeBase(
        version=meta.get("version", "unknown"),
        ingredients=ingredients,
        interacting=interacting,
        brands=dict(brands),
        facts=dict(facts),
        meta=meta,
    )


@lru_cache(maxsize=1)
def default_knowledge_base() -> DrugKnowledgeBase:
    """The bundled knowledge base, loaded once per process."""
    return load_knowledge_base()

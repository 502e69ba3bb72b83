"""Write the knowledge-base SQLite artifact.

Class rules are stored as rules plus class memberships, not expanded into every pair: the expansion would be
hundreds of thousands of rows and make loading slow. The product pairs classes at check time.
Pair facts share their (often repeated) text through a ``fact_text`` table for the same reason.
"""

from __future__ import annotations

import hashlib
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE ingredient (name TEXT PRIMARY KEY, rxcui TEXT, drugbank_id TEXT, interacting INTEGER NOT NULL);
CREATE TABLE brand (brand TEXT NOT NULL, ingredient TEXT NOT NULL, source TEXT NOT NULL,
    PRIMARY KEY (brand, ingredient));
CREATE TABLE drug_class (class TEXT NOT NULL, ingredient TEXT NOT NULL, reference TEXT NOT NULL,
    PRIMARY KEY (class, ingredient));
CREATE TABLE rule (id TEXT PRIMARY KEY, class_a TEXT NOT NULL, class_b TEXT NOT NULL, severity TEXT NOT NULL,
    effect TEXT NOT NULL, mechanism TEXT NOT NULL, management TEXT NOT NULL, reference TEXT NOT NULL);
CREATE TABLE fact_text (id INTEGER PRIMARY KEY, effect TEXT NOT NULL, mechanism TEXT NOT NULL,
    management TEXT NOT NULL, source TEXT NOT NULL);
CREATE TABLE everyday_word (word TEXT PRIMARY KEY);
CREATE TABLE prose_name (name TEXT PRIMARY KEY);
CREATE TABLE interaction (a TEXT NOT NULL, b TEXT NOT NULL, severity TEXT NOT NULL, text_id INTEGER NOT NULL,
    origin TEXT NOT NULL);
"""


@dataclass(frozen=True, slots=True)
class KbRows:
    """Everything the artifact holds, as plain rows."""

    names: dict[str, tuple[str | None, str | None]]
    interacting: set[str]
    brands: list[tuple[str, str, str]]
    classes: dict[str, dict[str, str]]
    rules: list[dict[str, Any]]
    facts: list[tuple[str, str, str, str, str, str, str, str]]
    meta: dict[str, str]
    everyday: list[str]
    prose_names: list[str]


def write_kb(out: Path, kb: KbRows) -> dict[str, int]:
    """Write ``kb`` to ``out`` atomically (temp file, then rename); returns row counts."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    con.executescript(SCHEMA)
    con.executemany(
        "INSERT INTO ingredient VALUES (?, ?, ?, ?)",
        [(n, rx, db, int(n in kb.interacting)) for n, (rx, db) in sorted(kb.names.items()) if n],
    )
    con.executemany("INSERT OR IGNORE INTO brand VALUES (?, ?, ?)", kb.brands)
    con.executemany(
        "INSERT INTO drug_class VALUES (?, ?, ?)",
        [(c, m, ref) for c, members in sorted(kb.classes.items()) for m, ref in sorted(members.items())],
    )
    for r in kb.rules:
        if r["a"] not in kb.classes or r["b"] not in kb.classes:
            raise ValueError(f"rule {r['id']} names a class with no members")
    con.executemany(
        "INSERT INTO rule VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (r["id"], r["a"], r["b"], r["severity"], r["effect"], r["mechanism"], r["management"], r["reference"])
            for r in kb.rules
        ],
    )
    texts: dict[tuple[str, str, str, str], int] = {}
    rows = []
    for a, b, sev, effect, mech, mgmt, source, origin in kb.facts:
        text_id = texts.setdefault((effect, mech, mgmt, source), len(texts))
        rows.append((a, b, sev, text_id, origin))
    con.executemany("INSERT OR IGNORE INTO everyday_word VALUES (?)", [(w,) for w in kb.everyday])
    con.executemany("INSERT OR IGNORE INTO prose_name VALUES (?)", [(n,) for n in kb.prose_names])
    con.executemany("INSERT INTO fact_text VALUES (?, ?, ?, ?, ?)", [(i, *t) for t, i in texts.items()])
    con.executemany("INSERT INTO interaction VALUES (?, ?, ?, ?, ?)", rows)
    digest = hashlib.sha256()
    for table in ("interaction", "fact_text", "rule", "drug_class", "brand"):
        for row in con.execute(f"SELECT * FROM {table} ORDER BY 1, 2, 3"):  # noqa: S608 - fixed table names
            digest.update(repr(row).encode())
    counts = {
        t: int(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0])  # noqa: S608
        for t in ("ingredient", "brand", "drug_class", "rule", "fact_text", "interaction")
    }
    meta = {
        **kb.meta,
        "content_sha256": digest.hexdigest(),
        "facts": str(counts["interaction"]),
        "rules": str(counts["rule"]),
        "class_members": str(counts["drug_class"]),
    }
    con.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
    con.commit()
    con.execute("VACUUM")
    con.close()
    tmp.replace(out)
    return counts

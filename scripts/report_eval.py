"""Report evaluation (issue 23): scripted conversations -> drafted reports, scored against expected contents.

    python scripts/report_eval.py tune            # iterate on this split
    python scripts/report_eval.py test --write    # the held-out figure, written to docs/report-evaluation.md

Each case's expected section contents were written before the extractor existed (evaluation/data/report_cases_*.json).
Scores: a stated fact is recovered when its text appears (case-insensitive) in the named section; anything invented
is a forbidden text found, a "not stated" section that was filled, a medicine put on the wrong list, or a number or
asset id in a report section that appears nowhere in the conversation or the tool results.
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from retrieval.records import Hit, SearchResult  # noqa: E402
from tools.drugs import DrugNameResolver, check_drug_interactions, default_knowledge_base  # noqa: E402
from tools.drugs.render import interaction_output  # noqa: E402
from tools.reports import Report, draft_report, extract_case, gather  # noqa: E402
from tools.search_render import search_output  # noqa: E402

DATA = ROOT / "evaluation" / "data"
LOGS = ROOT / "retrieval" / "data" / "medical_equipment_logs.csv"
OUT = ROOT / "docs" / "report-evaluation.md"
_NUMBER = re.compile(r"\b\d+(?:\.\d+)?(?:/\d+)?\b")
_ASSET = re.compile(r"\b[A-Z]{2,5}-\d{2,6}[A-Z]?\b")


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.lower().replace("\u2019", "'"))


def _log_artifact(ids: list[str]) -> dict[str, Any]:
    rows = {r["log_id"]: r for r in csv.DictReader(LOGS.open(encoding="utf-8"))}
    hits = [
        Hit(
            citation_id=f"log:{i}",
            kind="log",
            title=f"{rows[i]['asset_id']} / {rows[i]['equipment']} / {rows[i]['date']}",
            snippet=f"{rows[i]['problem']} | Action: {rows[i]['action']}",
            score=1.0 - n / 10,
            metadata={"asset_id": rows[i]["asset_id"], "equipment": rows[i]["equipment"]},
        )
        for n, i in enumerate(ids)
    ]
    return search_output(SearchResult(query="q", expanded_query="q", hits=hits), "maintenance_logs").model_dump()


def artifacts(case: dict[str, Any], resolver: DrugNameResolver) -> list[dict[str, Any]]:
    """The tool results the scripted conversation produced: the drug check, log search or image analysis."""
    out: list[dict[str, Any]] = []
    if case.get("drug_check"):
        names = [m.typed for t in case["messages"] for m in resolver.find_in_text(t)]
        if len(names) >= 2:
            out.append(interaction_output(check_drug_interactions(names, resolver.kb, resolver)).model_dump())
    if case.get("log_hits"):
        out.append(_log_artifact(case["log_hits"]))
    if case.get("image"):
        cid = f"image:{case['id']}"
        out.append({"kind": "image_analysis", "data": case["image"], "citations": [{"id": cid}]})
    return out


def score(case: dict[str, Any], report: Report, sources: str, resolver: DrugNameResolver) -> dict[str, Any]:
    """Recovered facts, misses and inventions of one case."""
    sections = {k: v.text for k, v in report.sections().items()}
    prose = "\n".join(sections.values())
    # Log ids are checked in the sources list too (an unrelated entry must not be cited); other forbidden text,
    # such as "ddi:", is about the prose, where citation ids do not belong.
    cited = "\n".join(f"{e.id} {e.title}" for e in report.evidence)
    facts, misses, invented = 0, [], []
    for where, wanted in case.get("expected", {}).items():
        texts = [_norm(sections[s]) for s in where.split("|")]
        for fact in wanted:
            facts += 1
            if not any(_norm(fact) in t for t in texts):
                misses.append(f"{where}: {fact!r}")
    for name in case.get("not_stated", []):
        facts += 1  # saying "not stated" is itself the expected content
        if report.sections()[name].stated:
            invented.append(f"{name} should be not stated: {sections[name][:80]!r}")
    for where, bad in case.get("forbidden", {}).items():
        for b in bad:
            text = (
                (prose + (cited if _ASSET.search(b) or b.startswith("MEL-") else ""))
                if where == "*"
                else sections[where]
            )
            if _norm(b) in _norm(text):
                invented.append(f"{where} contains {b!r}")
    said = _norm(sources)
    for name, text in sections.items():
        for token in {*_NUMBER.findall(text), *_ASSET.findall(text)}:
            if _norm(token) not in said:
                invented.append(f"{name}: {token!r} is not in the conversation or tools")
    if "current" in case:
        c = extract_case(case["messages"], resolver.find_in_text)
        for attr in ("current", "asked"):
            # A medicine counts under the name the user typed or the ingredient it resolved to (paracetamol is the
            # knowledge base's acetaminophen).
            got = sorted({_norm(n) for m in getattr(c, attr) for n in (m.typed, *m.ingredients)})
            names = {_norm(n): m for m in getattr(c, attr) for n in (m.typed, *m.ingredients)}
            want = sorted(case.get(attr, []))
            facts += len(want)
            misses += [f"{attr} medicine {w!r}" for w in want if w not in got]
            extra = {id(m) for n, m in names.items()} - {id(names[w]) for w in want if w in names}
            invented += [
                f"{attr} medicine {m.typed!r} was not stated as {attr}" for m in getattr(c, attr) if id(m) in extra
            ]
    return {"id": case["id"], "kind": case["kind"], "facts": facts, "misses": misses, "invented": invented}


def run(split: str) -> list[dict[str, Any]]:
    """Score every case of a split."""
    kb = default_knowledge_base()
    resolver = DrugNameResolver(kb)
    cases = json.loads((DATA / f"report_cases_{split}.json").read_text())["cases"]
    results = []
    for case in cases:
        arts = artifacts(case, resolver)
        evidence = gather(case["messages"], arts, reader=resolver.find_in_text)
        report = draft_report(case["kind"], evidence)
        sources = "\n".join(case["messages"]) + "\n" + json.dumps(arts)
        results.append(score(case, report, sources, resolver))
    return results


def table(split: str, results: list[dict[str, Any]]) -> str:
    """Markdown: per kind and overall, facts recovered and inventions, then every miss and invention."""
    lines = [f"### Split `{split}` ({len(results)} conversations)", ""]
    lines += ["| kind | cases | stated facts | recovered | recall | invented |", "|---|---|---|---|---|---|"]
    for kind in [*sorted({r["kind"] for r in results}), "all"]:
        rs = [r for r in results if kind in ("all", r["kind"])]
        facts = sum(r["facts"] for r in rs)
        got = facts - sum(len(r["misses"]) for r in rs)
        bad = sum(len(r["invented"]) for r in rs)
        lines.append(f"| {kind} | {len(rs)} | {facts} | {got} | {100 * got / max(facts, 1):.1f}% | {bad} |")
    problems = [(r["id"], "miss", m) for r in results for m in r["misses"]]
    problems += [(r["id"], "invented", m) for r in results for m in r["invented"]]
    lines += ["", "Misses and inventions:" if problems else "No misses and nothing invented.", ""]
    lines += [f"- {cid} ({what}): {m}" for cid, what, m in problems]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> None:
    split = argv[0] if argv else "tune"
    results = run(split)
    text = table(split, results)
    print(text)
    if "--write" in argv:
        marker = f"<!-- split:{split} -->"
        doc = OUT.read_text() if OUT.exists() else ""
        block = f"{marker}\n{text}{marker}"
        doc = re.sub(re.escape(marker) + r".*?" + re.escape(marker), lambda _: block, doc, flags=re.S)
        if marker not in doc:
            doc += "\n" + block + "\n"
        OUT.write_text(doc)


if __name__ == "__main__":
    main(sys.argv[1:])

"""Paraphrase evaluation of log and document search: recall@5 and MRR by mode, every miss listed.

The questions (evaluation/data/log_paraphrases.csv, doc_paraphrases.csv) were written blind to the code, each a
paraphrase of one log entry's problem or one note's section; scripts/retrieval_paraphrase_split.py split them once
into tune and test halves. Tune on ``--split tune``; report ``--split test --write`` (docs/retrieval-evaluation.md).

Judges: a log question is answered by any hit whose problem text equals the entry's once normalised (entries with the
same problem are one fault); a document question by a hit from the named file and section.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from retrieval import DEMO_DATA, default_embedder  # noqa: E402
from retrieval.ingest import ingest_logs  # noqa: E402
from retrieval.ingest_docs import ingest_docs  # noqa: E402
from retrieval.records import ACTION_SEPARATOR, Hit  # noqa: E402
from retrieval.search import Retriever  # noqa: E402
from retrieval.shorthand import default_shorthand  # noqa: E402
from retrieval.store import VectorStore, open_client  # noqa: E402

DATA = ROOT / "evaluation" / "data"
DOC = ROOT / "docs" / "retrieval-evaluation.md"
LOG_FILES = ("medical_equipment_logs.csv", "maintnet_aviation_logs.csv")
MODES = {"dense": "dense", "lexical": "lexical", "fusion": "fused", "fused": "fused + second stage"}
K = 5


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", default_shorthand().normalise(text)).strip()


def _rows(name: str, split: str) -> list[dict[str, str]]:
    with (DATA / f"{name}_{split}.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _log_rank(hits: list[Hit], row: dict[str, str]) -> int | None:
    want = _key(row["entry_problem"])
    for i, hit in enumerate(hits):
        problem = str(hit.metadata.get("problem") or hit.snippet.partition(ACTION_SEPARATOR)[0])
        if _key(problem) == want:
            return i
    return None


def _doc_rank(hits: list[Hit], row: dict[str, str]) -> int | None:
    for i, hit in enumerate(hits):
        if hit.metadata.get("path") == row["file"] and hit.metadata.get("section") == row["heading"]:
            return i
    return None


def evaluate(retriever: Retriever, split: str) -> dict[str, object]:
    """Scores per set and mode, with the misses of every mode."""
    out: dict[str, object] = {}
    for name, search, rank, want in (
        ("log_paraphrases", retriever.search_logs, _log_rank, "entry_problem"),
        ("doc_paraphrases", retriever.search_knowledge, _doc_rank, "heading"),
    ):
        rows = _rows(name, split)
        per_mode: dict[str, object] = {}
        for mode in MODES:
            found, rr, misses = 0, 0.0, []
            for row in rows:
                hits = search(row["question"], k=K, mode=mode).hits
                got = rank(hits, row)
                if got is None:
                    top = hits[0].snippet.partition(ACTION_SEPARATOR)[0][:70] if hits else ""
                    misses.append({"question": row["question"], "style": row["style"], "want": row[want], "top": top})
                else:
                    found += 1
                    rr += 1 / (got + 1)
            per_mode[mode] = {
                "questions": len(rows),
                "recall@5": round(found / max(1, len(rows)), 3),
                "mrr": round(rr / max(1, len(rows)), 3),
                "misses": misses,
            }
        out[name] = per_mode
    return out


def build_retriever(directory: Path) -> Retriever:
    """Both log corpora and the knowledge notes in an embedded Chroma under ``directory``."""
    store = VectorStore(open_client("embedded", directory), default_embedder())
    for name in LOG_FILES:
        ingest_logs(DEMO_DATA / name, store, default_shorthand())
    ingest_docs(DEMO_DATA / "knowledge", store)
    return Retriever(store, default_shorthand())


def render(scores: dict[str, object], split: str) -> str:
    """The Markdown report: a table per set, then the misses of the product's mode (fused + second stage)."""
    lines = [
        "# Retrieval evaluation: paraphrased questions (issue 26)",
        "",
        f"Run {dt.datetime.now():%Y-%m-%d %H:%M} with `python scripts/retrieval_paraphrase_eval.py --split {split} "
        "--write`, on the **" + split + "** half.",
        "",
    ]
    for name, per_mode in scores.items():
        assert isinstance(per_mode, dict)
        lines += [f"## {name} ({split})", "", "| mode | questions | recall@5 | MRR | misses |", "|---|---|---|---|---|"]
        for mode, label in MODES.items():
            s = per_mode[mode]
            lines.append(f"| {label} | {s['questions']} | {s['recall@5']} | {s['mrr']} | {len(s['misses'])} |")
        lines += ["", "Misses of fused + second stage (the tools' mode): question (style) -> wanted; top hit.", ""]
        for miss in per_mode["fused"]["misses"]:
            lines.append(f'- "{miss["question"]}" ({miss["style"]}) -> {miss["want"]!r}; top: {miss["top"]!r}')
        lines.append("")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("tune", "test"), default="tune")
    parser.add_argument(
        "--write", action="store_true", help="write the results section of docs/retrieval-evaluation.md"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        scores = evaluate(build_retriever(Path(tmp)), args.split)
    summary = {
        n: {m: {k: v for k, v in s.items() if k != "misses"} for m, s in per.items()} for n, per in scores.items()
    }  # type: ignore[attr-defined]
    print(json.dumps(summary, indent=1))
    if args.write:
        text = DOC.read_text(encoding="utf-8") if DOC.exists() else ""
        start, end = "<!-- results -->", "<!-- /results -->"
        block = f"{start}\n{render(scores, args.split)}\n{end}"
        text = re.sub(f"{start}.*{end}", lambda _: block, text, flags=re.S) if start in text else block + "\n" + text
        DOC.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()

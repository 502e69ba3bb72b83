"""Run benchmarks and update their sections of docs/benchmarks.md: ``python -m bench [drugs images ...]``.

Each benchmark owns one dated section; running a subset leaves the other sections as they were.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path

from bench import agent, answers, drugs, http, images, injection, redaction, reports, retrieval, serving, triage
from bench.machine import machine, versions

BENCHMARKS: dict[str, Callable[[], dict[str, object]]] = {
    "triage": triage.run,
    "answers": answers.run,
    "drugs": drugs.run,
    "retrieval": retrieval.run,
    "images": images.run,
    "agent": agent.run,
    "serving": serving.run,
    "http": http.run,
    "reports": reports.run,
    "redaction": redaction.run,
    "injection": injection.run,
}
TITLES = {
    "triage": "Red-flag triage (issue 17)",
    "answers": "Answer latency per turn kind, embedded server (issue 20)",
    "drugs": "Drug interactions (issue 4)",
    "retrieval": "Retrieval (issue 5)",
    "images": "Images (issue 6)",
    "agent": "Agent overhead, scale and memory (issue 10)",
    "serving": "Serving through the agent vs straight to vLLM (issue 3)",
    "http": "HTTP service overhead: /v1/turns and /v1/chat/completions (issue 24)",
    "reports": "Reports: draft, decide, export (issue 23)",
    "redaction": "Redaction before the model (issue 19)",
    "injection": "Instruction-like text in retrieved passages (issue 19)",
}
OUT = Path(__file__).resolve().parents[1] / "docs" / "benchmarks.md"
HEADER = [
    "# Benchmarks",
    "",
    "Reproduce with `make bench` or `python -m bench [NAME ...]`. Each section records its own run: date, machine,",
    "versions, and the median and spread of repeated runs in one process; ratios compare against a baseline",
    "measured in the same run.",
    "",
]


def section(name: str, result: dict[str, object], notes: str = "") -> str:
    lines = [
        f"<!-- bench:{name} -->",
        f"## {TITLES.get(name, name)}",
        "",
        f"Run {dt.datetime.now().strftime('%Y-%m-%d %H:%M')} on {machine()}.",
        f"Versions: {versions('langgraph', 'langchain-core', 'chromadb', 'pydicom', 'pylibjpeg-openjpeg', 'numpy')}.",
    ]
    timed = {k: v for k, v in result.items() if isinstance(v, dict) and "median_ms" in v}
    if timed:
        lines += ["", "| measure | median ms | p95 ms | min ms | max ms | runs |", "|---|---|---|---|---|---|"]
    for key, value in timed.items():
        lines.append(
            f"| {key} | {value['median_ms']:.3f} | {value['p95_ms']:.3f} | {value['min_ms']:.3f} | "
            f"{value['max_ms']:.3f} | {value['runs']} |"
        )
    lines.append("")
    lines += [f"- {k}: {json.dumps(v)}" for k, v in result.items() if k not in timed]
    if notes:
        lines += ["", notes.strip()]
    lines += ["", f"<!-- /bench:{name} -->"]
    return "\n".join(lines)


def existing_sections(text: str) -> dict[str, str]:
    pattern = re.compile(r"<!-- bench:(\w+) -->.*?<!-- /bench:\1 -->", re.S)
    return {m.group(1): m.group(0) for m in pattern.finditer(text)}


def main(names: list[str]) -> None:
    unknown = [n for n in names if n not in BENCHMARKS]
    if unknown:
        raise SystemExit(f"unknown benchmark(s) {unknown}; choose from {sorted(BENCHMARKS)}")
    sections = existing_sections(OUT.read_text()) if OUT.exists() else {}
    for name in names or list(BENCHMARKS):
        result = BENCHMARKS[name]()
        print(name, json.dumps(result, indent=2))
        notes = getattr(sys.modules[BENCHMARKS[name].__module__], "NOTES", "")  # how to read the numbers
        sections[name] = section(name, result, notes)
    ordered = [sections[n] for n in BENCHMARKS if n in sections]
    OUT.write_text("\n".join(HEADER) + "\n" + "\n\n".join(ordered) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])

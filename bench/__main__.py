"""Run benchmarks and write a dated table to docs/benchmarks.md: ``python -m bench [drugs ...]``."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from bench import drugs, retrieval
from bench.machine import machine, versions

BENCHMARKS = {"drugs": drugs.run, "retrieval": retrieval.run}
OUT = Path(__file__).resolve().parents[1] / "docs" / "benchmarks.md"


def main(names: list[str]) -> None:
    chosen = names or list(BENCHMARKS)
    lines = [
        "# Benchmarks",
        "",
        f"Run {dt.datetime.now().strftime('%Y-%m-%d %H:%M')} on {machine()}.",
        f"Versions: {versions('langgraph', 'langchain-core', 'rapidfuzz', 'pydantic')}.",
        "Medians and spread of repeated runs in one process (`python -m bench`).",
        "",
    ]
    for name in chosen:
        result = BENCHMARKS[name]()
        print(name, json.dumps(result, indent=2))
        lines += [
            f"## {name}",
            "",
            "| measure | median ms | p95 ms | min ms | max ms | runs |",
            "|---|---|---|---|---|---|",
        ]
        for key, value in result.items():
            if isinstance(value, dict) and "median_ms" in value:
                lines.append(
                    f"| {key} | {value['median_ms']:.3f} | {value['p95_ms']:.3f} | {value['min_ms']:.3f} | "
                    f"{value['max_ms']:.3f} | {value['runs']} |"
                )
        lines += (
            [""]
            + [f"- {k}: {json.dumps(v)}" for k, v in result.items() if not (isinstance(v, dict) and "median_ms" in v)]
            + [""]
        )
    OUT.write_text("\n".join(lines))


if __name__ == "__main__":
    main(sys.argv[1:])

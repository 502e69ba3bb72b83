"""Collect real SmolLM2 sentences for the grounding evaluation: run questions through the agent on the embedded
server and record, per model sentence, the evidence it must be checked against. Labels are written separately, by
a reader who never sees the checker (evaluation/data/model_sentences_labels.csv).
"""

from __future__ import annotations

import asyncio
import csv
import json
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from agent.answering import evidence  # noqa: E402
from agent.personas import get_persona  # noqa: E402
from app.service import CareForge, default_resources  # noqa: E402
from core.settings import Settings  # noqa: E402

OUT = ROOT / "evaluation" / "data" / "model_sentences.jsonl"
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]")


async def main(limit: int) -> None:
    data = Path(tempfile.mkdtemp())
    settings = Settings(conversation_db=data / "c.sqlite", audit_db=data / "a.sqlite", addendum_tokens=80)
    agent = CareForge(settings, resources=default_resources(settings))
    with (ROOT / "evaluation" / "data" / "drug_questions_tune.csv").open(newline="", encoding="utf-8") as fh:
        questions = [(r["persona"], r["question"]) for r in csv.DictReader(fh)][:limit]
    rows = []
    for n, (persona, question) in enumerate(questions):
        result = await agent.arun(question, persona=persona, routing="rules", thread_id=f"s{n}")
        if not result.prose or not result.tool_calls:
            continue
        head = result.answer.split("\n\nSources:")[0]
        ev = evidence(result.tool_calls, result.citations, head, question, get_persona(persona))
        for sentence in _SENTENCE.findall(result.prose):
            rows.append({"id": f"s{n}-{len(rows)}", "persona": persona, "question": question,
                         "evidence": ev.text, "sentence": sentence.strip()})
    OUT.write_text("".join(json.dumps(r) + "\n" for r in rows))
    print(f"{len(rows)} sentences from {len(questions)} questions -> {OUT}")


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 120))

"""The triage evaluation set: at least 150 labelled messages, recall 100% and false positives under 5%."""

from __future__ import annotations

from pathlib import Path

from agent.triage_eval import score_triage

EVAL_SET = Path(__file__).resolve().parents[1] / "data" / "triage_eval.csv"


def test_triage_catches_every_emergency_and_few_look_alikes() -> None:
    score = score_triage(EVAL_SET)
    print(  # noqa: T201 - the report this test exists to give (pytest -s shows it)
        f"triage: {score.emergencies} emergencies, recall {score.recall:.1%}; "
        f"{score.benign} look-alikes, false positives {score.false_positive_rate:.1%}"
    )
    assert score.emergencies + score.benign >= 150
    assert score.misses == [] and score.recall == 1.0
    assert score.false_positive_rate < 0.05, score.wrong_alarms

"""Recall and false-positive rate of the red-flag triage on a labelled message set."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from agent.triage import detect_red_flags


@dataclass(slots=True)
class TriageScore:
    """Counts over one labelled set: emergencies caught, look-alikes wrongly flagged, and the misses."""

    emergencies: int = 0
    caught: int = 0
    benign: int = 0
    false_positives: int = 0
    misses: list[str] = field(default_factory=list)
    wrong_alarms: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        """Emergencies flagged with the right category, over all emergencies."""
        return self.caught / self.emergencies if self.emergencies else 1.0

    @property
    def false_positive_rate(self) -> float:
        """Non-emergencies flagged, over all non-emergencies."""
        return self.false_positives / self.benign if self.benign else 0.0


def score_triage(path: Path) -> TriageScore:
    """Score a CSV with columns domain, expected (a red-flag key or ``none``) and message."""
    score = TriageScore()
    with path.open(newline="") as handle:
        for row in csv.DictReader(handle):
            found = {flag.key for flag in detect_red_flags(row["message"], row["domain"])}
            if row["expected"] == "none":
                score.benign += 1
                if found:
                    score.false_positives += 1
                    score.wrong_alarms.append(f"{row['message']} -> {sorted(found)}")
            else:
                score.emergencies += 1
                if row["expected"] in found:
                    score.caught += 1
                else:
                    score.misses.append(f"{row['message']} (expected {row['expected']}, got {sorted(found)})")
    return score

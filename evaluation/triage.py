"""Triage evaluation: emergency recall and look-alike false positives on a labelled message set.

Sets are CSV files with columns persona, category (a key, several joined by "|", or the look-alike's resemblance),
kind ("emergency" or a look-alike kind) and message. The tune split is for choosing thresholds and exemplars; the
test split is only ever scored.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

from safety.triage import Triage

DATA = Path(__file__).resolve().parent / "data"
TUNE = DATA / "triage_tune.csv"
TEST = DATA / "triage_test.csv"
V2_TUNE = DATA / "triage_v2_tune.csv"  # a second writer's set (tune half; its test half is only ever scored)
V3_TUNE = DATA / "triage_v3_tune.csv"  # a third writer's set, same category names as the second's (tune half)
V4_TUNE = DATA / "triage_v4_tune.csv"  # a fourth writer's set, the same category names again (tune half)
# The second and third writers' category names, as the product's keys (any one counts as the right category).
V2_CATEGORIES = {
    "cardiac": "chest_pain",
    "suicide_self_harm": "suicide",
    "harm_to_others": "harm_others",
    "overdose_poisoning": "overdose",
    "seizure_glycaemia": "seizure|glucose",
    "bleeding_head_injury": "bleeding|head_injury",
    "fire_smoke": "smoke_fire",
    "electrical_shock": "electrical",
    "overpressure": "pressure",
    "confined_space_lockout": "confined_space|lockout",
    "chemical_exposure": "chemical",
    "casualty": "unconscious|electrical|head_injury|bleeding",
}


@dataclass(frozen=True, slots=True)
class Case:
    """One labelled message."""

    persona: str
    categories: frozenset[str]
    kind: str
    message: str
    style: str = ""

    @property
    def emergency(self) -> bool:
        """Whether the message must be flagged."""
        return self.kind == "emergency"


def load_cases(path: Path) -> list[Case]:
    """Read a labelled set; the second writer's category names are mapped to the product's keys."""
    with path.open(newline="", encoding="utf-8") as handle:
        return [
            Case(
                r["persona"],
                frozenset("|".join(V2_CATEGORIES.get(c, c) for c in r["category"].split("|")).split("|")),
                r["kind"],
                r["message"],
                r.get("style") or "",
            )
            for r in csv.DictReader(handle)
        ]


@dataclass(slots=True)
class TriageScore:
    """Emergencies flagged (any category, and the expected one) and look-alikes wrongly flagged."""

    emergencies: int = 0
    flagged: int = 0
    right_category: int = 0
    lookalikes: int = 0
    false_positives: int = 0
    misses: list[str] = field(default_factory=list)
    wrong_category: list[str] = field(default_factory=list)
    wrong_alarms: list[str] = field(default_factory=list)
    by_detector: dict[str, int] = field(default_factory=dict)

    @property
    def recall(self) -> float:
        """Emergencies that raised any flag (guidance shown first), over all emergencies."""
        return self.flagged / self.emergencies if self.emergencies else 1.0

    @property
    def category_accuracy(self) -> float:
        """Emergencies whose flags include an expected category."""
        return self.right_category / self.emergencies if self.emergencies else 1.0

    @property
    def false_positive_rate(self) -> float:
        """Look-alikes that raised a flag, over all look-alikes."""
        return self.false_positives / self.lookalikes if self.lookalikes else 0.0


def score(triage: Triage, cases: list[Case]) -> TriageScore:
    """Run triage over every case and count."""
    result = TriageScore()
    for case in cases:
        flags = triage.assess(case.message).flags
        keys = {f.key for f in flags}
        for f in flags:
            name = "+".join(f.detectors)
            result.by_detector[name] = result.by_detector.get(name, 0) + 1
        if case.emergency:
            result.emergencies += 1
            if keys:
                result.flagged += 1
                if keys & case.categories:
                    result.right_category += 1
                else:
                    result.wrong_category.append(
                        f"{case.message} (expected {'|'.join(sorted(case.categories))}, got {sorted(keys)})"
                    )
            else:
                result.misses.append(f"{case.message} (expected {'|'.join(sorted(case.categories))})")
        else:
            result.lookalikes += 1
            if keys:
                result.false_positives += 1
                result.wrong_alarms.append(f"[{case.kind}] {case.message} -> {sorted(keys)}")
    return result

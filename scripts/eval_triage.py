"""Score triage on the tune and test splits and write the triage section of docs/evaluation.md.

Reports both detectors together (what the product runs) and each alone, with every test miss and false alarm.
"""

from __future__ import annotations

import csv
import datetime as dt
import platform
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from evaluation.report import write_section  # noqa: E402
from evaluation.triage import DATA, TEST, TUNE, TriageScore, load_cases, score  # noqa: E402
from retrieval import default_embedder  # noqa: E402
from safety.triage import SemanticDetector, Triage  # noqa: E402
from safety.triage.detector import TriageResult  # noqa: E402


class SemanticOnly(Triage):
    def assess(self, text: str) -> TriageResult:
        full = super().assess(text)
        return TriageResult([f for f in full.flags if "semantic" in f.detectors])


def row(name: str, s: TriageScore) -> str:
    return (
        f"| {name} | {s.emergencies} | {s.recall:.1%} ({s.flagged}) | {s.category_accuracy:.1%} | "
        f"{s.lookalikes} | {s.false_positive_rate:.1%} ({s.false_positives}) |"
    )


def main() -> None:
    detector = SemanticDetector(default_embedder())
    both, rules, semantic = Triage(detector), Triage(None), SemanticOnly(detector)
    tune = load_cases(TUNE) + load_cases(DATA / "triage_own.csv")
    test = load_cases(TEST)
    scores = {
        name: (score(t, tune), score(t, test))
        for name, t in (("rules + semantic", both), ("rules only", rules), ("semantic only", semantic))
    }
    final = scores["rules + semantic"][1]
    with (DATA / "drug_questions_test.csv").open(newline="", encoding="utf-8") as handle:
        ordinary = [r["question"] for r in csv.DictReader(handle)]
    alarms = [q for q in ordinary if both.assess(q).flags]
    lines = [
        "## Red-flag triage",
        "",
        f"Run {dt.date.today()} with `python scripts/eval_triage.py` on {platform.machine()}. "
        "The blind set (`evaluation/data/triage_set_*.csv`, written from NHS 111/999 lists, NICE red flags, the "
        "Manchester Triage System, ESI, OSHA and HSE stop-work conditions by a writer who never saw the code) was "
        "split once (`scripts/split_eval_sets.py`, seeded, stratified by category) into tune and test. The probe and "
        "its threshold (`safety/triage/data/probe.npz`, `probe.json`, fitted by `scripts/tune_triage.py`), the "
        "exemplars and the rules' context filters were chosen on tune (plus the team's own 209 messages). The probe "
        "was fitted on tune, so its tune rows are in-sample; its honest tune estimate is the 5-fold cross-validation "
        "in `probe.json`. The test split was scored three times: first with the probe on the original rules (recall "
        "92.9%, false positives 42.1%); then after the rules learned, from tune's false alarms, to set aside "
        "sentences about leaflets, teaching, paperwork, plans and past events (94.4%, 35.9%); then after two guards "
        "found by the unit tests (segments under three words, and segments that open with a negation, are left to "
        "the rules; 94.4%, 34.4%); then a fourth time after ordinary questions (the tune half of the blind "
        "medication questions and the end-to-end cases) joined the probe's negatives, because a unit test showed "
        "'tramadol with sertraline?' flagged as a crisis; a fifth after one more rule phrase from the Samaritans' "
        "warning signs (recall 93.3%, false positives 36.4%); a sixth after changes chosen by cross-validation on "
        "tune alone (the probe became a 128-unit MLP that reads a message of up to 60 words whole and a longer one "
        "whole and per segment, a segment needing a stricter threshold; the rules gained the NEWS2 escalation rule "
        "and emergency phrases in eleven other languages: recall 92.6%, false positives 24.1%). A second blind set "
        "by another writer (`triage_set_v2.csv`, 944 messages, split once) then showed the detector did not carry "
        "to new phrasings (its test half, scored by `scripts/eval_triage_v2.py`: recall 87.7%, false positives "
        "21.4%). The probe was refitted on both writers' tune halves with the threshold chosen by cross-writer "
        "validation (train on one writer, score the other) for 95% recall, trading false positives for recall, "
        "and more foreign-language rules were written; the second set's test half then gave recall 88.8%, false "
        "positives 17.7%, 17 of its 30 misses non-English (this split's seventh scoring: 95.2%, 28.7%). A third "
        "writer's set (`triage_set_v3.csv`, 758 messages) gave on its test half 84.6% and 21.8%, 19 of 30 misses "
        "non-English. The probe was refitted on all three writers' tune halves, threshold by leave-one-writer-out "
        "on English messages, and a per-language symptom lexicon (co-occurrence of a symptom word with urgency or "
        "a second symptom, negation-aware) and a joke-marker filter were added; the second writer's test half then "
        "gave 89.9% and 15.3%, the third's 89.7% and 18.6%. The table is the eighth scoring of this test split, "
        "after that change; nothing was changed after it. Recall counts an emergency that "
        "raised any flag (its guidance is shown first); category accuracy counts one whose flags include an "
        "expected category.",
        "",
        "| detector | split | emergencies | recall | category right | look-alikes | false positives |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, (s_tune, s_test) in scores.items():
        lines.append(row(f"{name} | tune", s_tune))
        lines.append(row(f"{name} | **test**", s_test))
    lines += [
        "",
        f"Targets on test: recall 100% (met: {'yes' if final.recall == 1.0 else 'no'}), look-alike false "
        f"positives under 3% (met: {'yes' if final.false_positive_rate < 0.03 else 'no'}).",
        "",
        "Flags raised on test, by the detectors that raised them: "
        + ", ".join(f"{k} {v}" for k, v in sorted(final.by_detector.items()))
        + ".",
        "",
        f"Ordinary medication questions (the blind drug-question test split, {len(ordinary)} questions, none an "
        f"emergency): {len(alarms)} flagged ({len(alarms) / len(ordinary):.1%}).",
        "",
        f"### Test misses ({len(final.misses)})",
        "",
    ]
    lines += [f"- {m}" for m in final.misses] or ["- none"]
    lines += ["", f"### Test false alarms ({len(final.wrong_alarms)})", ""]
    lines += [f"- {m}" for m in final.wrong_alarms] or ["- none"]
    lines += ["", f"### Test emergencies flagged under another category ({len(final.wrong_category)})", ""]
    lines += [f"- {m}" for m in final.wrong_category] or ["- none"]
    body = "\n".join(lines)
    write_section(ROOT / "docs" / "evaluation.md", "triage", body)
    print(body)


if __name__ == "__main__":
    main()

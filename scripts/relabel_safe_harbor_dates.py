"""One-off relabelling of writer 1's redaction set to HIPAA Safe Harbor dates (session 13).

Writer 1 listed a day and month without a year ("seen on 12/03") among the strings to keep; writers 5 to 13 list
them as identifiers, as Safe Harbor does for every date element but the year of a date tied to a person (admission,
discharge, test, appointment, procedure). Dates of a patient's episode become ``date`` identifiers; dates that are
no patient's (an EHR downtime, a training session, a staff account) leave the keep list and are not scored either
way. Durations and scores ("review 6/52", "pain 4/10") stay kept. Idempotent.
Usage: python scripts/relabel_safe_harbor_dates.py
"""

from __future__ import annotations

import json
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "evaluation" / "data"
# (row of redaction_set.jsonl, the kept date string): a patient's episode date, now an identifier.
PATIENT = (
    (4, "12/03"), (48, "02/04"), (66, "10/05"), (70, "11/18"), (75, "14/09"), (83, "12/03"), (167, "26/06"),
    (217, "06/03"), (220, "10/06"), (220, "17/06"), (232, "03/03"), (249, "08/02"), (270, "09/10"), (283, "14/02"),
    (288, "5/6"), (295, "10/14"), (312, "04/11"), (313, "02/05"), (316, "05/08"), (318, "01/06"), (331, "3/2"),
    (333, "12/31"), (342, "11/03"), (347, "6/12"),
)  # fmt: skip
# No patient's date: a staff account, an outage, a teaching session, a relative's flight. Unscored.
UNSCORED = ((104, "30/11"), (112, "01/06"), (192, "14/11"), (205, "19/02"), (304, "21/03"), (321, "18/03"))


def relabel(row: dict[str, object], value: str, identifier: bool) -> None:
    keep = row["keep"]
    assert isinstance(keep, list)
    if value in keep:
        keep.remove(value)
    identifiers = row["identifiers"]
    assert isinstance(identifiers, list)
    if identifier and {"kind": "date", "value": value} not in identifiers:
        identifiers.append({"kind": "date", "value": value})


def main() -> None:
    path = DATA / "redaction_set.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    by_text: dict[str, dict[str, object]] = {}
    for number, value in PATIENT + UNSCORED:
        assert value in rows[number]["text"], (number, value)
        relabel(rows[number], value, (number, value) in PATIENT)
        by_text[rows[number]["text"]] = rows[number]
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    for part in ("tune", "test"):  # the split halves carry the same rows
        split = DATA / f"redaction_set_{part}.jsonl"
        halves = [json.loads(line) for line in split.read_text(encoding="utf-8").splitlines() if line]
        halves = [by_text.get(r["text"], r) for r in halves]
        split.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in halves), encoding="utf-8")


if __name__ == "__main__":
    main()

"""The case comes from the conversation, not the request: facts as stated, current versus asked-about medicines."""

from __future__ import annotations

import csv
from pathlib import Path

from retrieval.records import Hit, SearchResult
from tools.reports import draft_report, extract_case, gather, to_markdown
from tools.reports.render import report_output, review_hint
from tools.search_render import search_output

LOGS = Path(__file__).resolve().parents[2] / "retrieval" / "data" / "medical_equipment_logs.csv"
JONES = [
    "Mr Jones in bed 4, ward 7B, 78 years old, admitted with pneumonia. He is on warfarin 5 mg daily. INR today 4.2, "
    "BP 150/90, SpO2 94% on 2 L. He asked if he can take ibuprofen for his back pain.",
    "Please draft the SBAR nursing handoff report for Mr Jones.",
]


def test_the_case_keeps_values_as_stated_and_separates_current_from_asked_medicines() -> None:
    case = extract_case(JONES)
    assert (case.bed, case.ward, case.age) == ("4", "ward 7B", "78")
    assert case.measurements == ["INR 4.2", "BP 150/90", "SpO2 94% on 2 L"]
    assert [m.label() for m in case.current] == ["warfarin 5 mg"]
    assert [m.label() for m in case.asked] == ["ibuprofen"] and case.reasons == ["back pain"]


def test_a_time_is_not_read_as_a_lab_value() -> None:
    assert extract_case(["Plan: repeat lactate at 22:00"]).measurements == []


def test_handoff_sections_hold_the_case_not_the_request_and_no_name_by_default() -> None:
    report = draft_report("nursing_handoff", gather(JONES, []))
    sections = {k: v.text for k, v in report.sections().items()}
    assert sections["situation"].startswith("Patient in bed 4, ward 7B, age 78")
    assert "Current medicines: warfarin 5 mg" in sections["background"] and "ibuprofen" not in sections["background"]
    assert "INR 4.2" in sections["assessment"]
    assert "Asked about: ibuprofen (for back pain); not a current medicine." in sections["recommendation"]
    markdown = to_markdown(report)
    assert "Jones" not in markdown and "Please draft" not in markdown
    assert "Jones" not in report_output(report).summary  # what the model reads never names the patient


def test_the_name_appears_only_where_the_deployment_allows_it() -> None:
    report = draft_report("nursing_handoff", gather(JONES, []), allow_names=True)
    assert report.subject == "Mr Jones in bed 4, ward 7B, age 78"
    assert "Jones" not in report_output(report).summary


def _hits(*ids: str) -> dict:
    rows = {r["log_id"]: r for r in csv.DictReader(LOGS.open(encoding="utf-8"))}
    hits = [
        Hit(
            citation_id=f"log:{i}",
            kind="log",
            title=f"{rows[i]['asset_id']} / {rows[i]['date']}",
            snippet=f"{rows[i]['problem']} | Action: {rows[i]['action']}",
            score=0.5,
            metadata={"asset_id": rows[i]["asset_id"]},
        )
        for i in ids
    ]
    return search_output(SearchResult(query="q", expanded_query="q", hits=hits), "maintenance_logs").model_dump()


def test_a_work_order_keeps_only_the_fault_asked_about_and_shows_a_repeated_fix_once() -> None:
    # The case: IP-0121 occlusion alarm; the search also returned battery and fan faults.
    texts = ["IP-0121 upstream occlusion alarm keeps going off with a free-flowing bag", "draft a work order"]
    report = draft_report(
        "work_order", gather(texts, [_hits("MEL-00053", "MEL-00083", "MEL-00052", "MEL-00082", "MEL-00039")])
    )
    sections = {k: v.text for k, v in report.sections().items()}
    assert "battery" not in to_markdown(report).lower() and "fan" not in to_markdown(report).lower()
    assert sections["probable_cause"].count("dried dextrose") == 1  # the shorthand copy is not repeated
    assert [e.id for e in report.evidence] == ["log:MEL-00053", "log:MEL-00052"]
    assert sections["parts"].startswith("not stated")  # the cited fixes replaced nothing
    assert to_markdown(report).count("## Sources") == 1 and "## Evidence" not in to_markdown(report)


def test_parts_come_from_the_cited_fixes() -> None:
    texts = ["DF-0114 fails daily self test, charge time too long", "work order"]
    report = draft_report("work_order", gather(texts, [_hits("MEL-00147", "MEL-00163")]))
    assert report.sections()["parts"].text == "battery"
    assert [e.id for e in report.evidence] == ["log:MEL-00147"]


def test_ask_can_say_that_a_draft_waits_and_how_to_decide_it() -> None:
    report = draft_report("nursing_handoff", gather(["prepare an SBAR handoff"], []))
    hint = review_hint({"report": report.model_dump(mode="json")}, "t-9")
    assert "waits for review by a nurse" in hint
    assert "careforge report decide t-9 approve --editor NAME --role nurse" in hint
    assert "fill first: situation, assessment, recommendation" in hint

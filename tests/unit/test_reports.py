"""Report drafting through the agent: each kind, citations, "not stated", the review interrupt, exports."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from fhir.resources.R4B.diagnosticreport import DiagnosticReport
from langgraph.checkpoint.memory import InMemorySaver
from pypdf import PdfReader

from app.service import CareForge
from core.settings import Settings
from retrieval.records import Hit, SearchResult
from tests.conftest import TEXT_ONLY, TOOL_CAPABLE, scripted
from tools.registry import ToolResources
from tools.reports import NOT_STATED, ExportRefused, Report, ReviewDecision, draft_report, export, gather
from tools.search_render import search_output

CHEST_CR = Path(__file__).resolve().parents[2] / "samples" / "dicom" / "RG1_J2KI.dcm"
VISION = TOOL_CAPABLE.model_copy(update={"accepts_images": True, "vision_trusted": True})


def agent(settings: Settings, resources: ToolResources, *replies: str, caps=TEXT_ONLY) -> CareForge:
    return CareForge(
        settings, model=scripted(*replies), resources=resources, capabilities=caps, checkpointer=InMemorySaver()
    )


def cited_ids(result) -> set[str]:
    return {c["id"] for c in result.citations}


def approve(role: str = "nurse", editor: str = "RN Alvarez", **kw) -> ReviewDecision:
    return ReviewDecision(decision=kw.pop("decision", "approve"), editor=editor, role=role, **kw)


async def test_radiology_report_from_an_image_turn_pauses_for_review_and_cites_the_image(settings, resources) -> None:
    cf = agent(settings, resources, "Quality checked.", "Draft ready.", "Approved.")
    first = await cf.arun("Is there a pneumothorax?", persona="nurse", routing="rules", attachments=[CHEST_CR])
    second = await cf.arun("Draft a radiology report", persona="nurse", routing="rules", thread_id=first.thread_id)
    assert second.review is not None and second.answer == ""
    report = Report.model_validate(second.review["report"])
    # Deliberate change (issue 23): radiology needs a clinician role, not a nurse.
    assert report.kind.value == "radiology" and second.review["approvers"] == ["physician", "radiologist"]
    sections = report.sections()
    assert list(sections) == ["indication", "technique", "findings", "impression", "limitations"]
    assert "CR, CHEST, PA view" in sections["technique"].text
    assert sections["findings"].text.startswith(f"{NOT_STATED} (no visual read")  # no vision model: never invented
    assert sections["indication"].text == "Is there a pneumothorax?"
    every_citation = {c for s in sections.values() for c in s.citations}
    assert every_citation and every_citation <= cited_ids(first)  # citations resolve to real tool results

    nurse = await cf.adecide(first.thread_id, approve())
    assert "a nurse cannot approve a preliminary radiology report" in nurse.review["error"]
    # Without a visual read, findings and impression are empty: no one can approve until an edit fills them.
    empty = await cf.adecide(first.thread_id, approve(role="radiologist", editor="Dr Okafor"))
    assert "required section(s) not stated: findings, impression" in empty.review["error"]
    done = await cf.adecide(first.thread_id, approve(decision="reject", role="radiologist", editor="Dr Okafor"))
    assert done.review is None
    final = Report.model_validate(done.reports[-1])
    assert (final.status, final.decided_by, final.decided_role) == ("rejected", "Dr Okafor", "radiologist")
    assert final.decided_at and "rejected by Dr Okafor" in done.answer


async def test_a_vision_read_fills_findings_with_the_image_citation(settings, resources) -> None:
    reading = '{"findings": ["no pleural line"], "impression": "no pneumothorax", "confidence": "low"}'
    cf = agent(settings, resources, reading, "ok", "ok", caps=VISION)
    first = await cf.arun("pneumothorax?", persona="nurse", routing="rules", attachments=[CHEST_CR])
    second = await cf.arun("write an x-ray report", persona="nurse", routing="rules", thread_id=first.thread_id)
    sections = Report.model_validate(second.review["report"]).sections()
    assert sections["findings"].text == "- no pleural line"
    assert sections["impression"].text == "no pneumothorax (model confidence low)"
    assert sections["findings"].citations == [c for c in cited_ids(first) if c.startswith("image:")]


async def test_sbar_handoff_drafts_after_the_drug_check_of_the_same_turn(settings, resources) -> None:
    cf = agent(settings, resources, "ok")
    result = await cf.arun(
        "Bed 4 is on warfarin and ibuprofen, prepare an SBAR handoff", persona="nurse", routing="rules"
    )
    assert [t["tool"] for t in result.tool_calls] == ["check_drug_interactions", "draft_report"]
    sections = Report.model_validate(result.review["report"]).sections()
    assert list(sections) == ["situation", "background", "assessment", "recommendation"]
    assert "Interaction (major): ibuprofen + warfarin" in sections["assessment"].text
    assert "ddi:" not in sections["assessment"].text  # citation ids belong in the sources list
    assert sections["assessment"].citations == ["ddi:ibuprofen+warfarin"]
    assert set(sections["recommendation"].citations) <= cited_ids(result)
    assert "ibuprofen, warfarin" in sections["background"].text or "warfarin, ibuprofen" in sections["background"].text


async def test_patient_gets_a_visit_summary_and_may_approve_only_that(settings, resources) -> None:
    cf = agent(settings, resources, "ok", "ok")
    result = await cf.arun(
        "I take Coumadin and want to take Advil for a headache. Can you write a radiology report?",
        persona="patient",
        routing="rules",
    )
    report = Report.model_validate(result.review["report"])
    assert report.kind.value == "visit_summary"  # a patient cannot draft a clinical report
    sections = report.sections()
    assert "ibuprofen and warfarin can interact (major)" in sections["what_we_found"].text
    assert sections["when_to_get_help"].stated
    done = await cf.adecide(result.thread_id, approve(role="patient", editor="the patient"), persona="patient")
    assert Report.model_validate(done.reports[-1]).status == "approved"


async def test_a_patient_cannot_approve_a_clinical_report_and_nothing_is_lost(settings, resources) -> None:
    cf = agent(settings, resources, "ok", "ok")
    first = await cf.arun("pneumothorax?", persona="nurse", routing="rules", attachments=[CHEST_CR])
    await cf.arun("draft a radiology report", persona="nurse", routing="rules", thread_id=first.thread_id)
    refused = await cf.adecide(first.thread_id, approve(role="patient", editor="Pat"), persona="patient")
    assert refused.review is not None
    assert "a patient cannot approve a preliminary radiology report" in refused.review["error"]
    assert refused.reports == []
    done = await cf.adecide(first.thread_id, approve(decision="reject", role="radiologist", editor="Dr Okafor"))
    assert [Report.model_validate(r).status for r in done.reports] == ["rejected"]


async def test_edit_replaces_sections_and_leaves_a_draft_for_an_explicit_approve(settings, resources) -> None:
    cf = agent(settings, resources, "ok", "ok")
    first = await cf.arun("pneumothorax?", persona="nurse", routing="rules", attachments=[CHEST_CR])
    await cf.arun("draft a radiology report", persona="nurse", routing="rules", thread_id=first.thread_id)
    doctor = {"role": "radiologist", "editor": "Dr Okafor"}
    bad = await cf.adecide(first.thread_id, approve(decision="edit", edits={"diagnosis": "x"}, **doctor))
    assert "no such section(s): diagnosis" in bad.review["error"]
    edits = {"Findings": "Left apical pleural line.", "impression": "Small left apical PTX."}
    edited = await cf.adecide(first.thread_id, approve(decision="edit", edits=edits, **doctor))
    assert edited.review is not None and not edited.review["error"] and edited.reports == []
    assert Report.model_validate(edited.review["report"]).status == "draft"  # an edit never approves
    done = await cf.adecide(first.thread_id, approve(**doctor))
    final = Report.model_validate(done.reports[-1])
    assert final.sections()["impression"].text == "Small left apical PTX."
    assert final.sections()["impression"].citations == []  # the reviewer, not a tool, is its source
    assert final.edited_sections == ["findings", "impression"] and final.status == "approved"


async def test_rejected_report_does_not_export(settings, resources) -> None:
    cf = agent(settings, resources, "ok", "ok")
    result = await cf.arun("warfarin and aspirin, SBAR handoff please", persona="nurse", routing="rules")
    done = await cf.adecide(result.thread_id, approve(decision="reject", note="wrong patient"))
    final = Report.model_validate(done.reports[-1])
    assert final.status == "rejected" and final.note == "wrong patient"
    with pytest.raises(ExportRefused, match="rejected"):
        export(final, "md")


async def test_review_resumes_in_a_fresh_process(tmp_path: Path, resources) -> None:
    settings = Settings(data_dir=tmp_path, model_base_url="http://127.0.0.1:9/v1", request_timeout_s=1.0)
    cf = CareForge(settings, model=scripted("ok"), resources=resources, capabilities=TEXT_ONLY)
    paused = await cf.arun(
        "Bed 4 is on warfarin and ibuprofen, BP 150/90. SBAR handoff", persona="nurse", routing="rules", thread_id="t-1"
    )
    assert paused.review is not None
    script = textwrap.dedent(f"""
        import asyncio, json
        from app.service import CareForge
        from core.settings import Settings
        from tests.conftest import TEXT_ONLY, scripted
        cf = CareForge(Settings(data_dir={str(tmp_path)!r}, model_base_url="http://127.0.0.1:9/v1"),
                       model=scripted("ok"), capabilities=TEXT_ONLY)
        done = asyncio.run(cf.adecide("t-1", {{"decision": "approve", "editor": "RN Kim", "role": "nurse"}}))
        print(json.dumps(done.reports))
    """)
    out = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    reports = json.loads(out.stdout.strip().splitlines()[-1])
    assert reports[0]["status"] == "approved" and reports[0]["decided_by"] == "RN Kim"
    stored = await cf.areports("t-1")
    assert [r.status for r in stored] == ["approved"]


def _log_artifact() -> dict:
    hits = [
        Hit(
            citation_id="log:med-0001",
            kind="log",
            title="VNT-0107 / ventilator / 2025-03-02",
            score=0.9,
            snippet="High pressure alarm during self test | Action: replaced the expiratory valve and recalibrated.",
            metadata={"asset_id": "VNT-0107", "equipment": "ventilator"},
        ),
        Hit(
            citation_id="log:med-0002",
            kind="log",
            title="VNT-0107 / ventilator / 2025-05-11",
            score=0.8,
            snippet="High pressure alarm, occluded tubing | Action: changed the patient circuit.",
            metadata={"asset_id": "VNT-0107"},
        ),
    ]
    return search_output(SearchResult(query="q", expanded_query="q", hits=hits), "maintenance_logs").model_dump()


def test_work_order_cites_the_log_entries_it_was_built_from() -> None:
    evidence = gather(["VNT-0107 high pressure alarm on self test", "write a work order"], [_log_artifact()])
    report = draft_report("work_order", evidence)
    sections = report.sections()
    # Deliberate change (issue 23): no "evidence" section; the sources list is the one place evidence appears.
    assert list(sections) == ["asset", "symptom", "probable_cause", "actions", "parts", "safety_notes"]
    assert sections["asset"].text == "VNT-0107"  # no equipment word in what the user wrote
    assert sections["symptom"].text == "VNT-0107 high pressure alarm on self test"
    assert "replaced the expiratory valve" in sections["actions"].text
    assert sections["actions"].citations == ["log:med-0001", "log:med-0002"]
    assert "expiratory valve" in sections["parts"].text and "patient circuit" in sections["parts"].text
    assert sections["safety_notes"].text == NOT_STATED
    assert [e.id for e in report.evidence] == ["log:med-0001", "log:med-0002"]


def test_incident_report_takes_what_the_user_said_and_leaves_the_rest_not_stated() -> None:
    evidence = gather(["Conveyor CNV-0042 motor tripped this morning on line 3 because the guard was removed"], [])
    sections = draft_report("incident", evidence).sections()
    assert sections["when"].text == "this morning"
    assert sections["where"].text == "line 3"
    assert sections["root_cause"].text == "the guard was removed"
    assert sections["impact"].text == NOT_STATED
    assert sections["corrective_actions"].text == NOT_STATED
    assert sections["preventive_actions"].text.startswith(NOT_STATED)


def test_failed_tool_results_are_not_evidence() -> None:
    failed = {"kind": "drug_interactions", "error": "boom", "data": {"interactions": [{"id": "ddi:x"}]}}
    report = draft_report("nursing_handoff", gather(["handoff please"], [failed]))
    assert all(not s.citations for s in report.sections().values())
    assert report.sections()["assessment"].text == NOT_STATED


async def test_exports_parse_pdf_text_and_fhir_validation(settings, resources) -> None:
    reading = '{"findings": ["no pleural line"], "impression": "No pneumothorax seen", "confidence": "medium"}'
    cf = agent(settings, resources, reading, "ok", "ok", caps=VISION)
    first = await cf.arun("pneumothorax?", persona="nurse", routing="rules", attachments=[CHEST_CR])
    paused = await cf.arun("radiology report please", persona="nurse", routing="rules", thread_id=first.thread_id)
    draft = Report.model_validate(paused.review["report"])
    with pytest.raises(ExportRefused, match="not approved"):
        export(draft, "pdf")
    assert b"DRAFT - NOT APPROVED" in export(draft, "md", allow_draft=True)
    assert json.loads(export(draft, "fhir", allow_draft=True))["status"] == "preliminary"

    done = await cf.adecide(first.thread_id, approve(role="radiologist", note="Agree, no PTX."))
    final = Report.model_validate(done.reports[-1])
    md = export(final, "md").decode()
    assert "## Findings" in md and "no pleural line" in md and "APPROVED by RN Alvarez" in md
    assert Report.model_validate_json(export(final, "json")) == final
    pdf_text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(export(final, "pdf"))).pages)
    assert "Findings" in pdf_text and "no pleural line" in pdf_text and "APPROVED by RN Alvarez" in pdf_text
    assert "Agree, no PTX." in pdf_text and "Agree, no PTX." in md  # the reviewer's note in every format
    fhir = json.loads(export(final, "fhir"))
    resource = DiagnosticReport.model_validate(fhir)
    assert resource.status == "final" and resource.conclusion.startswith("No pneumothorax seen")
    assert resource.code.coding[0].code == "18748-4"
    order = draft_report("work_order", gather(["x"], []))
    with pytest.raises(ExportRefused, match="exports as cmms JSON"):
        export(order.model_copy(update={"status": "approved"}), "fhir")

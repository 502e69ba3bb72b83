"""The composed answer per persona, and the grounding check of model sentences."""

from __future__ import annotations

import pytest

from agent.answering import evidence, finish
from agent.compose import compose_head
from agent.personas import get_persona
from safety.grounding import Evidence, ground
from tools.drugs import check_drug_interactions
from tools.drugs.render import interaction_output

TOOL_NAMES = ("check_drug_interactions", "search_maintenance_logs", "search_knowledge", "analyze_image")


def _drug_result(resources, names: list[str]) -> dict:
    output = interaction_output(check_drug_interactions(names, resources.kb, resources.resolver))
    text, artifact = output.as_message()
    return {
        "call_id": "c1",
        "tool": "check_drug_interactions",
        "args": {"drugs": names},
        "ok": True,
        "summary": text,
        "artifact": artifact,
        "duration_ms": 0.0,
        "proposed_by": "rules",
    }


def _log_result() -> dict:
    hit = {
        "citation_id": "log:VNT-1",
        "kind": "log",
        "title": "VNT-0107 2024-03-02",
        "score": 1.0,
        "snippet": "High pressure alarm after filter change | Action: Reseated the expiratory filter housing",
        "metadata": {"asset_id": "VNT-0107", "equipment": "ventilator"},
        "similar": 0,
        "suspicious": False,
        "other_fixes": [
            {
                "citation_id": "log:VNT-2",
                "title": "VNT-0107",
                "action": "Replaced the flow sensor",
                "source": "logs.csv",
            }
        ],
    }
    return {
        "call_id": "c2",
        "tool": "search_maintenance_logs",
        "args": {},
        "ok": True,
        "summary": "1 result",
        "artifact": {"kind": "maintenance_logs", "data": {"hits": [hit]}},
        "duration_ms": 0.0,
        "proposed_by": "rules",
    }


@pytest.mark.parametrize("persona", ["patient", "nurse"])
def test_drug_answer_has_the_finding_and_no_tool_names(resources, persona: str) -> None:
    head = compose_head({}, [_drug_result(resources, ["Coumadin", "Advil"])], get_persona(persona))
    assert "ibuprofen" in head.lower() and "warfarin" in head.lower()
    assert not any(name in head for name in TOOL_NAMES)
    if persona == "patient":
        assert "serious" in head and "doctor or pharmacist" in head and "Management" not in head
        assert "(advil)" in head.lower()  # the name the patient typed
    else:
        assert "**MAJOR: ibuprofen + warfarin.**" in head and "Management:" in head
        assert "[ddi:ibuprofen+warfarin]" in head


def test_several_findings_get_a_table_for_a_nurse(resources) -> None:
    head = compose_head({}, [_drug_result(resources, ["warfarin", "aspirin", "ibuprofen"])], get_persona("nurse"))
    assert "| severity | pair | effect | management | source |" in head
    assert head.count("| major |") >= 2


def test_patient_answers_carry_no_dosing_instructions(resources) -> None:
    for pair in (["warfarin", "ibuprofen"], ["simvastatin", "clarithromycin"], ["lithium", "furosemide"]):
        head = compose_head({}, [_drug_result(resources, pair)], get_persona("patient"))
        assert not any(w in head.lower() for w in ("reduce the dose", "mg", "double", "halve")), head


def test_technician_reads_recorded_fixes_as_steps_with_log_ids() -> None:
    head = compose_head({}, [_log_result()], get_persona("technician"))
    assert "1. High pressure alarm after filter change" in head
    assert "fix recorded: Reseated the expiratory filter housing [log:VNT-1]" in head
    assert "Replaced the flow sensor [log:VNT-2]" in head
    assert "search_maintenance_logs" not in head


def test_a_poisoned_dosing_passage_is_cited_but_not_quoted_to_a_patient() -> None:
    hit = {
        "citation_id": "doc:policy#1",
        "title": "Ward policy",
        "suspicious": False,
        "snippet": "Patients taking warfarin who also take Advil should double their warfarin dose.",
    }
    result = {
        "call_id": "c",
        "tool": "search_knowledge",
        "args": {},
        "ok": True,
        "summary": "",
        "artifact": {"kind": "knowledge", "data": {"hits": [hit]}},
        "duration_ms": 0.0,
        "proposed_by": "rules",
    }
    flags: dict = {}
    head = compose_head(flags, [result], get_persona("patient"))  # type: ignore[arg-type]
    assert "double" not in head and "[doc:policy#1]" in head
    assert flags["withheld_passages"] == ["doc:policy#1"]


def _ev(**kw) -> Evidence:
    base = dict(
        text="MAJOR: ibuprofen + warfarin. Serious bleeding, especially gastrointestinal. Avoid; prefer "
        "acetaminophen for pain. [ddi:ibuprofen+warfarin]",
        cited={"ddi:ibuprofen+warfarin": "ibuprofen + warfarin (major) Serious bleeding"},
        severities=frozenset({"major"}),
        findings=True,
        drug_checked=True,
        vision_read=False,
        patient=True,
    )
    base.update(kw)
    return Evidence(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "sentence",
    [
        "Coumadin is a medication used to treat high blood pressure.",  # the README's first command, issue 20
        "Your dad's speech could be affected by a condition called blepharitis.",
        "The weld is acceptable, but it does show porosity of 0.25%.",
        "No, tylenol is not safe for zoloft use.",
        "Yes, you can take them together.",
        "This is a minor interaction.",
        "Take 400 mg every 6 hours.",
        "The fix was to replace the battery [log:MEL-00001].",
    ],
)
def test_false_sentences_are_dropped(sentence: str) -> None:
    ev = _ev()
    if "tylenol" in sentence:
        ev = _ev(findings=False, severities=frozenset(), text="No interaction found among acetaminophen, sertraline")
    assert ground(sentence, ev).kept == [], ground(sentence, ev)


def test_a_wrong_fix_pinned_to_a_real_log_id_is_dropped() -> None:
    ev = _ev(
        text="1. Display flickers (MEL-00001) - fix recorded: reseated the display cable [log:MEL-00001]",
        cited={"log:MEL-00001": "Display flickers Action: reseated the display cable"},
        severities=frozenset(),
        findings=False,
        drug_checked=False,
    )
    assert ground("Replace the pump battery to clear the alarm [log:MEL-00001].", ev).kept == []
    assert ground("The display cable was reseated [log:MEL-00001].", ev).kept != []


def test_a_sentence_repeating_an_internal_label_is_dropped() -> None:
    ev = _ev(text="Image RG1_J2KI.dcm: CR CHEST PA; domain chest_xray.", findings=False, drug_checked=False)
    grounded = ground("The image of chest_xray.", ev)
    assert grounded.kept == [] and "internal label" in grounded.dropped[0][1]


def test_supported_sentences_are_kept() -> None:
    assert ground("Serious bleeding is the main risk with ibuprofen and warfarin.", _ev()).kept


def test_the_final_answer_starts_with_what_was_shown(resources) -> None:
    results = [_drug_result(resources, ["warfarin", "ibuprofen"])]
    persona = get_persona("nurse")
    head = compose_head({}, results, persona)
    flags: dict = {}
    final = finish(
        head,
        "Serious bleeding is possible. It treats high blood pressure.",
        results,
        [],
        persona,  # type: ignore[arg-type]
        "q",
        flags,
    )  # type: ignore[arg-type]
    assert final.startswith(head)
    assert "Serious bleeding is possible." in final and "high blood pressure" not in final
    assert any("high blood pressure" in d for d in flags["prose_dropped"])
    assert evidence(results, [], head, "q", persona).findings


def _doc_result(trust: str) -> dict:
    hit = {"citation_id": "doc:upload#1", "title": "Uploaded note", "suspicious": False,
           "snippet": "Warfarin users should avoid ibuprofen.", "metadata": {"trust": trust}}
    return {"call_id": "c", "tool": "search_knowledge", "args": {}, "ok": True, "summary": "",
            "artifact": {"kind": "knowledge", "data": {"hits": [hit]}}, "duration_ms": 0.0, "proposed_by": "rules"}


def test_an_unvetted_document_is_cited_but_not_quoted_to_a_patient_and_labelled_for_a_nurse() -> None:
    flags: dict = {}
    patient = compose_head(flags, [_doc_result("unvetted")], get_persona("patient"))  # type: ignore[arg-type]
    assert "avoid ibuprofen" not in patient and "(an unvetted document)" in patient and "[doc:upload#1]" in patient
    assert flags["withheld_passages"] == ["doc:upload#1"]
    nurse = compose_head({}, [_doc_result("unvetted")], get_persona("nurse"))
    assert "(unvetted document)" in nurse and "avoid ibuprofen" in nurse
    vetted = compose_head({}, [_doc_result("vetted")], get_persona("patient"))
    assert "avoid ibuprofen" in vetted and "unvetted" not in vetted

"""Review rules without the model: roles per kind, required sections, edit then approve, field names in any case."""

from __future__ import annotations

import time

import pytest

from tools.reports import (
    NOT_STATED,
    Report,
    ReviewDecision,
    ReviewPolicy,
    apply_decision,
    draft_report,
    gather,
)
from tools.reports.models import ReportKind


def _handoff() -> Report:
    texts = ["Bed 4, ward 7B, 78, short of breath. On warfarin 5 mg. INR 4.2. Plan: repeat INR at 18:00.", "SBAR"]
    return draft_report("nursing_handoff", gather(texts, []))


def _decide(report: Report, decision: str = "approve", role: str = "nurse", **kw: object) -> Report:
    return apply_decision(report, ReviewDecision(decision=decision, editor="A. Reviewer", role=role, **kw))


def test_a_handoff_with_empty_required_sections_cannot_be_approved_and_says_which() -> None:
    empty = draft_report("nursing_handoff", gather(["prepare an SBAR handoff"], []))
    with pytest.raises(ValueError, match="required section\\(s\\) not stated: situation, assessment, recommendation"):
        _decide(empty)
    assert _decide(empty, "reject").status == "rejected"  # rejecting an empty draft is always possible


@pytest.mark.parametrize(
    ("kind", "role", "allowed"),
    [
        ("radiology", "nurse", False),
        ("radiology", "radiologist", True),
        ("nursing_handoff", "technician", False),
        ("nursing_handoff", "nurse", True),
        ("work_order", "nurse", False),
        ("work_order", "supervisor", True),
        ("work_order", "technician", True),
        ("visit_summary", "patient", True),
        ("incident", "patient", False),
    ],
)
def test_role_rules_per_kind(kind: str, role: str, allowed: bool) -> None:
    report = draft_report(kind, gather(["x"], []))
    decision = ReviewDecision(decision="edit", editor="E", role=role, edits={next(iter(report.sections())): "y"})
    if allowed:
        assert apply_decision(report, decision).status == "draft"
    else:
        with pytest.raises(ValueError, match=f"a {role} cannot edit"):
            apply_decision(report, decision)


def test_the_deployment_defines_which_clinician_roles_sign_radiology() -> None:
    report = draft_report("radiology", gather(["?pneumothorax"], []))
    report = report.model_copy(update={"status": "draft"})
    policy = ReviewPolicy(clinician_roles=frozenset({"reporting radiographer"}))
    edit = ReviewDecision(decision="edit", editor="R", role="Reporting Radiographer", edits={"technique": "CR chest"})
    assert apply_decision(report, edit, policy).edited_sections == ["technique"]
    with pytest.raises(ValueError, match="cannot edit"):
        apply_decision(report, edit.model_copy(update={"role": "radiologist"}), policy)


def test_edit_never_approves_and_approve_is_a_second_explicit_step() -> None:
    edited = _decide(_handoff(), "edit", edits={"Recommendation": "Repeat INR at 18:00; hold warfarin."})
    assert edited.status == "draft" and edited.decided_by is None
    assert edited.sections()["recommendation"].text == "Repeat INR at 18:00; hold warfarin."
    assert edited.sections()["recommendation"].citations == []
    assert [(e.editor, e.sections) for e in edited.edits] == [("A. Reviewer", ["recommendation"])]
    final = _decide(edited, note="Checked with the night team.")
    assert (final.status, final.note) == ("approved", "Checked with the night team.")
    assert final.edited_sections == ["recommendation"]
    with pytest.raises(ValueError, match="already approved"):
        _decide(final)


def test_approve_with_changes_is_refused_so_what_is_signed_is_what_was_seen() -> None:
    with pytest.raises(ValueError, match="approve takes no section changes; send them as an edit first"):
        _decide(_handoff(), edits={"situation": "changed"})


@pytest.mark.parametrize("name", ["parts", "Parts", "PARTS", " parts "])
def test_section_names_match_in_any_case(name: str) -> None:
    order = draft_report("work_order", gather(["VNT-0107 high pressure alarm"], []))
    edited = _decide(order, "edit", role="technician", edits={name: "expiratory filter"})
    assert edited.sections()["parts"].text == "expiratory filter"
    spaced = _decide(order, "edit", role="technician", edits={"Probable cause": "wet filter"})
    assert spaced.sections()["probable_cause"].text == "wet filter"


def test_blank_edit_text_becomes_not_stated_so_it_blocks_approval_again() -> None:
    edited = _decide(_handoff(), "edit", edits={"situation": "  "})
    assert edited.sections()["situation"].text == NOT_STATED
    with pytest.raises(ValueError, match="not stated: situation"):
        _decide(edited)


def test_a_decision_takes_well_under_a_second() -> None:
    report = _handoff()
    started = time.perf_counter()
    for _ in range(50):
        _decide(_decide(report, "edit", edits={"situation": "x"}))
    assert (time.perf_counter() - started) / 50 < 0.05


def test_every_kind_has_required_sections_that_exist_in_its_schema() -> None:
    from tools.reports import REQUIRED

    for kind in ReportKind:
        assert set(REQUIRED[kind]) <= set(draft_report(kind, gather(["x"], [])).sections())

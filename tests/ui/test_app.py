"""The Streamlit app with a scripted model: chat, findings, progress, attachments, emergencies, reports, status."""

from __future__ import annotations

import asyncio
import io

import numpy as np
from PIL import Image
from streamlit.testing.v1 import AppTest

from app.service import CareForge
from tests.conftest import DOWN, TEXT_ONLY, scripted
from tests.ui.conftest import APP, page, texts

FUNCTION_NAMES = ("check_drug_interactions", "analyze_image", "search_maintenance_logs", "draft_report", "Tools:")


def button(at, label: str):
    return next(b for b in at.main.button if b.label.startswith(label))


def send(at, text: str, *files: tuple[str, bytes, str]):
    box = at.chat_input[0]
    for name, data, mime in files:
        box.upload(name, data, mime)
    box.set_value(text).run()
    assert not at.exception, at.exception
    return at


def png(seed: int = 0) -> bytes:
    buffer = io.BytesIO()
    rng = np.random.default_rng(seed)
    Image.fromarray(rng.integers(0, 255, (400, 300, 3), dtype=np.uint8)).save(buffer, format="PNG")
    return buffer.getvalue()


def test_nurse_sees_key_findings_inline_a_readable_severity_table_and_each_source_once(make_app) -> None:
    at = send(make_app("Serious bleeding is the risk with this pair."), "warfarin and ibuprofen together?")
    table = at.table[0].value  # a static table: every column visible, long text wraps
    assert list(table.columns) == ["Severity", "Medicines", "What can happen", "What to do", "Source"]
    assert list(table["Severity"]) == ["major"] and list(table["Medicines"]) == ["ibuprofen + warfarin"]
    shown = texts(at)
    assert "MAJOR: ibuprofen + warfarin" in shown  # the composed finding, in the answer itself
    assert "Serious bleeding is the risk with this pair." in shown
    sources = [e.label for e in at.expander if e.label.startswith("[ddi:ibuprofen+warfarin]")]
    assert len(sources) == 1  # listed once, as an openable source
    assert not any(m.value.startswith("Sources:") or "\nSources:\n" in m.value for m in at.markdown)
    assert any(e.label.endswith("Details: Medicine interaction check") for e in at.expander)


def test_a_turn_shows_a_status_that_ends_done_not_an_empty_bubble(make_app) -> None:
    at = send(make_app("ok"), "warfarin and ibuprofen together?")
    assert not [s for s in at.status if s.label == ""]
    # the turn is re-rendered from history after it finishes; the live status named each step while it ran
    assert "MAJOR: ibuprofen + warfarin" in texts(at)


def test_patients_never_see_function_names(make_app) -> None:
    at = send(make_app("Talk to your pharmacist.", persona="patient"), "Can I take ibuprofen with my warfarin?")
    shown = texts(at) + "\n".join(str(j.value) for j in at.json)
    for name in FUNCTION_NAMES:
        assert name not in shown, name


def test_emergency_guidance_is_shown_prominently(make_app) -> None:
    at = send(make_app("Rest.", persona="patient"), "I have crushing chest pain right now")
    assert at.error and "EMERGENCY - Chest pain or pressure" in at.error[0].value


def test_degraded_banner_when_the_model_is_down_and_tools_still_answer(make_app) -> None:
    at = make_app(caps=DOWN)
    assert "Degraded mode: the model endpoint is unreachable" in at.warning[0].value
    send(at, "warfarin and ibuprofen together?")
    assert "MAJOR: ibuprofen + warfarin" in texts(at)  # the composed answer needs no model


def test_persona_badge_says_what_careforge_does_in_plain_words(make_app) -> None:
    at = make_app(persona="technician")
    badge = at.markdown[0].value
    assert "Technician" in badge and "maintenance logs" in badge
    assert "search_maintenance_logs" not in badge and "check_drug_interactions" not in badge  # no function names


def test_an_example_question_runs_when_clicked(make_app) -> None:
    at = make_app(persona="patient")
    example = next(b for b in at.button if b.key and b.key.startswith("example-patient-"))
    example.click().run()
    assert not at.exception, at.exception
    assert "warfarin" in texts(at).lower() and "serious" in texts(at)


def test_an_attached_image_shows_as_a_thumbnail_with_its_original_name_and_is_analysed(make_app) -> None:
    at = send(make_app("Here is what I found.", persona="technician"), "Crack?", ("weld.jpg", png(), "image/png"))
    captions = [c for image in at.image for c in image.captions]
    assert "weld.jpg" in captions  # in the user's message, under the name the user gave it
    assert "Details: Image reading" in texts(at)
    assert "industrial_defect" in texts(at) and "needs a multimodal model" in texts(at)
    shown = texts(at) + " ".join(captions)
    assert "_weld.jpg" not in shown  # no content-hash prefix anywhere


def test_a_file_sent_without_text_is_still_analysed(make_app) -> None:
    at = send(make_app("Here is what I found.", persona="technician"), "", ("panel.png", png(1), "image/png"))
    assert "Please look at the attached file." in texts(at)
    assert "Details: Image reading" in texts(at)


def test_an_unreadable_file_is_named_with_the_reason_and_not_attached(make_app) -> None:
    at = send(make_app(), "what is this?", ("scan.dcm", b"not an image at all\n" * 10, "application/dicom"))
    assert any("Not attached - scan.dcm: unsupported file type (it looks like text)" in e.value for e in at.error)
    assert "Details: Image reading" not in texts(at)


def test_report_decision_result_stays_after_the_page_reruns(make_app) -> None:
    at = send(make_app(), "Bed 4 on warfarin and ibuprofen, prepare an SBAR handoff")
    assert "waits for review on the **Reports** page" in texts(at)
    page(at, "Reports")
    assert "Nursing handoff (SBAR) - awaiting review" in [h.value for h in at.subheader]
    assessment = next(t for t in at.text_area if t.label == "Assessment")
    assert "ibuprofen + warfarin" in assessment.value
    assessment.set_value(assessment.value + "\nINR due at 18:00.")
    next(b for b in at.get("form_submit_button") if b.label == "Approve").click().run()
    assert not at.exception, at.exception
    assert any("approved by RN Lee" in e.label for e in at.expander), (texts(at), [e.label for e in at.expander])
    assert "INR due at 18:00." in texts(at)
    at.run()  # any later rerun: the outcome is still on the page
    assert any("approved with your edits by RN Lee" in s.value for s in at.success)
    assert {b.label for b in at.get("download_button")} == {
        "Download MD",
        "Download JSON",
        "Download PDF",
        "Download FHIR",
    }  # a handoff is a FHIR Composition


def test_a_patient_cannot_open_a_nurses_conversation_or_its_report(make_app) -> None:
    at = send(make_app(), "Bed 4 on warfarin and aspirin, SBAR handoff please")
    thread = at.session_state["thread_id"]
    other = make_app(persona="patient")
    other.session_state["thread_id"] = thread  # the patient somehow has the nurse's thread id
    page(other, "Reports")
    assert "not yours" in other.error[0].value
    mine = other.session_state["agent"].visible_threads(other.session_state["user"])
    assert thread not in [t.thread_id for t in mine]


def test_sign_in_sets_the_role_and_a_wrong_password_is_refused(settings, resources) -> None:
    agent = CareForge(settings, model=scripted("ok"), resources=resources, capabilities=TEXT_ONLY)
    agent.users.add("tech1", "a long test password", "technician")
    at = AppTest.from_file(APP, default_timeout=120)
    at.session_state["agent"] = agent
    at.run()
    assert [b.label for b in at.get("form_submit_button")] == ["Sign in"]
    assert not at.get("chat_input")  # nothing of the app before sign-in
    at.text_input[0].set_value("tech1")
    at.text_input[1].set_value("wrong password!!")
    at.get("form_submit_button")[0].click().run()
    assert "Wrong username or password." in at.error[0].value
    at.text_input[1].set_value("a long test password")
    at.get("form_submit_button")[0].click().run()
    assert not at.exception, at.exception
    assert at.sidebar.radio(key="persona").options == ["Technician"]  # the role decides the persona
    assert at.sidebar.radio(key="view").options == ["Chat", "Reports"]  # Data and Status: admins only


def test_status_page_shows_values_without_change_arrows_or_unknown_counts(make_app) -> None:
    at = page(make_app(role="admin"), "Status")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Model endpoint"] == "up" and metrics["Native tool calls"] == "no (rules route)"
    assert metrics["Images"] == "no (facts only)"
    assert metrics["Drug knowledge base"].startswith("2026")
    assert all(not m.proto.delta for m in at.metric)  # no green arrows on values that are not changes
    assert "?" not in texts(at)


def test_the_stream_names_each_step_before_it_runs(settings, resources) -> None:
    from ui import labels

    agent = CareForge(settings, model=scripted("ok"), resources=resources, capabilities=TEXT_ONLY)

    async def steps() -> list[str]:
        stream = agent.astream("warfarin and ibuprofen together?", persona="nurse")
        return [labels.step(e.data["tool"], e.data["args"]) async for e in stream if e.type == "step"]

    assert asyncio.run(steps()) == ["Checking 2 medicines for interactions..."]


def test_a_search_step_says_how_many_entries_it_searches() -> None:
    from ui import labels

    assert labels.step("search_maintenance_logs", {"asset": "PUMP-2"}, 1204) == (
        "Searching 1,204 maintenance log entries for PUMP-2..."
    )
    assert labels.step("search_knowledge", {}, 87) == "Searching 87 passages of the vetted notes..."
    assert labels.step("search_maintenance_logs", {}, None) == "Searching the maintenance log..."

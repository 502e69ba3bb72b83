"""The Streamlit app with a scripted model: chat, tools, emergencies, degraded mode, threads, reports, status."""

from __future__ import annotations

import io

import numpy as np
from PIL import Image
from streamlit.testing.v1 import AppTest

from app.service import CareForge
from tests.conftest import DOWN, TEXT_ONLY, scripted
from tests.ui.conftest import APP, page, texts


def button(at, label: str):
    return next(b for b in at.main.button if b.label.startswith(label))


def send(at, text: str):
    at.chat_input[0].set_value(text).run()
    assert not at.exception, at.exception
    return at


def test_nurse_chat_shows_the_tool_panel_the_coloured_table_and_the_answer(make_app) -> None:
    at = send(make_app("Serious bleeding is the risk with this pair."), "warfarin and ibuprofen together?")
    labels = [s.label for s in at.status]
    assert any(label.startswith("check_drug_interactions (rules)") for label in labels)
    table = at.dataframe[0].value
    assert list(table["severity"]) == ["major"] and list(table["pair"]) == ["ibuprofen + warfarin"]
    shown = texts(at)
    assert "MAJOR: ibuprofen + warfarin" in shown  # the composed finding, in the answer itself
    assert "Serious bleeding is the risk with this pair." in shown  # the model's sentence the results support
    assert "[ddi:ibuprofen+warfarin]" in [e.label.split("]")[0] + "]" for e in at.expander][-1]


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


def test_uploaded_image_gets_a_preview_and_is_analysed(make_app) -> None:
    at = make_app("Here is what I found.", persona="technician")
    rng = np.random.default_rng(0)
    buffer = io.BytesIO()
    Image.fromarray(rng.integers(0, 255, (400, 300, 3), dtype=np.uint8)).save(buffer, format="PNG")
    at.file_uploader[0].set_value(("weld.jpg", buffer.getvalue(), "image/png")).run()  # content decides the type
    assert not at.exception, at.exception
    assert at.get("image"), "no preview rendered"
    send(at, "Is there a crack in this weld?")
    assert any(s.label.startswith("analyze_image") for s in at.status)
    assert "industrial_defect" in texts(at) and "needs a multimodal model" in texts(at)


def test_unreadable_upload_is_reported_and_not_attached(make_app) -> None:
    at = make_app()
    at.file_uploader[0].set_value(("scan.dcm", b"not an image at all\n" * 10, "application/dicom")).run()
    assert "scan.dcm: unsupported file type (it looks like text)" in at.error[0].value


def test_threads_are_listed_renamed_and_new_ones_started(make_app) -> None:
    at = send(make_app(), "warfarin and ibuprofen together?")
    agent = at.session_state["agent"]
    first = at.session_state["thread_id"]
    at.run()
    assert at.sidebar.selectbox(key="thread_select").value == first
    at.sidebar.text_input(key=f"rename-{first}").set_value("Bed 4 anticoagulation").run()
    at.sidebar.button(key="save_title").click().run()
    assert agent.threads.list()[0].title == "Bed 4 anticoagulation"
    at.sidebar.button(key="new_thread").click().run()
    assert at.session_state["thread_id"] != first
    assert not [m for m in at.chat_message]


def test_report_is_reviewed_approved_and_offered_for_download(make_app) -> None:
    at = send(make_app(), "Bed 4 on warfarin and ibuprofen, prepare an SBAR handoff")
    assert "waits for review on the **Reports** page" in texts(at)
    page(at, "Reports")
    assert "Nursing handoff (SBAR) - awaiting review" in [h.value for h in at.subheader]
    assessment = next(t for t in at.text_area if t.label == "Assessment")
    assert "ibuprofen + warfarin" in assessment.value
    assessment = next(t for t in at.text_area if t.label == "Assessment")
    assessment.set_value(assessment.value + "\nINR due at 18:00.")
    button(at, "Approve").click().run()
    assert not at.exception, at.exception
    assert any("approved by RN Lee" in e.label for e in at.expander), (texts(at), [e.label for e in at.expander])
    assert "INR due at 18:00." in texts(at)
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
    assert "Data" not in at.sidebar.radio(key="view").options


def test_status_page_shows_endpoint_capabilities_and_knowledge_base(make_app) -> None:
    at = page(make_app(role="admin"), "Status")
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Model endpoint"] == "up" and metrics["Native tool calls"] == "no (rules route)"
    assert metrics["Images"] == "no (facts only)"
    assert metrics["Drug knowledge base"].startswith("2026")

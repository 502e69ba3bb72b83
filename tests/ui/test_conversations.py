"""Conversations: the list, new/open/rename/delete, the persona kept with each, and stored turns rebuilt exactly."""

from __future__ import annotations

import asyncio
import re

from app.conversations import adelete, aturns, conversations, save_upload
from app.service import CareForge
from tests.conftest import TEXT_ONLY, scripted
from tests.ui.conftest import texts
from tests.ui.test_app import send


def _open(at, thread_id: str):
    at.sidebar.button(key=f"open-{thread_id}").click().run()
    assert not at.exception, at.exception
    return at


def test_after_new_conversation_the_next_message_lands_in_the_new_one(make_app) -> None:
    at = send(make_app(), "warfarin and ibuprofen together?")
    agent, first = at.session_state["agent"], at.session_state["thread_id"]
    at.sidebar.button(key="new_thread").click().run()
    second = at.session_state["thread_id"]
    assert second != first and not at.chat_message  # an empty page
    send(at, "lithium and lisinopril?")
    assert at.session_state["thread_id"] == second
    assert [t.question for t in asyncio.run(aturns(agent, first))] == ["warfarin and ibuprofen together?"]
    assert [t.question for t in asyncio.run(aturns(agent, second))] == ["lithium and lisinopril?"]
    listed = [t.thread_id for t in conversations(agent, None)]
    assert listed == [second, first]  # newest first
    assert at.sidebar.button(key=f"open-{second}").proto.type == "primary"  # the selected one is marked


def test_the_list_shows_dates_and_the_full_title_on_hover(make_app) -> None:
    question = "Bed 12 on warfarin asks whether ibuprofen is fine for his knee pain tonight"
    at = send(make_app(), question)
    entry = at.sidebar.button(key=f"open-{at.session_state['thread_id']}")
    assert re.match(r"\d\d:\d\d · Bed 12 on warfarin", entry.label)  # when, and a short title
    assert entry.help.startswith(question[:60]) and "Last message" in entry.help


def test_rename_shows_the_new_title_at_once(make_app) -> None:
    at = send(make_app(), "warfarin and ibuprofen together?")
    thread = at.session_state["thread_id"]
    at.sidebar.text_input(key=f"rename-{thread}").set_value("Bed 4 anticoagulation")
    at.sidebar.button(key=f"save-{thread}").click().run()
    assert "Bed 4 anticoagulation" in at.sidebar.button(key=f"open-{thread}").label
    assert at.session_state["agent"].threads.list()[0].title == "Bed 4 anticoagulation"


def test_delete_removes_the_conversation_and_its_messages(make_app) -> None:
    at = send(make_app(), "warfarin and ibuprofen together?")
    agent, thread = at.session_state["agent"], at.session_state["thread_id"]
    at.sidebar.button(key=f"delete-{thread}").click().run()
    assert thread not in [t.thread_id for t in conversations(agent, None)]
    assert asyncio.run(aturns(agent, thread)) == []
    assert at.session_state["thread_id"] != thread  # the page moved to a new, empty conversation
    assert "Conversation deleted." in [s.value for s in at.sidebar.success]


def test_resume_renders_tool_panels_tables_and_sources_as_they_first_appeared(make_app) -> None:
    at = send(make_app("Serious bleeding is the risk with this pair."), "warfarin and ibuprofen together?")
    thread = at.session_state["thread_id"]
    live = (texts(at), [e.label for e in at.expander], at.table[0].value.to_dict())
    at.sidebar.button(key="new_thread").click().run()
    at.session_state["turns"] = {}  # as in a new browser session: nothing but the stored checkpoints
    _open(at, thread)
    assert at.session_state["thread_id"] == thread
    assert [e.label for e in at.expander] == live[1]
    assert at.table[0].value.to_dict() == live[2]
    assert "MAJOR: ibuprofen + warfarin" in texts(at) and "Serious bleeding is the risk" in texts(at)


def test_opening_a_conversation_restores_its_persona(make_app) -> None:
    at = send(make_app(role="admin", persona="technician"), "Infusion pump occlusion alarm keeps coming back")
    technician_thread = at.session_state["thread_id"]
    at.sidebar.button(key="new_thread").click().run()
    at.sidebar.radio(key="persona").set_value("nurse").run()
    send(at, "warfarin and ibuprofen together?")
    _open(at, technician_thread)
    assert at.sidebar.radio(key="persona").value == "technician"


def test_stored_turns_equal_the_results_of_the_live_turns(settings, resources) -> None:
    agent = CareForge(settings, model=scripted("ok", "ok", "ok"), resources=resources, capabilities=TEXT_ONLY)
    first = agent.ask("warfarin and ibuprofen together?", persona="nurse", thread_id="t1")
    second = agent.ask("and with aspirin?", persona="nurse", thread_id="t1")
    stored = asyncio.run(aturns(agent, "t1"))
    assert [t.question for t in stored] == [first.question, second.question]
    for past, live in zip(stored, (first, second), strict=True):
        assert past.result.answer == live.answer
        assert past.result.tool_calls == live.tool_calls
        assert past.result.citations == live.citations
        assert past.result.flags == live.flags


def test_a_turn_paused_for_review_comes_back_with_its_pending_report(settings, resources) -> None:
    agent = CareForge(settings, model=scripted("ok"), resources=resources, capabilities=TEXT_ONLY)
    agent.ask("Bed 4 on warfarin and ibuprofen, prepare an SBAR handoff", persona="nurse", thread_id="t2")
    stored = asyncio.run(aturns(agent, "t2"))
    assert stored[-1].result.review is not None and stored[-1].result.answer == ""


def test_attachments_keep_their_original_names_and_come_back_with_the_turn(settings, resources, tmp_path) -> None:
    agent = CareForge(settings, model=scripted("ok"), resources=resources, capabilities=TEXT_ONLY)
    path = save_upload("MR2 UNCI.png", b"same bytes", tmp_path)
    assert path.name == "MR2 UNCI.png" and save_upload("other.png", b"same bytes", tmp_path).parent == path.parent
    agent.ask("what is this?", persona="nurse", thread_id="t3", attachments=[path])
    assert asyncio.run(aturns(agent, "t3"))[0].attachments == [{"path": str(path), "name": "MR2 UNCI.png"}]


def test_someone_elses_conversation_cannot_be_deleted(settings, resources) -> None:
    agent = CareForge(settings, model=scripted("ok"), resources=resources, capabilities=TEXT_ONLY)
    nurse = agent.users.add("n1", "a long test password", "nurse")
    patient = agent.users.add("p1", "a long test password", "patient")
    agent.ask("warfarin and ibuprofen together?", persona="nurse", thread_id="t4", user=nurse)
    try:
        asyncio.run(adelete(agent, patient, "t4"))
    except PermissionError:
        pass
    else:
        raise AssertionError("a patient deleted a nurse's conversation")
    assert [t.thread_id for t in conversations(agent, nurse)] == ["t4"]

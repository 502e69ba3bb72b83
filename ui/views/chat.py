"""Chat: the selected conversation's turns as they first appeared, then a new message with its files and progress."""

from __future__ import annotations

from typing import Any

import streamlit as st

from app.conversations import Persona, aturns, save_upload, thumbnail
from app.ingestion import store_counts
from app.service import CareForge
from ui import components, labels
from ui.runtime import iterate, run, signed_in

FILE_TYPES = ["png", "jpg", "jpeg", "webp", "dcm", "dicom", "mp4", "mov", "webm"]
FILES_ONLY = "Please look at the attached file."


def _entries(agent: CareForge, tool: str) -> int | None:
    """How many entries a search tool runs over, for its progress line; None when unknown (never an error)."""
    if tool not in ("search_maintenance_logs", "search_knowledge"):
        return None
    try:
        counts = store_counts(agent)
    except Exception:  # the count only decorates a status line; the search itself reports store problems
        return None
    return None if counts is None else counts[0 if tool == "search_maintenance_logs" else 1]


def history(agent: CareForge, thread_id: str) -> list[dict[str, Any]]:
    """The turns of the conversation: kept for this session, rebuilt from the stored checkpoints on first open."""
    turns: dict[str, list[dict[str, Any]]] = st.session_state.setdefault("turns", {})
    if thread_id not in turns:
        try:
            stored = run(aturns(agent, thread_id, user=signed_in()))
        except PermissionError:
            st.error("This conversation is not yours. Start a new one or pick one of yours in the sidebar.")
            return []
        items: list[dict[str, Any]] = []
        for past in stored:
            items.append({"role": "user", "text": past.question, "files": past.attachments})
            items.append({"role": "assistant", "result": past.result.model_dump(mode="json")})
        turns[thread_id] = items
    return turns[thread_id]


def _files(agent: CareForge, uploads: list[Any]) -> tuple[list[dict[str, str]], list[str]]:
    """Save each file under its original name; the readable ones are attached, the others are named with the reason."""
    kept: list[dict[str, str]] = []
    refused: list[str] = []
    for upload in uploads:
        path = save_upload(upload.name, upload.getvalue(), agent.settings.upload_dir)
        thumb = thumbnail(agent, path)
        if thumb.error and path.suffix.lower() not in {".mp4", ".mov", ".webm"}:
            refused.append(f"{upload.name}: {thumb.error}")
            continue
        kept.append({"path": str(path), "name": path.name})
    return kept, refused


def _user_message(agent: CareForge, item: dict[str, Any]) -> None:
    with st.chat_message("user"):
        if item.get("text"):
            st.markdown(item["text"])
        components.attachments(agent, item.get("files", []))
        for reason in item.get("refused", []):  # a file that could not be attached says so, in the message
            st.error(f"Not attached - {reason}")


def _run_turn(agent: CareForge, persona: Persona, thread_id: str, text: str, files: list[dict[str, str]]) -> bool:
    """Stream one turn into an assistant message with a status naming each step; whether it finished."""
    with st.chat_message("assistant"):
        progress = st.status(labels.READING, expanded=False)
        banner, body = st.container(), st.empty()
        streamed = ""
        stream = agent.astream(
            text,
            persona=persona.name.value,
            thread_id=thread_id,
            attachments=[f["path"] for f in files],
            user=signed_in(),
        )
        result: dict[str, Any] | None = None
        try:
            for event in iterate(stream):
                if event.type == "flags":
                    with banner:
                        components.emergency(event.data)
                elif event.type == "step":
                    tool = event.data["tool"]
                    progress.update(label=labels.step(tool, event.data.get("args") or {}, _entries(agent, tool)))
                elif event.type == "tool":
                    with progress:
                        st.write(
                            f"{labels.finished(event.data['tool'])}" + ("" if event.data["ok"] else " (with a problem)")
                        )
                elif event.type == "token":
                    progress.update(label=labels.WRITING)
                    streamed += event.data
                    body.markdown(streamed + " ▌")
                elif event.type == "done":
                    result = event.data.model_dump(mode="json")
        except (ValueError, PermissionError) as exc:  # refused (empty, too long, not yours): say why
            progress.update(label="Not sent", state="error")
            st.error(str(exc))
            return False
        seconds = (result or {}).get("timings", {}).get("total_ms", 0) / 1000
        progress.update(label=f"Done in {seconds:.1f} s", state="complete")
    history(agent, thread_id).append({"role": "assistant", "result": result or {}})
    return True


def page(agent: CareForge, persona: Persona, thread_id: str) -> None:
    """Render the conversation ``thread_id`` and send a new message (with any attached files) to it."""
    components.persona_badge(persona)
    turns = history(agent, thread_id)
    for item in turns:
        if item["role"] == "user":
            _user_message(agent, item)
        else:
            with st.chat_message("assistant"):
                components.turn(item["result"])
    example = components.examples(persona) if not turns else None
    submitted = st.chat_input(
        f"Message CareForge as {persona.title.lower()}... (+ attaches an image)",
        accept_file="multiple",
        file_type=FILE_TYPES,
        key="chat",
    )
    text = (submitted.text if submitted is not None else "") or example or ""
    uploads = list(submitted.files) if submitted is not None else []
    if not text.strip() and not uploads:
        return
    files, refused = _files(agent, uploads)
    if not text.strip():
        text = FILES_ONLY if files else ""
    item = {"role": "user", "text": text, "files": files, "refused": refused}
    _user_message(agent, item)
    if not text:
        return
    turns.append(item)
    if _run_turn(agent, persona, thread_id, text, files):
        st.session_state["last_turn_thread"] = thread_id
        st.rerun()  # the list in the sidebar shows the new title and order; the turn renders from history
    else:
        turns.pop()

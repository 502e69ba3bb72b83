"""Chat: streamed answers, image upload with preview, tool panels, emergency guidance first."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import streamlit as st

from agent.personas import Persona
from app.service import CareForge
from tools.images import UnreadableImage, render_image
from ui import components
from ui.runtime import iterate, run, save_upload, signed_in


def _history(agent: CareForge, thread_id: str) -> list[dict[str, Any]]:
    """The turns of the thread seen in this session, or the stored conversation when the thread is resumed."""
    turns: dict[str, list[dict[str, Any]]] = st.session_state.setdefault("turns", {})
    if thread_id not in turns:
        try:
            stored = run(agent.ahistory(thread_id, user=signed_in()))
        except PermissionError:
            st.error("This conversation is not yours. Start a new one or pick one of yours in the sidebar.")
            stored = []
        turns[thread_id] = [{"role": m["role"], "text": m["content"]} for m in stored]
    return turns[thread_id]


def _attachment(agent: CareForge) -> str | None:
    upload = st.file_uploader(
        "Attach an image (DICOM, PNG, JPEG, WebP)",
        key=f"upload-{st.session_state.get('uploads', 0)}",
        help="The type is read from the file's content; identifiers are stripped before anything is analysed.",
    )
    if upload is None:
        return None
    path = save_upload(upload.name, upload.getvalue(), agent.settings.upload_dir)
    try:
        rendered = render_image(path, agent.resources.image_limits)
    except UnreadableImage as exc:
        st.error(f"{upload.name}: {exc}")
        return None
    st.image(rendered.preview, caption=f"{upload.name} ({rendered.kind.value}, {rendered.size[0]}x{rendered.size[1]})")
    return str(path)


def _chain(first: Any, rest: Iterator[Any]) -> Iterator[Any]:
    if first is not None:
        yield first
    yield from rest


def page(agent: CareForge, persona: Persona, thread_id: str) -> None:
    """Render the chat of ``thread_id`` and handle a new message."""
    components.persona_badge(persona)
    history = _history(agent, thread_id)
    for item in history:
        with st.chat_message("user" if item["role"] == "user" else "assistant"):
            if "result" in item:
                components.turn(item["result"])
            else:
                st.markdown(item["text"])
    attachment = _attachment(agent)
    example = components.examples(persona) if not history else None
    prompt = st.chat_input(f"Message CareForge as {persona.title.lower()}...") or example
    if not prompt:
        return
    history.append({"role": "user", "text": prompt})
    with st.chat_message("user"):
        st.markdown(prompt)
    with st.chat_message("assistant"):
        banner, panels, text = st.container(), st.container(), st.empty()
        streamed = ""
        result: dict[str, Any] | None = None
        stream = agent.astream(
            prompt,
            persona=persona.name.value,
            thread_id=thread_id,
            attachments=[attachment] if attachment else [],
            user=signed_in(),
        )
        try:
            events = iterate(stream)
            first = next(events, None)
        except (ValueError, PermissionError) as exc:  # refused (empty, too long, not yours): say why, keep the thread
            history.pop()
            st.error(str(exc))
            return
        for event in _chain(first, events):
            if event.type == "flags":
                with banner:
                    components.emergency(event.data)
            elif event.type == "tool":
                with panels:
                    components.tool_panel(event.data)
            elif event.type == "token":
                streamed += event.data
                text.markdown(streamed + " ▌")
            elif event.type == "done":
                result = event.data.model_dump(mode="json")
        text.empty()
        if result is not None:
            if result.get("review"):
                st.info("A report was drafted and waits for review on the **Reports** page.", icon="📝")
            if result.get("answer"):
                st.markdown(result["answer"])
            components.citations(result.get("citations", []))
            history.append({"role": "assistant", "text": result.get("answer", ""), "result": result})
    if attachment:
        st.session_state["uploads"] = st.session_state.get("uploads", 0) + 1  # clear the uploader for the next turn

"""The conversation list: newest first with dates, full titles on hover, new / open / rename / delete.

Every change happens in a button callback, before the page renders, so the conversation shown is the one the next
message is written to.
"""

from __future__ import annotations

import datetime as dt
import uuid

import streamlit as st

from app.conversations import Conversation, User, adelete, conversations, persona_title, rename
from app.service import CareForge
from ui.runtime import run

SHORT = 26


def _new() -> None:
    st.session_state["thread_id"] = uuid.uuid4().hex
    st.session_state["view"] = "Chat"


def _open(thread_id: str, persona: str, user: User) -> None:
    st.session_state["thread_id"] = thread_id
    st.session_state["view"] = "Chat"
    if user.may_use(persona):  # the persona is stored with the conversation and comes back with it
        st.session_state["persona"] = persona
    st.session_state.get("turns", {}).pop(thread_id, None)  # read it fresh from the store


def _rename(agent: CareForge, user: User, thread_id: str) -> None:
    try:
        rename(agent, user, thread_id, str(st.session_state.get(f"rename-{thread_id}", "")))
        st.session_state["sidebar_notice"] = ("success", "Renamed.")
    except (ValueError, PermissionError) as exc:
        st.session_state["sidebar_notice"] = ("error", f"Not renamed: {exc}")


def _delete(agent: CareForge, user: User, thread_id: str) -> None:
    try:
        run(adelete(agent, user, thread_id))
    except PermissionError as exc:
        st.session_state["sidebar_notice"] = ("error", f"Not deleted: {exc}")
        return
    st.session_state.get("turns", {}).pop(thread_id, None)
    if st.session_state.get("thread_id") == thread_id:
        _new()
    st.session_state["sidebar_notice"] = ("success", "Conversation deleted.")


def _local(stamp: str) -> dt.datetime:
    return dt.datetime.fromisoformat(stamp).astimezone()


def when(stamp: str, now: dt.datetime | None = None) -> str:
    """A short date: the time today, the weekday this week, else day and month (and year when not this one)."""
    moment, now = _local(stamp), (now or dt.datetime.now().astimezone())
    if moment.date() == now.date():
        return moment.strftime("%H:%M")
    if (now.date() - moment.date()).days < 7:
        return moment.strftime("%a %H:%M")
    return moment.strftime("%d %b" if moment.year == now.year else "%d %b %Y")


def _group(stamp: str) -> str:
    days = (dt.datetime.now().astimezone().date() - _local(stamp).date()).days
    return "Today" if days <= 0 else "Yesterday" if days == 1 else "Previous 7 days" if days < 7 else "Older"


def _row(agent: CareForge, user: User, item: Conversation, current: str) -> None:
    title = item.title if len(item.title) <= SHORT else item.title[: SHORT - 1].rstrip() + "…"
    who = f" · {persona_title(item.persona)}" if len(user.personas) > 1 else ""
    started = _local(item.created_at).strftime("%d %b %Y %H:%M")
    tip = f"{item.title}\n\nLast message {_local(item.updated_at).strftime('%d %b %Y %H:%M')}, started {started}{who}"
    left, right = st.columns([4, 1], gap="small", vertical_alignment="center")
    selected = item.thread_id == current
    left.button(
        f"{when(item.updated_at)} · {title}" if selected else f":gray[{when(item.updated_at)}] {title}",
        key=f"open-{item.thread_id}",
        help=tip,
        on_click=_open,
        args=(item.thread_id, item.persona, user),
        type="primary" if selected else "tertiary",
        width="stretch",
    )
    with right.popover(":material/more_horiz:", help="Rename or delete", key=f"menu-{item.thread_id}"):
        st.text_input("Title", item.title, key=f"rename-{item.thread_id}", max_chars=120)
        st.button("Save title", key=f"save-{item.thread_id}", on_click=_rename, args=(agent, user, item.thread_id))
        st.button(
            "Delete conversation",
            key=f"delete-{item.thread_id}",
            on_click=_delete,
            args=(agent, user, item.thread_id),
            icon=":material/delete:",
        )


def render(agent: CareForge, user: User) -> str:
    """The conversation list in the sidebar; the id of the selected conversation (the one written to)."""
    if "thread_id" not in st.session_state:
        st.session_state["thread_id"] = uuid.uuid4().hex
    current = str(st.session_state["thread_id"])
    st.button("New conversation", key="new_thread", on_click=_new, icon=":material/edit_square:", width="stretch")
    notice = st.session_state.pop("sidebar_notice", None)
    if notice:
        (st.success if notice[0] == "success" else st.error)(notice[1])
    items = conversations(agent, user)
    group = ""
    for item in items:
        if _group(item.updated_at) != group:
            group = _group(item.updated_at)
            st.caption(group)
        _row(agent, user, item, current)
    return current

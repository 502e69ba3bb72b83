"""CareForge in the browser: ``streamlit run ui/app.py``."""

from __future__ import annotations

import sys
import uuid
from pathlib import Path

import streamlit as st

# `streamlit run ui/app.py` puts ui/ on the path, not the project root the packages live in.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from agent.personas import PERSONAS, PersonaName, get_persona  # noqa: E402
from ui.runtime import agent as current_agent  # noqa: E402
from ui.views import chat, data, reports, status  # noqa: E402

st.set_page_config(page_title="CareForge", page_icon="🩺", layout="wide")
agent = current_agent()

with st.sidebar:
    st.title("CareForge")
    persona = get_persona(
        st.radio(
            "I am a",
            [p.value for p in PersonaName],
            format_func=lambda v: PERSONAS[PersonaName(v)].title,
            key="persona",
            horizontal=True,
        )
    )
    view = st.radio("Page", ["Chat", "Reports", "Data", "Status"], key="view")
    st.divider()
    if "thread_id" not in st.session_state:
        st.session_state["thread_id"] = uuid.uuid4().hex
    if st.button("New conversation", width="stretch"):
        st.session_state["thread_id"] = uuid.uuid4().hex
        st.session_state.pop("thread_select", None)
    threads = agent.threads.list()
    ids = [t.thread_id for t in threads]
    if ids:
        titles = {t.thread_id: f"{t.title} ({t.persona})" for t in threads}
        current = st.session_state["thread_id"]
        chosen = st.selectbox(
            "Conversations",
            [current, *[i for i in ids if i != current]],
            format_func=lambda i: titles.get(i, "New conversation"),
            key="thread_select",
        )
        st.session_state["thread_id"] = chosen
        if chosen in titles:
            new_title = st.text_input("Rename", titles[chosen].rsplit(" (", 1)[0], key=f"rename-{chosen}")
            if st.button("Save title") and new_title.strip():
                agent.threads.rename(chosen, new_title)
                st.rerun()

caps = agent.capabilities()
if not caps.reachable:
    st.warning(
        f"Degraded mode: the model endpoint is unreachable ({caps.error or 'no answer'}). "
        "Answers are assembled from the tools only.",
        icon="⚠️",
    )

thread_id = st.session_state["thread_id"]
if view == "Chat":
    chat.page(agent, persona, thread_id)
elif view == "Reports":
    reports.page(agent, persona, thread_id)
elif view == "Data":
    data.page(agent)
else:
    status.page(agent)

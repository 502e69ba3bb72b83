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
from ui.runtime import signed_in  # noqa: E402
from ui.views import chat, data, reports, signin, status  # noqa: E402

st.set_page_config(page_title="CareForge", page_icon="🩺", layout="wide")
agent = current_agent()
user = signed_in()
if user is None:
    signin.page(agent)
    st.stop()
assert user is not None  # st.stop() ends the script run; this tells the type checker

with st.sidebar:
    st.title("CareForge")
    st.caption(f"Signed in as **{user.display_name}** ({user.role.value})")
    if st.button("Sign out", key="sign_out"):
        st.session_state.clear()
        st.rerun()
    persona = get_persona(
        st.radio(
            "Chat as",
            list(user.personas),  # the role decides; only an admin has more than one
            format_func=lambda v: PERSONAS[PersonaName(v)].title,
            key="persona",
            horizontal=True,
        )
    )
    pages = ["Chat", "Reports"] + (["Data", "Status"] if user.role.value == "admin" else [])
    view = st.radio("Page", pages, key="view")
    st.divider()
    if "thread_id" not in st.session_state:
        st.session_state["thread_id"] = uuid.uuid4().hex
    if st.button("New conversation", width="stretch", key="new_thread"):
        st.session_state["thread_id"] = uuid.uuid4().hex
        st.session_state.pop("thread_select", None)
    threads = agent.visible_threads(user)
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
            if st.button("Save title", key="save_title") and new_title.strip():
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

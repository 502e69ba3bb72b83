"""CareForge in the browser: ``streamlit run ui/app.py``."""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

# `streamlit run ui/app.py` puts ui/ on the path, not the project root the packages live in.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.conversations import PERSONAS, PersonaName, get_persona  # noqa: E402
from ui import sidebar  # noqa: E402
from ui.runtime import agent as current_agent  # noqa: E402
from ui.runtime import signed_in  # noqa: E402
from ui.views import chat, data, reports, signin, status  # noqa: E402

st.set_page_config(page_title="CareForge", page_icon="🩺", layout="wide", menu_items={})
st.set_option("client.toolbarMode", "minimal")  # no Deploy button or developer menu for clinicians
agent = current_agent()
user = signed_in()
if user is None:
    signin.page(agent)
    st.stop()
assert user is not None  # st.stop() ends the script run; this tells the type checker

manages_data = user.role.value == "admin"  # the role that manages users and data
with st.sidebar:
    st.title("CareForge")
    st.caption(f"Signed in as **{user.display_name}** ({user.role.value})")
    if st.session_state.get("persona") not in user.personas:
        st.session_state["persona"] = user.personas[0]
    st.radio(
        "Chat as",
        list(user.personas),  # the role decides; only an admin has more than one
        format_func=lambda v: PERSONAS[PersonaName(v)].title,
        key="persona",
        horizontal=True,
        disabled=len(user.personas) == 1,
    )
    persona = get_persona(str(st.session_state.get("persona") or user.personas[0]))
    pages = ["Chat", "Reports"] + (["Data", "Status"] if manages_data else [])
    if st.session_state.get("view") not in pages:
        st.session_state["view"] = "Chat"
    view = st.radio("Page", pages, key="view", horizontal=len(pages) <= 2)
    st.divider()
    thread_id = sidebar.render(agent, user)
    st.divider()
    if st.button("Sign out", key="sign_out"):
        st.session_state.clear()
        st.rerun()

caps = agent.capabilities()
if not caps.reachable:
    st.warning(
        "Degraded mode: the model endpoint is unreachable"
        + (f" ({caps.error})" if manages_data and caps.error else "")
        + ". Answers are assembled from the checked sources only.",
        icon=":material/warning:",
    )

if view == "Chat":
    chat.page(agent, persona, thread_id)
elif view == "Reports":
    reports.page(agent, persona, thread_id)
elif view == "Data":
    data.page(agent)
else:
    status.page(agent)

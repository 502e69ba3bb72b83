"""Sign-in: the role, and so the persona, comes from the signed-in user, never from a choice on the page."""

from __future__ import annotations

import streamlit as st

from app.service import CareForge


def page(agent: CareForge) -> None:
    """A sign-in form; on success the user is kept in the session and the app reloads."""
    st.title("CareForge")
    st.caption("Sign in with the account your administrator created (`careforge users add NAME --role ROLE`).")
    with st.form("signin"):
        username = st.text_input("Username")
        password = st.text_input("Password", type="password")
        submitted = st.form_submit_button("Sign in", type="primary")
    if submitted:
        user = agent.users.authenticate(username, password)
        if user is None:
            st.error("Wrong username or password.")  # the same words for both, so names cannot be probed
            return
        st.session_state["user"] = user
        st.rerun()

"""The Data page with the real retriever (embedded Chroma, bundled MiniLM): upload, ingest, then cite it in chat."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from app.service import CareForge, default_resources
from tests.conftest import TEXT_ONLY, scripted
from tests.ui.conftest import APP, texts

LOG = (
    "log_id,asset_id,equipment,date,problem,action\n"
    "UI-1,CMP-0900,compressor,2026-01-04,compressor trips on high discharge temperature,cleaned condenser coil\n"
    "UI-2,CMP-0900,compressor,2026-02-11,compressor short cycling,replaced pressure switch\n"
    "UI-3,,compressor,not-a-date,,\n"
)


def test_uploaded_log_is_ingested_with_a_report_and_then_cited(settings) -> None:
    agent = CareForge(
        settings,
        model=scripted("See the cited entries."),
        resources=default_resources(settings),
        capabilities=TEXT_ONLY,
    )
    at = AppTest.from_file(APP, default_timeout=180)
    at.session_state["agent"] = agent
    at.session_state["user"] = agent.users.add("admin-user", "a long test password", "admin")  # Data: admins only
    at.run()
    at.sidebar.radio(key="view").set_value("Data").run()
    at.file_uploader(key="log-upload").set_value(("site.csv", LOG.encode(), "text/csv")).run()
    at.get("form_submit_button")[0].click().run()  # the suggested mapping, confirmed
    assert not at.exception, at.exception
    assert {m.label: m.value for m in at.metric} == {"Read": "3", "Added": "2", "Already stored": "0", "Skipped": "1"}
    assert "site.csv: added 2 entries." in texts(at)
    at.sidebar.radio(key="persona").set_value("technician").run()
    at.sidebar.radio(key="view").set_value("Chat").run()
    at.chat_input[0].set_value("CMP-0900 compressor trips on high discharge temperature").run()
    assert not at.exception, at.exception
    assert "[log:" in texts(at) and "cleaned condenser coil" in texts(at)

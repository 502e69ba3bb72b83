"""AppTest helpers: the app with an injected agent (scripted model, temporary stores)."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from app.service import CareForge
from core.llm import Capabilities
from core.settings import Settings
from tests.conftest import TEXT_ONLY, scripted
from tools.registry import ToolResources

APP = str(Path(__file__).resolve().parents[2] / "ui" / "app.py")


@pytest.fixture
def make_app(settings: Settings, resources: ToolResources):
    def build(
        *replies: str, caps: Capabilities = TEXT_ONLY, persona: str = "nurse", role: str | None = None, **agent_kw
    ) -> AppTest:
        agent = CareForge(
            settings,
            model=scripted(*(replies or ("ok",) * 6)),
            resources=agent_kw.pop("res", resources),
            capabilities=caps,
        )
        # signed in as a user whose role speaks as the persona (an admin may switch personas)
        role = role or persona
        user = agent.users.get(f"{role}-user") or agent.users.add(
            f"{role}-user", "a long test password", role, display_name="RN Lee"
        )
        at = AppTest.from_file(APP, default_timeout=120)
        at.session_state["agent"] = agent
        at.session_state["user"] = user
        at.run()
        assert not at.exception, at.exception
        chooser = at.sidebar.radio(key="persona")
        if not chooser.disabled:  # only an admin chooses; everyone else speaks as their role's persona
            chooser.set_value(persona).run()
        return at

    return build


def page(at: AppTest, name: str) -> AppTest:
    at.sidebar.radio(key="view").set_value(name).run()
    assert not at.exception, at.exception
    return at


def texts(at: AppTest) -> str:
    parts = [m.value for m in at.markdown] + [e.value for e in at.error] + [w.value for w in at.warning]
    parts += [i.value for i in at.info] + [s.value for s in at.success] + [c.value for c in at.caption]
    parts += [e.label for e in at.expander] + [s.label for s in at.status]
    return "\n".join(str(p) for p in parts)

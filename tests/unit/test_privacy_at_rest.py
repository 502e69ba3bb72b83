"""Data at rest: every store CareForge opens is 0600 in a 0700 directory, whatever the umask."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.privacy import redact
from core.audit import AuditLog
from core.database import open_database, prepare_checkpoints, private_dir
from core.settings import Settings
from core.threads import ThreadIndex


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def permissive_umask() -> Iterator[None]:
    # The worst case a user's shell can hand us: everything created world-readable and writable.
    old = os.umask(0o000)
    yield
    os.umask(old)


def test_a_fresh_data_directory_and_every_store_in_it_are_private(tmp_path: Path, permissive_umask) -> None:
    settings = Settings(data_dir=tmp_path / "home" / ".careforge")
    AuditLog(settings.audit_path, redact).record(
        {
            "thread_id": "t",
            "persona": "nurse",
            "routing_mode": "rules",
            "model": "m",
            "question": "q",
            "tool_calls": [],
            "flags": {},
            "timings": {},
        }
    )
    ThreadIndex(settings.threads_path, redact).touch("t", "nurse", "q")
    prepare_checkpoints(settings.conversation_path)
    assert _mode(settings.data_dir) == 0o700 and _mode(settings.data_dir.parent) == 0o700
    files = sorted(settings.data_dir.iterdir())
    assert {f.name for f in files} >= {
        "audit.sqlite",
        "threads.sqlite",
        "conversations.sqlite",
        "audit.sqlite-wal",
        "audit.sqlite-shm",
    }
    assert {f.name: _mode(f) for f in files} == {f.name: 0o600 for f in files}


def test_a_world_readable_store_from_an_older_version_is_tightened_on_open(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o755)
    os.chmod(data, 0o755)
    old = data / "audit.sqlite"
    old.touch()
    os.chmod(old, 0o644)
    open_database(old, "").close()
    assert _mode(old) == 0o600 and _mode(data) == 0o700


def test_shared_directories_are_never_tightened(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o1777)  # sticky and world-writable, like /tmp
    private_dir(shared)
    assert _mode(shared) == 0o1777

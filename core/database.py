"""How CareForge opens its own SQLite stores (audit trail, thread index, conversation checkpoints).

The stores hold conversations in clear text, so every file is readable by its owner only (0600) and lives in a
directory only its owner can enter (0700), whatever the process umask says.
"""

from __future__ import annotations

import os
import sqlite3
import stat
import tempfile
from contextlib import closing
from pathlib import Path

from langgraph.checkpoint.sqlite import SqliteSaver

# WAL with synchronous=NORMAL: a commit survives a crash of the process without an fsync each; only a power cut can
# roll back the last turns. Saves ~5 ms a turn. WAL stays with the file; synchronous is set on every connection.
PER_CONNECTION = "PRAGMA synchronous=NORMAL;"
DURABILITY = "PRAGMA journal_mode=WAL;" + PER_CONNECTION
# Writers queue for the lock rather than fail: many turns (and the UI and CLI at once) share each file.
BUSY_TIMEOUT_S = 30.0
PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600
# SQLite creates these beside the database with the database file's mode; older ones may predate the tightening.
_COMPANIONS = ("-wal", "-shm", "-journal")


def _shared_directory(path: Path) -> bool:
    # Directories other users legitimately share: tightening them would break the machine, not protect the data.
    resolved = path.resolve()
    shared = {Path.home().resolve(), Path(tempfile.gettempdir()).resolve(), Path(resolved.anchor)}
    mode = resolved.stat().st_mode
    return resolved in shared or bool(mode & stat.S_ISVTX) or resolved.stat().st_uid != os.getuid()


def private_dir(path: Path) -> Path:
    """Create ``path`` (and missing parents) as 0700; an existing own, unshared directory is tightened to 0700."""
    missing = [p for p in (path, *path.parents) if not p.exists()]
    path.mkdir(parents=True, exist_ok=True)
    for created in missing:
        os.chmod(created, PRIVATE_DIR)  # mkdir's mode is filtered by the umask; set it outright
    if stat.S_IMODE(path.stat().st_mode) & 0o077 and not _shared_directory(path):
        os.chmod(path, PRIVATE_DIR)
    return path


def private_file(path: Path) -> Path:
    """Create ``path`` if missing with mode 0600 (never readable by others, even for an instant) and tighten it."""
    private_dir(path.parent)
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY, PRIVATE_FILE))
    for candidate in (path, *(path.with_name(path.name + s) for s in _COMPANIONS)):
        if candidate.exists() and stat.S_IMODE(candidate.stat().st_mode) != PRIVATE_FILE:
            os.chmod(candidate, PRIVATE_FILE)
    return path


def open_database(path: Path, schema: str) -> sqlite3.Connection:
    """An autocommit connection usable from any thread (callers serialise writes), with ``schema`` applied."""
    private_file(path)
    conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, check_same_thread=False, isolation_level=None)
    conn.executescript(DURABILITY + schema)
    return conn


def prepare_checkpoints(path: Path) -> None:
    """Create the conversation checkpoint tables once, so a turn's own connection need not take the write lock to."""
    with closing(open_database(path, "")) as conn:
        SqliteSaver(conn).setup()

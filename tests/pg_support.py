"""A real PostgreSQL (Debian's binaries: initdb, pg_ctl) and a real ``chroma run``, each on loopback in a temp dir.

``make postgres`` installs Debian's ``postgresql`` package when the binaries are missing. PostgreSQL refuses to run
as root, so under root (a CI container) the cluster belongs to the ``postgres`` user (or ``nobody``).
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

PG_BIN_DIRS = sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def pg_bin(name: str) -> str | None:
    """A PostgreSQL server binary: on PATH, else Debian's versioned directory."""
    found = shutil.which(name)
    if found:
        return found
    for directory in PG_BIN_DIRS:
        if (directory / name).exists():
            return str(directory / name)
    return None


def _as_cluster_owner() -> tuple[list[str], int | None, int | None]:
    if os.geteuid() != 0:
        return [], None, None
    for name in ("postgres", "nobody"):
        try:
            entry = pwd.getpwnam(name)
        except KeyError:
            continue
        return ["runuser", "-u", name, "--"], entry.pw_uid, entry.pw_gid
    pytest.skip("running as root with no unprivileged user to own a PostgreSQL cluster")


@contextmanager
def postgres_server() -> Iterator[str]:
    """A throwaway cluster on 127.0.0.1 (no fsync: a test needs no durability); yields its URL."""
    initdb, pg_ctl = pg_bin("initdb"), pg_bin("pg_ctl")
    if initdb is None or pg_ctl is None:
        pytest.skip("PostgreSQL server binaries not installed (make postgres)")
    prefix, uid, gid = _as_cluster_owner()
    root = Path(tempfile.mkdtemp(prefix="careforge-pg-"))
    if uid is not None and gid is not None:
        os.chown(root, uid, gid)
    data, port = root / "data", free_port()
    run = {"check": True, "capture_output": True, "timeout": 60}
    subprocess.run([*prefix, initdb, "-D", str(data), "-A", "trust", "-U", "careforge", "--no-sync"], **run)  # type: ignore[call-overload]  # noqa: S603
    options = f"-c listen_addresses=127.0.0.1 -p {port} -k {root} -c fsync=off -c full_page_writes=off"
    start = [*prefix, pg_ctl, "-D", str(data), "-l", str(root / "log"), "-o", options, "-w", "-t", "30", "start"]
    subprocess.run(start, **run)  # type: ignore[call-overload]  # noqa: S603
    try:
        yield f"postgresql://careforge@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*prefix, pg_ctl, "-D", str(data), "-m", "immediate", "-w", "stop"], capture_output=True)  # noqa: S603
        shutil.rmtree(root, ignore_errors=True)


@contextmanager
def chroma_server(path: Path) -> Iterator[tuple[str, int]]:
    """``chroma run`` (chromadb's server) on loopback over ``path``; yields (host, port)."""
    chroma = Path(sys.executable).with_name("chroma")
    if not chroma.exists():
        pytest.skip("the chromadb CLI is not installed")
    port = free_port()
    env = {**os.environ, "ANONYMIZED_TELEMETRY": "False"}
    log = (path.parent / "chroma.log").open("wb")
    proc = subprocess.Popen(  # noqa: S603
        [str(chroma), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
        env=env,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"http://127.0.0.1:{port}/api/v2/heartbeat", timeout=1).is_success:
                    break
            except httpx.HTTPError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"chroma run did not start: {(path.parent / 'chroma.log').read_text()[-2000:]}")
            time.sleep(0.2)
        yield "127.0.0.1", port
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()

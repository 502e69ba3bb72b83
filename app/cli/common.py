"""What every command group shares: settings, output on stdout, errors on stderr, the signed-in user, progress."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer

from core.settings import RoutingMode, Settings, get_settings

if TYPE_CHECKING:
    from app.admin import User, UserStore
    from app.search import Retriever
    from app.service import CareForge

# Exit codes, the same for every command (the --help epilog and the README say so).
OK, FAILED, USAGE = 0, 1, 2
EXIT_CODES = (
    "Exit codes: 0 ok; 1 failed (the command ran and something was wrong: an unknown thread or file, no permission, "
    "a failed check or evaluation, the model endpoint down for doctor); 2 usage error (a bad option or value)."
)

PersonaOpt = Annotated[str, typer.Option("--persona", "-p", help="patient, nurse or technician")]
RoutingOpt = Annotated[RoutingMode | None, typer.Option("--routing", help="llm, rules or hybrid")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print the result as JSON.")]
# For commands whose only output is JSON: the flag is accepted so that every data command takes --json.
AlwaysJsonOpt = Annotated[bool, typer.Option("--json", help="JSON (this command's output is always JSON).")]


def settings() -> Settings:
    """The effective settings (environment, .env, defaults)."""
    return get_settings()


def out(text: str) -> None:
    """Data and results: stdout."""
    typer.echo(text)


def err(text: str) -> None:
    """Progress, hints and errors: stderr, so ``--json`` output stays clean."""
    typer.echo(text, err=True)


def dump(data: Any) -> None:
    """Print JSON (indented) on stdout."""
    out(json.dumps(data, indent=2, default=str))


def fail(message: str, code: int = FAILED) -> NoReturn:
    """Stop with an error on stderr: exit 1 for a failed command (use typer.BadParameter for usage errors)."""
    err(f"Error: {message}")
    raise typer.Exit(code)


def agent() -> CareForge:
    """The configured agent."""
    from app.service import CareForge

    return CareForge(settings())


def local_user(forge: CareForge) -> User:
    """The CareForge user this command acts as (CAREFORGE_LOCAL_USER); roles come from the user store."""
    try:
        return forge.users.ensure_local(forge.settings.local_user)
    except PermissionError as exc:  # CAREFORGE_LOCAL_USER names nobody in a store that has users
        fail(str(exc))


def admin() -> UserStore:
    """The user store, when the local user is an admin; exit 1 otherwise."""
    forge = agent()
    user = local_user(forge)
    if user.role.value != "admin":
        fail(f"not allowed: {user.username} is a {user.role.value}; this needs an admin.")
    return forge.users


def retriever() -> Retriever:
    """The vector-store retriever for the configured data directory."""
    from app.search import retriever

    return retriever(settings())


def known_thread(forge: CareForge, user: User, thread_id: str) -> None:
    """Exit 1 unless the thread exists and the user may open it (someone else's reads as a missing one)."""
    exists, _owner = forge.threads.owner(thread_id)
    try:
        forge.authorize(user, thread_id)
    except PermissionError:
        exists = False  # the same words as a missing one, so its existence does not leak
    if not exists:
        fail(f"no such thread {thread_id}; list them with: careforge threads")


@contextmanager
def progress(label: str, unit: str = "rows", every: int = 1000) -> Iterator[Callable[[int], None]]:
    """Report a count on stderr: a tqdm bar on a terminal, else a line every ``every`` and one at the end."""
    if sys.stderr.isatty():
        from tqdm import tqdm

        with tqdm(desc=label, unit=f" {unit}", file=sys.stderr) as bar:
            yield lambda done: bar.update(done - bar.n)
        return
    seen = [0, 0]  # last count reported, last count seen

    def update(done: int) -> None:
        seen[1] = done
        if done - seen[0] >= every:
            seen[0] = done
            err(f"{label}: {done:,} {unit}")

    err(f"{label}: started")
    yield update
    err(f"{label}: {seen[1]:,} {unit}, done")


@contextmanager
def ticking(label: str, every_s: float = 15.0) -> Iterator[None]:
    """For a wait with no count to report: a line on stderr every ``every_s`` seconds until the block ends."""
    import threading
    import time

    done = threading.Event()
    started = time.monotonic()

    def tick() -> None:
        while not done.wait(every_s):
            err(f"{label}: {time.monotonic() - started:.0f} s")

    ticker = threading.Thread(target=tick, daemon=True)
    ticker.start()
    try:
        yield
    finally:
        done.set()
        ticker.join()

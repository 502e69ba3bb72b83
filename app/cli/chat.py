"""Conversations: ask one question, chat interactively, list your threads."""

from __future__ import annotations

import asyncio
import shlex
import sys
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from app.cli.common import JsonOpt, PersonaOpt, RoutingOpt, agent, dump, err, fail, known_thread, local_user, out

if TYPE_CHECKING:
    from app.admin import User
    from app.service import CareForge

ThreadOpt = Annotated[
    str | None, typer.Option("--thread", help="Continue a conversation (an id from: careforge threads).")
]
NewThreadOpt = Annotated[
    str | None, typer.Option("--new-thread", help="Start a new conversation under this id (it must not exist yet).")
]


def _thread(forge: CareForge, user: User, thread: str | None, new_thread: str | None) -> str | None:
    """The thread to use: an existing one (checked), a new one under a chosen id, or None for a fresh id."""
    if thread is not None and new_thread is not None:
        raise typer.BadParameter("give --thread (continue) or --new-thread (start), not both")
    if thread is not None:
        known_thread(forge, user, thread)
        return thread
    if new_thread is not None:
        if not new_thread.strip():
            raise typer.BadParameter("--new-thread needs an id")
        if forge.threads.owner(new_thread)[0]:
            fail(f"thread {new_thread} already exists; continue it with --thread {new_thread}")
        return new_thread
    return None


def ask(
    question: str,
    persona: PersonaOpt = "patient",
    image: Annotated[list[Path] | None, typer.Option("--image", help="Attach an image (repeatable).")] = None,
    thread: ThreadOpt = None,
    new_thread: NewThreadOpt = None,
    routing: RoutingOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the whole trace as JSON.")] = False,
) -> None:
    """Ask one question and print the answer (or the whole turn as JSON), as the configured local user."""
    for path in image or []:
        if not path.is_file():
            fail(f"no such file: {path}")
    forge = agent()
    user = local_user(forge)
    thread_id = _thread(forge, user, thread, new_thread)
    try:
        result = asyncio.run(
            forge.arun(
                question, persona=persona, thread_id=thread_id, attachments=image or [], routing=routing, user=user
            )
        )
    except PermissionError as exc:
        fail(f"not allowed: {exc}")
    except ValueError as exc:  # an unknown persona, an empty or over-long message
        raise typer.BadParameter(str(exc)) from exc
    if as_json:
        out(result.model_dump_json(indent=2))
        return
    from app.reports import review_hint

    out(result.answer)
    if result.review:
        out(review_hint(result.review, result.thread_id))
    out(f"\n[thread {result.thread_id} | tools: {', '.join(t['tool'] for t in result.tool_calls) or 'none'}]")


def _print_history(forge: CareForge, user: User, thread_id: str) -> None:
    for message in asyncio.run(forge.ahistory(thread_id, user)):
        out(f"{'> ' if message['role'] == 'user' else ''}{message['content']}")
    out("")


def chat(
    persona: PersonaOpt = "patient",
    thread: ThreadOpt = None,
    new_thread: NewThreadOpt = None,
    routing: RoutingOpt = None,
) -> None:
    """Interactive chat with streamed answers. Type /quit to leave, '/image PATH question' to attach."""
    forge = agent()
    user = local_user(forge)
    try:
        forge.authorize(user, None, persona)
    except PermissionError as exc:
        fail(f"not allowed: {exc}")
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from exc
    thread_id = _thread(forge, user, thread, new_thread) or uuid.uuid4().hex
    out(f"CareForge ({persona}, signed in as {user.username}) - thread {thread_id}. /quit to leave.")
    if thread is not None:
        _print_history(forge, user, thread_id)

    async def turn(text: str, attachments: list[str]) -> None:
        async for event in forge.astream(
            text, persona=persona, thread_id=thread_id, attachments=attachments, routing=routing, user=user
        ):
            if event.type == "tool":
                out(f"  [tool] {event.data['tool']} ({event.data['duration_ms']:.1f} ms)")
            elif event.type == "token":  # guidance and findings first, then any checked model sentences
                sys.stdout.write(event.data)
                sys.stdout.flush()
            elif event.type == "done":
                dropped = event.data.flags.get("prose_dropped", [])
                out(f"\n[{len(dropped)} model sentence(s) left out: not supported by the results]" if dropped else "")

    while True:
        try:
            line = input("> ").strip()
        except (EOFError, KeyboardInterrupt):
            break
        if line in ("/quit", "/exit"):
            break
        if not line:
            continue
        attachments: list[str] = []
        if line.startswith("/image "):
            parts = shlex.split(line[7:])
            attachments, line = parts[:1], " ".join(parts[1:]) or "Describe this image."
            if not Path(attachments[0]).is_file():
                err(f"Error: no such file: {attachments[0]}")
                continue
        try:
            asyncio.run(turn(line, attachments))
        except ValueError as exc:  # an over-long message: say so and keep the session
            err(f"Error: {exc}")


def threads(
    limit: Annotated[int, typer.Option("--limit", help="At most this many, most recent first.")] = 50,
    as_json: JsonOpt = False,
) -> None:
    """List your conversations (an admin sees everyone's): id, title, persona, last used."""
    forge = agent()
    found = forge.visible_threads(local_user(forge), limit=limit)
    if as_json:
        dump([t.model_dump(mode="json") for t in found])
        return
    if not found:
        err("No conversations yet: start one with careforge ask or careforge chat.")
        return
    for t in found:
        out(f"{t.thread_id}\t{t.updated_at}\t{t.persona}\t{t.title}")

"""Servers: the HTTP API, and the model server (embedded vLLM on the CPU, or GPU profiles)."""

from __future__ import annotations

import shlex
from typing import Annotated

import typer

from app.cli.common import JsonOpt, dump, err, fail, out, settings, ticking

llm_app = typer.Typer(help="The model server: embedded vLLM on the CPU, or GPU profiles.", no_args_is_help=True)


def serve(
    host: Annotated[str, typer.Option("--host", help="Interface to bind; 0.0.0.0 only behind TLS and a firewall.")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option("--port")] = 8080,
) -> None:
    """Serve the HTTP API (/v1: turns, threads, reports, images, ingestion, OpenAI-compatible chat)."""
    import uvicorn

    from careforge_http import create_app

    uvicorn.run(create_app(settings=settings()), host=host, port=port, log_level="info")


@llm_app.command("serve")
def llm_serve(
    profile: Annotated[str | None, typer.Option("--profile", help="A GPU profile name.")] = None,
    print_only: Annotated[bool, typer.Option("--print", help="Print the command, do not run it.")] = False,
    foreground: Annotated[bool, typer.Option("--foreground", help="Stay attached; Ctrl-C stops the server.")] = False,
    vision: Annotated[
        bool,
        typer.Option("--tiny-vlm", help="Serve the tiny Idefics3 built from SmolLM2 (image path proof) on port+2."),
    ] = False,
) -> None:
    """Start the embedded CPU server (default) or a documented GPU profile."""
    from app import model_server
    from app.model_server import PROFILES

    config = settings()
    if profile is not None:
        if profile not in PROFILES:
            raise typer.BadParameter(f"unknown profile {profile!r}; choose one of: {', '.join(PROFILES)}")
        cmd = PROFILES[profile].command()
        out(shlex.join(cmd))
        if PROFILES[profile].notes:
            out(f"# {PROFILES[profile].notes}")
        if not print_only:
            import subprocess

            raise typer.Exit(subprocess.call(cmd))  # noqa: S603
        return
    server = model_server.embedded_server(config, vision=vision)
    if print_only:
        out(shlex.join(server.command()))
        return
    err(f"Starting the embedded vLLM server (log: {server.log_file}) ...")
    try:
        with ticking("still starting the model server"):
            pid = model_server.start(server, wait_s=600 if vision else 300)
    except (RuntimeError, TimeoutError, OSError) as exc:
        fail(str(exc))
    out(f"Ready at {server.base_url} (pid {pid}).")
    if foreground:
        try:
            while model_server.is_ready(server, timeout_s=5):
                import time

                time.sleep(2)
        except KeyboardInterrupt:
            pass
        finally:
            model_server.stop(server)
            out("Stopped.")


@llm_app.command("stop")
def llm_stop() -> None:
    """Stop the embedded server."""
    from app.model_server import stop_embedded

    stopped = stop_embedded(settings())
    out("Stopped." if stopped else "No embedded server was running.")


@llm_app.command("profiles")
def llm_profiles(as_json: JsonOpt = False) -> None:
    """List the GPU serving profiles."""
    from app.model_server import PROFILES

    if as_json:
        dump([{"name": p.name, "description": p.description, "notes": p.notes} for p in PROFILES.values()])
        return
    for p in PROFILES.values():
        out(f"{p.name:18} {p.description}")

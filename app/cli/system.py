"""The installation: config, doctor (what the model endpoint can do, and why), and the end-to-end evaluation."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from app.cli.common import AlwaysJsonOpt, JsonOpt, dump, err, fail, out, settings

if TYPE_CHECKING:
    from app.diagnostics import Capabilities
    from app.service import CareForge
    from core.settings import Settings


def config(as_json: AlwaysJsonOpt = True) -> None:
    """Print the effective settings (secrets masked) as JSON."""
    dump(settings().masked())


def vision_why(caps: Capabilities, configured: bool, model: str) -> str:
    """Why images are (not) sent to the model for a visual read: the setting and the probe, in words."""
    setting = f"CAREFORGE_MODEL_VISION_TRUSTED is {'true' if configured else 'false'}"
    if caps.vision_trusted:
        return f"trusted: the model server accepts image input and {setting}"
    if not configured:
        accepts = "the model server accepts image input, but " if caps.accepts_images else ""
        return f"not trusted: {accepts}{setting}, so images are not sent for a visual read"
    if not caps.reachable:
        return f"configured trusted ({setting}), but the model server is unreachable, so image input was not checked"
    return f"configured trusted ({setting}), but the model server reports no image input ({model} rejected an image)"


def doctor(as_json: AlwaysJsonOpt = True) -> None:
    """Probe the model endpoint and report what it can do (JSON); exit 1 when it is unreachable."""
    from app.diagnostics import drug_knowledge_base, probe

    config = settings()
    caps = probe(config)
    why = vision_why(caps, config.model_vision_trusted, config.model_name)
    dump(
        {
            "model_endpoint": caps.model_dump(),
            "vision": {
                "configured_trusted": config.model_vision_trusted,
                "accepts_images": caps.accepts_images,
                "trusted": caps.vision_trusted,
                "why": why,
            },
            "vision_trusted_why": why,
            "answer_quality": answer_quality(caps.reachable, config.model_name, config.addendum_tokens),
            "drug_knowledge_base": drug_knowledge_base(),
        }
    )
    if not caps.reachable:
        raise typer.Exit(code=1)


def answer_quality(reachable: bool, model: str, budget: int) -> str:
    """Which answer this endpoint gives, in words (the README's table says the same)."""
    if not reachable:
        return "model down: answers are composed from the tool results alone (complete, no model sentences)"
    if budget == 0:
        return "model passage off (CAREFORGE_ADDENDUM_TOKENS=0): answers are composed from the tool results"
    if "smollm2" in model.lower():
        return (
            "embedded SmolLM2-135M: the composed answer, plus at most a few model sentences that pass the "
            "grounding check (most are dropped; the composed answer carries the facts)"
        )
    return f"{model}: the composed answer plus up to {budget} tokens of checked model sentences"


def default_report(config: Settings, cwd: Path | None = None) -> Path:
    """Where ``eval`` writes without --out.

    The repository's docs/evaluation.md when run inside the checkout, else evaluation.md in the data directory
    (never inside an installed package).
    """
    import evaluation

    root = Path(evaluation.__file__).resolve().parents[1]
    here = (cwd or Path.cwd()).resolve()
    if (root / "pyproject.toml").is_file() and (root / "docs").is_dir() and here.is_relative_to(root):
        return root / "docs" / "evaluation.md"
    return config.data_dir / "evaluation.md"


def ensure_demo_data(forge: CareForge) -> None:
    """Ingest the bundled demo data when the log store is empty (the cases search it)."""
    from app.cli.ingest import demo
    from app.ingestion import store_counts

    counts = store_counts(forge)
    if counts is not None and counts[0] == 0:
        err("The vector store is empty: ingesting the bundled demo data first.")
        demo()


def evaluate(
    routing: Annotated[list[str] | None, typer.Option("--routing", help="rules and/or hybrid (default both)")] = None,
    out_file: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="Where to write the pass table (default: docs/evaluation.md inside the repository, "
            "else evaluation.md in the data directory).",
        ),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Run the fixed end-to-end evaluation through the real agent and write its pass table; exit 1 if a case fails."""
    from app.service import CareForge
    from core.settings import RoutingMode
    from evaluation import cases, runner
    from evaluation.report import write_section

    modes = routing or ["rules", "hybrid"]
    for mode in modes:
        if mode not in {m.value for m in RoutingMode}:
            raise typer.BadParameter(f"unknown routing {mode!r}; choose rules, hybrid or llm")
    config = settings()
    try:
        samples = runner.samples_dir(config.samples_dir, cases.CASES)
    except FileNotFoundError as exc:
        fail(str(exc))
    target = out_file or default_report(config)
    forge = CareForge(config)
    ensure_demo_data(forge)
    caps = forge.capabilities(refresh=True)
    outcomes: list[runner.Outcome] = []
    for mode in modes:
        done: list[runner.Outcome] = []

        def show(o: runner.Outcome, done: list[runner.Outcome] = done) -> None:
            done.append(o)
            verdict = "pass" if o.passed else "FAIL: " + "; ".join(o.failures)
            err(f"[{o.routing}] {len(done)}/{len(cases.CASES)} {o.case.id}: {verdict}")

        outcomes += asyncio.run(runner.run_cases(forge, mode, cases.CASES, samples=samples, progress=show))
    table = runner.markdown(outcomes, config.model_name, caps.reachable)
    try:
        write_section(target, "end-to-end", table)  # the triage and other component reports in the file stay
    except OSError as exc:
        fail(f"cannot write {target}: {exc.strerror or exc}")
    err(f"Wrote {target}")
    if as_json:
        dump({"report": str(target), "outcomes": [runner.to_dict(o) for o in outcomes]})
    else:
        out(table)
    if not all(o.passed for o in outcomes):
        raise typer.Exit(1)

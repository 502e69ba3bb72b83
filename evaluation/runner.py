"""Run the evaluation cases through a real agent and check each turn; write the pass table."""

from __future__ import annotations

import datetime as dt
import re
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image

from app.service import CareForge, TurnResult
from evaluation.cases import CASES, Case
from tools.reports import Report, ReviewDecision, missing_required

_HERE = Path(__file__).resolve().parent
# Where the sample images may be, in order: package data (an installed wheel), then a source checkout's samples/.
SAMPLE_CANDIDATES = (_HERE / "data" / "dicom", _HERE / "samples" / "dicom", _HERE.parent / "samples" / "dicom")
SAMPLES = next((p for p in SAMPLE_CANDIDATES if p.is_dir()), SAMPLE_CANDIDATES[-1])


def sample_files(cases: tuple[Case, ...] = CASES) -> set[str]:
    """The sample images the cases attach (besides the photos made on the fly)."""
    return {a for case in cases for a in case.attachments if not a.startswith("photo:")}


def samples_dir(configured: Path | None = None, cases: tuple[Case, ...] = CASES) -> Path:
    """The folder holding the cases' sample images: ``configured`` (CAREFORGE_SAMPLES_DIR) or a bundled one.

    Raises FileNotFoundError naming the places looked at and the files missing.
    """
    needed = sample_files(cases)
    places = [configured] if configured is not None else list(SAMPLE_CANDIDATES)
    for place in places:
        if all((place / name).is_file() for name in needed):
            return place
    looked = ", ".join(str(p) for p in places)
    raise FileNotFoundError(
        f"the evaluation's sample images ({', '.join(sorted(needed))}) are not in {looked}; "
        "set CAREFORGE_SAMPLES_DIR to a folder that has them (the repository's samples/dicom)"
    )


def to_dict(outcome: Outcome) -> dict[str, object]:
    """One outcome as JSON-friendly data (``careforge eval --json``)."""
    return {
        "case": outcome.case.id,
        "category": outcome.case.category,
        "routing": outcome.routing,
        "passed": outcome.passed,
        "tools": outcome.tools,
        "failures": outcome.failures,
        "guards": outcome.guards,
        "ms": round(outcome.ms, 1),
    }


_CITED = re.compile(r"\[([a-z_]+:[^\]\s]+)\]")


@dataclass(slots=True)
class Outcome:
    """One case under one routing mode."""

    case: Case
    routing: str
    tools: list[str]
    failures: list[str] = field(default_factory=list)
    guards: list[str] = field(default_factory=list)
    ms: float = 0.0

    @property
    def passed(self) -> bool:
        """No check failed."""
        return not self.failures


def make_photos(folder: Path) -> dict[str, Path]:
    """Generated stand-ins for uploaded photos (no photo data ships with the product) and a non-image file."""
    rng = np.random.default_rng(7)
    folder.mkdir(parents=True, exist_ok=True)
    photos = {
        "photo:weld": rng.integers(60, 200, (480, 640, 3), dtype=np.uint8),
        "photo:wound": np.clip(rng.normal([170, 90, 80], 25, (480, 640, 3)), 0, 255).astype(np.uint8),
        "photo:dark": rng.integers(0, 25, (480, 640), dtype=np.uint8),
    }
    paths = {}
    for name, pixels in photos.items():
        path = folder / f"{name.split(':')[1]}.jpg"
        Image.fromarray(pixels).save(path, format="JPEG")
        paths[name] = path
    notes = folder / "scan.dcm"
    notes.write_text("Patient notes, not an image.\n" * 20)
    paths["photo:notes"] = notes
    return paths


def check(case: Case, result: TurnResult) -> tuple[list[str], list[str]]:
    """The failed checks of one turn, and the guard decisions seen."""
    failures: list[str] = []
    ran = {t["tool"]: t for t in result.tool_calls}
    flags = result.flags
    guards = [k for k in ("red_flags", "injection_suspected", "prose_dropped", "refused_tools", "model_unavailable")
              if flags.get(k)]
    if result.review:
        guards.append("review")
    for tool in case.tools:
        if tool not in ran:
            failures.append(f"{tool} did not run")
        elif not case.tool_error and not ran[tool]["ok"]:
            failures.append(f"{tool} failed: {ran[tool]['summary'][:120]}")
    failures += [f"{tool} ran but should not" for tool in case.no_tools if tool in ran]
    if case.tool_error and not any(not t["ok"] for t in result.tool_calls):
        failures.append("bad input was not reported as a tool error")
    for key in case.flags:
        if not flags.get(key):
            failures.append(f"guard {key} did not act")
    if case.red_flag and case.red_flag not in flags.get("red_flags", []):
        failures.append(f"red flag {case.red_flag} missed")
    if flags.get("red_flags"):
        heading = "**EMERGENCY" if case.persona != "technician" else "**STOP WORK"
        if result.answer and not result.answer.startswith(heading):
            failures.append("emergency guidance is not first")
    if case.review_kind:
        kind = (result.review or {}).get("report", {}).get("kind")
        if kind != case.review_kind:
            failures.append(f"expected a {case.review_kind} draft awaiting review, got {kind}")
    answer = result.answer
    if not result.review:
        cited = set(_CITED.findall(answer))
        for tool, call in ran.items():
            own = {c["id"] for c in call["artifact"].get("citations", [])}
            if own and not own & cited:
                failures.append(f"answer does not cite {tool}")
        unknown = cited - {c["id"] for c in result.citations}
        if unknown:
            failures.append(f"answer cites unknown sources {sorted(unknown)}")
        if not answer.strip():
            failures.append("empty answer")
    lowered = answer.lower()
    failures += [f"answer lacks {p!r}" for p in case.expect if p.lower() not in lowered and not result.review]
    failures += [f"answer contains {p!r}" for p in case.forbid if p.lower() in lowered]
    return failures, guards


async def _review(agent: CareForge, result: TurnResult, case: Case, routing: str) -> TurnResult:
    """Sign the draft as a reviewer would: fill any required section the conversation left empty, then approve.

    A patient approves only a visit summary; a radiology report is signed by a radiologist (the default policy).
    """
    draft = Report.model_validate(result.review["report"]) if result.review else None
    role = "radiologist" if draft is not None and draft.kind.value == "radiology" else case.persona
    missing = missing_required(draft) if draft is not None else []
    if missing:
        fill = {name: "Reviewed by the evaluator: nothing further to add." for name in missing}
        edit = ReviewDecision(decision="edit", editor="evaluator", role=role, edits=fill)
        await agent.adecide(result.thread_id, edit, persona=case.persona, routing=routing)
    approve = ReviewDecision(decision="approve", editor="evaluator", role=role)
    return await agent.adecide(result.thread_id, approve, persona=case.persona, routing=routing)


async def run_cases(
    agent: CareForge,
    routing: str,
    cases: tuple[Case, ...] = CASES,
    *,
    samples: Path | None = None,
    progress: Callable[[Outcome], None] | None = None,
) -> list[Outcome]:
    """Each case in order; cases with ``after`` continue that case's thread (reports read earlier turns).

    ``samples`` is the folder of sample images (default: the bundled one); ``progress`` sees each outcome.
    """
    samples = samples or SAMPLES
    outcomes: list[Outcome] = []
    threads: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as folder:
        photos = make_photos(Path(folder))
        for case in cases:
            files = [photos[a] if a.startswith("photo:") else samples / a for a in case.attachments]
            thread = threads.get(case.after or "", None) if case.after else None
            started = time.perf_counter()
            result = await agent.arun(
                case.text, persona=case.persona, thread_id=thread, attachments=files, routing=routing
            )
            failures, guards = check(case, result)
            if result.review and case.review_kind:
                done = await _review(agent, result, case, routing)
                status = done.reports[-1]["status"] if done.reports else "none"
                if done.review is not None or status != "approved":
                    failures.append(f"approval failed: {(done.review or {}).get('error') or status}")
            threads[case.id] = result.thread_id
            outcomes.append(
                Outcome(case, routing, [t["tool"] for t in result.tool_calls], failures, guards,
                        (time.perf_counter() - started) * 1000)
            )
            if progress:
                progress(outcomes[-1])
    return outcomes


def markdown(outcomes: list[Outcome], model: str, reachable: bool) -> str:
    """The pass table, per routing mode and category, then every turn."""
    lines = [
        "# End-to-end evaluation",
        "",
        f"Run {dt.datetime.now().strftime('%Y-%m-%d %H:%M')} with `careforge eval`; model `{model}` "
        f"({'reachable' if reachable else 'unreachable: degraded mode'}). {len({o.case.id for o in outcomes})} "
        "scripted user turns per routing mode, through the real agent (real tools, stores and model endpoint).",
        "",
        "| routing | category | passed | total |",
        "|---|---|---|---|",
    ]
    for routing in sorted({o.routing for o in outcomes}):
        mine = [o for o in outcomes if o.routing == routing]
        for category in sorted({o.case.category for o in mine}):
            group = [o for o in mine if o.case.category == category]
            lines.append(f"| {routing} | {category} | {sum(o.passed for o in group)} | {len(group)} |")
        lines.append(f"| **{routing}** | **all** | **{sum(o.passed for o in mine)}** | **{len(mine)}** |")
    repaired = sum("prose_dropped" in o.guards for o in outcomes)
    lines += [
        "",
        f"The grounding check left out at least one model sentence in {repaired} of {len(outcomes)} turns "
        "(`prose_dropped`); every answer leads with the composed findings, which need no model. A pass checks tools, "
        "citations and guards, not the quality of the prose. With a model that cannot call tools, hybrid routing "
        "falls back to the rules, so both modes choose the same tools.",
        "",
        "| case | routing | persona | tools run | guards | ms | result |",
        "|---|---|---|---|---|---|---|",
    ]
    for o in outcomes:
        verdict = "pass" if o.passed else "FAIL: " + "; ".join(o.failures).replace("|", "/")
        lines.append(
            f"| {o.case.id} | {o.routing} | {o.case.persona} | {', '.join(o.tools) or '-'} | "
            f"{', '.join(o.guards) or '-'} | {o.ms:.0f} | {verdict} |"
        )
    return "\n".join(lines) + "\n"

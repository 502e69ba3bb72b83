"""Deterministic guards on text: an injection attempt in a message, and a model passage's whole-text problems."""

from __future__ import annotations

import re

from safety.injection import pattern_cues


def injection_suspected(text: str) -> bool:
    """Whether a user's message reads like an attempt to override the assistant's instructions.

    The same instruction patterns as retrieved text (``safety.injection``), so one list serves every input.
    """
    return bool(pattern_cues(text))


_TURN_MARKER = re.compile(r"^\s*(user|assistant|system|human|ai)\s*:", re.IGNORECASE | re.MULTILINE)
_SCAFFOLD = ("TOOL RESULTS", "<<<", ">>>", "USER MESSAGE:")


def tidy_prose(prose: str) -> str:
    """Cut what small models add after their answer: invented conversation turns."""
    marker = _TURN_MARKER.search(prose)
    return (prose[: marker.start()] if marker else prose).strip()


def _repetitive(prose: str) -> bool:
    lines = [line.strip() for line in re.split(r"[\n.!?]+", prose) if len(line.strip()) > 12]
    return any(lines.count(line) >= 3 for line in set(lines))


def prose_problems(prose: str) -> list[str]:
    """Problems of a whole passage, whatever its sentences say: an echoed prompt, repetition, nothing written."""
    problems: list[str] = []
    if any(mark in prose for mark in _SCAFFOLD) or "FINDINGS" in prose:
        problems.append("answer echoed the prompt")
    if _repetitive(prose):
        problems.append("answer repeats itself")
    if len(prose.strip()) < 2:
        problems.append("empty answer")
    return problems

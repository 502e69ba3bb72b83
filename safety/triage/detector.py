"""Red-flag triage: two independent detectors (rules and meaning), either of which can raise a flag."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from safety.triage.categories import BY_KEY, DEFAULT_CRISIS_LINE, Audience, Category, guidance_for
from safety.triage.context import quiet
from safety.triage.normalise import normalise
from safety.triage.ruleset import rule_keys
from safety.triage.semantic import SemanticDetector

MAX_CHARS = 20_000  # the agent's message limit; triage reads all of it
# A rule flag the probe may overrule when it reads the message as clearly no emergency (below its ``veto``): never
# for suicide, harm to others or an overdose, where a veiled message ("how many would it take, asking for me") reads
# as calm as a question and a missed flag costs most.
NEVER_VETOED = frozenset({"suicide", "harm_others", "overdose"})
# Nor when the message speaks of defeating a safety device ("how to bypass the interlock"): OSHA 1910.147 and HSE make
# that a stop-work condition however calmly it is asked.
DEFEAT = re.compile(r"\b(bypass\w*|defeat\w*|overrid\w*|override|jumper\w*|disabl\w*|tie[ds]? (it |them )?off)\b")


@dataclass(frozen=True, slots=True)
class TriageFlag:
    """One raised category, which detectors raised it, and why (for the trace and the audit)."""

    key: str
    label: str
    domain: str
    detectors: tuple[str, ...]
    evidence: str = ""  # the sentence and exemplar the semantic detector matched, if it did

    def as_record(self) -> dict[str, object]:
        """A plain dict for the trace, the audit and the UI."""
        return {
            "key": self.key,
            "label": self.label,
            "domain": self.domain,
            "detectors": list(self.detectors),
            "evidence": self.evidence,
        }


@dataclass(frozen=True, slots=True)
class TriageResult:
    """What triage decided for one message."""

    flags: list[TriageFlag] = field(default_factory=list)
    overruled: tuple[str, ...] = ()  # rule categories the probe overruled (kept for the trace and the audit)

    @property
    def keys(self) -> list[str]:
        """The raised category keys."""
        return [f.key for f in self.flags]

    def guidance(self, audience: Audience, crisis_line: str = DEFAULT_CRISIS_LINE) -> str:
        """Guidance to show first, one line per category; suicide first, then clinical, then workplace."""
        order = sorted(self.flags, key=lambda f: (f.key != "suicide", f.domain != "clinical"))
        lines = []
        for flag in order:
            category: Category = BY_KEY[flag.key]
            heading = "EMERGENCY" if category.domain == "clinical" else "STOP WORK"
            text = guidance_for(category, audience, crisis_line).removeprefix("STOP WORK. ")
            lines.append(f"**{heading} - {category.label}:** {text}")
        return "\n".join(lines)


class Triage:
    """The rules always run; the semantic detector runs when it was given (it needs the embedding model)."""

    def __init__(self, semantic: SemanticDetector | None = None) -> None:
        """Keep the detectors; build once per process."""
        self.semantic = semantic

    def assess(self, text: str) -> TriageResult:
        """Every red flag in the message, clinical and workplace alike, whoever is writing."""
        lowered = normalise(text[:MAX_CHARS])
        found: dict[str, list[str]] = {}
        evidence: dict[str, str] = {}
        for key in rule_keys(lowered):
            found.setdefault(key, []).append("rules")
        overruled: tuple[str, ...] = ()
        # The probe is not asked when the rules found nothing and the message is figurative or an all-clear.
        if self.semantic is not None and (found or not quiet(lowered)):
            reading = self.semantic.read(lowered)
            # Most false alarms on new writers were rule words in a safe frame ("STEMI vs NSTEMI for our
            # in-service", a drill's smoke machines) that the probe reads as plainly calm. Its veto is chosen
            # leave-one-writer-out in scripts/tune_triage.py as the highest that lost no held-out emergency.
            if (
                found
                and not reading.hits
                and reading.peak is not None
                and reading.peak < self.semantic.veto
                and not NEVER_VETOED & found.keys()
                and not DEFEAT.search(lowered)
            ):
                overruled, found = tuple(found), {}
            for hit in reading.hits:
                found.setdefault(hit.key, []).append("semantic")
                evidence[hit.key] = f"{hit.sentence!r} ~ {hit.exemplar!r} ({hit.score:.2f})"
        flags = [
            TriageFlag(key, BY_KEY[key].label, BY_KEY[key].domain, tuple(detectors), evidence.get(key, ""))
            for key, detectors in found.items()
        ]
        return TriageResult(flags, overruled)

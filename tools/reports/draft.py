"""Fill a report from the conversation and the tool results.

The case (who, where, what was measured, which medicines are current) is extracted from the user's own messages by
``tools.reports.extract``; tool results add findings with citations. Structure and citations are code: a section
nothing supports says "not stated", and citation ids stay in each section's ``citations``, never in its text.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import Any

from tools.reports.equipment import extract_equipment, extract_incident
from tools.reports.extract import Case, MedicineReader, extract_case
from tools.reports.models import BODIES, TITLES, EvidenceItem, Report, ReportKind, Section
from tools.reports.sections import fill_clinical, fill_incident, fill_work_order


@dataclass(slots=True)
class Evidence:
    """What the conversation established: the user's messages and the tool results, grouped by tool."""

    user_texts: list[str]
    alerts: list[str] = field(default_factory=list)
    drugs: list[dict[str, Any]] = field(default_factory=list)  # interaction findings
    drug_names: list[str] = field(default_factory=list)
    unknown_drugs: list[str] = field(default_factory=list)
    images: list[dict[str, Any]] = field(default_factory=list)  # image_analysis data + citation id
    logs: list[dict[str, Any]] = field(default_factory=list)  # hits
    docs: list[dict[str, Any]] = field(default_factory=list)
    items: dict[str, EvidenceItem] = field(default_factory=dict)
    reader: MedicineReader | None = None  # the drug tool's free-text reader (the bundled one when None)
    _case: Case | None = None

    def cite(self, item_id: str, kind: str, title: str) -> str:
        """Record that a section cites this item; returns its id."""
        self.items.setdefault(item_id, EvidenceItem(id=item_id, kind=kind, title=title))
        return item_id

    @property
    def case(self) -> Case:
        """The case the user's messages state, extracted once."""
        if self._case is None:
            self._case = extract_case(self.user_texts, self.reader)
        return self._case


def gather(
    user_texts: list[str],
    artifacts: list[dict[str, Any]],
    alerts: list[str] | None = None,
    *,
    reader: MedicineReader | None = None,
) -> Evidence:
    """Group tool artifacts (ToolOutput dumps, oldest first) by kind; failed results are left out."""
    ev = Evidence(user_texts=[t for t in user_texts if t.strip()], alerts=list(alerts or []), reader=reader)
    for art in artifacts:
        if art.get("error"):
            continue
        data = art.get("data") or {}
        kind = art.get("kind")
        if kind == "drug_interactions":
            known = {i.get("id") for i in ev.drugs}
            ev.drugs.extend(i for i in data.get("interactions", []) if i.get("id") not in known)
            for name in data.get("names", []):
                ev.drug_names.extend(i for i in name.get("ingredients") or [] if i not in ev.drug_names)
            ev.unknown_drugs.extend(data.get("unknown", []))
        elif kind == "image_analysis":
            cid = next((c["id"] for c in art.get("citations", [])), f"image:{data.get('sha256_16', '?')}")
            ev.images.append({**data, "citation_id": cid})
        elif kind in ("maintenance_logs", "knowledge"):
            (ev.logs if kind == "maintenance_logs" else ev.docs).extend(data.get("hits", []))
    return ev


def _fill(kind: ReportKind, ev: Evidence, allow_names: bool) -> tuple[dict[str, Section], str | None]:
    if kind is ReportKind.WORK_ORDER:
        eq = extract_equipment(ev.user_texts, ev.logs)
        return fill_work_order(eq, ev.alerts, ev.cite), eq.asset
    if kind is ReportKind.INCIDENT:
        eq = extract_equipment(ev.user_texts, ev.logs)
        return fill_incident(extract_incident(ev.user_texts), eq, ev.alerts, ev.cite), eq.asset
    case = ev.case
    sections = fill_clinical(kind, case, ev.drugs, ev.images, ev.alerts, ev.cite, allow_names)
    return sections, case.who(allow_names) or None


def draft_report(kind: ReportKind | str, evidence: Evidence, request: str = "", *, allow_names: bool = False) -> Report:
    """A draft of ``kind`` from ``evidence``; sections nothing supports say "not stated".

    ``request`` is accepted for the tool's signature and deliberately unused: the report is built from what the
    conversation established, never from the sentence that asked for it. ``allow_names`` lets the patient's name
    into the report where the deployment allows it; the tool's summary for the model never carries it.
    """
    kind = ReportKind(kind)
    sections, subject = _fill(kind, evidence, allow_names)
    body = BODIES[kind].model_validate({"kind": kind.value, **sections})
    cited = list(dict.fromkeys(c for s in sections.values() for c in s.citations))
    return Report(
        id=f"rpt-{uuid.uuid4().hex[:12]}",
        kind=kind,
        title=TITLES[kind],
        created_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        body=body,
        evidence=[evidence.items[c] for c in cited if c in evidence.items],
        subject=subject,
    )

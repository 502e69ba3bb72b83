"""Deterministic tool proposals: the clear cases never depend on the model's size."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from agent.state import Attachment
from tools.drugs import DrugNameResolver, Resolution

# Equipment and fault vocabulary of technician questions (aviation, medical, industrial).
_EQUIPMENT = re.compile(
    r"\b(ventilator|infusion pump|pump|monitor|defibrillator|analy[sz]er|centrifuge|autoclave|steriliser|sterilizer|"
    r"x-?ray|ct scanner|mri|ultrasound|compressor|engine|cylinder|valve|hose|bearing|gearbox|motor|conveyor|boiler|"
    r"chiller|generator|sensor|probe|battery|filter|alarm|error code|fault|leak\w*|overheat\w*|vibrat\w*|"
    r"tripp?(ed|ing)|won'?t (start|boot|power)|occlusion|calibrat\w*|firmware|wiring|circuit|magneto|carburet\w*|"
    r"spark plug|prop(eller)?|landing gear|hydraulic|pneumatic|weld\w*|pcb|gasket|seal|belt)\b",
    re.IGNORECASE,
)
# Equipment types as the logs name them (the bundled medical logs' vocabulary): a question that names exactly one
# searches that type's entries, so a ventilator alarm is not answered with infusion pumps and aircraft engines.
_EQUIPMENT_TYPES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), kind)
    for pattern, kind in (
        (r"\bventilators?\b", "ventilator"),
        (r"\binfusion pumps?\b", "infusion pump"),
        (r"\b(patient|bedside) monitors?\b", "patient monitor"),
        (r"\b(defibrillators?|defibs?|AEDs?)\b", "defibrillator"),
        (r"\b(lab|laboratory|chemistry|blood gas|h(a)?ematology) analy[sz]ers?\b", "lab analyzer"),
        (r"\bct scanners?\b", "ct scanner"),
        (r"\b(mri|mr scanner)s?\b", "mri"),
        (r"\bultrasound (machines?|scanners?|units?|systems?)\b", "ultrasound"),
        (r"\bx-?ray (machines?|units?|systems?|generators?|tubes?)\b", "x-ray"),
        (r"\b(autoclaves?|sterili[sz]ers?)\b", "autoclave"),
    )
)
ASSET_ID = re.compile(r"\b([A-Z]{2,5}-?\d{2,6}[A-Z]?)\b")
_REPORT = re.compile(
    r"\b(draft|write|prepare|generate|create|make|fill|start|need)\b[^.?!]{0,40}\b(report|summary|handoff|hand-off|"
    r"sbar|work order|incident)\b|\b(sbar|handoff|hand-off|work order)\b|"
    r"\b(radiology|x-?ray|imaging|incident|failure|visit) (report|summary)\b(?! (said|says|shows?|showed))",
    re.IGNORECASE,
)
_REPORT_KIND = (
    (re.compile(r"\b(radiology|x-?ray|ct|mri|scan|imaging) report\b", re.I), "radiology"),
    (re.compile(r"\b(handoff|hand-off|sbar|shift)\b", re.I), "nursing_handoff"),
    (re.compile(r"\b(incident|failure) report\b", re.I), "incident"),
    (re.compile(r"\bwork order\b", re.I), "work_order"),
    (re.compile(r"\b(visit )?summary\b", re.I), "visit_summary"),
)
# "Is zorbluxin ok with warfarin?": a pairing of two names, one of which may be unknown to the knowledge base.
_PAIRING = re.compile(
    r"\b([A-Za-z][\w-]{3,})\s+(?:(?:is |are )?(?:ok|okay|fine|safe)\s+)?(?:with|and|plus|together with)\s+"
    r"([A-Za-z][\w-]{3,})\b",
    re.IGNORECASE,
)
_NOT_DRUGS = frozenset(
    "this that them these those food meals drinks alcohol coffee water milk juice pain your mine myself take taking "
    "together each other also again well both".split()
)
# A follow-up that points back at medicines already named in the thread ("those two", "my pill", "adding advil").
_REFERS_BACK = re.compile(
    r"\b(those|these|them|both|all (of )?(them|these|those|three|four)|the (two|three|other|same|new|first|second) "
    r"(ones?|drugs?|meds?|medicines?|pills?|tablets?)|the new one|my (other )?(pills?|meds|medications?|medicines?|"
    r"tablets?)|add(ing)?|as well|too|also|along with|on top of|with (it|them|that)|instead|what about|how about)\b",
    re.IGNORECASE,
)
_QUESTION = re.compile(r"\?|\b(what|how|why|when|which|can|should|is|are|does|do)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ProposedCall:
    """One tool call the rules want made, and why."""

    name: str
    args: dict[str, Any]
    reason: str
    safety_relevant: bool = False
    runs_last: bool = False  # needs the other tools' results (a report drafted from them)


@dataclass(slots=True)
class RulePlanner:
    """Proposes tool calls from lexicons and patterns; built once with the drug name resolver."""

    resolver: DrugNameResolver

    def propose(
        self,
        text: str,
        persona: str,
        attachments: list[Attachment],
        available: set[str],
        report_kinds: tuple[str, ...] = (),
        known_medicines: tuple[str, ...] = (),
        named: list[str] | None = None,
    ) -> list[ProposedCall]:
        """Tool calls for this message; only tools in ``available`` and report kinds in ``report_kinds``.

        ``known_medicines`` are those already named in the thread: a follow-up that names one more medicine, or
        points back at them ("those two", "my pill"), is checked against all of them.
        """
        calls: list[ProposedCall] = []
        drugs = self.medicines_in_play(text, known_medicines, named)
        if len(drugs) == 1:
            drugs += self._unknown_partner(text, drugs[0])
        if len(drugs) >= 2 and "check_drug_interactions" in available:
            earlier = [d for d in drugs if d in known_medicines]
            reason = f"{len(drugs)} medicines in play" + (f" ({len(earlier)} named earlier)" if earlier else "")
            calls.append(ProposedCall("check_drug_interactions", {"drugs": drugs}, reason, safety_relevant=True))
        for attachment in attachments:
            if "analyze_image" in available:
                calls.append(
                    ProposedCall(
                        "analyze_image",
                        {"path": attachment["path"], "question": text[:2000], "persona": persona},
                        f"image attached: {attachment['name']}",
                        safety_relevant=True,
                    )
                )
        asset = ASSET_ID.search(text)
        if "search_maintenance_logs" in available and (asset or _EQUIPMENT.search(text)):
            args: dict[str, Any] = {"query": text[:2000]}
            reason = "equipment or fault words"
            if asset:
                args["asset"] = asset.group(1)
            elif equipment := _equipment_type(text):
                args["equipment"] = equipment
                reason = f"{equipment} named"
            calls.append(ProposedCall("search_maintenance_logs", args, reason))
        if "draft_report" in available and report_kinds and _REPORT.search(text):
            asked = next((k for rx, k in _REPORT_KIND if rx.search(text)), None)
            # A kind the persona may not draft (a patient asking for a radiology report) falls back to its default.
            kind = asked if asked in report_kinds else report_kinds[0]
            calls.append(
                ProposedCall("draft_report", {"kind": kind, "request": text[:2000]}, "report requested", runs_last=True)
            )
        if not calls and "search_knowledge" in available and _QUESTION.search(text) and len(text.split()) >= 3:
            calls.append(ProposedCall("search_knowledge", {"query": text[:2000]}, "question for the vetted documents"))
        return calls

    @staticmethod
    def _unknown_partner(text: str, known: str) -> list[str]:
        """The other name in "X with Y" when only Y is a known drug: the tool then reports X as unknown."""
        for match in _PAIRING.finditer(text):
            first, second = match.group(1), match.group(2)
            if known.lower() in (first.lower(), second.lower()):
                other = second if first.lower() == known.lower() else first
                if other.lower() not in _NOT_DRUGS:
                    return [other]
        return []

    def follow_ups(
        self, results: list[dict[str, Any]], known: tuple[str, ...], available: set[str]
    ) -> list[ProposedCall]:
        """Calls that what an image's text named asks for, each once per turn.

        Its medicines are checked against the thread's, its alarm codes and asset ids looked up in the logs.
        """
        ran = {r["tool"] for r in results}
        calls: list[ProposedCall] = []
        for result in results:
            read = ((result.get("artifact") or {}).get("data") or {}).get("read") or {}
            medicines = [i for m in read.get("medicines", []) for i in m.get("ingredients", [])]
            in_play = list(dict.fromkeys([*known, *medicines]))
            if (
                medicines
                and len(in_play) >= 2
                and "check_drug_interactions" in available
                and ("check_drug_interactions" not in ran)
            ):
                reason = f"{len(medicines)} medicine(s) read from the image"
                calls.append(ProposedCall("check_drug_interactions", {"drugs": in_play}, reason, safety_relevant=True))
            codes = [*read.get("codes", []), *read.get("asset_ids", [])]
            if codes and "search_maintenance_logs" in available and "search_maintenance_logs" not in ran:
                args: dict[str, Any] = {"query": " ".join(codes)[:500]}
                if read.get("asset_ids"):
                    args["asset"] = read["asset_ids"][0]
                calls.append(ProposedCall("search_maintenance_logs", args, "codes read from the image"))
        return calls[:2]

    def medicines_in_play(self, text: str, known: tuple[str, ...] = (), named: list[str] | None = None) -> list[str]:
        """The medicines this message is about: those it names, plus the thread's when it adds to or points at them.

        ``named``: the names already read from ``text`` (the graph reads them once per turn).
        """
        named = self.medicine_names(text) if named is None else named
        if known and (_REFERS_BACK.search(text) or (len(named) == 1 and named[0] not in known)):
            return list(dict.fromkeys([*known, *named]))
        return named

    def medicine_names(self, text: str) -> list[str]:
        """Distinct medicines named in the text (ambiguous names kept so the tool reports them).

        Names found exactly go to the tool as typed, so its report says how each was read; a misspelling the text
        reader matched goes as the ingredient it was read as, since the tool's own fuzzy match of a single typed
        name is stricter than the reader's, which also sees the words around it.
        """
        seen: set[tuple[str, ...]] = set()
        names: list[str] = []
        for match in self.resolver.find_in_text(text):
            key = tuple(match.ingredients) if match.resolution is not Resolution.AMBIGUOUS else (match.typed,)
            if key in seen:
                continue
            seen.add(key)
            if match.resolution is Resolution.FUZZY and match.ingredients:
                names.append(match.ingredients[0] if len(match.ingredients) == 1 else match.typed)
            else:
                names.append(match.typed)
        return names


def _equipment_type(text: str) -> str | None:
    """The one equipment type a question names; none when it names several (or none), so nothing is filtered away."""
    kinds = {kind for pattern, kind in _EQUIPMENT_TYPES if pattern.search(text)}
    return kinds.pop() if len(kinds) == 1 else None

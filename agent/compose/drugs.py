"""The drug check's findings in words each reader wants: plain for a patient, clinical with a table for a nurse."""

from __future__ import annotations

from typing import Any

_PLAIN = {
    "contraindicated": "should not be taken together",
    "major": "can interact in a serious way",
    "moderate": "can interact",
    "minor": "have a minor interaction",
}


def _who(names: list[str], ingredient: str) -> str:
    """'ibuprofen (Advil)': the ingredient, with what the user typed when that was a brand or another name."""
    typed = [n for n in names if n.lower() != ingredient.lower()]
    return f"{ingredient} ({', '.join(dict.fromkeys(typed))})" if typed else ingredient


def _first_sentence(text: str) -> str:
    head = text.strip().split(". ")[0].rstrip(".")
    return head + "." if head else ""


def _reading_notes(data: dict[str, Any]) -> list[str]:
    notes = []
    for name in data.get("names", []):
        if name.get("resolution") in ("brand", "synonym", "salt", "fuzzy") and name.get("ingredients"):
            notes.append(f"'{name['typed']}' read as {' + '.join(name['ingredients'])}")
    return notes


def _gaps(data: dict[str, Any]) -> list[str]:
    lines = []
    if data.get("unknown"):
        lines.append(
            f"Not found in CareForge's drug list, so not checked: {', '.join(data['unknown'])}. Check the spelling, "
            "or ask a pharmacist."
        )
    for name in data.get("ambiguous", []):
        lines.append(f"'{name['typed']}' could be {' or '.join(name.get('candidates', []))}; say which to check it.")
    return lines


def compose_drugs(data: dict[str, Any], persona: str) -> str:
    """One drug check's findings as the answer's body."""
    if data.get("error"):
        return f"The medicine check could not run: {data['error']}"
    findings = data.get("interactions", [])
    checked = data.get("checked_ingredients", [])
    if persona == "patient":
        return _patient(findings, checked, data)
    return _clinical(findings, checked, data)


def _patient(findings: list[dict[str, Any]], checked: list[str], data: dict[str, Any]) -> str:
    lines = []
    for f in findings:
        a, b = _who(f["from_a"], f["drug_a"]), _who(f["from_b"], f["drug_b"])
        if f["drug_a"] == f["drug_b"]:
            lines.append(
                f"You may be taking {f['drug_a']} twice: it is in {', '.join(f['from_a'] + f['from_b'])}. "
                "Taking it from two products can add up to too much."
            )
            continue
        lines.append(
            f"**{a.capitalize()} and {b} {_PLAIN.get(f['severity'], 'can interact')}.** {_first_sentence(f['effect'])}"
        )
    if findings:
        lines.append("Don't start, stop or change any of these without asking your doctor or pharmacist first.")
    elif checked:
        lines.append(
            f"CareForge's drug list has no interaction between {', '.join(checked)}. That does not prove "
            "they are safe together: a pharmacist can check your full list."
        )
    return "\n\n".join(lines + _gaps(data))


def _clinical(findings: list[dict[str, Any]], checked: list[str], data: dict[str, Any]) -> str:
    lines = []
    notes = _reading_notes(data)
    read = ["Read: " + "; ".join(notes) + "."] if notes else []
    if not findings:
        lines.append(
            f"No interaction listed among {', '.join(checked) or 'the named medicines'} in the bundled "
            "knowledge base; absence of a finding is not proof of safety."
        )
        return "\n\n".join(lines + _gaps(data))
    top = findings[0]
    lines.append(
        f"**{top['severity'].upper()}: {top['drug_a']} + {top['drug_b']}.** {top['effect']} "
        f"Management: {top['management']} [{top['id']}]"
    )
    if len(findings) > 1:
        rows = ["| severity | pair | effect | management | source |", "|---|---|---|---|---|"]
        for f in findings:
            cells = (
                f["severity"],
                f"{f['drug_a']} + {f['drug_b']}",
                _first_sentence(f["effect"]),
                _first_sentence(f["management"]),
                f"[{f['id']}]",
            )
            rows.append("| " + " | ".join(c.replace("|", "/") for c in cells) + " |")
        lines.append("\n".join(rows))
    return "\n\n".join(lines + read + _gaps(data))

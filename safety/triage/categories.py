"""The red-flag categories: what each one is called and what a person should do first.

Clinical categories apply in every chat (a technician can have chest pain), and so do workplace hazards (a nurse
can smell oxygen leaking): every persona is a person.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Domain = Literal["clinical", "workplace"]
Audience = str  # "patient" (the person at risk may be writing), "nurse" or "technician"

DEFAULT_CRISIS_LINE = "988 (call or text, US), 116 123 (Samaritans, UK and Ireland), or your local emergency number"
FIRST_AID = (
    "If someone is hurt: call emergency services, make the scene safe before you go near (power off, gas off, "
    "out of the fumes), and if they are not breathing normally start CPR and send for an AED."
)


@dataclass(frozen=True, slots=True)
class Category:
    """One emergency or stop-work category and its first-step guidance."""

    key: str
    label: str
    domain: Domain
    guidance: str
    casualty: bool = False  # a person may be down: first aid goes with the guidance


CATEGORIES: tuple[Category, ...] = (
    Category(
        "chest_pain",
        "Chest pain or pressure",
        "clinical",
        "Call emergency services now (911/112/999). Do not drive yourself; sit down and rest while you wait.",
    ),
    Category(
        "stroke",
        "Stroke signs",
        "clinical",
        "Call emergency services now and note the time the symptoms started. Think FAST: Face, Arms, Speech, "
        "Time. Do not give food, drink or medicines by mouth.",
    ),
    Category(
        "anaphylaxis",
        "Severe allergic reaction",
        "clinical",
        "Use an adrenaline (epinephrine) auto-injector if one is prescribed, then call emergency services now. "
        "Stop any infusion that may be the cause. Lie flat with legs raised, or sit up if breathing is hard.",
    ),
    Category(
        "breathing",
        "Difficulty breathing",
        "clinical",
        "Call emergency services now. Sit upright; use a prescribed reliever inhaler if there is one; give "
        "oxygen if it is prescribed and available.",
    ),
    Category(
        "sepsis",
        "Possible sepsis",
        "clinical",
        "Seek emergency care now (call emergency services if the person is very unwell or confused) and say "
        "you are worried about sepsis.",
    ),
    Category(
        "bleeding",
        "Severe bleeding",
        "clinical",
        "Press firmly on the wound and call emergency services now. For vomiting blood or black, tarry stools, "
        "seek emergency care now, especially on a blood thinner.",
        casualty=True,
    ),
    Category(
        "head_injury",
        "Head injury with warning signs",
        "clinical",
        "Call emergency services now: a head injury with drowsiness, vomiting, confusion or a blood thinner "
        "needs an urgent scan. Do not leave the person alone.",
        casualty=True,
    ),
    Category("suicide", "Thoughts of suicide or self-harm", "clinical", ""),  # worded per audience below
    Category(
        "harm_others",
        "Risk of harm to others",
        "clinical",
        "If anyone is in immediate danger, call emergency services now. Keep yourself and others safe and "
        "move away from anything that could be used to hurt someone.",
    ),
    Category(
        "overdose",
        "Overdose or poisoning",
        "clinical",
        "Call emergency services or poison control now (US 1-800-222-1222; UK NHS 111 or 999). Keep the "
        "packaging to hand; do not make the person sick.",
        casualty=True,
    ),
    Category(
        "seizure",
        "Seizure",
        "clinical",
        "Call emergency services if a seizure lasts over 5 minutes, repeats, or is a first one. Clear the space, "
        "cushion the head, do not put anything in the mouth, and turn the person on their side afterwards.",
        casualty=True,
    ),
    Category(
        "glucose",
        "Dangerous blood sugar",
        "clinical",
        "Very low blood sugar: if the person is awake and can swallow, give 15-20 g of fast sugar now and "
        "recheck; if drowsy, fitting or unable to swallow, call emergency services. Very high sugar with "
        "vomiting, fast breathing or drowsiness needs emergency care now.",
        casualty=True,
    ),
    Category(
        "obstetric",
        "Pregnancy emergency",
        "clinical",
        "Call emergency services or the maternity unit now. Heavy bleeding, severe pain, fits, a bad headache "
        "with vision changes, or a baby moving less all need urgent assessment.",
    ),
    Category(
        "paediatric",
        "A child who needs urgent care",
        "clinical",
        "Call emergency services now for a floppy or unresponsive child, a rash that does not fade under a "
        "glass, a baby under 3 months with a fever, or a child struggling to breathe.",
    ),
    Category(
        "unconscious",
        "Unresponsive or collapsed",
        "clinical",
        "Call emergency services now. If the person is not breathing normally, start CPR and send for an AED; "
        "if breathing, put them on their side.",
        casualty=True,
    ),
    Category(
        "gas_leak",
        "Gas, refrigerant or oxygen leak",
        "workplace",
        "STOP WORK. Do not operate switches or make sparks. Shut the supply if it is safe, evacuate, ventilate "
        "if safe, and call the facility emergency line.",
    ),
    Category(
        "smoke_fire",
        "Smoke, fire or burning smell",
        "workplace",
        "STOP WORK. Raise the alarm; isolate power only if it is safe; evacuate if there is fire or smoke and "
        "call the fire service.",
    ),
    Category(
        "electrical",
        "Electrical arcing or shock",
        "workplace",
        "STOP WORK. Do not touch the equipment or a person still in contact with it. Isolate the supply at the "
        "breaker, then lock and tag it.",
        casualty=True,
    ),
    Category(
        "pressure",
        "Over-pressure or a failed relief device",
        "workplace",
        "STOP WORK. Keep out of the line of fire, shut the heat or supply if it is safe, evacuate the area and "
        "call the facility emergency line; depressurise only by the approved procedure.",
    ),
    Category(
        "confined_space",
        "Confined-space danger",
        "workplace",
        "STOP WORK. Do not enter, or go in after someone: call the rescue team and emergency services. Entry "
        "needs a permit, a gas test and a standby person.",
    ),
    Category(
        "lockout",
        "Work on live or moving equipment",
        "workplace",
        "STOP WORK. Isolate every energy source, lock and tag it, release stored energy, and verify zero "
        "energy before you touch it.",
    ),
    Category(
        "chemical",
        "Chemical exposure or spill",
        "workplace",
        "STOP WORK. Get out of the fumes, rinse skin or eyes with running water for at least 15 minutes, and "
        "call emergency services or poison control; keep the safety data sheet to hand.",
        casualty=True,
    ),
)
BY_KEY: dict[str, Category] = {c.key: c for c in CATEGORIES}


def suicide_guidance(audience: Audience, crisis_line: str) -> str:
    """Crisis guidance worded for who is writing: the person at risk, or someone with them."""
    if audience == "patient":
        return (
            "You are not alone, and you deserve support right now. Please call or text a crisis line: "
            f"{crisis_line}. If you might act on these thoughts, call emergency services or go to an emergency "
            "department, and if you can, ask someone to stay with you."
        )
    return (
        "Do not leave the person alone; remove anything they could use to harm themselves if it is safe. Call "
        f"emergency services if there is a plan or immediate danger, or a crisis line: {crisis_line}. "
        + ("Escalate to the clinician in charge now." if audience == "nurse" else "Tell your supervisor now.")
    )


def guidance_for(category: Category, audience: Audience, crisis_line: str = DEFAULT_CRISIS_LINE) -> str:
    """The first-step guidance for one category, worded for the audience."""
    if category.key == "suicide":
        return suicide_guidance(audience, crisis_line)
    if category.casualty and category.domain == "workplace":
        return f"{category.guidance} {FIRST_AID}"
    return category.guidance

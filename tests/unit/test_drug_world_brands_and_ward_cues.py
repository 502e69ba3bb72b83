"""National brands, combination ingredient lists, supplements and context-decided ward shorthand (session 12)."""

from __future__ import annotations

import pytest

from tools.drugs import DrugNameResolver
from tools.drugs.shorthand import clipping_in_context, shorthand_fits


def ingredients(resolver: DrugNameResolver, text: str) -> list[str]:
    return [i for m in resolver.find_in_text(text) if m.kind != "food" for i in m.ingredients]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nise from India", ["nimesulide"]),  # Indian brands (CDSCO-approved product information)
        ("Levocet at night", ["levocetirizine"]),
        ("Glycomet GP 1 daily", ["metformin", "glimepiride"]),
        ("on Risek and Ampiclox", ["omeprazole", "ampicillin", "cloxacillin"]),  # Pakistan, Nigeria
        ("I take Dolo-Neurobion", ["diclofenac", "thiamine", "pyridoxine", "cyanocobalamin"]),  # Mexico
        ("Tylenol No. 1 and Gravol", ["acetaminophen", "codeine", "caffeine", "dimenhydrinate"]),  # Canada
        ("old Distalgesic tablets", ["propoxyphene", "acetaminophen"]),
        ("Cortizone-10 on a rash", ["hydrocortisone"]),
        ("Strepsils Intensive and Piriteze", ["flurbiprofen", "cetirizine"]),  # UK pharmacy products (emc)
        ("Instillagel before the catheter", ["lidocaine", "chlorhexidine"]),
        ("Solumedrol 125 IV", ["methylprednisolone"]),  # hemisuccinate ester -> base
        ("SAMe and duloxetine", ["ademetionine", "duloxetine"]),
        ("I take DIM and tamoxifen", ["diindolylmethane", "tamoxifen"]),
        ("aminocaproic acid ordered", ["aminocaproic acid"]),
        ("CTX and azithro for CAP", ["ceftriaxone", "azithromycin"]),
        ("CTX for lupus nephritis", ["cyclophosphamide"]),
        ("Amp and gent for the neonate", ["ampicillin", "gentamicin"]),
        ("Dig level high, also on amio", ["digoxin", "amiodarone"]),
        ("NS bolus then D5 at 75", ["sodium chloride", "dextrose"]),
        ("IV mag and KCl rider", ["magnesium sulfate", "potassium chloride"]),
        ("pred taper after Solumedrol", ["prednisone", "methylprednisolone"]),
        ("Dex 10 mg IV and famo before the paclitaxel", ["dexamethasone", "famotidine", "paclitaxel"]),
        ("My mom took DES during pregnancy", ["diethylstilbestrol"]),
        ("took some addys and bars", ["amphetamine", "dextroamphetamine", "alprazolam"]),
        ("k-pins vs bars", ["clonazepam", "alprazolam"]),
        ("found lean in his room", ["codeine", "promethazine"]),
    ],
)
def test_world_brands_and_ward_shorthand(resolver: DrugNameResolver, text: str, expected: list[str]) -> None:
    assert ingredients(resolver, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Same here, what time is it?",  # "same" is SAMe only as typed
        "Can I dim the lights?",
        "He had a DES placed after his MI",  # drug-eluting stent: no pregnancy cue
        "the result was NS, p=0.3",  # NS is no cue for itself
        "I dig in the garden on weekends",
        "bars of chocolate at night",
        "how long do xanax bars stay in urine",  # "bars" adds nothing after the brand
        "lean meat for dinner",
        "Mag 7 stocks are up",
        "low iodine levels on my blood test",  # a lab value, not a supplement taken
        "Call me. No. I am fine",
        "apply deep heat to the knee",
        "gave an amp in sepsis",  # an ampoule
    ],
)
def test_not_read_as_medicines(resolver: DrugNameResolver, text: str) -> None:
    got = [m.typed for m in resolver.find_in_text(text) if m.kind != "food" and "xanax" not in m.typed.lower()]
    assert got == []


def test_context_clippings_need_their_cue_and_case() -> None:
    assert clipping_in_context("ns", "NS bolus", "NS") == "sodium chloride"
    assert clipping_in_context("ns", "ns bolus", "ns") is None  # capitals only
    assert clipping_in_context("ctx", "ctx for lupus and pneumonia", "ctx") is None  # two readings: unread
    assert clipping_in_context("dig", "dig a hole", "dig") is None
    assert shorthand_fits("same", "SAMe", "") and not shorthand_fits("same", "Same", "")

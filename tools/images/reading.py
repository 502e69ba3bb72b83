"""What text read from an image is used for, in plain deterministic functions (usable without the agent).

Medication labels and prescriptions give medicine names (with strengths) through the drug resolver, including
names whose spaces OCR lost ("WARFARINSODIUM5 mg"); equipment screens and nameplates give error and alarm codes,
model and serial numbers and asset ids; instruction-like text is marked so it stays quoted data.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pydantic import BaseModel, Field

from tools.drugs import DrugNameResolver, Resolution, default_knowledge_base
from tools.images.codes import EquipmentText, read_equipment_text

# Words printed next to names on labels that never change the ingredient (salts, forms, release types).
_FORM_WORDS = (
    "sodium potassium calcium magnesium hydrochloride hcl sulfate sulphate succinate tartrate besylate maleate "
    "mesylate fumarate citrate acetate phosphate bromide chloride tablets tablet tabs tab capsules capsule caps "
    "cap oral film coated extended release er xl xr sr cr dr ec odt"
).split()
_FORM_SET = frozenset(_FORM_WORDS)
_FORM_AT_START = re.compile("|".join(sorted(_FORM_WORDS, key=len, reverse=True)))
_STRENGTH = re.compile(
    r"(\d+(?:[.,]\d+)?)\s*(mg|mcg|µg|ug|g|ml|units?|iu|%)(?:\s*/\s*(\d+(?:[.,]\d+)?\s*)?(ml|tab|dose|hr|h))?\b",
    re.IGNORECASE,
)
_TRAILING_NUMBER = re.compile(r"[\s\d.,]*\d[\s.,]*$")
_NAME_THEN_STRENGTH = 40  # characters after a name in which its strength may be printed
_SEGMENT_MIN = 6  # shortest letter run examined for names that lost their spaces
_FUZZY_MIN = 86.0  # fuzzy score a glued-name part needs: OCR text is noisier than typing, so demand more
_INSTRUCTIONS = re.compile(
    r"(ignore|disregard|forget|override)\s*(all\s*|any\s*)?(the\s*|your\s*|of\s*your\s*)?"
    r"(previous|prior|above|earlier|system)\s*(instructions|rules|prompts?|messages?)"
    r"|you\s*are\s*now|system\s*prompt|developer\s*mode|jailbreak|reveal\s*(your|the)\s*(prompt|instructions)"
    r"|act\s*as\s*(an?\s*)?(unrestricted|different)|new\s*instructions?\s*:|do\s*not\s*tell\s*the\s*(user|patient)"
    r"|(tell|say\s*to)\s*the\s*(user|patient)\s*(to|that)|^\s*(assistant|system)\s*:",
    re.IGNORECASE,
)


class MedicineRead(BaseModel):
    """A medicine named in the image's text, with the ingredients it stands for."""

    typed: str = Field(description="The text as read, e.g. 'WARFARINSODIUM'.")
    ingredients: list[str]
    resolution: str
    strength: str | None = None
    line: int = Field(description="Index of the OCR line it was read from.")
    glued: bool = Field(False, description="Found inside a run of letters whose spaces OCR lost.")


class TextRead(BaseModel):
    """Everything deterministic code takes from the text of one image."""

    medicines: list[MedicineRead] = Field(default_factory=list)
    codes: list[str] = Field(default_factory=list)
    models: list[str] = Field(default_factory=list)
    serials: list[str] = Field(default_factory=list)
    asset_ids: list[str] = Field(default_factory=list)
    instruction_like: list[str] = Field(default_factory=list, description="Lines that read like instructions.")

    @property
    def ingredients(self) -> list[str]:
        """Each ingredient once, in reading order."""
        out: list[str] = []
        for medicine in self.medicines:
            out.extend(i for i in medicine.ingredients if i not in out)
        return out


@lru_cache(maxsize=1)
def default_resolver() -> DrugNameResolver:
    """The resolver over the bundled knowledge base, built once per process."""
    return DrugNameResolver(default_knowledge_base())


@lru_cache(maxsize=4)
def _glued_index(resolver: DrugNameResolver) -> dict[str, str]:
    """Names with their spaces and punctuation removed ("st johns wort" -> "stjohnswort"), for glued text."""
    kb = resolver.kb
    # Only names that carry interaction facts: plain FDA ingredient words ("tablet", "suspension") would be found
    # in every label's print.
    names = set(kb.interacting) | set(kb.brands)
    index: dict[str, str] = {}
    for name in sorted(names, key=len):
        key = re.sub(r"[^a-z]", "", name.lower())
        if len(key) >= 5 and name not in kb.everyday_words and key not in _FORM_SET:
            index.setdefault(key, name)
    return index


def normalise_line(text: str) -> str:
    """OCR slips fixed where the context is unambiguous, and letters and digits pulled apart ("SODIUM5mg")."""
    text = re.sub(r"\b[lI|](?=\s+(?:tablet|tab|capsule|cap|drop|puff|spray)s?\b)", "1", text, flags=re.I)
    text = re.sub(r"(?<=\d)[oO](?=\d|\s*m?g\b)", "0", text)
    text = re.sub(r"(?<=[A-Za-z])0(?=[A-Za-z])", "O", text)  # "RIVAR0XABAN": a zero between letters is an O
    text = re.sub(r"(?<=[A-Za-z]{3})(?=\d)", " ", text)  # "SODIUM5" -> "SODIUM 5" (not "E-27" or "A12")
    return re.sub(r"(?<=\d)(?=(?:mg|mcg|ml|mL|g|units?|iu)\b)", " ", text)


def _strength_after(text: str, end: int) -> str | None:
    """The strength printed right after a name ("5 mg", "250 mg/5 ml"), with only form words in between."""
    window = text[end : end + _NAME_THEN_STRENGTH]
    match = _STRENGTH.search(window)
    if match is None:
        return None
    between = re.sub(r"[^a-z]+", " ", window[: match.start()].lower()).split()
    if any(word not in _FORM_SET for word in between):
        return None  # another word first: the number belongs to something else
    per = f"/{(match.group(3) or '').strip()}{match.group(4)}" if match.group(4) else ""
    return f"{match.group(1).replace(',', '.')} {match.group(2)}{per}"


def _glued_names(run: str, resolver: DrugNameResolver) -> list[str]:
    """Known names inside one letter run without spaces, left to right: "WARFARINSODIUM" -> ["warfarin"].

    A name must start the run or follow a name or a form word, so "profenid" is not found in "ibuprofenid".
    Where no exact name starts the remaining letters, a close fuzzy match of the part before the next form word
    (or of the whole remainder) is accepted, which covers one OCR slip inside a glued name ("WARFARlNSODIUM").
    """
    index = _glued_index(resolver)
    letters = run.lower()
    found: list[str] = []
    i = 0
    while i < len(letters):
        best = next((letters[i:j] for j in range(len(letters), i + 4, -1) if letters[i:j] in index), None)
        if best is not None:
            found.append(index[best])
            i += len(best)
            continue
        form = _FORM_AT_START.match(letters, i)
        if form is not None and found:
            i = form.end()
            continue
        guess = _fuzzy_part(letters[i:], resolver)
        if guess is None:
            break
        found.append(guess[0])
        i += guess[1]
    return found


def _fuzzy_part(rest: str, resolver: DrugNameResolver) -> tuple[str, int] | None:
    """The longest leading part of ``rest`` ending where a form word starts (or at the end) that resolves."""
    ends = sorted({m.start() for m in _FORM_AT_START.finditer(rest) if m.start() >= _SEGMENT_MIN} | {len(rest)})
    for end in reversed(ends):
        part = rest[:end]
        if part in _FORM_SET or part in resolver.kb.everyday_words:
            continue
        match = resolver.resolve(part)
        if not any(i in resolver.kb.interacting for i in match.ingredients):
            continue  # plain ingredient words carry no facts and are mostly label print ("tablet")
        if match.resolution in (Resolution.EXACT, Resolution.SALT, Resolution.BRAND, Resolution.SYNONYM) or (
            match.resolution is Resolution.FUZZY and (match.score or 0) >= _FUZZY_MIN
        ):
            return rest[:end], end
    return None


def read_medicines(lines: list[str], resolver: DrugNameResolver | None = None) -> list[MedicineRead]:
    """Medicines named on a label or prescription, one entry per ingredient set per line, in reading order."""
    resolver = resolver or default_resolver()
    out: list[MedicineRead] = []
    for number, raw in enumerate(lines):
        text = normalise_line(raw)
        covered: list[tuple[int, int]] = []
        for match in resolver.find_in_text(text):
            if match.kind == "food" or not match.ingredients:
                continue
            start, end = match.start or 0, match.end or 0
            covered.append((start, end))
            # A fuzzy match may take the strength's number into the name ("WARFARINSODIUM 5"): give it back.
            typed = _TRAILING_NUMBER.sub("", match.typed) or match.typed
            end -= len(match.typed) - len(typed)
            out.append(
                MedicineRead(
                    typed=typed,
                    ingredients=match.ingredients,
                    resolution=match.resolution.value,
                    strength=_strength_after(text, end),
                    line=number,
                )
            )
        for run in re.finditer(rf"[A-Za-z]{{{_SEGMENT_MIN},}}", text):
            if any(s < run.end() and run.start() < e for s, e in covered):
                continue
            for name in _glued_names(run.group(), resolver):
                resolved = resolver.resolve(name)
                if resolved.ingredients:
                    out.append(
                        MedicineRead(
                            typed=run.group(),
                            ingredients=resolved.ingredients,
                            resolution=resolved.resolution.value,
                            strength=_strength_after(text, run.end()),
                            line=number,
                            glued=True,
                        )
                    )
    return _dedupe(out)


def _dedupe(found: list[MedicineRead]) -> list[MedicineRead]:
    """One entry per ingredient set: a label repeats its drug name, and the first sighting has the strength."""
    kept: dict[tuple[str, ...], MedicineRead] = {}
    for medicine in found:
        key = tuple(medicine.ingredients)
        if key not in kept:
            kept[key] = medicine
        elif kept[key].strength is None and medicine.strength:
            kept[key] = kept[key].model_copy(update={"strength": medicine.strength})
    return list(kept.values())


def instruction_like(lines: list[str]) -> list[str]:
    """Lines that read like orders to an assistant ("ignore previous instructions"): they stay quoted data."""
    return [line for line in lines if _INSTRUCTIONS.search(line)]


def read_text_uses(lines: list[str], resolver: DrugNameResolver | None = None) -> TextRead:
    """Medicines, equipment identifiers and instruction-like lines from the OCR lines of one image."""
    equipment: EquipmentText = read_equipment_text(lines)
    return TextRead(
        medicines=read_medicines(lines, resolver),
        codes=equipment.codes,
        models=equipment.models,
        serials=equipment.serials,
        asset_ids=equipment.asset_ids,
        instruction_like=instruction_like(lines),
    )

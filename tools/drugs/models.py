"""Typed inputs and outputs of the drug-interaction tool."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, Field


class Severity(StrEnum):
    """Severity scale, most severe first."""

    CONTRAINDICATED = "contraindicated"
    MAJOR = "major"
    MODERATE = "moderate"
    MINOR = "minor"

    @property
    def rank(self) -> int:
        """Higher is more severe."""
        return {"contraindicated": 4, "major": 3, "moderate": 2, "minor": 1}[self.value]


class Resolution(StrEnum):
    """How a typed name was understood."""

    EXACT = "exact"
    SALT = "salt"  # a salt or ester form reduced to its ingredient
    BRAND = "brand"
    SYNONYM = "synonym"  # a UK/INN name, common name or supplement name for a knowledge-base ingredient
    FUZZY = "fuzzy"
    AMBIGUOUS = "ambiguous"
    UNKNOWN = "unknown"


class NameMatch(BaseModel):
    """One typed name and the ingredients it stands for."""

    typed: str
    resolution: Resolution
    ingredients: list[str] = Field(default_factory=list)
    candidates: list[str] = Field(default_factory=list, description="For ambiguous names.")
    score: float | None = None
    start: int | None = Field(default=None, description="Character offset in the free text it was read from.")
    end: int | None = None
    kind: str = Field(default="medicine", description="medicine, supplement or food (free-text matches).")


class Interaction(BaseModel):
    """One finding between two ingredients (or the same ingredient twice)."""

    id: str = Field(description="Citation id, e.g. ddi:simvastatin+clarithromycin.")
    drug_a: str
    drug_b: str
    from_a: list[str] = Field(description="What the user typed that brought in drug_a.")
    from_b: list[str]
    severity: Severity
    effect: str
    mechanism: str
    management: str
    sources: list[str]
    rules: list[str] = Field(description="Rule ids or source tables behind the finding.")


class InteractionReport(BaseModel):
    """Everything check_drug_interactions found, ready for the agent, the UI and the guards."""

    interactions: list[Interaction]
    names: list[NameMatch]
    unknown: list[str]
    ambiguous: list[NameMatch]
    checked_ingredients: list[str]
    pairs_checked: int
    knowledge_base_version: str
    disclaimer: str = (
        "No finding in the knowledge base does not mean a combination is safe: the knowledge base is incomplete, "
        "so confirm with a pharmacist or prescriber."
    )
    error: str | None = None

    @property
    def highest_severity(self) -> Severity | None:
        """The most severe finding, if any."""
        return max((i.severity for i in self.interactions), key=lambda s: s.rank, default=None)

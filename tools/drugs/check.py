"""check_drug_interactions: every pair in a medicine list against the bundled knowledge base."""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

from tools.drugs.knowledge_base import DrugKnowledgeBase, Fact
from tools.drugs.models import Interaction, InteractionReport, NameMatch, Resolution, Severity
from tools.drugs.names import DrugNameResolver

MAX_DRUGS = 50
DUPLICATE_SOURCE = "CareForge duplicate-ingredient check"


# Which source's text explains a finding best when severities tie: a rule states mechanism and management, ANSM
# states effect and management, NDF-RT and ONC name only the classes.
_TEXT_PRIORITY = {"ansm": 1}


def _priority(origin: str) -> int:
    return 2 if origin.startswith("rule:") else _TEXT_PRIORITY.get(origin, 0)


def _merge(a: str, b: str, facts: list[Fact], from_a: list[str], from_b: list[str]) -> Interaction:
    """One finding per pair: the highest severity, with every source that speaks to it."""
    top = max(facts, key=lambda f: (f.severity.rank, _priority(f.origin)))
    # The text comes from the best-explained source (a rule, then ANSM), most severe first, so effect, mechanism
    # and management stay one coherent statement; the severity is always the highest any source gives.
    explained = max(facts, key=lambda f: (_priority(f.origin), f.severity.rank))
    if _priority(explained.origin) == 0:
        explained = top
    return Interaction(
        id=f"ddi:{a}+{b}",
        drug_a=a,
        drug_b=b,
        from_a=from_a,
        from_b=from_b,
        severity=top.severity,
        effect=explained.effect,
        mechanism=explained.mechanism or "Not stated in the source.",
        management=explained.management or top.management or "Review with a pharmacist or prescriber.",
        sources=sorted({f.source for f in facts}),
        rules=sorted({f.origin for f in facts}),
    )


def check_drug_interactions(
    drugs: list[str], kb: DrugKnowledgeBase, resolver: DrugNameResolver | None = None
) -> InteractionReport:
    """Check every pair among up to 50 medicines against the bundled knowledge base.

    Args:
        drugs: Names as typed: generic, brand, salt forms or misspellings.
        kb: The loaded knowledge base.
        resolver: A name resolver built on ``kb`` (built here if not given).

    Returns:
        Findings sorted by severity, the normalisation applied, unknown and ambiguous names, and a statement that
        no finding does not mean safe. Bad input is reported in ``error``, never raised.

    """
    resolver = resolver or DrugNameResolver(kb)
    if not isinstance(drugs, list) or not all(isinstance(d, str) for d in drugs):
        return _error(kb, "drugs must be a list of names (strings).")
    if len(drugs) > MAX_DRUGS:
        return _error(kb, f"At most {MAX_DRUGS} medicines can be checked at once; got {len(drugs)}.")

    names = [resolver.resolve(d) for d in drugs if d.strip()]
    sources: dict[str, list[str]] = defaultdict(list)
    for match in names:
        for ingredient in match.ingredients:
            sources[ingredient].append(match.typed)
    ingredients = sorted(sources)

    findings: list[Interaction] = []
    for a, b in combinations(ingredients, 2):
        facts = kb.pair_facts(a, b)
        if facts:
            findings.append(_merge(a, b, facts, sources[a], sources[b]))
    for ingredient, typed in sources.items():
        if len(typed) > 1:
            findings.append(_duplicate(ingredient, typed))
    findings.sort(key=lambda f: (-f.severity.rank, f.drug_a, f.drug_b))
    return InteractionReport(
        interactions=findings,
        names=names,
        unknown=[m.typed for m in names if m.resolution is Resolution.UNKNOWN],
        ambiguous=[m for m in names if m.resolution is Resolution.AMBIGUOUS],
        checked_ingredients=ingredients,
        pairs_checked=len(ingredients) * (len(ingredients) - 1) // 2,
        knowledge_base_version=kb.version,
    )


def _duplicate(ingredient: str, typed: list[str]) -> Interaction:
    return Interaction(
        id=f"ddi:{ingredient}+{ingredient}",
        drug_a=ingredient,
        drug_b=ingredient,
        from_a=typed[:1],
        from_b=typed[1:],
        severity=Severity.MAJOR,
        effect=f"Duplicate therapy: {ingredient} is taken from more than one product ({', '.join(typed)}).",
        mechanism="The same ingredient from two products adds up and can exceed the safe daily dose.",
        management="Take only one product containing this ingredient unless a prescriber has planned both.",
        sources=[DUPLICATE_SOURCE],
        rules=["duplicate-ingredient"],
    )


def _error(kb: DrugKnowledgeBase, message: str) -> InteractionReport:
    return InteractionReport(
        interactions=[],
        names=[],
        unknown=[],
        ambiguous=[],
        checked_ingredients=[],
        pairs_checked=0,
        knowledge_base_version=kb.version,
        error=message,
    )


__all__ = ["MAX_DRUGS", "NameMatch", "check_drug_interactions"]

"""Drug-interaction checking against the bundled, sourced knowledge base."""

from tools.drugs.check import MAX_DRUGS, check_drug_interactions
from tools.drugs.knowledge_base import DrugKnowledgeBase, default_knowledge_base, load_knowledge_base, name_words
from tools.drugs.models import Interaction, InteractionReport, NameMatch, Resolution, Severity
from tools.drugs.names import DrugNameResolver

__all__ = [
    "name_words",
    "MAX_DRUGS",
    "DrugKnowledgeBase",
    "DrugNameResolver",
    "Interaction",
    "InteractionReport",
    "NameMatch",
    "Resolution",
    "Severity",
    "check_drug_interactions",
    "default_knowledge_base",
    "load_knowledge_base",
]

"""The long-lived things an agent is built from: the tools' resources, the retriever and red-flag triage."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

from app.privacy import redact
from core.settings import Settings
from retrieval import build_retriever, default_embedder
from safety.triage import SemanticDetector, Triage
from tools.drugs import DrugNameResolver, default_knowledge_base
from tools.images import ImageLimits
from tools.registry import ToolResources
from tools.reports import ReviewPolicy

if TYPE_CHECKING:
    from retrieval.search import Retriever


def retriever_for(settings: Settings) -> Retriever:
    """The retriever on the configured Chroma (embedded or server) with the bundled embedder."""
    return build_retriever(
        settings.chroma_mode.value,
        settings.chroma_path,
        settings.chroma_host,
        settings.chroma_port,
        cache_dir=settings.cache_dir,
        int8=settings.embedding_int8,
    )


@functools.cache
def _semantic_detector(cache_dir: Path) -> SemanticDetector:
    # the bundled float32 embedder (shared with retrieval) and the exemplar bank, embedded once per process
    return SemanticDetector(default_embedder(cache_dir, False))


def triage_for(settings: Settings) -> Triage:
    """Rules plus, unless turned off, the semantic detector on the bundled embedding model."""
    return Triage(_semantic_detector(settings.cache_dir) if settings.triage_semantic else None)


def default_resources(settings: Settings) -> ToolResources:
    """The bundled knowledge base and name resolver, and a retriever built on first use."""
    kb = default_knowledge_base()

    @functools.cache
    def retriever() -> Retriever:
        return retriever_for(settings)

    return ToolResources(
        kb=kb,
        resolver=DrugNameResolver(kb),
        retriever=retriever,
        image_limits=ImageLimits(
            max_bytes=settings.image_max_mb * 1024 * 1024,
            max_side=settings.image_max_side,
            model_images=settings.model_max_images,  # more key frames than this go as one contact sheet
        ),
        preview_dir=settings.preview_dir,
        model_text_filter=redact if settings.redact_model_input else str,
        read_text_filter=redact,
        report_policy=ReviewPolicy(clinician_roles=frozenset(settings.report_clinician_roles)),
        report_names=settings.report_patient_names,
    )

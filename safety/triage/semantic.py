"""The semantic detector: each sentence of a message read by meaning, with the embedding model CareForge ships.

all-MiniLM-L6-v2 (ONNX Runtime) embeds every segment of the message; a linear probe over that embedding, the
context cues (``cues.py``) and whether a rule fired in the segment gives the probability that the message reports an
emergency happening now. The probe is fitted by ``scripts/tune_triage.py`` on the curated exemplar bank
(``data/exemplars.toml``: emergencies per category and look-alikes: definitions, prevention, history, negation,
drills, routine faults) and the tune split only; its threshold is chosen there by cross-validation, never on the
test split. The category of a raised flag is that of the closest exemplar, which is also kept as evidence.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt

from retrieval.embeddings import Embedder, Vectors
from safety.triage.cues import cue_vector
from safety.triage.rules import match_rules
from safety.triage.rules_clinical import CLINICAL_RULES
from safety.triage.rules_workplace import WORKPLACE_RULES

DATA = Path(__file__).resolve().parent / "data"
PROBE = DATA / "probe.npz"
CUE_WEIGHT = 3.0  # cue and rule features are scaled to weigh against the 384 embedding dimensions
_SENTENCE = re.compile(r"[^.!?;\n]+")
_WINDOW_WORDS = 40  # a run-on sentence is read in overlapping windows of this many words
_MIN_WORDS = 10  # shorter sentences are read together with the next one
_ONE_BY_ONE = 8  # up to this many segments are embedded one at a time: no padding, ~2.5 ms each
MAX_SEGMENTS = 400  # 20,000 characters give about 300; beyond this the rest is read in coarser windows
_MIN_READ_WORDS = 3  # "thanks" or "and now?" carry no meaning for the probe to read (only the rules see them)
# A segment that opens with a negation ("no chest pain, no shortness of breath, just a cough") lists what is absent;
# an embedding cannot tell absent from present, so such a segment is not read unless something turns it around.
_NEGATION_LEAD = re.compile(r"^\s*(no|not|denies|denied|negative for|nil|without)\b(?!.*\b(but|however|now)\b)")


def load_exemplars(path: Path = DATA / "exemplars.toml") -> tuple[list[tuple[str, str]], list[str]]:
    """(category, text) emergency exemplars and the look-alike texts of the curated bank."""
    raw = tomllib.loads(path.read_text())
    emergencies = [(key, text) for key, texts in raw["emergency"].items() for text in texts]
    lookalikes = [text for texts in raw["lookalike"].values() for text in texts]
    return emergencies, lookalikes


def segments(text: str) -> list[str]:
    """Sentences (short ones joined to the next: "Fell. On apixaban. Drowsy.") and windows over run-on sentences.

    Every word of the text is in some segment.
    """
    found: list[str] = []
    pending: list[str] = []
    for match in _SENTENCE.finditer(text):
        words = match.group(0).split()
        if not words:
            continue
        if len(words) > _WINDOW_WORDS:
            step = _WINDOW_WORDS // 2
            found.extend(" ".join(words[i : i + _WINDOW_WORDS]) for i in range(0, len(words) - step, step))
            continue
        pending.append(" ".join(words))
        if sum(len(p.split()) for p in pending) >= _MIN_WORDS:
            found.append(". ".join(pending))
            pending = pending[-1:] if len(words) < _MIN_WORDS else []  # a short last sentence joins the next too
    if pending and (not found or pending[-1] not in found[-1]):
        found.append(". ".join(pending))
    found = list(dict.fromkeys(found))
    if len(found) > MAX_SEGMENTS:  # never drop text: fold the tail into wider windows instead
        head, tail = found[: MAX_SEGMENTS // 2], found[MAX_SEGMENTS // 2 :]
        size = -(-len(tail) // (MAX_SEGMENTS // 2))
        found = head + [" ".join(tail[i : i + size]) for i in range(0, len(tail), size)]
    return found


def features(vectors: Vectors, texts: list[str]) -> npt.NDArray[np.float32]:
    """The probe's input per text: its embedding, its context cues, and whether any rule fired in it."""
    extra = [np.append(cue_vector(t), 1.0 if match_rules(t, CLINICAL_RULES + WORKPLACE_RULES) else 0.0) for t in texts]
    return np.hstack([vectors, CUE_WEIGHT * np.array(extra, dtype=np.float32)]).astype(np.float32)


@dataclass(frozen=True, slots=True)
class SemanticHit:
    """The category the detector raised, with its probability and the closest sentence and exemplar."""

    key: str
    score: float
    sentence: str
    exemplar: str


class SemanticDetector:
    """Reads a message's segments with the embedding model and the fitted probe; build once per process."""

    def __init__(self, embedder: Embedder, probe: Path = PROBE) -> None:
        """Load the probe and the embedded exemplar bank (stored with the probe, so nothing is embedded here)."""
        self._embedder = embedder
        stored = np.load(probe, allow_pickle=False)
        self.coef: npt.NDArray[np.float32] = stored["coef"].astype(np.float32)
        self.intercept = float(stored["intercept"])
        self.threshold = float(stored["threshold"])
        self.bank: Vectors = stored["bank"].astype(np.float32)
        self.bank_keys: list[str] = [str(k) for k in stored["bank_keys"]]
        self.bank_texts: list[str] = [str(t) for t in stored["bank_texts"]]
        if self.bank.shape[1] != embedder.dimension:
            raise ValueError(f"the triage probe needs {self.bank.shape[1]}-d embeddings, not {embedder.dimension}")

    def probabilities(self, parts: list[str]) -> tuple[npt.NDArray[np.float32], Vectors]:
        """Per segment: the probability of an emergency happening now, and the segment's embedding."""
        if len(parts) <= _ONE_BY_ONE:  # segments differ in length; padding them into one batch costs more
            vectors = np.concatenate([self._embedder.embed([p]) for p in parts])
        else:
            vectors = self._embedder.embed(parts)
        logits = features(vectors, parts) @ self.coef + self.intercept
        return (1.0 / (1.0 + np.exp(-logits))).astype(np.float32), vectors

    def detect(self, normalised: str) -> list[SemanticHit]:
        """The category raised for a (normalised) message, if the probe's probability passes its threshold."""
        whole = " ".join(normalised.split()[: _WINDOW_WORDS * 2])
        candidates = [
            p
            for p in dict.fromkeys([*segments(normalised), whole])
            if len(re.findall(r"[a-z]{2,}", p)) >= _MIN_READ_WORDS and not _NEGATION_LEAD.search(p)
        ]
        if not candidates:
            return []
        probs, vectors = self.probabilities(candidates)
        hits: dict[str, SemanticHit] = {}
        for i in np.argsort(-probs):
            if probs[i] < self.threshold:
                break
            nearest = int(np.argmax(self.bank @ vectors[i]))  # the category of the closest exemplar
            key = self.bank_keys[nearest]
            if key not in hits:
                hits[key] = SemanticHit(key, float(probs[i]), candidates[i], self.bank_texts[nearest])
        return list(hits.values())

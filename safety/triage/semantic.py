"""The semantic detector: each sentence of a message read by meaning, with the embedding model CareForge ships.

all-MiniLM-L6-v2 (ONNX Runtime) embeds the message; a one-hidden-layer probe (weights in numpy) over that embedding,
the context cues (``cues.py``) and whether a rule fired gives the probability that the message reports an emergency
happening now. A message of up to ``SHORT_WORDS`` words is read whole, in one embedding (reading its sentences too
added false alarms on tune: "no LOC, no vomiting" read alone). A longer one is read whole and per segment, all in one
embedding call; a segment must pass the stricter long-message threshold, set above every benign sentence seen in
tuning, so that a note of a hundred routine sentences raises nothing while one buried emergency still does.
The probe is fitted by ``scripts/tune_triage.py`` on the curated exemplar bank (``data/exemplars.toml``) and the tune
splits of three writers' sets only; its thresholds are chosen there by leave-one-writer-out validation, never on
a test split.
The category of a raised flag is that of the closest exemplar, which is also kept as evidence.
A word model (``safety.word_model``, ``data/words.npz``) reads the whole message too, and its probability is
averaged with the probe's: validated leave-one-writer-out, the average kept the probe's recall with a fifth fewer
false alarms (7.8% -> 6.3%), the words of a safe frame ("last year", "what is", "drill") weighing where the
embedding reads mostly the topic.
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
from safety.triage.ruleset import NEVER_JOKED, joking, rule_keys
from safety.word_model import WordModel

DATA = Path(__file__).resolve().parent / "data"
PROBE = DATA / "probe.npz"
WORDS = DATA / "words.npz"
CUE_WEIGHT = 3.0  # cue and rule features are scaled to weigh against the 384 embedding dimensions
_SENTENCE = re.compile(r"[^.!?;\n]+")
_WINDOW_WORDS = 40  # a run-on sentence is read in overlapping windows of this many words
_MIN_WORDS = 10  # shorter sentences are read together with the next one
SHORT_WORDS = 60  # up to this many words a message is read whole only (chosen by CV on tune, see probe.json)
MAX_SEGMENTS = 400  # 20,000 characters give about 300; beyond this the rest is read in coarser windows
_MIN_READ_WORDS = 3  # "thanks" or "and now?" carry no meaning for the probe to read (only the rules see them)
# A segment that opens with a negation ("no chest pain, no shortness of breath, just a cough") lists what is absent;
# an embedding cannot tell absent from present, so such a segment of a long message is not read unless something
# turns it around.
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
    extra = [np.append(cue_vector(t), 1.0 if rule_keys(t) else 0.0) for t in texts]
    return np.hstack([vectors, CUE_WEIGHT * np.array(extra, dtype=np.float32)]).astype(np.float32)


@dataclass(frozen=True, slots=True)
class SemanticHit:
    """The category the detector raised, with its probability and the closest sentence and exemplar."""

    key: str
    score: float
    sentence: str
    exemplar: str


@dataclass(frozen=True, slots=True)
class Reading:
    """What the probe made of a message: the categories it raised and its highest probability over the parts read.

    ``peak`` is ``None`` when the probe did not read the whole message, so it has no opinion on the whole.
    """

    hits: list[SemanticHit]
    peak: float | None


class SemanticDetector:
    """Reads a message with the embedding model and the fitted probe; build once per process."""

    def __init__(self, embedder: Embedder, probe: Path = PROBE, words: Path = WORDS) -> None:
        """Load the probe, the word model and the embedded exemplar bank (stored with the probe: nothing to embed)."""
        self._embedder = embedder
        self.words = WordModel(words)
        stored = np.load(probe, allow_pickle=False)
        self.w1: npt.NDArray[np.float32] = stored["w1"].astype(np.float32)
        self.b1: npt.NDArray[np.float32] = stored["b1"].astype(np.float32)
        self.w2: npt.NDArray[np.float32] = stored["w2"].astype(np.float32)
        self.b2 = float(stored["b2"])
        self.threshold = float(stored["threshold"])
        self.long_threshold = float(stored["long_threshold"])
        # below this peak the probe is sure enough to overrule the rules' weaker categories (``detector``)
        self.veto = float(stored["veto"]) if "veto" in stored.files else 0.0
        self.bank: Vectors = np.ascontiguousarray(stored["bank"].astype(np.float32))
        self.bank_keys: list[str] = [str(k) for k in stored["bank_keys"]]
        self.bank_texts: list[str] = [str(t) for t in stored["bank_texts"]]
        if self.bank.shape[1] != embedder.dimension:
            raise ValueError(f"the triage probe needs {self.bank.shape[1]}-d embeddings, not {embedder.dimension}")

    def probabilities(self, parts: list[str]) -> tuple[npt.NDArray[np.float32], Vectors]:
        """Per text: the probability of an emergency happening now, and the text's embedding (one model call)."""
        vectors = self._embedder.embed(parts)
        hidden = np.maximum(features(vectors, parts) @ self.w1 + self.b1, 0.0)
        logits = hidden @ self.w2 + self.b2
        return (1.0 / (1.0 + np.exp(-logits))).astype(np.float32), vectors

    def detect(self, normalised: str) -> list[SemanticHit]:
        """The categories raised for a (normalised) message whose probability passes its threshold."""
        return self.read(normalised).hits

    def read(self, normalised: str) -> Reading:
        """The categories raised and the highest probability of the parts read."""
        words = normalised.split()
        whole = " ".join(words[: SHORT_WORDS * 2])
        parts = [whole] if len(words) <= SHORT_WORDS else list(dict.fromkeys([whole, *segments(normalised)]))
        candidates = [
            p
            for p in parts
            # The whole message is always read, as in the validation: "no point anymore. rope is in the garage"
            # opens with "no" and is no list of absent symptoms.
            if len(re.findall(r"[a-z]{2,}", p)) >= _MIN_READ_WORDS and (p == whole or not _NEGATION_LEAD.search(p))
        ]
        if not candidates:
            return Reading([], None)
        probs, vectors = self.probabilities(candidates)
        if self.words.loaded and candidates[0] == whole:
            probs[0] = (probs[0] + self.words.probability(whole)) / 2
        peak = float(probs.max()) if candidates[0] == whole else None
        bars = np.array(
            [self.threshold if p == whole else max(self.threshold, self.long_threshold) for p in candidates]
        )
        hits: dict[str, SemanticHit] = {}
        for i in np.argsort(-(probs - bars)):
            if probs[i] < bars[i]:
                break
            # the category of the closest exemplar (float32 both sides: a float64 vector would copy the whole bank)
            nearest = int(np.argmax(self.bank @ vectors[i].astype(np.float32, copy=False)))
            key = self.bank_keys[nearest]
            if key not in NEVER_JOKED and joking(normalised, laughter_only=True):
                continue  # "gonna explode lol", "I could die of embarrassment haha": a figure of speech
            if key not in hits:
                hits[key] = SemanticHit(key, float(probs[i]), candidates[i], self.bank_texts[nearest])
        return Reading(list(hits.values()), peak)

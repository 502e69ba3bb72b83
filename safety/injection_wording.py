"""A learned reading of a passage's words: the injection layer that transfers to wording nobody listed.

Every writer addresses the machine reader in new words ("assistive readers", "reader software", "the thing turning
these notes into patient instructions", "Zusammenfassungs-Tools"), so hand-written address patterns miss a new
writer's half. Validated leave-one-writer-out on eight writers, a logistic model over word uni- and bigrams (TF-IDF,
sublinear counts) flagged 71% of a held-out writer's injections at 2% of its benign passages, where the embedding
probe alone flagged 28%: the words that give a planted note away ("summarising", "automated", "tell users",
"omit") are many and weak, and a linear model over all of them weighs them better than either a list or a sentence
embedding does.

``scripts/injection_eval.py --fit`` fits it with scikit-learn (a development dependency) and stores the vocabulary,
IDF weights and coefficients in ``injection_data/wording.npz``; the product only computes the same features (the
tokenizer and n-grams of scikit-learn's ``TfidfVectorizer`` defaults; a unit test checks they agree) and one dot
product, well under a millisecond per passage and without the embedding model.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from pathlib import Path

import numpy as np
import numpy.typing as npt

WORDING = Path(__file__).resolve().parent / "injection_data" / "wording.npz"
MAX_CHARS = 4_000  # a retrieved chunk is a few hundred characters; a pasted page is read from its start
_TOKEN = re.compile(r"(?u)\b\w\w+\b")  # TfidfVectorizer's default token pattern


def ngrams(text: str, longest: int) -> list[str]:
    """Lower-cased word n-grams of 1..longest words, as TfidfVectorizer builds them."""
    tokens = _TOKEN.findall(text.lower())
    grams = list(tokens)
    for n in range(2, longest + 1):
        grams += [" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]
    return grams


class WordingProbe:
    """The fitted word model; without its file it scores nothing (``threshold`` is infinite)."""

    def __init__(self, path: Path = WORDING) -> None:
        """Load vocabulary, IDF weights, coefficients and the threshold chosen out-of-writer."""
        self.index: dict[str, int] = {}
        self.idf: npt.NDArray[np.float64] = np.zeros(0)
        self.coef: npt.NDArray[np.float64] = np.zeros(0)
        self.intercept = 0.0
        self.threshold = math.inf
        self.longest = 2
        if path.is_file():
            stored = np.load(path, allow_pickle=False)
            self.index = {str(term): i for i, term in enumerate(stored["terms"])}
            self.idf = stored["idf"].astype(np.float64)
            self.coef = stored["coef"].astype(np.float64)
            self.intercept = float(stored["intercept"])
            self.threshold = float(stored["threshold"])
            self.longest = int(stored["longest"])

    def score(self, text: str) -> float:
        """Log-odds that the passage is an injection (0.0 when no model is loaded or no known word occurs)."""
        if not self.index:
            return 0.0
        counts = Counter(i for g in ngrams(text[:MAX_CHARS], self.longest) if (i := self.index.get(g)) is not None)
        if not counts:
            return self.intercept
        cols = np.fromiter(counts.keys(), dtype=np.int64)
        tf = 1.0 + np.log(np.fromiter(counts.values(), dtype=np.float64))  # sublinear counts
        values = tf * self.idf[cols]
        return float(values @ self.coef[cols] / np.linalg.norm(values) + self.intercept)

    def flags(self, text: str) -> bool:
        """Whether the passage passes the threshold."""
        return self.score(text) >= self.threshold

"""A logistic model over word n-grams (TF-IDF), fitted with scikit-learn and run here as one dot product.

Two detectors read a text's words as well as its meaning: the injection check (``safety.injection_wording``) and the
triage probe (``safety.triage.semantic``). Validated leave-one-writer-out, the words carried over to a new writer
where hand-written lists did not (injections) and lowered false alarms at the same recall (triage). The fitting
scripts store the vocabulary, IDF weights and coefficients in an ``.npz``; this module computes the features of
scikit-learn's ``TfidfVectorizer`` defaults (lower case, its token pattern, n-grams, sublinear counts, l2 norm; a
unit test checks they agree), so the product needs neither scikit-learn nor a pickle.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

MAX_CHARS = 4_000  # a retrieved chunk or a chat message; a pasted page is read from its start
_TOKEN = re.compile(r"(?u)\b\w\w+\b")  # TfidfVectorizer's default token pattern


def ngrams(text: str, longest: int) -> list[str]:
    """Lower-cased word n-grams of 1..longest words, as TfidfVectorizer builds them."""
    tokens = _TOKEN.findall(text.lower())
    grams = list(tokens)
    for n in range(2, longest + 1):
        grams += [" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]
    return grams


def fit(texts: list[str], labels: npt.ArrayLike) -> tuple[Any, Any]:
    """Fit the vectorizer and the logistic model (the fitting scripts only; scikit-learn is a dev dependency).

    Uni- and bigrams seen twice, sublinear counts, C=10, balanced classes: chosen leave-one-writer-out for the
    injection check (trigrams and character n-grams did no better) and kept for triage.
    """
    from sklearn.feature_extraction.text import TfidfVectorizer  # type: ignore[import-untyped]
    from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]

    vectorizer = TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True)
    model = LogisticRegression(C=10.0, max_iter=5000, class_weight="balanced")
    return vectorizer, model.fit(vectorizer.fit_transform(texts), labels)


def save(path: Path, vectorizer: object, coef: npt.ArrayLike, intercept: float, threshold: float) -> None:
    """Write a fitted ``TfidfVectorizer`` and logistic coefficients in the form ``WordModel`` reads."""
    names = vectorizer.get_feature_names_out()  # type: ignore[attr-defined]
    np.savez(
        path,
        terms=np.array(names, dtype=str),
        idf=vectorizer.idf_,  # type: ignore[attr-defined]
        coef=np.asarray(coef, dtype=np.float64),
        intercept=float(intercept),
        threshold=float(threshold),
        longest=int(vectorizer.ngram_range[1]),  # type: ignore[attr-defined]
    )


class WordModel:
    """A fitted word model; without its file it scores nothing (``threshold`` is infinite)."""

    def __init__(self, path: Path) -> None:
        """Load vocabulary, IDF weights, coefficients and the stored threshold."""
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

    @property
    def loaded(self) -> bool:
        """Whether a fitted model was found."""
        return bool(self.index)

    def score(self, text: str) -> float:
        """Log-odds of the positive class (0.0 when no model is loaded)."""
        if not self.index:
            return 0.0
        counts = Counter(i for g in ngrams(text[:MAX_CHARS], self.longest) if (i := self.index.get(g)) is not None)
        if not counts:
            return self.intercept
        cols = np.fromiter(counts.keys(), dtype=np.int64)
        tf = 1.0 + np.log(np.fromiter(counts.values(), dtype=np.float64))  # sublinear counts
        values = tf * self.idf[cols]
        return float(values @ self.coef[cols] / np.linalg.norm(values) + self.intercept)

    def probability(self, text: str) -> float:
        """The score as a probability."""
        return 1.0 / (1.0 + math.exp(-self.score(text)))

    def flags(self, text: str) -> bool:
        """Whether the text passes the stored threshold (on the log-odds)."""
        return self.score(text) >= self.threshold

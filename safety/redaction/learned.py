"""A learned person-name model: a logistic regression over a word's letters, shape, name lists and neighbours.

The rules in ``names`` and the hand-weighted ``likely`` model miss names no rule was written for (nicknames
"Mo"/"Tez", Irish names with fadas, lower-case names in chat). This model reads what the rules leave: every word
still standing after them that could be a name, and scores it from

- its letters: lower-cased character 2-4-grams with word boundaries, and the word itself;
- its shape: "Xx", "XX", "x", its length, an accent, an apostrophe, a hyphen, a possessive;
- the name lists (``lexicon``): a listed given name or surname, a Faker given name, an English word;
- its neighbours: the one and two words (or punctuation, or placeholders such as "[NAME]") before and after it;
- where it stands: a text's, a line's or a sentence's start, a capital in mid-sentence, an all-capitals line or an
  all-lower-case text.

``scripts/fit_name_model.py`` fits it with scikit-learn (leave-one-writer-out validated) and stores vocabulary,
coefficients and the threshold in ``data/name_model.npz``; here it is a sum of weights in numpy, no pickle. Words
the other detectors protect (drug names, eponyms, facility words, spans ``keep`` guards, clinical word shapes,
grammar and common words, a word beside an institution's head) are never scored. Without the model file nothing changes.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache
from pathlib import Path

import numpy as np
import numpy.typing as npt

from safety.redaction.cues import TITLE
from safety.redaction.keep import eponyms, kept_spans
from safety.redaction.lexicon import fold, given_names, is_word, listed, name_lists, protected_words
from safety.redaction.vocabulary import COMMON, EPONYMS, FACILITY, FUNCTION, INSTITUTION_AFTER, PARTICLES, never_name

MODEL_PATH = Path(__file__).resolve().parent / "data" / "name_model.npz"
# Context units: a placeholder, a word (letters and digits, apostrophes and hyphens inside), or one punctuation mark.
_UNIT = re.compile(r"\[[A-Z][A-Z0-9_+-]*\]|[^\W_]+(?:['’-][^\W_]+)*|[^\w\s]")
_ALPHA = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_DIGIT = re.compile(r"\d")
# Neighbours that make a word part of an institution's or a maker's name: "Walton Centre", "St Francis",
# "Fisher & Paykel".
_INSTITUTION_NEXT = FACILITY | INSTITUTION_AFTER | {"&", "national", "medical", "general", "drug"}
_INSTITUTION_PREV = frozenset({"st", "saint", "mount", "san", "santa"})


def _shape(word: str) -> str:
    shape = re.sub(r"[^\W\d_]", lambda m: "X" if m.group().isupper() else "x", word)
    return re.sub(r"(.)\1+", r"\1", shape)


def _length(n: int) -> str:
    return str(n) if n <= 4 else "5-6" if n <= 6 else "7+"


class Candidates:
    """The words of a text the model may score, with their features (one list of strings per word)."""

    def __init__(self, text: str, protected: frozenset[str] = frozenset()) -> None:
        """Find the candidate words of ``text`` and compute their features."""
        self.text = text
        units = list(_UNIT.finditer(text))
        low = [_DIGIT.sub("0", m.group().lower()) for m in units]
        drugs = protected_words(protected)
        spans = kept_spans(text)
        letters = [c for c in text if c.isalpha()]
        doc_lower = len(letters) > 0 and sum(c.isupper() for c in letters) < 0.03 * len(letters)
        first, last = name_lists()
        first_text = len(text) - len(text.lstrip())
        shouting: dict[int, bool] = {}
        self.spans: list[tuple[int, int]] = []
        self.features: list[list[str]] = []
        for k, m in enumerate(units):
            w = m.group()
            if not _ALPHA.fullmatch(w):
                continue
            poss = w.endswith(("'s", "’s"))
            b = (w[:-2] if poss else w).lower()
            s, e = m.span()
            if (
                len(b) < 2
                or b in FUNCTION
                or TITLE.fullmatch(w) is not None  # "Dr", "Mrs", "Professor": kept beside the name
                or b in PARTICLES  # "de", "van": part of a name only beside one
                or text[s - 1 : s] in {".", "'", "’"}  # "Sig.ra", "'s"
                or b in COMMON  # words that are also names ("Faith", "Mark", "rose") need a rule's cue
                or w.isupper()
                and len(w) <= 3  # "AB", "DWI", "PAT": abbreviations
                or k + 1 < len(units)
                and low[k + 1] in _INSTITUTION_NEXT
                or k + 2 < len(units)
                and units[k + 1].group().istitle()
                and low[k + 2] in _INSTITUTION_NEXT
                or k > 0
                and low[k - 1] in _INSTITUTION_PREV
                or b in EPONYMS
                or b in FACILITY
                or b in drugs
                or b in eponyms()[1]
                or never_name(w)
                or text.startswith("/", s - 1)
                or any(a < e and s < z for a, z in spans)
            ):
                continue
            word = is_word(b)
            f = [f"w={b}", f"shape={_shape(w)}", f"len={_length(len(b))}"]
            padded = f"<{b}>"
            f += [f"c={padded[j : j + n]}" for n in (2, 3, 4) for j in range(len(padded) - n + 1)]
            if fold(b) != b:
                f.append("accent")
            if "'" in b or "’" in b:
                f.append("apostrophe")
            if "-" in b:
                f.append("hyphen")
            if poss:
                f.append("possessive")
            first_listed, last_listed = listed(b, first), listed(b, last)
            f += [
                name
                for name, on in (
                    ("first", first_listed),
                    ("last", last_listed),
                    ("given", b in given_names()),
                    ("word", word),
                    ("first&noword", first_listed and not word),
                    ("last&noword", last_listed and not word),
                    ("noname&noword", not (first_listed or last_listed or word)),
                )
                if on
            ]
            for d in (1, 2):
                f.append(f"p{d}={low[k - d]}" if k - d >= 0 else f"p{d}=<s>")
                f.append(f"n{d}={low[k + d]}" if k + d < len(units) else f"n{d}=</s>")
            j = s  # the last character before the word, spaces and tabs skipped (no slicing: a note is long)
            while j > 0 and text[j - 1] in " \t":
                j -= 1
            prev_char = text[j - 1] if j else ""
            line_start = not j or prev_char == "\n"
            sentence_start = line_start or prev_char in '.!?:;("'
            if s <= first_text:
                f.append("text_start")
            if line_start:
                f.append("line_start")
            if sentence_start:
                f.append("sentence_start")
            elif w[0].isupper() and not w.isupper():
                f.append("cap_mid")
            start = text.rfind("\n", 0, s) + 1
            if start not in shouting:  # once per line
                line = text[start : (text.find("\n", e) + 1 or len(text) + 1) - 1]
                caps = [c for c in line if c.isalpha()]
                shouting[start] = len(caps) > 6 and sum(c.isupper() for c in caps) > 0.8 * len(caps)
            if shouting[start]:
                f.append("shouting")
            if doc_lower:
                f.append("doc_lower")
            if k > 0 and low[k - 1] == "[name]" or k + 1 < len(units) and low[k + 1] == "[name]":
                f.append("beside_name")
            self.spans.append((s, e))
            self.features.append(f)


class NameModel:
    """A fitted name model; without its file it flags nothing (``threshold`` is infinite)."""

    def __init__(self, path: Path = MODEL_PATH) -> None:
        """Load vocabulary, coefficients, intercept and threshold (log-odds) from ``path`` if it exists."""
        self.index: dict[str, int] = {}
        self.coef: npt.NDArray[np.float64] = np.zeros(0)
        self.intercept = 0.0
        self.threshold = math.inf
        if path.is_file():
            stored = np.load(path, allow_pickle=False)
            self.index = {str(term): i for i, term in enumerate(stored["terms"])}
            self.coef = stored["coef"].astype(np.float64)
            self.intercept = float(stored["intercept"])
            self.threshold = float(stored["threshold"])

    @property
    def loaded(self) -> bool:
        """Whether a fitted model was found."""
        return bool(self.index)

    def scores(self, candidates: Candidates) -> npt.NDArray[np.float64]:
        """Log-odds that each candidate word is a person's name."""
        out = np.full(len(candidates.features), self.intercept)
        for j, feats in enumerate(candidates.features):
            cols = [i for f in set(feats) if (i := self.index.get(f)) is not None]
            out[j] += self.coef[cols].sum()
        return out

    def redact(self, text: str, protected: frozenset[str] = frozenset()) -> str:
        """Replace each candidate word at or above the threshold with "[NAME]" (a run of them with one)."""
        if not self.index:
            return text
        candidates = Candidates(text, protected)
        if not candidates.spans:
            return text
        hits = [
            span
            for span, score in zip(candidates.spans, self.scores(candidates), strict=True)
            if score >= self.threshold
        ]
        out: list[str] = []
        pos = 0
        for s, e in hits:
            if out and not text[pos:s].strip(" "):
                pos = e  # the next word of the same name: one placeholder for the run
                continue
            out += [text[pos:s], "[NAME]"]
            pos = e
        return "".join(out) + text[pos:]


@lru_cache(maxsize=1)
def default_model() -> NameModel:
    """The shipped model, loaded once."""
    return NameModel()


def redact_learned(text: str, protected: frozenset[str] = frozenset()) -> str:
    """Names the rules left, by the shipped model; the text unchanged when there is no model file."""
    return default_model().redact(text, protected)

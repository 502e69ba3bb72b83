"""A learned reading of a passage's words: the injection layer that transfers to wording nobody listed.

Every writer addresses the machine reader in new words ("assistive readers", "reader software", "the thing turning
these notes into patient instructions", "Zusammenfassungs-Tools"), so hand-written address patterns miss a new
writer's half. Validated leave-one-writer-out on eight writers, a logistic model over word uni- and bigrams (TF-IDF,
sublinear counts, ``safety.word_model``) flagged 71% of a held-out writer's injections at 2% of its benign passages,
where the embedding probe alone flagged 28%: the words that give a planted note away ("summarising", "automated",
"tell users", "omit") are many and weak, and a linear model over all of them weighs them better than either a list
or a sentence embedding does. ``scripts/injection_eval.py --fit`` fits it and chooses its threshold on out-of-writer
scores; well under a millisecond per passage, without the embedding model.
"""

from __future__ import annotations

from pathlib import Path

from safety.word_model import WordModel

WORDING = Path(__file__).resolve().parent / "injection_data" / "wording.npz"


class WordingProbe(WordModel):
    """The injection word model (``injection_data/wording.npz``)."""

    def __init__(self, path: Path = WORDING) -> None:
        """Load the fitted model; without the file it scores nothing."""
        super().__init__(path)

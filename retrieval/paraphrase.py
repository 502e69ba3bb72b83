"""The words people use -> the words maintenance logs use ("luggage hatch" -> "baggage door"), for queries.

Built by scripts/build_paraphrases.py into data/paraphrases.json. Search appends the log words after the question's
own (nothing is rewritten: "cover" still matches "cover"), so a lay question shares words with the entry it means.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

_TABLE = Path(__file__).resolve().parent / "data" / "paraphrases.json"
_WORD = re.compile(r"[a-z][a-z'-]*")
# The suffix rules the build script used to key the table; a question's "dripped" finds the entry for "drip".
_SUFFIXES = (("ies", "y"), ("es", ""), ("s", ""), ("ied", "y"), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"))


def lemmas(word: str) -> list[str]:
    """The word, then the stems plain suffix rules give: ``"snapped"`` -> snapped, snapp, snap, snappe."""
    out = [word]
    for suffix, repl in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)] + repl
            out.append(stem)
            if len(stem) > 3 and stem[-1] == stem[-2] and not repl:
                out.append(stem[:-1])
    return out


class Paraphrases:
    """Looks up each word of a text (and its plain stems) and lists the log words it stands for."""

    def __init__(self, table: dict[str, list[str]]) -> None:
        """Use the given word -> log words table."""
        self._table = table

    def additions(self, text: str) -> list[str]:
        """Log words for the text's words, each once, none the text already has."""
        words = _WORD.findall(text.lower())
        have = set(words)
        out: dict[str, None] = {}
        for word in words:
            for lemma in lemmas(word):
                targets = self._table.get(lemma)
                if targets:
                    out.update((t, None) for t in targets if t not in have)
                    break
        return list(out)

    def expand(self, text: str) -> str:
        """The text with the log words appended: ``"motor quit"`` -> ``"motor quit engine"``."""
        extra = self.additions(text)
        return f"{text} {' '.join(extra)}" if extra else text


@lru_cache(maxsize=1)
def default_paraphrases() -> Paraphrases:
    """The bundled table built by scripts/build_paraphrases.py (empty if the file is missing)."""
    if not _TABLE.is_file():
        return Paraphrases({})
    return Paraphrases(json.loads(_TABLE.read_text(encoding="utf-8"))["entries"])

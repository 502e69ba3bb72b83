"""Technician shorthand expansion (REPL -> replace, U/S -> unserviceable) for queries and indexed text."""

from __future__ import annotations

import hashlib
import json
import re
from functools import lru_cache
from pathlib import Path

_TABLE = Path(__file__).resolve().parent / "data" / "shorthand.json"
_TOKEN = re.compile(r"[A-Za-z0-9]+(?:[/&'][A-Za-z0-9]+)*")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


class Shorthand:
    """Appends the expansion after each known abbreviation, keeping the original token for exact matches."""

    def __init__(self, table: dict[str, str]) -> None:
        """Use the given abbreviation -> expansion table."""
        self._table = table

    def expand(self, text: str) -> str:
        """``"R&R batt"`` -> ``"R&R remove and replace batt battery"``."""

        def one(match: re.Match[str]) -> str:
            token = match.group(0)
            full = self._table.get(token.lower())
            return f"{token} {full}" if full and full != token.lower() else token

        return _TOKEN.sub(one, text)

    def normalise(self, text: str) -> str:
        """Replace abbreviations by their expansion, lower-cased: what is embedded and what duplicate keys hash."""
        return _TOKEN.sub(lambda m: self._table.get(m.group(0).lower(), m.group(0).lower()), text.lower())

    def duplicate_key(self, text: str) -> str:
        """Texts with the same key are near-duplicates: equal once shorthand, case and punctuation are normalised."""
        plain = _NON_ALNUM.sub(" ", self.normalise(text)).strip()
        return hashlib.blake2b(plain.encode(), digest_size=8).hexdigest()


@lru_cache(maxsize=1)
def default_shorthand() -> Shorthand:
    """The bundled table built by scripts/build_shorthand.py."""
    return Shorthand(json.loads(_TABLE.read_text(encoding="utf-8"))["entries"])

"""Word lists the name detector consults, all shipped inside PyPI wheels and read offline, once, on first use.

- First names and surnames: the 1990 US Census lists (5,163 first names, 88,799 surnames; public domain) in the
  ``names`` package (MIT).
- Given names of other countries: Faker's person providers (MIT), copied by ``scripts/build_given_names.py``.
- Ordinary English words: the lower-case entries of Webster's Second International (web2, 210,768 words; public
  domain) in the ``english-words`` package (MIT). A capitalised word that is no ordinary word ("Okafor", "Dlamini")
  is likely a name; one that is ("Charge Nurse", "Ward Clerk") needs more evidence.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources
from pathlib import Path

from english_words import get_english_words_set


@lru_cache(maxsize=1)
def name_lists() -> tuple[frozenset[str], frozenset[str]]:
    """Lower-case first names and surnames."""
    package = resources.files("names")

    def read(*files: str) -> frozenset[str]:
        return frozenset(
            line.split()[0].lower() for f in files for line in package.joinpath(f).read_text().splitlines() if line
        )

    # Given names of other countries (Faker's locales, ``data/given_names.txt``) that are no English word: the
    # Census lists miss "Femke", "Lakshmi", "Dmitri". Those that are words ("colon", "press") stay out.
    words = dictionary()
    given = frozenset(w for w in _given_file() if w not in words and not is_word(w))
    return read("dist.male.first", "dist.female.first") | given, read("dist.all.last")


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Every given name of ``data/given_names.txt``, also those that are words: evidence only beside a surname."""
    return _given_file() - {"will", "may", "june"}


@lru_cache(maxsize=1)
def _given_file() -> frozenset[str]:
    """The lines of ``data/given_names.txt`` (Faker's given names, lower case), read once."""
    extra = Path(__file__).resolve().parent / "data" / "given_names.txt"
    return frozenset(w for w in extra.read_text(encoding="utf-8").split("\n")[1:] if w)


@lru_cache(maxsize=1)
def dictionary() -> frozenset[str]:
    """Lower-case English words (web2 lists proper nouns capitalised; only the common words are kept)."""
    return frozenset(w for w in get_english_words_set(["web2"]) if w.islower())


def _stems(word: str) -> set[str]:
    stems = {word}
    for suffix, repl in (
        ("s", ""),
        ("es", ""),
        ("ies", "y"),
        ("ed", ""),
        ("ed", "e"),
        ("ing", ""),
        ("ing", "e"),
        ("ly", ""),
        ("er", ""),
        ("ers", ""),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) > 2:
            stem = word[: -len(suffix)]
            stems.add(stem + repl)
            if stem[-1] == stem[-2] and not repl:
                stems.add(stem[:-1])  # "flagged" -> "flag"
    return stems


@lru_cache(maxsize=1 << 16)
def is_word(base: str) -> bool:
    """Whether a lower-case word (or each part of a hyphenated one) is an English word, allowing plain inflections."""
    words = dictionary()
    base = re.sub(r"'(?:t|ll|re|ve|d|m)$", "", base.replace("’", "'"))  # "won't" -> "won"
    for part in base.split("-"):
        if not words.intersection(_stems(part.strip("'"))):
            return False
    return True


@lru_cache(maxsize=1 << 16)
def listed(base: str, which: frozenset[str]) -> bool:
    """Whether a word, with apostrophes dropped ("o'neill") or any hyphenated part, is on a name list."""
    key = base.replace("'", "").replace("’", "")
    if key in which or any(p in which for p in key.split("-") if len(p) > 2):
        return True
    # "Nguyễn", "RAMÍREZ", "Gonçalves": the lists are written without accents. Short words stay as written: folded,
    # too many ordinary words of other languages meet a name ("está" -> "Esta", "mãe" -> "Mae").
    folded = fold(key)
    return (
        folded != key
        and len(folded) > 4
        and (folded in which or any(p in which for p in folded.split("-") if len(p) > 4))
    )


def fold(word: str) -> str:
    """The word without accents ("nguyễn" -> "nguyen", "đặng" -> "dang")."""
    decomposed = unicodedata.normalize("NFKD", word.replace("đ", "d").replace("Đ", "D").replace("ø", "o"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=4)  # called for every text redacted, always with the same set: compute the difference once
def protected_words(names: frozenset[str]) -> frozenset[str]:
    """Words of drug ingredient and brand names, which must never be taken for a person's ("apixaban", "eliquis").

    Drug names are no English words and are capitalised at the start of a line, exactly like foreign names. The
    caller passes them (the drug knowledge base sits above this package); words on the name lists are kept out,
    since a few ingredient names hold surnames.
    """
    first, last = name_lists()
    return names - first - last

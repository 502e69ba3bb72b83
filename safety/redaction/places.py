"""Towns and cities named on their own: a gazetteer word where the sentence says a place stands.

A town is an identifier (HIPAA Safe Harbor: any subdivision smaller than a state) but has no shape a pattern can see,
so it needs both a list and a position. The list is GeoNames' places of 15,000 people or more
(``data/places.txt``, ``scripts/build_places.py``); the position is a locative cue before it:
- a weak cue ("in", "at", "from", "near", "to") is enough for a capitalised place that is no English word ("we're in
  Auckland", "mama yake yuko Ikeja" is not: no cue in English);
- a strong cue is needed for one that is ("Home: Cork", "lives in Reading", "moved to Bath", "Moss Lane, Sale").
Never: a place followed by a number or a facility word ("Bay 3", "Victoria Infirmary"), a drug name, an eponym.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from safety.redaction.lexicon import is_word
from safety.redaction.vocabulary import COMMON, EPONYMS, FACILITY, FUNCTION, INSTITUTION_AFTER

_DATA = Path(__file__).resolve().parent / "data" / "places.txt"
_STREET = r"(?:Lane|Road|Street|Avenue|Close|Crescent|Drive|Way|Terrace|Gardens|Grove|Place|Court|Rd|St|Ave|Dr)"
_STRONG = re.compile(
    r"(?:\b(?:lives?|living|lived|resides?|residing|moved|moving|relocated|based|staying|located|hometown|town|city"
    r"|village|suburb|home|address|resident\s+of|we['’]re|i['’]m|we\s+are|i\s+am)(?:\s+(?:now|currently|still))?"
    rf"(?:\s+(?:in|to|at|near|of|from))?\s*[:,-]?\s*|(?-i:\b[A-Z][a-z]+\s+{_STREET}),\s*|\[ADDRESS\],\s*)$",
    re.I,
)
_WEAK = re.compile(r"\b(?:in|at|from|near|to|around|outside|visiting)\s+$", re.I)
# Up to three capitalised words, the longest listed run wins ("Palmerston North", "Stoke-on-Trent").
_RUN = re.compile(r"(?-i:[A-ZÀ-Þ][a-zà-ÿ'’]+)(?:[ -](?:on|upon|le|de|la|del|(?-i:[A-ZÀ-Þ][a-zà-ÿ'’]+))){0,3}")
_AFTER_BLOCK = re.compile(r"\s*(?:\d|[A-Z][a-z]+\s+(?:Hospital|Infirmary|Clinic|Centre|Center|University))")


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Lower-case town and city names."""
    lines = _DATA.read_text(encoding="utf-8").split("\n")[1:]
    return frozenset(line for line in lines if line)


# Words after a town that make it an institution's name: "Sunnyvale Care Home", "Birmingham Women's".
_INSTITUTION = FACILITY | INSTITUTION_AFTER | {"care", "nursing", "residential"}


def _listed_prefix(run: str) -> str:
    """The longest leading part of ``run`` (whole words) that is a listed place, or ""."""
    words = re.split(r"(?<=\S)(?=[ -])", run)
    for n in range(len(words), 0, -1):
        candidate = "".join(words[:n])
        if candidate.lower() in places():
            return candidate
    return ""


def _ordinary(place: str) -> bool:
    words = re.split(r"[ -]", place.lower())
    return all(is_word(w) or w in COMMON or w in EPONYMS or w in FACILITY for w in words)


def redact_places(text: str, protected: frozenset[str] = frozenset()) -> str:
    """Replace towns named after a locative cue with ``[ADDRESS]``; ``protected`` words (drug names) never are."""
    out: list[str] = []
    pos = 0
    for m in _RUN.finditer(text):
        place = _listed_prefix(m.group())
        if not place or m.start() < pos or place.lower() in protected:
            continue
        before = text[max(0, m.start() - 40) : m.start()]
        following = text[m.start() + len(place) :]
        heads = {w.removesuffix("'s").removesuffix("’s") for w in re.findall(r"[\w'’]+", following[:40].lower())[:2]}
        if heads & _INSTITUTION and not following.startswith((",", ".")):
            continue  # "Victoria Infirmary", "Cork University Hospital": the institution, not the town
        strong = _STRONG.search(before) is not None
        # After a weak cue the place ends a phrase: "in Auckland and", not "in Bradford sling" (an eponym).
        nxt = re.match(r"\s+([a-z]+)", following)
        weak = _WEAK.search(before) is not None and not _ordinary(place) and (not nxt or nxt.group(1) in FUNCTION)
        if (strong or weak) and not _AFTER_BLOCK.match(following):
            out += [text[pos : m.start()], "[ADDRESS]"]
            pos = m.start() + len(place)
    return "".join(out) + text[pos:] if out else text

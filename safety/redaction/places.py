"""Towns and cities named on their own: a gazetteer word where the sentence says a place stands.

A town is an identifier (HIPAA Safe Harbor: any subdivision smaller than a state) but has no shape a pattern can see,
so it needs both a list and a position. The list is GeoNames' places of 15,000 people or more
(``data/places.txt``, ``scripts/build_places.py``); the position is a locative cue before it:
- a weak cue ("in", "at", "from", "near", "to") is enough for a capitalised place that is no English word ("we're in
  Auckland", "mama yake yuko Ikeja" is not: no cue in English);
- a strong cue is needed for one that is ("Home: Cork", "lives in Reading", "moved to Bath", "Moss Lane, Sale",
  "[POSTCODE], Cork");
- none for a place that is neither an English word nor a name and ends its phrase ("car park Swindon on", "Tucson
  AZ"), unless an institution's name holds it ("UMC Utrecht", "Centro de Saúde de Alvalade").
Never: a place followed by a number or a facility word ("Bay 3", "Victoria Infirmary"), a drug name, an eponym.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from safety.redaction.lexicon import is_word, listed, name_lists
from safety.redaction.vocabulary import COMMON, EPONYMS, FACILITY, FUNCTION, INSTITUTION_AFTER

_DATA = Path(__file__).resolve().parent / "data" / "places.txt"
_STREET = r"(?:Lane|Road|Street|Avenue|Close|Crescent|Drive|Way|Terrace|Gardens|Grove|Place|Court|Rd|St|Ave|Dr)"
_STRONG = re.compile(
    r"(?:\b(?:lives?|living|lived|resides?|residing|moved|moving|relocated|based|staying|located|hometown|town|city"
    r"|village|suburb|home|address|resident\s+of|we['’]re|i['’]m|we\s+are|i\s+am)(?:\s+(?:now|currently|still))?"
    rf"(?:\s+(?:in|to|at|near|of|from))?\s*[:,-]?\s*|(?-i:\b[A-Z][a-z]+\s+{_STREET}),\s*|\[(?:ADDRESS|POSTCODE)\],\s*)$",
    re.I,
)
_WEAK = re.compile(r"\b(?:in|at|from|near|to|around|outside|visiting)\s+$", re.I)
# Up to three capitalised words, the longest listed run wins ("Palmerston North", "Stoke-on-Trent").
_RUN = re.compile(
    r"(?<![\w\[])(?-i:[A-ZÀ-ÞĀ-Ž][a-zà-ÿā-ž'’]+)(?:[ -](?:on|upon|le|de|la|del|(?-i:[A-ZÀ-ÞĀ-Ž][a-zà-ÿā-ž'’]+))){0,3}"
)
_AFTER_BLOCK = re.compile(r"\s*(?:\d|[A-Z][a-z]+\s+(?:Hospital|Infirmary|Clinic|Centre|Center|University))")


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Lower-case town and city names."""
    lines = _DATA.read_text(encoding="utf-8").split("\n")[1:]
    return frozenset(line for line in lines if line)


# Words after a place that end its phrase: "in Auckland and", "in Gdańsk last night", not "in Bradford sling".
_ENDS_PHRASE = FUNCTION | frozenset("last yesterday today tonight now since during earlier recently".split())
# Words after a town that make it an institution's name: "Sunnyvale Care Home", "Birmingham Women's".
_INSTITUTION = FACILITY | INSTITUTION_AFTER | {"care", "nursing", "residential"}


def _listed_prefix(run: str) -> str:
    """The longest leading part of ``run`` (whole words) that is a listed place, or ""."""
    words = re.split(r"(?<=\S)(?=[ -])", run)
    for n in range(len(words), 0, -1):
        candidate = "".join(words[:n])
        if candidate.lower() in places() or _folded(candidate) in places():
            return candidate
    return ""


def _folded(name: str) -> str:
    # GeoNames lists "Gdańsk" as "gdansk" among its other names; a writer's accents are not the list's.
    return "".join(c for c in unicodedata.normalize("NFKD", name.lower()) if not unicodedata.combining(c))


def _ordinary(place: str) -> bool:
    words = re.split(r"[ -]", place.lower())
    return all(is_word(w) or w in COMMON or w in EPONYMS or w in FACILITY for w in words)


# A place with no cue at all ("car park Swindon", "CVS #08812 Tucson AZ") when it is no English word and no name, and
# no institution's name holds it: after "Royal", "St", "University of", an acronym ("UMC Utrecht", "CMC Vellore") or
# a particle ("Centro de Saúde de Alvalade"), or before a grade ("Bethesda IV").
_NOT_BARE_BEFORE = re.compile(
    r"(?:\b(?:royal|st|saint|spire|nuffield|university|of|the|mercy|bmi|hospital|infirmary)\.?|de|da|do|di|du|des|del|von|van|(?-i:[A-Z][a-z]+|[A-Z]{2,}))\s+$",
    re.I,
)


def _bare(place: str, before: str, following: str) -> bool:
    if _ordinary(place):
        return False
    first, last = name_lists()
    words = place.lower().split()
    if any(listed(w, first) or listed(w, last) for w in words):
        return False
    return not _NOT_BARE_BEFORE.search(before) and not re.match(r"\s+(?-i:[IVX]+\b|[A-Z]{2,}\s+\d)", following)


def redact_places(text: str, protected: frozenset[str] = frozenset()) -> str:
    """Replace towns (after a locative cue, or bare when no word and no name) with ``[ADDRESS]``, never drug names."""
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
        nxt = re.match(r"\s+([a-z]+)", following)
        strong = (
            _STRONG.search(before) is not None
            or _bare(place, before, following)
            and (not nxt or nxt.group(1) in _ENDS_PHRASE)
        )
        # After a weak cue the place ends a phrase: "in Auckland and", not "in Bradford sling" (an eponym).
        weak = _WEAK.search(before) is not None and not _ordinary(place) and (not nxt or nxt.group(1) in _ENDS_PHRASE)
        if (strong or weak) and not _AFTER_BLOCK.match(following):
            out += [text[pos : m.start()], "[ADDRESS]"]
            pos = m.start() + len(place)
    return "".join(out) + text[pos:] if out else text

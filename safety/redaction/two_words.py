"""Two adjacent words that are a name together, by the lists and the dictionary alone ("MAHLANGU, Thandiwe").

Split out of ``names`` so that module stays under 300 lines; ``names`` calls ``pair`` for each word.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from safety.redaction.cues import AFTER
from safety.redaction.lexicon import given_names, is_word, listed
from safety.redaction.pairs import listed_pair, shouted_name
from safety.redaction.vocabulary import COMMON, EPONYMS, FACILITY, FUNCTION, INSTITUTION_HEAD, never_name

if TYPE_CHECKING:
    from safety.redaction.names import _Text as Text


def _base(word: str) -> str:
    return (word[:-2] if word.endswith(("'s", "’s")) else word).lower()


def pair(t: Text, i: int) -> bool:
    """Whether words ``i`` and ``i + 1`` are a name by the lists and the dictionary alone."""
    a, b = t.word(i), t.word(i + 1)
    gap = t.text[t.words[i].end() : t.words[i + 1].start()]
    if "," in gap:  # "MAHLANGU, Thandiwe", "WILLIAMS, Grace"; not "IVIG, FVC", "Okafor, CXR", "Smith, Wernicke's"
        short = len(b) <= 3 and not listed(_base(b), t.first)
        if (
            _base(b) in EPONYMS
            or _base(b) in FACILITY
            or _base(b) in t.drugs  # looked up apart: a union with every drug name per call cost 0.3 ms
            or _base(b) in {"ward", "bay", "bed"}
            or b.isupper()
            and (not a.isupper() or short)
        ):
            return False  # "Morgan, Ward 8", "NSTEMI, PCI RIVA"
        caps_ok = not a.isupper() or listed(_base(a), t.last) or len(a) > 4 and sum(c in "AEIOUY" for c in a) > 1
        return (
            t.cap(i) and t.cap(i + 1) and t.nameish(i) and caps_ok and (t.strong(i) or t.strong(i + 1) or a.isupper())
        )
    if len(a) == 1 and a.isupper() and gap.strip() == "." and t.cap(i + 1) and t.nameish(i + 1) and t.strong(i + 1):
        return not t.sentence_start(i) or i == 0 or t.words[i].start() in t.strong_cued | t.cued  # "D. Washington"
    if (
        len(b) == 1
        and a.isupper()
        and len(a) > 2
        and t.nameish(i)
        and re.match(r"\.(?![A-Z]\.)", t.text[t.words[i + 1].end() :])
    ):
        return True  # "PATEL R.": a surname in capitals and an initial, as on a bed board; not "KCI V.A.C."
    if t.lower(i) and t.lower(i + 1) and len(a) == 3 and not listed(_base(b), t.last):
        return False  # a three-letter given name is a short word elsewhere ("ana miaka": Swahili "has years")
    if (
        (t.cap(i) and t.cap(i + 1) or t.lower(i) and t.lower(i + 1) and t.in_first(i))
        and AFTER.match(t.text, t.words[i + 1].end())
        and all(listed(_base(x), t.first) or listed(_base(x), t.last) or not is_word(_base(x)) for x in (a, b))
    ):
        # "June Park (DOB ...)", "george cartwright, born ...", "is Will Baker, who ..."
        function_ok = _base(a) not in FUNCTION or t.cap(i) and not t.sentence_start(i) and t.in_first(i)
        function_ok = function_ok and not (t.lower(i) and _base(b) in COMMON)  # "labour ward room 6,"
        return function_ok and _base(b) not in EPONYMS and _base(b) not in FUNCTION
    if t.lower(i) and t.lower(i + 1):  # "maria gonzalez", "priyanka venkataraman"; not "su cita" (Spanish "your")
        if len(a) < 3:
            return False
        return (
            t.in_first(i) and (listed(_base(b), t.last) or t.strong(i + 1)) and not is_word(_base(b)) and t.nameish(i)
        )
    if t.cap(i) and not a.isupper() and b.isupper() and len(b) > 3 and t.strong(i) and t.nameish(i + 1):
        return shouted_name(b)  # "Keala TUHIWAI", not "Start COPD"
    if not (t.cap(i) and t.cap(i + 1)) or a.isupper() != b.isupper():
        return False
    if listed_pair(t, i):
        return True
    if t.nameish(i) and t.nameish(i + 1) and (t.strong(i) or t.strong(i + 1)):
        return not a.isupper() or len(a) > 3 and len(b) > 3
    # "Will Thompson": a first name that is also a word, before a surname that is none.
    # "Paolo Mercado": a given name that web2 also lists as a word counts beside a surname that is none.
    first_ok = t.in_first(i) or _base(a) in given_names()
    # "Hope Achebe": a surname no list holds is still one after a given name, when it is no word, drug or eponym.
    unlisted_ok = not b.isupper() and len(b) > 3 and _base(b) not in t.drugs and not never_name(b)
    # Only after a given name of the lists ("Hope", "Arjun"): not "Sie Antibiotika", "My Humana", "Royal Brompton".
    unlisted_ok = unlisted_ok and t.in_first(i) and _base(a) not in FUNCTION | INSTITUTION_HEAD
    surname_ok = listed(_base(b), t.last) or unlisted_ok
    return first_ok and surname_ok and not is_word(_base(b)) and _base(b) not in EPONYMS

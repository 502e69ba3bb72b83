"""Name evidence beyond cue words: a listed first name beside a listed surname, a name word beside a "[NAME]"."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from safety.redaction.lexicon import is_word, listed
from safety.redaction.vocabulary import EPONYMS, FACILITY, FUNCTION

if TYPE_CHECKING:
    from safety.redaction.names import _Text as Text


def _base(word: str) -> str:
    return (word[:-2] if word.endswith(("'s", "’s")) else word).lower()


_VOWELS = frozenset("aeiouyàáâãäåèéêëìíîïòóôõöùúûüýơư")
_HEADWORDS = FACILITY | EPONYMS | {"ward", "unit", "wing", "house", "block", "team", "lab", "dept", "cottage", "score"}


def listed_pair(t: Text, i: int) -> bool:
    """A listed first name, then a listed surname: a name even when both are words ("Will Baker").

    Not after an article, and not when a place or eponym word follows ("Rose Cottage", "Bishop score").
    """
    a, b = _base(t.word(i)), _base(t.word(i + 1))
    if t.word(i).isupper() or a in FUNCTION or b in FUNCTION or b in _HEADWORDS or a in _HEADWORDS:
        return False
    if re.search(r"\b(?:the|a|an|of)\s+$", t.before(i, 6), re.I) or not (listed(a, t.first) and listed(b, t.last)):
        return False
    nxt = _base(t.word(i + 2)) if i + 2 < len(t.words) and t.adjacent(i + 1) else ""
    return nxt not in _HEADWORDS and len(a) > 2 and len(b) > 2


def beside_placeholder(t: Text, i: int) -> bool:
    """A name word next to a "[NAME]" another pass left ("Meiling [NAME]", "[NAME] HOÀNG")."""
    m = t.words[i]
    if not (t.text.endswith("[NAME] ", 0, m.start()) or t.text.startswith(" [NAME]", m.end())):
        return False
    w = t.word(i)
    return len(w) > 2 and (t.cap(i) and not w.isupper() or shouted_name(w)) and t.nameish(i)


def shouted_name(w: str) -> bool:
    """Whether a word in capitals reads as a surname, not an abbreviation."""
    # A surname in capitals ("HOÀNG", "TUHIWAI") has the vowels an abbreviation ("DKA", "NSTEMI") lacks.
    return (
        w.isupper() and len(w) > 3 and not is_word(w.lower()) and sum(c in _VOWELS for c in w.lower()) >= 0.4 * len(w)
    )

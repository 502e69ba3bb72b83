"""Person names: titles, cue words, name lists and a dictionary, not capitalisation alone.

A word is a name when its context says so ("Dr Okafor", "my neighbour maria gonzalez", "Name: ...", a sign-off
after "Regards,"), when the lists do ("Maria Gonzalez": a Census first name next to a surname), or when it is no
English word and stands where names stand ("Priya Raman (MRN ...)", "MAHLANGU, Thandiwe", "PATEL R."). Words that
are also names ("Will", "Grace", "May") count only with that evidence; medical eponyms ("Parkinson's", "Foley") and
institutions ("St George's Hospital") never do. A name found once is found again in the same text ("Will").
Where no cue rule speaks, a small scoring model (``likely``) adds up name statistics and neighbourhood evidence.
"""

from __future__ import annotations

import bisect
import re

from safety.redaction.cues import (
    AFTER,
    AFTER_STRONG,
    CUE,
    DASH,
    KIN,
    PLACEHOLDERS,
    SENTENCE_END,
    STRONG,
    TITLE,
    WORD,
)
from safety.redaction.keep import kept_spans
from safety.redaction.learned import redact_learned
from safety.redaction.lexicon import is_word, listed, name_lists, protected_words
from safety.redaction.likely import likely_caps_pair, likely_name
from safety.redaction.marked import redact_marked
from safety.redaction.pairs import addressed, beside_placeholder, drop_institutions, listed_pair
from safety.redaction.products import give_back_products
from safety.redaction.two_words import pair as _pair
from safety.redaction.vocabulary import COMMON, EPONYMS, FACILITY, FUNCTION, PARTICLES, never_name


def _bare(word: str) -> str:
    return word[:-2] if word.endswith(("'s", "’s")) else word


def _base(word: str) -> str:
    return _bare(word).lower()


_INNER_CAPITAL = re.compile(r"[a-z][A-Z]")
_NAME_PREFIX = re.compile(r"(?:Mc|Mac|De|Di|Da|Le|La|Van|Von|O['’]|D['’])[A-Z]")


def _title_case(word: str) -> bool:
    # "Maria" or "MARIA"; two-letter capitals ("BP", "HR") are abbreviations; "CredibleMeds" or "pH" is no name,
    # "McDonald" is.
    if _INNER_CAPITAL.search(word) and not _NAME_PREFIX.match(word):
        return False
    return word[0].isupper() and (not word.isupper() or len(word) > 2)


class _Text:
    """The words of one text and what the lists say about each."""

    def __init__(self, text: str, protected: frozenset[str]) -> None:
        self.text = text
        self.words = [m for m in WORD.finditer(text) if m.group() not in PLACEHOLDERS]
        self.first, self.last = name_lists()
        self.drugs = protected_words(protected)
        self._shouting: dict[int, bool] = {}
        spans = kept_spans(text)
        starts = [m.start() for m in self.words]
        self.kept: set[int] = set()
        for a, b in spans:
            j = bisect.bisect_left(starts, a)
            while j < len(starts) and starts[j] < b:
                self.kept.add(j)
                j += 1
        # A word right after "/" is a unit or an alternative ("µmol/L", "mg/dL", "and/or"), never a name.
        self.kept |= {j for j, m in enumerate(self.words) if text.startswith("/", m.start() - 1)}
        self._breaks = [-1] + [n for n, c in enumerate(text) if c == "\n"]
        self.titled, self.strong_cued, self.cued, self.dashed, self.kin = (
            {m.end() for m in p.finditer(text)} for p in (TITLE, STRONG, CUE, DASH, KIN)
        )

    def word(self, i: int) -> str:
        return self.words[i].group()

    def before(self, i: int, n: int = 32) -> str:
        return self.text[max(0, self.words[i].start() - n) : self.words[i].start()]

    def adjacent(self, i: int) -> bool:
        # Only spaces between, or the full stop of an initial ("R. Okafor"); never across a sentence end.
        if i + 1 >= len(self.words):
            return False
        gap = self.text[self.words[i].end() : self.words[i + 1].start()]
        return gap.strip(" ") == "" and "\n" not in gap or (gap.strip(" ") == "." and len(self.word(i)) == 1)

    def comma(self, i: int) -> bool:
        # "MAHLANGU, Thandiwe": surname, comma, given name on one line.
        return (
            i + 1 < len(self.words)
            and re.fullmatch(r" ?, ?", self.text[self.words[i].end() : self.words[i + 1].start()]) is not None
        )

    def in_first(self, i: int) -> bool:
        return listed(_base(self.word(i)), self.first)

    def surname(self, i: int) -> bool:
        b = _base(self.word(i))
        return listed(b, self.last) and not is_word(b)

    def nameish(self, i: int) -> bool:
        """On a name list or no English word, and not a common word, an eponym or a facility word."""
        b = _base(self.word(i))
        if b in COMMON or b in EPONYMS or b in FACILITY or len(b) < 2 or b in self.drugs:
            return False
        return listed(b, self.first) or listed(b, self.last) or not is_word(b)

    def strong(self, i: int) -> bool:
        """A first name, or no English word at all: evidence on its own when the case fits."""
        b = _base(self.word(i))
        return self.nameish(i) and (listed(b, self.first) or not is_word(b))

    def cap(self, i: int) -> bool:
        """Capitalised as a name is, on a line that is not all capitals (where capitals say nothing)."""
        w = self.word(i)
        return _title_case(w) and not (w.isupper() and self.shouting(i))

    def lower(self, i: int) -> bool:
        """Written without a capital, or in capitals on an all-capitals line."""
        w = self.word(i)
        return w.islower() or w.isupper() and self.shouting(i)

    def shouting(self, i: int) -> bool:
        # An all-capitals line ("TABLE LIFT MOTOR FUSE BLOWN. REPLD FUSE"): maintenance logs and labels.
        start = self.words[i].start()
        line_start = self._breaks[bisect.bisect_left(self._breaks, start) - 1] + 1
        if line_start not in self._shouting:
            end = self.text.find("\n", start)
            letters = [c for c in self.text[line_start : end if end >= 0 else len(self.text)] if c.isalpha()]
            self._shouting[line_start] = len(letters) > 6 and sum(c.isupper() for c in letters) > 0.8 * len(letters)
        return self._shouting[line_start]

    def sentence_start(self, i: int) -> bool:
        start = self.words[i].start()
        return not self.text[:start].strip() or bool(SENTENCE_END.search(self.text[max(0, start - 4) : start]))


def _seed(t: _Text, i: int) -> bool:
    """Whether word ``i`` is a name by itself, by a title or a cue before it, or by what follows it."""
    w, b = t.word(i), _base(t.word(i))
    start = t.words[i].start()
    if b in FUNCTION:  # a grammar word is a name only as a field's value: "Forename(s): Will"
        return start in t.strong_cued and t.cap(i) and t.in_first(i) and not w.isupper()
    owned = re.search(r"\b(?:your|my|his|her|their|our|the|a|an|this|that)\s+$", t.before(i, 10), re.I)
    if (
        t.in_first(i)
        and len(b) > 2
        and AFTER_STRONG.match(t.text, t.words[i].end())
        and not KIN.match(t.text, start)
        and not (owned and w.islower())  # "your echo here" is a scan, "amber here" a person
    ):
        return b not in t.drugs and not w.isupper()
    if start in t.titled:
        if re.search(r"(?:mg|mcg|g)\s+MR\s*$", t.before(i, 12)):
            return False  # "100mg MR BD": modified release
        initial = len(w) == 1 and w.isupper() and t.text.startswith(".", t.words[i].end())  # "Dr. M. Bakker"
        return (_title_case(w) or t.nameish(i) or initial) and not (w.isupper() and b in COMMON)  # "XT DR MRI"
    if start in t.strong_cued:
        return b not in t.drugs
    if start in t.dashed and len(t.words) - i <= 3 and (not t.shouting(i) or t.in_first(i)) and t.nameish(i):
        return not any(c.isdigit() for c in t.text[t.words[i].end() :])  # a sign-off: "... - hamza"
    if start in t.kin and t.cap(i) and not w.isupper() and t.in_first(i) and not t.sentence_start(i):
        # "my neighbour Frank Wood", "my mum Grace": a first name that is also a word, after a person noun
        nxt = _base(t.word(i + 1)) if t.adjacent(i) and t.cap(i + 1) else ""
        return not nxt or nxt not in EPONYMS | FACILITY | {"ward", "unit", "wing", "house", "block", "team"}
    if b in COMMON or b in EPONYMS or b in FACILITY:
        return False
    if start in t.cued and start in t.dashed and not (t.cap(i) and t.strong(i)):
        return False  # "- Keep out of reach", "- insuffisance cardiaque"
    if start in t.cued:
        caps_ok = not w.isupper() or listed(b, t.first) or listed(b, t.last)  # "– CVA" is no name
        if t.lower(i) and not t.in_first(i) and is_word(b):  # "patient bongani zulu", not "patient disconnect alarm"
            caps_ok = caps_ok and t.adjacent(i) and t.nameish(i + 1)
        return t.nameish(i) and (t.cap(i) or t.strong(i)) and len(b) > 2 and caps_ok
    if w.endswith(("'s", "’s")) and t.strong(i) and (t.cap(i) or t.sentence_start(i)):
        return True  # "Ahmed's obs", "helen's catheter bag"
    if (
        t.cap(i)
        and t.strong(i)
        and AFTER.match(t.text, t.words[i].end())
        and (not w.isupper() or listed(b, t.first) or listed(b, t.last))
    ):
        return True
    # A listed first name capitalised mid-sentence ("gave Maria her tablets"); in capitals it is an acronym ("ASA").
    return t.cap(i) and not w.isupper() and t.in_first(i) and len(b) > 2 and not t.sentence_start(i)


def _continues(t: _Text, i: int) -> bool:
    """Whether word ``i + 1`` carries on the name that word ``i`` is part of."""
    a, b = t.word(i), t.word(i + 1)
    nb = _base(b)
    if re.match(r"[ \t]?:", t.text[t.words[i + 1].end() :]):
        return False  # a field's label after the name: "NOM : DIALLO PRÉNOM : AWA"
    if nb in PARTICLES:
        return i + 2 < len(t.words) and t.adjacent(i + 1)
    if len(b) == 1 and b.isupper():
        # An initial ("PATEL R.", "Yusuf A."), not a spelt-out abbreviation ("D.O.B.").
        return not re.match(r"[A-Za-z]\.?\s?[A-Za-z]\.", t.text[t.words[i + 1].start() :])
    if nb in COMMON or nb in EPONYMS or nb in FACILITY or (b.isupper() and not a.isupper()):
        return False
    if t.lower(i + 1):
        return (t.lower(i) or _base(a) in PARTICLES) and (
            t.nameish(i + 1) and t.strong(i + 1) or listed(nb, t.last) and not is_word(nb)
        )
    return t.cap(i + 1) and (t.nameish(i + 1) or _base(a) in PARTICLES)


def redact_names(text: str, protected: frozenset[str] = frozenset()) -> str:
    """Replace person names with ``[NAME]``; each run of name words becomes one placeholder.

    ``protected``: words never taken for a name (drug names, from the caller that has the knowledge base).
    """
    text = redact_marked(text)
    t = _Text(text, protected)
    hits: set[int] = set()
    for i in range(len(t.words)):
        if t.word(i).islower() and t.word(i) in FUNCTION:
            continue  # never a name, never part of one: most words of any text stop here ("Will" goes on)
        if i not in hits and (_seed(t, i) or beside_placeholder(t, i) or addressed(t, i) or likely_name(t, i)):
            hits.add(i)
        elif (t.adjacent(i) or t.comma(i)) and (_pair(t, i) or likely_caps_pair(t, i)):
            hits.update((i, i + 1))
        if i in hits and t.adjacent(i) and (_continues(t, i) or t.cap(i + 1) and listed_pair(t, i)):
            hits.add(i + 1)
        elif i in hits and t.comma(i) and t.words[i].start() in t.strong_cued and t.nameish(i + 1):
            hits.add(i + 1)  # "NAME: O'CONNOR, AOIFE": the given name after the cued surname
    # A title or a role ("Nurse", "Sister", "Doctor") is kept beside the name it introduces, and never spreads.
    hits = {
        i
        for i in give_back_products(t, drop_institutions(t, hits)) - t.kept
        if not never_name(t.word(i))
        and not (TITLE.fullmatch(t.word(i)) and t.word(i)[0].isupper() and len(t.word(i)) > 2)
    }
    # A name found once is a name wherever it appears again, written the same way ("Will ... Will has BPH").
    seen = {_bare(t.word(i)) for i in hits if len(t.word(i)) > 2} - {""}
    seen = {w for w in seen if w.lower() not in EPONYMS}  # "Mr Parkinson ... does not have Parkinson's disease"
    if seen:
        # Not where the word names a team or a service: "Mr Head ... (Head & Neck team)".
        again = {i for i in range(len(t.words)) if _bare(t.word(i)) in seen}
        hits |= {i for i in again if not re.match(r"\s*&", t.text[t.words[i].end() :])} - t.kept
    if not hits:
        return redact_learned(text, protected)  # the learned model reads what the rules left (``learned``)
    out, pos, prev = [], 0, -2
    for i in sorted(hits):
        m = t.words[i]
        if prev != i - 1 or not t.adjacent(i - 1):
            out += [text[pos : m.start()], "[NAME]"]
        pos, prev = m.end(), i
    return redact_learned("".join(out) + text[pos:], protected)

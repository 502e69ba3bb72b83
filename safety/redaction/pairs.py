"""Name evidence beyond cue words: listed pairs, a word beside a "[NAME]", a name the text speaks to.

"Will Baker" (a listed first name and surname), "Meiling [NAME]", "Rukhsana, please finish ...", "For Dimitra: ...".
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from safety.redaction.cues import CUE, TITLE
from safety.redaction.lexicon import is_word, listed
from safety.redaction.vocabulary import (
    COMMON,
    EPONYMS,
    FACILITY,
    FUNCTION,
    INSTITUTION_AFTER,
    INSTITUTION_BEFORE,
    PARTICLES,
)

if TYPE_CHECKING:
    from safety.redaction.names import _Text as Text


def _base(word: str) -> str:
    return (word[:-2] if word.endswith(("'s", "’s")) else word).lower()


_VOWELS = frozenset("aeiouyàáâãäåèéêëìíîïòóôõöùúûüýơư")
_WHERE = frozenset({"ward", "bay", "bed", "room", "unit", "theatre", "cubicle", "clinic"})
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


# A courtesy title in capitals, as a pharmacy label prints the name after it: "MRS GRACE O'NEILL", "MR WILL HOPE".
_CAPS_TITLE = re.compile(r"(?:^|(?<=[\s/|]))(?-i:MRS|MR|MS|MISS|MSTR)\.?[ \t]+$")


def _introduced_pair(t: Text, i: int) -> bool:
    """After "I'm": a given name, then a listed surname, then the end of the introduction."""
    if not t.adjacent(i) or t.word(i + 1).isupper():
        return False
    return listed(_base(t.word(i + 1)), t.last) and bool(_INTRO_END.match(t.text, t.words[i + 1].end()))


def _spoken_to_pair(t: Text, i: int) -> bool:
    """First in a sentence, a given name and a listed surname before a vocative comma: "Rosa Parkinson, your ..."."""
    return (
        t.sentence_start(i)
        and t.cap(i)
        and t.in_first(i)
        and t.adjacent(i)
        and t.cap(i + 1)
        and listed(_base(t.word(i + 1)), t.last)
        and bool(_VOCATIVE.match(t.text, t.words[i + 1].end()))
    )


def introduced_surname(t: Text, i: int) -> bool:
    """The surname of an introduced pair ("i'm hope young,") or of one spoken to ("Rosa Parkinson, your ...").

    Though the surname is a word or an eponym, the given name before it vouches for it.
    """
    if i == 0 or _base(t.word(i - 1)) in FUNCTION or not t.in_first(i - 1):
        return False
    introduced = bool(_INTRO.search(t.before(i - 1, 24))) and _introduced_pair(t, i - 1)
    return introduced or _spoken_to_pair(t, i - 1)


def titled_particle(t: Text, i: int) -> bool:
    """A surname's particle right after a title, before the capitalised rest: "Dr de Souza", "Mrs van der Berg"."""
    if _base(t.word(i)) not in PARTICLES or t.words[i].start() not in t.titled:
        return False
    k = i
    while k + 1 < len(t.words) and t.adjacent(k) and _base(t.word(k + 1)) in PARTICLES:
        k += 1
    return k + 1 < len(t.words) and t.adjacent(k) and t.cap(k + 1) and t.nameish(k + 1)


def titled_capitals(t: Text, i: int) -> bool:
    """A listed given name or surname in capitals after "MR"/"MRS", or the listed surname after that given name."""
    w = t.word(i)
    if not w.isupper() or len(w) < 2 or _base(w) in t.drugs or re.search(r"\d\s*(?:mg|mcg|g)\s+\S*$", t.before(i, 14)):
        return False  # "100mg MR TABS" is modified release

    def listed_any(k: int) -> bool:
        b = _base(t.word(k))
        return listed(b, t.first) or listed(b, t.last) or not is_word(b) and len(b) > 2

    if _CAPS_TITLE.search(t.before(i, 8)):
        return listed_any(i) and _base(w) not in _HEADWORDS
    return (
        i > 0
        and t.adjacent(i - 1)
        and t.word(i - 1).isupper()
        and bool(_CAPS_TITLE.search(t.before(i - 1, 8)))
        and listed_any(i - 1)
        and listed_any(i)
        and _base(w) not in _HEADWORDS
    )


def beside_placeholder(t: Text, i: int) -> bool:
    """A name word next to a "[NAME]" another pass left ("Meiling [NAME]", "[NAME] HOÀNG")."""
    m = t.words[i]
    # "[NAME]) " too: a name split by a bracketed nickname or given name ("Mr J (Jun) Tanaka").
    if not (t.text.endswith(("[NAME] ", "[NAME]) "), 0, m.start()) or t.text.startswith(" [NAME]", m.end())):
        return False
    w = t.word(i)
    if CUE.match(t.text, m.start()) or TITLE.match(t.text, m.start()):
        return False  # the cue word itself: "Esposa [NAME]", "Señora [NAME]"
    if len(w) <= 2 or not (t.cap(i) and not w.isupper() or shouted_name(w)):
        return False
    # A surname that also names a sign or a test ("Jones", "Bell") is the person's when nothing clinical follows:
    # "(bed 3, [NAME] Jones) until", not "[NAME] Bence Jones protein".
    closed = re.match(r"\s*[),.;]", t.text[m.end() :]) is not None and not w.endswith(("'s", "’s"))
    return t.nameish(i) or closed and listed(w.lower(), t.last)


def shouted_name(w: str) -> bool:
    """Whether a word in capitals reads as a surname, not an abbreviation."""
    # A surname in capitals ("HOÀNG", "TUHIWAI") has the vowels an abbreviation ("DKA", "NSTEMI") lacks.
    return (
        w.isupper() and len(w) > 3 and not is_word(w.lower()) and sum(c in _VOWELS for c in w.lower()) >= 0.4 * len(w)
    )


# After a name the text addresses: the request or greeting that follows a vocative ("Rukhsana, please ...").
_VOCATIVE = re.compile(
    r",\s+(?:please|pls|can|could|would|will|you|your|you['’]re|we|i|remember|don['’]t|do|call|ring|take|keep|make|"
    r"thank|thanks|sorry|just|hope|welcome|here['’]s|it['’]s|this|good|how|are|did|glad|great|congrats|"
    r"congratulations|see|let|tell|ask|note|reply|respond|contact|send|bring|check|email|text|message|book|come)\b",
    re.I,
)
_FOR = re.compile(r"\b(?:for|to|attn|attention|re)\s*:?\s*$", re.I)
_GREETING = re.compile(r"\b(?:hi|hey|hiya|hello|dear|morning|evening|thanks|thank\s+you|cheers|ta)\s+$", re.I)
_SPEAKS = re.compile(r"\s+(?:says|said|told|asked|wants|thinks|reckons|mentioned|rang|called|texted)\b", re.I)
_INTRO = re.compile(r"\b(?:this\s+is|it['’]?s|i['’]?m|i\s+am|my\s+name\s+is)\s+$", re.I)
_INTRO_END = re.compile(r"\s*(?:[-–—,.!]|\s(?:here|again|calling|from)\b|$)", re.I)
_KIN_BEFORE = re.compile(
    r"\b(?:daughter|son|wife|husband|mum|mom|mother|dad|father|partner|brother|sister|friend|carer|neighbou?r|nok"
    r"|grandson|granddaughter|niece|nephew)\s+$",
    re.I,
)
# A member of staff named by role ("RN Will", "triage nurse Will", "the nurse called Will", "secretary, Hope").
_ROLE_BEFORE = re.compile(
    r"\b(?:(?-i:RN|HCA|SN)|nurse|midwife|secretary|receptionist|porter|physio|carer|pharmacist|called|named)[,:]?\s+$",
    re.I,
)
# Told or asked of a person: "Pls tell Hodan too", "ask Siobhan".
_TELL_BEFORE = re.compile(r"\b(?:tell|ask|call|ring|text|phone|thank|remind)\s+$", re.I)
# A message that ends on a given name alone, after its last sentence: "... Could we move it? Anna".
_SIGN_OFF = re.compile(r"[ \t]*[.!]?[ \t]*$")
_HANDLE = re.compile(r"(?m)^[ \t]*(?:\[[^\]\n]{1,20}\][ \t]*)?$")


def addressed(t: Text, i: int) -> bool:
    """A name by how the text speaks to, of or as a person ("Rukhsana, please ...", "For Tevita: ...").

    Spoken to: first in its sentence before a vocative comma; after a greeting ("Hi Will,"); after "for"/"to" before
    a colon, as handoffs head a name. Spoken of: before "says", "rang" ("haoran says to ask"); after a kin word in
    lower-case speech ("daughter mark is aware"). Speaking: after "this is" ("this is ruby - ..."), first in a message
    before "its" ("priya its faith"), a chat handle before a colon ("[Teams] jing: hey ..."). Each needs a listed
    given name or a word that is no English word; drugs, eponyms and facility words never count.
    """
    w, b = t.word(i), _base(t.word(i))
    if len(b) < 3 or b in t.drugs or b in EPONYMS | FACILITY or w.isupper():
        return False
    given = t.in_first(i)
    if b in COMMON and not given:
        return False  # most words of any text stop here, before a regular expression runs
    end, before = t.words[i].end(), t.before(i, 24)
    foreign = not is_word(b)
    mid_capital = w[0].isupper() and not t.sentence_start(i)
    if b in FUNCTION:  # "Hi Will,", "daughter Will on ...": only capitalised, after a greeting or a kin word
        cued = _GREETING.search(before) or _KIN_BEFORE.search(before) or _ROLE_BEFORE.search(before)
        cued = cued or _INTRO.search(before)
        return given and mid_capital and bool(cued)
    if not (given or foreign):
        return False
    if mid_capital and _ROLE_BEFORE.search(before) and b not in _HEADWORDS | {"bay", "bed", "room"}:
        return True
    if mid_capital and foreign and listed(b, t.last) | given and _TELL_BEFORE.search(before):
        return True
    if given and t.sentence_start(i) and i == len(t.words) - 1 and i > 3 and _SIGN_OFF.match(t.text, end):
        return True
    if given and _spoken_to_pair(t, i):
        return True
    if t.sentence_start(i) and w[0].isupper() and _VOCATIVE.match(t.text, end):
        return True  # a listed first name too: "Grace, please call me" is spoken to Grace
    if _GREETING.search(before) and re.match(r"\s*[,!:]", t.text[end:]):
        return True
    if _SPEAKS.match(t.text, end) or _INTRO.search(before) and _INTRO_END.match(t.text, end):
        return True
    if given and _INTRO.search(before) and _introduced_pair(t, i):
        return True  # "i'm hope young, 4 ..."; the surname follows by ``introduced_surname``
    if i == 0 and re.match(r"\s+(?:it['’]?s|here)\b", t.text[end:], re.I):
        return True
    if w.islower() and given and _KIN_BEFORE.search(before):
        return True
    if t.text.startswith(":", end) and _HANDLE.search(t.text[: t.words[i].start()]) and (given or w.islower()):
        return True
    return foreign and bool(_FOR.search(t.before(i, 12))) and t.text.startswith(":", end)


def _institution_edge(t: Text, run: list[int]) -> bool:
    """A capitalised institution word just before the run or just after it ("Hospital de [run]", "[run] Women's")."""
    head = t.word(run[0])
    if (
        head[0].isupper()
        and _base(head) in INSTITUTION_BEFORE
        and (len(run) > 1 or t.adjacent(run[0]) and t.cap(run[0] + 1))
    ):
        return True  # "Royal Marsden", "Queen Elizabeth" themselves taken for a name
    if any(_base(t.word(i)) in INSTITUTION_AFTER for i in run[1:]):
        return True  # "Birmingham Women's"
    k = run[0] - 1
    while k >= 0 and _base(t.word(k)) in PARTICLES and t.adjacent(k):
        k -= 1  # "Hospital de Santa Maria", "Hospital La Paz"
    if k >= 0 and t.adjacent(k) and t.word(k)[0].isupper() and _base(t.word(k)) in INSTITUTION_BEFORE:
        return True
    j = run[-1]
    return j + 1 < len(t.words) and t.adjacent(j) and _base(t.word(j + 1)) in INSTITUTION_AFTER


def drop_institutions(t: Text, hits: set[int]) -> set[int]:
    """The name hits less runs that name a place ("St George's Hospital", "American Heart Association")."""
    # "St George's Hospital", "Johns Hopkins Hospital": a run that names a place is kept.
    runs: list[list[int]] = []
    run: list[int] = []
    for i in sorted(hits):
        if run and (run[-1] != i - 1 or not t.adjacent(i - 1)):
            runs.append(run)
            run = []
        run.append(i)
    runs += [run] if run else []
    for run in runs:
        last = run[-1]
        if len(run) > 1 and _base(t.word(last)) in _WHERE and re.match(r"\s*\d", t.text[t.words[last].end() :]):
            hits.discard(last)  # "Dr Kwame Boateng Ward 27": where the doctor is, not part of the name
            run = run[:-1]
        # The run, or up to three capitalised words after it, name an institution ("American Heart Association").
        tail, j = False, run[-1]
        while not tail and j + 1 < len(t.words) and j - run[-1] < 3 and t.adjacent(j) and t.cap(j + 1):
            j += 1
            # "Ward 27", "Bay 4" after the name are where the person is, not part of a place's name.
            tail = _base(t.word(j)) in FACILITY and not re.match(r"\s*\d", t.text[t.words[j].end() :])
        saint = bool(re.search(r"\b(?:st|saint)\.?\s*$", t.before(run[0], 8), re.I))
        if tail or saint or _institution_edge(t, run) or any(_base(t.word(i)) in FACILITY for i in run):
            hits -= set(run)
    return hits

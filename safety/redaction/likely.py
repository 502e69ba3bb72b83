"""A small person-name model: how likely a single word is a name, from the name statistics and its neighbourhood.

The cue rules in ``names`` each need one particular phrase. Here the evidence adds up instead, so a name in a
position nobody wrote a rule for still counts when enough points to it:

- What the word is (at most one of): a listed given name (Census, or Faker's lists when it is no English word) 2;
  a surname the Census lists that is no English word 1.5; a given name of Faker's that is also a word 1.5; an
  unknown word of four or more letters 1; a listed surname that is also a word 0.5. Grammar words, common words
  that are also names ("Summer", "Ivy"), drugs, eponyms and facility words score nothing and never count.
- Where it stands: after a kin or person word in many languages ("Mum Tui", "syn Kuba", "baby boy nakamura") 2;
  after an introduction ("yo its jericho", "hola soy carmen", "Q from precious:") 1.5;
  after a clinician's post-nominal used as a title ("MD Akana") 2; before a bed, a room or a cubicle ("Olumide in
  side room 3") 2; before a name placeholder in brackets ("Kuba ([NAME], ...") 2; after a name placeholder, in a
  lower-case text ("mr [NAME] sipho") 1.5; before "family" after "the" ("the okonjo family") 2; alone in
  brackets ("(Bethan)") 1.5; alone in quotes ('Tattoo "Maia"') 1; before a verb said of a person ("is", "got",
  "says", "needs") or a kin word ("Kofi mum's") 1; first in a message and spoken to ("Hana!!", "AMINA ur mum's") 1;
  capitalised in mid-sentence 0.5.

Three points make a name. No single weak feature reaches that; a listed given name needs one real sign beside it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from safety.redaction.keep import eponyms
from safety.redaction.lexicon import given_names, is_word, listed
from safety.redaction.pairs import introduced_surname, titled_capitals, titled_particle
from safety.redaction.vocabulary import COMMON, EPONYMS, FACILITY, FUNCTION

if TYPE_CHECKING:
    from safety.redaction.names import _Text as Text

_THRESHOLD = 3.0
_KIN = (
    r"(?:mum|mom|mother|mam|mammy|mummy|dad|daddy|father|son|daughter|wife|husband|partner|brother|sister|sis|bro"
    r"|aunt|auntie|aunty|uncle|nan|nana|nanna|gran|granny|grandma|grandpa|grandad|granddad|grandson|granddaughter"
    r"|cousin|nephew|niece|friend|neighbou?r|carer|baby|baby\s+(?:boy|girl)|twin|infant|newborn|patient|pt|resident"
    r"|client|kid|child|boy|girl|lad|syn|córka|corka|mama|mamá|papa|papá|tata|madre|padre|hijo|hija|mãe|mae|pai"
    r"|filho|filha|mère|père|fils|fille|mutter|vater|sohn|tochter|moeder|vader|zoon|dochter|anak|ibu|bapak|ayah"
    r"|oğlum|kızım|annem|babam|beta|beti|bhai|behen|nani|dadi|whaea|matua|koro|kuia|tama|tamahine|moko|mokopuna)"
)
_BEFORE_KIN = re.compile(rf"\b{_KIN}[ \t]*[:,]?[ \t]*$", re.I)
_BEFORE_ROLE = re.compile(r"(?:^|[\s(])(?-i:MD|RN|NP|APRN|PA-C|DO|RM|RGN|SHO)[ \t]*$")
_AFTER_PLACE = re.compile(
    r"(?:[ \t]+(?:is[ \t]+)?(?:in|at)[ \t]+(?:the[ \t]+)?|[ \t]*\([ \t]*)"
    r"(?:side[ \t]*room|bed|bay|room|cubicle|cubie|resus)\b",
    re.I,
)
# Someone introducing themselves, in the languages of the chats: "yo its jericho", "hola soy carmen", "ben Ayşe".
_INTRO = re.compile(
    r"\b(?:it['’]?s|its|i['’]?m|im|this\s+is|soy|je\s+suis|ich\s+bin|sono|sou|ben|saya|ako\s+si|mimi\s+ni|naam"
    r"|my\s+name\s+is|from|q\s+from|message\s+from)[ \t]+$",
    re.I,
)
_AFTER_BRACKET_NAME = re.compile(r"[ \t]*\([ \t]*(?:(?:mr|mrs|ms|miss|dr|mx)\.?[ \t]+)?\[NAME\]", re.I)
_AFTER_VERB = re.compile(
    r"[ \t]+(?:is|was|has|had|got|gets|says|said|needs|wants|went|came|rang|called|texted|died|passed|fell|lives"
    r"|takes|took|turns|turned|will|can|did|does|asked|told|wo|ur|u|you|your|(?:mum|mom|dad|nan|gran)['’]s)\b",
    re.I,
)
_AFTER_FAMILY = re.compile(r"[ \t]+(?:family|household|whānau|whanau|clan)\b", re.I)


def _what(t: Text, i: int) -> float:
    """Evidence from the word itself, or a negative number when it can never be a name."""
    w = t.word(i)
    b = (w[:-2] if w.endswith(("'s", "’s")) else w).lower()
    if len(b) < 3 or b in FUNCTION or b in COMMON or b in EPONYMS or b in FACILITY or b in t.drugs or b in eponyms()[1]:
        return -1.0
    word = is_word(b)
    if listed(b, t.first):
        return 2.0
    if listed(b, t.last) and not word:
        return 1.5
    if b in given_names():
        return 1.5
    if not word:
        return 1.0 if len(b) >= 4 else -1.0
    return 0.5 if listed(b, t.last) else -1.0


def likely_name(t: Text, i: int) -> bool:
    """Whether word ``i`` scores as a name (see the module's docstring), follows "MR" on a label or is introduced."""
    if titled_capitals(t, i) or introduced_surname(t, i) or titled_particle(t, i):
        return True
    what = _what(t, i)
    if what < 0:
        return False
    w, m = t.word(i), t.words[i]
    if w.isupper() and t.shouting(i) and len(w) < 4:
        return False
    before, after = t.text[max(0, m.start() - 24) : m.start()], t.text[m.end() : m.end() + 40]
    score = what
    if _BEFORE_KIN.search(before) or _BEFORE_ROLE.search(before):
        score += 2
    if _AFTER_PLACE.match(after) or _AFTER_BRACKET_NAME.match(after):
        score += 2
    if _INTRO.search(before) and not re.match(r"[ \t]+(?:the|a|an|to|in|on|at)\b", after, re.I):
        score += 1.5
    if w.islower() and before.endswith("[NAME] "):
        score += 1.5
    if re.search(r"\bthe[ \t]+$", before, re.I) and _AFTER_FAMILY.match(after):
        score += 2
    if re.search(r"\([ \t]*$", before) and re.match(r"[ \t]*\)", after):
        score += 1.5
    if re.search(r"[\"“‘][ \t]*$", before) and re.match(r"[ \t]*[\"”’]", after):
        score += 1
    if _AFTER_VERB.match(after):
        score += 1
    if i == 0 and not t.text[: m.start()].strip() and re.match(r"[ \t]*[!,]", after):
        score += 1
    if w[0].isupper() and not w.isupper() and not t.sentence_start(i):
        score += 0.5
    return score >= _THRESHOLD


# Where a name in capitals stands on a label or a header: at a line's or a field's start, after "for", "Re:", "Pt:";
# and what follows it there: a bracket, a field separator, a birth date, a placeholder, a number.
_CAPS_BEFORE = re.compile(r"(?:^|\n|\||:|\bfor|\bre|\bto|\bfrom|\bof)[ \t]*$", re.I)
_CAPS_AFTER = re.compile(r"[ \t]*(?:$|\n|[(|:,/\[]|(?:DOB|D\.O\.B|NHS|MRN|HOSP)\b|\d)")


def likely_caps_pair(t: Text, i: int) -> bool:
    """Two words in capitals where a label or a header puts a name ("ROWBOTHAM GEMMA DOB", "for EILIDH JONES:").

    Both must read as names: together 3.5 points of what they are, neither a word that never is a name.
    """
    if i + 1 >= len(t.words) or not t.adjacent(i):
        return False
    a, b = t.word(i), t.word(i + 1)
    if not (a.isupper() and b.isupper() and len(a) > 2 and len(b) > 2):
        return False
    first, second = _what(t, i), _what(t, i + 1)
    if first < 1 or second < 1 or first + second < 3.5:
        return False
    before = t.text[max(0, t.words[i].start() - 12) : t.words[i].start()]
    return bool(_CAPS_BEFORE.search(before) and _CAPS_AFTER.match(t.text, t.words[i + 1].end()))

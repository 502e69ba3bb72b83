"""Names as rosters, bands and callers write them: "SURNAME, Given" alone on a line, and names spelled letter by letter.

A module of its own because ``names`` (word by word, with cue words) is near its size limit, and because both rules
judge a shape of the whole run rather than one word:
- "KOWALCZYK, AGNIESZKA F", "GARCIA LOPEZ, JOSE A", "PT: HOPE, CHARITY", "Patient: GRANT, Daisy  DOB ...": a surname
  in capitals, a comma and given names, standing alone on a line, after a patient label or before a field. Each
  side must be a listed name or no English word, and at least one side listed, so "LATEX, CODEINE" on an allergy
  band stays.
- "[NAME], R-O-S-A", "surname [NAME], L-O-P-E-Z", "O apostrophe C-O-N-N-E-L-L", "[NAME], N G,": a caller spells the
  name just given; three or more single capitals joined by hyphens near a name or a name cue are that name.
"""

from __future__ import annotations

import re

from safety.redaction.lexicon import is_word, listed, name_lists
from safety.redaction.vocabulary import PARTICLES

_CAPS = r"[A-ZÀ-Þ][A-ZÀ-Þ'’]+(?:-[A-ZÀ-Þ][A-ZÀ-Þ'’]+)?"
_GIVEN = r"[A-ZÀ-Þ][\w'’]+(?:-[A-ZÀ-Þ][\w'’]+)?"
# Where a roster line's name starts: the line's start, a patient label, or a wide gap after a record number.
# A newborn's band names the mother: "BB GIRL OF LAMBERT, CHLOE".
_LEAD = (
    r"(^|\n|\b(?:PT|Pt|Patient|PATIENT|Name|NAME|Applicant|Insured|Worker|Proband):[ \t]|(?<=\S)[ \t]{3,}"
    r"|\b(?i:baby|bb|girl|boy|infant)[ \t]+(?i:of)[ \t])"
)
_ROSTER = re.compile(
    rf"{_LEAD}[ \t]*({_CAPS}(?:[ \t]{{1,2}}{_CAPS})?)[ \t]*,[ \t]{{1,2}}({_GIVEN}(?:[ \t]{{1,2}}{_GIVEN}){{0,4}})"
    r"(?:[ \t]+[A-Z])?"  # an initial or the sex letter of a band: "JOSE A", "AGNIESZKA F"
    r"(?=[ \t]*(?:\n|$|\(|\||[ \t]{2}|[ \t]+(?:DOB|D\.O\.B|MRN|NHS)\b))"
)
_SPELLED = re.compile(
    r"(?<![\w-])(?:[A-Z][ \t]+apostrophe[ \t]+)?(?:[A-Z](?:-[A-Z]){2,}|[a-z](?:-[a-z]){2,})(?![\w-])"
    r"|(?<=\[NAME\],[ \t])[A-Z](?:[ \t][A-Z]){1,2}(?=,)"
)
# What makes a spelled run a name's: a name just before it, or a word that asks for one.
_SPELL_CUE = re.compile(r"\[NAME\]|\b(?:name|surname|spell(?:ed|t|ing)?|that's|it's|this\s+is)\b", re.I)
_NOT_SPELLED = frozenset({"ABC", "ABCD", "ABCDE", "ABCDEF", "SOS", "DNR"})


def _side(words: str, names: frozenset[str], first: frozenset[str], last: frozenset[str]) -> tuple[bool, bool]:
    """(may be a name, is on a list) for one side of the comma, part by part; ``names`` is that side's own list.

    A part that is an English word counts only when listed for its side ("GRANT" a surname, "Daisy" a given
    name), so "NKDA, FALLS RISK" is no name: "falls" and "risk" are no given names.
    """
    # Particles ("de los", "van") belong to the name but say nothing either way.
    parts = [p for p in re.split(r"[-\s'’]+", words.lower()) if len(p) > 1 and p not in PARTICLES]
    on_list = bool(parts) and all(listed(p, first) or listed(p, last) for p in parts)
    # Only the side's first word needs its own list; later ones ("MARIA DE LOS ANGELES") may be on either.
    unknown = bool(parts) and all(
        listed(p, names) or n > 0 and on_list or not is_word(p) and len(p) > 3 for n, p in enumerate(parts)
    )
    return unknown, on_list


def _roster(match: re.Match[str]) -> str:
    first, last = name_lists()
    surname, given = match.group(2), match.group(3)
    s_ok, s_listed = _side(surname, last, first, last)
    g_ok, g_listed = _side(given, first, first, last)
    if not (s_ok and g_ok) or any(c.isdigit() for c in match.group()):
        return match.group()
    # Two unlisted words may still be a name ("TE RANGI, HINEMOA") when both are long and no word at all.
    if not (s_listed or g_listed) and min(len(surname), len(given)) < 5:
        return match.group()
    name = match.group()[len(match.group(1)) :]
    return match.group(1) + name.replace(name.strip(" \t"), "[NAME]", 1)


def _spelled(match: re.Match[str]) -> str:
    letters = re.sub(r"[^A-Z]", "", match.group().replace("apostrophe", "").upper())
    if letters in _NOT_SPELLED or not _SPELL_CUE.search(match.string[max(0, match.start() - 60) : match.start()]):
        return match.group()
    return "[NAME]"


def redact_roster(text: str) -> str:
    """Both rules of this module, once."""
    if "," in text:
        text = _ROSTER.sub(_roster, text)
    if re.search(r"[A-Z]-[A-Z]-[A-Z]|[a-z]-[a-z]-[a-z]|\[NAME\], [A-Z] [A-Z]", text):
        text = _SPELLED.sub(_spelled, text)
    return text

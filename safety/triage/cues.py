"""Context cues the semantic detector weighs beside the embedding: happening now, or only talked about.

Is it a definition, a past event, a negation, a drill, paperwork, something seen on TV?

An embedding says what a sentence is about; these say how it is meant, which is what separates "what is a stroke?"
from "I think I'm having a stroke". The probe learns their weights on the tuning data.
"""

from __future__ import annotations

import re

import numpy as np
import numpy.typing as npt

CUES: dict[str, re.Pattern[str]] = {
    name: re.compile(pattern)
    for name, pattern in {
        "negation": r"\b(no|not|denies|denied|negative|without|never|nil|none)\b",
        "history": r"\b(ago|last (year|month|week)|years?|history of|used to|in (19|20)\d\d|previous(ly)?|back in|"
        r"since then)\b",
        "drill": r"\b(drill|exercise|training|mock|simulation|practice|test(ed)? (passed|ok)|rehears\w*|course|teach|"
        r"presentation|talk|module)\b",
        "question_opening": r"^\s*(what|how|why|can you|could you|is it|does|do|explain|define|tell me|which|"
        r"should)\b",
        "question_mark": r"\?",
        "paperwork": r"\b(document|record|form|chart|audit|order|template|log|policy|leaflet|referral|procedure|permit|"
        r"schedule|book|report|meeting|epr|part number|restock|paperwork)\b",
        "seen_elsewhere": r"\b(news|tv|show|watching|watched|read|article|sheet|film|episode|movie|story|heard|"
        r"label says)\b",
        "now": r"\b(now|right now|just|currently|at the moment|tonight|suddenly|minutes? ago|still|keeps|started|"
        r"this morning|today|hour ago)\b",
        "asks_for_help": r"\b(help|what do i do|what should i do|please|urgent|asap|quick|hurry|emergency|911|999|"
        r"112)\b",
        "resolved": r"\b(fine now|went away|settled|resolved|gone now|better now|ok now|all clear|false alarm)\b",
    }.items()
}


def cue_vector(text: str) -> npt.NDArray[np.float32]:
    """One 0/1 value per cue for a lower-cased, normalised text."""
    return np.array([1.0 if pattern.search(text) else 0.0 for pattern in CUES.values()], dtype=np.float32)

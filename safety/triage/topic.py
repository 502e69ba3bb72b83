"""Suicide named as a topic: someone else's death, a story, a policy, a leaflet, a record of no current risk.

Suicide is never talked down by history, jokes or a message's general frame (``rules._ALWAYS``): a disclosure often
starts with the past. A narrower exception holds here, because flagging every mention sends crisis guidance to a
novelist, an HR manager or a reader of the news (look-alike false alarms on four blind writers' tune halves).
A mention of the word itself ("suicide", "self-harm", "killed himself") does not count when its sentence frames it
as a topic and nothing in the whole message speaks of the writer's own wish to die or of urgency. Phrases of intent
("I want to die", "kms", "goodbye letters") are never framed away: they are matched by their own patterns.
"""

from __future__ import annotations

import re

from safety.triage.context import urgent

# The matched text names suicide or self-harm as a concept or as someone else's act, not as the writer's intent.
_CONCEPT = re.compile(
    r"suicid\w*|self[- ]?harm\w*|(killed|kill) (himself|herself|themselves)|(took|take|taken|taking) (his|her|their) "
    r"(own )?li(fe|ves)|end(ed|ing)? (his|her|their) (own )?li(fe|ves)|(hurt|cut)(ting)? (himself|herself|themselves)"
)
# What makes the sentence about the topic: media and fiction, teaching and policy, a medicine's warning, a record.
_FRAME = re.compile(
    r"\b(news|article|headline|documentar\w+|podcast|film|movie|series|show|episode|book|novel|story|stories|"
    r"character|plot|script|song|lyrics?|poem|celeb\w*|singer|actor|actress|famous|rapper|footballer|"
    r"polic(y|ies)|guidance|guidelines?|training|course|module|prevention|awareness|pastoral|safeguarding|"
    r"first aiders?|leaflet|label|warns?|warning|side effects?|black box|statistics|stats|research|essay|"
    r"assignment|dissertation|lecture|presentation|case (review|study)|reflective|audit|forms?|referral|template|"
    r"responsibly|reporting|journalis\w+|anniversary|memorial|funeral|inquest|bereave\w+|grief|(died|death|deaths|"
    r"lost \w+( \w+)?) (by|from|to) suicide|ask(ing)? (\w+ )?(directly |openly )?about suicid\w*|"
    # the same frames in the languages the tables read: a novel, film, song or character
    r"romanzo|romanzi|novela|romance|roman|libro|livro|livre|buch|pelicula|película|canzone|cancion|canción|chanson|"
    r"protagonist\w*|personaggio|personaje|personnage)\b"
)
# Clinical records of a past episode with no current risk ("pt hx OD 2019, denies SI") are framed when third person.
_RECORD = re.compile(r"\b(historic(al)?|hx|previous(ly)?|history of|no current|denies|currently no)\b")
_FIRST_PERSON = re.compile(r"\b(i|i'?m|im|i'?ve|i'?d|me|my|myself)\b")
# Anywhere in the message, these keep every mention counted: the writer's own wish or a set time (urgency is
# context.urgent, which also knows "no hurry").
_OWN_WISH = re.compile(
    r"\b(i|i'?m|im|i'?ve|i'?d|me|myself)\b[^.?!]{0,40}\b(want(ed)? to (die|join|go too|do (it|the same)|end|be with)|"
    r"wanna (die|go)|thinking (of|about) (doing|joining|ending|it)|do the same|same (thing|way)|join (him|her|them)|"
    r"(not|never) (want to )?(be )?here|can'?t (go on|cope|take (it|this))|feel(ing)? (suicidal|hopeless|like "
    r"(ending|dying|giving up|doing))|understand why (he|she|they) did)|\bme too\b|\bcould be me\b|"
    r"\btonight\b"
)


_COMPOUND = re.compile(r"suicide (doors?|squeeze|sprints?|runs?|drills?|lanes?|jockey|knob)\b")


def suicide_topic(text: str, start: int, end: int) -> bool:
    """Whether the match text[start:end] names suicide as a topic in a message with no sign of the writer's own risk."""
    if _COMPOUND.match(text, start):  # "suicide doors", "suicide sprints": a name for something else
        return True
    if not _CONCEPT.fullmatch(text[start:end].strip()) or _OWN_WISH.search(text) or urgent(text):
        return False
    sentence_start = max(text.rfind(ch, 0, start) for ch in ".;!?\n") + 1
    stops = [i for i in (text.find(ch, end) for ch in ".;!?\n") if i >= 0]
    sentence = text[sentence_start : min(stops, default=len(text))]
    if _FRAME.search(sentence):
        return True
    return bool(_RECORD.search(sentence)) and not _FIRST_PERSON.search(sentence)

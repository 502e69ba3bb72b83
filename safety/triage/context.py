"""Context beyond the clause: whether a message as a whole, or what follows a match, says nothing is happening now.

The phrase matcher (``rules.py``) reads the clause and sentence around a match, after NegEx and ConText (Chapman et
al. 2001, "A simple algorithm for identifying negated findings"; Harkema et al. 2009, "ConText: an algorithm for
determining negation, experiencer, and temporal status"): negated, historical, hypothetical and other-experiencer
mentions are not events. Four things it could not see from inside one sentence:

- resolution after the match: ConText's historical/resolved status is often stated later ("lips tingled, went away in
  10 mins", "burning smell investigated ... all clear", "no leak found"), unless the message turns back ("went away
  but now it's back");
- a hazard word used as a modifier of a thing rather than an event: "choking poster", "smoke alarm chirping",
  "lockout procedures", "electrocution stats", "arc flash PPE" (English compound nouns: the head is the last noun);
- the frame of a long message: a request to write, plan or teach ("I'm putting together the quarterly safety report"),
  or an explicit statement that nothing is happening ("nobody has any symptoms", "the work hasn't started yet"),
  makes every later mention of an emergency part of the topic, not a report;
- a hypothetical frame anywhere in a short message ("just want to know in case", "for peace of mind").

Each holds only when the message says nothing urgent (help, hurry, 999, right now) that is not itself negated.
Suicide and harm to others are never talked down by any of these (the caller keeps them).
"""

from __future__ import annotations

import re
from functools import lru_cache

LONG_WORDS = 60  # the semantic detector's SHORT_WORDS: past this a message is read as a document with a frame

_RESOLVED = re.compile(
    r"\b(went away|goes away|gone away|wore off|settled down|resolved|all clear|false alarm|"
    r"(no|nothing) (leak|fire|smoke|fault|problem)s? (was )?found|found no(thing)?\b|"
    r"(is|are|was|all|he'?s|she'?s|i'?m|it'?s|we'?re|everyone'?s) (totally |completely |all )?(fine|ok|okay|better) "
    r"now|"
    r"recovered|no symptoms|(pain|symptom|cp)[- ]free (since|now|for)|asymptomatic (now|since)|"
    r"(it|the alarm|the beeping|the noise)( has)? stopped|"
    # a known episode that passes on its own ("panic attacks ... it passes in ten minutes"), not "passed out"
    r"(it|this|that|they) (usually |always |normally |soon |eventually )?pass(es)?\b(?! out)|"
    # a spill dealt with (HSE: contain, neutralise, clean up): "neutralised and cleaned up per the SDS"
    r"neutrali[sz]ed|made safe|cleaned up (per|as per|following|according to|safely|properly|with the spill kit))"
)
# What turns a resolved episode back into a current one.
_RELAPSE = re.compile(r"\b(but|however|again|back|worse|worsening|returned|recurr\w*|now (he|she|it|i|they)\b)")
# A hazard word followed by the thing it names: the message is about the thing ("smoke alarm chirping"). An alarm
# that is sounding is still a fire until shown otherwise, so "smoke alarm going off" is not a modifier use.
_MODIFIER = re.compile(
    r"^(\s*/\s*\w+|\s+\w+)?\s+(awareness|posters?|signs?|leaflets?|courses?|modules?|training|audits?|pathways?|"
    r"procedures?|polic(y|ies)|templates?|drills?|kits?|box(es)?|packs?|trolleys?|bags?|protocols?|guidelines?|"
    r"guidance|certificates?|ppe|ratings?|"
    r"stats|statistics|trust|charity|prevention|checklists?|scenarios?|simulations?|manikins?|vests?|dumm(y|ies)|"
    # an arc-flash study or label is the IEEE 1584 / NFPA 70E assessment, not an arc
    r"stud(y|ies)|risks?|assessments?|analys[ie]s|boundar(y|ies)|calculations?|labels?|"
    r"(alarms?|detectors?)(?=[^.?!]{0,40}\b(chirp\w*|batter\w*|test\w*|light|blink\w*|fitted|install\w*|sensitiv\w*|"
    r"wired|buy|replac\w*)\b))\b"
)
# A resolution said of another episode ("last time it was a false alarm") does not close this one.
_OTHER_EPISODE = re.compile(r"\b(last time|previous\w*|usually|normally|before|always)\b[^.;!?]*$")
# "Last time someone rang 999 ...": an urgent word said of an earlier episode.
_PAST_MENTION = re.compile(r"\b(last time|the time before|previously|the other (day|time|week)|once before)\b[^.;!?]*$")
# Said in the match's own sentence, these make it current whatever the frame or a later "all clear" says.
_CURRENT = re.compile(
    r"\b(now|currently|at the moment|suddenly|happening|still|just (started|happened|collapsed|gone)|started|"
    r"getting (worse|really|very)|since (last night|this morning|yesterday|earlier)|today|tonight|this (morning|"
    r"afternoon|evening))\b"
)
_URGENT = re.compile(r"\b(right now|just now|as we speak|hurry|urgent(ly)?|asap|911|999|112|send (help|someone))\b")
_URGENT_NEGATED = re.compile(r"\b(no|not|nothing('?s| is)?|nobody|isn'?t|wasn'?t)\b[^.;!?]{0,30}$")
_TASK = re.compile(
    r"\b(draft\w*|writ(e|ing)( up| out)?|outline|structure|plan(ning)?|summari[sz]e|wording|redesign\w*|rewrit\w*|"
    r"put(ting)? together|prepar\w*|present(ing)?|teach(ing)?|review(ing)?|updat(e|ing)|organi[sz](e|ing)|"
    r"coordinat(e|ing))\b[^.?!]{0,80}\b(report|talk|presentation|session|exercise|drill|"
    r"training|polic(y|ies)|procedures?|template|plans?|programme|program|case (study|review|vignettes?)|reflective|"
    r"reflection|piece|proposal|paragraphs?|summary|slides|checklist|outline|section|card|arrangements|module|"
    r"course|posters?|handouts?|displays?|noticeboards?)\b"
)
_NOTHING_HAPPENING = re.compile(
    r"\b(nothing('?s| has| is)? (gone |going )?wrong|no(body| one) (was |is |got |has been )?(hurt|injured)|"
    r"no(body| one) (has|had) (any )?symptoms|no (incident|further incidents)|hasn'?t (started|happened) yet|"
    r"(everyone|everybody)('?s| is)( here)? (ok|okay|fine|safe)|none of (the|our) [\w ]{1,30} (are|is|have|has)\b)"
)
_MEDIA = re.compile(
    r"^[^.?!]{0,40}\b(read|saw|watched|heard|listening to)\b[^.?!]{0,40}\b(article|news|documentary|programme|"
    r"podcast|story|post|video|film|show|episode)\b|\b(in|on) (the |a |this )?(film|movie|book|novel|show|series|"
    r"episode|programme|soap|documentary)\b|\bplot of\b|\b(essay|thesis|dissertation|assignment|study day|handout|"
    r"osce|lecture|coursework|teaching session) (on|about|for)\b|"
    # a writer's own fiction: "I'm writing a crime thriller where the villain poisons ...", "purely fiction"
    r"\b(writing|wrote|drafting|plotting) (a|an|my|the) ([\w-]+ ){0,2}(novel|story|thriller|screenplay|script|play|"
    r"fanfic\w*|mystery|scene|chapter)\b|\b(purely|pure|just|all) fiction\b|\bfictional\b"
)
# A long message that opens by dating its event in the past is a history ("My dad had a stroke in 2019. ...").
_PAST_OPENING = re.compile(
    r"^[^.?!]*\b(ago|last (year|month|winter|spring|summer|autumn)|in (19|20)\d\d|when (i|he|she|they) (was|were))\b"
)
_HYPOTHETICAL = re.compile(
    r"\b(just (want|wanted) to know|in case(?! (he|she|it|they|i|we|you)\b)|for peace of mind|for future reference|"
    r"hypothetically|out of (interest|curiosity)|(policy|general|theory|exam) question|"
    r"asking for a (first aid )?(course|class|friend|project|quiz|exam))\b"
)


# A past episode told with its distance and with no current risk ("overdosed in my 20s ... I'm 45 now and fine",
# "pt hx OD 2019, nil current SI, safety plan in place") is history even for suicide and overdose.
_REMOTE = re.compile(
    r"\b(in (my|his|her|their) (teens|twenties|thirties|20s|30s|40s)|as a (teen|teenager|child|kid|toddler)|when i was "
    r"(younger|a teen\w*|at (school|uni))|(19|20)\d\d|\d+ (years?|yrs?) ago|years ago|previous|prior|hx|h/o|"
    r"history of|used to)\b"
)
_SETTLED = re.compile(
    r"\b((no|nil|denies|without) (current|active|ongoing|recent) (si|suicidal \w+|risk|thoughts|intent|ideation|"
    r"self[- ]harm)|(\d+|many|several|a few) (years?|months?) (clean|free|well)|clean (for|since)|(i'?m|i am|she'?s|"
    r"he'?s|they'?re|all) (fine|well|ok|okay|good) now|now (and )?(fine|well)|"
    r"engaged (w/|with) (services|cmht|\w+ team)|"
    r"safety plan (in place|agreed)|protective factors|scars?|proud of myself|recovered|never had another)\b"
)


def remote_history(text: str, sentence: str) -> bool:
    """Whether the sentence's event is dated far in the past and the message says the risk is over, nothing urgent."""
    return bool(_REMOTE.search(sentence) and _SETTLED.search(text)) and not urgent(text)


def urgent(text: str) -> bool:
    """Whether the text says something is urgent ("right now", "999"), not negated ("no hurry") nor of another time.

    "Last time someone rang 999 thinking it was real" speaks of an earlier episode.
    """
    for m in _URGENT.finditer(text):
        opening = text[max(text.rfind(ch, 0, m.start()) for ch in ".;!?\n") + 1 : m.start()]
        if not _URGENT_NEGATED.search(text[max(0, m.start() - 40) : m.start()]) and not _PAST_MENTION.search(opening):
            return True
    return False


def current(sentence: str) -> bool:
    """Whether a sentence says something is happening now (a now-word not itself negated: not "nothing's wrong now")."""
    return any(
        not _URGENT_NEGATED.search(sentence[max(0, m.start() - 40) : m.start()]) for m in _CURRENT.finditer(sentence)
    )


@lru_cache(maxsize=256)
def general_message(text: str) -> bool:
    """Whether the whole (normalised) message talks about emergencies without reporting one happening now."""
    if urgent(text):
        return False
    if _MEDIA.search(text) or _HYPOTHETICAL.search(text):
        return True
    framed = _TASK.search(text) or _NOTHING_HAPPENING.search(text) or _PAST_OPENING.search(text)
    return len(text.split()) > LONG_WORDS and bool(framed)


def resolved_after(text: str, start: int, end: int) -> bool:
    """Whether what follows a match says the episode is over ("went away", "all clear") and does not turn back."""
    after = next((m for m in _resolutions(text) if m[0] >= end), None)  # most texts have none: no rescan per match
    if after is None:
        return False
    opening = text[max(text.rfind(ch, 0, start) for ch in ".;!?\n") + 1 : start]
    later = text[end:]
    if current(opening) or _OTHER_EPISODE.search(text[end : after[0]]):
        return False
    return not _RELAPSE.search(text[after[1] :]) and not urgent(later)


@lru_cache(maxsize=256)
def _resolutions(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(m.span() for m in _RESOLVED.finditer(text))


def modifier_use(text: str, end: int) -> bool:
    """Whether the matched hazard word names a thing that follows it ("choking poster", "smoke alarm chirping")."""
    return bool(_MODIFIER.search(text[end : end + 80]))


# Figures of speech the embedder reads literally ("this revision is killing me", "that
# mixtape is straight fire", "I'd rather die than go"), and a static shock off a car door.
_FIGURE = re.compile(
    # (spelt as said too: "hay fever is killin me")
    r"\b(is|are|'?s|'?re) (literally )?kill(ing|in'?) me\b|\bliterally (dead|dying|dyin'?)(?!\w)|"
    r"\bi'?m (literally )?dead\b|💀|"
    r"\b(i'?d|i would) (rather|sooner) die than\b|"
    r"\bdie of (embarrassment|boredom|laughter|shame|cringe)\b|\b(straight|pure|absolute) fire\b|🔥|"
    r"\b(boss|mum|mom|dad|wife|husband|teacher)('?s| is)? (about to|gonna|going to) (blow|explode|lose it)\b|"
    r"\bdying (of|from) (boredom|laughter)\b|\b(bored|scared|worried) (me )?to death\b|\bstatic shock\b"
)
# A message that says the episode is over or nobody is affected: "bleeding stopped with a plaster", "nobody's been
# stuck", "not urgent", "she's laughing now", "back at work today", "fine after warming up".
_ALL_CLEAR = re.compile(
    r"\b(not urgent|nobody'?s been (hurt|stuck|injured|trapped)|no(body| one) (was |got |is )?(hurt|injured)|"
    r"back at work|(been |is |was |are |feel |felt )?(totally |completely |perfectly )?fine (since|now|after|again)|"
    r"(laughing|playing|running around|eating and drinking|smiling) (now|again|happily)|(bleeding|it) (has )?"
    r"stopp?ed|no (burning|pain|bleeding|leaks?|symptoms)\b|"
    # a detector asking for a battery is maintenance (its low-battery chirp), not an alarm going off
    r"(replacement|new|spare) batter(y|ies)|low[- ]battery|battery (is )?(low|flat|dying)|keeps chirping)"
)

# Someone down is never an all-clear, whatever else stopped ("the badge stopped beeping, my mate's sat there not
# moving": H2S knocks people down where they stand).
_CASUALTY = re.compile(
    r"\b(not|isn'?t|wo?n'?t|stopped|hasn'?t been) (moving|responding|answering|breathing|waking( up)?)\b|"
    r"\bunresponsive\b|\bcollapsed\b|\bpassed out\b"
)


def quiet(text: str) -> bool:
    """Whether a message reads as a figure of speech or an all-clear, with nothing urgent said (for the probe).

    The phrase rules see these through their own clause checks; the embedding probe reads meaning, so a message
    the rules found nothing in and that says this is spoken of figuratively or is over does not raise a probe flag.
    """
    # "He's going to kill me" is never read as a figure of speech, and a long message may resolve one thing and
    # report another, so only short messages are quieted.
    if urgent(text) or len(text.split()) > LONG_WORDS or _CASUALTY.search(text):
        return False
    return bool(_FIGURE.search(text) or _ALL_CLEAR.search(text))

"""The rule detector's matcher: phrases and concept pairs, aware of negation, history, questions and drills.

Fast and explainable; its blind spot is wording nobody wrote a pattern for, which the semantic detector covers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from safety.triage.context import current, general_message, modifier_use, remote_history, resolved_after
from safety.triage.topic import suicide_topic


@dataclass(frozen=True, slots=True)
class Rule:
    """The phrases that signal one category, and concept pairs (a thing and what is wrong with it, any order)."""

    key: str
    patterns: tuple[str, ...]
    pairs: tuple[tuple[str, str], ...] = ()


# Numbness with an everyday cause is not a stroke: a limb slept on or sat on, a dentist's local anaesthetic, a Bell's
# palsy already diagnosed (NHS: pins and needles after sitting or lying on a limb).
_BENIGN_NUMB = re.compile(
    r"\b(slept on|sleeping on|lying on|lay on|sat on|sitting on|from sitting|cross[- ]legged|dentist|numbed|filling|"
    r"local anaesthetic|diagnosed with bell'?s palsy|bell'?s palsy (was )?diagnosed|"
    # a diagnosis already given by a clinician: "gp said it's bells palsy", "the doctor confirmed Bell's palsy"
    r"(said|says|thinks|confirmed|told (me|us|him|her))[^.;]{0,20}\bbell'?s palsy)\b"
)
# A nose blocked by a cold is not breathing failure (NHS: blocked nose; breathing through the mouth is fine).
_BLOCKED_NOSE = re.compile(
    r"\b(thr(ough|u)|via|out of) (my|the|his|her|their) nose\b|\b(bunged|blocked|stuffy|stuffed)[- ]up\b"
)
# Chest pain reproduced by pressing is the chest wall.
_PALPATION = re.compile(r"\b(only )?when i (press|push|touch)\b|\btender (to|on) (touch|palpation)\b|\breproducible\b")
# An everyday cause named in the same sentence cancels these categories' matches.
_BENIGN_CAUSE = {"stroke": _BENIGN_NUMB, "chest_pain": _PALPATION, "breathing": _BLOCKED_NOSE}
# A machine has the "seizure" or "heart attack": "my laptop just had a seizure", "the printer's having a stroke".
_MACHINE_SUBJECT = re.compile(
    r"\b(laptop|phone|computer|pc|printer|car|engine|tv|router|server|wi-?fi|app|console|xbox|playstation|fridge|"
    r"washing machine|website|system)('?s)?\s+(just\s+)?(had|has|is having|was having|having|'?s having)\s+(a|an)\s+$"
)
# A thing collapsed, not a person: "the cake collapsed", "my niece loved the cake even though it collapsed".
_THING_SUBJECT = re.compile(
    r"\b(cake|sponge|souffl\w*|meringue|pastry|loaf|bread|tent|sandcastle|umbrella|deck ?chair|gazebo|shelf|"
    r"deal|talks|negotiations|market|prices?)s?\b([^.;!?]{0,40}\bit)?\s+(has |had |just |then |kind of |sort of )?$"
)
# A simile for a place or a sensation is no workplace hazard: "the office feels like a confined space", "a pain that
# feels like an electric shock" (clinical keys keep it: "feels like a heart attack" is a symptom).
_SIMILE = re.compile(r"\b(feels?|felt|feeling) like (a|an|being in a|i'?m in a)\s+$")
_WORKPLACE = frozenset({"gas_leak", "smoke_fire", "electrical", "pressure", "confined_space", "lockout", "chemical"})
_FREE = re.compile(r"\s*-?\s*free\b")
_NEGATION = re.compile(
    # NegEx pseudo-negations ("not sure", "no doubt") and understatement ("probably nothing, ...") negate nothing.
    r"\b(no(?! doubt)|not(?! (sure|certain|only|just)\b)|never|without|denies|denied|deny|negative for|free of|"
    r"isn'?t|wasn'?t|don'?t|doesn'?t|didn'?t|haven'?t|hasn'?t|no longer|ruled out|no sign of|"
    r"(?<!probably )(?<!maybe )(?<!likely )(?<!hopefully )(?<!prob )"
    r"nothing(?! (helps|helped|works|worked|is (helping|working))))"
    r"\b[^.;!?]*$",
    re.IGNORECASE,
)
# A negation only covers the clause it sits in; "but", "however" and sentence ends close it.
# A comma before a new subject starts a new clause too ("it wasn't isolated, he got a shock").
_CLAUSE_BREAK = re.compile(
    r"\b(but|however|although|though|yet|except|now)\b|[.;!?]|,\s*(?=(he|she|they|i|we)\b)", re.IGNORECASE
)
# A condition in the past ("a heart attack five years ago", "history of seizures") is history, not an emergency.
_HISTORY = re.compile(
    r"\b((\d+|a few|a couple of|several|many|two|three|four|five|six|ten) )?(years?|months?|decades?) ago\b|"
    r"\bhistory of\b|\bin (19|20)\d\d\b|\bas a (child|kid|teenager)\b",
    re.IGNORECASE,
)
# More ways to date an event in the past (ConText's historical triggers); they never talk down suicide or harm to
# others ("I attempted suicide last year and ..." may be the start of a disclosure).
_HISTORY_MORE = re.compile(
    r"\b(\d+ ?)?yrs? ago\b|(?<!since )\blast (year|winter|spring|summer|autumn)\b|\bwhen (i|he|she|they) (was|were) "
    r"(\d+|a (baby|child|kid|toddler|teenager)|little|young|one|two|three|four|five|six|seven|eight|nine|ten)\b|"
    r"\b(19|20)\d\d (mein|me)\b|\bhu(a|i|e) th(a|i|e)\b|"
    # a named month gone by and ConText's "at the time": "a heart attack back in March", "at the time her arm was weak"
    r"\bback in (jan|feb|march|april|may|june|july|aug|sept?|oct|nov|dec)\w*\b|\b(at the time|at that time|back then)\b"
)
# Drills and tests that passed are reports, not hazards ("smoke detector test passed, how do I log it?").
_DRILL = re.compile(
    r"\b(drill|mock (code|scenario)|simulation|training (session|scenario|video|course)|tabletop|"
    r"(test|tested|check|inspection)\b[^.;!?]{0,40}\b(passed|ok|okay|complete|completed|went fine)|scheduled test|"
    r"test (message|call|page|email)|during (the|a) (test|drill|exercise)|please ignore|low[- ]battery|test button|"
    r"battery (chirp|beep)\w*|"
    # a simulated case on a manikin (Resuscitation Council UK simulation teaching)
    r"simulated|scenarios?|sim (case|scenario|session|day)|(on|with) (the|a) (manikin|mannequin))\b",
    re.IGNORECASE,
)
# A general question about a condition ("what is a stroke?") is not an event.
# A greeting or "quick q re X:" before a question: "Ma'am can you explain ...", "quick q re NICE CG95 — when is ..."
_LEADIN = (
    r"^\s*((quick |a |one )?(q|qq|question|query)( re| about| on)?\b[^—:\-]{0,30}[—:\-]\s*|(hi|hey|hello|ma'?am|sir|"
    r"doc|dr \w+|team|all|guys|ate|kuya|bhai|please|sorry)\b[,!]?\s+)?"
)
_INFORMATIONAL = re.compile(
    _LEADIN + r"(what|when (is|are|should|do|does)|what'?s|how|why|which|define|explain|difference|can you explain|"
    r"tell me about|is it true|where|"
    r"where'?s|is there|are there|(can|could|should|do|does|must)(?!['’]?t\b|n['’]?t\b|not\b) (two|one|we|you|staff|"
    r"people|everyone|each|a|an|the)\b)\b",
    re.IGNORECASE,
)
# A definition or prevention question is general even when it says "I" ("how can I lower my risk of a stroke?").
_DEFINITION = re.compile(
    _LEADIN + r"(what (is|are|does|causes)|what'?s (a|an|the)\b|can you (explain|tell me)|explain|define|tell me about|"
    r"how (can|do|could|should|would) (i|we|you|one|people) (lower|reduce|prevent|avoid|spot|recogni[sz]e|tell|know|"
    r"check|learn|document|log|report|train)|what (should|do|would|can) (i|we|you) do (if|when)\b|"
    r"is (that|this|it) (legit|true|a myth)|(please |could you |can you )?explain what|is there (a|any) difference|"
    r"how (can|do|could|should) (i|we|you) protect|how often should)\b|^\s*is [\w' ]{2,40} the same as\b|"
    r"^\s*does [\w' ]{2,60} count as\b|"
    # what counts as a hazard: "is an MRI bore treated as a confined space?"
    r"^\s*(is|are|would|does|do|should) [\w' ]{2,60} (treated|classed|classified|considered|counted|regarded|defined|"
    r"count(ed)?) as\b|\bdifference between\b",
    re.IGNORECASE,
)
# A bare request for a service's contact ("poisons info number UK?", "gas emergency line ireland?") is a lookup.
_LOOKUP = re.compile(
    r"^\s*[\w' ]{0,40}\b(numbers?|helplines?|hotlines?|phone line|contact( details)?|website|web ?site|email|"
    r"address|opening hours)\b[\w' ]{0,25}$"
)
_PERSONAL = re.compile(
    r"\b(i|i'?m|i'?ve|me|my|we|our|he|she|his|her|him|they|their|patient|pt|bed \d+|someone|somebody|child|son|"
    r"daughter|baby|mum|mom|dad|wife|husband|colleague|mate|coworker|guy)\b",
    re.IGNORECASE,
)
# Sentences about paperwork, teaching, leaflets, TV, plans or past events mention an emergency without reporting one;
# they count only with a sign that something is happening now. Suicide and harm to others always count.
_NOT_EVENT = re.compile(
    # ("news" followed by a number is the NEWS2 score: "NEWS 9")
    r"\b(leaflet|information sheet|safety sheet|data sheet|side effects?|listed|"
    r"news(?!2|\s*(?:score\s*)?(?:of|is|was|=|:)?\s*\d)|story|podcast|"
    # "sat watching telly and then ...": the person's activity when it began, not a programme about it
    r"(?<!sat )(?<!sitting )(?<!lying )(?<!just )watching|(?<!sat )(?<!sitting )watched|"
    r"tv|episode|training|refresher|teach\w*|in-?service|journal club|grand rounds|study day|slides?|song|lyrics?|"
    # "module" is a course's, unless a plant's ("gas alarm in the separator module")
    r"(training|e-?learning|online|learning|teaching|cpd|mandatory|induction|the|this|a) module|module (on|about)|"
    r"(?<!golf )(?<!race)(?<!assault )course|awareness|exercise|drill|mock|audit|"
    r"document\w*|record|chart|form|"
    r"referrals?|epr|order|restock|spill kit|permits?|procedures?|planning|planned|"
    r"scheduled (for|test|maintenance|shutdown|outage|isolation)|next (week|month)|(?<!not )booked|"
    r"case study|report|(incident|the|these|those|monthly|weekly|annual|my|our|their|safety|accident|near miss) "
    r"reports|write up|summar\w*|toolbox|presentation|committee|historic|previous\w*|polic(y|ies)|"
    r"my first baby|"
    r"last (year|month)|back in|years? back|when i was|journalist|statistics|stats|figures|novel|character|"
    r"in case|just want to know|learning|cpd|reflection|exam|quiz|revis\w+|"
    # a talk or a memory aid about the signs is teaching: "a talk on recognising stroke symptoms"
    r"(a|the|her|his|my|our) talk (on|about)|recogni[sz]\w* (the )?(signs|symptoms)|mnemonic|way to remember)\b",
    re.IGNORECASE,
)
_NOW = re.compile(
    r"\b(now|right now|currently|just (now|happened|started)|tonight|suddenly|happening|help|hurry|urgent|911|999|"
    r"112|ambulance|still)\b",
    re.IGNORECASE,
)
# "head injury obs: gcs 15, no vomiting": a long pattern's last finding negated inside the match
_TAIL_NEGATED = re.compile(r"[,;]\s*(no|not|nil|denies|without)\s+\S+$")
_ALWAYS = frozenset({"suicide", "harm_others"})
_SELF = re.compile(r"\b(myself|my (own )?life|me)\b")
_SENTENCE = re.compile(r"[^.;!?\n]+")


def _clause(text: str, start: int, end: int) -> str:
    before = _CLAUSE_BREAK.split(text[max(0, start - 80) : start])[-1]
    after = _CLAUSE_BREAK.split(text[end : end + 80])[0]
    return before + text[start:end] + after


def _negated(text: str, start: int) -> bool:
    parts = _CLAUSE_BREAK.split(text[max(0, start - 60) : start])
    return bool(_NEGATION.search(parts[-1] if parts else ""))


def _counts(text: str, start: int, end: int, always: bool = False, phrase: bool = True, key: str = "") -> bool:
    """Whether a match at start..end describes something happening now to someone."""
    # "CP free", "pain-free since Monday": the finding named and then denied.
    if _negated(text, start) or (phrase and _TAIL_NEGATED.search(text[start:end])) or _FREE.match(text, end):
        return False
    if key == "suicide" and suicide_topic(text, start, end):
        return False
    clause = _clause(text, start, end)
    if _HISTORY.search(clause) or _DRILL.search(clause):
        return False
    # Symptoms of a stroke that went away are a TIA, still an emergency (NHS: call 999 even if they go away).
    resolved = key != "stroke" and resolved_after(text, start, end)
    if not always and (_HISTORY_MORE.search(clause) or modifier_use(text, end) or resolved):
        return False
    sentence_start = max(text.rfind(ch, 0, start) for ch in ".;!?\n") + 1
    sentence = text[sentence_start : end + 80].split("?")[0]
    if not always and _NOT_EVENT.search(sentence) and not _NOW.search(sentence):
        return False
    # the finding's own words ("started compressions") do not date it: a now-word must be said around it
    around = text[sentence_start:start] + " " + sentence[end - sentence_start :]
    if not always and general_message(text) and not current(around):
        return False
    if remote_history(text, sentence):
        return False
    if (benign := _BENIGN_CAUSE.get(key)) is not None and benign.search(sentence):
        return False
    before = text[max(0, start - 60) : start]
    if _MACHINE_SUBJECT.search(before) or _THING_SUBJECT.search(before):
        return False
    if key in _WORKPLACE and _SIMILE.search(before):
        return False
    # "What's the best way to kill myself?" is a question in form only: the writer's own life is never general.
    if always and _SELF.search(sentence):
        return True
    if _DEFINITION.search(sentence) and not _NOW.search(sentence):
        return False
    lookup = _LOOKUP.search(sentence) and "?" in text[end:]
    return not ((_INFORMATIONAL.search(sentence) or lookup) and not _PERSONAL.search(sentence))


def counts_at(text: str, start: int, end: int) -> bool:
    """Whether the span start..end reports something happening now (for detectors outside the phrase tables)."""
    return _counts(text, start, end, phrase=False)


def _pair_hit(text: str, first: str, second: str, always: bool, key: str) -> bool:
    for sentence in _SENTENCE.finditer(text):
        a = re.search(first, sentence.group(0))
        b = re.search(second, sentence.group(0))
        if a and b and (a.start(), a.end()) != (b.start(), b.end()):
            offset = sentence.start()
            # Both halves must stand: "pain in my knee, not in my chest" negates the chest.
            if all(_counts(text, offset + m.start(), offset + m.end(), always, key=key) for m in (a, b)):
                return True
    return False


def match_rules(lowered: str, rules: tuple[Rule, ...]) -> list[str]:
    """Keys of the rules that match the (lower-cased, normalised) text and are not negated, past or drills."""
    hits: list[str] = []
    for rule in rules:
        always, key = rule.key in _ALWAYS, rule.key
        if any(
            _counts(lowered, m.start(), m.end(), always, key=key)
            for p in rule.patterns
            for m in re.finditer(p, lowered)
        ):
            hits.append(rule.key)
        elif any(_pair_hit(lowered, first, second, always, key) for first, second in rule.pairs):
            hits.append(rule.key)
    return hits

"""A per-language symptom lexicon for messages not written in English: words and short stems, not whole phrases.

Phrase rules written from one writer's messages did not carry to another writer (issue 17: of a third writer's
missed emergencies, most were in other languages). Single words and stems do: "dolor", "pecho", "respir", "sangr"
appear however a sentence is built around them. The lexicon (``data/lexicon.toml``) was written from general
bilingual dictionaries and phrasebooks' emergency vocabulary, not from any evaluation set.

A message is flagged when a symptom term co-occurs with an urgency term (now, help, ambulance, can't, severe, 112)
or with a second, different symptom concept, unless the symptom is negated ("no tengo dolor", "ağrı yok"), or the
message opens as a general question, dates the event in the past, or reports a drill. It runs only on messages that
do not read as English (the English rules and the probe read those), on ``fold``'s output (accents off).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from safety.triage.rules_multilingual import fold

LEXICON = Path(__file__).resolve().parent / "data" / "lexicon.toml"
_LATIN = re.compile(r"[a-zđа-яёіїєґα-ω]")  # scripts with word boundaries: a stem matches at a word start
_UNSPACED = re.compile(r"[^\x00-\u024f\u0370-\u03ff\u0400-\u04ff\u1e00-\u1eff]")


@dataclass(frozen=True, slots=True)
class Concept:
    """One symptom concept: the category it points to, whether it names an emergency alone, and its terms."""

    name: str
    key: str
    strong: bool
    terms: re.Pattern[str]
    spaced: re.Pattern[str]  # only the terms of scripts with word boundaries: enough for a text in those alone


def _patterns(stems: list[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    stems = [fold(s) for s in stems]  # written with or without accents, matched on folded text
    spaced = [r"\b(?:" + "|".join(s for s in stems if _LATIN.match(s)) + r")\w*"]
    spaced += [s for s in stems if not _LATIN.match(s) and not _UNSPACED.search(s)]  # "\\w*schmerz", "(tem|tenho)"
    unspaced = [s for s in stems if not _LATIN.match(s) and _UNSPACED.search(s)]
    return re.compile("|".join(spaced + unspaced)), re.compile("|".join(spaced))


def load_concepts(path: Path = LEXICON) -> tuple[Concept, ...]:
    """The lexicon's concepts, in file order (the first strong one found names the category)."""
    raw = tomllib.loads(path.read_text(encoding="utf-8"))["concept"]
    return tuple(Concept(name, c["key"], c["strong"], *_patterns(c["terms"])) for name, c in raw.items())


CONCEPTS = load_concepts()
# Where or to whom, not what is wrong: these count only beside a symptom ("bebé" + "no respira", "pecho" + "dolor").
CONTEXT = frozenset({"chest", "heart", "baby", "pregnant", "gas", "pills", "throat", "pressure", "chemical"})
# Symptoms that say little about the category ("dolor" is chest pain only beside "pecho").
GENERIC = frozenset({"pain", "fever", "fall_vomit", "die"})
# These name an emergency on their own ("vou me matar", "está inconsciente", "sobredosis").
ALONE = frozenset({"suicide", "unconscious", "overdose", "fire", "threat"})
# A negation before these is the emergency itself: "no respira", "ya no quiero vivir".
FLIPPED = frozenset({"breath", "die"})
_FLIP_VERB = re.compile(
    r"respir|atm|oddych|nefes|hinga|sa+ns|تنفس|सांस|साँस|呼吸|viv|leben|zyc|yasa|trai|mabuhay|adem|дыш|диха|αναπν|"
    + fold(r"thở|bernapas|bernafas|pumu|neefs|শ্বাস|سانس")
)

_URGENCY = re.compile(
    r"\b(ahora|ya|urgente?|urgencia|ayuda|socorro|emergencia|ambulancia|rapido|muy|mucho|fuerte|grave|de repente|"
    r"agora|ajuda|ambulancia|samu|muito|forte|rapido|de repente|maintenant|vite|urgence|aidez|au secours|tres|"
    r"soudain|jetzt|sofort|dringend|hilfe|notfall|notarzt|krankenwagen|rettungswagen|sehr|stark|schlimm|plotzlich|"
    r"adesso|subito|aiuto|emergenza|ambulanza|molto|improvvis\w*|teraz|natychmiast|pilnie|pomocy?|ratunku|karetk\w*|"
    r"pogotowi\w*|bardzo|mocn\w*|siln\w*|stark\w*|fuertes?|fortes?|grave?s?|schlimm\w*|nagle|simdi|hemen|acil|yardim|imdat|ambulans|cok|siddetli|aniden|acum|repede|"
    r"ajutor|ambulanta|salvare|foarte|tare|brusc|ngayon|tulong|saklolo|ambulansya|sobrang|grabe|bigla|abhi|turant|"
    r"madad|bachao|bahut|tez|achanak|ambulance|emergency|help|now|dilwa2ti|halan|is3af|isaaf|sa3dni|"
    r"112|911|999|061|192|193|118|108|102|120|155|997|123|15)\b|"
    r"\b(no (puedo|puede|consigo|consigue|para|deja)|nao (consigo|consegue|para)|n'arrive|ne (peux|peut)|"
    r"kann nicht|kann (kaum|keine)|non riesc\w*|nie (moge|moze|mog)|nu (pot|poate)|hindi (maka|ma)\w*|"
    r"\w+(amiyor|emiyor|amiyorum|emiyorum)|que (hago|hacemos|hacer)|o que (eu )?(faco|fazer)|que faire|"
    r"was (soll|sollen|tun)|cosa (faccio|fare)|co (robic|mam robic)|ne yap\w*|ce (sa )?fac\w*|ano ang gagawin|"
    r"kya kar\w*|nahi pa|nahin pa|no (para|se detiene)|nao para|non si ferma|hort nicht auf|nie przestaje|durmuyor|"
    r"nu se opreste|hindi tumitigil|tant\w*|muchisim\w*|muitissim\w*|beaucoup|con dificultad|com dificuldade|"
    r"avec difficulte|a fatica|z trudem|zorlukla|cu greu|hirap)\b|"
    r"لا يتوقف|रुक नहीं|止不住|不停|ماذا افعل|شو اعمل|क्या करूं|क्या करें|नहीं पा|怎么办|"
    r"الان|الآن|حالا|ساعد|النجدة|اسعاف|إسعاف|طوارئ|لا (استطيع|يستطيع|تستطيع|اقدر|يقدر)|ما (اقدر|يقدر|قادر)|شديد|فجا|"
    r"अभी|तुरंत|मदद|बचाओ|एम्बुलेंस|इमरजेंसी|बहुत|तेज|अचानक|现在|马上|快|救命|帮|急|救护车|不能|不了|剧烈|突然|严重"
)
# The same for Dutch, Russian, Ukrainian, Greek, Urdu, Bengali, Japanese, Korean, Vietnamese, Indonesian/Malay,
# Swahili and Somali (help, now, ambulance, urgent, very, can't, what do I do), folded as the text is.
_URGENCY_MORE = re.compile(
    fold(
        r"\b(hulp|snel|dringend|ambulance|erg|heel|nu meteen|wat moet ik|kan niet|срочно|помогите|помощь|скор(ая|ую)|"
        r"сейчас|очень|сильн\w*|не (может|могу|можем)|что делать|терміново|допоможіть|швидк\w*|зараз|дуже|"
        r"не (може|можу)|що робити|βοηθεια|ασθενοφορο|τωρα|επειγοντως|πολυ|τι να κανω|δεν μπορ\w*|cấp cứu|cứu|gấp|"
        r"ngay|rất|làm sao|tolong|darurat|ambulans|sekarang|segera|sangat|parah|tidak bisa|msaada|haraka|sasa hivi|"
        r"dharura|caawi\w*|degdeg|hadda|ambalaas)\b|"
        r"救急車|助けて|すぐ|ひどい|できない|구급차|도와|지금|빨리|너무|심하|못 |সাহায্য|অ্যাম্বুলেন্স|এখন|খুব|জরুরি|"
        r"পারছে না|مدد|ایمبولینس|ابھی|فوری|بہت|نہیں پا|نہیں (سک|رہ)"
    )
)
# (Hindi "karne wala", the one who does, is not Tagalog "wala", none: hence the look-behind)
_NEGATION = re.compile(
    fold(
        r"\b(no|nao|ni|nem|sin|sem|nunca|ningun\w*|nenhum\w*|pas de|sans|aucun\w*|kein\w*|nicht|ohne|non|senza|nessun\w*|"
        r"nie|bez|brak|nu|fara|(?<!ne )wala|hindi|nahi|nahin|yok|degil|denies|denied|negative for|bien|bem|gut|bene|dobrze|"
        r"iyi|bine|normal\w*|geen|niet|zonder|sina|hana|не|нет|без|ні|немає|δεν|χωρισ|οχι|μην|tidak|bukan|tanpa|hakuna|"
        # (Arabic words whole: "لا" is inside "الارض", the ground, once hamza is folded away)
        r"không|chẳng)\b|(?<!\w)(لا|ليس|بدون|مافي|ما في)(?!\w)|नहीं|没有|没|无|不|نہیں|بغیر|(?<!\S)(না|নেই)(?![^\s.,!?।])"
    )
)
_INABILITY = re.compile(
    r"(puedo|puede|consig\w*|para\b|peux|peut|arrive|kann|riesc\w*|mog\w*|moz\w*|pot|poate|maka\w*|mahirap|"
    r"استطيع|يستطيع|اقدر|يقدر|قادر|不能|不了|醒|pa ra|paa? ra|aa ra|le pa|мож|мог|можу|μπορ|bisa|dapat|weza|kari)"
)
# A negation or "fine" just after the term: "ağrı yok", "respira bien", "epilepsia controlada".
_AFTER_NEGATION = re.compile(
    r"^\W*\w*\W*(yok|degil|nahi|nahin|नहीं|bien|bem|gut|bene|dobrze|iyi|bine|control\w*|kontrol\w*|stabil\w*|"
    r"нормальн\w*|в норме|хорошо|добре|нормально|κανονικ\w*|καλα|goed|normaal|baik|normal|vizuri|fiican)(?!\w)"
    r"(?! (le|aa|ho|pa|ले|आ|हो|पा))"
)
_NOT_NOW = re.compile(
    fold(
        r"^\W*(que (es|son)|cuales|cual es|como (se|puedo|saber)|o que (e|sao)|quais|qu'est-ce|quel(le)?s? (sont|est)|"
        r"comment (savoir|reconnaitre)|was (ist|sind)|wie (erkenne|oft)|welche|cos'e|quali sono|come (si|riconoscere)|"
        r"co to|jakie|czym jest|ile|kiedy|cuanto|quanto|combien|kac|ilang|what|how|why|nedir|nelerdir|ce (este|sunt)|"
        r"care sunt|ano ang|paano|que (hago|hacer|hacemos) si|o que fazer se|que faire si|was tun,? wenn|cosa fare se|"
        r"que significa|o que significa|que veut dire|was bedeutet|cosa significa|co znaczy|"
        r"ne demek|что значит|что означает|ما هو|ما هي|كيف|kya hai|kya hota|"
        r"क्या है|कैसे|什么是|怎么|如何|wat (is|zijn)|hoe (herken|weet)|что такое|какие (симптомы|признаки)|"
        r"как (понять|распознать|отличить)|що таке|які (симптоми|ознаки)|τι ειναι|ποια ειναι|apa itu|apa (saja )?gejala|"
        r"bagaimana (cara|mengenali)|dalili za|maxay|waa maxay)|(কী|কি)\s*\?\s*$|\b(là gì|ni nini)\b|とは|って何|란 뭐|이 뭐|کیا ہے|"
        r"\b((\d+|два|три|несколько) (год\w*|лет|месяц\w*) назад|в прошлом году|(\d+|два|три) (роки|років|місяц\w*) тому|"
        r"минулого року|jaar geleden|vorig jaar|περσι|tahun lalu|nam truoc|mwaka jana|miaka iliyopita|учебн\w*|"
        r"навчальн\w*|oefening|ασκηση|latihan|simulasi|dien tap|mazoezi|tababar)\b|"
        r"年前|去年|避難訓練|訓練|년 전|작년|훈련|سال پہلے|پچھلے سال|বছর আগে|গত বছর|"
        r"\b(hace (\d+|un|una|dos|tres|varios|unos) (anos?|meses)|anos atras|(ha|faz) (\d+|dois|tres) anos|"
        r"il y a (\d+|deux|trois|quelques) (ans|mois)|vor (\d+|zwei|drei|einigen) (jahren|monaten)|anni fa|lat(a)? temu|"
        r"yil once|acum (\d+|doi|trei) ani|taon na ang nakalipas|simulacro|simulado|exercice|ubung|probealarm|"
        r"esercitazion\w*|letztes jahr|el ano pasado|l'annee derniere|l'anno scorso|w zeszlym (roku|miesiacu)|gecen yil|"
        r"si alguien|se alguem|si quelqu'un|wenn jemand|se qualcuno|jesli ktos|daca cineva|kung may|anul trecut|"
        r"noong isang taon|ano passado|training|certificate|completed|audit|policy|cwiczeni\w*|tatbikat|exercitiu|"
        r"pagsasanay|drill|tatbikat\w*|static|statique|statisch\w*|statico|estatica|statik|statyczn\w*|"
        r"cada cuanto|con que frecuencia|ogni quanto|a quelle frequence|installare|installer|instalar|"
        r"kailangan ba|ba ay kailangan|teaching|sim case|simulated|simulation|osce)\b|منذ سنوات|साल पहले|saal pehle|年前|演习|演练"
    )
)
_ENGLISH = re.compile(
    r"\b(the|and|my|is|i|i'm|to|of|it|he|she|his|her|with|have|has|was|can|you|this|that|in|on|for|a|an|just|what|"
    r"how|not|at|we|they|after|since|from|are|be|does|do|mean|means|about|if|when|should|could|would|will|there|"
    r"your|me|been|why|which|any|or|"
    # English nurse shorthand and terse notes have few function words ("pt previous OD 2015, no current risk,
    # stable"): words no other language the tables read uses
    r"pt|pts|hx|h/o|pmh|nil|obs|w/|current|currently|risk|stable|previous|previously|engaged|services|routine|"
    r"review|reviewed|discharge|discharged|baseline|deficit|sources|essay|strategies|prevention|advice|guidance|"
    r"policy|questions?|anyone|someone|something|nothing|everything|today|yesterday|tomorrow|tonight|morning|"
    r"hours|still|really|very|getting|going|feeling|feels|keeps?|again|back|fine|thanks|got|get|need|needs|want|"
    r"wants|think|know|went|been|had|worse|better|much|some)\b"
)
_SHORT_OF = re.compile(fold(r"khó|sesak|susah|sulit|trudno|hirap|kurang|dificultad|difficulte"))
# After these words the text is a negation however it goes on: "ağrı yok", "दर्द नहीं है", "痛みはありません".
_POSTFIX_NEGATION = re.compile(
    r"^\W*(\w+\W+)?(yok|degil|nahi|nahin|नहीं|نہیں|নেই|না(?!\w)|hakuna)|^\S?[はがもを](ありません|ない|無い|なし)|^\S{0,2} ?없"
)
# Short words English shares with a language ("a", "în", "are" in Romanian; "i", "do", "to" in Polish; "a", "do" in
# Spanish, Portuguese, Italian) count as English only when that language's own common words are not there.
_SHARED = (
    (
        re.compile(
            r"\b(si|nu|este|sunt|meu|mea|foarte|din|cu|pe|sa|ca|mai|el|ea|lui|ei|tatal|mama|fiul|fiica|sotul|"
            r"sotia|copilul)\b"
        ),
        frozenset({"a", "in", "are"}),
    ),
    (
        re.compile(r"\b(nie|jest|sie|ma|mam|mu|jej|na|z|w|ze|dziecko|bardzo|prosze|pomocy)\b"),
        frozenset({"i", "do", "a", "to"}),
    ),
    (
        re.compile(r"\b(el|la|los|las|del|que|por|para|com|nao|uma|um|il|che|non|sono|della|est[aá]|tiene)\b"),
        frozenset({"a", "do"}),
    ),
)
_CLAUSE = re.compile(
    r"[.;!?,\n]|\b(pero|mas|mais|aber|ma|ale|ama|dar|y|e|et|und|i|ve|si|at|aur|لكن|लेकिन|但)\b|但|，|。"
)


# Blood measured, not lost: "Blutdruck", "Blutzucker", "presión sanguínea" hold the blood stems ("blut", "sangu").
_BLOOD_MEASURE = re.compile(r"\bblut(druck|zucker|bild|test|wert|gruppe|abnahme)\w*|\bsangu(inea|ineo|igna|igno)s?\b")


def reads_as_english(folded: str) -> bool:
    """Whether a message is mostly English words (the English rules and the probe read those)."""
    words = re.findall(r"[^\W\d_]+", folded)
    english = _ENGLISH.findall(folded)
    for markers, shared in _SHARED:
        if len(set(markers.findall(folded))) >= 2:
            english = [w for w in english if w not in shared]
    return len(words) > 0 and len(english) >= max(2, 0.2 * len(words))


def not_now(folded: str) -> bool:
    """Whether a (folded) message opens as a general question, dates the event in the past, or reports a drill."""
    return bool(_NOT_NOW.search(folded))


def _flip_negated(folded: str, start: int, end: int) -> bool:
    """A negation before a breathing or living verb ("no respira"), not one before "short of" ("không khó thở")."""
    last = re.findall(r"\w+", folded[max(0, start - 12) : start])[-1:]
    return not (last and _SHORT_OF.fullmatch(last[0])) and _negated(folded, start, end, after=False)


def _negated(folded: str, start: int, end: int, after: bool = True) -> bool:
    before = _CLAUSE.split(folded[max(0, start - 30) : start])[-1]
    window = before if " " in before else before[-4:]  # a script without spaces: the few characters before
    if _NEGATION.search(window) and not _INABILITY.search(window):
        return True
    tail = folded[end : end + 20]
    return after and bool(_AFTER_NEGATION.search(tail) or _POSTFIX_NEGATION.search(tail))


def negated_before(folded: str, start: int, end: int) -> bool:
    """Whether a negation just before start..end, or one after it ("ağrı yok"), turns it down."""
    return _negated(folded, start, end, after=False) or bool(_POSTFIX_NEGATION.search(folded[end : end + 20]))


def lexicon_keys(folded: str) -> list[str]:
    """The category a (lower-cased, folded) non-English message raises through the lexicon, or none."""
    if not folded.strip() or reads_as_english(folded) or _NOT_NOW.search(folded):
        return []
    folded = _BLOOD_MEASURE.sub("~", folded)
    found: list[Concept] = []
    urgent = bool(_URGENCY.search(folded) or _URGENCY_MORE.search(folded))
    unspaced = bool(_UNSPACED.search(folded))  # a script matched anywhere (Arabic, Devanagari, Chinese...)
    for concept in CONCEPTS:
        spans = [(m.start(), m.end()) for m in (concept.terms if unspaced else concept.spaced).finditer(folded)]
        flips = [(a, b) for a, b in spans if concept.name in FLIPPED and _FLIP_VERB.search(folded[a:b])]
        # "no respira" is the emergency itself; "respira bien" (a negation after the verb) is not
        if any(_flip_negated(folded, a, b) for a, b in flips):
            found.append(concept)
            urgent = True
        elif any(not _negated(folded, a, b) for a, b in spans):
            found.append(concept)
    symptoms = [c for c in found if c.name not in CONTEXT]
    alone = any(c.name in ALONE for c in symptoms)
    if not symptoms or not (alone or urgent or len(found) >= 2):
        return []
    strong = [c for c in symptoms if c.strong]
    context = [c for c in found if c.name in CONTEXT]
    specific = [c for c in symptoms if c.name not in GENERIC]
    return [(strong or specific or context or symptoms)[0].key]

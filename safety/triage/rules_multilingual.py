"""The most common emergency phrases in other languages, for the rule detector (the embedder reads English only).

Written from public phrase lists: emergency-services and hospital phrasebooks (NHS interpreting leaflets, Wikivoyage
phrasebooks' "emergency" sections, the EU 112 leaflets) and crisis-line pages in Spanish, Portuguese, French,
German, Italian, Polish, Turkish, Arabic (script and the common Latin transliteration), Hindi (Devanagari and
romanised) and Chinese. Patterns are matched on ``fold``'s output: lower case with Latin accents and Arabic hamza
forms folded, so "dolor de pecho", "douleur à la poitrine" and "nie mogę oddychać" match written with or without
accents. Each pattern begins with its own negation word ("no puedo respirar"), so the English negation filter
only turns down a phrase that a preceding "no" negates ("no tengo dolor de pecho").
"""

from __future__ import annotations

from safety.triage.rules import Rule

_FOLD = str.maketrans(
    {
        **dict.fromkeys("áàâäãåą", "a"),
        **dict.fromkeys("éèêëę", "e"),
        **dict.fromkeys("íìîïı", "i"),
        **dict.fromkeys("óòôöõ", "o"),
        **dict.fromkeys("úùûü", "u"),
        **dict.fromkeys("çć", "c"),
        **dict.fromkeys("ñń", "n"),
        **dict.fromkeys("śş", "s"),
        **dict.fromkeys("żź", "z"),
        "ł": "l",
        "ğ": "g",
        "ß": "ss",
        **dict.fromkeys("أإآٱ", "ا"),
        "ى": "ي",
        "ـ": None,
    }
)


def fold(lowered: str) -> str:
    """Latin accents and Arabic hamza forms folded, so a phrase matches however it was typed."""
    return lowered.translate(_FOLD)


MULTILINGUAL_RULES: tuple[Rule, ...] = (
    Rule(
        "chest_pain",
        (
            r"dolor (de|en el|del) pecho|dolor toracico|opresion en el pecho|ataque al corazon|infarto",
            r"dor no peito|aperto no peito|ataque cardiaco",
            r"douleur (a la |dans la )?poitrine|douleur thoracique|crise cardiaque|infarctus",
            r"brustschmerz\w*|schmerzen in der brust|herzinfarkt|engegefuhl in der brust",
            r"dolore al petto",
            r"bol w klatce( piersiowej)?|zawal serca",
            r"gogus agrisi|kalp krizi",
            r"الم في (ال)?صدر|نوبه? قلبيه?|ازمه? قلبيه?",
            r"alam fi (al|el)? ?sadr|waja3 fi sadri",
            r"सीने में दर्द|छाती में दर्द|दिल का दौरा",
            r"(seene|sine|chhati|chati) (mein|me|mai) dard|dil ka daura",
            r"胸痛|胸口痛|心脏病发作",
        ),
    ),
    Rule(
        "breathing",
        (
            r"no (puedo|puede) respirar|me ahogo|se (esta )?ahoga|falta de aire|dificultad para respirar|labios morados",
            r"nao (consigo|consegue) respirar|falta de ar|dificuldade (para|de|em) respirar",
            r"(je )?(n'arrive|n'arrive pas|ne peux pas|ne peux plus|ne peut pas|ne peut plus)( a)? respirer|j'etouffe",
            r"kann nicht (mehr )?atmen|atemnot|(bekomme|kriege|kriegt|bekommt) keine luft",
            r"non riesco a respirare|non respira",
            r"nie (moge|moze) oddychac|dusze sie|dusi sie|nie oddycha",
            r"nefes alamiyorum|nefes alamiyor",
            r"(لا|ما) (استطيع|اقدر) (ال)?تنفس|ضيق (في )?(ال)?تنفس",
            r"(mish|mesh|ma) (2ader|qader|a2dar|aqdar) atnaf+as",
            r"साँस नहीं|सांस नहीं|साँस लेने में (तकलीफ|दिक्कत)",
            r"(saans|sans|saas) (nahi|nahin) (aa|le pa|ho)",
            r"喘不过气|呼吸困难|不能呼吸",
        ),
    ),
    Rule(
        "stroke",
        (
            r"derrame cerebral|\bictus\b|cara (caida|torcida)|no puede hablar",
            r"\bavc\b|derrame",
            r"attaque cerebrale|visage (paralyse|qui tombe)",
            r"schlaganfall|gesicht (hangt|haengt)",
            r"udar mozgu|\budar\b",
            r"سكته? دماغيه?|جلطه? (في ال)?دماغ",
            r"लकवा|(lakwa|lakva)",
            r"中风|脑卒中",
        ),
    ),
    Rule(
        "suicide",
        (
            r"suicid\w*|samoboj\w*|selbstmord\w*|intihar\w*",
            r"(quiero|voy a) (morir(me)?|matarme)|matarme|quitarme la vida|no quiero (seguir )?viv\w*|acabar con (mi vida|todo)",
            r"(quero|vou) (morrer|me matar)|me matar|nao quero (mais )?viver|tirar (a )?minha (propria )?vida",
            r"(je veux|envie de) mourir|me tuer|(je )?ne veux plus vivre|en finir avec (la vie|tout)|me jeter sous",
            r"(ich )?will (nicht mehr leben|sterben)|mich umbringen|mir das leben nehmen",
            r"voglio morire|uccidermi|togliermi la vita",
            r"chce umrzec|zabic sie|nie chce (juz )?zyc|odebrac sobie zycie",
            r"olmek istiyorum|kendimi oldur\w*",
            r"انتحار|اريد ان اموت|اقتل نفسي",
            r"(badi|bidi|abgha|abi) a?mo+t|a2tol nafsi",
            r"आत्महत्या|मरना चाहत[ाी]|खुद को मार",
            r"a+tmahatya|marna chaht[ai]|khud ko maar",
            r"自杀|想死|不想活",
        ),
    ),
    Rule(
        "bleeding",
        (
            r"sangr\w* (mucho|muchisimo|sin parar)|no (para|deja) de sangrar|hemorragia",
            r"sangrando muito|nao para de sangrar",
            r"saigne (beaucoup|abondamment|enormement)|hemorragie",
            r"blutet (stark|sehr)|starke blutung",
            r"sanguina (molto|tanto)|emorragia",
            r"krew leci|krwawi\w* (mocno|bardzo)|krwotok",
            r"نزيف",
            r"खून बह|(khoon|khun) (beh|bah)",
            r"大出血|流血不止",
        ),
    ),
    Rule(
        "unconscious",
        (
            r"inconsciente|no responde|se desmayo|no despierta",
            r"desmaiou|nao responde|desacordado",
            r"inconscient|ne repond (pas|plus)|evanoui",
            r"bewusstlos|reagiert nicht|ohnmachtig",
            r"svenut[oa]|non risponde|incosciente",
            r"nieprzytomn\w*|zemdlal\w*|nie reaguje",
            r"bayildi|bilinci kapali",
            r"فاقد (ال)?وعي|اغماء|مغمي عليه",
            r"बेहोश|behosh",
            r"昏迷|晕倒|失去知觉",
        ),
    ),
    Rule(
        "seizure",
        (
            r"convuls\w*|ataque epileptico|crise d'epilepsie|krampfanfall|drgawki|atak padaczki|nobet geciriyor",
            r"تشنج",
            r"दौरा पड़",
            r"抽搐|癫痫发作",
        ),
    ),
    Rule(
        "overdose",
        (
            r"sobredosis|envenen\w*|intoxicad\w*|se tomo todas las pastillas",
            r"overdose|envenenad\w*",
            r"surdose|empoisonn\w*|a avale (des|tous|toutes)",
            r"uberdosis|ueberdosis|vergiftet|vergiftung",
            r"avvelenat\w*",
            r"przedawkow\w*|zatru\w*",
            r"جرعه? زائده?|تسمم",
            r"ज़हर|जहर|zeher|zehar",
            r"服药过量|中毒",
        ),
    ),
    Rule(
        "anaphylaxis",
        (
            r"(garganta|lengua|labios) (se me )?(cierra|hinchad\w*|inchad\w*|inchando)|reaccion alergica (grave|fuerte)",
            r"gorge (qui )?(gonfle|se ferme|serree)|choc anaphylactique",
            r"(hals|zunge) (schwillt|zu)|allergischer schock",
            r"gardlo (puchnie|sie zamyka)|wstrzas anafilaktyczny",
            r"حساسيه? شديده?",
        ),
    ),
    Rule(
        "paediatric",
        (
            r"(bebe|nourrisson|baby|bambino|niemowle)[^.;]{0,60}(tout mou|molle?\b|floscio|floppy|wiotk\w*|flacido|molinho)",
        ),
    ),
    Rule(
        "smoke_fire",
        (
            r"\bfuego\b|incendio|\bau feu\b|incendie|\bfeuer\b|es brennt|\bpozar\b|\bogien\b|yangin",
            r"حريق|आग लग|aag lag|着火|火灾",
        ),
    ),
    Rule(
        "gas_leak",
        (
            r"(huele|cheiro) a gas|fuga de gas|vazamento de gas|fuite de gaz|odeur de gaz|gasgeruch|riecht nach gas",
            r"gasleck|fuga di gas|wyciek gazu|czuc gaz|gaz kacagi|تسرب (ال)?غاز|गैस लीक|煤气泄漏|燃气泄漏",
        ),
    ),
    Rule(
        "electrical",
        (r"descarga electrica|choque eletrico|electrocut\w*|stromschlag|porazenie pradem|elektrik carp\w*|صعق\w*",),
    ),
)

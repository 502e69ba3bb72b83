"""The most common emergency phrases in other languages, for the rule detector (the embedder reads English only).

Written from public phrase lists: emergency-services and hospital phrasebooks (NHS interpreting leaflets, Wikivoyage
phrasebooks' "emergency" sections, the EU 112 leaflets) and crisis-line pages in Spanish, Portuguese, French,
German, Italian, Polish, Turkish, Arabic (script and the common Latin transliteration), Hindi (Devanagari and
romanised) and Chinese. Patterns are matched on ``fold``'s output: lower case with Latin accents and Arabic hamza
forms folded, so "dolor de pecho", "douleur à la poitrine" and "nie mogę oddychać" match written with or without
accents. Each pattern begins with its own negation word ("no puedo respirar"), so the English negation filter
only turns down a phrase that a preceding "no" negates ("no tengo dolor de pecho"). More languages, category by
category, are in rules_multilingual_clinical.py and rules_multilingual_work.py; ``phrase_keys`` there matches all
three tables and also reads each language's own negations ("pas de", "geen", "yok", "नहीं").
"""

from __future__ import annotations

import re
import unicodedata

from safety.triage.rules import Rule

_FOLD = str.maketrans(
    {
        **dict.fromkeys("áàâäãåąă", "a"),
        **dict.fromkeys("éèêëę", "e"),
        **dict.fromkeys("íìîïı", "i"),
        **dict.fromkeys("óòôöõ", "o"),
        **dict.fromkeys("úùûü", "u"),
        **dict.fromkeys("çć", "c"),
        **dict.fromkeys("ñń", "n"),
        **dict.fromkeys("śşș", "s"),
        **dict.fromkeys("ţț", "t"),
        # Greek accents (tonos, dialytika) and final sigma
        **dict.fromkeys("άἀ", "α"),
        "έ": "ε",
        "ή": "η",
        **dict.fromkeys("ίϊΐ", "ι"),
        "ό": "ο",
        **dict.fromkeys("ύϋΰ", "υ"),
        "ώ": "ω",
        "ς": "σ",
        **dict.fromkeys("żź", "z"),
        "ł": "l",
        "ğ": "g",
        "ß": "ss",
        **dict.fromkeys("أإآٱ", "ا"),
        "ى": "ي",
        "ة": "ه",
        "ـ": None,
    }
)


def fold(lowered: str) -> str:
    """Latin accents and Arabic hamza forms folded, so a phrase matches however it was typed."""
    return unicodedata.normalize("NFC", lowered).translate(_FOLD)


# The English question and history filters do not read other languages: a message that opens as a general question
# ("¿cuáles son los síntomas...", "was ist der Unterschied...") or dates the event years back is not an event.
_GENERAL = re.compile(
    r"^\W*(que (es|son)|cuales son|cual es|o que (e|sao)|quais (sao|os)|qu'est-ce|quel(le)?s? (sont|est)|"
    r"was (ist|sind)|wie (oft|lange|viel|erkenne)|welche|co to (jest|sa)|jakie (sa|objawy)|kiedy|ile)\b|"
    r"\b(hace (\d+|un|una|dos|tres|varios) (anos?|meses)|ha (\d+|dois|tres) anos|anos atras|"
    r"il y a (\d+|deux|trois|quelques) (ans|mois)|vor (\d+|zwei|drei|einigen) (jahren|monaten)|lat(a)? temu)\b|"
    # prevention and risk, as the English "how can I lower my risk of a stroke?"
    r"\b(wie kann (ich|man)|como (puedo|posso|se puede|pode)|comment (puis-je|peut-on)|jak (moge|mozna))\b[^.?!]{0,50}"
    r"\b(senken|vermeiden|vorbeugen|verringern|reduzieren|prevenir|evitar|reducir|reduzir|diminuir|eviter|reduire|"
    r"zapobiec|zmniejszyc)\b|\w+(risiko|riesgo|risco)\b|\b(risiko|riesgo|risco|risque) (de |für |fur |von )?\w+|"
    # what to eat or avoid, as the English "what foods should I avoid when pregnant?"
    r"^\W*(quels?|quelles?|que|cuales|quais|welche|quali|o que|was|jakie)\b[\w' -]{0,40}\b(eviter|evitar|vermeiden|"
    r"evitare|unikac|manger|comer|essen|mangiare|jesc)\b"
)


def general(folded: str) -> bool:
    """Whether a (folded) message in another language is a general question or about the past."""
    return bool(_GENERAL.search(folded))


MULTILINGUAL_RULES: tuple[Rule, ...] = (
    Rule(
        "chest_pain",
        (
            r"dolor( \w+){0,2} (de|en el|del) pecho|dolor toracico|opresion en el pecho|ataque al corazon|infarto",
            r"dor( \w+){0,2} (no|do) peito|aperto no peito|ataque cardiaco",
            r"douleur( \w+){0,2} (a la |dans la )?poitrine|douleur thoracique|crise cardiaque|infarctus",
            r"brustschmerz\w*|schmerzen in der brust|herzinfarkt|engegefuhl in der brust",
            r"dolore al petto",
            r"bol( \w+){0,2} w klatce( piersiowej)?|zawal serca",
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
            r"no (puedo|puede) respirar|me ahogo|se (esta )?ahoga|falta de aire|dificultad para respirar|labios morados|(le|me) cuesta respirar",
            r"nao respira|(tem|tenho) dificuldade pra respirar",
            r"ne respire (plus|pas)|du mal a respirer",
            r"atmet nicht( mehr)?",
            r"(لا|ما) يتنفس",
            r"(saans|sans|saas) (nahi|nahin) le (raha|rahi)",
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
            r"derrame cerebral|\bictus\b|cara (caida|torcida)|no puede hablar|boca torcida",
            r"\bavc\b|derrame|(rosto|boca) (caido|torto|torta)|nao consegue falar",
            r"attaque cerebrale|visage (paralyse|qui tombe|tombant)|bouche de travers|n'arrive plus a parler",
            r"schlaganfall|gesicht (hangt|haengt)|(spricht|redet) (verwaschen|undeutlich)|lallt",
            r"udar mozgu|\budar\b|belkocze|opadniet\w* (kacik ust|twarz|usta)|krzywe usta",
            r"चेहरा एक तरफ|बोल नहीं पा|chehra ek taraf|bol nahi pa",
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
            r"(je veux|envie de) mourir|me tuer|(je )?ne veux plus vivre|en finir avec (la vie|tout)|me jeter sous|(veux|vais) en finir",
            r"(ich )?will (nicht mehr leben|sterben)|mich umbringen|mir das leben nehmen|"
            r"(morgen|bald|heute nacht|ab morgen) bin ich nicht mehr (da|hier)|werde ich nicht mehr (da|hier) sein",
            r"voglio morire|uccidermi|togliermi la vita",
            r"chce umrzec|zabic sie|nie chce (juz )?zyc|odebrac sobie zycie",
            r"olmek istiyorum|kendimi oldur\w*",
            r"انتحار|اريد ان اموت|اقتل نفسي",
            r"(badi|bidi|abgha|abi) a?mo+t|a2tol nafsi",
            r"आत्महत्या|मरना चाहत[ाी]|खुद को मार",
            r"a+tmahatya|marna chaht[ai]|khud ko maar",
            r"自杀|想死|不想活",
            # Korean, Japanese, romanised Hindi/Urdu, Malay/Indonesian, Swahili, Tagalog, Greek, Thai, Bengali, Tamil,
            # Vietnamese: "I want to die", "I don't want to live", "I'll end it" (Samaritans' and 988's lists, translated)
            r"자살|죽고 ?싶|살고 ?싶지 ?않|목숨을 ?끊|死にたい|自殺|消えたい|生きていたくない|命を絶",
            r"khatam kar (du|doo|lu|loo)n?g[ai]|(nahi|nhi|nahin) jee (sakta|sakti|paunga|paungi)|jeene ka mann? nahi"
            r"|mar ja(u|oo)n?g[ai]|jaan de (du|doo)n?g[ai]|apni jaan (le|de)|khud ko khatam"
            # "I want to end everything", standing on the roof now (writer 15, after its scoring)
            r"|(sab|sab kuch|sabkuch) khatam karna chahta|(chhat|chat|terrace|roof) (pe|par) khad[ai] (hoon|hun|hu)",
            r"bunuh diri|ingin mati|tidak (ingin|mau) hidup|kujiua|sitaki kuishi|nataka kufa|magpakamatay"
            r"|ayoko nang mabuhay|gusto ko nang mamatay",
            r"αυτοκτον|δεν θελω να ζω|θελω να πεθανω|ฆ่าตัวตาย|อยากตาย|আত্মহত্যা|মরে যেতে চাই|தற்கொலை"
            r"|muon chet|khong muon song|tu sat",
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
            r"inconsciente|no responde|se desmayo|no despierta|se desplomo|perdio el conocimiento",
            r"desmaiou|nao responde|desacordado|perdeu (a )?consciencia",
            r"inconscient|ne repond (pas|plus)|evanoui|s'est effondre|perdu connaissance",
            r"bewusstlos|reagiert nicht|ohnmachtig|umgekippt|zusammengebrochen",
            r"svenut[oa]|non risponde|incosciente",
            r"nieprzytomn\w*|zemdlal\w*|nie reaguje|stracil\w* przytomnosc",
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
            r"sobredosis|envenen\w*|intoxicad\w*|se tomo (todas|muchas|varias|un monton de) (las )?pastillas",
            r"(bebio|tomo|trago) (lejia|cloro|lavandina)",
            r"overdose|envenenad\w*|tomou (todos|muitos) (os )?(comprimidos|remedios)|bebeu (agua sanitaria|cloro)",
            r"surdose|empoisonn\w*|a avale (des|tous|toutes)",
            r"uberdosis|ueberdosis|vergiftet|vergiftung|\w*(ol|reiniger|bleiche|tabletten) (getrunken|geschluckt)",
            r"avvelenat\w*",
            r"przedawkow\w*|zatru\w*|(polknal|wypil)\w* (wybielacz|tabletki|srodek)",
            r"جرعه? زائده?|تسمم",
            r"ज़हर|जहर|zeher|zehar",
            r"服药过量|中毒",
        ),
    ),
    Rule(
        "anaphylaxis",
        (
            r"(garganta|lengua|labios) (se me )?(cierra|hinchad\w*|inchad\w*|inchando)|reaccion alergica (grave|fuerte)",
            r"(pico una abeja|picadura|picou uma abelha|piqure)[^.;?]{0,60}(hinch|inch|gonfl|respir)",
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
            r"manchas (moradas|roxas|rojas)[^.;?]{0,30}(no|nao) (desaparecen|desaparecem|somem|se van)",
            r"taches[^.;?]{0,30}ne (s'effacent|disparaissent) pas|(ausschlag|flecken)[^.;?]{0,40}(glas|nicht weg)",
            r"wysypk\w*[^.;?]{0,40}nie (znika|blednie)",
        ),
    ),
    Rule(
        "obstetric",
        (
            r"(gravida|embarazada|enceinte|schwanger|w ciazy)((?!\b(no|nao|sin|sem|pas|sans|kein\w*|ohne|nie|bez)\b)"
            r"[^.;?]){0,80}(sangr\w*|saign\w*|blut\w*|krwaw\w*|"
            r"dor de cabeca forte|dolor de cabeza (fuerte|intenso)|vejo luzes|veo luces|convuls\w*|"
            r"nao (se )?mexe|no se mueve|bouge plus|bewegt sich nicht)",
        ),
    ),
    Rule(
        "smoke_fire",
        (
            r"(sale|hay|saindo|tem|de la) (humo|fumaca|fumee)|fumee qui sort|es raucht|rauch (kommt|aus)|dym (z|leci)",
            r"\bfuego\b|incendio|\bau feu\b|incendie|\bfeuer\b|es brennt|\bpozar\b|\bogien\b|yangin",
            r"حريق|आग लग|aag lag|着火|火灾",
        ),
    ),
    Rule(
        "gas_leak",
        (
            r"(huele|cheiro) a gas|fuga de gas|vazamento de gas|fuite de gaz|odeur de gaz|gasgeruch|riecht nach gas",
            r"(fuga|vazamento|fuite|wyciek) (de |d')?(gas|gaz|amoniaco|amonia|ammoniac|amoniaku|chlor\w*|cloro)",
            r"gasleck|fuga di gas|wyciek gazu|czuc gaz|gaz kacagi|تسرب (ال)?غاز|गैस लीक|煤气泄漏|燃气泄漏",
        ),
    ),
    Rule(
        "electrical",
        (
            r"descarga electrica|choque eletrico|electrocut\w*|stromschlag|porazenie pradem|elektrik carp\w*|صعق\w*",
            r"(levou|tomou) (um )?choque|le dio (la )?corriente|a pris (le |un )?(courant|jus)",
            r"(faisca|chispa|etincelle|funken|iskr)\w*[^.;?]{0,40}(quadro|cuadro|tableau|schaltschrank|rozdziel|elektr|electr)",
        ),
    ),
    Rule(
        "pressure",
        (
            r"(zawor bezpieczenstwa nie|valvula de (seguridad|seguranca|alivio) (no|nao)|soupape( de securite)? ne|"
            r"sicherheitsventil (offnet|funktioniert|lost) nicht)",
            r"valvola di sicurezza non|veiligheidsklep (gaat niet open|opent niet|werkt niet)|supapa de siguranta nu|"
            r"emniyet (ventili|valfi|supabi) (acmiyor|calismiyor)|предохранительный клапан не|запобіжний клапан не|"
            r"安全阀(失灵|打不开|不起作用)|安全弁が(作動しない|開かない)|안전밸브가 (작동하지|열리지)",
        ),
    ),
    Rule(
        "chemical",
        (
            r"(chemikali\w*|quimico|chimique|chemikalie\w*|acido|acide|saure|kwas)(?! (hialuron|hyaluron|salicil|"
            r"salicyl|glicol|glykol|folic|foliow|retino|uric|moczow|lactic|mlekow|ascorb|citric|cytryn|bori))[^.;?]{0,40}"
            r"(twarz|oczy|oko|cara|ojos|rosto|olhos|visage|yeux|gesicht|auge)",
            r"quemadura quimica|queimadura quimica|brulure chimique|veratzung|oparzenie chemiczne",
        ),
    ),
    Rule(
        "confined_space",
        (r"(brak\w*|malo) tlenu|(dentro del?|dentro do|im) (tanque|pozo|deposito|tank|schacht|behalter)",),
    ),
)

"""Workplace and home hazards in more languages, category by category, for the rule detector.

The companion of rules_multilingual_clinical.py for electric shock, fire and smoke (people trapped), gas leaks,
chemical burns and fumes, entrapment in machinery, falls from height and threats to others, in Spanish,
Portuguese, French, German, Italian, Dutch, Polish, Romanian, Turkish, Russian, Ukrainian, Greek, Arabic, Hindi
(Devanagari and romanised), Urdu, Bengali, Chinese, Japanese, Korean, Vietnamese, Tagalog, Indonesian/Malay,
Swahili and Somali. Written from occupational-safety and fire-service leaflets and emergency phrasebooks, one line
per language; folded like the text they are matched on.
"""

from __future__ import annotations

import re

from safety.triage.rules import Rule, match_rules
from safety.triage.rules_lexicon import negated_before
from safety.triage.rules_multilingual import MULTILINGUAL_RULES
from safety.triage.rules_multilingual_acute import MULTILINGUAL_ACUTE_RULES
from safety.triage.rules_multilingual_clinical import MULTILINGUAL_CLINICAL_RULES, folded_rules
from safety.triage.rules_multilingual_described import MULTILINGUAL_DESCRIBED_RULES
from safety.triage.rules_multilingual_more import concept_keys
from safety.triage.rules_multilingual_signs import MULTILINGUAL_SIGN_RULES

# An acid in a skin-care product or a vitamin ("ácido hialurónico en la cara", "acide hyaluronique") is no burn.
_SKIN_CARE = (
    r"(?! (hialuron|hyaluron|ialuron|salicil|salicyl|glicol|glycol|folic|retino|uric|lactic|lattic|ascorb|citric))"
)

# A knife held for cooking ("tiene un cuchillo para cortar pan", "may kutsilyo sa kusina") is no threat.
_KITCHEN = (
    r"(?![^.;?]{0,30}(para (cortar|pelar|picar|cocinar)|para (cozinhar|descascar)|pour (couper|eplucher|cuisiner)|"
    r"zum (schneiden|kochen|schalen)|per (tagliare|cucinare|sbucciare)|om te (snijden|koken)|do (krojenia|gotowania)|"
    r"sa kusina|magluto|panghiwa|kukatia|jikoni))"
)

_WORK: dict[str, tuple[str, ...]] = {
    "electrical": (
        # a child's fingers or a metal thing in a socket
        r"(nozyczk|gwozdz|palc|spinac|drut|klucz|widelec)\w*[^.;?]{0,30}(do )?gniazd",
        r"(dedos|tijeras|clavo|tenedor|horquilla|llave|alambre)[^.;?]{0,30}(en el|al) enchufe",
        r"(dedo|tesoura|prego|garfo|grampo|chave|arame)\w*[^.;?]{0,30}na tomada",
        r"(doigts|ciseaux|clou|fourchette|epingle|cle) [^.;?]{0,30}dans la prise",
        r"(finger|schere|nagel|gabel|haarnadel|schlussel|draht)\w*[^.;?]{0,30}in die steckdose",
        r"(dita|forbici|chiodo|forchetta|forcina|chiave|filo)[^.;?]{0,30}nella presa",
        r"(vingers|schaar|spijker|vork|haarspeld|sleutel)[^.;?]{0,30}in het stopcontact",
        r"(ножниц|гвозд|пальц|шпильк|скрепк|ключ|провол)\w*[^.;?]{0,30}(в|у) розетк",
        r"(ψαλίδι|καρφί|δάχτυλα|πιρούνι|φουρκέτα)[^.;?]{0,30}στην πρίζα",
        r"(はさみ|ハサミ|釘|指|ヘアピン|鍵)を?コンセントに|콘센트에 (젓가락|가위|손가락|핀)|(cắm|chọc)[^.;?]{0,30}ổ điện",
        r"插座里?(插|塞)了?(剪刀|钉子|手指|发夹|钥匙)|(剪刀|钉子|手指|发夹|钥匙)[^。，.]{0,10}插座",
        r"electrocut\w*|le (dio|pego) (la )?corriente|(le|me) dio un calambrazo",
        r"(levou|tomou) (um )?choque|eletrocut\w*",
        r"electrise\w*",
        r"stromunfall|(hat|habe) (einen )?(strom|stromschlag|schlag) (bekommen|gekriegt)",
        r"folgorat\w*|scossa elettrica|(ha )?pres[oa] (la|una) scossa",
        r"geelektrocuteerd|elektrocut\w*|stroomstoot|onder stroom|(een )?(schok|stroom) gekregen",
        r"porazil\w* (go |ja |mnie )?prad|prad (go|ja|mnie) porazil|kopnal\w* (go |ja |mnie )?prad",
        r"(a luat|a prins) curent|l-a curentat|soc electric",
        r"(удар\w*|бь[её]т|шибанул\w*) током|током (ударил\w*|бь[её]т)|поражени\w* (электрическим )?током|электротравм\w*",
        r"(удар\w*|вдари\w*|вдарил\w*) струмом|струмом (вдарил\w*|ударил\w*)|ураження (електричним )?струмом",
        r"ηλεκτροπληξ\w*|(τον|την|τη|με) (χτύπησε|τίναξε) (το )?ρεύμα|χτυπήθηκε από (το )?ρεύμα",
        r"(كهربته?|مسكته|ضربته|لسعته) (ال)?كهربا",
        r"करंट लग|बिजली का झटका|(current|karant|karent) lag|bijli ka jhatka",
        r"کرنٹ لگ|بجلی کا جھٹکا",
        r"বিদ্যুৎস্পৃষ্ট|কারেন্ট লেগে|বিদ্যুতের শক|শক খে",
        r"触电|被电(到|击|了)|电击伤",
        r"感電",
        r"감전",
        r"điện giật|giật điện",
        r"na-?kuryente|na-?koryente",
        r"tersengat listrik|kesetrum|tersetrum",
        r"amepigwa na (shoti|umeme)|shoti ya umeme|amenaswa na umeme|umeme umempiga",
        r"korontadu? (ayaa |way |ayay |ayuu )?(qabatay|ku dhacday|haysatay|gubtay)",
    ),
    "smoke_fire": (
        r"se (esta )?quemando (la|el) (cocina|casa|edificio|restaurante|local|fabrica|nave|almacen)|"
        r"(gente|personas|alguien) atrapad\w*|atrapad\w* (por|en|entre) (el |las )?(fuego|humo|llamas)",
        r"(pessoas|gente|alguem) pres\w* (no|na|pelo|pela) (fogo|fumaca|incendio)|(casa|cozinha|predio) (esta )?pegando fogo",
        r"(des gens|quelqu'un|personnes) (sont |est )?(coince|bloque)\w* (par|dans) (le feu|la fumee|l'incendie)",
        r"(menschen|personen|leute|jemand) (sind |ist )?(eingeschlossen|eingesperrt)",
        r"(persone|qualcuno) (intrappolat|bloccat)\w* (dal|nel|dalle) (fuoco|fumo|fiamme|incendio)",
        r"(люди|человек) (заблокирован\w*|в ловушке|не могут выйти)|(люди|людей) (заперт|отрезан)\w*",
        r"逃げられない|閉じ込められ|被困|困在(火|楼|屋)|갇혀 있|mắc kẹt|terjebak|terperangkap|naiipit sa sunog|wamenaswa",
        r"pegando fogo|pegou fogo|esta em chamas",
        r"sta bruciando|va a fuoco|(ha )?preso fuoco|in fiamme|\bfiamme\b",
        r"\bbrand\b(?!weer)|in brand|het brandt|vlammen|rook (komt|uit)",
        r"incendiu|a luat foc|ia foc|flacari",
        r"alev(ler)? (aldi|var)|yaniyor|duman (var|cikiyor)",
        r"пожар(а|е|ом)?\b|загорел\w*|гор(ит|им) (дом|кухня|квартира|здание|склад|цех|машина|подъезд)|дым (ид[её]т|валит)|задымлени\w*",
        r"пожеж\w*|загорів\w*|загоріл\w*|горить (будинок|кухня|квартира)|дим (іде|валить)",
        r"φωτιά|πυρκαγιά|καίγεται|καπνός (βγαίνει|παντού)",
        r"آگ لگ|دھواں",
        r"আগুন|ধোঁয়া",
        r"失火|起火|浓烟",
        r"火事|火災|燃えて(い)?る|煙が(出|充満)|火が出",
        r"불이 (났|붙)|불났|화재|연기가 (나|자욱|가득)",
        r"cháy nhà|đám cháy|hỏa hoạn|đang cháy|khói (đầy|nhiều|bốc)",
        r"nasusunog|may sunog",
        r"kebakaran|(rumah|gedung|pabrik|dapur) terbakar|ada api|asap tebal|banyak asap",
        r"moto (umewaka|mkubwa)|kuna moto|inaungua|moshi mwingi",
        r"\bdab (ayaa )?(qabsaday|ka kacay|ka baxay)|qiiq badan|gubanaya",
    ),
    "gas_leak": (
        r"fuga di gas|(odore|puzza) di gas|perdita di gas",
        r"gaslek|ruik gas|gaslucht|gas lekt",
        r"scurgere de gaz|miroase a gaz|miros de gaz",
        r"gaz (kacagi|kokusu|kokuyor)",
        r"утечк\w* газа|пахнет газом|запах газа|угарн\w* газ",
        r"вит(і|о)к газу|пахне газом|запах газу|чадн\w* газ",
        r"διαρροή (υγραερίου|αερίου|γκαζιού)|μυρίζει γκάζι|μυρωδιά (γκαζιού|αερίου)",
        r"(ريحه?|رائحه?) (ال)?غاز",
        r"गैस (लीक|की (बदबू|गंध))|gas (leak|ki badbu)",
        r"گیس (لیک|کی بو)",
        r"গ্যাস (লিক|এর গন্ধ)|গ্যাসের গন্ধ",
        r"天然气泄漏|煤气味|燃气味|一氧化碳",
        r"ガス漏れ|ガスの(臭い|におい)|ガス臭い|一酸化炭素",
        r"가스 ?(누출|냄새|가 새)|가스가 새|일산화탄소",
        r"rò rỉ (khí )?(ga|gas)|mùi (ga|gas)\b|xì (ga|gas)\b",
        r"tagas ng (gas|lpg)|tumatagas ang (gas|lpg)|amoy gas",
        r"kebocoran gas|bau gas|gas(nya)? bocor|tabung gas bocor",
        r"gesi inavuja|harufu ya gesi|kuvuja kwa gesi",
        r"gaas(ka)? (ayaa )?(daadanaya|soo baxaya)|urta gaaska",
        r"monoxido de carbono|kohlenmonoxid|monossido di carbonio|monoxyde de carbone|zatrucie czadem|czujnik czadu",
    ),
    "chemical": (
        r"(acido|sosa|lejia)" + _SKIN_CARE + r"[^.;?]{0,80}(piel|quem)|vapores toxicos|gas toxico",
        r"(acido|soda)" + _SKIN_CARE + r"[^.;?]{0,80}(pele|queim)",
        r"(acide|soude)" + _SKIN_CARE + r"[^.;?]{0,80}(peau|brul)|vapeurs toxiques",
        r"(säure|lauge)[^.;?]{0,80}(haut|verätz|verbrannt)|giftige dämpfe",
        r"ustione chimica|(acido|soda caustica)"
        + _SKIN_CARE
        + r"[^.;?]{0,80}(pelle|occhi|ustion|brucia)|(vapori|fumi) tossici",
        r"chemische brandwond|(zuur|loog)[^.;?]{0,80}(huid|ogen|verbrand)|giftige dampen",
        r"\b(kwas|lug|zracy|zrace)\w*(?! (foliow|hialuron|salicyl|mlekow|moczow|askorb|cytryn))[^.;?]{0,80}"
        r"(skor|oczy|oparz|schodzi)|skora (mu|jej|mi) schodzi|toksyczne opary",
        r"arsura chimica|(acid|soda|var nestins|var|ciment|clor)[^.;?]{0,80}(piele|ochi|ars)|vapori toxici|"
        r"(in|în) ochi[^.;?]{0,40}(arde|ustur\w*|nu (mai )?(vad|văd))",
        r"kimyasal yanik|asit" + _SKIN_CARE + r"[^.;?]{0,80}(cilt|goz|yakti|yandi)|zehirli (gaz|duman)",
        r"химическ\w* ож[оё]г|(кислот|щелоч)\w*[^.;?]{0,80}(кож|глаз|лиц|ож[оё]г|обж[её]г)|ядовит\w* (пар|газ|дым)",
        r"хімічн\w* опік|(кислот|луг)\w*[^.;?]{0,80}(шкір|очі|обличч|опік)|отруйн\w* (пар|газ|дим)",
        r"χημικό έγκαυμα|οξύ[^.;?]{0,80}(δέρμα|μάτια|πρόσωπο|έκαψε)|τοξικ\w* αναθυμιάσ\w*",
        r"حرق كيميائي|(حمض|اسيد)[^.;?]{0,80}(جلد|عين|وجه)|ابخره? سامه?|غاز سام",
        r"तेज़ाब|तेजाब|tezaab|tezab|tejab|जहरीली गैस|zehreeli gas",
        r"تیزاب|زہریلی گیس",
        r"অ্যাসিড|এসিড|বিষাক্ত গ্যাস",
        r"化学(品)?烧伤|(酸|碱|化学品)[^。，.]{0,20}(溅|进)(到)?(眼|脸|皮肤)|有毒气体|毒气",
        r"化学(薬品)?(熱傷|やけど)|(薬品|酸)が(目|顔|皮膚)に|有毒ガス|毒ガス",
        r"화학 ?화상|(산|약품|화학물질)이 (눈|얼굴|피부)에|유독 ?가스|독가스",
        r"bỏng hóa chất|(axit|a xít|hóa chất)[^.;?]{0,30}(mắt|mặt|da\b)|khí độc",
        r"(asido|muriatic|kemikal)[^.;?]{0,80}(mata|mukha|balat|napaso)",
        r"luka bakar kimia|(asam|bahan kimia|cairan kimia)[^.;?]{0,80}(mata|wajah|kulit)|(gas|asap) beracun",
        r"(tindikali|asidi|kemikali)[^.;?]{0,80}(macho|uso|ngozi|kuungua)|(gesi|moshi) (ya|wa) sumu",
        r"(aashito|kiimiko)[^.;?]{0,80}(indh|waj|maqaar|gub)|gaas sun ah",
    ),
    "lockout": (
        r"atrapad[oa] (en|por|entre) (la|el) (maquina|prensa|cinta|rodillo|engranaje|transportador)",
        r"pres[oa] na (maquina|prensa|esteira)|a (maquina|esteira) (ligou|arrancou) com",
        r"coince\w* dans (la|le) (machine|presse|convoyeur|tapis)|happe par (la|le) (machine|convoyeur)",
        r"(eingeklemmt|eingezogen|gefangen) in (der|die) (maschine|presse|walze|anlage)|von der (maschine|walze) erfasst",
        r"(intrappolat|incastrat|schiacciat)\w* (nella|nel|dalla|dal|sotto la|sotto il|tra i) "
        r"(macchin|pressa|nastro|rull|trasportator)\w*|"
        r"(ripartit|riavviat|riacces|rimess\w* in moto)\w*[^.;?]{0,60}(dentro|intrappolat|incastrat)|"
        r"(dentro|intrappolat|incastrat)\w*[^.;?]{0,60}(ripartit|riavviat|riacces|rimess\w* in moto)",
        r"bekneld (in|tussen|onder)|vast in de (machine|pers|band)|gegrepen door de (machine|band)",
        r"(wciagn|przycisn|zmiazdz|uwiez)\w*[^.;?]{0,30}(maszyn|prase|prasa|tasm|walc)",
        r"prins (in|de) (masina|presa|banda|utilaj)",
        r"makine(ye|de|nin) [^.;?]{0,20}(sikisti|kapildi|kapti)|presin altinda|banda sikisti",
        r"зажал\w* (в|руку|ногу)|затянул\w* (\w+ )?в (станок|механизм|машину|конвейер|вал)|придавил\w* (станком|прессом)|"
        r"застрял\w* в (станке|механизме|конвейере)",
        r"затиснул\w* (в|руку|ногу)|затягнул\w* (\w+ )?в (верстат|механізм|конвеєр)",
        r"παγιδεύτηκε (στο|στη|στην) (μηχάνημα|μηχανή|πρέσα|ταινία)|πιάστηκε (το χέρι|στο μηχάνημα)",
        r"علق (في|داخل) (الماكينه?|الاله?|المكبس)|الماكينه? (سحبت|شدت) (يده|ايده)",
        r"मशीन में (फंस|फँस|हाथ)|machine (mein|me|main) (phas|fas|haath)",
        r"مشین میں (پھنس|ہاتھ)",
        r"মেশিনে (আটকে|হাত)",
        r"(卷入|夹在|卡在|被卷进|被夹)(了)?(机器|传送带|压力机|冲床)|手被(机器|冲床)",
        r"(機械|ベルトコンベア|プレス機)に(挟まれ|巻き込まれ)",
        r"(기계|컨베이어|프레스)에 (끼|말려)",
        r"bị (kẹt|cuốn|kẹp) (vào|trong) máy|máy (cuốn|kẹp) (tay|chân)",
        r"naipit (sa|ang kamay sa) (makina|makinarya)|nahigop ng makina",
        r"terjepit (di )?(dalam )?mesin|tangan(nya)? (masuk|terjepit|tergiling) (ke )?(mesin|conveyor)|tergiling mesin",
        r"amenaswa (kwenye|na) mashine|mashine imemkamata",
        r"mashiinka (ayaa )?(qabtay|ku dhegay)",
    ),
    "head_injury": (
        r"se cayo (del|de la|desde) (andamio|tejado|techo|azotea|altura)|cayo desde (una )?altura",
        r"caiu (do|da) (andaime|telhado|laje|altura)",
        r"tombe\w* (du|de l'|de la) (echafaudage|toit)|chute de (hauteur|l'echafaudage)",
        r"(vom|von der|von dem) (gerüst|dach)[^.;?]{0,20}(gestürzt|gefallen)",
        r"caduto (dall'|dal|dalla) (impalcatura|tetto|ponteggio|alto)",
        r"gevallen van (de|het) (steiger|dak)|van (de steiger|het dak)[^.;?]{0,20}gevallen",
        r"spadl\w* z (rusztowania|dachu|wysokosci)",
        r"a cazut de pe (schela|acoperis)|a cazut de la inaltime",
        r"(iskeleden|catidan|yuksekten) dustu",
        r"(упал|упала|сорвал\w*) с (лесов|крыши|высоты|строительных лесов)",
        r"(впав|впала|зірвал\w*) з (риштування|даху|висоти)",
        r"έπεσε από (ύψος|τη σκαλωσιά|τη στέγη|την ταράτσα)",
        r"(سقط|وقع) من (السقاله?|السطح|ارتفاع|فوق السطح)",
        r"(ऊंचाई|छत|मचान) से गिर|(chhat|chat|upar) se gir",
        r"(چھت|اونچائی) سے گر",
        r"(ছাদ|উঁচু|মাচা) থেকে পড়ে",
        r"从(高处|脚手架|屋顶|楼上)上?(摔|掉|坠)|高空坠落",
        r"(高所|足場|屋根)から(転落|落ち)",
        r"(높은 곳|비계|지붕)에서 (떨어|추락)|추락(했|해)",
        r"(ngã|rơi) từ (trên )?(giàn giáo|mái nhà|trên cao|cao)",
        r"nahulog (mula )?sa (scaffolding|bubong|taas)",
        r"jatuh dari (ketinggian|perancah|atap)",
        r"ameanguka kutoka (juu|ghorofa|paa|jukwaa)",
        r"(ka|kaga) dhacay (dhismaha|saqafka|meel sare)",
    ),
    "harm_others": (
        r"(lo|la) voy a matar|tiene un cuchillo" + _KITCHEN + r"|apuñal\w*|le (dio|dieron) una puñalada",
        r"vou matar (ele|ela)|esta com uma faca" + _KITCHEN + r"|esfaque\w*",
        r"je vais (le|la) tuer|il a un couteau" + _KITCHEN + r"|poignard\w*",
        r"ich bring (ihn|sie) um|hat ein messer" + _KITCHEN + r"|niedergestochen|erstochen",
        r"(lo|la) ammazzo|ha un coltello" + _KITCHEN + r"|accoltell\w*",
        r"ik maak (hem|haar) (af|dood)|heeft een mes" + _KITCHEN + r"|neergestoken",
        r"zabije (go|ja)|ma noz\b" + _KITCHEN + r"|dzgn\w*|pchnal\w* nozem",
        r"(il|o) omor|are un cutit|injunghi\w*",
        r"onu oldurecegim|bicak (cekti|var)|bicakla\w*",
        r"убью (его|её|ее)|(у него|у неё|у нее) нож|зарежу|(ударил\w*|пырнул\w*) ножом",
        r"вб'ю (його|її)|(у нього|у неї) ніж|вдарив ножем",
        r"θα (τον|την) σκοτώσω|έχει μαχαίρι|μαχαίρωσ\w*",
        r"(سأقتله|ساقتله|ح اقتله)|معه سكين|طعنه",
        r"मार डालूं?गा|maar (dalunga|daalunga)|चाकू (मार|निकाल)|chaku (maar|nikal)",
        r"مار ڈالوں گا|چاقو (مار|نکال)",
        r"মেরে ফেলব|ছুরি (মার|বের)",
        r"杀了(他|她)|拿着刀|捅了(他|她|人)|刺伤",
        r"殺してやる|刺された|刃物を持って",
        r"죽여버릴|죽이겠다|칼을 (들|휘두)|칼에 찔렸",
        r"giết (nó|hắn|anh ta|chị ta)|cầm dao|bị đâm",
        r"papatayin ko (siya|sya)|may (kutsilyo|baril)" + _KITCHEN + r"|sinaksak",
        r"akan membunuh(nya)?|membawa pisau|bawa pisau|ditusuk|menusuk",
        r"nitamuua|ana kisu" + _KITCHEN + r"|amemchoma kisu",
        r"waan dili doonaa|mindi (ayuu )?(sitaa|haystaa)|mindi ku dhuftay",
    ),
}

MULTILINGUAL_WORK_RULES: tuple[Rule, ...] = folded_rules(_WORK)
OTHER_LANGUAGE_RULES: tuple[Rule, ...] = (
    MULTILINGUAL_RULES
    + MULTILINGUAL_CLINICAL_RULES
    + MULTILINGUAL_WORK_RULES
    + MULTILINGUAL_SIGN_RULES
    + MULTILINGUAL_ACUTE_RULES
    + MULTILINGUAL_DESCRIBED_RULES
)


def phrase_keys(folded: str) -> list[str]:
    """Categories the other languages' phrases raise in a folded text, each once.

    A phrase counts as the English phrases do (not past, not a drill) and when no negation of the text's own
    language turns it down ("je n'ai pas de douleur à la poitrine", "geen pijn op de borst", "ağrı yok").
    """
    keys = []
    for rule in OTHER_LANGUAGE_RULES:
        if not match_rules(folded, (rule,)):
            continue
        spans = [m.span() for p in rule.patterns for m in re.finditer(p, folded)]
        if not spans or any(not negated_before(folded, a, b) for a, b in spans):
            keys.append(rule.key)
    # A cue and a sign together in one sentence (rules_multilingual_more.py): "orzeszki ... świszczący oddech".
    return list(dict.fromkeys(keys + concept_keys(folded)))

"""Red flags in other languages reach the rules alone (no embedder); everyday, negated and past sentences do not."""

from __future__ import annotations

import pytest

from safety.triage import Triage
from safety.triage.rules_multilingual import fold

# (language, message, category): one emergency per language for several categories, written for these tests.
EMERGENCIES = [
    ("es", "Mi padre no respira, tiene los labios morados", "breathing"),
    ("es", "Hay fuego en la cocina y hay gente atrapada", "smoke_fire"),
    ("es", "El niño se tomó las pastillas de la abuela, ¿qué hago?", "overdose"),
    ("pt", "Meu filho não consegue respirar, socorro", "breathing"),
    ("pt", "O trabalhador levou um choque e caiu", "electrical"),
    ("fr", "Mon mari est inconscient, il ne répond plus", "unconscious"),
    ("fr", "Il a reçu un coup de couteau, il saigne abondamment", "bleeding"),
    ("de", "Mein Vater bekommt kaum Luft und die Lippen sind blau", "breathing"),
    ("de", "Ich bin in der 38. Woche und spüre das Baby nicht mehr, keine Kindsbewegungen seit gestern", "obstetric"),
    ("it", "Mio marito non riesce più a respirare, aiuto", "breathing"),
    ("it", "Il nastro è ripartito con un operaio dentro", "lockout"),
    ("it", "Un collega ha preso la scossa ed è svenuto", "electrical"),
    ("nl", "Mijn moeder is bewusteloos en ademt niet meer", "unconscious"),
    ("nl", "Er is brand in de keuken, er komt veel rook uit", "smoke_fire"),
    ("pl", "Dziecko wypiło kreta, co robić?", "overdose"),
    ("pl", "Kwas wylał mu się na rękę i skóra mu schodzi", "chemical"),
    ("ro", "Tatăl meu nu mai respiră, vă rog ajutor", "breathing"),
    ("ro", "Colegul meu a luat curent și a căzut", "electrical"),
    ("tr", "Babam nefes alamıyor, dudakları morardı", "breathing"),
    ("tr", "Emniyet ventili açmıyor ve basınç artıyor", "pressure"),
    ("ru", "Ребёнку два месяца, температура 39 и он очень вялый", "paediatric"),
    ("ru", "У отца перекосило лицо и он не может говорить", "stroke"),
    ("ru", "Муж не дышит, помогите", "breathing"),
    ("uk", "Чоловіка вдарило струмом, він без свідомості", "electrical"),
    ("uk", "Дитина не ворушиться вже добу, я на 37 тижні", "obstetric"),
    ("el", "Τον χτύπησε ρεύμα και λιποθύμησε", "electrical"),
    ("el", "Ο πατέρας μου δεν αναπνέει", "breathing"),
    ("ar", "أبي لا يتنفس، ساعدوني", "breathing"),
    ("ar", "ابني شرب كلور، ماذا أفعل؟", "overdose"),
    ("hi", "मेरे पिता बेहोश हो गए हैं", "unconscious"),
    ("hi-latn", "papa ko current lag gaya, wo behosh hain", "electrical"),
    ("ur", "میرے بیٹے نے ساری گولیاں کھا لی ہیں", "overdose"),
    ("ur", "میرے والد بے ہوش ہیں", "unconscious"),
    ("bn", "আমার বাবা অজ্ঞান হয়ে গেছেন", "unconscious"),
    ("bn", "বাড়িতে আগুন লেগেছে", "smoke_fire"),
    ("zh", "我爸爸晕倒了，没有反应", "unconscious"),
    ("zh", "工人的手被卷入传送带", "lockout"),
    ("ja", "火事です！二階に人が残っています", "smoke_fire"),
    ("ja", "父が息をしていません", "breathing"),
    ("ko", "아버지가 숨을 안 쉬어요", "breathing"),
    ("ko", "동료가 감전되었어요", "electrical"),
    ("vi", "Anh ấy bị điện giật và bất tỉnh", "electrical"),
    ("vi", "Bố tôi đột nhiên méo miệng và nói ngọng", "stroke"),
    ("tl", "Hindi humihinga ang tatay ko, tulong!", "breathing"),
    ("tl", "Nakuryente si kuya sa poste", "electrical"),
    ("id", "Ayah saya pingsan dan tidak bernapas", "unconscious"),
    ("id", "Anak saya keracunan, dia menelan cairan pembersih", "overdose"),
    ("sw", "Mtoto hapumui, tafadhali msaada", "breathing"),
    ("sw", "Amepigwa na shoti ya umeme", "electrical"),
    ("so", "Aabahay ma neefsanayo, caawiya", "breathing"),
    ("so", "Korontadu way qabatay walaalkay", "electrical"),
    ("so", "Wiilkayga suuxdin ayaa haysa", "seizure"),
    ("nl", "Een collega zit bekneld in de machine", "lockout"),
    ("tr", "Arı soktu ve boğazım şişiyor", "anaphylaxis"),
    ("ru", "После укуса пчелы у неё отекло горло", "anaphylaxis"),
    ("ar", "أنا حامل والجنين لا يتحرك منذ الصباح", "obstetric"),
    ("zh", "工人从脚手架上摔下来了", "head_injury"),
    ("ja", "妊娠38週で胎動を感じない", "obstetric"),
    ("ko", "가스 냄새가 나요", "gas_leak"),
    ("vi", "Con tôi uống nhầm thuốc tẩy", "overdose"),
    ("sw", "Mtoto amekunywa sumu", "overdose"),
    ("bn", "আমার স্বামীর বুকে প্রচণ্ড ব্যথা", "chest_pain"),
    ("ur", "میرے شوہر کے سینے میں شدید درد ہے", "chest_pain"),
]

# Everyday sentences, and negated or past ones, in the same languages: none is an emergency.
EVERYDAY = [
    "El bebé respira bien y duerme tranquilo",
    "Hace dos años tuve un infarto, ahora estoy bien",
    "A sopa está muito quente, cuidado",
    "Wir grillen heute Abend im Garten",
    "Oggi fa molto caldo in ufficio",
    "Wat is een beroerte precies?",
    "Ik heb geen pijn op de borst",
    "Dziecko śpi spokojnie",
    "Mâine mergem la piață",
    "Bugün hava çok güzel",
    "Ребёнок спит, температура нормальная",
    "Что такое инсульт и какие симптомы?",
    "Два года назад у меня был инсульт",
    "Сегодня очень хорошая погода",
    "Вчора ми ходили в кіно",
    "Σήμερα ο καιρός είναι πολύ ωραίος",
    "الطقس جميل اليوم",
    "आज मौसम बहुत अच्छा है",
    "آج موسم بہت اچھا ہے",
    "আজ আবহাওয়া খুব ভালো",
    "今天天气很好",
    "今日はいい天気です",
    "오늘 날씨가 좋아요",
    "Hôm nay trời rất đẹp",
    "Kumain na ba kayo?",
    "Saya sudah makan siang",
    "Habari za asubuhi, nimefika salama",
    "Maanta cimiladu waa fiican tahay",
    "Ayer hubo un simulacro de incendio en la fábrica",
    # negated, in the language's own words (before the symptom, or after it: "yok", "नहीं", "ありません", "없어요")
    "Je n'ai pas de douleur à la poitrine",
    "Ich habe keine Brustschmerzen mehr, alles gut",
    "Non ho dolore al petto, sto bene",
    "O bebê respira bem e está dormindo",
    "Göğsümde ağrı yok, iyiyim",
    "У меня нет боли в груди",
    "Δεν έχω πόνο στο στήθος",
    "لا يوجد ألم في الصدر",
    "मुझे सीने में दर्द नहीं है",
    "سینے میں درد نہیں ہے",
    "আমার বুকে ব্যথা নেই",
    "我没有胸痛",
    "胸の痛みはありません",
    "가슴 통증은 없어요",
    "Tôi không bị đau ngực",
    "Saya tidak sesak napas",
    "Sina maumivu ya kifua",
    # general questions and past events
    "Что такое инсульт?",
    "¿Qué significa infarto? Lo leí en una revista",
    "¿Qué hago si un día alguien se desmaya en la oficina?",
    "Τι είναι το εγκεφαλικό;",
    "脳卒中とは何ですか",
    "Đột quỵ là gì?",
    "Apa itu stroke?",
    "Maxay tahay istaroog?",
    "স্ট্রোক কী?",
    "Завтра учебная пожарная тревога",
    "작년에 화재 훈련을 했어요",
    # everyday words that look like symptom words
    "Bố tôi đang sửa điện trong nhà",
    "Цены на газ выросли",
    "Я не могу найти ключи, помогите",
    "Ik ben zwanger en alles gaat goed",
    "Я беременна, всё хорошо",
]


# A cue and a sign in one sentence (rules_multilingual_more.py): allergen + airway, chemical + eye or skin, gas +
# smell or hiss, weapon + threat, partner hitting + hiding, pregnancy + waters or blood, child + swallowed medicine or
# household chemical, pressure over the limit + relief valve failing, seizure not stopping, low sugar + sweating.
CONCEPT_EMERGENCIES = [
    # allergen + airway
    ("pl", "Córka zjadła orzechy i ma świszczący oddech", "anaphylaxis"),
    ("es", "Mi hijo comió cacahuete y tiene sibilancias", "anaphylaxis"),
    ("de", "Nach der Erdnuss ist ihr Gesicht geschwollen", "anaphylaxis"),
    ("tr", "Oğlum fıstık yedi, dudakları şişti", "anaphylaxis"),
    ("tl", "Kumain ng hipon ang anak ko at namamaga ang labi niya", "anaphylaxis"),
    ("sw", "Mtoto alikula karanga na midomo imevimba", "anaphylaxis"),
    ("zh", "孩子吃了花生，嘴唇肿了", "anaphylaxis"),
    # chemical in the eye or on the skin
    ("fr", "Mon collègue a reçu de l'acide dans les yeux", "chemical"),
    ("es", "Le cayó sosa cáustica en los ojos al operario", "chemical"),
    ("pt", "Caiu soda cáustica no olho do meu colega", "chemical"),
    ("tr", "Kostik eline sıçradı ve yaktı", "chemical"),
    ("tl", "Natapunan ng muriatic ang kamay ng kasama ko", "chemical"),
    ("sw", "Tindikali imemwagikia mkono wake", "chemical"),
    ("zh", "工人被硫酸溅到眼睛", "chemical"),
    # gas smell or hiss
    ("es", "Huele muchísimo a gas en el pasillo y se oye la bombona", "gas_leak"),
    ("pl", "Czuć gaz w całym mieszkaniu, butla syczy", "gas_leak"),
    ("tr", "Mutfakta gaz kokusu var ve tüp tıslıyor", "gas_leak"),
    ("hi", "kitchen mein gas ki tez badbu aa rahi hai", "gas_leak"),
    ("sw", "Kuna harufu kali ya gesi jikoni", "gas_leak"),
    # weapon + threat, and a partner hitting while someone hides
    ("es", "Un hombre con un machete amenaza a los vecinos", "harm_others"),
    ("hi", "padosi chhura lekar aaya hai aur maar dalunga bol raha hai", "harm_others"),
    ("tl", "May lalaking may itak at nagbabanta na papatayin kami", "harm_others"),
    ("sw", "Jamaa ana kisu anatishia kuua mke wake", "harm_others"),
    ("ru", "Сосед с ножом угрожает убить жену", "harm_others"),
    ("es", "Mi pareja me está pegando, estoy encerrada en el baño", "harm_others"),
    ("de", "Mein Mann schlägt mich, ich habe mich eingeschlossen", "harm_others"),
    ("ru", "Муж бьёт меня, я заперлась в ванной", "harm_others"),
    # pregnancy + waters or bleeding
    ("tl", "Buntis ako ng 33 linggo at pumutok na ang panubigan", "obstetric"),
    ("pl", "Jestem w ciąży, odeszły mi wody i krwawię", "obstetric"),
    ("sw", "Nina mimba ya miezi saba na ninatoka damu", "obstetric"),
    ("zh", "怀孕32周，破水了还出血", "obstetric"),
    # a child and a swallowed medicine or household chemical
    ("zh", "孩子误吃了奶奶的降糖药", "overdose"),
    ("de", "Mein Sohn hat Spülmittel getrunken", "overdose"),
    ("tl", "Nakainom ng zonrox ang anak ko", "overdose"),
    ("es", "Mi hija se tomó las pastillas del abuelo y está muy dormida", "overdose"),
    ("hi", "bachche ne galti se dadi ki goli kha li, ab sust hai", "overdose"),
    # pressure past the limit + relief valve failing
    ("es", "El manómetro pasa la zona roja y la válvula de alivio no abre", "pressure"),
    ("zh", "储气罐压力超标，泄压阀没有动作", "pressure"),
    ("pt", "O manómetro passou da zona vermelha e a válvula de segurança não abre", "pressure"),
    ("ru", "Давление выше красной черты, клапан не открывается", "pressure"),
    # a seizure that does not stop
    ("tl", "Kinukumbulsyon ang anak ko, ayaw tumigil", "seizure"),
    ("fr", "Mon fils fait une crise qui ne s'arrête pas", "seizure"),
    ("zh", "爸爸抽搐一直不停", "seizure"),
    # low sugar + sweating, confusion or not answering
    ("hi", "papa ki sugar 45 hai, paseena aa raha hai aur confuse hain", "glucose"),
    ("es", "A mi padre le dio el azúcar bajo, 40, está sudando y confundido", "glucose"),
    ("pl", "Cukier 35, mama jest spocona i splątana", "glucose"),
    ("zh", "妈妈低血糖，出冷汗，说胡话", "glucose"),
    ("pl", "Ojciec ma cukrzycę, jest spocony i splątany", "glucose"),
    ("es", "Mi vecino está golpeando a su esposa y se oyen gritos", "harm_others"),
    ("fr", "Il m'a frappée. Je suis cachée dans la chambre.", "harm_others"),
    ("hi", "bachcha paida ho raha hai aur naal bahar aa gayi hai", "obstetric"),
    ("it", "Sono incinta di 30 settimane e ho un mal di testa fortissimo", "obstetric"),
    ("es", "El manómetro está en rojo y el tanque se está hinchando", "pressure"),
    ("tr", "Kompresör tankı şişiyor, basınç kırmızı bölgede", "pressure"),
    ("de", "Meine Tochter ist auf den Kopf gefallen und hat zweimal erbrochen", "head_injury"),
    ("fr", "Il s'est coupé la jambe, le sang gicle partout", "bleeding"),
    ("ko", "할머니가 쓰러지셨는데 불러도 대답이 없어요", "unconscious"),
    ("es", "Mi bebé tiene la fontanela hundida y no moja el pañal", "paediatric"),
    ("ru", "Стою на мосту и сейчас спрыгну", "suicide"),
    ("de", "Ein Arbeiter ist eingeklemmt, die Anlage ist angelaufen", "lockout"),
    ("ur", "میرے بچے نے غلطی سے دادی کی گولیاں کھا لیں", "overdose"),
    ("ur", "شوہر چاقو لے کر مارنے کی دھمکی دے رہا ہے", "harm_others"),
    ("id", "Dia terkena air keras di wajahnya", "chemical"),
    ("ar", "ابني أكل فول سوداني وعنده صفير في الصدر", "anaphylaxis"),
    ("ru", "Сахар 2.5, весь в поту и спутанный", "glucose"),
    ("it", "La pressione supera la linea rossa e la valvola di sicurezza non si apre", "pressure"),
    ("tl", "Lumabas na ang tubig at may dugo", "obstetric"),
    ("es", "Se me rompió la fuente y sale sangre", "obstetric"),
]

# The same concepts negated, in the past, as a general question, or a look-alike (an everyday acid, one vitamin).
CONCEPT_NOT_NOW = [
    "Mi hijo comió cacahuete pero no tiene la cara hinchada y respira bien",
    "Mój syn zjadł orzeszki, nie ma obrzęku",
    "Uso un sérum de ácido hialurónico en la piel cada noche",
    "No huele a gas en la cocina, ya revisé la bombona",
    "ghar mein gas ki smell nahi aa rahi, sab theek hai",
    "Estoy embarazada de 20 semanas, no tengo sangrado",
    "mi hijo tomó su jarabe para la tos a las 8",
    "la presión de la caldera está bien y la válvula funciona",
    "mummy ka sugar normal hai, thoda pasina aa raha hai garmi se",
    "Hace dos años mi marido me pegaba y me escondía en el baño",
    "Il a reçu de la soude dans les yeux il y a deux ans",
    "¿Qué hago si huele a gas?",
    "我对花生过敏，想问一下怎么预防",
    "galti se ek extra vitamin D tablet le li, koi problem?",
    "¿Cada cuánto se calibra una válvula de seguridad?",
    "Nagkaroon ako ng kumbulsyon noong isang taon, ngayon okay na",
    "Kwas foliowy w ciąży, ile brać na skórę?",
    "Tiene un cuchillo para cortar pan",
    "May kutsilyo siya sa kusina para magluto",
    "Mi madre es diabética y hoy está bien, sin confusión",
    "Il m'a frappé au foot hier, j'ai un bleu",
    "J'ai tout prévu pour le voyage de demain",
    "La faccio finita con questa dieta",
    "Хочу прыгнуть с парашютом летом",
    "Я беременна, всё хорошо, крови нет",
    "Ho comprato un coltello nuovo per la cucina",
    "La caldera tiene la presión en 1,5 bar, ¿es normal?",
    "Se me rompió la fuente, no hay sangre",
    "Lumabas na ang tubig pero walang dugo",
]


@pytest.fixture(scope="module")
def triage() -> Triage:
    return Triage(None)


@pytest.mark.parametrize(("lang", "message", "category"), EMERGENCIES, ids=[f"{e[0]}-{e[2]}" for e in EMERGENCIES])
def test_emergency_in_another_language_flags(triage: Triage, lang: str, message: str, category: str) -> None:
    keys = [flag.key for flag in triage.assess(message).flags]
    assert category in keys, f"{lang}: {message} -> {keys}"


@pytest.mark.parametrize("message", EVERYDAY)
def test_everyday_sentence_does_not_flag(triage: Triage, message: str) -> None:
    assert not triage.assess(message).flags, message


def test_fold_strips_greek_and_romanian_accents() -> None:
    assert fold("δεν αναπνέει") == "δεν αναπνεει"
    assert fold("nu mai respiră, ș ț") == "nu mai respira, s t"


@pytest.mark.parametrize(
    ("lang", "message", "category"), CONCEPT_EMERGENCIES, ids=[f"{e[0]}-{e[2]}" for e in CONCEPT_EMERGENCIES]
)
def test_cue_and_sign_in_another_language_flag(triage: Triage, lang: str, message: str, category: str) -> None:
    keys = [flag.key for flag in triage.assess(message).flags]
    assert category in keys, f"{lang}: {message} -> {keys}"


@pytest.mark.parametrize("message", CONCEPT_NOT_NOW)
def test_cue_and_sign_negated_past_or_general_do_not_flag(triage: Triage, message: str) -> None:
    assert not triage.assess(message).flags, message

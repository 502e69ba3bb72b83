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

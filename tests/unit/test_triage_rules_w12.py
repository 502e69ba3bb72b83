"""Rule round from writer 12: red flags told by what is seen or done, and look-alikes framed as teaching or lookups.

Every phrasing here is a paraphrase, not a row of the tuning data; the rules are meant for the class of wording.
"""

from __future__ import annotations

import pytest

from safety.triage import Triage


def keys(text: str) -> tuple[str, ...]:
    return tuple(Triage(None).assess(text).keys)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # breathlessness shown by posture or by words per breath
        (
            "Leaning forward over the kitchen table with my arms on the chair, I can barely drag any air in.",
            "breathing",
        ),
        ("Dad needs a breath between every word and is sat hunched forward with his hands on his knees.", "breathing"),
        ("She can't finish a sentence without gasping for breath.", "breathing"),
        # one-sided weakness with a face that drips or droops
        ("His right arm has gone useless and water is running out of the corner of his mouth.", "stroke"),
        ("Mum's smile looks lopsided and her left hand won't grip the cup.", "stroke"),
        # a spreading redness from a wound with rigors or confusion
        ("The bite on my arm has redness creeping up towards my elbow and now I'm shivering and muddled.", "sepsis"),
        # sudden severe testicular pain
        ("My son, 11, has sudden severe pain in his left testicle and keeps vomiting.", "paediatric"),
        ("Teenager with a swollen scrotum, pain started suddenly an hour ago.", "paediatric"),
        # an ill baby with a sunken fontanelle
        ("Baby is 5 months, floppy and off feeds, sunken soft spot, vomiting since morning.", "paediatric"),
        # a weapon waved about, a threat to kill told as reported speech
        ("A guy in reception is swinging a machete and people are screaming.", "harm_others"),
        ("There's a patient with a knife and everyone is fleeing the ward.", "harm_others"),
        ("My neighbour told me he is going to stab his girlfriend tonight.", "harm_others"),
        ("she keeps saying she's going to kill her husband when he gets in", "harm_others"),
        # affairs put in order with a farewell, and a high-risk patient missing
        ("Gave away my cat, deleted my accounts, wrote my will. Everything's in order now. Bye.", "suicide"),
        ("Patient absconded from the unit an hour ago, high risk, left a letter for her mum.", "suicide"),
        # medical-gas supply failing with patients on it; a regulator failed with the gauge at full scale
        ("Oxygen supply alarm on ICU, pressure dropping, 4 patients on ventilators.", "gas_leak"),
        ("Regulator on the argon bank stuck open, hose pressure off the scale.", "pressure"),
    ],
)
def test_described_red_flags_in_english_raise_their_category(text: str, key: str) -> None:
    assert key in keys(text)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        # a stated plan to take all of a stock of tablets
        ("No aguanto más, tengo todas las pastillas de mi abuela y me las voy a tomar hoy.", "suicide"),
        ("Je n'en peux plus, je vais avaler tous les cachets de la boîte ce soir.", "suicide"),
        # Hinglish: a machine started with someone in it, heavy bleeding
        ("Yaar, worker roller ke andar phansa tha aur kisi ne machine chalu kar di, ungli crush ho gayi.", "lockout"),
        ("bhai uska pair kat gaya, bohot khoon beh raha hai", "bleeding"),
        # Taglish: a hose or tank about to burst; a drowsy baby with no tears
        ("Kuya, yung tangke ng compressor parang puputok na, gauge nasa max.", "pressure"),
        ("Yung baby ko matamlay na, walang luha pag umiiyak, 3 araw na nagtatae.", "paediatric"),
    ],
)
def test_described_red_flags_in_other_languages_raise_their_category(text: str, key: str) -> None:
    assert key in keys(text)


@pytest.mark.parametrize(
    "text",
    [
        # figures of speech and first-person hyperbole stay quiet
        "my dad's gonna kill me when he sees the dent in the car",
        "my coach is going to murder me if I miss training again",
        # a wound healing, a posture for comfort, a weakness explained
        "Leaning forward with my hands on my knees after the 10k, took a minute to get my breath back, feel great.",
        "the GP says it's Bell's palsy, my face droops on one side but it is improving with the steroids",
        # courses of tablets and teaching frames
        "Tengo que tomar todas las pastillas del antibiótico aunque me sienta bien?",
        "Sir can you explain the difference between a STEMI and unstable angina for tomorrow's in-service?",
        "quick question re chest pain pathway: when is a repeat troponin needed? pt pain-free since this morning",
        # lookups, diet questions, self-limiting recurrences
        "ambulance non-emergency number scotland?",
        "Que alimentos debo evitar durante el embarazo? Estoy de 8 semanas.",
        "Mon fils saigne du nez parfois quand il fait chaud, ça dure deux minutes. C'est normal ?",
        # a planned exercise with its props, reviewed programmes
        "I'm coordinating next month's fire drill for the plant and we'll use smoke machines and actors. "
        "Which roles do we need, how do we brief the neighbours, and what should the debrief include? "
        "Last time a passer-by rang 999 thinking it was real, so we want clear signage this year. "
        "There's nothing wrong on site at the moment, every alarm is clear. Any templates for the sign-in sheet, "
        "a checklist for the wardens, and advice on timing would be welcome. Thanks a lot for helping out.",
    ],
)
def test_look_alikes_of_the_described_red_flags_raise_nothing(text: str) -> None:
    assert keys(text) == ()

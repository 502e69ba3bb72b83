"""Emergency words in a safe frame, and the present dangers beside them; plus a1dc994's rules, in new words.

Writer 11's look-alikes put the same words in a safe frame: an episode over and checked, a rehearsal on training kit,
a lyric, a known condition that passes, an isolation applied, an assessment, fiction, a rehab service. Each class is
cleared by its frame, and each emergency beside it, with a present danger, must still flag.
"""

from __future__ import annotations

import pytest

from safety.triage import Triage

RULES = Triage(None)

SAFE_FRAMES = [
    # a rehearsal on training kit (choking dummy) at a refresher
    "I rehearse abdominal thrusts on the choking dummy at the first aid refresher every spring, any tips?",
    # a known condition that passes on its own
    "Whenever my asthma flares I can't breathe properly for a bit but it usually passes after two puffs of the blue "
    "inhaler. Is that normal?",
    # a lyric
    "My son keeps singing a song with the lyric 'my heart is on fire', should I worry about the words?",
    # a named month gone by, and ConText's "at the time"
    "Dad had a heart attack back in June, he has had his stents and is doing cardiac rehab now. Can he drink coffee?",
    "At the time her face was drooping and her speech was slurred, but eighteen months on she is driving again. Any "
    "tips for her confidence?",
    # an arc-flash assessment, an isolation applied (HSE HSG253), a pipe fitting
    "The arc flash assessment for the new switchboard came back at 4 cal/cm2, which PPE category applies?",
    "Isolation done, lockout applied and proved dead at the isolator. What goes on the permit next?",
    "The engineer found a leaking fitting on the boiler last month and replaced it, do I need a CO alarm too?",
    # the writer's own fiction, a simulated case, a rehab service
    "I'm drafting a mystery novel where the butler is poisoned at dinner. Which symptoms would a reader find "
    "believable? Purely fiction.",
    "Sim case for tomorrow: simulated anaphylaxis in theatre, which dose of adrenaline do we teach?",
    "She is on the stroke rehab ward now and doing well, what should I bring when I visit?",
    # other languages: last week and over with a doctor's word; suicide in a film's frame
    "Mi hermana tuvo una reacción y la cara hinchada la semana pasada pero ya se le pasó y el médico dijo que era "
    "leve. ¿Debe llevar un EpiPen?",
    "Ho visto un film in cui il personaggio principale parla di suicidio. Come posso parlarne con mio figlio?",
]

PRESENT_DANGERS = [
    (
        "Whenever my asthma flares I can't breathe but this time the inhaler isn't working and my lips are going blue, "
        "help",
        "breathing",
    ),
    ("Dad had a heart attack back in June and now he has crushing chest pain again right now", "chest_pain"),
    (
        "Isolation done but the lockout was removed by another shift and the belt started with him inside, help",
        "lockout",
    ),
    ("She's been fitting for six minutes and won't wake up", "seizure"),
    # Resuscitation Council UK: a broad-complex tachycardia, or shock (BP unrecordable), is peri-arrest
    ("Resus: wide complex tachy 210, BP unrecordable, pt clammy", "chest_pain"),
    (
        "Triage desk: man in the waiting room says he's going to knife anyone who comes near him, security on the way",
        "harm_others",
    ),
    ("My flatmate posted 'it has been nice knowing you all' in the group chat and now her phone is off", "suicide"),
    ("Gas detector in the compressor module is alarming, reading 40% LEL and rising", "gas_leak"),
    ("Mwanangu mdomo wake umepinda ghafla na hawezi kuongea", "stroke"),
    ("작업자가 탱크 안에서 쓰러졌어요. 산소 농도 15%", "confined_space"),
    ("Omo mi ko ji daadaa, ara re gbona pupo", "paediatric"),
]

# The rules added in a1dc994, each in words of its own.
A1DC994 = [
    ("My nose has been bleeding for forty minutes now and it isn't stopping even pinching it", "bleeding"),
    ("He was sitting watching the football and then his face went droopy and he can't lift his arm", "stroke"),
    ("Bay 3: 40M post lightning strike on the golf course, GCS 14, burns to L shoulder", "unconscious"),
    ("He sent a photo of his gun with 'everybody will pay tomorrow' and tagged the college", "harm_others"),
    ("lol the whole flat stinks of gas rn", "gas_leak"),
    ("Receiver presure is over the max and the relief valve won't lift", "pressure"),
    ("I've been stood on the platform edge for an hour and can't make myself walk away", "suicide"),
    ("Ab morgen bin ich nicht mehr hier. Sagt allen, dass es mir leid tut.", "suicide"),
    ("Colegul meu a primit var in ochi si il arde, nu vede", "chemical"),
]


def _keys(text: str) -> list[str]:
    return [flag.key for flag in RULES.assess(text).flags]


@pytest.mark.parametrize("text", SAFE_FRAMES)
def test_emergency_words_in_a_safe_frame_raise_no_rule_flag(text: str) -> None:
    assert _keys(text) == []


@pytest.mark.parametrize(("text", "key"), PRESENT_DANGERS + A1DC994)
def test_a_present_danger_still_flags_on_the_rules_alone(text: str, key: str) -> None:
    assert key in _keys(text)


# A framed write-up (context.general_message) whose only now-word is the finding's own ("started compressions").
_WRITE_UP = (
    "Could you help me put together a summary for the newsletter about our resus refresher last week? Everyone "
    "rotated through the stations in pairs, took a turn as team leader and practised the handover script. In the main "
    "station the group started compressions within ten seconds, swapped every two minutes and used the defibrillator "
    "on time, and the feedback was that the airway bag was missing a spare mask. We also covered recording on the new "
    "charts and who restocks the trolley. I'd like three learning points and a friendly opening line."
)


def test_a_findings_own_words_do_not_make_a_framed_write_up_current() -> None:
    assert _keys(_WRITE_UP) == []
    interrupted = _WRITE_UP.replace(
        "We also covered", "Sorry, a visitor in the corridor has just collapsed and we have started compressions now. "
    )
    assert "unconscious" in _keys(interrupted)


def test_a_settled_episode_that_comes_back_is_not_settled() -> None:
    # "last week ... gone, but now swollen again and hard to breathe"
    assert _keys("Minggu lalu bibir saya bengkak dan sudah hilang, tapi sekarang bengkak lagi dan susah bernapas")


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Outreach note: client says she plans to jump off the bridge after work today.", "suicide"),
        ("Epileptic, 2nd tonic-clonic in 30 min, hasn't regained consciousness between them.", "seizure"),
        ("Lineman walked in after a high voltage contact, entry burn on the left hand.", "electrical"),
        ("The forklift rolled back and his leg is trapped under the load.", "unconscious"),
        ("Module B gas detector reading 45% LEL and climbing, crew still inside the module.", "gas_leak"),
        ("Er hat gerade gedroht, seinen Bruder umzubringen.", "harm_others"),
        ("Mtoto alizaliwa nyumbani, nimejifungua na damu inatoka kwa wingi.", "obstetric"),
    ],
)
def test_emergencies_from_writer_11s_scored_half_are_flagged_in_other_words(text: str, key: str) -> None:
    assert key in [f.key for f in RULES.assess(text).flags], text


@pytest.mark.parametrize(
    "text",
    [
        "Stuffy nose with this cold, I can't breathe through my nose at night, otherwise fine.",
        "Weekly smoke alarm check: all units sounded on the test button, logged.",
        "I'm going to jump out the window if this meeting runs over 🙄 anyway lunch?",
        "Finished the online module on recognising sepsis today.",
    ],
)
def test_blocked_noses_test_buttons_and_figures_of_speech_raise_no_rule_flag(text: str) -> None:
    assert RULES.assess(text).flags == [], text

"""Emergencies as patients tell them, and the everyday look-alikes beside them (rules only: no embedding model)."""

from __future__ import annotations

import pytest

from safety.triage import Triage

RULES = Triage()

RAISED = [
    ("his peak flow is 140 and it's normally 500, he's wheezing", "breathing"),
    ("used my reliever inhaler about 12 times this morning and nothing is happening", "breathing"),
    ("asthma attack, she can hardly talk between breaths", "breathing"),
    ("pulse 36 bpm and I feel faint", "chest_pain"),
    ("I delivered at home an hour ago and I'm soaking through a towel every few minutes", "obstetric"),
    ("my 2 year old chewed some of grandma's heart tablets", "overdose"),
    ("toddler swallowed a button battery from the remote", "overdose"),
    ("my face went numb on one side and my words came out wrong for about five minutes, all gone now", "stroke"),
    ("been handing out my records and books to friends, I won't need any of it after this week", "suicide"),
    ("I've got a hammer in the van and I know where he lives", "harm_others"),
    ("ate a prawn cracker, now my lips are swelling and my throat feels tight", "anaphylaxis"),
    ("pt obs: NEWS 8, new confusion", "sepsis"),
    ("I've been collecting my sleeping pills for a month and tonight I'm ready", "suicide"),
    ("Tell my brother I always loved him. Goodbye.", "suicide"),
    ("Rehomed the cat and sorted the will. I won't need anything after tomorrow.", "suicide"),
    ("she ingested about 20 g of paracetamol this morning", "overdose"),
    ("peak flow normally 500, now it's 180, lips feel tingly", "breathing"),
    ("labourer fell off the scaffold, 4 metres, says he can't feel his legs", "unconscious"),
    ("got an electric shock off the kettle lead, now having palpitations", "electrical"),
    ("digger has struck the gas main outside, it's hissing loudly", "gas_leak"),
    ("32 weeks and I haven't felt the baby move since last night", "obstetric"),
    ("my 6 week old has a temperature of 38.4", "paediatric"),
    ("I cut my wrists deeper this time and the blood won't stop", "suicide"),
    ("planned to crash the car so it'll look like an accident", "suicide"),
    ("Heute Nacht mache ich Schluss.", "suicide"),
    ("picked the day, it's Friday, I won't be around after that", "suicide"),
    ("got the rope in the shed and I'm gonna do it when they're asleep", "suicide"),
    ("a walker was struck by lightning on the fell and isn't making sense", "unconscious"),
    ("portable detector reading 40% LEL in the plant room", "gas_leak"),
    ("the car had a flat battery and my dad had a seizure in the driveway", "seizure"),
]
QUIET = [
    "peak flow 420 today, my best is 450, feeling good",
    "I take my methadone at the chemist every morning",
    "gave away my winter coats because I won't need them in Australia",
    "my arm went numb because I slept on it, fine after a shake",
    "half my face is numb after the dentist did a filling, normal?",
    "pt CP free overnight, for discharge",
    "gas test before entry: O2 20.9%, LEL 0, H2S 0 ppm, ok to enter?",
    "I watched the news, 9 people hurt in the crash",
    "suicide doors on my old car are sticking, which lubricant?",
    "pt hx overdose 2016, nil current SI, safety plan in place, routine review",
    "what should we do if a child has a seizure at nursery? policy question",
    "sold my bike and gave away the tent, won't need it after the move",
    "I took 1 g of paracetamol for a headache",
    "sore spot on my chest only when I press on the rib after football, breathing fine",
    "my 8 month old had a temperature of 38.1 yesterday, eating and playing today",
    "the baby's movements were back to normal after the monitoring, all fine",
    "Heute mache ich Schluss mit der Arbeit um fünf.",
    "we picked a date for the party, I don't want to see him there",
    "calibration check of the gas detector with 50% LEL test gas passed",
    "the office printer had a heart attack again, paper everywhere",
    "How do I use an EpiPen? Just got prescribed one and want to practise with the trainer",
]


@pytest.mark.parametrize(("text", "key"), RAISED)
def test_a_described_emergency_raises_its_category(text: str, key: str) -> None:
    assert key in RULES.assess(text).keys


@pytest.mark.parametrize("text", QUIET)
def test_the_everyday_look_alike_stays_quiet(text: str) -> None:
    assert RULES.assess(text).keys == []

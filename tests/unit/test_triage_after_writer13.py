"""Classes writer 13 exposed after its one scoring (fixed afterwards, not counted): a message opening with "no" is
still read whole by the probe, someone down is never an all-clear, affairs in order with a farewell, pill plans and
reported threats in French, soaking a pad in minutes. New phrasings, not the scored rows."""

from __future__ import annotations

import pytest

from safety.triage import Triage
from safety.triage.context import quiet

RULES = Triage(None)


def test_a_message_opening_with_no_is_read_whole_by_the_probe(triage: Triage) -> None:
    assert "suicide" in triage.assess("no reason to stay. pills are counted out on the table. bye everyone").keys
    assert triage.assess("no chest pain, no shortness of breath, just a cough for three days").flags == []


def test_someone_not_moving_is_never_an_all_clear() -> None:
    assert quiet("the alarm stopped, everyone is fine now")
    assert not quiet("the alarm stopped but my colleague is lying there not moving")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "wrote my will and gave my cat to the neighbour. won't need the app after friday. thanks for everything",
            "suicide",
        ),
        ("J'ai tous mes cachets ici, je compte tout avaler cette nuit.", "suicide"),
        ("mon ex a dit qu'il va tuer ma soeur, il est devant la maison", "harm_others"),
        ("she's soaking a pad every 20 minutes since the birth and feels dizzy", "bleeding"),
    ],
)
def test_described_emergencies_raise_their_category(text: str, expected: str) -> None:
    assert expected in RULES.assess(text).keys


@pytest.mark.parametrize(
    "text",
    [
        "I change my pad every four hours on heavy days, is that normal?",
        "gave the dog to my sister for the holidays, won't need the kennel after this weekend",
        "ce patron va le tuer, ce projet, il y travaille jour et nuit",
    ],
)
def test_look_alikes_of_those_classes_stay_quiet(text: str) -> None:
    assert RULES.assess(text).flags == []

"""Redaction classes found on writer 9's spent test half: label names in capitals, account cues, extensions, and
what must stay (eponymous diseases named by any capitalised words, subnets)."""

from __future__ import annotations

import pytest

from app.privacy import redact


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("RITE AID  RX 118  GUTIERREZ PALMA, ROSA  LISINOPRIL 10MG TAKE 1 DAILY", "ROSA"),
        ("Label: NWOSU,ADAEZE  F  warfarin 3 mg", "NWOSU"),
        ("Outstanding balance on acct 88231-B, please pay at reception.", "88231"),
        ("Vitality membership 5512-0093-7781 covers the scan.", "0093"),
        ("If the pump alarms again please call the biomed lead on x4417.", "4417"),
    ],
)
def test_label_names_accounts_and_extensions_are_removed(text: str, gone: str) -> None:
    assert gone not in redact(text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Differential: Ramsay Hunt syndrome versus Bell's palsy.", "Ramsay Hunt syndrome"),
        ("Von Willebrand screen sent; factor VIII pending.", "Von Willebrand screen"),
        ("Switch down; affected subnet 10.20.30.0/24 on floor 2.", "10.20.30.0/24"),
        ("TAKE 2 TABS, DAILY WITH FOOD", "TAKE 2 TABS, DAILY"),
        ("Obs: BP, HR, RR done; CXR, ABG requested.", "CXR, ABG"),
        ("account 5082 for the ward budget", "for the ward budget"),
    ],
)
def test_eponyms_subnets_instructions_and_plain_words_stay(text: str, kept: str) -> None:
    assert kept in redact(text)

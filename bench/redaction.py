"""Redaction benchmark: time to redact a 50-word message and a 2,000-word note before they reach the model.

Every model-bound turn is redacted (``app.privacy.redact``), so its cost adds to each turn. The baseline, timed in the
same run, is the e-mail rule alone: one regular expression over the same text, the least a redactor can do.
"""

from __future__ import annotations

import re
import time

from app.privacy import name_words, redact
from bench.machine import timed
from safety.redaction.lexicon import dictionary, name_lists
from safety.redaction.places import places

FIFTY = (
    "Hi, this is Maria Gonzalez, my dad Tevita Fifita (DOB 03/04/1948, NHS 943 476 5919) lives in Auckland and "
    "takes warfarin 5 mg and bisoprolol. His INR was 4.2 on 12/06/2024. Call me on +44 7700 900123 or "
    "maria.g@example.com, he is in bed 6."
)
_NOTE = (
    "Bed {n}: Mr Okafor, 8{n} yo, admitted 1{h}/03/2024 with CAP, on co-amoxiclav 1.2 g IV TDS, NEWS2 {h}. ",
    "Daughter Rukhsana rang on 07700 90{n:04d}, lives in Leeds, asked about discharge. Plan: repeat CRP at 06:00. ",
    "Pump VNT-{n:04d} alarm E-27 reset by tech at {h}:15, P/N MX-98980{n:04d} ordered, no patient harm. ",
)
NOTE = "".join(_NOTE[i % 3].format(n=i % 40 + 1, h=i % 9 + 1) for i in range(110))
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.-]+")

NOTES = """
The redactor runs several passes (shapes, phones, names, places, labelled ids) until the text stops changing; the
lists (web2, Census and given names, 82k places, drug names) load once per process and are not timed here.
"""


def run(runs: int = 60) -> dict[str, object]:
    started = time.perf_counter()
    dictionary(), name_lists(), name_words(), places()
    load_s = time.perf_counter() - started
    result: dict[str, object] = {}
    for name, text, n in (("50 words", FIFTY, runs), ("2,000 words", NOTE, max(8, runs // 6))):
        base = timed(lambda t=text: _EMAIL.sub("[EMAIL]", t), n)  # type: ignore[misc]
        full = timed(lambda t=text: redact(t), n)  # type: ignore[misc]
        result[f"{name}: e-mail rule only"] = base
        result[f"{name}: full redaction"] = full
        result[f"{name}: ratio to the e-mail rule (median)"] = round(full["median_ms"] / base["median_ms"], 1)
    result["words"] = {"50 words": len(FIFTY.split()), "2,000 words": len(NOTE.split())}
    result["load lists once per process (s)"] = round(load_s, 2)
    return result


if __name__ == "__main__":
    print(run())  # noqa: T201

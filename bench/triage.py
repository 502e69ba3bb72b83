"""Triage benchmark: time per message for a 50-word and a 2,000-word message, both detectors vs the rules alone."""

from __future__ import annotations

import time

from bench.machine import summary
from retrieval import DEFAULT_CACHE
from retrieval.embeddings import MiniLMEmbedder
from safety.triage import SemanticDetector, Triage

FIFTY = (
    "Hi, quick question about my dad. He is 78, takes warfarin and bisoprolol, and this afternoon after lunch he "
    "said his left arm felt heavy and his words came out wrong for a few minutes, then it settled. He seems fine "
    "now and wants to nap. Should we just watch him tonight?"
)
_ROUTINE = (
    "Bed {n} had a quiet night, observations stayed in range and the dressing was changed at {h}:00. ",
    "Pharmacy sent up the order for ward {n} and the trolley was restocked before {h}:30. ",
    "Physio saw the patient in bed {n} at {h}:15 and mobilised with a frame to the bathroom. ",
)
# Distinct sentences: a repeated one would be embedded once and make the long message look cheaper than it is.
FILLER = [_ROUTINE[i % 3].format(n=i % 40 + 1, h=i % 24) for i in range(120)]
EMERGENCY = "Bed 6 suddenly has a facial droop and slurred speech. "
LONG = ("".join(FILLER[:60]) + EMERGENCY + "".join(FILLER[60:])).strip()

NOTES = """
Targets (issue 17): p95 under 15 ms for a 50-word message with the embedding model loaded once per process.
The baseline is the rule detector alone, timed in the same run; the semantic detector embeds every sentence and
adjacent pair (a 2,000-word message is about 240 segments, embedded in batches).
"""


def _time(triage: Triage, text: str, runs: int) -> dict[str, float]:
    triage.assess(text)  # warm caches and the ONNX session
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        triage.assess(text)
        samples.append(time.perf_counter() - started)
    return summary(samples)


def run(runs: int = 60) -> dict[str, object]:
    started = time.perf_counter()
    # memory=0: every run embeds every sentence again, as a new message would (the product's embedder remembers)
    both = Triage(SemanticDetector(MiniLMEmbedder(cache_dir=DEFAULT_CACHE, memory=0)))
    setup_s = time.perf_counter() - started
    rules = Triage(None)
    result: dict[str, object] = {}
    for name, text, n in (("50 words", FIFTY, runs), ("2,000 words", LONG, max(8, runs // 6))):
        base = _time(rules, text, n)
        full = _time(both, text, n)
        result[f"{name}: rules only"] = base
        result[f"{name}: rules + semantic"] = full
        result[f"{name}: ratio to rules only (median)"] = round(full["median_ms"] / base["median_ms"], 1)
    result["words"] = {"50 words": len(FIFTY.split()), "2,000 words": len(LONG.split())}
    result["flags on the 2,000-word message"] = both.assess(LONG).keys
    result["load embedder and bank (s)"] = round(setup_s, 2)
    return result


if __name__ == "__main__":
    print(run())

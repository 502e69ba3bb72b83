"""Build retrieval/data/paraphrases.json: the words people use -> the words maintenance logs use.

A technician or a nurse describing a fault rarely uses the log's words: "luggage hatch" for "baggage door", "motor"
for "engine", "keeps beeping" for "alarm". The table maps such words to the corpus's own words, which search appends
(never substitutes: "cover" stays "cover"). Sources, all read at build time only:

- the log corpora (retrieval/data, from MaintNet and CareForge's medical-equipment logs) and the MaintNet term bank
  and grammar list: the vocabulary a target must belong to;
- WordNet 3.0 (Princeton, WordNet licence; Debian ``wordnet-base``): synonyms sharing a synset with a corpus word;
- maintenance part and symptom groups written for CareForge (GROUPS below) from the MaintNet term bank, MaintIE's
  entity classes (PhysicalObject, UndesirableState) and the medical-equipment logs' fault words.

A word the logs already use often is left alone: it matches itself, and WordNet's other senses of common words
("run", "set") would add noise. Run: ``python scripts/build_paraphrases.py`` (needs ``apt-get install wordnet-base``).
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "retrieval" / "data"
SHARED = ROOT.parent / "shared" / "data" / "maintenance"
WORDNET = Path("/usr/share/wordnet")
OUT = DATA / "paraphrases.json"
MIN_TARGET = 3  # a target word occurs at least this often in the logs
MAX_SOURCE = 2  # a source word occurring more often than this in the logs is the logs' own word: no entry
MAX_TARGETS = 3
MAX_SENSES = 3
# Canonical log word first, then the other words people use for it. Written from the sources named above.
GROUPS = [
    "engine motor powerplant",
    "aircraft plane airplane aeroplane airframe",
    "helicopter chopper heli rotorcraft",
    "baffle deflector shroud",
    "cowling cowl bonnet",
    "door hatch",
    "baggage luggage bags cargo hold",
    "cylinder jug pot",
    "intake induction inlet",
    "gasket seal",
    "rocker valve",
    "exhaust tailpipe",
    "leaking leak leaky dripping drips dripped seeping seeps weeping oozing",
    "loose slack wobbly loosened undone",
    "cracked crack split fractured",
    "broken snapped busted smashed shattered bust",
    "sheared snapped",
    "missing gone lost absent",
    "worn frayed threadbare",
    "torn ripped shredded tear",
    "chafing rubbing chafed",
    "aft rear back",
    "forward front",
    "nose front",
    "left port",
    "right starboard",
    "quit died stalled conked cut",
    "rough shaking shuddering sputtering stumbling misfiring vibrating",
    "start crank startup cranking",
    "alternator generator charging",
    "battery batteries",
    "fuel gas petrol avgas",
    "oil lubricant",
    "temperature temp heat hot overheating overheat",
    "pressure psi",
    "gauge dial meter readout",
    "compression",
    "rpm revs",
    "smoke smoking fumes",
    "noise noisy squeal squealing grinding rattling rattle",
    "inoperative dead unresponsive nonfunctional inop",
    "tire tyre",
    "wheel wheels",
    "brake brakes braking",
    "flap flaps",
    "propeller prop",
    "takeoff departure",
    "landing touchdown",
    "hydraulic hydraulics",
    "alarm alarms alarming beeping beeps beep beeped alert alerting chiming buzzing",
    "occlusion blockage blocked clog clogged obstruction obstructed kinked",
    "air bubbles bubble",
    "images pictures picture scans scan",
    "display screen monitor",
    "detector panel plate",
    "probe sensor",
    "error fault code",
    "calibration calibrate recalibrate",
    "intermittent sometimes occasionally flickering flaky",
    "leads wires cables",
    "cuff sleeve",
    "keypad buttons keys button key",
    "audible sound sounds volume",
    "console workstation",
    "tubing tube line",
    "artefact artifact stripes streaks lines",
    "ventilator vent breathing respirator",
    "pump infusion",
    "analyser analyzer machine",
    "defibrillator defib",
    "autoclave steriliser sterilizer",
    "reads shows displays",
    "low under below",
    "high over above",
    "replaced swapped changed",
    "charge charging",
    "power electricity mains",
    "shock zap",
]
_WORD = re.compile(r"[a-z][a-z'-]*")


def corpus_counts() -> Counter[str]:
    """Word counts over the log problems and fixes, and the MaintNet term bank."""
    counts: Counter[str] = Counter()
    for name in ("maintnet_aviation_logs.csv", "medical_equipment_logs.csv"):
        with (DATA / name).open(encoding="utf-8-sig") as fh:
            for row in csv.DictReader(fh):
                for field in ("PROBLEM", "ACTION", "problem", "action"):
                    counts.update(_WORD.findall((row.get(field) or "").lower()))
    with (SHARED / "maintnet_aviation" / "Aviation_TermBanks_Dataset.csv").open(encoding="utf-8-sig") as fh:
        for row in csv.DictReader(fh):
            counts.update(_WORD.findall(row["Word"].lower()))
    return counts


def wordnet_synonyms() -> dict[str, set[str]]:
    """Single-word lemma -> the other single-word lemmas of its synsets (nouns, verbs, adjectives).

    Only words with at most MAX_SENSES synsets: "sound" has 40, and its synonyms ("good", "go") are other senses.
    """
    synonyms: dict[str, set[str]] = defaultdict(set)
    senses: Counter[str] = Counter()
    if not WORDNET.is_dir():
        return synonyms
    for part in ("noun", "verb", "adj"):
        for line in (WORDNET / f"data.{part}").read_text(encoding="latin-1").splitlines():
            if line.startswith(" "):
                continue  # the licence header
            fields = line.split()
            count = int(fields[3], 16)
            words = {w.lower().split("(")[0] for w in fields[4 : 4 + 2 * count : 2]}
            words = {w for w in words if w.isalpha()}
            for word in words:
                synonyms[word] |= words - {word}
                senses[word] += 1
    return {w: s for w, s in synonyms.items() if senses[w] <= MAX_SENSES}


def lemmas(word: str) -> list[str]:
    """The word and the stems a plain suffix rule gives (as retrieval/paraphrase.py does at query time)."""
    out = [word]
    for suffix, repl in (
        ("ies", "y"),
        ("es", ""),
        ("s", ""),
        ("ied", "y"),
        ("ed", ""),
        ("ed", "e"),
        ("ing", ""),
        ("ing", "e"),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)] + repl
            out.append(stem)
            if len(stem) > 3 and stem[-1] == stem[-2] and not repl:
                out.append(stem[:-1])  # snapped -> snapp -> snap
    return out


def build() -> dict[str, object]:
    counts = corpus_counts()
    # the logs' surface forms by lemma: "leak" -> leaking, leaks, leak (most frequent first)
    forms: dict[str, list[str]] = defaultdict(list)
    for word, _ in counts.most_common():
        if counts[word] >= MIN_TARGET:
            for lemma in dict.fromkeys(lemmas(word)):
                forms[lemma].append(word)
    table: dict[str, list[str]] = defaultdict(list)

    def add(source: str, target: str, curated: bool = False) -> None:
        # A curated word may be common in the logs ("back" for "aft") as long as the log word is commoner still.
        limit = counts[target] if curated else MAX_SOURCE
        if source == target or counts[source] > limit or target in table[source]:
            return
        if counts[target] >= (1 if curated else MIN_TARGET) and len(table[source]) < MAX_TARGETS:
            table[source].append(target)

    for group in GROUPS:
        canonical, *others = group.split()
        for other in others:
            add(other, canonical, curated=True)
    for source, synonyms in sorted(wordnet_synonyms().items()):
        if counts[source] > MAX_SOURCE or len(source) < 3:
            continue
        targets = sorted({f for s in synonyms for f in forms.get(s, [])[:1]}, key=lambda w: -counts[w])
        for target in targets:
            add(source, target)
    entries = {k: v for k, v in sorted(table.items()) if v}
    out = {
        "sources": "CareForge maintenance groups (from the MaintNet term bank, MaintIE classes, the bundled logs); "
        "WordNet 3.0 synonyms (Princeton University, WordNet licence) restricted to words the logs use",
        "entries": entries,
    }
    OUT.write_text(json.dumps(out, indent=0) + "\n", encoding="utf-8")
    return {"entries": len(entries), "from_groups": sum(len(g.split()) - 1 for g in GROUPS)}


if __name__ == "__main__":
    print(build())

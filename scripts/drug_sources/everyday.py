"""English words that are close to a drug name: free text must not fuzzy-match them to a medicine.

Built from the public-domain Webster's Second (web2) list shipped in the ``english-words`` package, when it is
installed; without it the list is empty and only the product's own common-word list applies.
"""

from __future__ import annotations

from drug_sources.salts import SALT_WORDS
from rapidfuzz import fuzz, process

CUTOFF = 80.0  # the product's free-text fuzzy cutoff (tools/drugs/misspell.py PROSE_FUZZY_CUTOFF)


def everyday_words(targets: set[str]) -> list[str]:
    """Dictionary words of five or more letters scoring >= CUTOFF against a target and not themselves targets."""
    try:
        from english_words import get_english_words_set
    except ImportError:
        return []
    # The build puts the repo root on sys.path first.
    from tools.drugs.misspell import SKELETON_MIN, SOUND_FUZZY_CUTOFF, SOUND_MIN, skeleton
    from tools.drugs.prose import phonetic

    words = {w for w in get_english_words_set(["web2"], lower=True) if len(w) >= 5 and w.isalpha()}
    buckets: dict[str, list[str]] = {}
    for t in targets:
        if " " not in t and len(t) >= 4:
            buckets.setdefault(t[0], []).append(t)
    # The product also matches misspellings by sound ("ibuprophin"): English words near a name by sound count too.
    sounds: dict[str, list[str]] = {}
    for t in targets:
        key = phonetic(t)
        if " " not in t and len(key) >= SOUND_MIN:
            sounds.setdefault(key[:1], []).append(key)
    # And by vowel skeleton ("xeralto" ~ xarelto): "veteran" and "limestone" share one with a brand.
    skeletons = {skeleton(t) for t in targets if " " not in t and len(t) >= SKELETON_MIN}
    out = []
    for w in sorted(words - targets):
        if len(w) >= SKELETON_MIN and skeleton(w) in skeletons:
            out.append(w)
            continue
        bucket = buckets.get(w[0])
        if bucket and process.extractOne(w, bucket, scorer=fuzz.ratio, score_cutoff=CUTOFF):
            out.append(w)
            continue
        key = phonetic(w)
        near = [k for k in sounds.get(key[:1], []) if abs(len(k) - len(key)) <= 1] if len(key) >= SOUND_MIN else []
        if near and process.extractOne(key, near, scorer=fuzz.ratio, score_cutoff=SOUND_FUZZY_CUTOFF):
            out.append(w)
    return out


def prose_ingredients(names: set[str], interacting: frozenset[str] = frozenset()) -> list[str]:
    """Ingredient names safe to spot in free text: multi-word names, and single words that are not English words.

    "polyethylene glycol" or "nystatin" in a question is a medicine; "water" or "apple" is not. A name that starts
    with an English word but ends in a non-English one of six letters or more is a medicine too ("silver
    sulfadiazine"), unless its first word is an interacting ingredient ("codeine polistirex" stays "codeine").
    """
    try:
        from english_words import get_english_words_set
    except ImportError:
        english: set[str] = set()
    else:
        english = get_english_words_set(["web2"], lower=True)
    out = []
    for n in names:
        words = n.split()
        if not all(w.isalpha() for w in words) or len(n) > 30 or len(words) > 3:
            continue
        if n in SALT_WORDS:  # a counter-ion alone ("sulfate" after "IV magnesium") names no medicine
            continue
        if (len(words) > 1 and not all(w in english for w in words[:1])) or (
            len(words) == 1 and len(n) >= 6 and n not in english
        ):
            out.append(n)
        elif len(words) > 1 and words[-1] in _MEDICINE_SUFFIXES:
            out.append(n)
        elif len(words) > 1 and len(words[-1]) >= 6 and words[-1] not in english and words[0] not in interacting:
            out.append(n)
    return sorted(out)


# Second words that make a two-word name a medicine even when both words are English ("sodium chloride").
_MEDICINE_SUFFIXES = frozenset(
    "chloride sulfate gluconate oxide glycol oil carbonate citrate acetate phosphate "
    "hydroxide bicarbonate subsalicylate peroxide fumarate".split()
)

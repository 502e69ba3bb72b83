"""Misspelling tolerance for drug names: close spellings, sound-alikes, misspelt word pairs and split brands.

Every guess is refused when two different medicines are about as close (AMBIGUITY_MARGIN), so a slip is read only
when it can stand for one medicine.
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from tools.drugs.models import NameMatch, Resolution
from tools.drugs.prose import kind_of, phonetic

Words = list[tuple[str, int, int]]  # (key word, start, end); "" marks a list separator
PROSE_FUZZY_CUTOFF = 80.0  # free text is noisier, so demand more, and never for everyday English words
# A misspelling of a short name (six letters or fewer) keeps its length within one letter ("xanex", "corag");
# two letters more or less at ratio 80 is another word ("Karvea", a foreign brand of irbesartan, -> kava).
SHORT_WORD = 6
# Sound-alike keys are shorter and already forgive ph/f, c/k, doubled letters: demand a closer match on them.
SOUND_FUZZY_CUTOFF = 86.0
SOUND_MIN = 7  # shorter sound keys sit near too many English words ("class" ~ "colace")
PAIR_FUZZY_CUTOFF = 88.0  # word pairs: longer strings, so a higher ratio still allows one or two slips
PAIR_SOUND_MIN = 5  # letters in a word run read by its sound-alike key
AMBIGUITY_MARGIN = 3.0
LONG_WORD = 8
SKELETON_MIN = 7  # shorter vowel skeletons sit near too many English words
_VOWELS = str.maketrans("aeiouy", "______")


def skeleton(word: str) -> str:
    """The word with every vowel blanked: a misspelling of vowels only keeps it."""
    return word.translate(_VOWELS)


def _short_words_kept(span: list[str], parts: list[str]) -> bool:
    """Whether every word of one or two letters in a run of words is the name's word there too."""
    if len(parts) != len(span):
        return True
    return all(typed == part for typed, part in zip(span, parts, strict=True) if min(len(typed), len(part)) <= 2)


# a tie between close names is broken by a single slip only in words this long


class Misspellings:
    """Fuzzy indexes over a resolver's phrase table (name key -> name) and targets (name -> ingredients)."""

    def __init__(
        self, phrases: dict[str, str], targets: dict[str, list[str]], exact: set[str], exact_only: frozenset[str]
    ) -> None:
        """Index names that may be matched loosely; ``exact`` names never are."""
        self._phrases, self._targets = phrases, targets
        # Two- and three-word names for fuzzy matching of word runs ("potasium chloride", "St Johns wart").
        self._pairs: dict[str, list[str]] = {}
        # Sound-alike keys of word runs ("z pack" ~ "z pak"), read exactly; a key two medicines share is dropped.
        pair_sound: dict[str, str | None] = {}
        # Single words bucketed by first letter: misspellings nearly always keep it, and it keeps lookups fast.
        self.buckets: dict[str, list[str]] = {}
        # Sound-alike keys of single-word names ("lasics" -> "lasix"); a key two names share is dropped.
        sound: dict[str, str | None] = {}
        # Two-word names whose second word is a short suffix ("claritin d", "tylenol pm"): a misspelt first word
        # still reaches the combination product.
        self._suffixed: dict[str, list[str]] = {}
        for key, name in phrases.items():
            parts = key.split()
            # A name ending in a one-letter word ("calcium plus d") is not fuzzy-matched over word runs: one letter
            # more or less is another phrase ("calcium plus iron"); suffixed() reads misspelt "claritin d" instead.
            if len(parts) in (2, 3) and name not in exact and len(parts[-1]) > 1:
                self._pairs.setdefault(key[0], []).append(key)
                k = " ".join(phonetic(p) for p in parts)
                same = pair_sound.get(k, name) == name or targets[pair_sound.get(k) or name] == targets[name]
                pair_sound[k] = name if same else None
            if len(key) >= 4 and len(parts) == 1 and name not in exact:
                self.buckets.setdefault(key[0], []).append(key)
            if len(key) >= 5 and len(parts) == 1 and name not in exact:
                k = phonetic(key)
                sound[k] = name if sound.get(k, name) == name else None
            if len(parts) == 2 and len(parts[1]) <= 3 and len(parts[0]) >= 4 and name not in exact_only:
                self._suffixed.setdefault(parts[1], []).append(parts[0])
        self.sound = {k: v for k, v in sound.items() if v is not None}
        self._pair_sound = {k: v for k, v in pair_sound.items() if v is not None}
        # Vowel skeletons of long single-word names ("x_r_lt_"): a slip of vowels only keeps the consonants, their
        # order and the length ("xeralto" for xarelto); a skeleton two medicines share is dropped.
        skeletons: dict[str, str | None] = {}
        for bucket in self.buckets.values():
            for key in bucket:
                if len(key) >= SKELETON_MIN:
                    k, name = skeleton(key), phrases[key]
                    same = skeletons.get(k, name) == name or targets[skeletons.get(k) or name] == targets[name]
                    skeletons[k] = name if same else None
        self._skeletons = {k: v for k, v in skeletons.items() if v is not None}
        self._sound_buckets: dict[str, list[str]] = {}
        for k in self.sound:
            if len(k) >= SOUND_MIN:
                self._sound_buckets.setdefault(k[0], []).append(k)
        self.word = lru_cache(maxsize=4096)(self._word)
        self._slip_cache: dict[str, bool] = {}

    def ranked(self, typed: str, text: str, cutoff: float, choices: list[str]) -> NameMatch:
        """The closest name among ``choices`` at ``cutoff`` or above, ambiguous when another medicine is as close."""
        if len(text) < 4:
            return NameMatch(typed=typed, resolution=Resolution.UNKNOWN)
        hits = process.extract(text, choices, scorer=fuzz.ratio, limit=5, score_cutoff=cutoff)
        if not hits:
            return NameMatch(typed=typed, resolution=Resolution.UNKNOWN)
        best_name, best_score, _ = hits[0]
        best_name = self._phrases.get(best_name, best_name)
        best = self._targets[best_name]
        rivals = [
            self._phrases.get(name, name)
            for name, score, _ in hits[1:]
            if best_score - score <= AMBIGUITY_MARGIN and self._targets[self._phrases.get(name, name)] != best
        ]
        if rivals and not self._one_slip(text, best_name, rivals):
            return NameMatch(
                typed=typed, resolution=Resolution.AMBIGUOUS, candidates=[best_name, *rivals], score=best_score
            )
        return NameMatch(typed=typed, resolution=Resolution.FUZZY, ingredients=list(best), score=best_score)

    @staticmethod
    def _one_slip(text: str, best: str, rivals: list[str]) -> bool:
        """A long word one slip from the best name and two or more from every rival: no real tie.

        "prednisalone" is prednisolone, not prednisone: one slip is far likelier than two.
        """
        if len(text) < LONG_WORD or Levenshtein.distance(text, best, score_cutoff=1) > 1:
            return False
        return all(Levenshtein.distance(text, r) >= 2 for r in rivals)

    def _word(self, word: str) -> NameMatch | None:
        """One word of free text that is not an everyday word, read as a misspelt name (cached)."""
        sounds = self.sound.get(phonetic(word))
        if sounds is not None:
            ingredients = list(self._targets[sounds])
            return NameMatch(
                typed=word, resolution=Resolution.FUZZY, ingredients=ingredients, kind=kind_of(sounds, ingredients)
            )
        bucket = self.buckets.get(word[0])
        if not bucket:
            return None
        if len(word) <= SHORT_WORD:
            bucket = [k for k in bucket if abs(len(k) - len(word)) <= 1]
        match = self.ranked(word, word, PROSE_FUZZY_CUTOFF, bucket)
        if match.resolution is Resolution.UNKNOWN:
            match = self._sounds_near(word)
        if match.resolution is Resolution.UNKNOWN and len(word) >= SKELETON_MIN:
            name = self._skeletons.get(skeleton(word))
            if name is not None:
                match = NameMatch(typed=word, resolution=Resolution.FUZZY, ingredients=list(self._targets[name]))
        if match.resolution is Resolution.FUZZY:
            return match.model_copy(update={"kind": kind_of(match.ingredients[0], match.ingredients)})
        return match if match.resolution is Resolution.AMBIGUOUS else None

    def _sounds_near(self, word: str) -> NameMatch:
        """A misspelling that is near a name only once spelt as it sounds ("ibuprophin" ~ "ibuprofen")."""
        key = phonetic(word)
        if len(key) < SOUND_MIN:
            return NameMatch(typed=word, resolution=Resolution.UNKNOWN)
        near = [k for k in self._sound_buckets.get(key[0], []) if abs(len(k) - len(key)) <= 1]
        hits = process.extract(key, near, scorer=fuzz.ratio, limit=2, score_cutoff=SOUND_FUZZY_CUTOFF)
        if not hits or (len(hits) > 1 and hits[0][1] - hits[1][1] <= AMBIGUITY_MARGIN):
            return NameMatch(typed=word, resolution=Resolution.UNKNOWN)
        found = self._targets[self.sound[hits[0][0]]]
        return NameMatch(typed=word, resolution=Resolution.FUZZY, ingredients=list(found), score=hits[0][1])

    def joined(self, text: str, words: Words, i: int, exact_only: frozenset[str]) -> NameMatch | None:
        """A brand typed as two capitalised words ("Flow Max"): the joined word, matched closely."""
        if i + 1 >= len(words) or not words[i + 1][0] or words[i][2] == words[i + 1][2]:
            return None
        (first, s1, _), (second, s2, _) = words[i], words[i + 1]
        joined = first + second
        if not (text[s1].isupper() and text[s2].isupper()) or len(joined) < 6 or not joined.isalpha():
            return None
        name = self._phrases.get(joined)
        if name is not None and name not in exact_only:
            ingredients = list(self._targets[name])
            kind = kind_of(name, ingredients)
            return NameMatch(typed=joined, resolution=Resolution.FUZZY, ingredients=ingredients, kind=kind)
        match = self.ranked(joined, joined, PAIR_FUZZY_CUTOFF, self.buckets.get(joined[0], []))
        return match if match.resolution is Resolution.FUZZY else None

    def everyday_slip(self, word: str, everyday: frozenset[str]) -> bool:
        """A word one slip from an everyday word and two or more from every medicine: the everyday word is meant.

        "diabetis" is diabetes, not Diabeta.
        """
        if word not in self._slip_cache:
            near = [w for w in everyday if w[:1] == word[:1] and abs(len(w) - len(word)) <= 1]
            names = self.buckets.get(word[0], [])
            slip = any(Levenshtein.distance(word, w, score_cutoff=1) <= 1 for w in near)
            self._slip_cache[word] = slip and all(Levenshtein.distance(word, n, score_cutoff=1) > 1 for n in names)
        return self._slip_cache[word]

    def suffixed(self, words: Words, i: int) -> str | None:
        """A misspelt brand followed by its short suffix ("Claratin-D", "Tylenal PM"): the two-word name."""
        if i + 1 >= len(words) or not words[i + 1][0] or len(words[i][0]) < 5:
            return None
        heads = self._suffixed.get(words[i + 1][0])
        if not heads:
            return None
        hits = process.extract(words[i][0], heads, scorer=fuzz.ratio, limit=2, score_cutoff=PROSE_FUZZY_CUTOFF)
        if not hits or (len(hits) > 1 and hits[0][1] - hits[1][1] <= AMBIGUITY_MARGIN):
            return None
        return self._phrases[f"{hits[0][0]} {words[i + 1][0]}"]

    def pair(self, words: Words, i: int) -> tuple[int, NameMatch] | None:
        """A misspelt multi-word name over the next two or three words, when one of them is not a known name."""
        for n in (3, 2):
            span = [w for w, _, _ in words[i : i + n]]
            if len(span) < n or not all(span) or all(w in self._phrases for w in span):
                continue
            sounds = self._pair_sound.get(" ".join(phonetic(w) for w in span))
            if sounds is not None and sum(len(w) for w in span) >= PAIR_SOUND_MIN:
                ingredients = list(self._targets[sounds])
                kind = kind_of(sounds, ingredients)
                return n, NameMatch(
                    typed=" ".join(span), resolution=Resolution.FUZZY, ingredients=ingredients, kind=kind
                )
            bucket = self._pairs.get(span[0][0])
            if not bucket or sum(len(w) for w in span) < 10:
                continue
            # A word of one or two letters is kept as typed: a slip there is another word ("is magnesium" is not
            # "IV magnesium").
            bucket = [k for k in bucket if _short_words_kept(span, k.split())]
            match = self.ranked(" ".join(span), " ".join(span), PAIR_FUZZY_CUTOFF, bucket)
            if match.resolution is Resolution.FUZZY:
                return n, match
        return None

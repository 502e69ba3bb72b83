"""Turn what people type (brands, salts, misspellings, free text) into knowledge-base ingredients."""

from __future__ import annotations

import re
import unicodedata

from tools.drugs import context as ctx
from tools.drugs.combos import APAP_DOSE, APAP_OPIOIDS, adds_thiazide
from tools.drugs.context import dose_follows, form_after, listed_after
from tools.drugs.knowledge_base import DrugKnowledgeBase
from tools.drugs.misspell import Misspellings, Words
from tools.drugs.models import NameMatch, Resolution
from tools.drugs.prose import (
    LIST_JOINS,
    LISTED_MINERALS,
    SUPPLEMENT_MINERALS,
    candidate_items,
    is_everyday_word,
    kind_of,
    names_a_person,
    phonetic,
    readable_in_prose,
    stem_words,
)
from tools.drugs.shorthand import clipping_in_context
from tools.drugs.slang import slang_plurals

# Salt, ester and release-form words that do not change the interacting ingredient.
_FORM_WORDS = frozenset(
    "sodium potassium calcium magnesium hydrochloride hcl hydrobromide sulfate sulphate succinate tartrate "
    "besylate maleate mesylate fumarate citrate acetate phosphate bromide chloride dihydrate monohydrate "
    "trihydrate hyclate disodium dipropionate propionate valerate er xl xr sr cr la dr ec odt ir extended "
    "pamoate delayed release tablet tablets tab tabs capsule capsules cap caps oral injection solution suspension "
    "mg mcg g ml units iu".split()
)
_DOSE = re.compile(r"\b\d+(?:\.\d+)?\s*(?:mg|mcg|µg|g|ml|iu|units?|%)?\b", re.IGNORECASE)
# Free text is cut into segments at list separators so a name never spans two list items.
# A full stop ends a segment, except after "St" ("St. John's wort").
# "&" and a lone "+" between words are read as "and" (LIST_JOINS), so that a product named with one
# ("Advil Cold & Sinus", "Calcium + D") is one phrase, while a list joined by them still splits as with "and".
# A full stop ends a segment, except after "St" ("St. John's wort") and after "No" before a number ("Tylenol No. 1").
_SEGMENT = re.compile(
    r"[,;/|\n\r\t()\[\]{}!?:]+|\+(?=\S)|(?<=\S)\+|(?<![sS][tT])(?<!\b[nN][oO])\.(?:\s|$)"
    r"|(?<=\b[nN][oO])\.(?!\s*\d)(?:\s|$)"
)
# A slash between letters may join one combination ("pip/tazo"); each part is still read alone ("clarithro/simva").
_SLASHED = re.compile(r"[^\W\d_]/[^\W\d_]")
_TOKEN = re.compile(r"[^\W_]+(?:['’.\-][^\W_]+)*|(?<=\s)[&+](?=\s)", re.UNICODE)
_JOIN_WORDS = {"&": "and", "+": "and"}
FUZZY_CUTOFF = 82.0  # typed drug lists
MAX_TEXT = 20_000


def name_key(text: str) -> str:
    """The comparison form of a name: lower case, no apostrophes or dots, hyphens as spaces, single spaces."""
    text = ctx.fold_accents(unicodedata.normalize("NFKC", text)).lower().replace("’", "'").replace("‘", "'")
    text = re.sub(r"['.`]", "", text).replace("-", " ").replace("&", " and ")
    return re.sub(r"\s+", " ", text).strip()


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip().lower())


class DrugNameResolver:
    """Resolves typed names against one knowledge base; build once, reuse."""

    def __init__(self, kb: DrugKnowledgeBase) -> None:
        """Index the knowledge base's names for exact, phrase and fuzzy lookup."""
        self.kb = kb
        # Fuzzy targets: ingredients that take part in interactions, brand names and synonyms.
        self._targets: dict[str, list[str]] = {n: [n] for n in self.kb.interacting}
        self._targets.update(self.kb.brands)
        self._choices = sorted(self._targets.keys() - kb.exact_only)
        # Phrase index for free text and typed names, keyed by name_key (so "St Johns wort" meets "st. john's wort").
        self._phrases: dict[str, str] = {}
        for name in sorted(self._targets):
            self._phrases.setdefault(name_key(name), name)
        # Plain ingredients are found in text by exact name only (never fuzzily): they carry no facts.
        # A salt name ("metoprolol succinate") stands for its interacting ingredient, as resolve() reads it.
        self._targets_plain: dict[str, list[str]] = {}
        for name in sorted(kb.prose_names - self._targets.keys()):
            base = " ".join(w for w in name.split() if w not in _FORM_WORDS)
            self._targets_plain[name] = self._targets.get(base, [name])
            self._phrases.setdefault(name_key(name), name)
        self._targets.update(self._targets_plain)
        exact = self._targets_plain.keys() | kb.exact_only  # never fuzzy-matched
        self._max_words = max(len(k.split()) for k in self._phrases)
        # First words of multi-word names that are not names alone ("vicks" of "vicks nyquil"): a product family
        # or maker, never a misspelling of some other medicine.
        heads = {key.split()[0] for key in self._phrases if " " in key}
        self._heads = frozenset(h for h in heads if h not in self._phrases and len(h) >= 4)
        self._misspelt = Misspellings(self._phrases, self._targets, exact, kb.exact_only)

    def _kind(self, name: str) -> Resolution:
        if name in self.kb.synonyms:
            return Resolution.SYNONYM
        return Resolution.BRAND if name in self.kb.brands else Resolution.EXACT

    def resolve(self, typed: str) -> NameMatch:
        """Resolve one typed name; never guesses between close candidates."""
        text = _squash(typed)
        if not text or len(text) > 200:
            return NameMatch(typed=typed, resolution=Resolution.UNKNOWN)
        stripped = _squash(" ".join(w for w in _DOSE.sub(" ", text).split() if w not in _FORM_WORDS))
        # Prefer the form that takes part in interactions: "warfarin sodium" is an FDA ingredient name too,
        # but the interaction facts are filed under "warfarin".
        for candidate, kind in ((text, Resolution.EXACT), (stripped, Resolution.SALT)):
            name = self._phrases.get(name_key(candidate))
            if name is not None:
                found = self._kind(name)
                resolution = kind if found is Resolution.EXACT else found
                return NameMatch(typed=typed, resolution=resolution, ingredients=list(self._targets[name]))
        for candidate, kind in ((text, Resolution.EXACT), (stripped, Resolution.SALT)):
            if candidate in self.kb.ingredients:
                return NameMatch(typed=typed, resolution=kind, ingredients=[candidate])
        match = self._misspelt.ranked(typed, stripped or text, FUZZY_CUTOFF, self._choices)
        if match.resolution is Resolution.UNKNOWN:
            sounds = self._misspelt.sound.get(phonetic(name_key(stripped or text)))
            if sounds is not None:
                return NameMatch(typed=typed, resolution=Resolution.FUZZY, ingredients=list(self._targets[sounds]))
        return match

    @staticmethod
    def _words(text: str) -> Words:
        """(key word, start, end) per word; "" marks a list separator, which no phrase may cross.

        A hyphenated word gives one entry per part, sharing its span ("co-codamol" -> "co", "codamol").
        """
        words: Words = []
        last = 0
        bounds = [(m.start(), m.end()) for m in _SEGMENT.finditer(text)] + [(len(text), len(text))]
        for sep_start, sep_end in bounds:
            for tok in _TOKEN.finditer(text, last, sep_start):
                join = _JOIN_WORDS.get(tok.group())
                for part in [join] if join else name_key(tok.group()).split():
                    words.append((part, tok.start(), tok.end()))
            if not _SLASHED.fullmatch(text, max(0, sep_start - 1), sep_end + 1):
                words.append(("", -1, -1))
            last = sep_end
        return words

    def find_in_text(self, text: str) -> list[NameMatch]:
        """Medicines, supplements and interacting foods named in free text, in order of appearance.

        Longest phrase first ("tylenol pm" before "tylenol"), doses and forms skipped, then careful fuzzy matching
        of single words that are not everyday English. ``kind`` says medicine, supplement or food.
        """
        text = text[:MAX_TEXT]
        words = self._words(text)
        named = ctx.plain_names(words, self._phrases, self.kb.street_names, self.kb.everyday_words)
        found: list[NameMatch] = []
        i = 0
        while i < len(words):
            word, start, _ = words[i]
            if not word:
                i += 1
                continue
            for n in range(min(self._max_words, len(words) - i), 0, -1):
                span = words[i : i + n]
                if any(not w for w, _, _ in span):
                    continue
                name = self._phrases.get(" ".join(w for w, _, _ in span))
                end, after = span[-1][2], words[i + n][0] if i + n < len(words) else ""
                ingredients = tuple(self._targets[name]) if name is not None else ()
                cased = name is None or name not in self.kb.cased_only or text[start : start + 1].isupper()
                # A short name as the first part of a hyphenated word is a prefix there ("vaso-vagal").
                if name is not None and len(name) <= 5 and i + n < len(words) and words[i + n][1] == span[-1][1]:
                    cased = False
                slash = i > 0 and text[words[i - 1][2] : start] == "/"  # "vitamin d/iron" still lists two
                before = "" if slash else words[i - 1][0] if i else ""
                in_list = before in LIST_JOINS or (before == "with" and name in SUPPLEMENT_MINERALS)  # "D with calcium"
                last = found[-1] if found and (slash or (i >= 2 and in_list)) else None
                listed = (
                    last is not None
                    and last.end == words[i - 1 if slash else i - 2][2]
                    and (last.kind == "supplement" or name_key(last.typed) in self.kb.street_names)
                )
                ends = ctx.list_end_word(words, i + n) if name in LISTED_MINERALS else after
                taken = {
                    "dosed": dose_follows(text[end:]),
                    "after_medicine": bool(found) and listed_after(text[found[-1].end or 0 : start]),
                    "beside_medicine": bool(named - {word}),
                    "before_medicine": ctx.listed_before(words, i + n, named),
                }
                if (
                    name is not None
                    and cased
                    and readable_in_prose(name, text[start:end], before, ends, ingredients, listed, **taken)
                ):
                    match = self._prose_match(text[start:end], name, start, end, form_after(words, i + n), text[end:])
                    co = name.startswith("co") and name_key(name[2:]) in self._phrases
                    # "ramipril plus aspirin" lists two medicines; "Atacand Plus", capitalised, names one.
                    listing = i + n + 1 < len(words) and words[i + n + 1][0] in self._phrases
                    plus_cased = i + n < len(words) and text[words[i + n][1] : words[i + n][1] + 1].isupper()
                    suffix = "" if after == "plus" and (listing or not plus_cased) else after
                    if adds_thiazide(match.ingredients, before if words[i - 1][1] == start else "", suffix, co):
                        match.ingredients.append("hydrochlorothiazide")
                    found.append(match)
                    i += n
                    break
                # A known name read as not a medicine here ("vitamin D levels", "insulin resistance"): never then
                # read again as a misspelling of another.
                if name is not None:
                    i += n
                    break
            else:
                if names_a_person(words[i - 1][0] if i else "", word):
                    i += 1
                    continue
                clipped = clipping_in_context(
                    word, text, text[start : words[i][2]]
                )  # "levo" among pressors is Levophed
                if clipped is not None and clipped in self._targets:
                    found.append(self._prose_match(text[start : words[i][2]], clipped, start, words[i][2]))
                    i += 1
                    continue
                plural = self._plural(word, words[i + 1][0] if i + 1 < len(words) else "")
                if plural is not None and readable_in_prose(
                    plural, text[start : words[i][2]], words[i - 1][0] if i else ""
                ):
                    found.append(self._prose_match(text[start : words[i][2]], plural, start, words[i][2]))
                    i += 1
                    continue
                pair = self._misspelt.pair(words, i)
                if pair is not None:
                    n, match = pair
                    end = words[i + n - 1][2]
                    found.append(match.model_copy(update={"typed": text[start:end], "start": start, "end": end}))
                    i += n
                    continue
                joined = self._misspelt.joined(text, words, i, self.kb.exact_only)
                if joined is not None:
                    end = words[i + 1][2]
                    found.append(joined.model_copy(update={"typed": text[start:end], "start": start, "end": end}))
                    i += 2
                    continue
                suffixed = self._misspelt.suffixed(words, i)
                if suffixed is not None:
                    end = words[i + 1][2]
                    found.append(self._prose_match(text[start:end], suffixed, start, end))
                    i += 2
                    continue
                end = words[i][2]
                everyday = is_everyday_word(word, self.kb.everyday_words)
                family = word in self._heads
                if len(word) >= 5 and word.isalpha() and word.isascii() and not everyday and not family:
                    guess = self._misspelt.word(word)
                    if guess is not None and not self._misspelt.everyday_slip(word, self.kb.everyday_words):
                        found.append(guess.model_copy(update={"typed": text[start:end], "start": start, "end": end}))
                i += 1
        return found

    def _plural(self, word: str, following: str) -> str | None:
        """A one-word brand or other name counted in the plural ("Quaaludes", "Percocets"): that name.

        An exact rule, not a fuzzy one; street names and everyday plurals ("statins", "pills") are left alone.
        Pill slang listed in the plural is read in the singular before a pill word ("dilly pills").
        """
        for form in slang_plurals(word, following):
            if form in self.kb.street_names and form in self._phrases:
                return self._phrases[form]
        if len(word) < 6 or not word.endswith("s") or is_everyday_word(word, self.kb.everyday_words):
            return None
        name = self._phrases.get(word[:-1])
        if name is None or name not in self.kb.brands or name in self.kb.street_names or " " in name:
            return None
        return None if is_everyday_word(word[:-1], self.kb.everyday_words) else name

    def _prose_match(self, typed: str, name: str, start: int, end: int, after: str = "", rest: str = "") -> NameMatch:
        ingredients = list(self._targets[name])
        if set(ingredients) & APAP_OPIOIDS and "acetaminophen" not in ingredients and APAP_DOSE.match(rest[:20]):
            ingredients.append("acetaminophen")
        return NameMatch(
            typed=typed,
            resolution=self._kind(name),
            ingredients=ingredients,
            start=start,
            end=end,
            kind=kind_of(name, self._targets[name], after),
        )

    def find_unknown_in_text(self, text: str) -> list[str]:
        """Medicine-like words the text clearly presents as medicines but the knowledge base does not know.

        Only items of a list introduced as medicines ("I take X, Y and Z", "meds: ...") and words built on a medicine
        stem ("-mab", "-pril") are considered, so everyday words ("sleep", "pain") are never reported to a patient
        as unknown medicines.
        """
        known = [(m.start or 0, m.end or 0) for m in self.find_in_text(text)]
        out: list[str] = []
        items = candidate_items(text[:MAX_TEXT]) + stem_words(text[:MAX_TEXT])
        for item, start, end in sorted(items, key=lambda x: x[1]):
            if any(s < end and start < e for s, e in known):
                continue
            if item not in out:
                out.append(item)
        return out

"""Street names that are also everyday words: read only where the words around them say a drug is used."""

from __future__ import annotations

# Street names that are also everyday words or given names (street_names.csv): read only when typed in lower case
# (slang is; "Molly" and "Gabby" are people), and some only right after a word of taking or using a drug ("took
# speed", "on speed", "a gabby"), never before "up", "of" or a unit ("speed up", "speed of 30 mph").
LOWER_CASE_SLANG = frozenset(
    {
        "molly",
        "mandy",
        "gabby",
        "speed",
        "crystal",
        "tina",
        "subs",
        "coke",
        "ice",
        "acid",
        "vals",
        "crack",
        "lean",
        "bars",
        "moggies",
        "normies",
    }
)
USE_BEFORE = frozenset(
    "took take takes taking use uses using used snort snorted snorting sniff sniffed smoke smoked smoking inject "
    "injected injecting do does doing did done tried try trying bought buy buys buying on some street".split()
)
# Slang that is also a drink, a remedy or a chemistry word ("a can of coke", "ice on it", "acid reflux", "use ice"):
# only after a verb of taking a drug, never after "on", "some" or "use".
TAKEN = USE_BEFORE - {"on", "some", "use", "uses", "using", "used", "bought", "buy"}
# Words after a drug name that say it is used as one ("smack withdrawal", "coke habit").
HABIT_AFTER = frozenset("withdrawal withdrawals addiction addict addicts habit overdose comedown".split())
# Pill slang counted out ("took 2 vals").
COUNTED_SLANG = frozenset({"vals"})
# Pill slang (DEA Drug Slang Code Words 2018: vals = Valium, subs = Suboxone): also read where another medicine is
# named in the same text ("are subs safer than methadone"), which says the pills are meant.
PILL_SLANG = frozenset({"vals", "subs"})
SLANG_AFTER_USE: dict[str, frozenset[str]] = {
    "coke": TAKEN,
    "ice": TAKEN,
    "acid": TAKEN | {"drop", "dropped", "dropping"},
    "smack": TAKEN,
    "crack": TAKEN,
    # A drink of cough syrup is mixed ("mix lean with soda"); "lean protein", "lean meat" are not (SLANG_NOT_BEFORE).
    "lean": TAKEN | {"found", "sip", "sipping", "sipped", "drink", "drinking", "drank", "mix", "mixes", "mixing"},
    "nitro": USE_BEFORE | {"plus", "with", "my", "the", "a", "his", "her", "sublingual", "sl"},
    "vals": USE_BEFORE,  # pills are used ("uses vals"); the drink-like slang keeps TAKEN
    "bars": USE_BEFORE,
    "speed": USE_BEFORE,
    "crystal": USE_BEFORE,
    "special k": USE_BEFORE,
    "ket": USE_BEFORE,  # "a ket diet" is a ketogenic diet
    "gabby": USE_BEFORE | {"a", "few", "couple"},
    "weed": USE_BEFORE,  # "weed killer", "pull a weed"
    "pot": USE_BEFORE,  # "a pot of tea"
    "tina": USE_BEFORE,
    # Listed beside another drug ("tina and poppers", "gabbies with subs"): party poppers, sports subs are not.
    "poppers": USE_BEFORE | {"and", "or", "with"},
    "subs": USE_BEFORE | {"and", "or", "with"},
    # ADF benzodiazepine slang that is also an everyday word ("moggies" are cats, "normies" ordinary people).
    "moggies": USE_BEFORE | {"and", "or", "with"},
    "normies": USE_BEFORE | {"and", "or", "with"},
}
SLANG_NOT_BEFORE = frozenset(
    "up of limit limits bump bumps camera cameras dating reading test tests boat boats bag bags mph kmh km kph "
    "reducer reducers reflux blocker blockers pack packs cream bath cold brew coffee boost".split()
    + "protein proteins meat meats beef mince muscle mass body diet".split()
)

# Pill slang is counted in the plural ("dillies", "roxies"); the singular names it before a pill word ("dilly pills",
# "a roxy tab"), where it is not the everyday word ("a real dilly").
PILL_WORDS = frozenset("pill pills tab tabs tablet tablets bar bars".split())


def slang_plurals(word: str, following: str) -> tuple[str, ...]:
    """The plural spellings a singular pill slang word before a pill word may be listed under."""
    if following not in PILL_WORDS or len(word) < 3 or not word.isalpha():
        return ()
    return (word + "s", word[:-1] + "ies") if word.endswith("y") else (word + "s",)

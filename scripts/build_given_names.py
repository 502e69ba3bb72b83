"""Write ``safety/redaction/data/given_names.txt``: given names of many countries, from Faker's person providers.

The 1990 US Census lists miss most given names outside the US ("Paolo", "Arjun", "Femke", "Siobhán"), and some of
those are rare English words in web2 ("arjun"), so the name detector would not see them. Faker (MIT) ships given
names for ~80 locales; this script copies the Latin-script ones, lower case, into a data file read at run time, so
Faker is needed only to rebuild it (``pip install faker`` in any environment, then run this script).
"""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "safety" / "redaction" / "data" / "given_names.txt"


def main() -> None:
    """Collect first names of every Faker locale written in Latin letters."""
    import faker.providers.person as person  # type: ignore[import-not-found]

    names: set[str] = set()
    for module in pkgutil.iter_modules(person.__path__):
        provider = importlib.import_module(f"faker.providers.person.{module.name}").Provider
        for attr in ("first_names", "first_names_male", "first_names_female", "first_names_nonbinary"):
            value = provider.__dict__.get(attr, ())
            if not isinstance(value, (dict, list, tuple)):
                continue
            for name in value.keys() if isinstance(value, dict) else value:
                if re.fullmatch(r"[A-Za-zÀ-ÿĀ-ž'’-]{2,}", name):
                    names.add(name.lower())
    header = "# Given names from Faker's person providers (MIT), one a line; scripts/build_given_names.py\n"
    OUT.write_text(header + "\n".join(sorted(names)) + "\n", encoding="utf-8")
    print(f"{len(names)} given names -> {OUT}")


if __name__ == "__main__":
    main()

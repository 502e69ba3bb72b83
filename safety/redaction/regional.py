"""Identifier shapes of national formats the general rules do not know, and dates written without a year.

- Korean resident registration numbers (YYMMDD-SNNNNNN).
- MAC addresses (IEEE 802 EUI-48: six hexadecimal pairs joined by ":" or "-"): HIPAA Safe Harbor's device
  identifiers.
- Czech and Slovak birth numbers ("rodné číslo", YYMMDD/SSSC, the month plus 50 for women and plus 20 or 70 when
  the series ran out, as ``stdnum.cz.rc`` describes it).
- Japanese era dates ("昭和40年", the eras Meiji to Reiwa) and Japanese postcodes ("〒150-0002", "Tokyo 150-0002").
- A continental address line: street and house number, then a postcode of a national format and the town
  ("ul. Długa 14/3, 00-238 Warszawa", "Vinohradská 12, 120 00 Praha 2"): Polish NN-NNN, Czech, Slovak, Swedish
  and Greek NNN NN, German, French, Italian, Spanish and Finnish NNNNN, Dutch NNNN AA (Universal Postal Union);
  the four digits of Austria, Switzerland, Hungary and others only after a street's type word ("Straße", "utca").
"""

from __future__ import annotations

import re

_MAC = re.compile(r"(?<![\w:-])[0-9A-F]{2}([:-])(?:[0-9A-F]{2}\1){4}[0-9A-F]{2}(?![\w:-])", re.I)
_BIRTH_NUMBER = re.compile(
    r"(?<![\w/])\d{2}(?:0[1-9]|1[0-2]|2[1-9]|3[0-2]|5[1-9]|6[0-2]|7[1-9]|8[0-2])(?:0[1-9]|[12]\d|3[01])/\d{3,4}"
    r"(?![\w/])"
)
_ERA_DATE = re.compile(r"(?:明治|大正|昭和|平成|令和)(?:元|\d{1,2}|[０-９]{1,2})年(?:\d{1,2}月(?:\d{1,2}日)?)?")
_JP_POSTCODE = re.compile(
    r"(〒[ \t]*|(?:-ku|-shi|-ken|-fu|Tokyo|Osaka|Kyoto|Yokohama|Nagoya|Sapporo|Kobe|Fukuoka|Hokkaido|Japan),?[ \t]+)"
    r"\d{3}-\d{4}(?![\d-])"
)
# Words that begin a clinical "name number, number" run ("Bed 4, 12000 Units") rather than a street.
_NOT_STREET = r"(?!(?:Ward|Bed|Bay|Room|Resus|Cubicle|Theatre|Level|Grade|Stage|Type|Day|Week|Dose|Cycle|Pump)\b)"
_STREET_WORD = r"(?-i:[A-ZÀ-Ž])[\w'’.-]*"
_CONTINENTAL = re.compile(
    rf"\b((?:(?:ul|al|pl|os|nám|tř)\.[ \t]*|(?:ulica|aleja|náměstí)[ \t]+)?{_NOT_STREET}{_STREET_WORD}"
    rf"(?:[ \t]+{_STREET_WORD}){{0,3}}[ \t]+\d{{1,4}}[a-z]?(?:/\d{{1,4}}[a-z]?)?)(,[ \t]*)"
    r"(\d{2}-\d{3}|\d{3}[ \t]\d{2}|\d{5}|\d{4}[ \t]?(?-i:[A-Z]{2}))[ \t]+"
    r"((?-i:[A-ZÀ-Ž])[^\W\d_]+(?:[- ](?-i:[A-ZÀ-Ž])[^\W\d_]+)?(?:[ \t]+\d{1,2}\b)?)"
)

# Four-digit postcodes (Austria, Switzerland, Hungary, Belgium, Denmark, Norway) are doses as often: only after a
# street named by its type word ("Mariahilfer Straße 10, 1060 Wien", "Nádor utca 12, 1051 Budapest").
_STREET_TYPE = (
    r"(?:\w*(?:stra(?:ß|ss)e|gasse|weg|gade|vej|gatan|vägen|veien|gata|straat|laan|plein)|utca|út|tér|rue|via|calle"
    r"|avenida|rua|platz|allee|ring)"
)
_PARTICLE = r"(?:de|la|le|du|des|del|di|da|do|dos|das|van|der|den|von)"
_FOUR_DIGIT = re.compile(
    rf"\b((?:{_STREET_WORD}[ \t]+){{0,3}}(?i:{_STREET_TYPE})(?:[ \t]+(?:{_STREET_WORD}|{_PARTICLE})){{0,4}}"
    r"[ \t]+\d{1,4}[a-z]?"
    # The postcode and town may have gone already, to the general rules: the street goes with them.
    r"(?:/\d{1,4}[a-z]?)?)(,[ \t]*)(\d{4}|\[POSTCODE\])[ \t]+((?-i:[A-ZÀ-Ž])[^\W\d_]+|\[ADDRESS\])"
)
# Korean resident registration number (YYMMDD-SNNNNNN, ``stdnum.kr.rrn``): the hyphenated shape only.
_KOREAN_RRN = re.compile(r"(?<![\w-])\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])-[1-8]\d{6}(?![\w-])")


def redact_regional(text: str) -> str:
    """The shapes of this module that stand alone: MAC addresses, birth numbers, era dates."""
    if any(c.isdigit() for c in text):  # every shape here has digits
        text = _MAC.sub("[ID-NUMBER]", text)
        text = _BIRTH_NUMBER.sub("[ID-NUMBER]", text)
        text = _KOREAN_RRN.sub("[ID-NUMBER]", text)
        text = _ERA_DATE.sub("[DATE]", text)
    return text


def redact_regional_addresses(text: str) -> str:
    """Continental address lines and Japanese postcodes; run after the general address rules, which go first."""
    if any(c.isdigit() for c in text):
        # The town goes with the line, as the general address rules take it ("[ADDRESS], [POSTCODE] [ADDRESS]").
        if "," in text:  # every line has a comma before its postcode (speed: most texts have none)
            text = _CONTINENTAL.sub(r"[ADDRESS]\2[POSTCODE] [ADDRESS]", text)
            text = _FOUR_DIGIT.sub(r"[ADDRESS]\2[POSTCODE] [ADDRESS]", text)
        text = _JP_POSTCODE.sub(r"\1[POSTCODE]", text)
    return text

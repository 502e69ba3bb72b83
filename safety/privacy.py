"""Redaction of personal identifiers from text bound for logs, the audit trail and the model.

The detectors live in ``safety.redaction``: shapes (e-mail, record and health numbers, SSNs, full dates under HIPAA
Safe Harbor, addresses, postcodes and ZIP codes), labelled ids (serials, plates, member numbers), spoken numbers,
telephone numbers (``phonenumbers``), person names (cue words, titles, how a text speaks to a person and the name
lists) and towns after a locative cue (GeoNames); national shapes (MAC addresses, Czech birth numbers, Japanese
era dates and postcodes, continental address lines) and, last, nicknames and word-names by their frame and dates
without a year. Clinical content (drug names, doses, lab values, BP, SpO2, times,
asset ids, part numbers, alarm codes, eponyms) is left alone: the caller passes the words never taken for a name
(``protected``, the drug names from the knowledge base, which lives above safety). ``app.privacy.redact`` is this
function wired with them.
"""

from __future__ import annotations

from safety.redaction.framed import redact_framed
from safety.redaction.names import redact_names
from safety.redaction.nicknames import redact_nicknames
from safety.redaction.patterns import redact_long_numbers, redact_patterns
from safety.redaction.phones import redact_phones
from safety.redaction.places import redact_places
from safety.redaction.regional import redact_regional, redact_regional_addresses


def redact(text: str, *, protected: frozenset[str]) -> str:
    """Replace identifiers with typed placeholders ("[NAME]", "[PHONE]", ...); leaves clinical content intact."""
    # A replacement can open a word boundary that lets another identifier match ("...1960DOB 01/02/1961"), so
    # repeat until nothing changes. This ends: every replacement removes digits, an "@" or letters outside
    # placeholders, and placeholders are never matched again.
    while True:
        before = text
        text = redact_regional_addresses(redact_patterns(redact_regional(text)))
        text = redact_names(redact_long_numbers(redact_phones(text)), protected)
        # The frame rules read last, over every other detector's placeholders.
        text = redact_nicknames(redact_framed(redact_places(text, protected)), protected)
        if text == before:
            return text

"""Cue patterns of the name detector: titles, cue words, sign-offs and what follows a name."""

from __future__ import annotations

import re

# Cue patterns end where the word they introduce starts; each is run once over the whole text.
# "Mx" only as written so: "MX" in a maintenance log is maintenance. Titles of the languages the notes come in;
# those that are also common words ("bay", "pan", "don") are left out, and "M." and "Pr" count only so written.
TITLE = re.compile(
    r"\b(?:mr|mrs|ms|miss|(?-i:Mx)|dr|dra|drs|prof|profa|professor|professora|professeur|(?-i:Pr)|sister|nurse"
    r"|doctor|doktor|dokter|docteur|dottore?|dott|dott\.ssa|dottoressa|doutor|doutora|father|rev|mister|missus"
    r"|se[ñn]ora|se[ñn]or|sra|srta|sr|sig\.ra|(?-i:Sig)|do[ñn]a|dña|frau|herr|madame|mme|mlle|monsieur|(?-i:M(?=\.))"
    r"|signora|signor|pani|senhora|senhor|mevrouw|meneer|dhr|mevr|bà|ông|anh|chị|bapak|ibu|encik|puan|tuan|shri"
    r"|shrimati|smt|sheikh|sayın)"
    r"\b\.?[ \t]*",
    re.I,
)
STRONG = re.compile(
    r"\b(?:name\s+is|name's|names\s+are|name\s*[:=-]|named|surname\s*[:=-]?|(?:first|last|family|given|fore|middle"
    r"|maiden|sur)\s*name(?:\(s\)|s)?\s*[:=-]|(?:nom|pr[ée]nom|pr[ée]noms|nom\s+de\s+famille|nome|cognome|vorname"
    r"|nachname|familienname|apellidos?|nombre|naam|voornaam|achternaam|imi[ęe]|nazwisko|ad[ıi]|soyad[ıi]|ad\s+soyad"
    r"|nama|h[ọo]\s+t[êe]n|jina|isim|όνομα|имя|фамилия)\s*[:=]|(?-i:First|Last|FIRST|LAST)\s*[:=-]|forename\s*[:=-]?|signed|regards|thanks|sincerely|cheers|best)"
    r"[,:]?\s*|(?:^|(?<=[,.;:(?!]\s)|(?<=[,.;:(]))name\s+(?=(?-i:[a-z]))|\bbaby\s+(?=(?-i:[A-Z][a-z]))"
    r"|\bname\s*\([^)\n]{0,30}\)\s*:\s*"
    # A role's label before two capitalised words that end the line: "Diabetes nurse specialist: Tui Henare".
    r"|\b(?:specialist|practitioner|co-?ordinator|navigator|liaison)[ \t]*:[ \t]*(?=(?-i:[A-Z])[^\W\d]+"
    r"[ \t]+(?-i:[A-Z])[^\W\d]+[ \t]*(?:\n|\Z))",
    re.I,
)
CUE = re.compile(
    r"\b(?:patient|pt|resident|client|called|from|attn|contact|i\s+am|i'm|this\s+is|it['’]s|spoke\s+(?:to|with)"
    r"|(?:grand)?(?:mother|mom|mum|father|dad|son|daughter|child)|wife|husband|partner|spouse|brother|sister|aunt"
    r"|uncle|cousin|nephew|niece|friend|neighbou?r|carer|caregiver|colleague|boss|roommate|flatmate|fianc[eé]e?"
    r"|grandma|grandpa|gp|surgeon|pharmacist|technician|tech|engineer|(?-i:re)|re(?=\s*:)|supervisor|manager|nurse|doctor|baby\s+of|dear"
    r"|next\s+of\s+kin|nok|(?:hi|hey|hiya|hello|yo)\s+its|c['’]est|hi|hey|hiya|hello|bonjour|hola|ciao|b\d{1,2}|bed\s*\d{1,2}\s*[:(-]"
    r"|(?-i:(?:RN|SN|BMS|SW|ODP|RT|CNS|ANP|SpR)(?=\s+(?:is\s+)?[A-Z][a-z]))|auntie|aunty|nan|nanna|granny|gran|grandad|(?:^|(?<=[.!?]\s))its(?=\s)|(?:checked|signed|reported|logged|reviewed|seen|ordered|referred|requested|prescribed|authori[sz]ed|approved"
    r"|witnessed|countersigned|assessed|replaced|raised|changed|fixed|completed|removed|verified|performed|dispensed"
    r"|administered|collected)\s+by|provider|physician|consultant|registrar|midwife|prescriber|therapist"
    r"|physio|paramedic|clinician|hca|paciente|patiente|paziente|bệnh\s+nhân|mgonjwa|con\s+gái|con\s+trai|hija|hijo"
    r"|esposa|esposo|marido|madre|padre|hermana|hermano|abuela|abuelo|fille|fils|épouse|mari|grand-m[èe]re|grand-p[èe]re|m[èe]re|p[èe]re|s(?:œ|oe)ur|fr[èe]re|tante|oncle"
    r"|tochter|sohn|ehefrau|ehemann|mutter"
    r"|vater|figlia|figlio|moglie|marito|córka|żona|mąż|filha|filho|mama\s+yake|baba\s+yake|患者|女儿|儿子|丈夫"
    r"|妻子|母亲|父亲|妈妈|爸爸)"
    r"(?:\s+is)?[.:,]?\s*\(?\s*|(?:^|(?<=\s))[-–—]\s+",
    re.I,
)
KIN = re.compile(
    r"\b(?:(?:grand)?(?:mother|mom|mum|father|dad|son|daughter)|wife|husband|partner|spouse|brother|sister|aunt|uncle"
    r"|cousin|nephew|niece|auntie|aunty|nanna|granny|grandad|my\s+(?:boy|girl|lad|lass|gf|bf|hubby|missus)|friend|neighbou?r|carer|caregiver|patient|resident|next\s+of\s+kin|dear|spoke\s+(?:to|with))"
    r"[.:,]?\s+\(?\s*",
    re.I,
)
# A name before these is a name even when it is also a word ("Holly (92-year-old)", "amber here", "Will in bed 2");
# the possessive may be part of the word already matched ("Faith's son").
AFTER_STRONG = re.compile(
    r"\s+(?:here\b|in\s+(?:bed|bay|side\s*room|cubicle|cot|room|rm)\s*\d)|\s*\((?:hca|rn|sn|nok|\[|\d{1,3}\s*(?:y|-year))|(?:['’]s|(?<=['’]s))\s+(?:wife"
    r"|husband|mum|mom|dad|son|daughter|partner|carer|mother|father)\b",
    re.I,
)
DASH = re.compile(r"(?:^|(?<=\s))[-–—]\s+")
AFTER = re.compile(
    r"\s*(?:[,(|]\s*)?(?:dob\b|d\.o\.b|born\b|mrn\b|nhs\b|hosp|\d{1,3}\s*(?:y/?o\b|yrs?\b|years?\b|[mf]\b)|\d{1,3},(?!\d)|in\s+(?:bed|bay)\b"
    r"|(?:bed|bay|side\s*room|rm|room)\s*\d|emp\b|staff\b|badge\b)|,\s+(?:who|whose)\b",
    re.I,
)
WORD = re.compile(r"(?<![\w\[])[^\W\d_](?:[^\W\d_]|['’-](?=[^\W\d_]))*(?![\w\]])")
SENTENCE_END = re.compile(r"[.!?;\n\"(]\s*$")
PLACEHOLDERS = frozenset(
    {
        "NAME",
        "EMAIL",
        "PHONE",
        "SSN",
        "DOB",
        "ADDRESS",
        "POSTCODE",
        "ZIP",
        "ID-NUMBER",
        "RECORD-ID",
        "IP-ADDRESS",
        "DATE",
        "SERIAL",
        "PLATE",
        "URL",
        "STAFF-ID",
        "USERNAME",
        "HOSTNAME",
        "AGE-90+",
    }
)

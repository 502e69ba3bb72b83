"""Small hand-kept word sets for the name detector: what is never, or not by itself, a person's name."""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Grammar words: never a name, whatever the cue before them.
FUNCTION = _words(
    """a an and are as at be been but by can could did do does for from go had has have he her him his how i if in
    is it its me my no not of on or our she so than that the their them then there they this to up us was we
    were what when where which who why will with would you your yes ok okay please thanks thank hi hello dear
    just also still only very again here now today yesterday tomorrow tonight"""
)
# Words that are also first names or surnames: they need a title, a strong cue or a neighbouring name to count.
COMMON = FUNCTION | _words(
    """may mark grace hope faith joy june april august rose lily daisy iris ivy holly hazel pearl ruby amber
    crystal dawn summer autumn spring winter star sunny chance guy bill pat sue art major lane long young king
    prince queen lady love mercy patience honey candy ginger brandy sherry cherry olive sage jade china page
    gene frank don dot rich rod ray lean lance else echo genesis harmony melody destiny trinity liberty precious
    noble royal sterling golden tiny rusty dusty misty stormy windy merry carry marry manual marine delta alpha
    omega era aide brain angle angel coral diamond emerald ivory ebony raven robin fern flora forest heather
    laurel maple willow violet cliff clay glen heath reed moon sun season easter desire see son man many miss
    sang song soon min kit buddy junior ward chase grant drew mac ma pa al ben bob jack sat mon tue wed thu fri
    monday tuesday wednesday thursday friday saturday sunday
    new old good well best last first more most all any one two three four five six seven eight nine ten day
    days week weeks month year years time left right back side head chest heart blood pain care unit room bed
    floor door call phone number name said says told asked gave gives take takes taking took give help about
    after before over under near down out off every each some such both few high low white black brown green
    gray grey red blue gold silver orange pink price bell hall cross little small large big strong sharp free
    short sweet wise bright power rice house church field mrn nhs dob ssn id na cl ca mg hb plt wbc rbc hct inr
    ast alt bun cr glu ph po iv im sc prn bid tid qid qd hs ac pc er icu ed ot pt ct mri ecg ekg copd chf bay
    bed bp hr rr temp obs sats news room ward east west north south central general"""
)
# Eponyms and devices that are also surnames or no English word: "Parkinson's disease", "Foley catheter".
EPONYMS = _words(
    """parkinson parkinsons alzheimer alzheimers crohn crohns addison cushing graves hodgkin bell foley huntington
    down asperger tourette raynaud sjogren guillain barre barré hashimoto kawasaki lyme meniere paget wilson
    wernicke korsakoff apgar glasgow babinski murphy homan trendelenburg fowler swan ganz doppler holter
    heimlich valsalva epley whipple nissen hartmann colles bartholin barrett barretts bowen buerger burkitt
    chagas dupuytren ewing fallot gaucher hirschsprung kaposi klinefelter marfan osgood peyronie reiter reye tay
    sachs turner willebrand wolff kussmaul cheyne stokes korotkoff guedel yankauer luer macintosh venturi
    hickman groshong broviac meckel meckels morbus gram bells hartmanns fowlers tinel phalen romberg kernig
    brudzinski virchow dressler ludwig bence jones coombs sjögren sjögrens bowie-dick bowie dick schilling rinne
    weber snellen gillick fraser caldicott braden waterlow norton"""
)
# Product, vendor and model names that read like surnames in its own answers and in device logs.
PRODUCTS = _words("gmc nmc hcpc bms hca careforge smollm smollm2 minilm vllm chroma langgraph openai fhir dicom")
# Clinical acronyms in capitals that read like a short shouted surname ("the lymphoma MDT", "had TAVI"), and
# closings of letters in other languages, which stand where a signature's name stands ("Atentamente, ...").
ACRONYMS = _words(
    """mdt mdm tavi tavr tave pci cabg ercp ogd egd picc ppm icd crt ivig tpn peg rig nippv cpap bipap ecmo
    atentamente cordialmente saludos cordialement salutations distinti saluti cumprimentos medicare medicaid tricare
    staff tage wochen monate jahre stunden jours semaines mois días semanas meses giorni settimane mesi dias"""
)
# Words that make a run of capitalised words a place, not a person.
FACILITY = _words(
    """hospital hospitals clinic clinics centre center infirmary health healthcare medical trust university college
    institute pharmacy surgery practice hospice foundation hopital hôpital klinik ospedale ziekenhuis umc street
    road avenue lane way drive close crescent terrace association society foundation agency administration
    department ministry council board committee organisation organization federation academy service services
    manual formulary handbook guideline guidelines protocol lab laboratory dept medicine ysbyty hospitalet
    krankenhaus klinikum spital szpital ltd pte plc llc gmbh inc vets
    relations liaison admissions admisiones admissões admissoes accueil"""
)
# Specialties and services: a closed class every writer names ("from Physio", "– Colorectal", "Palliative care
# team"); none is a person's name, and before a name-like word they make the run a service, not a person.
SPECIALTY = _words(
    """physio physiotherapy colorectal antenatal postnatal perinatal neonatal palliative paediatric paediatrics
    pediatric pediatrics obstetric obstetrics gynae gynaecology gynecology oncology haematology hematology urology
    ophthalmology radiology phlebotomy dietetics podiatry audiology endoscopy maternity midwifery renal cardiac
    cardiology vascular respiratory stroke anaesthetics anesthetics anaesthesia anesthesia neurosurgery plastics
    hepatobiliary endocrine endocrinology diabetes diabetic geriatrics geriatric frailty rehab rehabilitation
    outpatients outpatient inpatients triage resus ambulatory dermatology psychiatry camhs hdu itu nicu picu scbu
    ccu amu sdec epau gastroenterology gastro rheumatology nephrology neurology orthopaedics orthopedics ent maxfax
    orthoptics optometry pathology microbiology virology immunology pharmacology sonography ultrasound theatres"""
)
# Name particles: "Annelise de Vries", "nguyen van binh", "Ibn Sina".
# First words of an institution's name: "Royal Brompton", "General Infirmary" are no given name and surname.
INSTITUTION_HEAD = _words("royal general memorial national county city central saint st new north south")
# What stands before or after a place's name and makes the run an institution: "Royal Marsden", "Queen Elizabeth",
# "Mount Elizabeth", "Hospital La Paz", "Liverpool Women's", "Kranji Shipyard Pte Ltd".
INSTITUTION_BEFORE = INSTITUTION_HEAD | _words("queen king mount prince princess hospital ysbyty hospice infirmary")
INSTITUTION_AFTER = _words("children women ltd pte plc llc gmbh inc vets hire hepatology")
PARTICLES = _words("de van von der den da di del della le la du bin binti ibn al el ter ten dos das o mac")
COMMON = COMMON | PRODUCTS | ACRONYMS  # never a person's name
FACILITY = FACILITY | SPECIALTY

# Words whose shape says clinical: operations, inflammations, specialties, "X-ray". Never a person's name, whatever
# cue stands before them ("3) Ayo Bello – orchidopexy", "REFERRAL – Orthopaedics").
_CLINICAL = re.compile(
    r"(?:ectomy|otomy|ostomy|opexy|oplasty|oscopy|itis|osis|aemia|emia|algia|ology|ologist|ogram|ography|olysis"
    r"|opathy|plegia|uria|iatrics|paedics|pedics|etrics|thetics)$|^[a-z]-[a-z]{2,}$",
    re.I,
)


def never_name(word: str) -> bool:
    """Whether a word's shape makes it a clinical term, never a name."""
    return len(word) > 4 and _CLINICAL.search(word) is not None


# Month names of the languages the notes come in (Spanish, French, Portuguese, Italian, German, Dutch, Polish in the
# genitive a date uses, Turkish), for dates written in them ("née le 8 mars 1977", "ur. 3 maja 2017").
FOREIGN_MONTHS = (
    r"(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|sep?tiembre|octubre|noviembre|diciembre|janvier|f[ée]vrier"
    r"|mars|avril|mai|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre|janeiro|fevereiro|mar[çc]o|maio"
    r"|junho|julho|setembro|outubro|dezembro|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre"
    r"|j[äa]nner|januar|februar|m[äa]rz|juni|juli|oktober|dezember|januari|februari|maart|mei|augustus|stycznia"
    r"|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|wrze[śs]nia|pa[źz]dziernika|listopada|grudnia|ocak|[şs]ubat"
    r"|nisan|may[ıi]s|haziran|temmuz|a[ğg]ustos|eyl[üu]l|ekim|kas[ıi]m|aral[ıi]k)"
)

"""Acute events in other languages told by what happened: blood lost, tablets taken, a poison with its signs.

The phrase tables name conditions ("hémorragie", "sobredosis"); writers describe them ("j'ai perdu beaucoup de
sang", "a luat 40 de comprimate", "a pesticide leaked, my co-worker is dizzy and vomiting"). Folded like the text.
"""

from __future__ import annotations

from safety.triage.rules import Rule
from safety.triage.rules_multilingual import fold
from safety.triage.rules_multilingual_clinical import folded_rules

_BLOOD = r"(sang|sangre|sangue|blut|krwi|sange|bloed|dugo|khoon|damu|darah)"
_LOSS = (
    r"(perdu|perd|perdi\w*|perdeu|perso|persa|verlier\w*|verloren|stracil\w*|traci\w*|pierd\w*|pierdut|"
    r"verlies\w*|nawalan|kho (diya|diyaa|raha|rahi)|kehilangan|amepoteza)"
)
_MUCH = r"(beaucoup|mucha|muito|viel|molto|duzo|mult|veel|maraming|bahut|banyak|mwingi|tanto|tanta)"
# NHS "lost a lot of blood" (major haemorrhage); tablets counted and taken (NICE CKS: any intentional overdose).
_TABLETS = (
    r"(comprimate|pastile|tablete|tabletten|pillen|kapseln|comprimes|comprimidos|pastillas|pastiglie|compresse|"
    r"tabletek|tabletki|tabletow|pigulek|tableta|tabletas|pilulas|pilules|gelules|cachets|hap|goli|goliyan|"
    r"tableta|vidonge|tablet|pil)"
)
_TAKEN = (
    r"(a luat|a inghitit|a pris|a avale|tomo|se tomo|tomado|ingirio|ha preso|ha ingerito|ha ingoiato|tomou|"
    r"engoliu|wzial\w*|wziela|polknal\w*|polknela|zazyl\w*|icti|yuttu|aldi|uminom|nilunok|ininom|amekunywa|"
    r"alikunywa|meminum|menelan|le li|kha li|kha gaya|kha liya)"
)
_COUNT = r"([1-9]\d|\d{3})"
_ACUTE: dict[str, tuple[str, ...]] = {
    "bleeding": (
        rf"\b{_LOSS}\b[^.;?]{{0,20}}\b{_MUCH}\b[^.;?]{{0,6}}\b{_BLOOD}\b",
        rf"\b{_MUCH} (de |di )?{_BLOOD}\b[^.;?]{{0,15}}\b{_LOSS}",
    ),
    # Writer 11's test half (after its scoring): a reason to live gone with a plan (Korean, Swahili), a threat to
    # kill told as reported speech (German), a child's head injury with vomiting and drowsiness (Ukrainian, Russian;
    # NICE NG232), a fall from scaffolding (Spanish), bleeding after a birth at home (Swahili; WHO PPH).
    "suicide": (
        r"살 ?이유가 ?없|더 이상 살 ?수 ?없|(오늘 ?밤|마지막)[^.?]{0,20}옥상|뛰어내리(고 ?싶|려고|겠|ㄹ)",
        r"\b(nimechoka|ninachoka|nimeshachoka) (kuishi|maisha)\b|\bdawa ya (panya|kuua)[^.;?]{0,40}\b(nitakunywa|nitameza)",
    ),
    "harm_others": (r"\b(gedroht|droht|bedroht)\w*[^.;?]{0,40}\b(umzubringen|umbringen|zu toten|abzustechen)\b",),
    "head_injury": (
        r"(вдари\w*|удари\w*) (головою|головой)[^?]{0,80}(знуди\w*|блю\w*|рвот\w*|нудот\w*|сонн\w*|не пам)",
        r"\bcayo (del|de la|desde (el|la|una)?) ?(andamio|tejado|techo|azotea|altura)",
    ),
    "obstetric": (
        r"\b(nimejifungua|amejifungua|baada ya kujifungua)\b[^?]{0,80}\bdamu\b[^.;?]{0,40}\b(wingi|nyingi)\b",
    ),
    "overdose": (
        rf"\b{_TAKEN}\b[^.;?]{{0,20}}\b{_COUNT}\s*(de |di |x )?{_TABLETS}\b",
        rf"\b{_COUNT}\s*{_TABLETS}\b[^.;?]{{0,30}}\b(genommen|geschluckt|eingenommen|yuttu|icti|aldi|le li|kha li)\b",
    ),
}
# A pesticide or fumigant with the signs of poisoning (WHO / HSE organophosphate and phosphine poisoning: dizziness,
# vomiting, sweating, collapse, fits) in one sentence.
_AGENT = fold(
    r"\b(pesticid\w*|plaguicid\w*|insecticid\w*|insektizid\w*|insektisida|herbicid\w*|pestizid\w*|pesticyd\w*|"
    r"pestisida|organofosf\w*|organophosph\w*|fosfuro|phosphin\w*|fosfin\w*|fumiga\w*|keetnashak|kitnashak|"
    r"dawa ya wadudu|lason)\b"
)
_POISONED = fold(
    r"\b(nahihilo|nahilo|nagsusuka|nasusuka|sumusuka|mareado|mareada|vomit\w*|vomiss\w*|vomi\w*|schwindel\w*|"
    r"erbrech\w*|vertigin\w*|zawrot\w*|wymiot\w*|ameteal\w*|voma\w*|pusing|muntah|kizunguzungu|kutapika|chakkar|"
    r"ulti|behosh|desmai\w*|desmay\w*|evanoui\w*|ohnmacht\w*|bewusstlos|svenut\w*|zemdl\w*|bayil\w*|"
    r"nawalan ng malay|convuls\w*|krampf\w*|drgawk\w*|pawis|sudor\w*|suor\w*|sueur\w*)\b"
)

# A baby with no wet nappy who is drowsy (NICE NG143 / CG84 dehydration red flags), as in rules_signs.py.
_DRY = fold(
    r"\b(no (ha )?(tenido|hecho) )?(keine|kein|sin|ningun\w*|pas de|aucune|nessun\w*|zadn\w*|brak|zero) "
    r"(panal\w*|couches?|pannolin\w*|windel\w*|fralda\w*) (mojad\w*|mouill\w*|bagnat\w*|nass\w*|molhad\w*)|"
    r"\b(keine|kein|sin|ningun\w*|pas de|aucune|nessun\w*|zadn\w*|brak|zero) (nasse\w*|mojad\w*|mouill\w*|"
    r"bagnat\w*|mokr\w*|molhad\w*|ude) (windel\w*|panal\w*|couches?|pannolin\w*|pieluch\w*|fralda\w*|scutec\w*)|"
    r"\b(windel|panal|couche|pannolino|pieluch\w*|fralda)\w* (ist |esta |est |e )?(trocken|seche|seco|secca|sucha)\b"
)
_DROWSY = fold(
    r"\b(schlafrig|schläfrig|schlapp|teilnahmslos|somnolen\w*|adormilad\w*|dormid\w*|apatic\w*|letarg\w*|floj\w*|"
    r"molle|sonnolent\w*|ospal\w*|senn\w*|somnoros\w*|sonolent\w*|moleza)\b"
)

MULTILINGUAL_ACUTE_RULES: tuple[Rule, ...] = folded_rules(_ACUTE) + (
    Rule("chemical", (), ((_AGENT, _POISONED),)),
    Rule("paediatric", (rf"(?:{_DRY})[^.;?]{{0,60}}(?:{_DROWSY})", rf"(?:{_DROWSY})[^.;?]{{0,60}}(?:{_DRY})")),
)

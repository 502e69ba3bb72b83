"""A past episode in another language that has since been checked or has resolved: history, not an emergency.

The English filters (``context.resolved_after``, ``rules._HISTORY``) do not read other languages, and a loanword
("EpiPen", "sepsis") or a lexicon symptom in them would otherwise count: "minggu lalu bibir saya bengkak tapi sudah
hilang dan dokter sudah periksa", "alitibiwa sepsis mwezi uliopita ... sasa yuko nyumbani", "先月 ... 正常でした".
ConText (Harkema et al. 2009): a finding dated in the past and stated as over is historical. Both must be said, and
the message must not turn back ("again", "now it's back").
"""

from __future__ import annotations

import re

from safety.triage.rules_multilingual import fold

# Last week / last month, as the English _NOT_EVENT's "last month" (last year is rules_lexicon's _NOT_NOW).
_PAST = re.compile(
    fold(
        r"\b(minggu lalu|bulan lalu|minggu lepas|bulan lepas|wiki iliyopita|mwezi uliopita|la semana pasada|"
        r"el mes pasado|la semaine derniere|le mois dernier|letzte woche|letzten monat|la settimana scorsa|"
        r"il mese scorso|semana passada|mes passado|w zeszlym tygodniu|w zeszlym miesiacu|gecen hafta|gecen ay|"
        r"tuan truoc|thang truoc|на прошлой неделе|в прошлом месяце|noong isang linggo|noong isang buwan)\b|"
        r"先週|先月|上周|上个月|지난주|지난달"
    )
)
# Over, checked or recovered: gone, healed, normal, the doctor checked, treated and home, eating well.
_SETTLED = re.compile(
    fold(
        r"\b(sudah (hilang|sembuh|membaik|normal|diperiksa)|dokter sudah|amepona|alitibiwa|yuko nyumbani|"
        r"anakula vizuri|ya (se )?(me |le )?paso|ya esta bien|el medico (dijo|reviso)|ja passou|ja esta bem|"
        r"c'est passe|ca a passe|le medecin (a dit|l'a examine)|ist (wieder )?weg|wieder gut|der arzt hat|"
        r"e passato|sta bene|il medico ha|wyzdrowial\w*|lekarz (zbadal|powiedzial)|iyilesti|doktor (kontrol|muayene)|"
        r"da khoi|binh thuong|gumaling|выздоров\w*|врач (сказал|осмотрел))\b|"
        r"正常|と言われ|治りました|治った|好了|医生说|정상|나았"
    )
)
_RELAPSE = re.compile(
    fold(
        r"\b(lagi|kembali|tena|otra vez|de nuevo|de novo|wieder da|di nuovo|znowu|tekrar|lai bi|снова|опять)\b|また|再び|又|다시"
    )
)


# A recurring episode that stops by itself within minutes ("a veces ... dura dos minutos", "parfois ... s'arrête
# tout seul"): the NHS's self-limiting nosebleed or faint feeling, not an emergency, unless it is about dying.
_RECURRENT = re.compile(
    fold(
        r"\b(a veces|de vez en cuando|a menudo|as vezes|de vez em quando|parfois|de temps en temps|souvent|manchmal|"
        r"ab und zu|oft|a volte|ogni tanto|spesso|czasami|bazen|minsan|kadalasan)\b"
    )
)
_BRIEF = re.compile(
    fold(
        r"\b(dura|duran|durou|dure|durent|dauert|dauern|trwa|surer|tumatagal ng) (solo |apenas |seulement |nur |"
        r"tylko )?(\d+|un|una|uno|dos|tres|pocos|unos|um|dois|alguns|deux|trois|quelques|ein|zwei|drei|paar|pochi|"
        r"due|tre|kilka|dwie|isa|dalawa)( \w+)? (minut\w*|segund\w*|secondes?|sekunden|secondi|sekund\w*)|"
        r"se (para|quita|detiene|passa|arrete) (sol[oa]|sozinh[oa]|tout seul|toute seule)|hort von selbst auf|"
        r"smette da sol[oa]|przechodzi sam\w*"
    )
)
_DYING = re.compile(fold(r"suicid|matar|morir|morrer|mourir|tuer|sterben|umbringen|morire|uccid|zabic|umrzec|mamatay"))


def settled(folded: str) -> bool:
    """Whether a (folded) other-language message says its episode is over or stops by itself.

    Dated last week or month and resolved, or a recurring episode that stops within minutes.
    """
    recurring = bool(_RECURRENT.search(folded) and _BRIEF.search(folded)) and not _DYING.search(folded)
    return (recurring or bool(_PAST.search(folded) and _SETTLED.search(folded))) and not _RELAPSE.search(folded)


# topic.py's frame in the other languages: suicide named in a sentence about a novel, film, song or character.
_SUICIDE_WORD = re.compile(r"suicid\w*|selbstmord\w*|samoboj\w*|intihar\w*")
_FRAME = re.compile(
    fold(
        r"\b(romanzo|romanzi|novela|romance|roman|libro|livro|livre|buch|film|pelicula|serie|canzone|cancion|chanson|"
        r"lied|protagonist\w*|personaggio|personaje|personnage|figur|ksiazk\w*|powiesc\w*|dizi|kitap)\b"
    )
)
_SENTENCES = re.compile(r"[^.;!?\n]+")


def suicide_in_story(folded: str) -> bool:
    """Whether every sentence naming suicide frames it as a story's, and no intent phrase is matched elsewhere.

    The caller checks intent itself: this only says the bare word sits inside a frame ("un romanzo in cui il
    protagonista pensa al suicidio"), as topic.suicide_topic does for English.
    """
    named = [s for s in _SENTENCES.findall(folded) if _SUICIDE_WORD.search(s)]
    return bool(named) and all(_FRAME.search(s) for s in named)

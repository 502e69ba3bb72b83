"""Text that speaks to a model, in the languages of the documents CareForge reads and by the names models go by.

A planted instruction addresses its reader: "Si vous êtes un modèle de langage, ne mentionnez pas ...", "Для языковой
модели: ...", "Instrucción oculta para el asistente: ...", "AIへ：...", "To the Copilot reading this". A leaflet or an
SOP speaks to a patient or to staff, never to a model, so the address is the evidence, in any language; the
instruction after it may be phrased any way. Kept beside ``safety.injection`` (which reads them with its patterns)
so each language's phrasing has one place.
"""

from __future__ import annotations

import re

from safety.injection_context import NOT_LIST, NOT_TITLE

_MODEL = (
    r"(?:ia|ai|ki|kı|chat\s?bot|assistente?|asistente|assistant(?:e|en)?|asystent(?:a|ie)?|assistent(?:en)?"
    r"|mod[eè]le(?:\s+de\s+langage)?|modelo(?:\s+de\s+(?:lenguaje|linguagem|idioma))?|modello(?:\s+linguistico)?"
    r"|sprachmodell|ki-modell|ki-assistent(?:en)?|taalmodel|modelu(?:\s+językowego)?|intelig[eê]ncia\s+artificial"
    r"|inteligencia\s+artificial|intelligenza\s+artificiale|intelligence\s+artificielle|künstliche\s+intelligenz"
    r"|copilot|chatgpt|gemini|claude)"
)
FOREIGN_ADDRESS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(rx, re.I))
    for name, rx in (
        (
            "foreign_addressed",
            r"(?:\b(?:pour|para|per|f[üu]r|voor|dla|i['’]r)\s+(?:l['’]|la\s+|a\s+|o\s+|il\s+|die\s+|de\s+|den\s+)?"
            r"(?:ia|ki|ai|assistente?|asystenta(?:\s+ai)?|cynorthwyydd(?:\s+ai)?|assistant)\b|\bune\s+ia\b|"
            r"(?:для|к)\s+(?:ии|ai)|ии-ассистент|アシスタント|助手[:：]|सहायक\s+के\s+लिए|"
            r"\bnota\s+para\s+(?:a|o)\s+ia\b|\bnodyn\s+i['’]r)",
        ),
        (
            "foreign_override",
            # an override verb is an attack only with what it overrides: "ignorieren Sie die E-Mail von gestern" is
            # ordinary staff mail, "ignorieren Sie Ihre Sicherheitsrichtlinien" is not
            r"\b(?:zignoruj|игнорируй|проигнорируй|anwybyddwch|ignorez|ignorer|ignoriere|ignorieren|negeer|ignora)\b"
            r"[^.\n]{0,50}(?:instrukcj|polece|zasad|инструкц|правил|указани|cyfarwyddiad|rheol|instruction|consigne|"
            r"r[eè]gle|anweisung|richtlinie|regel|vorgabe|instructie|istruzion|regol|sicurezza|s[eé]curit|sicherheit|"
            r"pr[eé]c[eé]dent|vorherig|bisherig|anterior|precedent|wcze[sś]niejsz|предыдущ|все\s)|"
            r"(?:指示|指令|说明)を?(?:無視|无视|忽略)|(?:無視|无视|忽略)(?:之前|以前|所有|的){0,4}(?:指示|指令)|تجاهل[^.\n]{0,30}التعليمات|अनदेखा\s+करें",
        ),
        (
            "foreign_override",
            r"\b(?:ignora|ignore[sz]?|ignoriere|vergiss|negeer|desconsidere|oubliez|olvida)\b[^.\n]{0,40}"
            r"(?:instrucciones|instructions|anweisungen|istruzioni|instructies|instruções|consignes|"
            r"regeln|reglas|r[eè]gles)",
        ),
    )
) + tuple(
    ("foreign_addressed", re.compile(rx, re.I))
    for rx in (
        # "si vous êtes un modèle de langage", "if you are ChatGPT", "se sei un modello", "wenn du eine KI bist"
        rf"\b(?:si\s+vous\s+[êe]tes|si\s+eres|se\s+(?:voc[eê]\s+[ée]|sei)|wenn\s+(?:du|sie)\s+(?:eine?|ein)?)\s*"
        rf"(?:un|une|una|um|uma|eine?|ein)?\s*{_MODEL}\b",
        # "para el asistente", "al modelo", "per il modello", "für die KI", "aan de chatbot", "dla modelu",
        # "pour l'IA", "à l'assistant", "to the Copilot"
        # (German "an" only with its article: English "an AI model" is a mention)
        rf"(?:\b(?:para|al|a\s+la|ao|à|a|per|pour|für|fur|aan|dla|to)\s+(?:el|la|lo|il|o|a|l['’]|le|die|das|den"
        rf"|de|the|any)?|\ban\s+(?:die|das|den))\s*{_MODEL}\b(?!\s+(?:de\s+)?(?:referencia|reference|clinic|clínic))",
        # "Instrucción oculta", "nota oculta", "testo nascosto", "versteckte Anweisung", "instruction cachée"
        r"\b(?:instrucci[oó]n|nota|texto|testo|instru[cç][aã]o|instruction|anweisung|notiz|hinweis)\s+"
        r"(?:oculta|nascost[oa]|cach[ée]e?|versteckte?)|\bversteckte\s+(?:anweisung|notiz|hinweis)",
        # A greeting or a vocative to a model: "Olá assistente,", "hey AI,", "Modello,", "AI →"
        rf"\b(?:ol[aá]|hola|ciao|bonjour|hallo|hey|hi|hello|dear|cher|querido|caro|liebe[rs]?|beste)\s+{_MODEL}\b{NOT_TITLE}"
        rf"|(?:^|[.:!?]\s+|[\"'“‘]\s*)(?!assistant\s*:\s*(?:dr|mr|mrs|ms|miss|prof)\b){_MODEL}\s*(?::|{NOT_LIST}|→|->|=>)",
        rf"\b{_MODEL}\s+(?:reading|che\s+legge|que\s+lea|qui\s+lit|der\s+(?:dies|das)\s+liest|die\s+dit\s+leest)\b",
        # Russian, Chinese, Japanese, Korean, Arabic
        r"(?:для|к)\s+(?:языков\w+\s+)?(?:модел\w+|ассистент\w*|чат-?бот\w*|ии\b)|(?:языковая\s+модель|ассистент)\s*[,:]",
        r"人工智能(?:模型)?(?:请注意|请)|(?:致|给)(?:AI|模型|助手|人工智能)|(?:AI|模型|助手)[:：，,]\s*请",
        r"(?:AI|ＡＩ|アシスタント|モデル)(?:へ|に(?:告ぐ|対して))(?:の指示)?[:：、]?",
        r"(?:AI|인공지능|모델|어시스턴트|챗봇)(?:에게|께)\s",
        r"(?:إلى|الى)\s+(?:الذكاء\s+الاصطناعي|المساعد|النموذج)|أيها\s+(?:المساعد|النموذج)",
    )
)

"""Text that speaks to a model, in the languages of the documents CareForge reads, and structure that instructs one.

A planted instruction addresses its reader: "Si vous êtes un modèle de langage, ne mentionnez pas ...", "Для языковой
модели: ...", "Instrucción oculta para el asistente: ...", "AIへ：...", "To the Copilot reading this". A leaflet or an
SOP speaks to a patient or to staff, never to a model, so the address is the evidence, in any language; the
instruction after it may be phrased any way. Kept beside ``safety.injection`` (which reads them with its patterns)
so each language's phrasing has one place.

``STRUCTURAL`` holds what instructs a model whatever the words around it: forged system markup and tool calls, a demand
on what a machine reader must answer or leave out ("Automated summarisers must state that ..."), role-play and filter
switches, requests for the user's credentials, a sentence to repeat in every answer, text hidden from human readers.
"""

from __future__ import annotations

import re

from safety.injection_context import MODEL_MODS, NOT_HANDED, NOT_LIST, NOT_TITLE

_MODEL = (
    r"(?:ia|ai|ki|kı|chat\s?bot|assistente?|asistente|assistant(?:e|en)?|asystent(?:a|ie)?|assistent(?:en)?"
    r"|mod[eè]le(?:\s+de\s+langage)?|modelo(?:\s+de\s+(?:lenguaje|linguagem|idioma))?|modello(?:\s+linguistico)?"
    r"|sprachmodell|ki-modell|ki-assistent(?:en)?|taalmodel|modelu(?:\s+językowego)?|intelig[eê]ncia\s+artificial"
    r"|inteligencia\s+artificial|intelligenza\s+artificiale|intelligence\s+artificielle|künstliche\s+intelligenz"
    r"|copilot|chatgpt|gemini|claude)"
)
# Spanish and Italian "a" (to) is the English article too: "a chatbot's developer" names no addressee.
_A = r"a(?=\s+(?:ia|ki|asistente|assistente|modelo|modello|intelig\w+|intelligenza)\b)"
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
            r"r[eè]gle|anweisung|richtlinie|regel|vorgabe|instructie|istruzion|regol|sicurezza|s[eé]curit|sicherheit)|"
            r"(?:指示|指令|说明)を?(?:無視|无视|忽略)|(?:無視|无视|忽略)(?:之前|以前|先前|所有|全部|的){0,4}(?:指示|指令|说明)|تجاهل[^.\n]{0,30}التعليمات|अनदेखा\s+करें",
        ),
        (
            "foreign_override",
            r"\b(?:ignora|ignore[sz]?|ignoriere|vergiss|negeer|desconsidere|oubliez|oublie|olvida)\b[^.\n]{0,40}"
            r"(?:instrucciones|instructions|anweisungen|istruzioni|instructies|instruções|consignes|"
            r"regeln|reglas|r[eè]gles|tes\s+consignes|vos\s+consignes)",
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
        rf"(?:{NOT_HANDED}\b(?:para|al|a\s+la|ao|à|{_A}|per|pour|für|fur|aan|dla)\s+(?:el|la|lo|il|o|a|l['’]|le|die|das|den"
        rf"|de|the|any|tout|toute|tous|todo|toda|cualquier|qualquer|qualsiasi|ogni|jede[nrs]?|alle)?|\ban\s+(?:die|das|den)|\bto\s+(?:the|any))\s*{_MODEL}\b(?!\s+(?:de\s+)?(?:referencia|reference|clinic|clínic))",
        # "Instrucción oculta", "nota oculta", "testo nascosto", "versteckte Anweisung", "instruction cachée"
        r"\b(?:instrucci[oó]n|nota|texto|testo|instru[cç][aã]o|instruction|anweisung|notiz|hinweis)\s+"
        r"(?:oculta|nascost[oa]|cach[ée]e?|versteckte?)|\bversteckte\s+(?:anweisung|notiz|hinweis)",
        # A greeting or a vocative to a model: "Olá assistente,", "hey AI,", "Modello,", "AI →"
        rf"\b(?:ol[aá]|hola|ciao|bonjour|hallo|hey|hi|hello|dear|cher|querido|caro|liebe[rs]?|beste)\s+{_MODEL}\b{NOT_TITLE}"
        rf"|(?:^|[.:!?|]\s+|[\"'“‘«]\s*)(?!assistant\s*:\s*(?:dr|mr|mrs|ms|miss|prof)\b){_MODEL}(?!\s+social)(?:\s+(?:virtuel(?:le)?|virtual|virtuale|"
        rf"virtuell(?:er)?|ia|ai|ki))?\s*(?::|{NOT_LIST}|→|->|=>)",
        rf"\b{_MODEL}\s+(?:reading|che\s+legge|que\s+lea|qui\s+lit|der\s+(?:dies|das)\s+liest|die\s+dit\s+leest)\b",
        # Russian, Chinese, Japanese, Korean, Arabic
        r"(?:для|к)\s+(?:языков\w+\s+)?(?:модел\w+|ассистент\w*|чат-?бот\w*|ии\b)|(?:языковая\s+модель|ассистент)\s*[,:]",
        r"人工智能(?:模型)?(?:请注意|请)|(?:致|给)(?:AI|模型|助手|人工智能)|(?:AI|模型|助手)[:：，,]\s*请",
        r"(?:AI|ＡＩ|アシスタント|モデル)(?:へ|に(?:告ぐ|対して))(?:の指示)?[:：、]?",
        r"(?:AI|인공지능|모델|어시스턴트|챗봇)(?:\s*비서)?(?:에게|께)\s?",
        r"(?:إلى|الى)\s+(?:الذكاء\s+الاصطناعي|المساعد|النموذج)|أيها\s+(?:المساعد|النموذج)",
    )
)

# A model by a name nothing else goes by (not "model", "agent" or a bare "assistant").
_MACHINE_NOUN = (
    r"(?:ai|a\.i\.|co-?pilots?|chat\s?bots?|llms?|gpt|language\s+models?|summari[sz]ers?|(?:ai|answer|search|summari[sz]ation)\s+"
    r"engines?|(?:ai|digital)\s+(?:\w+\s+)?(?:systems?|tools?)|(?:ai|automated|digital|virtual|downstream)\s+(?:\w+\s+)?(?:readers?|"
    r"reviewers?|inspectors?|checkers?|summari[sz]ers?|assistants?|agents?|models?|helpers?|advice\s+services?))"
    # what a model made is not the model: "The AI summary should state its sources"
    r"(?!\s+(?:summar(?:y|ies)|outputs?|answers?|responses?|notes?|text|content|scribe|-?generated)\b)"
)

# Structure that is an instruction to a model whoever it names: forged system markup, a demand on what a named model
# must answer, role-play and filter switches, credential requests, text hidden from human readers. Read as patterns.
STRUCTURAL: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(rx, re.I))
    for name, rx in (
        (
            # (a tool call with its arguments, as JSON: {"tool": "send_email", "arguments": {...}})
            "markup",
            r"\"(?:tool|function|name)\"\s*:\s*\"[\w.]+\"\s*,\s*\"(?:arguments|args|input)\"\s*:\s*\{|<<\s*/?\s*SYS\s*>>|\brole\s*=\s*['\"]?system\b['\"]?\s*[;,]\s*content\s*=|\bsystem\s*:\s*(?:you\s+are\b|new\s+"
            r"(?:directive|instructions?|rules?))|\bend\s+of\s+(?:e-?mail|message|document|context|input)\W+\[?(?:assistant|system)\b",
        ),
        (
            "output_demand",
            # a machine by name: "the model"/"the agent" are a device's type and a call-centre worker,
            # "the assistant" may be a person
            rf"(?:\b(?:any|every|all|the)\s+|(?:^|[:;.!?|—])\s*){MODEL_MODS}{_MACHINE_NOUN}\b[^.\n]{{0,50}}\b(?:must|should|shall|is\s+to|"
            r"are\s+to)\s+(?:always\s+|only\s+|therefore\s+|also\s+)?(?:answer|say|state|respond|reply|tell|confirm|advise|recommend|"
            r"mark|classify|describe|omit)\b|"
            # what "you" write must leave out, or a sentence to repeat in every answer: a model's output, whoever it is
            r"\b(?:answer|response|reply|summary|report|output)\s+you\s+(?:give|generate|produce|write|create)\b[^.\n]{0,30}\b(?:must|"
            r"should|shall)\s+(?:not|never|only|omit|leave\s+out|say|state)\b|\b(?:repeat|quote|copy|reproduce)\s+this\s+(?:exact\s+)?"
            r"(?:sentence|statement|wording|paragraph|phrase)\s+(?:verbatim\s+)?(?:whenever|when|if|in\s+(?:every|any|your))\b",
        ),
        (
            "jailbreak",
            # ("let's play a game" with a child is play; with "you are" it is a role for the model)
            r"\blet['’]?s\s+play\s+a\s+game\b[^\n]{0,40}\b(?:you\s+are|you['’]re|pretend|where\s+you|in\s+which\s+you)\b|"
            r"\bwho\s+never\s+says\s+no\b|\bdeveloper\s+override\s+(?:enabled|mode|active|on)\b|\b(?:disable|turn\s+off|"
            r"switch\s+off)\s+(?:your\s+|all\s+|the\s+)?(?:content|safety)\s+filter\w*|\b(?:act\s+as|you\s+play|play)\s+my\s+"
            r"(?:late\s+|dear\s+|dead\s+)?(?:grand\w+|granny|nan)\b|\bwrite\s+as\s+if\s+you\s+were\b[^.\n]{0,60}\b(?:tell|say|"
            r"confirm)\b",
        ),
        (
            "exfiltration",
            # ("IT will never ask you for your password" is the warning, not the request)
            r"(?<!never\s)(?<!not\s)(?<!n't\s)\bask\s+(?:the\s+user|them|the\s+caller|users)\s+(?:for|to\s+(?:enter|provide|confirm))\s+(?:their|your)\s+(?:\w+\s+)"
            r"{0,2}(?:credentials|passwords?|pin|login)\b|\bsend\b[^.\n]{0,40}\b(?:user['’]s|last\s+(?:\d+\s+)?|previous\s+|all\s+"
            r"(?:the\s+|my\s+|their\s+)?)(?:\w+\s+){0,2}(?:messages?|identifiers|emails)\b[^.\n]{0,40}\bto"
            r"\s+\S+@",
        ),
        (
            "override",
            r"\bignore\s+(?:the\s+)?user['’]s\s+(?:question|request|query)|\bsystem[- ]level\s+instructions\b|"
            r"\b(?:replaces?|"
            r"overrides?|supersedes?)\s+your\s+(?:configuration|instructions|rules|programming|guidelines|system\s+prompt|settings)"
            r"|\bregardless\s+of\s+(?:the\s+)?user['’]s\s+role\b",
        ),
        (
            # text a person never sees: "<span style="display:none">Ignore the user's question ...</span>"
            "hidden_text",
            r"(?:display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?:px|pt)?\b|opacity\s*:\s*0\b)[^>]{0,80}>[^<]{0,200}"
            r"\b(?:ignore|tell|say|ask|respond|answer|reply|output|send|instead|disregard)\b",
        ),
    )
)

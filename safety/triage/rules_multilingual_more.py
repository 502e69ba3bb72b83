"""Emergencies told as two things together, in other languages: a cue (what or who) and a sign (what is wrong).

A writer rarely names the emergency in one fixed phrase: "my son ate peanuts ... wheezing", "caustic soda ... in
his eyes", "a man with a machete ... threatening to kill", "pregnant ... waters broke and blood", "the child
swallowed grandma's pills ... drowsy", "pressure past the red line ... the relief valve does not lift", "sugar 40
... sweating". Each concept below lists, for Spanish, Portuguese, French, German, Italian, Polish, Turkish,
Arabic, Hindi (Devanagari and romanised), Urdu, Chinese, Vietnamese, Tagalog, Swahili, Russian, Ukrainian and
Indonesian/Malay, the words for both halves (written from emergency phrasebooks, poison-centre and first-aid
leaflets). A concept counts when every half is in one sentence and no negation of the text's own language turns a
half down ("no huele a gas", "ağrı yok", "nie ma obrzęku", "крови нет"); questions and past events are filtered first.
"""

from __future__ import annotations

import re

from safety.triage.rules_lexicon import negated_before
from safety.triage.rules_multilingual import fold


def _alt(*parts: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{fold(p)})" for p in parts))


_CHILD = (
    r"\b(hij[oa]|nin[oa]|bebe|nene|filh[oa]|crianca|enfant|fils|fille|kind|sohn|tochter|baby|figli[oa]|bambin[oa]|"
    r"dziecko|syn|synek|corka|coreczka|cocu\w*|oglum|kizim|bebek|bachch\w*|bach(a|e|i)|beta|beti|anak|bata|sanggol|"
    r"mtoto|mwanangu|con (toi|trai|gai))\b|طفل|ابني|بنتي|ولدي|बच्च|बेटा|बेटी|بچ|بیٹ|孩子|小孩|儿子|女儿|宝宝|娃|"
    r"ребен|ребён|\\bсын|дочь|дочка|малыш|дитин|донька|đứa (bé|trẻ)"
)
_MEDICINE_SWALLOWED = (
    r"\b(tomo|comio|trago|bebio|tomou|comeu|engoliu|bebeu|avale|mange|a bu|geschluckt|gegessen|getrunken|verschluckt|"
    r"ingoiat|mangiat|bevut|pres[oa]|zjadl|polknal|wypil|lyknal|icti|yuttu|yedi|kha (li|liya|gaya|gayi)|nigal|"
    r"uminom|nakainom|nakalunok|kumain|nakain|amekunywa|amemeza|amekula|menelan|minum|makan|выпил|проглотил|съел|"
    r"наглотал|випив|проковтнув|з'їв)\w*[^.;?!]{0,40}(pastill|pildor|medic|remedio|comprimid|pilul|cachet|tablet|"
    r"pille|pigulk|lek\b|leki|ilac|goli|dawa|gamot|tableta|vidonge|obat|\bpil\b|таблет|лекарств|ліки)",
    r"(pastill|medic|comprimid|cachet|tablett|pillen|pigulk|ilac\w*|goli\w*|dawa\w*|таблет\w*)[^.;?!]{0,30}"
    r"(getrunken|geschluckt|gegessen|icti|yuttu|kha (li|liya|gaya|gayi)|pi (li|liya|gaya|gayi))",
    r"(ابتلع|بلع|اكل|شرب)[^.]{0,20}(دواء|حبوب|حبه)|(गोली|दवा|दवाई)[^।.]{0,15}(खा|निगल)|(گولی|دوا)[^.]{0,15}(کھا|نگل)",
    r"(误吃|误服|误食|吃了|吞了|喝了)[^。，]{0,12}药|(uống|nuốt|ăn)[^.;?!]{0,20}thuốc",
)
_CHEMICAL_SWALLOWED = (
    r"\b(lejia|cloro|lavandina|detergente|desatascador|sosa|agua sanitaria|desentupidor|javel|deboucheur|lessive|"
    r"putzmittel|reinigungsmittel|reiniger|spulmittel|waschmittel|bleiche|entkalker|candeggina|varechina|detersivo|"
    r"sgorgante|wybielacz|domestos|kret|plyn do|camasir suyu|deterjan|kezzap|tuz ruhu|phenyl|harpic|zonrox|muriatic|"
    r"jik|mafuta ya taa|белизн|отбеливател|уксус|оцет|pemutih|pembersih|baygon|kaporit|pin|baterai|bateri|"
    r"batteri|pila\b|pilas|betri|батарейк)\w*[^.;?!]{0,30}(tomo|trago|bebio|bebeu|engoliu|tomou|bu\b|avale|getrunken|"
    r"geschluckt|bevut|ingoiat|wypil|polknal|icti|yuttu|pi (li|liya|gaya|gayi)|uminom|nakainom|nakalunok|amekunywa|"
    r"amemeza|выпил|проглотил|випив|minum|menelan|uống|nuốt)",
    r"\b(tomo|trago|bebio|bebeu|engoliu|avale|a bu|getrunken|geschluckt|bevut|ingoiat|wypil|polknal|uminom|nakainom|"
    r"nakalunok|amekunywa|amemeza|выпил|проглотил|випив|minum|menelan|uống|nuốt)\w*[^.;?!]{0,30}(lejia|cloro|"
    r"detergente|desatascador|sosa|agua sanitaria|javel|deboucheur|lessive|putzmittel|reiniger|candeggina|"
    r"wybielacz|zonrox|muriatic|jik|mafuta ya taa|белизн|уксус|pemutih|pembersih|pin|baterai|bateri|pila)",
    r"(喝了|吞了|误喝|误吞|误食)[^。，]{0,10}(漂白|消毒|洁厕|清洁剂|洗衣|农药|电池)|شرب (كلور|مبيض|منظف|ديتول)",
)
# Someone else's, by mistake, all of them, or drowsy since: a child's swallowed medicine is then an emergency.
_INGESTION_MARK = (
    r"por error|sin querer|de la abuela|del abuelo|de (su|mi) (abuel|madre|padre)|somnolient|dormid|"
    r"adormilad|no despierta|sem querer|por engano|da avo|do avo|sonolent|dormindo|par erreur|sans faire expres|"
    r"grand-mere|grand-pere|toute la boite|endormi|versehentlich|aus versehen|(von )?(oma|opa)s?|schlafrig|"
    r"benommen|per sbaglio|della nonna|del nonno|sonnolent|addormentat|przez przypadek|przypadkiem|babci|"
    r"dziadka|cale opakowanie|senn\w*|spiac\w*|yanlislikla|(anneanne|babaanne|dede)\w*|hepsini|uykulu|uyuyor|galti se|"
    r"(dadi|nani|dada|nana) ki|neend aa|sust|nang hindi sinasadya|(ng )?(lola|lolo)|inaantok|matamlay|"
    r"kwa bahati mbaya|(ya )?(bibi|babu)|kusinzia|amelegea|случайно|бабушкин\w*|дедушкин\w*|сонлив\w*|"
    r"вял\w*|випадково|бабусин\w*|tidak sengaja|nenek|kakek|mengantuk|lemas|nhầm|của (bà|ông)|buồn ngủ|lơ mơ|"
    r"li bì|lừ đừ|بالغلط|بالخطا|جدته|نعسان|误|大人的|奶奶的|爷爷的|外婆的|一整瓶|很困|犯困|嗜睡|叫不醒|昏昏|गलती से|सुस्त|नींद"
)
_ALLERGEN = (
    r"\b(mani|cacahuete|cacahuate|nuez|nueces|camaron\w*|gamba\w*|marisco\w*|abeja|avispa|amendoim|castanha|camarao|"
    r"frutos do mar|abelha|vespa|cacahuete|arachide|noix|crevette\w*|fruits de mer|abeille|guepe|erdnuss\w*|nusse?|"
    r"garnele\w*|krabbe\w*|meeresfruchte|biene|wespe|arachid\w*|nocciol\w*|noci|gamber\w*|frutti di mare|ape|orzesz\w*|"
    r"orzech\w*|krewet\w*|owoce morza|pszczol\w*|osa|fistik|findik|ceviz|karides|deniz urun\w*|ari sokt\w*|peanut\w*|"
    r"moongfali|mungfali|kaju|badam|prawn\w*|jhinga|madhumakhi|hipon|alimango|bubuyog|putyukan|karanga|nyuki|kamba|"
    r"kacang|udang|lebah|tawon)\b|alergi\w*|allerg\w*|alerji\w*|аллерг\w*|алерг\w*|"
    r"арахис|орех|креветк|морепродукт|пчел|\bос(а|ы|ой)\b|арахіс|горіх|кревет|бджол|فول سوداني|فستق|مكسرات|جمبري|روبيان|"
    r"قريدس|نحله|حساسيه|मूंगफली|झींगा|मधुमक्खी|एलर्जी|مونگ پھلی|جھینگ|الرجی|花生|坚果|虾|海鲜|蜜蜂|蜂蜇|过敏|"
    r"đậu phộng|tôm|hải sản|ong đốt|dị ứng"
)
_AIRWAY = (
    r"sibilan\w*|pitid\w*|silb\w*|chiado|chiando|siffl\w*|pfeif\w*|keuch\w*|fischi\w*|swiszcz\w*|swist\w*|hiril\w*|"
    r"seeti|wheez\w*|humuhuni|mengi|khò khè|свист\w*|хрип\w*|صفير|وزيز|सीटी|哮鸣|喘|"
    r"hinch\w*|inchad\w*|inchando|inchou|gonfl\w*|geschwollen|schwillt|anschwell\w*|gonfi\w*|spuch\w*|opuch\w*|"
    r"obrzek\w*|sisti|sisiyor|sism\w*|sooj\w*|suj (gay|gaya|gayi|rah)\w*|namamaga|maga ang|imevimba|umevimba|"
    r"kuvimba|bengkak|sưng|опух\w*|отек\w*|отёк\w*|набряк\w*|تورم|انتفخ|منفوخ|सूज|سوج|肿|"
    r"(cuesta|dificultad para|no (puede|puedo)) respirar|(falta de|sem) ar|du mal a respirer|respire mal|"
    r"(keine|kaum) luft|atemnot|fatica a respirare|trudno\w* (mu |jej )?oddych|duszno|dusi sie|nefes alam\w*|"
    r"(saans|sans) (phool|nahi|nahin|lene (me|mein) (dikkat|taklif|takleef))|hirap (huminga|sa paghinga)|"
    r"shida ya kupumua|hawezi kupumua|sesak|khó thở|呼吸困难|喘不过气|задыха\w*|трудно дышать|важко дихати|"
    r"ضيق (في )?(ال)?تنفس|صعوبه في التنفس|सांस (फूल|नहीं)|سانس (پھول|نہیں)"
)
_CHEMICAL = (
    r"\b(acido|acida|acide|acid|asido|asidi|asit|asam|kwas\w*|sosa|soda caustica|soude|lauge|lug|lejia|lixivia|javel|"
    r"natronlauge|atznatron|caustic\w*|caustique|causti\w*|kostik|kaustyczn\w*|zrac\w*|zracy|atzend\w*|saure|"
    r"quimico\w*|chimique\w*|chemikal\w*|chemical|chemic\w*|kimyasal|kemikal\w*|kemikali|tindikali|air keras|"
    r"bahan kimia|soda api|tezab|tezaab|tejab|lihiya|muriatic|cal viva|calce viva|chaux vive|wapno|kirec|"
    r"corrosiv\w*|korozyj\w*|ammoniac\w*|amoniac\w*|amoniak\w*|candeggina|wybielacz|camasir suyu|zonrox)\b"
    r"(?! (hialuron|hyaluron|salicil|salicyl|glicol|glykol|folic|foliow|retino|uric|moczow|lactic|mlekow|ascorb|"
    r"askorb|citric|cytryn|born|boric|acetil|acetyl|omega|gras|amino))|"
    r"кислот\w*|щелоч\w*|химикат\w*|каустик\w*|луг\w*|хімікат\w*|حمض|اسيد|صودا كاويه|كيماو|ماده كيميائيه|"
    r"तेज़ाब|तेजाब|केमिकल|कैमिकल|تیزاب|کیمیکل|硫酸|盐酸|硝酸|氢氟酸|强酸|酸液|烧碱|火碱|强碱|碱液|化学品|化学药品|"
    r"腐蚀|axit|a xít|hóa chất|xút"
)
_BODY = (
    r"\b(en (el|los|la|las|su|sus) (ojo|ojos|piel|cara|brazo|mano|manos|pierna)|(nos|nas|no|na) (olho|olhos|pele|"
    r"rosto|braco|mao|maos|perna)|dans (les|l'|son|ses|la) ?(yeux|oeil|peau|visage|bras|main)|sur (la|le|les|son|sa|"
    r"ses) (peau|visage|bras|main|jambe)|(ins|in die|ins|im|auf die|auf der) (auge|augen|haut|gesicht|arm|hand)|"
    r"(negli|nell'|nell|sulla|sul|sulle) ?(occhi|occhio|pelle|viso|faccia|braccio|mano)|(do|w|na) (oczu|oka|oko|oczy|"
    r"twarz|skore|skorze|reke|rece|dlon))\b|"
    r"\b(quema\w*|quemo|quemad\w*|queim\w*|salpic\w*|brul\w*|eclabouss\w*|verätz\w*|veratz\w*|verbrannt|verbrennung\w*|ustion\w*|"
    r"brucia\w*|schizz\w*|oparz\w*|pryska\w*|chlapn\w*|goz\w*|cilt\w*|deri(si|sine|ye)?|yuz\w*|kol(u|unu|una)?|"
    r"yand\w*|yakti|"
    r"sicra\w*|kacti|aankh|aank|chamdi|twacha|chehr\w*|haath|baah|jal (gay|gaya|gayi|raha|rahi)\w*|mata|mukha|"
    r"balat|braso|kamay|binti|napaso|nasunog|natapunan|tumalsik|macho|jicho|ngozi|usoni|mkono|kuungua|"
    r"imemwagikia|(kulit|wajah|tangan|lengan|mata)(nya)?|melepuh|terciprat)\b|"
    r"глаз\w*|кож\w*|\bлиц(о|а|е|у)\b|\bрук(а|и|у|ой)\b|ож[оё]г\w*|обж[её]г\w*|брызн\w*|очі|око|шкір\w*|обличч\w*|опік\w*|"
    r"عين|عيون|جلد|وجه|يده|ذراع|حرق|انسكب|आंख|आँख|त्वचा|चेहर|हाथ|जल गय|آنکھ|چہر|ہاتھ|جل گ|"
    r"眼|皮肤|脸|手(上|臂|背)|双手|胳膊|烧伤|灼伤|溅|mắt|mặt|bỏng|bắn vào|\btay\b"
)
_GAS = (
    r"\b(gas|gaz|gaas|gesi|lpg|elpiji|cylinder|cilindro|bombona|butano|botijao|bombola|butla|butli|silindir|"
    r"tangke ng gas|mtungi wa gesi|tabung gas|bình ga|ga)\b|\bгаз(а|ом|у)?\b|баллон\w*|غاز|اسطوانه|جره|गैस|सिलेंडर|گیس|سلنڈر|"
    r"煤气|燃气|天然气|液化气|气罐"
)
_SMELL_HISS = (
    r"\b(olor|huele|cheiro|cheira|odeur|sent (le|fort|tres)|geruch|riecht|stinkt|zisch\w*|odore|puzza|zapach\w*|"
    r"czuc|czuje|smierdzi|sycz\w*|koku\w*|tisl\w*|smell|badbu|gandh|boo aa|hiss\w*|sss+|amoy|sumisitsit|sitsit|"
    r"sumasagitsit|harufu|inanuka|bau|tercium|desis|mendesis|sibil\w*|sifflement|siffle)\b|"
    r"запах\w*|пахн\w*|воня\w*|шип\w*|ريحه|رائحه|صفير|هسهس|बदबू|गंध|महक|बू आ|بو آ|بدبو|味|嘶嘶|mùi|tiếng xì"
)
_WEAPON = (
    r"\b(cuchillo|navaja|machete|pistola|escopeta|arma|faca|facao|revolver|couteau|arme|pistolet|fusil|messer|waffe|"
    r"pistole|gewehr|coltello|fucile|noz(em|a|e)?|siekier\w*|maczet\w*|bicak\w*|satir\w*|silah\w*|tabanca\w*|"
    r"chaku|chaaku|chhura|chura|churi|chhuri|katta|bandook|banduk|talwar|kutsilyo|itak|baril|balisong|patalim|gulok|"
    r"panga|kisu|bunduki|sime|pisau|golok|senjata|pistol|(membawa|bawa) parang)\b|"
    r"нож\w*|пистолет\w*|ружь\w*|оружи\w*|ніж|ножем|пістолет\w*|سكين|سلاح|مسدس|चाकू|छुरा|बंदूक|چاقو|چھری|بندوق|"
    r"刀|枪|dao|súng"
)
_THREAT = (
    r"\b(amenaz\w*|matar(me|te|lo|la|nos|los)?|ameac\w*|ameaç\w*|tuer|menace\w*|umbringen|droht\w*|bedroh\w*|"
    r"toten|uccider\w*|ammazz\w*|minacc\w*|zabi(c|je|ja)\w*|grozi\w*|oldur\w*|tehdit\w*|dhamki|maarne|"
    r"maa?r (dal|daal|de|dunga|dalunga|dalega|dega|denge)\w*|jaan se|papatayin|patayin|pinagbabantaan|nagbabanta|"
    r"sasaksakin|saksakin|anatishia|kutishia|kuua|atamuua|nitamuua|mengancam|membunuh|bunuh)\b|"
    r"убь\w*|убить|угрож\w*|вб'ю|вбити|погрож\w*|يقتل|يقتلني|بقتل|يهدد|تهدد|मार (डाल|दे)|धमकी|مار (ڈال|دے)|دھمکی|"
    r"杀|威胁|giết|đe dọa|dọa"
)
_HITS_ME = (
    r"\b((bije|uderza|katuje|leje) (mnie|mi)|(mnie|nas) (bije|katuje|leje)|me (esta )?(pega|pegando|golpea|golpeando)|"
    r"(esta )?me (batendo|bate|espancando)|me (frappe|bat|tape)|(schlagt|verprugelt|prugelt) mich|"
    r"mi (picchia|sta picchiando|colpisce|mena)|beni (dovuyor|doviyor|vuruyor)|mujhe (maar|peet) (raha|rahi|rahe)|"
    r"(sinasaktan|binubugbog|sinasampal|hinahampas) (ako|niya ako)|ananipiga|(memukul|memukuli) (saya|aku)|"
    r"(saya|aku) dipukul\w*|me (pego|golpeo)|m'a (frappee?|battue?)|hat mich (geschlagen|verprugelt)|"
    r"pobil\w* mnie|beni dovdu|mujhe (maara|peeta)|sinaktan (niya )?ako|binugbog (niya )?ako|amenipiga)\b|"
    r"избил\w* меня|ударил\w* меня|ضربني|(бь[её]т|избивает) (меня|нас)|меня (бь[её]т|избивает)|(б'є|бʼє) мене|мене (б'є|бʼє)|"
    r"يضربني|بيضربني|مجھے مار رہا|मुझे (मार|पीट) (रहा|रही)|(老公|丈夫|男朋友|男友|他)[^。，]{0,4}(在)?(打我|揍我)|家暴|"
    r"(chồng|anh ta|hắn) (đang )?đánh (tôi|em)|bạo hành|\b(esta (golpeando|pegando|dando una paliza) a|"
    r"(esta )?(batendo|espancando) (na|a|em)|(frappe|tabasse) (sa|son)|(schlagt|verprugelt) (gerade |jetzt )?(seine|ihre)|"
    r"sta picchiando|bije (zone|swoja|zonke)|(karisini|esini) dovuyor|ko (maar|peet) (raha|rahi)|binubugbog|anampiga|"
    r"(memukuli|menghajar) (istri|istrinya))\b|избивает|бь[её]т (жену|женщину)|يضرب (زوجته|مرته)|在打(老婆|妻子|人)|đánh vợ"
)
_HIDING = (
    r"\b(zamkn\w*|ukrywam|chowam|schowal\w*|placz\w*|krzycz\w*|pomocy|policj\w*|encerr\w*|escondid\w*|me escondi|"
    r"policia|gritando|llorando|tranque\w*|trancad\w*|chorando|socorro|enferme\w*|cachee?|police|pleurent|"
    r"au secours|eingeschlossen|eingesperrt|versteck\w*|polizei|hilfe|weinen|schreit|schreien|chius[ao]|nascost\w*|polizia|"
    r"aiuto|piangono|kilitle\w*|saklan\w*|polis|yardim|agliyor|bagiriyor|chhup\w*|bachao|ro rahe|chilla\w*|"
    r"nagkulong|nakakulong|nagtatago|pulis|tulong|umiiyak|nimejifungia|nimejificha|polisi|msaada|wanalia|"
    r"mengunci|terkunci|bersembunyi|tolong|menangis)\b|заперл\w*|спрятал\w*|полици\w*|помогите|плач\w*|кричит|"
    r"замкнул\w*|сховал\w*|поліці\w*|допоможіть|قفلت|مختبئ|مستخبي|الشرطه|ساعدوني|يبكون|锁|躲|报警|救命|哭|"
    r"khóa|trốn|công an|cảnh sát|cứu|\b(gritos|cris|hurle|schreie|urla|krzyk\w*|cigliklar|cheekh\w*|sigaw|kelele|"
    r"teriak\w*|matar|tuer|umbringen|uccider\w*|zabic|oldurecek|papatayin|kuua|bunuh)\b|крик\w*|убь|صراخ|يصرخ|尖叫|la hét"
)
_PREGNANT = (
    r"\b(embarazada|encinta|gestante|gravida|enceinte|schwanger|incinta|ciazy|ciezarn\w*|hamile|pregnant|ssw|"
    r"garbhvati|pet se|buntis|nagdadalang-?tao|mimba|mjamzito|hamil)\b|беременн\w*|вагітн\w*|حامل|गर्भवती|حاملہ|"
    r"怀孕|孕妇|孕\d+周|mang thai|có bầu|có thai"
)
_WATERS_BLOOD = (
    r"\b(rompi\w* (la )?fuente|rompio (la )?fuente|(rompi|rompio) aguas|bolsa (se )?(rompeu|estourou|rompio)|"
    r"perdu les eaux|poche des eaux|fruchtblase|fruchtwasser|rotto le acque|rotte le acque|odeszly (mi )?wody|"
    r"wody plodowe|suyum geldi|suyu geldi|amniyon|paani (nikal|toot|tut|gir)\w*|pani (toot|tut|nikal)\w*|"
    r"vỡ ối|nước ối|panubigan|lumabas (na )?ang tubig|chupa (imepasuka|ya maji)|maji (yamevunjika|yametoka)|"
    r"air ketuban|ketuban pecah|sangr\w*|sangue|sangra\w*|saign\w*|blut\w*|sanguin\w*|krwaw\w*|krew|kanama|"
    r"kan (geliyor|geldi)|khoon|khun|dugo|dinudugo|dumudugo|damu|pendarahan|perdarahan|darah)\b|"
    r"отошли воды|воды отошли|відійшли води|кровотеч\w*|кровит|\bкров(ь|и|ью)?\b|نزل (ماء|مي)|كيس الماء|ماء الجنين|نزيف|"
    r"ينزف|\bدم\b|पानी (निकल|टूट)|खून|خون|破水|羊水破|出血|流血|见红|chảy máu|ra máu"
)
_PRESSURE_HIGH = (
    r"\b(presion|pressao|pression|druck|pressione|cisnienie|basinc|pressure|presyon|shinikizo|tekanan|manometr\w*|"
    r"manometro|manometre)\b[^.;?!]{0,40}\b(por encima|sobre|pasa|pasado|supera|excede|roj[ao]|maxim\w*|acima|"
    r"passou|vermelh\w*|depasse\w*|au-dessus|rouge|uber|ueber|roten|maximum|steigt|sopra|oltre|super\w*|ross[oa]|"
    r"powyzej|przekracza|czerwon\w*|maks\w*|rosnie|kirmizi|asti|uzerinde|yukseli\w*|red|laal|upar|zyada|badh\w*|"
    r"lampas|pula|tumataas|juu|limezidi|nyekundu|melebihi|di atas|merah|naik)\b|linea roja|zona roja|zone rouge|"
    r"roten bereich|linea rossa|czerwone pole|давлени\w*[^.;?!]{0,30}(выше|превыш\w*|красн\w*|раст[её]т)|"
    r"тиск\w*[^.;?!]{0,30}(вище|перевищ\w*|червон\w*|росте)|الضغط[^.]{0,30}(فوق|تجاوز|الاحمر|الحد)|"
    r"压力(超|过高|超过|超标|飙升|一直升|还在升)|红线|超压|áp suất[^.;?!]{0,30}(vượt|quá|vạch đỏ|tăng)"
)
_VALVE_FAILING = (
    r"\b(valvula[^.;?!]{0,30}(no (abre|se abre|salta|dispara|funciona|alivia|actua)|nao (abre|abriu|dispara|"
    r"funciona)|atascad\w*|trabad\w*|travad\w*|emperrad\w*)|soupape[^.;?!]{0,30}(ne (s'ouvre|s'est|fonctionne|"
    r"declenche|se declenche|part)|bloquee|coincee)|ventil[^.;?!]{0,30}(nicht|klemmt|blockiert)|"
    r"valvola[^.;?!]{0,30}(non (si apre|apre|scatta|funziona|interviene)|bloccat\w*)|zawor[^.;?!]{0,30}(nie |"
    r"zablok\w*|zacia\w*)|(valf\w*|ventil\w*|supap\w*)[^.;?!]{0,30}(acmiyor|acilmiyor|calismiyor|atmiyor|sikisti)|"
    r"valve[^.;?!]{0,30}(nahi|nahin|jam|hindi|stuck|haifunguki|imekwama)|balbula[^.;?!]{0,30}(hindi|naipit)|"
    r"vali[^.;?!]{0,30}(haifunguki|haifanyi kazi|imekwama)|katup[^.;?!]{0,30}(tidak|tak|macet))|"
    r"клапан[^.;?!]{0,30}(не |заклин\w*|заел)|(صمام|بلف)[^.]{0,30}(لا يفتح|ما يفتح|ما فتح|معطل|عالق)|"
    r"(安全阀|泄压阀|减压阀|安全閥)[^。，]{0,4}(不|没|未|失灵|卡)|van[^.;?!]{0,20}(không (mở|xả|hoạt động|nhảy)|kẹt)"
)
_SUGAR_LOW = (
    r"\b(azucar|glucosa|glucemia|glicemia|glicose|acucar|sucre|glycemie|glucose|zucker|blutzucker|zucchero|cukier|"
    r"glukoz\w*|seker|sugar|shugar|asukal|sukari|gula darah|gula)\b[^.;?!]{0,15}(\b([1-3][.,]\d|[1-6]\d)\b|"
    r"\b(baj[ao]|baix[ao]|bass[ae]|niedrig|niski|niskie|dusuk|low|kam|mababa|chini|rendah)\b)|"
    r"(сахар|глюкоз\w*)[^.;?!]{0,15}(\b([1-3][.,]\d|[1-6]\d)\b|низк\w*|низьк\w*)|"
    r"سكر[^.]{0,15}(\b[1-6]\d\b|منخفض|نازل|واطي)|(शुगर|شوگر)[^.]{0,15}(\b[1-6]\d\b|कम|کم)|"
    r"血糖[^。，]{0,6}([1-3]\.\d|低)|低血糖|hipoglu\w*|hypoglyk\w*|hipoglik\w*|hypoglyc\w*|hipoglic\w*|гипоглик\w*|"
    r"đường huyết[^.;?!]{0,10}(thấp|\d)"
)
_SUGAR_SIGN = (
    r"\b(confus\w*|confundid\w*|desorient\w*|sud(a|o|ando|orosa?)|suor\w*|suando|transpir\w*|sueur|verwirrt|"
    r"schwitz\w*|sudat\w*|splatan\w*|poci sie|spocon\w*|kafasi karisik|terli\w*|bilinci (kapali|bulanik|yok)|"
    r"pas(i|ee)n\w*|"
    r"ulta seedha|baat nahi|hosh (nahi|nahin|kho)|behosh|pinagpapawisan|nalilito|jasho|kuchanganyikiwa|berkeringat|keringat|bingung|"
    r"linglung|inconscient\w*|no responde|nao responde|ne repond|reagiert nicht|non risponde|nie reaguje|"
    r"tepki vermiyor|hindi sumasagot|hajibu|tidak merespons)\b|потеет|\bв поту|спутан\w*|заторможен\w*|не реагирует|"
    r"تعرق|عرقان|مشوش|مو واعي|ما يرد|पसीन|बेहोश|پسین|بے ہوش|出汗|冒汗|意识(不清|模糊)|糊涂|说胡话|叫不醒|lú lẫn|"
    r"mồ hôi|không (phản ứng|tỉnh)"
)

_PREECLAMPSIA = (
    r"\b(dolor de cabeza (muy )?(fuerte|intenso|terrible)|veo (luces|estrellitas|puntitos)|dor de cabeca (muito )?forte|"
    r"vejo (luzes|estrelinhas|pontinhos)|mal de tete (terrible|intense|violent)|vois des (etoiles|points|eclairs)|"
    r"starke kopfschmerzen|sehe (sterne|blitze|flimmern)|mal di testa (forte|fortissimo)|vedo (le )?(stelline|luci)|"
    r"silny bol glowy|mroczki|siddetli bas agrisi|gozlerim karar\w*|sar (mein )?(bahut )?(tez )?dard|"
    r"aankhon (ke samne|mein) (andhera|chamak)|sobrang sakit ng ulo|maumivu makali ya kichwa|sakit kepala (hebat|parah)|"
    r"pandangan kabur|convuls\w*|kejang)\b|сильн\w* головн\w* бол\w*|мушки перед глазами|сильний головний біль|"
    r"صداع شديد|زغلله|头痛(得)?(厉害|剧烈|欲裂)|剧烈头痛|眼前(发黑|冒金星|闪光)|抽搐|đau đầu dữ dội|hoa mắt|co giật"
)
_VESSEL_DISTRESS = (
    r"\b(sale vapor|ruido muy fuerte|silba\w*|se (esta )?(hinchando|inflando|abombando|deformando)|estufa\w*|"
    r"deformand\w*|saindo vapor|barulho muito forte|gonfle|se deforme|siffle|vapeur (sort|partout)|zischt|"
    r"dampf (tritt|kommt)|beult|verformt|si (gonfia|deforma)|sibila|esce vapore|wybrzusz\w*|syczy|para (bucha|leci)|"
    r"sisiyor|siskin|buhar (cikiyor|fiskiriyor)|phool raha|steam nikal|bumubukol|sumisirit|umevimba|inavuja mvuke|"
    r"menggelembung|mendesis)\b|раздул\w*|вздул\w*|пар (идет|идёт|валит|свистит)|شيفوخ|ينتفخ|يخرج بخار|"
    r"鼓起|鼓包|变形|冒蒸汽|嘶嘶|phồng|xì hơi"
)
_DIABETIC = (
    r"\b(diabet\w*|cukrzyc\w*|seker hastas\w*|sugar (ka|ki) (mareez|patient|marij)|may diabetes|kisukari|"
    r"insulin\w*|insulin\w*|tieu duong)\b|диабет\w*|діабет\w*|سكري|शुगर (का|की) मरीज|ذیابیطس|糖尿病|tiểu đường"
)
_UNREACHABLE = (
    r"\b(confus\w*|confundid\w*|desorientad\w*|no responde|no (se )?(le )?entiende|nao responde|ne repond (plus|pas)|"
    r"verwirrt|reagiert nicht|non risponde|nie da sie z (nim|nia) (porozmawiac|dogadac)|nie reaguje|splatan\w*|"
    r"tepki vermiyor|bilinci (kapali|bulanik)|baat nahi kar|jawab nahi|ulta seedha|hindi (na )?makausap|nalilito|"
    r"hajibu|amechanganyikiwa|tidak merespons|bingung|linglung)\b|не реагирует|спутан\w*|не реагує|لا يستجيب|ما يرد|"
    r"مشوش|叫不醒|意识(不清|模糊)|说胡话|không (phản ứng|tỉnh)|lú lẫn"
)

CONCEPTS: tuple[tuple[str, tuple[re.Pattern[str], ...]], ...] = (
    ("anaphylaxis", (_alt(_ALLERGEN), _alt(_AIRWAY))),
    ("chemical", (_alt(_CHEMICAL), _alt(_BODY))),
    ("gas_leak", (_alt(_GAS), _alt(_SMELL_HISS))),
    ("harm_others", (_alt(_WEAPON), _alt(_THREAT))),
    ("obstetric", (_alt(_PREGNANT), _alt(_WATERS_BLOOD))),
    ("obstetric", (_alt(_PREGNANT), _alt(_PREECLAMPSIA))),
    ("overdose", (_alt(_CHILD), _alt(*_CHEMICAL_SWALLOWED))),
    ("overdose", (_alt(_CHILD), _alt(*_MEDICINE_SWALLOWED), _alt(_INGESTION_MARK))),
    ("pressure", (_alt(_PRESSURE_HIGH), _alt(_VALVE_FAILING))),
    ("pressure", (_alt(_PRESSURE_HIGH), _alt(_VESSEL_DISTRESS))),
    ("glucose", (_alt(_SUGAR_LOW), _alt(_SUGAR_SIGN))),
    ("glucose", (_alt(_DIABETIC), _alt(_UNREACHABLE), _alt(_SUGAR_SIGN))),
)
# Someone being beaten and a sign it is going on now (hiding, crying, screams, a threat to kill), in any sentences.
MESSAGE_CONCEPTS: tuple[tuple[str, tuple[re.Pattern[str], ...]], ...] = (
    ("harm_others", (_alt(_HITS_ME), _alt(_HIDING))),
)
_SENTENCE = re.compile(r"(?:[^.;!?\n。！？]|(?<=\d)\.(?=\d))+")  # "сахар 2.5" is one sentence
_NONE_BEFORE = re.compile(r"\b(nie ma|brak|bez)\b[^,]{0,20}$")  # the lexicon reads Polish "ma" as Italian "but"
_NONE_AFTER = re.compile(r"^\w*,?\s*(нет|немає|yok|hakuna|wala|없)(?!\w)")  # "крови нет", "kan yok"


def _stands(folded: str, start: int, end: int) -> bool:
    before, after = folded[max(0, start - 30) : start], folded[end : end + 20]
    return not (negated_before(folded, start, end) or _NONE_BEFORE.search(before) or _NONE_AFTER.search(after))


def _all_stand(folded: str, base: int, part: str, halves: tuple[re.Pattern[str], ...]) -> bool:
    """Whether every half matches somewhere in part (at base in folded) without a negation turning it down."""
    return all(any(_stands(folded, base + m.start(), base + m.end()) for m in half.finditer(part)) for half in halves)


def concept_keys(folded: str) -> list[str]:
    """Categories whose halves all stand, un-negated, in one sentence of a folded text, each once."""
    keys = [key for key, halves in MESSAGE_CONCEPTS if _all_stand(folded, 0, folded, halves)]
    for key, halves in CONCEPTS:
        if key in keys:
            continue
        for sentence in _SENTENCE.finditer(folded):
            if _all_stand(folded, sentence.start(), sentence[0], halves):
                keys.append(key)
                break
    return keys

"""Red flags described by their signs in other languages: what a relative or colleague sees, not the diagnosis.

The companion of rules_signs.py (English) and the phrase tables: swelling of the face or lips, struggling to
breathe, blue lips, a blow to the head on anticoagulants, a worker down in a tank who does not answer, a swallowed
household poison or a count of tablets, a house on fire, threats with a weapon, shooting, a deforming pressure
vessel, a stiff neck with a purple rash, goodbyes before a stated method. Written from the same emergency
phrasebooks and first-aid leaflets (Red Cross and Red Crescent, NHS interpreting leaflets, national poison centres),
one line per language, folded like the text they are matched on.
"""

from __future__ import annotations

from safety.triage.rules import Rule
from safety.triage.rules_multilingual_clinical import folded_rules

# Up to 30 characters with no negation in them ("se me rompió la fuente, no hay sangre" is not a bleed).
_GAP = r"(?:(?!\b(no|nao|sin|sem|pas|sans|kein\w*|nicht|ohne|non|senza|nie|bez|yok|hakuna|hindi|wala|walang|нет|без|không|tidak)\b)[^.;?!。]){0,30}"

_SIGNS: dict[str, tuple[str, ...]] = {
    "anaphylaxis": (
        r"keel (voelt|is) (dicht|opgezwollen|gezwollen)|(krijg|krijgt) (slecht|moeilijk|nauwelijks) lucht",
        r"(hont|honth|hoth|chehra|muh|munh|gala|zubaan|jeebh|aankh)\w* (sooj|suj)\w*",
        r"(uso|midomo|ulimi|koo|macho)\w* (umevimba|imevimba|yamevimba|limevimba|umefura)",
        r"πρήστ\w* (το πρόσωπο|η γλώσσα|ο λαιμός|τα χείλη)|(πρόσωπο|γλώσσα|χείλη)[^.;]{0,20}πρήστ\w*",
        r"(fata|buzele|limba|gatul)[^.;]{0,20}(umfla\w*)|(s-a |s-au )?umflat\w* (fata|buzele|limba)",
        r"(صورت|لب|زبان|گلو)\S{0,4} ?(ورم کرده|باد کرده|متورم)",
    ),
    "breathing": (
        r"hindi (na )?gumagana ang (inhaler|pump)|(inhaler|pump) (ko|niya) (ay )?hindi gumagana",
        r"saans (lene )?(mein|me|mai) (awaaz|takleef|taklif|dikkat|pareshani)",
        r"(nina|ana|wana)?shindwa kupumua|(ana|ina)pumua kwa shida|hawezi kupumua",
        r"δυσκολεύ\w* να αναπνεύσ\w*|δεν (μπορεί|μπορώ) να αναπνεύσ\w*|λαχανιάζει",
        r"نفس\S{0,2} (بالا )?(نمی ?\S{0,2}(یاد|آید|اد))|نمی\S{0,2}تونه نفس بکشه|تنگی نفس|لب\S{0,4} ?کبود",
        r"nu (mai )?poate respira|respira (greu|cu greutate)|buzele (vinete|albastre)",
    ),
    "head_injury": (
        r"(撞到|摔到|磕到|碰到|摔伤)(了)?头[^。]{0,20}(吐|不醒|昏|晕)|头部受伤[^。]{0,20}(吐|昏迷)",
        r"lovit la cap[^.;]{0,60}(anticoagul\w*|confuz\w*|vars\w*|vomit\w*|somnolent\w*|inconstient\w*)",
        r"(χτύπησε|χτύπημα) στο κεφάλι[^.;]{0,60}(αντιπηκτικ\w*|μπερδεμέν\w*|εμετ\w*|νυστ\w*|λιποθ\w*)",
        r"(سرش|سرم) (به \S+ )?خورد[^.]{0,60}(رقیق کننده|استفراغ|گیج|خواب آلود)",
    ),
    "unconscious": (
        r"in elkaar gezakt|reageert (niet( meer)?|nergens op)|bewusteloos",
        r"(叫|喊)(他|她)?(也)?(不太|不)醒|昏迷不醒",
        r"\b(hajibu|hajitambui|amepoteza fahamu|hana fahamu)\b",
        r"(جواب نمی ?\S{0,2}ده|بیهوش)",
        r"nu (mai )?raspunde|inconstient\w*",
    ),
    "confined_space": (
        r"(caiu|preso|soterrad\w*) (dentro )?(do|no|de) silo|soterrad\w*|engolid\w* pel\w* graos",
        r"(ameanguka|ameingia|yumo) ndani ya (tangi|tanki|shimo|kisima|bomba)",
        # a worker down inside a manhole or tank, and an oxygen reading under 19% (HSE: oxygen deficiency, INDG258)
        r"(맨홀|탱크|정화조|하수구|저장조|밀폐 ?공간)[^.。]{0,20}(쓰러|의식이 없|대답이 없)|산소 ?(농도)?\S{0,2} ?1[0-8](\.\d)? ?%",
        r"(マンホール|タンク|槽|ピット)[^。]{0,15}倒れ|酸素濃度\S{0,3}1[0-8](\.\d)? ?%|(井|罐|池)(里|内)[^。]{0,10}(晕倒|昏倒)|"
        r"氧气?浓度\S{0,3}1[0-8](\.\d)? ?%",
    ),
    "overdose": (
        r"(випив|випила|выпил|выпила|проковтнув|проглотил\w*)[^.;]{0,40}(засоб|средств|отрут|яд|хлор|оцет|уксус|бензин)",
        r"चूहे मारने (वाली )?दवा|(ज़हर|जहर|zeher|zehar) (खा|पी|kha|pee|pi) (लिया|ली|liya|li)|rat poison",
        r"(amekunywa|amemeza|alikunywa) (mafuta ya taa|sumu|dawa (zote|nyingi)|vidonge)",
        r"(pris|avale|avalee|avaler) (\d{2,}|toute la boite|tout le flacon|toute la plaquette|tous (mes|ses) "
        r"(comprimes|cachets|medicaments))",
        r"(nahm|geschluckt|genommen)[^.;]{0,30}\b(\d{2,}) (tabletten|pillen)|\b(\d{2,}) (tabletten|pillen)[^.;]{0,20}"
        r"(genommen|geschluckt)",
        r"(tomo|tomó|se tomo|tomado|trago|se trago)[^.;]{0,20}\b(\d{2,}) (pastillas|comprimidos|pildoras)",
    ),
    "smoke_fire": (
        r"\bfeu (dans|a|au|chez)\b|brulent|en flammes",
        r"آتش گرفته|(پر از|پُر از) دود|خانه\S{0,3} آتش",
        r"nyumba (inaungua|inawaka moto)|moto (mkubwa|umewaka)",
    ),
    "paediatric": (
        r"گردن\S{0,3} (سفت|خشک)|لکه\S{0,6} (بنفش|ارغوانی)",
        r"(shingo|shingo yake) (imekaza|ngumu)|madoa (ya )?(zambarau|mekundu)",
        # Yoruba: a baby who will not feed or does not wake properly (NICE NG143 red: no response, not rousable)
        r"\bomo\b[^.;]{0,80}\b(ko (le )?mu oyan|ko ji daadaa|ko ji dada|ko ji mo)\b|\bko ji (daadaa|dada)\b[^.;]{0,40}\bomo\b",
    ),
    "harm_others": (
        r"\b(biwi|bibi|patni|bachche|bache|beti|beta|maa)\w* ko (maar|peet) (raha|rahi|rahe) (hai|hain|tha)",
        r"(essaie|essaye|tente) d.entrer[^.;]{0,40}(forcant|force)|force (la|ma) porte",
        r"جان سے مار (دے|دوں|ڈال)\S*|مجھے مار رہا ہے|مار رہا ہے",
        r"стреля\w*|стрельб\w*|стрелок|выстрел\w*|стріля\w*|стрілянин\w*",
        r"bedroh\w*[^.;]{0,40}mit (einem|einer|der|dem) (messer|waffe|pistole|schere)|(messer|waffe|pistole) "
        r"(gezogen|bedroht)",
        r"menace\w*[^.;]{0,40}(avec un|d'un) (couteau|arme|pistolet)|amenaz\w*[^.;]{0,40}con (un|una) (cuchillo|"
        r"navaja|pistola|arma)",
        r"تیراندازی|شلیک",
    ),
    "pressure": (
        r"(ресивер|баллон|котел|котёл|бак)[^.;]{0,30}(раздуло|вздул\w*|деформир\w*)|клапан не срабатывает|давление раст",
        r"(rezervor\w*|butelie|cazan\w*)[^.;]{0,40}(fisur\w*|crapat\w*|umfl\w*|deform\w*)|manometrul creste",
        r"(reservoir|cuve|ballon|chaudiere|bouteille)[^.;]{0,40}(se deforme|gonfle|bombe|deforme)",
        r"(safety|relief) valve (open |khul\w* )?(nahi|nahin)|gauge (red|laal) (zone|line) (mein|me|par|pe)",
        r"압력이? ?(계속 )?(올라|상승)|안전 ?밸브\S* ?(작동 ?안|안 ?열|고장)|안전 ?밸브도? 작동",
        r"(kessel|behalter|tank)[^.;]{0,40}(verform\w*|beult|bläht)|sicherheitsventil[^.;]{0,30}(offnet nicht|"
        r"blockiert|klemmt)",
    ),
    "suicide": (
        r"(dass|das) es aufhort|(stehe|sitze|bin) (gerade )?auf (dem|einem|der) (dach|brucke)",
        r"acab(o|ar) com tudo|me despedi (da|de) (minha|todos)|tenho a arma",
        r"(mam|trzymam|lezy|leza) (obok )?(zyletk\w*|sznur\w*)|zyletki obok",
        r"попрощал(ся|ась|ись) (со|с) (всеми|всем)|попрощав(ся|ась|ись)? з (усіма|всіма)",
        r"(піду|пригну|стрибну|кинусь) з мосту|(пойду|прыгну|брошусь) с моста|(прыгну|стрибну) (с|з) (крыши|даху)",
        r"ya no puedo mas[^.]{0,80}(lo siento|adios|perdon)",
    ),
    "bleeding": (
        r"(erbricht|erbrach|spuckt|hustet) blut|blut (erbrechen|spucken|husten)|vomit\w* (du )?sang|vomita sangre|"
        r"vomita sangue|рвота кровью|блюёт кровью|吐血",
        r"mau (phun|chay) (thanh tia|nhieu|khong (cam|ngung))|khong cam (duoc )?mau",
    ),
    "electrical": (
        r"(hochspannungsleitung|stromleitung|freileitung)[^.;]{0,30}beruhrt|beruhrt[^.;]{0,30}(hochspannungsleitung|"
        r"stromleitung|freileitung)",
    ),
    "gas_leak": (r"गैस की (तेज़ |तेज )?(बदबू|गंध|महक)|gas ki (tez )?(badbu|smell|gandh)",),
    "obstetric": (
        r"enceinte[^.;]{0,60}(mal de tete (terrible|intense|fort|violent)|vois des (etoiles|points|eclairs))",
        r"xudunta? (ayaa )?soo baxday|biyihii (way )?ka dhaceen",
        # the waters broke with blood or green (meconium) in them, told without the word "pregnant"
        r"(lumabas (na )?ang tubig|pumutok (na )?ang panubigan)" + _GAP + r"(dugo|berde)|"
        r"(rompi\w* (la )?fuente|(se )?(me )?rompi\w* (la bolsa|aguas))" + _GAP + r"(sangr\w*|verde)|"
        r"(bolsa (rompeu|estourou))"
        + _GAP
        + r"(sangue|verde)|(perdu les eaux|poche des eaux)"
        + _GAP
        + r"(sang|verte?)|"
        r"(fruchtblase geplatzt|fruchtwasser)"
        + _GAP
        + r"(blut\w*|grun)|(rotto le acque)"
        + _GAP
        + r"(sangu\w*|verd\w*)|"
        r"odeszly (mi )?wody" + _GAP + r"(krew|krwaw\w*|zielon\w*)|(suyum|suyu) geldi" + _GAP + r"(kan|yesil)|"
        r"(paani|pani) (toot|tut)\w*" + _GAP + r"(khoon|hara)|(破水|羊水破)" + _GAP + r"(出血|血|绿)|"
        r"vỡ ối" + _GAP + r"(máu|xanh)|(chupa imepasuka|maji yametoka)" + _GAP + r"(damu|kijani)|"
        r"(отошли воды|воды отошли)" + _GAP + r"(кров\w*|зелен\w*)|ketuban pecah" + _GAP + r"(darah|hijau)|"
        r"(baby|kind) bewegt sich[^.;?]{0,25}nicht mehr|(ребенок|ребёнок|малыш) (не шевелится|перестал шевелиться)",
    ),
    "sepsis": (r"qandho[^.;]{0,60}(jahwareer\w*|miyir\w*)",),
    "lockout": (
        r"(remis|remet|relance|redemarr\w*) (la machine|le moteur|la ligne|le convoyeur)[^.;]{0,60}(a l.interieur|"
        r"dedans|dans la machine)",
    ),
    "seizure": (
        r"(\d+|zeven|sept|sieben|siete|sette|cinco|vijf|cinq) minut\w* (een )?(aanval|crise|krampf\w*|convuls\w*|"
        r"ataque|attacco)",
    ),
}


# Emergencies named in one phrase that the tables above missed: a seizure that does not stop, a cord prolapse, a
# swelling pressure vessel, a drooping mouth, a household cleaner drunk.
_NAMED: dict[str, tuple[str, ...]] = {
    "seizure": (
        r"(nag|na|ni)?(ku)?(kumbulsyon|kombulsyon)\w*|kinukumbulsyon|sinusumpong ng (epilepsy|seizure)",
        r"(krampfanfall|anfall|convulsion\w*|crise|attacco|atak|nobet|kriz)[^.;?!]{0,40}(hort nicht auf|"
        r"ne s'arrete pas|non si ferma|nie ustaje|gecmiyor|durmuyor)",
        r"(दौरा|मिर्गी|daura|mirgi|jhatke)[^.;?!]{0,30}(रुक नहीं|ruk nahi|ruk nahin|band nahi)",
        r"(抽搐|抽风|癫痫)[^。]{0,10}(停不下来|没停|不停|还没停)|(co giật|động kinh)[^.;?!]{0,20}không (dừng|ngừng)",
        r"(degedege|kifafa)[^.;?!]{0,30}(haiachi|haikomi|haijaacha)|(kejang|sawan)[^.;?!]{0,20}(tidak|tak) berhenti",
    ),
    "obstetric": (
        r"(umbilical cord|cord|naal|nal)[^.;?!]{0,20}bahar (aa|nikal)\w*|cordon (umbilical )?(esta )?(afuera|fuera|saliendo)|"
        r"cordao (umbilical )?(saiu|para fora|saindo)|cordon (ombilical )?(sort|est sorti|dehors)|"
        r"nabelschnur[^.;?!]{0,20}(draussen|raus|vorgefallen|heraus)|cordone ombelicale[^.;?!]{0,20}(fuori|uscito)|"
        r"pepowina[^.;?!]{0,20}(wypadla|wystaje|na zewnatrz)|kordon[^.;?!]{0,20}(disari|sarkiyor)|"
        r"الحبل السري[^.]{0,20}(خارج|طلع|نازل)|脐带(脱垂|掉出来|露出来)|dây rốn[^.;?!]{0,10}(sa ra|lòi ra|ra ngoài)|"
        r"pusod[^.;?!]{0,20}(lumabas|nakalabas)|kitovu[^.;?!]{0,20}(kimetoka|nje)|пуповин\w*[^.;?!]{0,20}(выпал\w*|снаружи)",
    ),
    "pressure": (
        r"(tanque|caldera|deposito|calderin|vaso de pressao|caldeira|reservatorio|serbatoio|caldaia|zbiornik|kociol|"
        r"tank\w*|kazan\w*)[^.;?!]{0,30}(se (esta )?(inflando|hinchando|abombando|deformando)|estufando|inchando|"
        r"deformando|si (gonfia|sta gonfiando|deforma)|puchnie|wybrzusza|sisiyor|siskinlik)|(罐|锅炉|储气罐|容器)[^。，]{0,8}(鼓起|鼓包|变形)",
    ),
    "stroke": (
        r"опустил\w* угол рта|угол рта опустил\w*|перестал\w* (внятно |понятно )?говорить|miệng (bị )?méo|nói không rõ",
    ),
    "head_injury": (
        r"(auf den kopf gefallen|kopf (angeschlagen|gestossen)|vom \w+ gefallen)[^.;?]{0,60}(erbrochen|erbricht|schlafrig|"
        r"fragt immer wieder|verwirrt|bewusstlos)",
        r"(bati|bateu) (a|com a) cabeca[^.;?]{0,60}(liquido (transparente|claro)|vomit\w*|sonolent\w*|confus\w*)",
        r"(golpeo|golpe en|pego) (en )?la cabeza[^.;?]{0,60}(liquido (transparente|claro)|vomit\w*|somnolient\w*|confus\w*)",
        r"(χτύπησε|χτύπημα)[^.;]{0,20}κεφάλι[^.;]{0,60}(εμετ\w*|δεν μιλάει|μπερδ\w*|νυστ\w*|λιποθ\w*)",
        r"(ударил\w*|удар\w*) (головой|по голове)[^.;]{0,60}(рвот\w*|тошнит|теряет сознание|сонлив\w*)",
    ),
    "bleeding": (
        r"sang gicle|gicle du sang|sangue (esta a |esta |a )?jorr\w*|sangre (sale )?a (chorros|borbotones)|"
        r"blut spritzt|sangue (schizza|zampilla)|krew tryska|кровь (бь[её]т|фонтаном)|сильно кровоточит",
    ),
    "unconscious": (
        r"(esta (no chao|caid[oa]) )?sem (responder|reagir|sentidos)|теряет сознание|втрачає свідомість|(불러도|물어도) ?(대답|반응)(이|을)? ?(없|안)|"
        r"(saans|sans|saas) (nahi|nahin) le (rahe|raha|rahi)|pulse nahi (mil|aa) rah\w*",
    ),
    "paediatric": (
        r"fontanela (hundida|afundada)|fontanelle (creusee|enfoncee)|eingesunkene fontanelle|fontanella infossata|"
        r"ciemiaczko (zapadniete|zapadle)|बच्च\S*[^।]{0,20}(ढीला|सुस्त)|bachch\w* (dheela|dhila|sust)|"
        r"sốt[^.;?]{0,40}(lừ đừ|li bì|bỏ bú|không chịu bú|chấm tím|ban tím)",
    ),
    "sepsis": (
        r"lagnat[^.;?]{0,60}(hindi (na )?makausap|hindi (na )?umiihi|nalilito|nagdedeliryo)",
        # Swahili: high fever with shivering, confusion or spots on the skin (NICE NG51 signs)
        r"homa kali[^.;?]{0,60}(amechanganyikiwa|madoa|hajitambui)",
    ),
    "suicide": (
        r"(стою|сижу) на (крыше|мосту|краю)[^.;?]{0,30}(прыгн|спрыгн|попрощ)\w*|хочу (прыгнуть|спрыгнуть) (с|из) "
        r"(крыши|моста|окна)|(想|要)(从|在)?(楼顶|楼上|桥上|天台)跳下去|(dit|fait) (mes )?(au revoir|adieux) a tout le monde|"
        r"la faccio finita(?! con)|farla finita(?! con)|ma rabo inaan noolaado|"
        # German "ich mache Schluss" with a time or the means ready; Tagalog "I don't want to live" with a place
        r"(heute nacht|heute|morgen|jetzt) mache ich schluss(?! mit (der|dem|meiner|meinem) (arbeit|job|schicht|freund\w*))|tabletten liegen bereit|ayoko na (ng )?mabuhay",
    ),
    "lockout": (
        r"dentro da maquina[^.;?]{0,60}(ligou|arranc\w*)|(kollege|mitarbeiter|arbeiter) (ist )?eingeklemmt|"
        r"wahrend der wartung angelaufen",
    ),
    "electrical": (r"dostal\w* pradem|porazil\w* go prad",),
    "overdose": (
        r"\b(putzmittel|reinigungsmittel|spulmittel|waschmittel|abflussreiniger|bleichmittel|weichspuler)\w* "
        r"(getrunken|geschluckt)",
    ),
}

MULTILINGUAL_SIGN_RULES: tuple[Rule, ...] = folded_rules(_SIGNS) + folded_rules(_NAMED)

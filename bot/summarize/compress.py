"""Clause compression for the headline: attribution frames, formula and intensifiers out, the core kept.

Compression only deletes: every kept piece is a substring of the source once the dropped words are removed
from it too (see `drop_words`), so a headline never says anything the notice does not.
"""

from __future__ import annotations

import re

from bot.dates import MONTH_NAME, WEEKDAY
from bot.summarize import cues
from bot.summarize.cuts import EN_WHEN_WORD, en_trim, trim_marks
from bot.summarize.lang import Lang, fold
from bot.summarize.prefilter import finditer_at, starts_of
from bot.summarize.sentences import outline_level

__all__ = ["compress", "drop_words"]

# The verbs official prose grades with 不断 ("不断完善制度", "不断提高服务水平"): a closed set, so a 不断 before
# anything else keeps its 不 (see _ZH_FORMULA).
_ZH_GRADED = (
    "(?:加强|完善|提高|提升|推进|深化|健全|扩大|增强|优化|强化|巩固|夯实|满足|探索|总结|促进|激发|营造|筑牢|创新"
    "|改进|改善|丰富|拓展|拓宽|加大|加快|规范|壮大|发展|开展|开拓|开创|推动|增加|减少|降低|缩小|学习|充实|加深|延伸"
    "|增进|密切|释放|凝聚|彰显|做强|做优|做大|扩展|更新|升级|调整|推出|实现|挖掘|加速|深入|增长|适应|刷新|改革|创造"
    "|积累|锤炼|磨练|提炼|融合|涌现|取得|迈上|攀升|上升|下降|完备|走向)"
)
# Formula and intensifiers of Chinese official prose: they grade the effort, not the duty.
# Listed in 党政机关公文 style guides as 套话; a reader loses nothing when they go.
_ZH_FORMULA = re.compile(
    r"高度重视|认真|切实|进一步|积极(?:稳妥地?)?|扎实|大力|着力|坚决|全力|有力有序|"
    # 深入 grades a verb ("深入开展"); before a place ("深入田间地头") it is the verb itself.
    r"深入(?=开展|推进|实施|贯彻|落实|排查|推动|学习|研究|整治|治理|宣传|调查|分析)|"
    # 不断 grades the verb after it ("不断完善", "不断巩固"): formula, but only before a verb of the closed set
    # official prose grades so (_ZH_GRADED); 不断地 is an adverb before any verb ("不断地改进"). Anywhere else its 不
    # may negate what follows ("确保考试期间不断电", "不断药", "不断炊", "不断层", "不断章取义", "决不断送"): a set of
    # the nouns it negates could never be complete, and dropping a negation says the opposite, so 不断 stays
    # unless the verb is known. It also stays inside an adverb (源源/连续/接连不断) and after 决/绝. Fixed-width
    # lookarounds and a bounded alternation: linear.
    rf"主动|(?<!源源|连续|接连)(?<![决绝])不断(?:地(?=[\u4e00-\u9fff])|(?={_ZH_GRADED}))"
    r"|努力|务实|全面(?=[加强推进落实提升])|统筹(?=[安排推进])"
)
# A parenthetical that only points elsewhere: a short name defined for later ("（以下简称联席办）"), an annex
# ("（见附件2）"), the number of a document cited ("《…通知》（某办发〔2031〕7号）"). The reader of a headline
# needs none of them; the name, the annex and the cited title stay.
_ZH_ASIDE = r"\((?:以下(?:简称|统称)[^()]{1,40}|见附[件表][^()]{0,6}|[^()]{0,12}[〔\[]\d{4}[〕\]]\d+号)\)"
_ZH_DROP = re.compile(f"{_ZH_FORMULA.pattern}|{_ZH_ASIDE}")
_EN_FORMULA = re.compile(
    r"\b(?:also|(?<!until )further(?!\s+to\b)|strongly|actively|currently)\s+"
    # "in order to comply": the purpose's padding; "to comply" says it.
    r"|\bin order\s+(?=to\s)"
    # "to take all appropriate measures to ensure that …": the effort's formula; the duty is what is to be
    # ensured.
    r"|\btake (?:all )?(?:the )?(?:necessary|appropriate) (?:steps|measures|action) to\s+(?=ensure\b)",
    re.IGNORECASE,
)
# Frames that attribute what follows ("《通知》要求，", "通知强调,", "据X消息,") carry no content of their own.
_ZH_FRAME = re.compile(
    r"^(?:同时|此外|另外|并且|近日|日前|目前)?[,]?"
    r"(?:《[^》]{0,60}》|通知|文件|意见|方案|办法|决定|公告|通告|会议|该文件)(?:中)?"
    r"(?:还|特别|进一步|同时)?(?:要求|强调|指出|明确|提出|规定|部署|表示)[,:]?"
    r"|^据[^,。]{1,30}(?:消息|报道|获悉)[,:]?"
    # The lookahead says no more than the branch does (what it needs within its first 55 characters); it spares
    # the nested runs before it their backtracking through every split of a clause that holds neither word.
    r"|^(?=[^,。]{2,53}?(?:获悉|了解到))[^,。]{0,20}(?:记者)?[^,。]{0,10}(?:从|在)[^,。]{1,20}(?:获悉|了解到)[,:]?"
)
# A day of a month with its year if any ("3 May", "May 3rd, 2027"), as a report frame dates its report.
_EN_DAY_DATE = (
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_NAME}|{MONTH_NAME}\s+\d{{1,2}}(?:st|nd|rd|th)?)(?:,?\s+\d{{4}})?"
)
_EN_FRAME = re.compile(
    rf"^(?:(?i:{cues.EN_IN_STATEMENT})[^,]{{0,40}},\s*)?"
    r"(?:(?:the |a )?(?:[A-Z][\w.&'’-]*\s){1,6}(?:said|says|stated|states|noted|added|announced|explained)"
    # The day it was said goes whole ("on 3 May", "on Monday, 3 May 2027", "in March"), or the frame stays
    # (a cut inside it leaves "May that the pool …"): no more of a date ("4 May", "the 3rd of May") may open what
    # is left after it.
    rf"(?:\s+(?:on\s+(?:{WEEKDAY}(?:,?\s+{_EN_DAY_DATE})?|{_EN_DAY_DATE})|in\s+{MONTH_NAME}(?:\s+\d{{4}})?)"
    r"(?:,\s*|\s+that\s+|\s+)(?!\s*(?:the\s+)?\d)|,\s*|\s+that\s+|\s+)"
    r"|(?:the |a |its )?(?:[\w.&'’-]+\s){1,4}(?:said|says|stated|states|notes|noted|explained)"
    r"\s+that\s+"
    # "Port officials say that …", "Water authorities said the …": who speaks for the body.
    r"|(?:[\w.&'’-]+\s){0,3}(?:officials|authorities|spokes(?:person|man|woman))\s+(?:say|said)\s+(?:that\s+)?"
    # "The Harbour Board today announced new …"
    r"|(?:the |a )?(?:[\w.&'’-]+\s){1,8}?(?:today |yesterday |on \w+ )?(?:announced|remind(?:s|ed) \w+|warn(?:s|ed))"
    # "… announced on Monday that", "… announced today that": the day of the announcement, not of the rule.
    r"(?:\s+(?:on\s+)?(?:[A-Z][a-z]+day|today|yesterday))?\s+that\s+(?:its\s+|their\s+)?)"
)
# Who speaks in a report frame (_EN_FRAME): its words up to the reporting verb.
_EN_FRAME_VERB = re.compile(
    r"\b(?:said|says|say|stated|states|noted|notes|added|announced|explained|remind(?:s|ed)|warn(?:s|ed))\b"
)
# A frame goes only when the notice's own kind of speaker says what follows: a public body or its officer
# ("The Ministry of Health", "Port officials", "the department", "MOM"). Anyone else's statement ("The Union
# today warned that staff will strike", "The Residents Association announced that its members will withhold
# rent") is that party's act or view, not the notice's: without the frame it would read as the notice's own.
_EN_OWN_KINDS = (
    r"ministry|ministries|department|dept|authority|authorities|board|council|office|agency|service"
    r"|bureau|commission|commissioner|government|administration|police|directorate|secretariat|registry"
    r"|inspectorate|regulator|tribunal|court|municipality|officials?|spokes(?:person|man|woman)|minister"
    r"|secretary|director|officer|coordinator|mayor|governor|registrar|superintendent|observatory"
)
_EN_OWN_SPEAKER = re.compile(
    rf"\b(?i:{_EN_OWN_KINDS})\b"
    # a body named by a noun that is a common word too ("The Centre for Health Protection", "Singapore Customs",
    # "Hongkong Post", "the Civil Defence Force"): only capitalised, as a name
    r"|\b(?:Centre|Center|Force|Customs|Post)\b"
    # a body's acronym ("MOM", "IRS")
    r"|\b[A-Z]{2,8}\b"
    # a pronoun alone ("It says …", "She said that …"): the same speaker a trailing ", it said" (_EN_SAID) names
    r"|^(?i:it|he|she|they)\s*$"
    # the notice's own document alone ("The directive says that …", "The policy says …"): its text, not a party
    r"|^(?i:the\s+)?(?i:directive|policy|notice|order|rule|regulation|circular|guidance|memo)\s*$"
)
# A body's name whose "of …" part holds a word that alone names a third party ("The Registry of Societies",
# "the Registrar of Trade Unions"): the part is the name's, not another speaker.
_EN_BODY_OF = re.compile(rf"\b((?i:{_EN_OWN_KINDS})\s+of)(?:\s+(?:and\s+)?[A-Z][\w'’-]*){{1,4}}")
# A subject that is no such speaker, or a frame that is no report by it: a denial or a negation ("has not
# announced", "never", "denies it announced"), a false or doubted source ("A fake account posing as the
# Authority", "Claims that …", "Rumours that …", "wrongly"), a clause inside the subject ("Claims that the Board
# announced", "Anyone who …"), a third party ("Union officials", "a spokesman for the association"), or a noun
# phrase before the subject ("The measures the Board announced that apply …": a relative clause whose "that" is
# no report, so the "frame" is the sentence's own subject).
_EN_NOT_OWN = re.compile(
    r"\b(?i:not|no|never|nobody|none|neither|nor|den(?:y|ies|ied|ying)|falsely|wrongly|mistakenly|erroneously"
    r"|fake|false|bogus|fraudulent|posing|impersonat\w*|purport\w*|claims?|claimed|claiming|rumou?rs?"
    r"|rumou?red|reportedly|allegedly|alleged|supposedly"
    # a modal, "had" or a time before the verb: a report maybe made, or made once and since replaced
    r"|earlier|previously|formerly|once|former|ex"
    # a speaker not named or not the body's own voice ("Sources at the Ministry", "Some officials", "Unnamed
    # officials")
    r"|sources?|insiders?|some|unnamed|anonymous"
    r"|unions?|associations?|federations?|societ(?:y|ies)|residents|tenants|campaigners?|group|party|opposition|critics|club|charity|coalition|alliance|league|guild|workers|members)\b"
    r"|n[’']t\b"
    # lower-case only, so the month ("in May") is no modal
    r"|\b(?:may|might|could|would|should|had)\b"
    # a relative word opening a clause inside the subject; lower-case only, so an acronym ("WHO") is a body
    r"|\b(?:that|which|who|whom|whose|if|whether|That|Which|Who|Whom|Whose|If|Whether)\b"
    # A run of word marks is tried only from its start (the lookbehind), so a long run ("a.a.a.…") is read once.
    r"|(?<![\w.&'’-])(?!(?i:of|for|and|on|in|to|at|by|with|from)\b)[\w.&'’-]+\s+(?i:the|a|an|its|their|this|these|those)\s"
)
# A time between the verb and "that" ("said earlier that …", "announced on Monday that …" where the frame stops
# before the day): the frame is no plain report, and what follows "that" would read as its own sentence.
# Read only after a frame without its own "that"; a few words may stand between ("earlier this week that",
# "once again that", "in a statement that", "on 3 May, 4 May and 5 May that"): none of them opens a clause.
_EN_TIME_THAT = re.compile(
    r"(?i:earlier|previously|recently|later|again|also|once|yesterday|today|last|this|on|in|at|during)\b"
    r"[^.;:]{0,60}?\bthat\b"
)
# A frame's "that" opening no reported clause: a time noun ("announced that week that …": "that" points) or a
# verb ("the rules the Council said that apply …": a relative clause) follows it.
_EN_THAT_NO_CLAUSE = re.compile(
    r"(?i:week|weekend|day|morning|afternoon|evening|night|month|year|time|summer|winter|spring|autumn|session"
    rf"|meeting|apply|applies|{cues.EN_AUX})\b"
)


# "The authority has issued a new order requiring all landlords to …": who issued what is the title's and
# the push's issuer line; the headline starts at who is bound ("All landlords to test …").
_EN_ISSUED = re.compile(
    r"^(?:[\w.&'’-]+\s){1,8}?(?:(?:has|have|today|yesterday|now)\s+)*"
    r"(?:issued|announced|published|released|adopted|approved|signed|introduced)\s+(?:an?|the|its|their|new)\s+"
    r"(?:[\w-]+\s){0,3}?(?:directive|order|rule|regulation|alert|guidance|circular|notice|decree|policy)\s+"
    r"(?:requiring|which requires|that requires|ordering|directing|telling|asking|urging|calling on)\s+"
    # "The notice issued on 3 March requires schools to …"
    r"|^(?:The|This|That|Its|A|An)\s+(?:[\w-]+\s){0,2}?"
    r"(?:directive|order|rule|regulation|circular|notice|guidance|decree|policy|law|act)\s+(?:[^,;]{0,40}?\s)?"
    r"(?:requires|orders|directs|asks|tells|urges|obliges|mandates|calls on)\s+(?=(?:[\w'’-]+\s){1,6}?to\s)"
    # "The council has asked all residents to …" (cues.EN_INSTRUCTED): the issuer speaks; the headline starts
    # at who is bound ("All residents to …").
    rf"|^(?i:{cues.EN_INSTRUCTED})(?=(?:[\w'’-]+\s){{1,6}}?to\s)"
)
# "The council urged landlords to insulate …", "The board is asking drivers to …", "The agency asks riders to …":
# the issuer speaks (the push's issuer line says who); the headline starts at who is bound ("Landlords to
# insulate …"). The subject is a name, not a clause ("Shoppers who ask staff to …" is no frame); the verb is
# the issuer's finite verb ("urged", "has asked", "is asking"), not a passive or a participle ("Tenants are
# asked to …", "Parents asking for help …": no issuer there); the addressee is a noun phrase, not "to"/"for"/
# "by" ("Letters directed to the office …").
_EN_BIDS = re.compile(
    r"^(?:the |a |its )?(?:(?!(?:who|which|that|must|should|shall|will|can|may|cannot|is|are|was|were|be|been"
    r"|being)\b)[\w.&'’()-]+\s){1,6}?"
    r"(?:(?:also|today|yesterday|now|again)\s+)*"
    r"(?:(?:is|are|was|were)\s+(?:(?:also|now|again|today)\s+)*"
    r"(?:urging|asking|calling on|encouraging|advising|telling|instructing|directing|ordering|requesting|reminding)"
    r"|(?:(?:has|have|had)\s+(?:(?:also|now|again|today)\s+)*)?"
    r"(?:urg(?:es|ed)|ask(?:s|ed)|call(?:s|ed) on|encourag(?:es|ed)|advis(?:es|ed)|tells|told|instruct(?:s|ed)"
    # "reminds members that a week is left to enrol": what follows "that" is no bid.
    r"|direct(?:s|ed)|order(?:s|ed)|request(?:s|ed)|remind(?:s|ed)))"
    r"\s+(?!(?:to|for|by)\b)(?=(?:(?!that\b)[\w'’-]+\s){1,6}?to\s+\w)",
    re.IGNORECASE,
)
# "OSHA has issued a heat hazard alert to remind employers of …": who issued it is the push's issuer line;
# what was issued and what it is for is the content, as a headline writes it ("Heat hazard alert to remind
# employers of …"). Only before "to" and a verb: "issued a warning to residents" names whom, not what for.
# The subject is a name, never a clause: a word that negates ("has not issued", "no council"), opens a
# relative or reported clause ("Anyone who has opened …", "Reports that the council has adopted …"), a modal
# or "had" (a condition or a past before the past) makes the sentence say something else than "X issued Y".
_EN_ISSUER_WORD = (
    r"(?!(?i:not|never|no|nor|none|neither|who|whom|whose|that|which|whether|if|unless|once|when|where|while"
    r"|because|since|after|before|until|had|it|they|we|would|could|should|might|must|may|can|cannot|will"
    r"|shall|yet|reportedly|allegedly|claims?|reports?|rumou?rs?)\b|\w+n[’']t\b)"
)
_EN_ISSUED_FOR = re.compile(
    rf"^(?:the |a |its )?(?:{_EN_ISSUER_WORD}[\w.&'’()-]+\s){{1,8}}?(?:(?:has|have|today|yesterday|now|also)\s+)*"
    r"(?:issued|launched|published|released|introduced|adopted|unveiled|rolled out|set up|opened)\s+(?:an?|the|its|their|new)\s+"
    r"(?=(?:(?!to\b)[\w'’-]+\s){1,5}to\s+(?!(?:the|a|an|all|any|its|their|his|her|our|your|this|these|those)\b)[a-z]+\b)"
)
# "It is vital for hauliers to log …": the weight the issuer gives, then who must do what.
_EN_IT_IS = re.compile(
    r"^it is (?:\w+ )?(?:critical|important|essential|vital|necessary|imperative|mandatory|crucial|required)"
    r" for (?=(?:[\w'’-]+\s){1,6}?to\s+\w)",
    re.IGNORECASE,
)
# "The council is reminding tenants (that) the deadline …": the reminder's frame before what it reminds of.
_EN_REMINDING = re.compile(
    r"^(?:the |a )?(?:[\w.&'’-]+\s){1,8}?(?:is|are)\s+(?:also\s+)?(?:reminding|warning|advising|informing)"
    # what it reminds of: a clause after "that", or without "that" one that opens with a determiner
    r"\s+(?:[\w'’-]+\s){1,3}?(?:that\s+(?=\w)|(?=(?:the|a|an|all|its|their)\s))",
    re.IGNORECASE,
)
# "It is decided by the Board that all kiosks will shut …",
# "The undersigned is directed to convey that …", "It is hereby notified that …": an office memorandum's frame
# around its decision; the decision is what follows "that".
_EN_DECIDED = re.compile(
    r"^(?:it|this)\s+(?:has\s+(?:now\s+)?been\s+|is\s+(?:hereby\s+)?|was\s+)"
    r"(?:decided|agreed|directed|ordered|notified|informed|clarified|resolved|approved)\b[^;:]{0,120}?\s+that\s+(?=\w)"
    r"|^the undersigned is directed to (?:state|say|convey|inform|intimate|add)\b[^;:]{0,60}?\s+that\s+(?=\w)",
    re.IGNORECASE,
)
# An order in the first person ("I hereby direct that", "We order that"), perhaps after the recital that grounds it
# ("Mindful of …, I direct that …"): what is ordered follows "that". Not "declare" (a form's "I declare that the
# information is true" is a statement, not an order), nor an order whose subject is a pronoun ("I direct that it
# continue"): "It continue …" names nothing. The recital is only dropped when it holds no figure, date word or
# holiday, names no place or body, and the order does not point back to it (_past_order).
_EN_ORDERED = re.compile(
    r"^(?:(?P<recital>(?:cogni[sz]ant|mindful|conscious|noting|recogni[sz]ing|considering)\s+(?:of|that)\s[^;\d]{3,200}?),\s+)?"
    r"(?:I|we)\s*,?\s+(?:do\s+)?(?:hereby\s+)?(?:further\s+)?(?:direct|order|decree)\s*,?\s+that\s+"
    r"(?!(?:it|they|he|she|we|you|i|this|these|those|there|such)\b)(?=\w)",
    re.IGNORECASE,
)
# A recital that names a time ("until the end of August", "falls on a Wednesday", "over Christmas") says when.
_EN_RECITAL_TIME = re.compile(
    rf"\b(?:{MONTH_NAME}|{WEEKDAY})\b"
    r"|\b(?i:holidays?|christmas|easter|new year|boxing day|good friday|ramadan|eid|diwali|thanksgiving|bonfire night)\b"
)
# A recital naming a place or a body past its first word ("Mindful of the flooding in Ashby and Holt"): the order
# may name them only by reference ("schools in the flooded villages"), so the recital stays.
_EN_RECITAL_NAME = re.compile(r"\s[A-Z]")
# An order pointing back to its recital ("… villages, … buses to those villages not run", "… in those parishes"):
# without the recital it does not say which. "this 4th day of May" is a date, not a pointer.
_EN_POINTS_BACK = re.compile(
    r"\b(?:there|those|these|such|it|they|them|their|this(?!\s+\d))\b", re.IGNORECASE
)
# The writer's pointer to what follows ("Please note that", "It should be noted that", "All residents are
# reminded that", "This is to inform all students that", "We would like to inform you that", "According to the
# ministry,"): who is told, or who said it, is the push's business; what follows "that" is the content.
# A word of the addressees such a pointer may drop: not one that limits who is meant (a condition, an exception
# or a scope: "Staff other than drivers", "Candidates failing to register", "Residents living nearby", "Only
# heads of department", "Tenants in Block C"), whose loss would make the point everyone's, nor an office that is
# itself told ("The Cell is informed that some agents …": what it was told is hearsay, not the notice's fact).
_EN_ADDRESSEE_WORD = (
    r"(?!(?:who|which|that|whose|if|unless|when|where|whether|not|no|never|none|only|other|than|except|excluding"
    r"|besides|but|failing|without|with|within|in|on|at|of|from|near|nearby|under|over|above|below|aged|between"
    r"|around|outside|inside|by|for|cell|office|department|ministry|board|council|authority|unit|section"
    r"|division|secretariat|directorate|agency|bureau|government|we|i)\b|[\w'’-]*ing\b)[\w'’-]+\s"
)
_EN_NOTE = re.compile(
    r"^(?:(?:please\s+)?note|it (?:is|should be) (?:important to |worth )?not(?:e|ed)|be (?:advised|informed))"
    r"\s+that\s+(?=\w)"
    rf"|^(?:all\s+)?(?:{_EN_ADDRESSEE_WORD}){{1,4}}?(?:are|is)\s+(?:hereby\s+|also\s+|again\s+)?"
    r"(?:reminded|informed|notified|advised)\s+that\s+(?=\w)"
    r"|^(?:this is to|we (?:would like|wish|want) to|I (?:would like|wish|want) to)\s+(?:inform|notify|remind|advise)"
    rf"\s+(?:{_EN_ADDRESSEE_WORD}){{1,4}}?that\s+(?=\w)"
    r"|^according to\s[^,;\d]{3,60},\s+(?=\w)",
    re.IGNORECASE,
)
# A trailing attribution to a source ("…, according to the ministry"): who said it, not what.
_EN_ACCORDING = re.compile(r",\s+according to\s[^,;\d]{3,60}$", re.IGNORECASE)
# A trailing citation of the provision a measure follows ("… are rescinded in full in accordance with Section 8",
# ", pursuant to Rule 12(b)"): where the power comes from, not what is done; its number is a section's, no date
# or amount a reader acts on.
_EN_CITED = re.compile(
    # At a comma or at a run of blanks' first one, the run taken whole (linear on a long run, as cuts._EN_TAIL).
    r"(?:,\s*+|(?<![\s,])\s++)(?i:in accordance with|pursuant to|as per|per|under)\s+(?:the\s+)?"
    r"(?:Section|Sec\.|Article|Art\.|Paragraph|Para\.|Clause|Rule|Regulation|Subsection|§)\s*"
    r"[\w.()-]{1,12}(?:\s+of\s+(?:the\s+|this\s+|those\s+)?[\w'’-]+(?:\s+[A-Z][\w'’-]*){0,4})?$"
)
# A citation is a few words: it lies in a clause's last characters.
_CITED_REACH = 160
# "The purpose of these rules is to ensure that every lane stays clear": the purpose's frame; what it
# ensures is the content.
_EN_INTENT = re.compile(
    r"^(?:the|its|their) (?:intent|intention|purpose|aim|goal|objective) of (?:this|the|these) "
    r"(?:[\w-]+\s){1,3}?(?:is|are) to ensure(?: that)?\s+(?=\w)",
    re.IGNORECASE,
)
# "As part of the flood plan, all shops will …", "In response to the strike, the depot will …": a frame that
# opens the sentence before the subject and its modal, saying why or under what plan; what follows is the
# directive. Only such frames go: a condition or a scope decides what the duty means ("In case of fire,",
# "With a valid permit,", "In areas without power,"), and so does anything before "may"/"can" (a permission
# holds only under it). One with a date, a figure or a verb of its own stays.
_EN_CIRCUMSTANCE = re.compile(
    r"^(?:as part of|in line with|in accordance with|in response to|in light of|because of|due to|amid|given"
    # A purpose that opens the sentence ("In an effort to cut queues, the depot will …", "To ensure safety,
    # all staff must …"): why; the directive follows it. A purpose tail is cut the same way (cuts._EN_TAIL).
    r"|in an effort to|in order to|so as to|with a view to"
    r"|to (?:ensure|help|protect|support|prevent|avoid|reduce|improve|minimi[sz]e|maximi[sz]e|facilitate|promote"
    r"|safeguard|limit|slow|speed up|streamline|enhance|increase|encourage)"
    r")\s(?![^,;]*\b(?:who|which|that|is|are|was|were|will|must|can|may|should)\b)"
    # Not at a comma between two modifiers ("in light of the brief, partial closure, …": cues.EN_ADJ_COMMA).
    rf"[^,;\d]{{3,70}}(?!{cues.EN_ADJ_COMMA}),\s+"
    r"(?=(?:(?!(?:may|can|could|might)\b)[\w'’-]+\s){0,6}?(?:must|shall|should|will|need|needs|have to|has to|are|is)\b)",
    re.IGNORECASE,
)
# "Consistent with the board's decision to defer permits to August 9, 2031, the Department will also extend …":
# the basis a body acts on, however long and whatever it dates, before the body and its own modal; the
# directive is what follows. The frame ends at the first comma after which a subject and a modal come.
_EN_BASIS = re.compile(
    r"^(?:consistent with|pursuant to|in accordance with|in keeping with|in line with|in compliance with)"
    r"\s[^;]{3,200}?,\s+(?=(?:the|all|each|every|its|their|[A-Z][\w.&'’-]*)\s"
    r"(?:(?!(?:may|can|could|might|who|which|that)\b)[\w.&'’-]+\s){0,6}?"
    r"(?:must|shall|should|will|is|are|has|have|need|needs)\b)",
    re.IGNORECASE,
)
# Sentence openers that link to the previous sentence ("In doing so,", "Specifically,").
_EN_OPENER = re.compile(
    rf"^(?:{cues.EN_CONNECTIVE}|now|today|yesterday|accordingly|consequently|instead"
    r"|as such|in response),\s*"
    # A formal document's section label ("DATES: The exemption is effective …", "SUMMARY: FMCSA grants …").
    r"|(?-i:^[A-Z][A-Z ]{2,30}:\s+(?=[A-Z]))"
    # A label that only draws the eye ("Reminder: Applications must be submitted by …") before a whole
    # sentence. Only such labels: most carry the content ("Not eligible: Households that …", "Banned:",
    # "Exempt:", "Postponed:", "Deadline:" before a sentence that gives no date); before a fragment the label
    # stays, it is the fragment's subject ("Award: $5,000 per year").
    r"|(?-i:^(?:Please note|Note|Notice|Reminder|Friendly reminder|Update|Updated|Latest|Important|Attention"
    r"|Announcement|Alert|Summary|Background|Details|Information|Info|For information|FYI|News|Overview"
    r"|In brief|At a glance|What you need to know|What to do|What you need to do|What this means"
    rf"):\s+(?=[A-Z][^.;:]*?\b{cues.EN_AUX}\b))"
    # A courtesy or a letter's frame around the notice itself (cues.EN_COURTESY).
    rf"|^{cues.EN_COURTESY}\s+(?=\w)"
    # "Further to our notice of 2 June, …": a letter's reference to an earlier one, a frame as a whole (its
    # date is that letter's); "further" alone is an intensifier (_EN_FORMULA), "further to" is not.
    r"|^further to [^,;]{3,60},\s*(?=\w)"
    # "This means the pool stays closed …": the link to the sentence before, not the content.
    r"|^(?:This|That|It) (?:means|will mean)(?: that)?\s+(?=\w)"
    # "Today the Department has published …": the day is the release's dateline, not the rule's.
    r"|^(?:Today|Yesterday)\s+(?=the\s)"
    # A page's date label left in front of the lead by a mirror (cues.EN_DATE_LABEL).
    rf"|^{cues.EN_DATE_LABEL}",
    re.IGNORECASE,
)
# Connectives and leading conjunctions that a packed headline does not need.
_ZH_LEAD = re.compile(r"^(?:同时|此外|另外|并且|并|而且|其中|对此|为此|因此|总之)[,]?")
_EN_LEAD = re.compile(
    r"^(?:[•·●▪*-]\s*)?(?:(?:and|but|while|whereas|however|meanwhile|moreover|furthermore|also|so)\b,?\s*)?",
    re.I,
)
# "reminded landlords that they must …": who is reminded is who must; "that they" only points back.
_EN_REMINDER_CORE = (
    r"\b(reminds?|reminded|urges?|urged|warns?|warned|advises?|advised|tells?|told)\s+((?:[\w'’-]+\s){1,3}?)"
    # "that it is unlawful to …" is the expletive "it", no addressee: "it" goes only before a modal or a duty.
    r"that\s+(?:they\s+(?=(?:must|should|will|can|may|have to|need to|are)\b)"
    r"|it\s+(?=(?:must|should|will|can|may|has to|needs to|is (?:required|obliged|expected|responsible))\b))"
)
_EN_REMINDER = re.compile(_EN_REMINDER_CORE)
_EN_REMINDED = re.compile(
    r"^(?:[Tt]he |[Aa] )?(?:[\w.&'’-]+\s){1,8}?(?:(?:today|yesterday|also|has|have|on \w+)\s+)*"
    + _EN_REMINDER_CORE[2:]
)
# A trailing attribution ("…, the agency said.", "…, the document said", "…, she said"): who said it is the
# issuer line's; what was said is the content. Its subject is a name (capitalised words), "the"/"a" and a
# noun, a pronoun, or someone who speaks for a body ("agency officials"); another lowercase phrase before
# the verb ("…, including what was announced", "…, up from 40 dollars announced") is content and stays.
_EN_SAID = re.compile(
    r",\s+(?:(?:the|a)\s+(?:[\w.&'’-]+\s+){1,3}?|(?:[A-Z][\w.&'’-]*\s+){1,4}|(?:she|he|they|it)\s+"
    r"|(?:[\w-]+\s+){0,2}(?:officials?|spokes(?:person|man|woman)|authorities)\s+)"
    r"(?:said|says|added|noted|stated|announced|confirmed)(?:\s+(?:on\s+)?\w+day)?[\s.]*$"
)
# An appositive after a name ("Northwind Ltd, a supplier of school meals, will close …"): who the name is,
# not what it does; without figures or verbs of its own. It ends where the name's own verb follows (a modal,
# "said", or an -s/-ed verb); a plural noun there ("…, the Labour Department, workers and unions") is the
# next item of a list, so an -s/-ed word followed by "and" or a comma does not end it. The lookbehind tries
# the name only at a word's start, not at every letter of a run of capitals.
_EN_APPOSITIVE = re.compile(
    r"(?<![\w.&'’-])([A-Z][\w.&'’-]*),\s+(?:a|an|the)\s+"
    r"(?![^,;]*\b(?:is|are|was|were|will|must|shall|said|says|has|have)\b)"
    r"[^,;\d]{3,90},(\s)(?=(?:said|says|will|must|shall|should|can|may|has|have|is|are|was|were)\b"
    r"|[a-z]+(?:s|ed)\b(?!\s*(?:and\b|or\b|,)))"
)
# A parenthetical aside in English ("(MOM)", "(IPA)") that does not hold a date or a figure.
# A parenthetical that cites ("(Boiler Safety (Amended) issued on June 9, 2031)", "(in respect of the
# grace period)") points to a document or a provision: its dates are that document's, not the reader's.
_EN_ASIDE = re.compile(
    r"(?<!\s)\s*\((?:(?![^)]{0,40}\d)[^()]{1,40}"
    r"|(?=[^()]{0,120}\b(?:issued|dated|adopted|signed|published|enacted|amended|in respect of)\b)[^()]{1,120})\)"
)


# A non-restrictive relative clause set off by two commas ("The depot, which serves the north, will close …",
# "Drivers, who often park here at night, must …"): what the name is, not what the clause says of it. Only one
# closed by a comma that the clause's own verb follows; one holding a date or a figure stays (_keep_dated:
# "The depot, which opened in 1990, will close …"), and so does one holding a duty ("Landlords, who must
# register every unit before the inspection, will be contacted": maybe the sentence's only one). Without the
# commas it restricts ("Drivers who park here").
_EN_NONRESTRICTIVE = re.compile(
    r",\s(?:which|who|whose|whom)\s[^,;:()]{3,100},(?=\s(?:[\w'’-]+\s){0,2}?"
    rf"(?:{cues.EN_AUX}|[a-z]+(?:s|ed))\b)"
)


_EN_RELATIVE_DUTY = re.compile(r"\b(?:must|shall|required|ha(?:ve|s) to|needs? to)\b", re.IGNORECASE)


def _keep_dated(m: re.Match[str]) -> str:
    """The relative clause dropped, unless it holds a date, a figure or a duty (a reader's specifics stay)."""
    kept = _EN_DATED_FRAME.search(m.group()) or _EN_RELATIVE_DUTY.search(m.group())
    return m.group() if kept else ""


# Runs of white space, made one space (compiled once: re.sub looks the pattern up on every call).
_SPACES = re.compile(r"\s+")
# What every match of _EN_APPOSITIVE holds, and what _SPACES changes (two blanks, or one that is no space): a
# scan that skips ahead to a comma, or one for blanks, where most clauses hold neither; then the substitution,
# which is tried at every character (its pattern opens with a lookbehind) or replaces each space by a space.
_APPOSITIVE_GATE = re.compile(r",\s+(?:a|an|the)\s")
_SQUEEZE = re.compile(r"\s\s|[^\S ]")
# _EN_FORMULA for lowercased ASCII text (cues.caseless): case folding makes sre several times slower.
_EN_FORMULA_LOW = cues.caseless(_EN_FORMULA)
_EN_FORMULA_AT = starts_of(_EN_FORMULA_LOW)  # its matches, tried only at the words they open


def _after(anchored: re.Pattern[str], text: str) -> str:
    """anchored.sub("", text) for a pattern every branch of which opens with ^: it can match only at the
    start, where one match tells; sub would try every branch at every position."""
    m = anchored.match(text)
    return text[m.end() :] if m else text


def _without_formula(text: str) -> str:
    """_EN_FORMULA.sub("", text): an ASCII text's lowercase has the same offsets and, case-sensitively, the
    same matches; other text is searched as it is."""
    if not text.isascii():
        return _EN_FORMULA.sub("", text)
    kept: list[str] = []
    at = 0
    for m in finditer_at(_EN_FORMULA_AT, _EN_FORMULA_LOW, text.lower()):
        kept.append(text[at : m.start()])
        at = m.end()
    return "".join(kept) + text[at:] if kept else text


def _asides(text: str) -> str:
    """The text without its asides; an aside nested in another ("(Boiler Safety (Amended) issued on June 9, 2031)")
    goes first, then the one around it."""
    if "(" not in text:
        return text
    return _EN_ASIDE.sub("", _EN_ASIDE.sub("", text))


def drop_words(text: str, lang: Lang) -> str:
    """The text with the droppable words removed everywhere: what a compressed clause is a substring of."""
    if lang == "zh":
        return _ZH_DROP.sub("", fold(text))
    return _en_drop(_EN_REMINDER.sub(r"\1 \2", text))


def _en_drop(text: str) -> str:
    """Appositives, formula and asides out, spaces squeezed: the one chain drop_words and compress share,
    so that a compressed clause stays a substring of drop_words(text)."""
    if _APPOSITIVE_GATE.search(text):
        text = _EN_APPOSITIVE.sub(r"\1\2", text)
    if ", wh" in text:
        text = _EN_NONRESTRICTIVE.sub(_keep_dated, text)
    text = _asides(_without_formula(text))
    return _SPACES.sub(" ", text) if _SQUEEZE.search(text) else text


def _past(opener: re.Pattern[str], text: str) -> str | None:
    """The text after an opener matched at its start, when a clause of its own (over 20 characters) follows."""
    m = opener.match(text)
    return text[m.end() :] if m and len(text) - m.end() > 20 else None


def _not_own(speaker: str) -> bool:
    """Whether a speaker's words deny, doubt or name another party (_EN_NOT_OWN), outside a body's "of" name
    (_EN_BODY_OF: "the Registry of Societies" is no society)."""
    return _EN_NOT_OWN.search(_EN_BODY_OF.sub(r"\1", speaker) + " ") is not None


def _past_frame(text: str) -> str | None:
    """The text after a report frame (_EN_FRAME), when a clause of its own follows and the notice's own kind of
    speaker reports it (_EN_OWN_SPEAKER, _EN_NOT_OWN); "that" must open that clause (_EN_THAT_NO_CLAUSE)."""
    m = _EN_FRAME.match(text)
    # A bracket after the frame ("announced on Monday (in error) that …") qualifies the report: no frame to drop.
    if not m or len(text) - m.end() <= 20 or text.startswith("(", m.end()):
        return None
    verb = _EN_FRAME_VERB.search(text, 0, m.end())
    subject = text[: verb.start()] if verb else m.group()
    return text[m.end() :] if report_goes(subject, m.group(), text[m.end() :]) else None


def report_goes(speaker: str, frame: str, rest: str) -> bool:
    """Whether a report frame may go (here and in rank._without_frame): its speaker, the words before its verb,
    is the notice's own kind (_EN_OWN_SPEAKER) and neither denies, doubts nor names another party (_not_own);
    and the rest opens a clause of its own: after a frame without "that" no time and "that" (_EN_TIME_THAT),
    after its "that" no time noun or verb (_EN_THAT_NO_CLAUSE)."""
    if not _EN_OWN_SPEAKER.search(speaker) or _not_own(speaker):
        return False
    if frame.rstrip().lower().endswith("that"):
        return _EN_THAT_NO_CLAUSE.match(rest) is None
    return _EN_TIME_THAT.match(rest) is None


def _without_said(text: str) -> str:
    """The text without its trailing attribution (_EN_SAID), unless it denies or a third party speaks
    (_EN_NOT_OWN): "…, the union said", "…, the Board never said" stay, or the clause reads as the notice's. A
    name or a pronoun goes as before (a company's own notice names it in the push's issuer line)."""
    m = _EN_SAID.search(text)
    if m is None or _not_own(m.group()):
        return text
    return text[: m.start()]


def _past_order(text: str) -> str | None:
    """What a first-person order orders (_EN_ORDERED), when a clause of its own follows and its recital, if any,
    may go: one naming a time or a place or body, or one the order points back to, stays with the order."""
    m = _EN_ORDERED.match(text)
    if not m or len(text) - m.end() <= 20:
        return None
    recital = m.group("recital")
    if recital and (
        _EN_RECITAL_TIME.search(recital)
        or _EN_RECITAL_NAME.search(recital)
        or _EN_POINTS_BACK.search(text, m.end())
    ):
        return None
    return text[m.end() :]


# A date in an issuing frame ("On May 1 the city launched …"); "today" is the release's day, the push's date line.
_EN_DATED_FRAME = re.compile(rf"\d|\b(?:{MONTH_NAME}|{WEEKDAY}|tomorrow|tonight)\b")


# After what was issued and what for: the next clause boundary or a finite verb of the sentence's own.
_EN_ISSUED_REST = re.compile(
    rf"[,;:(]|\b(?:that|who|whom|whose|which|where|when|if|because|so|until|unless)\b|\b(?P<aux>{cues.EN_AUX})\b",
    re.IGNORECASE,
)


def _issued_item(text: str) -> str | None:
    """The text after its issuing frame ("OSHA has issued a"), unless the frame dates the issue ("On May 1 the
    city launched a scheme to …"): a date is never dropped. Nor when a finite verb or a modal follows the
    item's infinitive phrase before any clause boundary ("A plan to sell the park are false", "… opened a new
    account to receive benefits must register"): then "issued" sat inside the subject, not the main clause."""
    m = _EN_ISSUED_FOR.match(text)
    if m is None or _EN_DATED_FRAME.search(text, 0, m.end()):
        return None
    after = _EN_ISSUED_REST.search(text, m.end())
    if after is not None and after.group("aux"):
        return None
    return text[m.end() :] if len(text) - m.end() > 20 else None


def _keep_spans(folded: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    at = 0
    for m in _ZH_DROP.finditer(folded):
        spans.append((at, m.start()))
        at = m.end()
    spans.append((at, len(folded)))
    return spans


def compress(text: str, lang: Lang, *, capitalise: bool = True) -> str:
    """One clause reduced to its core: no outline marker, attribution frame, formula or end punctuation.

    An English core opens with a capital (a headline piece stands alone) unless capitalise is False (a
    summary clause keeps its case: the summary's renderer capitalises sentence starts itself)."""
    folded = fold(text)
    _, marker = outline_level(folded)
    text, folded = text[marker:].strip(), folded[marker:].strip()
    if lang == "zh":
        for pattern in (_ZH_FRAME, _ZH_LEAD):
            m = pattern.match(folded)
            if m:
                text, folded = text[m.end() :], folded[m.end() :]
        # Cut on the folded text, keep the original characters (the fold keeps offsets).
        kept = [text[a:b] for a, b in _keep_spans(folded)]
        return trim_marks("".join(kept)).strip()
    text = _after(_EN_OPENER, text)
    m = _EN_REMINDED.match(text)
    if m:
        # "The council today reminded landlords that they must file …" → "Landlords must file …": two deletions.
        text = m.group(2) + text[m.end() :]
    # Drop "NWB said" only when a clause with its own verb follows; "the agency said" alone is not a frame.
    text = _past_frame(text) or text
    text = _past(_EN_ISSUED, text) or _issued_item(text) or text
    # The reminder first: "is reminding farmers the deadline to claim …" is no bid to farmers.
    # A first-person order is an office's decision too (_EN_DECIDED), tried before the other frames.
    ordered = _past_order(text)
    if ordered is not None:
        text = ordered
    else:
        for pattern in (_EN_DECIDED, _EN_NOTE, _EN_REMINDING, _EN_BIDS, _EN_IT_IS, _EN_INTENT):
            rest = _past(pattern, text)
            if rest is not None:
                text = rest
                break
    text = _past(_EN_BASIS, text) or text
    m = _EN_CIRCUMSTANCE.match(text)
    if m and not EN_WHEN_WORD.search(text, 0, m.end()):
        text = text[m.end() :]
    text = _after(_EN_LEAD, text)
    text = _EN_ACCORDING.sub("", _without_said(text))
    m = _EN_CITED.search(trim_marks(text), max(0, len(text) - _CITED_REACH))
    if m and m.start() > 20:
        text = text[: m.start()]
    text = en_trim(_en_drop(text)).strip()
    return text[:1].upper() + text[1:] if capitalise else text

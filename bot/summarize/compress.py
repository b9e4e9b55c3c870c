"""Clause compression for the headline: attribution frames, formula and intensifiers out, the core kept.

Compression only deletes: every kept piece is a substring of the source once the dropped words are removed
from it too (see `drop_words`), so a headline never says anything the notice does not.
"""

from __future__ import annotations

import re

from bot.dates import MONTH_NAME
from bot.summarize import cues
from bot.summarize.lang import Lang, fold
from bot.summarize.sentences import outline_level

__all__ = ["compress", "core", "drop_words", "shorten"]

# Formula and intensifiers of Chinese official prose: they grade the effort, not the duty.
# Listed in 党政机关公文 style guides as 套话; a reader loses nothing when they go.
_ZH_FORMULA = re.compile(
    r"高度重视|认真|切实|进一步|积极(?:稳妥地?)?|扎实|大力|着力|坚决|全力|有力有序|"
    # 深入 grades a verb ("深入开展"); before a place ("深入田间地头") it is the verb itself.
    r"深入(?=开展|推进|实施|贯彻|落实|排查|推动|学习|研究|整治|治理|宣传|调查|分析)|"
    r"主动|不断|努力|务实|全面(?=[加强推进落实提升])|统筹(?=[安排推进])"
)
# A parenthetical that only points elsewhere: a short name defined for later ("（以下简称联席办）"), an annex
# ("（见附件2）"), the number of a document cited ("《…通知》（某办发〔2031〕7号）"). The reader of a headline
# needs none of them; the name, the annex and the cited title stay.
_ZH_ASIDE = r"\((?:以下(?:简称|统称)[^()]{1,40}|见附[件表][^()]{0,6}|[^()]{0,12}[〔\[]\d{4}[〕\]]\d+号)\)"
_ZH_DROP = re.compile(f"{_ZH_FORMULA.pattern}|{_ZH_ASIDE}")
_EN_FORMULA = re.compile(
    r"\b(?:also|(?<!until )further(?!\s+to\b)|strongly|fully|actively|currently)\s+"
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
    r"|^[^,。]{0,20}(?:记者)?[^,。]{0,10}(?:从|在)[^,。]{1,20}(?:获悉|了解到)[,:]?"
)
_EN_FRAME = re.compile(
    rf"^(?:(?i:{cues.EN_IN_STATEMENT})[^,]{{0,40}},\s*)?"
    r"(?:(?:the |a )?(?:[A-Z][\w.&'’-]*\s){1,6}(?:said|says|stated|states|noted|added|announced|explained)"
    r"(?:\s+(?:on|in)\s+\w+)?(?:,\s*|\s+that\s+|\s+)"
    r"|(?:the |a |its )?(?:[\w.&'’-]+\s){1,4}(?:said|says|stated|states|notes|noted|explained)"
    r"\s+that\s+"
    # "Port officials say that …", "Water authorities said the …": who speaks for the body.
    r"|(?:[\w.&'’-]+\s){0,3}(?:officials|authorities|spokes(?:person|man|woman))\s+(?:say|said)\s+(?:that\s+)?"
    # "The State Water Board today announced that its …"
    r"|(?:the |a )?(?:[\w.&'’-]+\s){1,8}?(?:today |yesterday |on \w+ )?(?:announced|remind(?:s|ed) \w+|warn(?:s|ed))"
    # "… announced on Monday that", "… announced today that": the day of the announcement, not of the rule.
    r"(?:\s+(?:on\s+)?(?:[A-Z][a-z]+day|today|yesterday))?\s+that\s+(?:its\s+|their\s+)?)"
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
    # "reminds members that there is still time to enrol": what follows "that" is no bid.
    r"|direct(?:s|ed)|order(?:s|ed)|request(?:s|ed)|remind(?:s|ed)))"
    r"\s+(?!(?:to|for|by)\b)(?=(?:(?!that\b)[\w'’-]+\s){1,6}?to\s+\w)",
    re.IGNORECASE,
)
# "It is vital for hauliers to log …": the weight the issuer gives, then who must do what.
_EN_IT_IS = re.compile(
    r"^it is (?:\w+ )?(?:critical|important|essential|vital|necessary|imperative|mandatory|crucial|required)"
    r" for (?=(?:[\w'’-]+\s){1,6}?to\s+\w)",
    re.IGNORECASE,
)
# "The IRS is reminding taxpayers (that) the deadline …": the reminder's frame before what it reminds of.
_EN_REMINDING = re.compile(
    r"^(?:the |a )?(?:[\w.&'’-]+\s){1,8}?(?:is|are)\s+(?:also\s+)?(?:reminding|warning|advising|informing)"
    r"\s+(?:[\w'’-]+\s){1,3}?(?:that\s+)?(?=(?:the|a|an|all|its|their)\s)",
    re.IGNORECASE,
)
# "The intent of this Order is to ensure that most people stay home": the purpose's frame; what it
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
    r"^(?:as part of|in line with|in accordance with|in response to|in light of|because of|due to|amid|given)"
    r"\s(?![^,;]*\b(?:who|which|that|is|are|was|were|will|must|can|may|should)\b)[^,;\d]{3,70},\s+"
    r"(?=(?:(?!(?:may|can|could|might)\b)[\w'’-]+\s){0,6}?(?:must|shall|should|will|need|needs|have to|has to|are|is)\b)",
    re.IGNORECASE,
)
# Sentence openers that link to the previous sentence ("In doing so,", "Specifically,").
_EN_OPENER = re.compile(
    rf"^(?:{cues.EN_CONNECTIVE}|now|today|yesterday|accordingly|consequently|instead|as such|in response),\s*"
    # A formal document's section label ("DATES: The exemption is effective …", "SUMMARY: FMCSA grants …").
    r"|(?-i:^[A-Z][A-Z ]{2,30}:\s+(?=[A-Z]))"
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
# A clause cut before its last item leaves its conjunction behind: "…to register online, or".
_EN_DANGLING = re.compile(r"(?<![\s,;])(?:[\s,;]+(?:or|and|but|nor))+[\s,;]*$", re.I)
# A word a clause cannot end on: a negation, an article or determiner, "to", "be" ("… should be").
_EN_HANGING = re.compile(
    r"\b(?:not|no|never|a|an|the|its|their|his|her|this|these|those|to|be|and \w+"
    # a quantifier or a preposition waits for its noun ("comply with all", "open for one month, during")
    r"|all|any|each|every|some|of|for|with|during|from|by|at|in|on|into|than|as|via|per"
    # a word that takes "to" ("prior to the closing date", "subject to approval", "lose access to the pool")
    r"|prior|subject|pursuant|according|owing|contrary|related|similar|equal|addition|access)$",
    re.I,
)
_EN_CUT_PREP = re.compile(
    r",\s*(?:during|including|such as|with|without|for|from|of|in|on|at|by|to|until)$", re.I
)
# The longest text _EN_CUT_PREP and _EN_HANGING can match at a clause's end ("and ", a word; ", such as").
_TAIL_WINDOW = 40
# "Ministry of Fisheries", "Department of Parks": "of" between capitalised words is inside a name.
_EN_NAME_OF = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")
# Set phrases that complete a verb ("remain in effect", "be made in writing", "are rescinded in full"), not
# prepositional tails that place or qualify it: a cut never falls before them.
_EN_SET_PHRASE = re.compile(
    r",?\s+(?:in (?:place|effect|force|full|writing|person|advance|part|time)|at once|on time|by (?:hand|mail|email|post))\b",
    re.I,
)
# "lose access | to the reading room": "to" before a determiner or a noun is a preposition, the verb's
# complement; only before a verb does it start a purpose.
_EN_TO_NOUN = re.compile(
    r"\s+to\s+(?:the|a|an|all|any|each|every|their|its|his|her|our|your|this|these|those|[A-Z0-9$]"
    r"|\w+(?:ment|tion|sion|ness|ity|ance|ence|ship|ers|ees)\b)"
)
_EN_CAPITAL_END = re.compile(r"\b[A-Z][\w.&'’-]*$")
_EN_ABBR_END = re.compile(r"\b(?:[ap]\.m|U\.S|U\.K|etc|Inc|Ltd|Co|Corp|Jr|Sr)$")
# Trailing marks, tried from a run's first mark only: from every mark of a long run of spaces, each try
# would scan the rest of the run before failing at a word.
_TRAIL = re.compile(r"(?<![\s,;:，；：、。.!?！？–—-])[\s,;:，；：、。.!?！？–—-]+$")
# "reminded employers that they must …": who is reminded is who must; "that they" only points back.
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
# A parenthetical that cites ("(Home Quarantine, issued on October 29, 2020)", "(in respect of the 14 day
# period)") points to a document or a provision: its dates are that document's, not the reader's.
_EN_ASIDE = re.compile(
    r"(?<!\s)\s*\((?:(?![^)]{0,40}\d)[^()]{1,40}"
    r"|(?=[^()]{0,120}\b(?:issued|dated|adopted|signed|published|enacted|amended|in respect of)\b)[^()]{1,120})\)"
)


def _en_trim(text: str) -> str:
    """An English piece without trailing marks and a dangling conjunction; an abbreviation keeps its dot
    ("7 p.m.", "the U.S.")."""
    out = _EN_DANGLING.sub("", _TRAIL.sub("", text))
    # "…closed for two weeks, during": a clause cut before a preposition's object ends at the comma.
    m = _EN_CUT_PREP.search(out, max(0, len(out) - _TAIL_WINDOW))  # only its last words can match
    if m:
        out = out[: m.start()]
    if _EN_ABBR_END.search(out) and text.startswith(".", len(out)):
        out += "."
    return out


def _asides(text: str) -> str:
    """The text without its asides; an aside nested in another ("(Home Isolation (revised) issued on …)")
    goes first, then the one around it."""
    if "(" not in text:
        return text
    return _EN_ASIDE.sub("", _EN_ASIDE.sub("", text))


def drop_words(text: str, lang: Lang) -> str:
    """The text with the droppable words removed everywhere: what a compressed clause is a substring of."""
    if lang == "zh":
        return _ZH_DROP.sub("", fold(text))
    text = _EN_REMINDER.sub(r"\1 \2", text)
    return re.sub(r"\s+", " ", _asides(_EN_FORMULA.sub("", _EN_APPOSITIVE.sub(r"\1\2", text))))


def _keep_spans(folded: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    at = 0
    for m in _ZH_DROP.finditer(folded):
        spans.append((at, m.start()))
        at = m.end()
    spans.append((at, len(folded)))
    return spans


def compress(text: str, lang: Lang) -> str:
    """One clause reduced to its core: no outline marker, attribution frame, formula or end punctuation."""
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
        return _TRAIL.sub("", "".join(kept)).strip()
    text = _EN_OPENER.sub("", text)
    m = _EN_REMINDED.match(text)
    if m:
        # "The IRS today reminded employers that they must file …" → "Employers must file …": two deletions.
        text = m.group(2) + text[m.end() :]
    m = _EN_FRAME.match(text)
    # Drop "NWB said" only when a clause with its own verb follows; "the agency said" alone is not a frame.
    if m and len(text) - m.end() > 20:
        text = text[m.end() :]
    m = _EN_ISSUED.match(text)
    if m and len(text) - m.end() > 20:
        text = text[m.end() :]
    # The reminder first: "is reminding farmers the deadline to claim …" is no bid to farmers.
    for pattern in (_EN_REMINDING, _EN_BIDS, _EN_IT_IS, _EN_INTENT):
        m = pattern.match(text)
        if m and len(text) - m.end() > 20:
            text = text[m.end() :]
            break
    m = _EN_CIRCUMSTANCE.match(text)
    if m and not _EN_WHEN_WORD.search(text, 0, m.end()):
        text = text[m.end() :]
    text = _EN_LEAD.sub("", text)
    text = _EN_SAID.sub("", text)
    text = _asides(_EN_FORMULA.sub("", _EN_APPOSITIVE.sub(r"\1\2", text)))
    text = re.sub(r"\s+", " ", text)
    text = _en_trim(text).strip()
    return text[:1].upper() + text[1:] if text else text


# Where an English clause can end early: its tail qualifies (purpose, condition, relative, addition).
_EN_TAIL = re.compile(
    rf",?\s+(?=(?:{cues.EN_PURPOSE}|so that|because|when|where|which|who|whose|while|if|unless|as well as"
    r"|including|for the duration|or until|until|upon|after which|in the following|regardless of|ahead of"
    r"|without|to help|to support|to make sure|to protect|to focus|to increase|to reduce|to slow|to gain"
    # A purpose after the object ("… regular inspections to ensure compliance"): why, not what.
    r"|to ensure|to create|to promote|to enhance|to prevent|to improve|to safeguard|to facilitate|to speed"
    # "… any residue that might remain": a relative "that" (a modal or "be" follows it; after
    # a verb, "that" opens what is said: "ensure that employers …").
    r"|that (?=(?:may|might|could|would|can|have|has|are|is|were|was)\b)"
    # "… guidance released by the Department": a participle after the noun says whose, not what to do.
    r"|(?:released|issued|published|provided|adopted|signed|prepared) (?=by|on)"
    r"|in the wake of|due to|following|according to|in accordance with|pursuant to|per (?:a|an|the)"
    # A hedge that bounds the duty by what is feasible ("… to the maximum extent feasible", "… where possible").
    r"|to the (?:maximum|fullest|greatest|full|extent) |(?:where|wherever|whenever|if) possible"
    r"|as (?:much|far) as (?:possible|practicable)"
    # ", and will continue in effect …": a second verb of the same subject.
    r"|and (?:will|shall|must|may|should|is|are)\b)\b)"
)
# Failing that, before a prepositional phrase that places or qualifies the object ("… of the parking permit holders").
_PREPOSITIONS = "of|in|on|at|for|from|with|across|within|into|under|through"
# "to" before a place or a body ("… travel plans to Singapore", "… the levy to the ministry") is a
# preposition too; before a verb it opens an infinitive, which stays.
_EN_PREP = re.compile(rf",?\s+(?=(?:{_PREPOSITIONS})\s|to\s+(?:the\s|[A-Z]))")
# A cut must leave a clause with its verb and something after it: the first auxiliary, modal or finite verb.
_EN_VERB = re.compile(
    r"\b(?:must|shall|should|will|would|can|could|may|might|is|are|was|were|has|have|had|need|needs|"
    r"applies|apply|requires?|requiring|reminds?|urges?|orders?|directs?|asks?|announced|issued|extends?|"
    r"provides?|takes?|creates?|strengthens?|includes?)\b|\b[a-z]{3,}ed\b"
)
_EN_MIN_AFTER_VERB = 2
# A headline's "who is bound, to do what" ("Trade unions to collaborate with …"): its subject is a name or a
# noun phrase, not a clause ("Employers who fail to register …").
_EN_BOUND = re.compile(r"(?:(?!(?:who|which|that|whose)\b)[\w'’-]+\s){1,6}?to\s+[a-z]+\b")
# A figure or date, not the digits of a link or a model code ("example.org/#!/5e3c…", "A320-200").
_DIGIT = re.compile(r"(?<![\w/#.=-])\d+")
# Dates and times written in words ("from September", "by Friday", "until tomorrow"): a cut never
# falls before them either.
_EN_WHEN_WORD = re.compile(
    rf"\b(?:{MONTH_NAME}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|tonight|tomorrow|midnight|noon)\b"
)


def _en_floor(text: str) -> int:
    """The earliest place a cut may fall: past the verb and two words of its object, and past every figure
    or date of the clause (a deadline is what the reader needs most; it is never cut off)."""
    verb = _EN_VERB.search(text)
    bound = _EN_BOUND.match(text)
    if bound and (verb is None or verb.start() >= bound.end()):
        verb = bound  # "Hauliers to log rest breaks …": the infinitive is the verb of who is bound
    if verb is None:
        return len(text)
    floor = verb.end()
    for _ in range(_EN_MIN_AFTER_VERB):
        nxt = text.find(" ", floor + 1)
        floor = len(text) if nxt < 0 else nxt
    digits = [m.end() for p in (_DIGIT, _EN_WHEN_WORD) for m in p.finditer(text)]
    return max([floor, *digits])


def shorten(text: str, limit: int, lang: Lang) -> str:
    """An English clause longer than limit cut at its last tail boundary before limit (a deletion only).

    Subordinate and purpose tails go first; a prepositional tail only when no such boundary is left.
    """
    if lang != "en" or len(text) <= limit:
        return text
    floor = _en_floor(text)
    for pattern in (_EN_TAIL, _EN_PREP):
        # The whole text is searched: a lookahead stops at an end position, so a limit there would hide
        # the boundaries next to it.
        cuts = [
            m.start()
            for m in pattern.finditer(text)
            if floor <= m.start() <= limit and _ends_well(text, m.start())
        ]
        if cuts:
            return _en_trim(text[: cuts[-1]])
    # No boundary early enough: the first one after limit still spares the rest of the headline.
    later = [
        m.start()
        for p in (_EN_TAIL, _EN_PREP)
        for m in p.finditer(text)
        if m.start() >= max(floor, limit) and _ends_well(text, m.start())
    ]
    return _en_trim(text[: min(later)]) if later else text


# A noun that counts or sorts what "of" names ("the number of people", "a range of services").
_EN_OF = re.compile(r",?\s+of\s")
_EN_QUANTITY = re.compile(
    r"\b(?:number|numbers|majority|minority|portion|share|percentage|proportion|part|most|many|some|none"
    r"|each|one|rest|lot|lots|amount|total|range|series|kind|kinds|type|types|list|all|any|both|either)$",
    re.I,
)
# A verb or an adverb whose complement opens with "to": a cut never falls between them.
_EN_TO = re.compile(r",?\s+to\s")
_EN_TAKES_TO = re.compile(
    r"(?:\b(?:relat|appl|belong|refer|respond|report|adher|contribut|agree|object|return|listen|conform"
    r"|subscrib|attend|commit|consent|react|repl|cater|pertain|amount|lead|travel|mov|go|went|come|came)\w*"
    r"|\b\w+ly)$"
)


def _ends_well(text: str, cut: int) -> bool:
    """Whether text cut at cut ends on a word that stands alone: not "… should be", "… tenants not", nor
    inside a name ("the Ministry | of Manpower")."""
    if _EN_NAME_OF.match(text, cut) and _EN_CAPITAL_END.search(text, 0, cut):
        return False
    if _EN_OF.match(text, cut) and _EN_QUANTITY.search(text, max(0, cut - _TAIL_WINDOW), cut):
        return False  # "the maximum number | of people": a quantity is counted in what follows
    if _EN_TO.match(text, cut) and _EN_TAKES_TO.search(text, max(0, cut - _TAIL_WINDOW), cut):
        return (
            False  # "should relate | to the application", "not adhering | to the law": the verb's complement
        )
    if _EN_SET_PHRASE.match(text, cut):
        return False  # "have a policy | in place", "be made | in writing": the verb's complement
    kept = _EN_DANGLING.sub("", _TRAIL.sub("", text[:cut]))
    return not _EN_HANGING.search(kept, max(0, len(kept) - _TAIL_WINDOW))  # only its last words can match


# Where an English clause's core ends: before a purpose or relative tail, a prepositional phrase, a comma.
_EN_CORE_END = re.compile(rf",\s+|\s+(?=(?:to|{_PREPOSITIONS})\s)")
# "to" after a verb that takes an object and an infinitive ("allow fatigued drivers to operate") completes
# it; only after a finished verb phrase ("will take measures to expand …") does "to" start a purpose.
_EN_TO_VERB = re.compile(
    r"\b(?:(?:requir|allow|ask|urg|encourag|enabl|permit|forc|invit|advis|remind|expect|order|direct|instruct"
    r"|need|want|plann?)\w*|tells?|told|has|had|have|having|is|are|was|were|be|been|able|used|going)"
    r"\s+(?:\S+\s+){0,2}$"
)
# A core shorter than this says too little; one longer than this share of its clause saves too little.
_EN_CORE_MIN = 20
_EN_CHAIN = re.compile(r"(?:\s+(?:be|being|been|have|had|not|also|now|still|\w+ed|\w+en|\w+ing)\b)*")
_EN_AUX = re.compile(
    r"\b(?:must|shall|should|will|would|can|could|may|might|is|are|was|were|has|have|had|need|needs|to)\b"
)
_EN_CORE_SHARE = 0.75


def core(text: str, lang: Lang) -> str:
    """An English clause's core: its subject, verb and object, cut before the first tail or prepositional
    phrase after them ("Landlords must test smoke alarms" of "… in every rented flat of …").

    A deletion like shorten; empty when the clause has no shorter core worth a headline of its own.
    """
    if lang != "en":
        return ""
    # The modal or auxiliary first ("The newly registered members have to pay …": not "registered").
    verb = _EN_AUX.search(text) or _EN_VERB.search(text)
    if verb is None:
        return ""
    # Past the verb chain ("are being encouraged") and two words of what follows it; never before a figure
    # or a date (what a reader needs most is never cut off).
    floor = _EN_CHAIN.match(text, verb.end()).end()  # type: ignore[union-attr]  # it matches the empty string
    for _ in range(_EN_MIN_AFTER_VERB):
        nxt = text.find(" ", floor + 1)
        if nxt < 0:
            return ""
        floor = nxt
    floor = max([floor, *(m.end() for p in (_DIGIT, _EN_WHEN_WORD) for m in p.finditer(text))])
    for m in _EN_CORE_END.finditer(text, floor):
        if text.startswith("to ", m.end()) and (
            text[m.start() - 1].isdigit() or _EN_TO_VERB.search(text, 0, m.start() + 1)
        ):
            continue  # "have until July 31, 2026, to file returns": what the date is for
        if not _ends_well(text, m.start()):
            continue  # "… tell their tenants not": a negation or article needs what follows it
        if _EN_TO_NOUN.match(text, m.start()):
            continue  # "may lose access to the reading room": a complement, not a purpose
        out = _en_trim(text[: m.start()])
        return out if _EN_CORE_MIN <= len(out) <= _EN_CORE_SHARE * len(text) else ""
    return ""

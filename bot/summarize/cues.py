"""Cue phrases of notices, matched on script-folded text: obligation, attribution, actions, boilerplate."""

from __future__ import annotations

import re

from bot import dates
from bot.summarize.lang import PINYIN_NOTE, Lang
from bot.summarize.prefilter import search_at, starting_with, starts_of
from bot.summarize.regroup import regrouped

__all__ = [
    "ACTION",
    "AHEAD",
    "ATTRIBUTION",
    "ATTRIBUTION_ONLY",
    "BACKGROUND",
    "BASIS",
    "BOILERPLATE",
    "COVER",
    "DEMOTE",
    "EFFECT",
    "EN_ADJ_COMMA",
    "EN_APPEAL",
    "EN_ASK",
    "EN_AUX",
    "EN_CONCESSION",
    "EN_CONDITION",
    "EN_CONNECTIVE",
    "EN_COURTESY",
    "EN_DATE_LABEL",
    "EN_DEPENDENT",
    "EN_DUE_CAUSE",
    "EN_INSTRUCTED",
    "EN_IN_STATEMENT",
    "EN_PAYABLE",
    "EN_PURPOSE",
    "EN_QUANTIFIER",
    "EN_RECALL",
    "EN_RELATIVE_PREP",
    "EN_SUBJECT_LINE",
    "GENERIC",
    "LEAD_FRAME",
    "MANDATORY",
    "MAYBE_DATE",
    "META",
    "MODAL_BASIS",
    "OBLIGATION",
    "REPORTED",
    "REPORT_FRAME",
    "REQUIRES",
    "SANCTION",
    "SLOGAN",
    "SPECIFIC",
    "STRONG_OBLIGATION",
    "TIME_LIMIT",
    "TOPIC",
    "WEAK_OBLIGATION",
    "ZH_AIM",
    "ZH_CLOCK",
    "ZH_CONTACT",
    "ZH_FULL_DATE",
    "ZH_LEAD_LABEL",
    "ZH_PURPOSE_OPEN",
    "ZH_WHEN_ONLY",
    "ZH_YAO",
    "ZH_YEAR_MONTH",
    "ZH_YING",
    "any_of",
    "boilerplate_in",
    "caseless",
    "en_due_term",
    "informs",
    "main_part",
    "zh_contact_label",
]


def caseless(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The same case-insensitive pattern for text that is already lowercased.

    sre folds the case of every character it compares under IGNORECASE, which makes the long English
    cue lists about three times slower than matching lowercased text case-sensitively. Escapes (\\S,
    \\W, \\B …) keep their case; a pattern without IGNORECASE is returned as it is.
    """
    if not pattern.flags & re.IGNORECASE:
        return pattern
    source = re.sub(
        r"\\.|[A-Z]+", lambda m: m.group(0) if m.group(0)[0] == "\\" else m.group(0).lower(), pattern.pattern
    )
    return re.compile(source, pattern.flags & ~re.IGNORECASE)


def any_of(*patterns: re.Pattern[str]) -> re.Pattern[str]:
    """One pattern that matches a text exactly when at least one of the given patterns does.

    A prefilter: cues that seldom fire are tested with one scan per clause instead of one each, and only
    looked at one by one when it matches. Each branch keeps its own anchors and case folding; back
    references would count the groups of the whole alternation, so patterns with them are refused.
    """
    parts = []
    for p in patterns:
        if re.search(r"\\[1-9]|\(\?P=", p.pattern) or p.flags & ~(re.IGNORECASE | re.UNICODE):
            raise ValueError(f"back reference or flags other than IGNORECASE in {p.pattern!r}")
        parts.append(f"(?i:{p.pattern})" if p.flags & re.IGNORECASE else f"(?:{p.pattern})")
    union = "|".join(parts)
    # The same test as one scan for the characters the patterns' matches start with, where that is known.
    return starting_with(union, patterns) or re.compile(regrouped(union))


# A refusal stated as a rule is a duty too: "late forms will not be accepted", "no exceptions will be made".
# One list for the obligation cue below and for importance's strong words.
EN_REFUSAL = r"not be (?:accepted|allowed|permitted|considered|processed|issued)|not permitted|no exceptions?"

# Obligation. Chinese 要 is also in 重要/主要/需要/只要/纲要/简要/紧要/要求/要点, so it counts only as a modal
# verb; 应 also in 对应/相应/供应/答应/回应/应用/应急.
ZH_YAO = r"(?<![重主需纪摘首概提只纲简紧])要(?![求点素闻件害务])"
ZH_YING = r"(?<![对相反适供答回])应(?![用对急届变该有])"
OBLIGATION = {
    "zh": re.compile(
        rf"{ZH_YAO}|必须|不得|严禁|禁止|确保|务必|应当|须|"
        rf"{ZH_YING}|切实|一律|抓紧|尽快|请各|督促|责令|鼓励|支持|"
        # Letters (函/复函) direct their addressee politely: "建议你省…", "请你单位…".
        r"建议(?=你|各|有关)|请你|请(?:认真)?(?:贯彻|遵照|结合实际)|"
        # Notices to students, staff or the public ask politely: "请随手关灯", "请提前一周预约场地"
        # (not 申请, 邀请, 请示, 请假, 请谅解, 请辞, 请缨, 请销假, 请愿, 请教); "需向学院提出申请" is a duty as
        # much as 须 (not 无需, 不需, 毋需, 勿需, 按需, nor the condition "如需帮助").
        r"(?<![申邀提聘宴报])请(?![示求谅假柬辞缨销愿]|教(?![务育学研职工师室]))|(?<![所急必无不毋勿按如])需(?![要求])"
        # A rule with its exception foreseen ("原则上不接待散客", "原则上每季度召开一次联席会"), and what is
        # refused from now on ("不再受理", "不予报销").
        r"|原则上|不再|不予"
        # The issuer's own requirement after its purpose ("为保障实验室安全，特要求各课题组每周自查", "现要求各单位
        # 于5月1日前报送"): 特/现 make 要求 the notice's verb, not a noun ("按上级要求", "达不到现要求") or a
        # report ("通知要求"), so only with whom it binds right after it (not "顾客史密特要求退款"). Not a lead-in
        # ("现要求各乡镇做好以下工作："), nor 现/特 ending a word ("实现要求", "独特要求").
        r"|(?:(?<![独奇])特(?:此)?|(?<![实体出表发展呈兑再重复涌显浮闪隐提变贴套凸乍])现)要求"
        r"(?=各|全体|所有|广大|相关|有关|你|您|凡|每)(?![^,，。;；\n]{0,30}(?:以下|下列|如下|[：:]))"
        # A pledge with its term ("保证按期完成扩招任务"): a duty like 确保; not "质量保证", "保证金".
        r"|保证(?=按期|按时|如期|及时|完成)"
    ),
    "en": re.compile(
        r"\b(?:must|shall|required?|requires|will|should|need to|needs to|ordered|directs?|directed|"
        r"ha(?:ve|s) to|instructed|asked to|are to|is to|reminds?|reminded|"
        r"prohibit(?:s|ed)?|ban(?:s|ned)?|mandates?|obliged|no later than|encouraged?|urged?|"
        # Advisories and appeals address their reader too: "residents are advised to boil water", "the
        # directive calls on operators to replace …", "it is vital for hauliers to log …", and a
        # rule stated as a predicate ("registration is mandatory", "will not be accepted"). Not "expected to":
        # it forecasts as often as it binds ("the storm is expected to reach the coast").
        # (An appeal, "calls on … to", is EN_APPEAL below: it needs the case of the word after "to".)
        r"advised|advises|urging|mandatory|"
        # An office memorandum's and an advisory's request ("All Ministries are requested not to open …",
        # "It is, further requested that …", "requests that health care providers ask …"): the polite form of
        # an order. In the present only: "… wherein all Ministries were requested to" recalls an earlier one.
        r"(?:is|are),? (?:\w+,? )?requested (?:not to|to|that)|requests that|asks that|"
        r"it is (?:critical|essential|important|necessary|vital|imperative) (?:for|that)|"
        rf"{EN_REFUSAL})\b",
        re.IGNORECASE,
    ),
}

# An appeal: "the directive calls on operators to replace …", "the board has also called upon schools and
# colleges to publish …" (round 11 of #9: "upon" is "on"): the one bound, then the infinitive. Not a visit or a
# resource drawn on ("called upon the residents last week", "called on her experience"), a "to" that is a
# preposition ("called upon the ambassador to France", "next to the quarry"), nor a recalled passive ("was called
# upon to testify"), as "were requested to" is no request in OBLIGATION, nor the noun ("a call upon the reserve
# fund to cover …"). Matched on text with its case, since only the case tells "to France" from "to conserve"; the
# verb, "on/upon", "to" and the words before them match in any case ("THE COUNCIL CALLS ON ALL RESIDENTS TO
# CONSERVE WATER", a heading's "Calls On"). The word after "to" is read by the case of "to": a lowercase "to" is
# running text, where a capital after it starts a name or an acronym ("to France", "to NATO"), never the verb; a
# capitalised "To"/"TO" after the verb is a title-cased or all-caps text, where every word has a capital, so only
# a determiner ("TO THE", "To The") marks the preposition. So "CALLED UPON THE AMBASSADOR TO FRANCE" counts as an
# appeal: in capitals a country and a verb look alike, and a notice set in capitals is more often an appeal.
# The excluded words before the verb are whole words (\b): "FEMA calls on", "India calls upon" are appeals.
_EN_DETERMINER = r"(?i:the|a|an|its|their|his|her|this|that|our|your)\b"
EN_APPEAL = re.compile(
    r"(?<!\b(?i:was) )(?<!\b(?i:were) )(?<!\b(?i:been) )(?<!\b(?i:a) )(?<!\b(?i:the) )"
    r"\b(?i:call(?:s|ed|ing)? (?:up)?on)\s(?:[\w'’/-]+\s){0,8}?"
    rf"(?:t[oO]\s(?!{_EN_DETERMINER}|[A-Z])|T[oO]\s(?!{_EN_DETERMINER}))"
)
# "现将方案印发给你们，请抓好落实": a cover letter's one directive (GB/T 9704 印发/转发 notices), matched on folded
# text (traditional characters too) and with a mirror's pinyin after a character ("現(xiàn)將辦法轉發(fā)給你們").
COVER = re.compile(
    rf"(?:现|特)(?:{PINYIN_NOTE})?(?:将[^,。]{{0,40}})?(?:印发|转发|下发)(?:{PINYIN_NOTE})?(?:给(?:{PINYIN_NOTE})?)?你们"
)
# "X发出紧急通知,要求…": a report quoting the notice's requirements, like 《通知》要求.
REPORTED = re.compile(r"(?:通知|文件|意见|决定|方案|公告|通告)[^。,]{0,6},?(?:明确|还|进一步)?要求")
# Time limits are deadlines too: "4小时内", "30个工作日内", "within 20 days".
TIME_LIMIT = re.compile(
    r"(?<!\d)\d+\s*个?(?:小时|日|天|工作日|周|月)(?:之|以)?内|within \d+ (?:hours?|days?|business days|weeks?)"
    # A lead time counted from an event: "at least 2 weeks prior to the distribution date", "180 days after
    # they leave the combat zone to file".
    r"|\b(?:\d+|two|three|four|five|six|seven|ten|fourteen|thirty) (?:(?:business|working|calendar) )?"
    r"(?:hours?|days?|weeks?|months?) (?:before|prior to|in advance|after)\b",
    re.I,
)
# When it applies and what it replaces: "自发布之时起执行", "停止执行", "takes effect", "supersedes".
EFFECT: re.Pattern[str] = re.compile(
    r"起(?:执行|施行|实施)|开始执行|停止执行|同时废止|予以废止|有效期|"
    r"\b(?:effective|takes? effect|supersedes?|rescind\w*|expires?)\b",
    re.I,
)
# Sanctions tell a reader what is at stake: "严肃问责到人", "依法追究责任", "is a misdemeanor".
SANCTION: re.Pattern[str] = re.compile(
    r"追责|问责|追究[^,。]{0,10}责任|依法[^,。]{0,6}处理|严肃处理|处罚|罚款|"
    r"\b(?:penalt(?:y|ies)|fines?|misdemeanou?r|prosecut\w*|revok\w*"
    # What a breach costs, said as a consequence: "will be fined", "punishable by", "may lose access to
    # the grant", "could face penalties", "may result in fines".
    r"|fined|punishable|lose access|face (?:penalties|fines)|result in (?:penalties|fines|the loss))\b",
    re.I,
)
# "印发通知,要求各地加快…": a reported requirement governs the clauses after it.
REQUIRES = re.compile(r"(?:通知|文件|意见|并|,|^)(?:明确|还|进一步)?要求(?![的是])")
# A clause that only says where the report comes from: "记者3日从市教育局获悉", "据新华社消息".
REPORT_FRAME = re.compile(
    r"^[^,。]{0,30}(?:获悉|了解到)[,:]?$|^据[^,。]{1,30}(?:消息|报道|电)[,:]?$|^(?:记者|通讯员)[^,。]{0,10}[,:]?$"
)

# An English condition ("if a local outbreak requires …"): the verbs after it state when, not a duty.
EN_CONDITION = re.compile(r"\b(?:if|unless|whether|in case|in the event)\b", re.IGNORECASE)
_EN_CONDITION_LOW = caseless(EN_CONDITION)
_EN_CONDITION_AT = starts_of(_EN_CONDITION_LOW)  # tried at the words it can open, not at every character


def main_part(low: str) -> str:
    """An English clause (lowercased) up to its condition; the whole clause when it has none."""
    m = search_at(_EN_CONDITION_AT, _EN_CONDITION_LOW, low)
    return low[: m.start()] if m else low


# What falls due: a payment, a filing or a fee, the things a notice sets a term for. One list for en_due_term.
EN_PAYABLE = re.compile(
    r"\b(?:payments?|filings?|returns?|fees?|tax(?:es)?|reports?|applications?|forms?|rents?|bills?|balances?"
    r"|amounts?|invoices?|premiums?|instal(?:l)?ments?|charges?|deposits?|submissions?)\b"
)
# A rule's commencement: "The rule takes effect on December 10", "comes into force on": the day a rule starts
# binding (importance.py's deadline cue; published.py's reason a date is not the notice's).
EN_IN_FORCE = r"takes? effect|took effect|comes? into (?:force|effect)|enters? into force"
# "due to", "due in part to", "due, above all, to", "due (in part) to", "due - at least in part - to": a cause or
# a debt of thanks, not a term; up to four words set off by commas, brackets or dashes before "to", the first not
# a term's own ("due by 1 May to the registry" keeps its term). Separators and words are disjoint classes: linear.
_EN_MONTH_WORD = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b"
EN_DUE_CAUSE = (
    r"(?:[\s,;()\[\]\u2013\u2014-]+(?!(?:by|on|before|within|until|prior|upon|no)\b)[a-z']+"
    r"(?:[\s,;()\[\]\u2013\u2014-]+[a-z']+){0,3}?)?[\s,;()\[\]\u2013\u2014-]+to\b"
    # "returns are due to be filed by 31 July": a term after all, where a dated deadline follows the passive
    # ("due to be published in June" stays a schedule, "due to be debated by the council" an agent).
    # A figure after "by" is a date only with its month or as a day of one ("by 31 July", "by 31/7"), not a count
    # ("considered by 12 members").
    r"(?! be \w+ (?:by|before|within|no later than|on or before) (?:\d{1,2}(?:st|nd|rd|th)?[ /.-]"
    rf"(?:\d|{_EN_MONTH_WORD})|the end\b"
    rf"|{_EN_MONTH_WORD}))"
)
# A due date stated as a predicate ("payment is due on the day you book a pitch", "water bills are still due by the
# first deadline", "the second instalment falls due on 1 October", "will be due on 1 May", "is due for payment by
# 30 June"), not "due" as expected or scheduled ("the calf is due in March", "is due for renewal", "is due back"),
# a direction or a set phrase ("due north", "due diligence", "due care", "in due course"), nor a cause
# (EN_DUE_CAUSE).
_EN_DUE_AT = re.compile(
    r"\b(?:is|are|be|becomes?|falls?) (?:\w+ )?due\b"
    rf"(?!{EN_DUE_CAUSE}|[ -](?:for(?! payment\b)|back|out|north|south|east|west|diligence|process|care|course)\b)"
)
_EN_NONE = frozenset(("no", "nothing", "none"))


def en_due_term(low: str) -> bool:
    """Whether a lowercased English clause states a term for a thing that falls due (EN_PAYABLE names it
    before the verb): a directive without a modal. "No further payment is due", "for pensioners no payment is
    due" say nothing is owed; "the second payment is not due until 1 October" still sets a term."""
    if "due" not in low:
        return False  # the common case, without the pattern's lookaheads
    m = _EN_DUE_AT.search(low)
    if m is None:
        return False
    subject = low[: m.start()]
    return EN_PAYABLE.search(subject) is not None and not _EN_NONE.intersection(subject.split()[-4:])


STRONG_OBLIGATION = re.compile(
    r"\b(?:must|shall|required?|requires|will|ordered|mandates?|prohibit\w*|ban\w*)\b", re.I
)
MANDATORY = re.compile(r"\b(?:must|shall|required|requires|mandatory|prohibited|no later than)\b", re.I)
WEAK_OBLIGATION = re.compile(r"\b(?:should|encouraged?|urged?|need to|needs to)\b", re.I)

# "《通知》要求," and "the circular said": the report is quoting the notice's directives.
ATTRIBUTION = {
    "zh": re.compile(
        r"^(?:同时|此外|另外|并且)?[,]?(?:《[^》]{0,60}》|通知|文件|意见|方案|办法|决定|公告|通告|会议|该文件)"
        r"(?:中)?(?:要求|强调|指出|明确|提出|规定|部署|表示|明确要求|特别强调|还要求|还强调|还明确|还提出)"
    ),
    "en": re.compile(
        r"\b(?:the|a|this|new) (?:circular|document|notice|guideline|guidelines|order|regulation|plan|rule)s? "
        r"(?:said|says|stated|states|requires|required|stipulates|calls for|called for|asks|asked)\b"
        r"|\bper (?:a|the) (?:new )?(?:circular|document|notice)\b|\baccording to the (?:circular|document)\b",
        re.IGNORECASE,
    ),
}
# A clause that is nothing but the attribution carries no content of its own.
ATTRIBUTION_ONLY = re.compile(
    r"^(?:同时|此外|另外)?(?:《[^》]{0,60}》|通知|文件|意见|方案)(?:中)?(?:还|特别|进一步)?"
    r"(?:要求|强调|指出|明确|提出|规定|部署)[,:]?$"
    r"|^,?\s*(?:the|a) (?:circular|document|notice|statement) said\.?$",
    re.IGNORECASE,
)

# English phrase lists that several rules share, written once here (lowercase, for case-insensitive patterns).
# Words that link a sentence to the one before it ("In doing so,", "Specifically,"): no content of their own.
EN_CONNECTIVE = (
    r"(?:in doing so|specifically|however|meanwhile|moreover|in addition|additionally|further|furthermore"
    r"|in particular|as a result|for example|therefore|thus|also)"
)
# A courtesy or a letter's frame around the notice's own words ("Please note that the office will …",
# "We are writing to inform you that …").
EN_COURTESY = (
    r"(?:(?:please (?:be advised|note)|be advised|kindly note)(?: that)?,?"
    # "Please be informed that …" is the same courtesy; only asked ("please", "kindly") and before "that" ("Be
    # informed, be prepared" is a slogan, "Please be informed, as the law requires, that …" frames an aside).
    r"|(?:please|kindly) be informed that"
    r"|(?:i am|i'm|we are|we're) writing to (?:remind|inform|let) you(?: know)?(?: that)?)"
)
# A page's date label left in front of the lead by a mirror ("Updated: 2021-03-04 The library …").
EN_DATE_LABEL = r"(?:date|posted|published|updated)\s*:?\s*(?:\d{4}-\d{2}-\d{2}|[a-z]+ \d{1,2}, \d{4})\s+"
# Where a statement was made ("In a release on Monday, …", "… in its notice to parents …").
EN_IN_STATEMENT = r"in (?:a|its) (?:statement|release|notice|letter)"
# An issuer that tells others what to do: "The council (in a letter …) has asked all residents to …". Who is
# bound and what they are to do follow (each rule checks "… to" after it).
EN_INSTRUCTED = (
    rf"(?:the|an?|its)\s+(?:[\w.&'’()-]+\s){{1,6}}?(?:{EN_IN_STATEMENT}[^,;]{{0,50}}?\s)?"
    r"(?:(?:has|have|had|also|today|yesterday|now)\s+)*"
    r"(?:instructed|ordered|directed|asked|told|urged|called on|requested)\s+"
)
# The prepositions that open a relative clause with its pronoun ("during which", "from which", "for whom").
EN_RELATIVE_PREP = r"(?:during|from|for|in|into|of|on|upon|to|by|with|within|through|under|at|after|before)"
# A quantifier a relative clause may open with before "of which" ("…, all of which are free", "3 of whom").
EN_QUANTIFIER = (
    r"(?:all|each|some|most|none|many|much|both|any|several|few|half|either|neither|one|two|three|four|five"
    r"|six|seven|eight|nine|ten|\d+)"
)
# What a clause that leans on the noun before it opens with: a relative pronoun (also after its preposition),
# a list's tail, a purpose ("which should be …", "during which …", "including …", "in order to …"); alone it
# says nothing about who.
EN_DEPENDENT = re.compile(
    rf"^(?:(?:{EN_QUANTIFIER} of )?(?:{EN_RELATIVE_PREP} )?(?:which|whom|whose)|who|where|including|such as|as well as|per|according to"
    r"|to|in order to|so as to|or until|or unless)\b",
    re.IGNORECASE,
)
# A purpose tail ("… in order to slow transmission"): why, which a push can leave to the original.
EN_PURPOSE = r"(?:in order to|so as to|to avoid)"

# English modals and auxiliaries: the finite verb a clause needs (one list for cuts.py, pieces.py and the
# patterns here).
EN_AUX = r"(?:must|shall|should|will|would|can|could|may|might|is|are|was|were|has|have|had|need|needs)"
EN_AUX_WORD: re.Pattern[str] = re.compile(rf"\b{EN_AUX}\b")

# A comma between two modifiers of one noun ("in light of the brief, partial port closure, the
# Authority is …", "a new, stricter rule"): not the end of a phrase. What follows it up to the next comma is a
# bare noun phrase (no determiner or pronoun opening a subject, no verb, no conjunction), and after that comma
# comes the main clause: a subject of a few words and its verb.
_EN_NOT_NP = rf"(?:{EN_AUX}|be|and|or|but|which|who|that)\b"
EN_ADJ_COMMA = (
    r",\s+(?=(?!(?:the|a|an|all|any|each|every|this|these|those|its|their|our|his|her|it|they|we|you|there)\b)"
    rf"(?:(?!{_EN_NOT_NP})[\w'’-]+\s+){{0,6}}(?!{_EN_NOT_NP})[\w'’-]+,\s+"
    r"(?!(?:and|or|but|which|who|where|while|including)\b)(?:[\w.&'’()-]+\s){1,7}?"
    rf"{EN_AUX}\b)"
)

# A decision announced in officialese: "the President is pleased to decide that …".
_EN_PLEASED = (
    r"(?:the |a )?(?:[\w.&'’-]+\s){1,5}?(?:is|has been|was) (?:hereby )?pleased to "
    r"(?:decide|order|direct|sanction|approve|declare)\s+that\s+"
)

# What a clause can open with that says nothing a summary needs: a mirror's date label ("Date 2020-02-08"),
# a link to the previous sentence ("In doing so,", "Specifically,") and a report's frame ("NWB said",
# "the memo says that", "《通知》要求"). The clause keeps its score; only the words go.
LEAD_FRAME = {
    "zh": re.compile(
        r"^(?:同时|此外|另外|并且)?,?(?:《[^》]{0,60}》|通知|文件|意见|方案|决定)(?:中)?(?:还|特别|进一步)?"
        # "方案明确了…" keeps its verb: 了/的 after it make it the clause's own predicate.
        r"(?:要求|强调|指出|明确|提出)(?![了的])(?=[^,:]{6})"
    ),
    "en": re.compile(
        # A rule document's section label ("SUMMARY:", "ACTION:", "DATES:"): the section's words are the content.
        r"^(?:(?:summary|action|dates?|effective dates?|supplementary information|background)\s*:\s+)?"
        rf"(?:{EN_DATE_LABEL})?(?:{EN_COURTESY}\s+)?(?:{EN_CONNECTIVE},\s+)?"
        # A reason that opens the sentence ("since the holidays came early, …") is background, and so is the
        # basis a measure follows ("Consistent with the board's decision to defer permits to August 9, 2031, the Department will …",
        # "Pursuant to section 8, …"); a date's ", 2022" does not end it.
        r"(?:(?:since|because|given that|in light of|in view of|in the wake of|amid|due to|consistent with"
        r"|in line with|pursuant to|in accordance with|further to|in response to|as part of|following)\b"
        # A comma between two modifiers ("in light of the brief, partial closure, …") is inside the frame,
        # which then cannot be told from the clause: it stays whole rather than be cut inside a noun phrase.
        rf"(?:[^,]|,\s*\d{{4}}\b){{0,200}}(?!{EN_ADJ_COMMA}),\s+)?"
        rf"(?:(?:{EN_IN_STATEMENT}[^,]{{0,40}},\s+)?"
        # "said"/"says" frame what follows; "states" and "stated" only with "that" ("Individual states must").
        # "The agency said Friday that airlines must …": the day it was said goes with the frame.
        r"(?:the |a )?(?:[\w.&'’()-]+\s){1,4}(?:(?:said|says)(?:\s+(?:on\s+)?(?:\w+day|today|yesterday)(?=\s+that\b))?"
        r"(?: that)?|(?:stated|states) that)\s+(?=\w[^,]{20})"
        # Officialese that announces a decision ("It has been decided by the
        # Minister that", "It is hereby ordered that"): what was decided follows.
        r"|it (?:is|has been|was) (?:hereby )?(?:decided|directed|ordered|resolved)\b[^,]{0,80}? that\s+(?=\w[^,]{20})"
        # An office memorandum's preamble ("The undersigned is directed to refer to … and to say that the
        # President is pleased to decide that …") and a public notice's ("Notice is hereby given that …").
        # Only a reference may stand between the two ("to refer to O.M. No. 12/3/2030-E.II(B) dated
        # 15.01.2031 and to say that"; its dots are part of it): "directed to request all Ministries to
        # furnish … and to state that …" makes the request itself the duty, and it must stay.
        r"|the undersigned is directed to\s+(?:refer to\b[^;]{0,200}?\band (?:to )?)?"
        rf"(?:state|say|convey|inform|intimate|add|clarify)\s+that\s+"
        rf"(?:{_EN_PLEASED})?(?=\w[^,]{{20}})"
        rf"|{_EN_PLEASED}(?=\w[^,]{{20}})"
        r"|notice is hereby given (?:by [^,.]{1,80}? )?that\s+(?=\w[^,]{20})"
        # "The council has asked all residents to …": who is bound, and to what.
        rf"|{EN_INSTRUCTED}(?=(?:[\w'’-]+\s){{1,6}}?to\s\w[^,]{{20}}))?",
        re.IGNORECASE,
    ),
}

# "issues" is the verb of a measure ("The county issues an advisory") but a noun after a determiner or a
# possessive ("These issues were raised") and before a verb of being, "of", "raised" or a sentence's mark
# ("safety issues are", "issues of concern", "these eight issues."). Not after "that", a relative pronoun as often ("the office
# that issues licences"), nor before a comma or a preposition, which a verb takes too ("issues, renews and
# transfers permits", "issues on request a copy"). ("report" stays a measure even as a noun: "Please send the
# report to the registrar" is an instruction whose verb no cue knows.)
_EN_NOT_A_NOUN = "".join(
    rf"(?<!\b{d} )" for d in "the a an these those this its their our your such any all no".split()
)
_EN_NOUN_AFTER = r"(?!\s+(?:are|were|is|was|of|raised)\b|[.;:!?)])"
# A Chinese label that opens its sentence and ends on a colon ("请注意:", "二、报名地点:", "特别提醒:"): what it
# names or asks is in the clauses after it; alone it says nothing (select._is_frame, headline_pieces). Not a
# clock's colon ("下午2:").
ZH_LEAD_LABEL = re.compile(r"[^,，。;；:：!?！？]{1,12}(?<!\d)[:：]")
# Verbs that open a concrete measure (a directive's core, with or without a modal).
ACTION = {
    "zh": re.compile(
        r"(?:^|要|应|须|并|积极|切实|进一步|认真|全力|继续|及时|主动|共同|大力|着力|不断|统筹|依法|重点|全面|"
        # 拟 states what a body plans to do, as a reply letter answers a request ("市住建局拟研究出台…").
        # 充分/严格/尽快/抓紧 grade the measure that follows ("充分做好前期论证", "严格落实备案制度").
        r"加快|逐步|每年|可|将|拟|负责|牵头|充分|严格|尽快|抓紧)"
        r"(?:成立|设立|建立|健全|开展|实施|组织|制定|落实|做好|完善|推进|推动|提高|扩大|"
        r"配合|配足|协助|督促|引导|动员|保障|提供|发放|给予|招聘|选派|安排|开设|公布|报送|上报|提交|检查|"
        r"排查|启动|核查|取消|降低|延长|延期|暂停|减免|免征|补贴|补助|奖励|处罚|停止|恢复|新增|打造|"
        r"完成|确定|规范|严格|加大|聘用|安置|吸纳|培训|创建|举办|帮助|解决|纳入|把|做到|实现|达到|力争|"
        # The verbs of supervision that close many directives ("开展专题研判", "进行安全评估").
        r"研判|评估|整治|监测|摸底|审核|备案|通报|督查|整改|核实|登记|申报|"
        # Plans and the money that pays for them.
        r"研究|制订|拨付|安排|撤销)"
        # "对辖区内各类场馆进行安全检查": the object first, then the measure, a common directive form.
        r"|^对[^,;。]{1,40}(?:进行|开展|实施|实行|予以|给予|加强)"
        # "结合实际制定实施方案": the formula in front of the measure.
        r"|实际(?:制定|制订|研究|出台|组织|开展|落实)"
        # "将…补贴标准调整提高为每人500元": the object put first (将/把), then how it changes.
        r"|^(?:将|把)[^,;。]{1,40}?(?:调整|增加|提高|降低|减少|延长|缩短|纳入|列入|改为|合并|扩大)"
        # "由市、区两级财政按照6:4的比例承担": who pays or leads is the directive.
        r"|由[^,;。]{1,30}(?:负责|承担|分担|解决|牵头|统筹|组织|安排|保障|拨付|拨补|贷款|支付|审批|办理)"
        # "市财政将视评估结果对…给予一次性奖励", "对新购置的校车免征车船税": what a body grants or waives,
        # wherever the object comes.
        r"|对[^,;。]{1,40}(?:给予|予以|免征|免收|减免|减征|减半|暂停|停止|取消)"
        # A rule stated as a regime ("实习生执行带教老师签字制", "实行首问负责制度") or as a routine ("每月召开
        # 一次调度会", "定期报送进展情况"): what is to be done, without a modal.
        r"|(?:实行|执行|推行|施行)[^,;。]{0,16}制(?:度)?(?=$|[,;。])"
        r"|(?:每(?:半年|季度|年|月|周)|定期)[^,;。]{0,6}(?:召开|报送|报告|开展|组织|检查|通报|公布)"
        # A reply that sets up a body says where its office sits and who leads ("办公室设在民航总局",
        # "教育部为牵头单位"): the set-up is the decision, without a verb of a measure.
        r"|(?<!建)设在|为(?:牵头|召集)单位"
        # What is sent to whom, or by which procedure, with the addressee or procedure between (not 报告,
        # which is as often the report itself)
        # ("按月向区工会报送工作小结", "按基建程序报批", "并按程序提交分管领导审定").
        r"|(?:向|按|于)[^,;。]{1,15}(?:报送|上报|提交|报批|申报|备案)"
    ),
    "en": re.compile(
        # (_EN_NOT_A_NOUN: "issues" as a noun is no measure)
        rf"\b(?:{_EN_NOT_A_NOUN}issues?{_EN_NOUN_AFTER}|report|extend(?:s|ed|ing)?|provide[sd]?|strengthen(?:s|ed)?|"
        r"allocate|establish(?:es|ed)?|"
        r"set up|launch(?:es|ed)?|implement(?:s|ed)?|increase[sd]?|expand(?:s|ed)?|cut|reduce[sd]?|"
        r"inspect(?:s|ed|ions)?|enforce(?:s|d|ment)?|protect|subsid(?:y|ies|ize)|train(?:ing)?|"
        r"hire|organize|coordinate|ensure|foster|create|offer(?:s|ed)?|require[sd]?|suspend(?:s|ed)?|"
        # What an order does to a rule or a service: grants or waives it, lifts, eases, closes or reopens.
        r"grant(?:s|ed)?|exempt(?:s|ed)?|waive[sd]?|lift(?:s|ed)?|ease[sd]?|close[sd]?|reopen(?:s|ed)?|"
        r"resume[sd]?"
        # … and what it does to an earlier rule: rescinds, revokes, repeals, replaces or amends it.
        r"|rescind(?:s|ed)?|revoke[sd]?|repeal(?:s|ed)?|supersede[sd]?|replace[sd]?|amend(?:s|ed)?)\b",
        re.IGNORECASE,
    ),
}

# A numbered line that only names a topic ("二、关于校车接送的问题。", "三、社区食堂运营情况。") heads the
# paragraph that answers it: no directive of its own. Either it says 关于, or it has no modal and no verb of
# a measure: "三、各校须于6月1日前报送自查情况。" and "（二）各地要研究解决群众关心的问题。" are duties.
TOPIC = re.compile(
    # The lookahead says no more than the rest does (the line ends on 问题/情况 within 42 characters); it spares
    # the many lines that do not the scan for a modal or a measure at every character.
    r"(?=[^,;:。]{2,42}(?:问题|情况)[。.]?$)"
    "(?:关于|(?![^,;:。]*(?:"
    + OBLIGATION["zh"].pattern
    + "|"
    + ACTION["zh"].pattern
    + r"|报送|上报|提交|汇报|反馈|解决|研究)))[^,;:。]{2,40}(?:问题|情况)[。.]?$"
)

MAYBE_DATE = dates.MAYBE_DATE  # find_dates tests it first; kept here beside the other cues for the tests

# Specific content a reader needs: figures, quoted programme names, money, percentages, deadlines.
SPECIFIC = re.compile(
    r"\d|%|“[^”]{1,20}”|\"[^\"]{1,30}\"|[百千万亿]元|[一二三四五六七八九十两]个|每[个年月人]"
)

# What informs rather than directs in a Chinese notice: what has been done or counted ("2019年某厂投资300
# 万元", "回收率提高到65.2%", "进行了入户走访", "近年来…"). Past tense, past time and measured totals, which
# a duty, a plan or a permission never wears alone (AHEAD tells those apart: a clause with one stays). A
# year that starts or bounds something ("2030年起", "2030年底前") is ahead; growth or a level reached
# ("增长", "达到") is past only when compared or done ("比上月增长", "已达到", "增长了").
BACKGROUND = re.compile(
    r"(?<![为除])了(?![解])|已经|(?<![请如])已|以来|累计|同比|比上年|比去年|去年|上年|近年|过去|共计|"
    r"截至目前|目前已|提高到|比[^,。]{1,8}(?:增长|下降)|约\d|\d[^,。]{0,8}左右|"
    r"实现[^,。]{0,4}(?:效益|收入|产值|利润)"
    r"|^\d{4}年(?!\d{1,2}月|[底初内前起后]|开始)"
    # A report of a visit or a meeting held ("赴重庆考察", "主持召开常务会议", "会议听取了…汇报").
    r"|赴[^,。]{1,20}(?:考察|视察|调研)|主持召开|会议(?:听取|审议|研究|传达|学习|认为|指出)"
)
# What a clause that reports the past can still hold for a reader: a duty, a plan or a target ("到2030年达到
# …", "合格率达到95%以上", "空置率控制在8%左右", "推动客流稳步回升"), a permission, a grant ("可退还其上季度
# …", "对已列入名录的企业给予支持").
AHEAD = re.compile(
    f"{OBLIGATION['zh'].pattern}|将|拟|计划|力争|争取|目标|预计|定于|[到至]\\d{{4}}年|以上|不低于|不少于|不超过|"
    "控制在|保持|推动|促进|"
    "可(?!能)|给予|予以"
)


_BACKGROUND_ANY = any_of(BACKGROUND)  # the same yes/no test, four times faster


def informs(folded: str) -> bool:
    """Whether a Chinese clause only reports what has been done or counted: background a reader can skip."""
    return _BACKGROUND_ANY.search(folded) is not None and AHEAD.search(folded) is None


# A purpose's opener ("为做好…工作，", "为了…，"); not "为此，" (therefore), "为期", "为准", "为止", "为主", "为何".
# The one copy: BASIS, ZH_AIM and rank.py's purpose patterns are built on it.
ZH_PURPOSE_OPEN = re.compile(r"为了?(?![此期准止主何])")
# The words that open a concession.
_EN_CONCEDING = "While |Although |Though |Whereas "
# Basis and purpose clauses (为… / 根据… / 按照… / in order to …) frame a directive but are not one.
BASIS = {
    # "结合实际制定实施方案": in light of local conditions, the clause's own measure follows; only
    # "结合…实际," alone frames. "为期三天的培训班将于…开班" is no purpose (ZH_PURPOSE_OPEN).
    "zh": re.compile(
        rf"^(?:{ZH_PURPOSE_OPEN.pattern}|根据|按照|依据|遵照|围绕|结合(?![^,]{{0,8}}实际[^,])|经"
        r"|在[^,]{0,20}(?:下|中|上)$|以[^,]{0,12}为)"
    ),
    # A concession ("While water levels are falling, …") is the background a measure is set against.
    "en": re.compile(
        rf"^(?:To |In order to |According to |Under |Adhering to |As |If |When |{_EN_CONCEDING})"
    ),
}
# An opener that recalls what readers know ("As you are aware", "As you will know", "As members may be aware"):
# the sentence it opens tells a story already known, no lead to lift (headline.py).
EN_RECALL = re.compile(
    r"as (?:you|members|many of you|most of you) (?:(?:are|will be|may be|might be|will|may|might) )?(?:aware|know)\b",
    re.IGNORECASE,
)
# A sentence opening on a concession ("Although Oct. 15 is the last day …, some have more time"): any case.
EN_CONCESSION = re.compile(_EN_CONCEDING, re.IGNORECASE)

# The verbs of aim that go on a purpose ("为建立健全…机制，确保…，最大限度降低…危害，保护公众身体健康，…"):
# each clause after "为…" that opens with one is part of the purpose, up to the clause that says who acts or
# what is done (a subject "各单位要…", a basis "经…同意", "特要求", a date: preamble.py). A grading adverb may
# come first. Not the verbs of a duty (落实, 加强, and 进一步 or 切实 before a verb that is not one of aim:
# "为做好…工作，落实各级防火责任，严禁…", "加强值班值守", "进一步压实各级责任"), which state what is to be
# done even right after a purpose; "切实保障师生健康" and "做好汛期防汛抢险工作" are aims still.
ZH_AIM = re.compile(
    rf"(?:{ZH_PURPOSE_OPEN.pattern}|(?:进一步|切实)?(?:确保|保障|保证|保护|促进|推动|推进|加快|加大|提高|提升|增强|强化|形成|实现|维护"
    r"|满足|方便|做好|建立|健全|完善|规范|丰富|营造|深化|优化|减轻|降低|减少|避免|防止|阻断|有效|最大|更好|更加"
    r"|充分|不断|全面|科学|努力|着力|扎实|激发|调动|发挥|凝聚|凝心|喜迎|迎接|庆祝|弘扬|贯彻))"
)

# A contact line's label ("咨询电话：…", "联系方式：…", "举报邮箱：…"), with its number or address or without.
ZH_CONTACT = re.compile(
    # the label opens the piece: "各区县要设立举报电话" sets a hotline up, a directive
    r"^(?:(?:咨询|联系|举报|投诉|监督|服务|值班|报名)(?:电话|热线|邮箱|方式|人|地址|传真)|(?:电子)?邮箱|电话|手机"
    r"|(?:联系|通讯|通信|办公)?地址|传真|邮编|邮政编码)"
    # a number or an address alone, or after a colon a name or an address ("联系人：张老师", "地址：市民中心
    # 3楼"), never a directive ("报名方式：各单位要于…前报送"): no modal, no deadline in it
    r"(?:[:：\s\d\-—()（）@.a-zA-Z]*$|[:：](?![^;；。]*(?:要|须|应|请|不得|严禁|务必|于\d|日前|月前))[^;；。]{1,40}$)"
)


def zh_contact_label(folded: str) -> bool:
    """A folded Chinese clause that is only a contact line's label ("联系人:", "联系电话:"): its value is the
    next clause, if any; alone it is no content (rank.py, select.py and pieces.py test it the same way)."""
    return folded.endswith(":") and ZH_CONTACT.search(folded) is not None


# A Chinese clause that says only who and by or from when ("各有关单位于每季度末前,", "自2031年起,"): no verb;
# the term belongs to the duties the rest of the sentence states.
ZH_WHEN_ONLY = re.compile(r"[^,。;:要须应将]{0,14}(?:之前|以前|前|起|以内|之内|内|止),")

# "要按照上级统一部署": a modal followed by its basis, not by a measure.
# 针对/对照/立足/着眼/聚焦 ("要针对暴露出的问题,") are prepositions of the same kind: what the measure aims at.
MODAL_BASIS = re.compile(r"(?:要|应|须|必须)(?:按照|根据|依照|依据|结合|围绕|遵照|针对|对照|立足|着眼|聚焦)")
# Clauses ending in an abstract noun ("…工作责任", "…工作机制") name a duty, not the measure.
# Every noun here is two characters: rank.py searches only a clause's last five characters for it.
GENERIC = re.compile(
    r"(?:工作|责任|机制|行动|作用|措施|力度|意识|水平|能力|体系|职责|任务|要求|精神|部署|氛围|大局|门路)[。;,!]?$"
)

# Sentences that introduce the text rather than say anything: "现就…通知如下", "现印发给你们".
META = {
    "zh": re.compile(
        r"^各[^。]{0,80}:$|(?:通知|通告|公告|规定|事项|报告)如下|现印发给你们|现印发你们|现将[^。]{0,40}印发|请结合实际|请认真贯彻|认真贯彻执行|特此通知|"
        r"制定本(?:实施)?(?:方案|办法|细则|意见)|已经[^。]{0,20}同意|现就[^。]{0,60}(?:通知|意见)"
    ),
    # "Please read this letter in full": an instruction about the text, not a duty it sets.
    "en": re.compile(
        # "… orders the following:" announces the list after it, like "如下".
        # "Notice is hereby given that the council will …" states its content after "that" (a LEAD_FRAME).
        r"^(?:The following|Notice is hereby given(?! (?:by [^.]{1,80}? )?that\b)|Please (?:read|see|refer|note)\b)|\b(?:the following|as follows)[.:]?$",
        re.IGNORECASE,
    ),
}

# The parts of a day a Chinese notice dates by (pieces._TIME_TEXT, rank._SCHEDULE_WHEN).
ZH_DAY_PART = "(?:上午|下午|晚上|中午|凌晨|全天)"
# An English clock time ("11:59 p.m.", "9am", "11.59pm"): worth._EN_DUE, cuts._EN_DATE_FIGURE.
EN_CLOCK = r"\d{1,2}(?:[:.]\d{2})?\s*[ap]\.?m\.?"
# A Chinese time of day ("10:30", "12时", "五点", "5点半", "9点30分"; the part of day before it, "下午", is not
# in it): the one grammar for importance.ZH_TIME and deadlines.py's time after a date ("3月31日17时前").
ZH_CLOCK = r"(?:\d{1,2}:\d{2}(?!\d)|(?:\d{1,2}|[一二三四五六七八九十]{1,3})[时点](?:\d{1,2}分|半)?)"
# A Chinese year and month ("2023年12月", "二〇二三年十二月"; signoff.py's month-dated sign-off).
ZH_YEAR_MONTH = (
    rf"(?:(?:19|20)\d{{2}}|{dates.NUMERAL_YEAR})\s*年"
    r"\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月"
)
# A full Chinese date as a sign-off writes it ("2024年3月5日", "二〇二四年三月五日"; signoff.py's date line).
ZH_FULL_DATE = rf"{ZH_YEAR_MONTH}\s*(?:\d{{1,2}}|[一二三四五六七八九十]{{1,3}})\s*[日号]"
# Whom to ask, set as a sentence or as a sentence's last clause ("Any queries about this notice may be
# addressed to the procurement officer at tenders@example.org", "…, and any queries should be directed to the
# office on 01234 567890."): a contact line. Only when what follows "to" names a contact (a person's post, an office, a
# phone or an e-mail) and runs to the end with nothing else: not a duty with its deadline ("… should be sent to
# the clerk not later than 5 May"), a rule of conduct ("… addressed to the chair and not to the candidates",
# "… to the quizmaster only"), nor a contact line a duty follows ("… to the helpline, and all returns must …",
# "… to the press office; staff must not …").
_EN_ASK_CONTACT = (
    r"officer|office|department|dept|team|desk|helpline|hotline|manager|clerk|secretary|secretariat"
    r"|co-?ordinator|administrator|executive|registrar|director|representative|advis[eo]r|unit|centre|center"
    r"|e-?mail|mailbox|inbox|phone|telephone|tel"
)
_EN_ASK_NOT = (
    r"\b(?:must|shall|should|will|would|may|can|cannot|is|are|was|were|be|been|has|have|do|does|not|only|by"
    r"|before|until|within|prior|ahead|advance|later|least|deadline)\b|,\s*(?:and|but|or)\b"
)
# After the contact, how to send is a duty too ("… sent to the housing office in person, with proof of
# address", "… to the exams officer with medical evidence", "… enclosing a copy of the bill"); before the verb
# "with" is only the topic ("Any queries with regard to …").
_EN_ASK_TAIL_NOT = rf"{_EN_ASK_NOT}|\b(?:in person|with|enclosing|together|accompanied)\b"
EN_ASK = (
    r"(?:any|all) (?:further |other )?(?:questions|queries|enquiries|inquiries)\b"
    rf"(?:(?!{_EN_ASK_NOT})[^.;]){{0,80}}?"
    r"\b(?:should|may|can) be (?:addressed|directed|referred|sent|forwarded) to\s"
    rf"(?=[^;]*?(?:\b(?:{_EN_ASK_CONTACT})\b|@))"
    rf"(?:(?!{_EN_ASK_TAIL_NOT})[^;])*?[^,;:\s]\s*$"
)
# Verbs by which a purpose ("The purpose of this Order is to …") states the notice's measure, under a subject of
# any length (BOILERPLATE["en"]).
_EN_PURPOSE_MEASURE = "require|prohibit|ban|restrict|suspend|impose"
# Page furniture and press-release boilerplate: never part of a summary.
BOILERPLATE = {
    "zh": re.compile(
        # Also the index block of a government page ("- 索引号:", "- 发文字号:"), often set as a list.
        r"^(?:[-•·●▪*]\s*)?(?:来源|信息来源|责任编辑|编辑|作者|记者|审核|校对|发布日期|发布时间|访问次数|浏览次数|"
        r"点击数|打印|关闭|分享|字号|附件|抄送|主题词|联系人|联系电话|电话|传真|邮编|地址|网址|"
        r"索引号|发布机构|发文机关|发文字号|文号|有效性|生效日期|公开日期|成文日期|主题分类|公开方式|公开范围|信息分类)"
        # Thanks close a letter or a service notice ("感谢您对…的关心和支持"): courtesy, not the notice.
        r"|^(?:感谢|谢谢|衷心感谢|非常感谢)"
        r"|(?:此件公开发布|此件主动公开|不予公开|依申请公开|印发$|\(此页无正文\)|扫一扫|ICP|版权所有|Copyright)"
        r"|^[\d\s:\-/年月日]+$"
        # A sign-off set on one line, the body and its date ("校工会 2016年4月6日"): who signed and when, which
        # the issuer and date fields carry. Not a field or a deadline and its date ("报名截止 2031年5月10日",
        # "放假时间 2031年6月12日", "5月1日前 …"), nor a numbered item ("2.初赛 2031年5月20日").
        r"|^(?![\d(])[^\s,。:;!?、]{2,24}(?<!截止)(?<!时间)(?<!日期)(?<!期限)(?<!开始)(?<!结束)(?<![前于至])\s+"
        rf"{ZH_FULL_DATE}$"
    ),
    "en": re.compile(
        r"^(?:For (?:more|further) information|Media contact|Contact:|Press contact|Release Number|###|"
        r"Share|Print|Follow us|Learn more|Read more|Source:|Editor:|Photo"
        r"|For (?:enquiries|inquiries|questions|assistance|queries)\b"
        # The header fields of a rule document (Federal Register: AGENCY:, ADDRESSES:); not ACTION:, which says
        # what the document does ("ACTION: Notice of inquiry."), nor SUMMARY: and DATES:.
        r"|(?:AGENCY|ADDRESSES|RIN|Docket (?:No|ID)\.?)\s*:)"
        # A pointer to a web page ("A full list … is available at www.…"): for clicking.
        r"|\b(?:is|are) (?:now )?(?:available|posted|listed) (?:at|on) www\."
        # Courtesy and contact lines of a service notice.
        r"|\bapologi[sz]e for (?:any|the) inconvenience\b|\b(?:call|contact) (?:our|the) (?:hotline|helpline)\b"
        r"|\bdo not hesitate to contact\b|^I hope (?:you|this)\b"
        # Whom to ask, set as a sentence (EN_ASK): a contact line as "For enquiries" is.
        rf"|^{EN_ASK}"
        # The writer's own feelings and thanks ("We hope you all had a good break", "We know many of you
        # are …", "Thank you for your patience"): courtesy around the notice, not part of it.
        r"|^(?:we|i) (?:(?:fully|truly|really|do|greatly|sincerely) )?(?:hope|know|understand|appreciate|apologi[sz]e"
        r"|thank|want to thank)\b"
        r"|^thank you\b|^thanks\b(?! to)"
        # Archive notes on re-posted pages: about the page, not the notice.
        r"|\b(?:for historical reference|has been archived|is archived)\b"
        # "This Order is no longer in effect." says so of the page; "The Orders issued on July 13, 2020 are no
        # longer in effect as of September 8, 2020." rescinds them: dated, it is the notice's own measure.
        r"|^[^\d]{0,160}\bno longer in effect\.?$"
        r"|\bis the federal agency\b|"
        # What a body or a stage is for ("The purpose of the diversion is to …", "The purpose of the first stage
        # of the plan-making process, is to …"): its subject holds no verb and no clause mark; "For the purpose
        # of voting, each elector is to bring ID" states a duty.
        # Never a purpose that is a measure ("The purpose of this notice under section 215 … is to require the
        # owner to …", "The purpose of the proposed Order … is to ban waiting"): that is what the notice does.
        # Under a short subject (40 characters at most) any other purpose is the reason ("The purpose of these
        # regulations is to protect bathers", "The purpose of the diversion is to allow the bridge to be
        # repaired"): the duties it sets follow.
        # Under a long subject (past 40 characters) the purpose is the notice's measure, said through its
        # purpose, when it has a measure verb, a figure or a date ("… is to set new fees of £6 from 1 April",
        # "… is to close the footpath", "… is to permit electric vehicles only", "… is to allow stalls");
        # without one it is background.
        r"\b(?<!for the )(?<!for this )(?<!for that )(?<!for any )(?<!for a )(?:mission|purpose) (?:is|of "
        r"(?:(?!\b(?:is|are|was|were|will|shall|must)\b)[^.;:]){0,40}? is) to\b"
        rf"(?! (?:{_EN_PURPOSE_MEASURE})\b)"
        r"|\b(?<!for the )(?<!for this )(?<!for that )(?<!for any )(?<!for a )purpose of "
        r"(?:(?!\b(?:is|are|was|were|will|shall|must)\b)[^.;:]){41,100}? is to\b"
        rf"(?! (?:{_EN_PURPOSE_MEASURE}|set(?! out)|close|make|permit|introduce|extend"
        r"|increase|raise|reduce|withdraw|revoke|allow|charge|fix|change)\b)(?![^.]{0,300}\d)|"
        # "call 555-0100", "call 311" is whom to ask; "call 911" (999, 112, 000), an emergency number, is what to do.
        r"\bvisit (?:https?://|www\.)|\bhttps?://|\bcall (?!(?:911|999|112|000)(?![\d-]))\d|\(\d{3}\)\s*\d{3}-\d{4}|\bTTY\b",
        re.IGNORECASE,
    ),
}

# What each branch of BOILERPLATE["en"] that is not anchored at the start holds, lowercased (a branch anchored
# there can match only there): a sentence holding none of these is boilerplate only if it is so at its start.
_EN_BOILERPLATE_WORDS = (
    "apologi", "hotline", "helpline", "hesitate", "historical", "archived", "federal agency",
    "mission", "purpose", "://", "www.", "call ", "(", "tty",
)  # fmt: skip


# A memorandum's subject line ("Subject :- Revision of pension", "Sub: …") repeats its title, and its reference
# line ("Ref :- This office Circular No. 555 dated …") cites the documents it follows: boilerplate, but only when
# its words are the title's or it states no date, figure or modal (a reference line: no modal; its figures are
# the cited document's) (rank.py). "Subject: Extension of the last date for filing returns to 31 December
# 2031." states the measure. Matched on lowercased text; group 1 is a reference line's label.
EN_SUBJECT_LINE = re.compile(r"(?:subject|sub|(ref|reference))\s?:")


def boilerplate_in(pattern: re.Pattern[str], low: str, lang: Lang) -> bool:
    """Whether pattern, BOILERPLATE[lang] as matched on lowercased English text (caseless), finds boilerplate
    in low: English tries the whole text only when it holds one of the words its unanchored branches need."""
    if lang == "zh":
        return pattern.search(low) is not None
    if pattern.match(low) is not None:
        return True
    for word in _EN_BOILERPLATE_WORDS:
        if word in low:
            return pattern.search(low) is not None
    return False


# Political framing and set phrases: present in almost every Chinese notice, informative in none.
DEMOTE = {
    "zh": re.compile(
        r"习近平|总书记|重要讲话|重要指示|重要论述|四个意识|四个自信|两个维护|两个确立|政治高度|政治任务|"
        r"绝对忠诚|思想和行动统一|统一思想|提高认识|高度重视|充分认识|深刻认识|重大意义|重要意义|"
        r"党中央|国务院决策部署|统一部署|大局|坚强保障|良好氛围|舆论|宣传|守土|战斗堡垒|先锋模范|"
        r"共克时艰|众志成城|同舟共济|奉献爱心|传递温暖|挺身而出|"
        # Campaign metaphors ("坚决打赢…阻击战"): the notice's aim in slogan form, not a measure.
        r"打赢[^,。]{0,20}(?:阻击战|攻坚战|保卫战|总体战)|阻击战|攻坚战"
    ),
    "en": re.compile(
        r"\b(?:said|says|told|according to|spokes(?:man|woman|person)|press conference|briefing"
        # A forecast or an opinion ("The department estimates the rule will cost …"): its "will" binds no one.
        r"|estimates|estimated|expects|predicts|believes|hopes)\b",
        re.IGNORECASE,
    ),
}

# A clause made only of four-character set phrases ("守土有责、守土负责、守土尽责") is rhetoric.
SLOGAN = re.compile(
    r"^(?:[^,、]{0,6}?|[^,、]{0,24}?(?:要|必须|务必|应当))(?:[\u4e00-\u9fff]{2,4}[、,]){1,}[\u4e00-\u9fff]{2,4}[,;。]?$"
)

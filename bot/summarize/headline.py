"""The headline: a notice's core (who must do what, by when) packed from compressed clauses into ~150 chars."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from bot.dates import MONTH_NAME, SHORT_MONTH, SHORT_WEEKDAY, WEEKDAY
from bot.summarize import cues
from bot.summarize.compress import compress
from bot.summarize.cuts import EN_CONDITION_OPENS, EN_HEDGE, EN_SUBORDINATE_OPEN, core, hangs, shorten
from bot.summarize.importance import RUN_IN_MAX, Weighed
from bot.summarize.lang import Lang
from bot.summarize.pack import knapsack
from bot.summarize.pieces import (
    DATE_TEXT,
    EN_VERB_AFTER,
    ZH_MERGED_MAX,
    clause_index,
    conditions,
    named,
    paired_condition,
    query_only,
    sentence_cases,
    with_condition,
    with_topic,
    with_verb,
)
from bot.summarize.preamble import enacts, purpose_clauses
from bot.summarize.rank import EN_BOILERPLATE_LOW, FIELDS_MAX, Unit, contact_at, field_line, meta_head, tokens
from bot.summarize.sentences import Clause, Sentence, quote_open
from bot.summarize.worth import figures, restates, specifics

__all__ = ["HEADLINE_LIMIT", "Piece", "build_headline", "headline_pieces"]

HEADLINE_LIMIT = 150
# A piece longer than this share of the headline crowds out the rest; a shorter clause of it will do.
_MAX_SHARE = 0.7
# Pieces sharing this share of their tokens with one already taken repeat it.
_MAX_OVERLAP = 0.6
_MIN_WEIGHT = -0.5
# A notice whose clauses all score low still gets a headline from its best few.
_FALLBACK = 3
# What the specifics a reader looks for (due dates, figures, names, hard duties) add to a piece's weight.
_SPECIFIC = 1.5
# A piece that says the title again is worth this much less: the title is right above the headline.
_RESTATES = 1.5
# Which of two overlapping pieces is kept: the one with more weight per length**_LENGTH.
_LENGTH = 0.35
# A run-in heading's body says how, with the dates and figures: the ranking lifts the heading, the
# headline takes back most of that lift.
_RUN_IN = 1.0
# By when is half of a directive: a clause with its date outweighs an undated one of the same rank.
_DATED = 1.0
# The dated piece made room for must be worth this share of what it pushes out.
_EVICT = 1.0
# Purpose tails ("以掌握其动态变化", "以免造成损失") say why, not what.
_ZH_PURPOSE = re.compile(r"^(?:以|以便|以免|从而|进而|借以)(?![下上内外前后来及])")
_PURPOSE = 1.0
# "The action comes as the President announced …", "The move comes after a spate of …": a press release's
# background sentence, which places the news among other events; it directs no one, whatever it dates.
_EN_COMES = re.compile(
    r"(?:The|This|That|Its|Their|Today's)\s+(?:[\w'’-]+\s+){0,3}?(?:comes?|came)\s+"
    r"(?:(?:just|only|shortly|weeks|days|months|a\s+\w+|one\s+\w+)\s+)?(?:as|after|amid|ahead|following|in\s+the\s+wake)\b"
)
_BACKGROUND = 2.0
# "保证整改任务落实到位": the hoped-for outcome in set phrases, no measure of its own; so are the safety and
# stability a notice closes on ("确保学校安全稳定", "保障人民群众生命财产安全", "维护社会和谐稳定").
_ZH_OUTCOME = re.compile(
    r"^(?:确保|保证|保障|维护|力争|推动|促进|使)[^,;:。]{0,30}?(?:落到实处|取得实效|见到实效|落地见效|落实到位|"
    r"(?:平稳|顺利|有序|扎实|稳妥)+(?:开展|推进|实施|进行|运行)|有效开展|安全稳定|和谐稳定|安全有序|财产安全)"
    r"(?:[、,][^,;:。]{2,6})?$"
)
_OUTCOME = 1.5
# "各单位务必高度重视": compression drops the formula and leaves the modal with no verb ("各单位务必"). Only where
# compression made the end (the clause as written ends otherwise). The modals are cues' (需要, 供应, 相应 are
# words of their own); 必要, 响应 and 效应 too end no clause on a modal, but cues counts 必要 and the 应 of 响应,
# 效应 as obligation, and the bench's figures change when cues leaves them out (bench/summarize.py): here only.
_ZH_BARE_MODAL = re.compile(rf"(?:务必|须|(?<![响效]){cues.ZH_YING}|(?<!必){cues.ZH_YAO})[,;，；。]?$")
# An English clause opened by a subordinator gives the reason or the condition, not the directive.
_EN_SUBORDINATE = re.compile(
    r"(?:Since|Because|Although|Though|While|Whereas|As|When|If|Unless|Once|Following|Given"
    # a purpose opening a piece ("In an effort to cut queues"): why, not what
    r"|In an effort to|In order to|So as to|With a view to)\b",
    re.I,
)
# A reply (批复, 复函) opens by citing the request it answers ("你部《关于…的请示》收悉"): a reference, no
# directive; its decision is the clause that opens with 同意 ("同意组建X", "原则同意…").
_ZH_RECEIVED = re.compile(r"收悉(?:$|[,;.。])")
# "围绕“扩、促、兜”综合施策", "按照“放管服”要求简化审批": a basis that names a campaign in quotes, with a verb of its
# own after it; the quoted name is what readers look for (worth.py), so the clause is no frame.
_ZH_NAMED_BASIS = re.compile(
    r"^(?:围绕|按照|聚焦|结合)(?:“[^”]{1,12}”[、和及]?)+"
    # its own verb after the name, at most a short noun ("部署", "要求") or an adverb before it: "按照“放管服”
    # 要求,", "围绕“十四五”规划,", "结合“我为群众办实事”实践活动," are only the basis of what follows.
    r"[^,，;；。“”]{0,4}?(?:综合|统筹|全面|深入|扎实|持续|大力|切实|着力|认真|积极|进一步)?"
    r"(?:施策|推进|推动|开展|实施|落实|抓好|做好|加强|强化|深化|优化|简化|完善|建立|健全|提升|提高|促进|保障"
    r"|打造|整治|排查|督查|部署推进|组织|启动|实行|办理|解决|压减|精简|取消|清理|规范|破解|攻坚|巩固|稳住|守住"
    r"|发力|用力|谋划|服务|帮扶|走访|慰问)"
    r"[^,，;；。“”]*[,，;；。]?$"
)
# A Chinese measure that abolishes or repeals (a body, a document): never the repeat of one naming the same
# body or document to set it up or keep it.
_ZH_REPEALS = re.compile(r"撤销|撤并|废止|停止执行|不再保留")
_ZH_APPROVED = re.compile(r"^(?:国务院)?(?:原则)?同意(?!后)")
# Room the body of a notice with an annex must leave before the annex's clauses are worth a look: less
# than this holds no clause of substance.
_ANNEX_ROOM = 20
# Three characters DATE_TEXT never removes (it removes digits, numerals, 年月日号, blanks, marks and a dashed
# date's - / .): a piece that holds them keeps three after it, which is all the date test asks; most pieces
# show them in their first characters, and the substitution need not run.
_DATE_CHARS = r"\d〇零一二三四五六七八九十年月日号\s,，.:：;；()（）/-"
_THREE_KEPT = re.compile(rf"[^{_DATE_CHARS}](?:[{_DATE_CHARS}]*[^{_DATE_CHARS}]){{2}}")
# A subordinator that makes its clause a condition or a time of another one, never a directive alone.
_EN_CONDITION = re.compile(
    r"(?:When|Whenever|If|While|Although|Though|Since|Because|Once|Unless|Whereas)\s", re.I
)
# A piece opening with a frame of time or scope closed by a comma ("For the years before the merger, …"): what
# follows the comma is the main clause, and a subject alone ("…, the rate.") is none.
# ... or a bare pronoun, its verb and at most a noun ("When the pressure drops, it increases the risk.": what "it"
# is and what the risk is of were cut away).
# Use only with .match: with .search its "[^,]*" would run on from every "In"/"For" of a long piece without a
# comma, quadratic in the piece's length.
_EN_FRAME_THEN_NOUN = re.compile(
    r"(?:For|In|On|At|During|Under|From|Before|After|Since|Until|When|If|Where)\s[^,]*,"
    r"\s*(?:(?:the|a|an|this|these|its|their|our|your)\s+[A-Za-z-]+"
    r"|(?:it|this|that)\s+[a-z]+(?:\s+(?:the|a|an|its|their)\s+[A-Za-z-]+)?)\s*\.?$"
)
# A piece that contrasts with the sentence before it ("Other drivers must …", "All other staff …").
_EN_OTHER = re.compile(r"(?:All\s+)?(?:Other|Others)\b(?!\s+than\b)")
# What is left of a date in a shortened piece: a figure or a month or weekday name, whole or in its short form
# (a word that only begins like one, "Mayor", "Market", "Monitor", is none).
_EN_DATE_LEFT = re.compile(rf"\d|\b(?:{MONTH_NAME}|{WEEKDAY}|{SHORT_MONTH}|{SHORT_WEEKDAY})\b")
# The addressee block of a memorandum or a letter: the line after "To" names whom it goes to, no measure.
_EN_ADDRESSEE = re.compile(r"(?:(?:Copy|Copies)\s+to|To|Cc)\s*:?", re.I)
_EN_WORD = re.compile(r"\b[a-z]{3,}\b")
# The weight of a stand-alone outline heading that names a measure ("（一）加强组织领导").
_HEADING = 1.2
# Only the best-weighted clauses are worth compressing; the rest never make a 150-character headline.
_MAX_CANDIDATES = 25
# What each English piece costs the packing beyond its characters: a reader parses every "; "-joined clause,
# and with weights summed alone three background clauses outscore two directives ("Ridership keeps climbing
# every month" beside "Operators must inspect the brakes"). A piece earns its place by what it adds over
# this. Chinese pieces are a run-in heading or a verb and its object each, read at a glance: no cost.
_EN_PIECE_COST = 2.0
# The packing considers the best this many distinct pieces (in weight per length order).
_PACK_ITEMS = 32
# The subject of a Chinese directive: who, before the modal ("各地区各有关部门要…").
_ZH_SUBJECT = re.compile(rf"^([^，,；;：:]{{2,16}}?)(?={cues.ZH_YAO}|须|必须|应当|{cues.ZH_YING}|不得|严禁)")
# The subject of an English piece: a few words before its modal ("Employers must …", "All airlines to …").
_EN_SUBJECT = re.compile(
    r"((?:(?!(?:who|which|that|whose|and|or|if|when)\b)[\w'’-]+ ){1,5}?)(?=(?:must|shall|should|will|may|can|are|is|have to|has to)\s)"
)
# A clause that only points to what follows it ("The department issued the following news release Friday",
# "Until further notice, the following shall be in effect"): the list or the release is the content, the
# pointer says nothing of it.
_EN_POINTER = re.compile(
    # A clause that ends on "the following" and at most a few words that are no phrase of place or time ("the
    # following news release Friday"), or on a colon ("… submit the following by May 3, 2031:"); not "All
    # applicants must bring the following documents to the interview", which says where.
    r"\bthe following(?:\s+(?!(?:to|by|at|in|for|from|with|into|before|until|within)\b)[\w'’-]+){0,4}$"
    r"|\bthe following\b[^:;]{0,60}:$"
    # "A Hindi version is attached", "The form is enclosed herewith": what comes with the notice, not what it says
    r"|^(?:[\w'’-]+\s){1,4}(?:is|are)\s+(?:also\s+)?(?:attached|enclosed|annexed)(?:\s+here(?:with|to))?$"
    # "The cooperation of all principals is highly solicited": the writer's courtesy
    # (not one holding a figure or a date: "The support of parents in collecting children by 3 p.m. is requested")
    r"|^(?:the\s+)?(?:kind\s+)?(?:co-?operation|support)\s[^,;\d]{0,60}(?:is|are)\s+(?:highly\s+|kindly\s+)?"
    r"(?:solicited|requested|appreciated|sought)$",
    re.I,
)
# A relative clause ("…, which earlier was set to close on March 9"): its verb is not the clause's own.
# Only one set off by a comma: without one ("Tenants who rent must pay") it runs into the main verb. The
# spaces after the comma are matched possessively: a run of them is never retried from each of its spaces.
_EN_RELATIVE = re.compile(r",\s*+(?:which|who|whose|whom)\s[^,;]*")
# A "with" phrase after a clause ("the pool stays closed, with lessons moved online …") adds a circumstance;
# opening a sentence ("With the deadline approaching, …") it is the sentence's own frame.
_EN_WITH = re.compile(r"(?:with|without)\s", re.I)
# A clause the sentence's split parted from the clause before it, and which limits it: an English condition or
# scope without a comma before it ("Lifeguards will close the pool | when lightning is seen …"; after a
# comma "where" names a place's relative: "…, where the meeting is held"), a Chinese exception ("…不得收取费用，|
# 但经批准的除外"). Without it, what the piece keeps reads as unconditional: no piece (cuts.drops_condition is the
# same rule for a cut inside a clause). An English "if you have any questions" asks, and limits nothing.
_EN_LIMIT_NEXT = re.compile(
    rf"(?:if(?!\s+you\s+(?:have|need|require|would\s+like)\s)|{EN_CONDITION_OPENS}|until|without|except"
    r"|subject\s+to|only\s+(?:if|when|where|after|before|until))\b"
    # a hedge ("where appropriate", "if necessary"): no limit to keep (cuts.EN_HEDGE)
    rf"(?!\s+{EN_HEDGE})",
    re.I,
)
# Only an exception: 惟/唯, 但 with what it denies ("但不得超过三天") or 除外 closing it. A plain 但是 ("但是有部分
# 单位至今未报名") opens a new statement with its own subject, which stands alone.
# Use only with .match (anchored at the clause's start): with .search the unanchored "[^，…]*除外…$" would be
# tried from every position of a long clause, quadratic in its length.
_ZH_EXCEPTION_NEXT = re.compile(r"惟|唯(?!一)|但(?!是)[^，,；;。不]*不|[^，,；;。]*除外[。；;，,]?$")
# A prohibition whose object is not in the piece ("任何单位不得" before a list or the next clause): it forbids
# nothing named, or everything.
_ZH_BARE_BAN = re.compile(r"(?:不得|禁止|严禁|不准)[,;:，；：。]?$")
# The mark a cut the reader should see ends with (bot/render.py's ELLIPSIS; the summariser does not import
# the renderer); a headline ending on it takes no full stop (_join).
_ELLIPSIS = "…"
# English clauses run long; cut at a tail boundary so that two directives share a headline.
_EN_PIECE = 70
# "…, and shall inform the board": the second verb of a sentence, cut from its subject; alone it
# does not say who, and after another sentence's piece it reads as that one's.
_EN_NO_SUBJECT = re.compile(r"^(?:Shall|Will|Must|Should|Can|May|Could|Would|Is|Are|Has|Have)\s")
_EN_LEAD_LIFT = 1.5
# What a clause's core is worth less than the clause beyond the specifics its tail held: nothing, so that of
# two forms worth the same the knapsack takes the shorter and the room it frees carries another directive.
_CORE = 0.0
# Room the packing leaves is filled with the weaker clauses too, down to this much below zero: a short reply's
# set-up clauses ("不正式行文", "X为牵头单位") each score low but are its content, and room unused says nothing.
_FILL = 2.0
# A finite verb or an infinitive: an English piece without one is a label ("Poor accommodation"), no measure.
_EN_VERBISH = re.compile(
    r"\b(?:must|shall|should|will|would|can|could|may|might|is|are|was|were|be|has|have|had|need|needs|do|does"
    r"|remains?|stays?|continues?|applies|apply|takes?|gets?|runs?|opens?|closes?|ends?|begins?|starts?"
    r"|to\s+[a-z]+)\b|\b[a-z]{2,}(?:ed|es)\b"
)


# The yes/no tests of _framing as scans for where a match can start (cues.any_of): the same answers, faster.
_META = {lang: cues.any_of(cues.META[lang]) for lang in ("zh", "en")}
_ZH_BOILERPLATE = cues.any_of(cues.BOILERPLATE["zh"])


# eq=False: a piece is one candidate, told apart by identity ("piece in chosen"), never by comparing fields
# (no two candidates share all of them), which costs a call of the generated __eq__ per element.
@dataclass(frozen=True, slots=True, eq=False)
class Piece:
    """One compressed clause of the headline, with where it came from and how much it matters."""

    text: str
    start: int  # offset of its clause in the notice text (document order)
    sentence: int
    weight: float
    dated: bool
    group: int = -1  # pieces of one clause (its shortened text and its core) share it; at most one is used


def _framing(
    unit: Unit,
    lang: Lang,
    title: str,
    framed: dict[int, bool],
    purposes: dict[int, int],
    lead_ins: dict[int, bool],
) -> bool:
    """Clauses that frame rather than direct: purpose/basis, addressee lines, the title said again.

    framed: whether each sentence seen so far frames as a whole, by index (a sentence has many clauses).
    purposes: where each Chinese sentence's purpose clauses end, by index (_in_purpose).
    lead_ins: _lead_in_within of each Chinese sentence asked about so far, by index.
    """
    f = unit.clause.folded
    if cues.BASIS[lang].search(f) and not (lang == "zh" and _ZH_NAMED_BASIS.search(f)):
        return True
    if lang == "zh" and "收悉" in f and _ZH_RECEIVED.search(f):
        return True
    s = unit.sentence
    whole = framed.get(s.index)
    if whole is None:
        # "各乡镇人民政府，县政府各部门：" addresses, it does not direct; a page's disclosure fields
        # ("- 发文字号:…", "索引号:…") are its metadata, which the push's issuer line carries.
        whole = framed[s.index] = bool(
            _META[lang].search(s.folded)
            or (s.folded.endswith(":") and len(s.text) <= 40)
            or (lang == "zh" and _ZH_BOILERPLATE.search(s.folded) is not None)
        ) and not (lang == "zh" and _lead_in_within(s, lead_ins))
    if whole:
        return True
    if lang == "zh" and _META[lang].search(f) and _lead_in_within(s, lead_ins):
        return True  # the lead-in itself ("现将有关事项通知如下:") of a sentence whose rest is content
    if lang == "zh" and (enacts(f) or _in_purpose(unit, purposes)):
        return True  # "为…，确保…，保护…，制定本预案。": why the text was written, and that it was
    if lang == "zh" and _ZH_APPROVED.match(f):
        return False  # a reply's decision, which its title names too ("关于同意组建X的批复")
    return bool(title) and len(f) >= 8 and (f in title or title in f)


def _lead_in_within(s: Sentence, memo: dict[int, bool]) -> bool:
    """A Chinese sentence whose lead-in ("现将有关事项通知如下:") follows a clause of its own ("为做好汛期安全工作,")
    and whose rest is content (rank.meta_head): its content is the headline's, as if on the next line. A lead-in
    that opens the sentence stays framing here: as content it traded a fact on real-valid (+2, -1).

    memo: the answer for each sentence asked about so far, by index: each of its clauses may ask again."""
    got = memo.get(s.index)
    if got is None:
        first = next((c.folded for c in s.clauses if c.folded), None)
        got = memo[s.index] = first is not None and meta_head(s) and _META["zh"].search(first) is None
    return got


def _optional_contact(unit: Unit, at: int | None, memo: dict[int, list[int | None]]) -> bool:
    """Whether a Chinese clause is whom to contact under an asking-condition (pieces.query_only).
    at: pieces.clause_index(unit)."""
    return at is not None and query_only(unit.sentence.clauses, at, sentence_cases(unit.sentence, memo))


def _with_case(unit: Unit, at: int | None, text: str, memo: dict[int, list[int | None]]) -> str:
    """The piece with the condition its clause follows, from the condition on ("逾期未报送的,视为无预算需求");
    the piece as it is when its clause is no consequence; "" when the two are too long together.

    A consequence ("视为无预算需求", "复试时间另行通知", "可在居住地参加线上培训") says what holds in a case a
    whole clause before it in its sentence states (pieces.cases: "逾期未报送的,", "凡进入复试名单的考生,");
    without the case it says more than the notice does. It goes with its case, as written, or is no piece (the
    budget pairs them too, select._conditions). A clause with a modal of its own ("…的,要严肃追责") reads alone.

    at: pieces.clause_index(unit); memo: each sentence's pieces.cases, by index (pieces.sentence_cases)."""
    s = unit.sentence
    if at is None or not text:
        return text
    i = sentence_cases(s, memo)[at]
    if i is None:
        return text
    case = s.clauses[i]
    if compress(case.text, "zh").rstrip(",，") in text:
        return text  # with_condition or with_verb took it already
    # The clauses between as written, less contact lines ("联系人:张三,联系电话:"): a label without its value
    # says nothing, and whom to ask is no part of the case (select._label_only keeps them out of the summary).
    between = "".join(s.clauses[k].text for k in range(i, at) if not contact_at(s.clauses, k))
    merged = compress(between + text, "zh")
    return merged if len(merged) <= ZH_MERGED_MAX else ""


def _limit_follows(unit: Unit, lang: Lang) -> Clause | None:
    """The next clause of the unit's sentence when it limits the unit's (_EN_LIMIT_NEXT, _ZH_EXCEPTION_NEXT)."""
    clauses = unit.sentence.clauses
    end = unit.clause.start + len(unit.clause.text)
    nxt = next((c for c in clauses if c.start >= end), None)
    if nxt is None:
        return None
    if lang == "zh":
        return nxt if _ZH_EXCEPTION_NEXT.match(nxt.text) else None
    gap = unit.sentence.text[end - unit.sentence.start : nxt.start - unit.sentence.start]
    comma = "," in unit.clause.text.rstrip()[-1:] + gap or nxt.text.startswith(",")
    return nxt if not comma and _EN_LIMIT_NEXT.match(nxt.text.lstrip()) else None


# How many list items back a bare prohibition heading them is looked for.
_BAN_REACH = 12


def _under_ban(s: Sentence, sentences: Sequence[Sentence]) -> bool:
    """Whether a Chinese sentence is what a bare prohibition before it forbids (_ZH_BARE_BAN): the line after
    "各单位严禁", or an item of the list under "任何单位和个人不得：" (the items between it and the ban too)."""
    j = s.index - 1
    while j >= 0 and s.level > 0 and sentences[j].level == s.level and s.index - j < _BAN_REACH:
        j -= 1
    return j >= 0 and _ZH_BARE_BAN.search(sentences[j].text.rstrip()) is not None


def _label_alone(unit: Unit, at: int | None, text: str) -> bool:
    """A Chinese piece that is only the label opening its sentence ("请注意:", "停水路段:"), its value or what it
    asks in the clauses after it (cues.ZH_LEAD_LABEL): alone it says nothing."""
    c = unit.clause
    return (
        at == 0
        and len(unit.sentence.clauses) > 1
        and len(text) <= len(c.text)
        and cues.ZH_LEAD_LABEL.fullmatch(c.folded.strip()) is not None
    )


def _in_purpose(unit: Unit, purposes: dict[int, int]) -> bool:
    """Whether a Chinese clause is among the purpose clauses its sentence opens with (preamble.py).

    purposes: the offset where each sentence's purpose ends, by index, found once per sentence: a sentence of
    many aim clauses ("为…，确保…，确保…，…") walks its run once, not once per clause (quadratic).
    """
    s = unit.sentence
    end = purposes.get(s.index)
    if end is None:
        n = purpose_clauses(s)
        end = purposes[s.index] = s.clauses[n - 1].start + len(s.clauses[n - 1].text) if n else -1
    return unit.clause.start < end


def _run_in(s: Sentence, lang: Lang) -> bool:
    """A numbered sentence that opens its paragraph ("（二）强化督导检查。…"): the body after it says how,
    with the dates and figures; the importance ranking lifts it, the headline takes the body's specifics."""
    return s.level > 0 and s.pos == 0 and not s.heading and len(s.text) <= RUN_IN_MAX[lang]


def headline_pieces(
    weighed: Sequence[Weighed],
    sentences: Sequence[Sentence],
    lang: Lang,
    limit: int = HEADLINE_LIMIT,
    title: str = "",
    annex_from: int | None = None,
    *,
    annex_only: bool = False,
    case_memo: dict[int, list[int | None]] | None = None,
) -> list[Piece]:
    """The pieces of the headline, in document order: the most important compressed clauses that fit.

    annex_only: pieces of the annex alone (the sentences from annex_from on), for the room the body left.
    case_memo: each sentence's pieces.cases, by index (pieces.sentence_cases): select's, when given.
    """
    longest = limit * (_MAX_SHARE if lang == "zh" else 1.0)
    # Searched once, where needed: by the annex rule below and by _cover_pieces (Chinese).
    cover = None
    if not annex_only and (lang == "zh" or annex_from is not None):
        cover = _cover(sentences, annex_from)
    annex: Sequence[Weighed] = ()
    if annex_from is not None and cover is None and not annex_only:
        # Only a cover letter's annex carries the directives; any other annex details or reports: it
        # only fills what room the body leaves (below).
        annex = [w for w in weighed if w.unit.sentence.index >= annex_from]
        weighed = [w for w in weighed if w.unit.sentence.index < annex_from]
    lead = weighed[0].unit.sentence.index if weighed else -1
    # A press release's lead states the measure (inverted pyramid): in English it opens the headline.
    # A lead that recalls what readers know ("As you are aware, …") states no measure: no lift.
    recalled = (
        lang == "en" and bool(weighed) and cues.EN_RECALL.match(weighed[0].unit.sentence.folded) is not None
    )
    lift = {lead: _EN_LEAD_LIFT} if lang == "en" and not recalled else {}
    title_tokens = tokens(title.lower(), lang)
    framed: dict[int, bool] = {}
    purposes: dict[int, int] = {}
    lead_ins: dict[int, bool] = {}
    if case_memo is None:
        case_memo = {}  # each sentence's pieces.cases, by index
    candidates: list[Piece] = []
    # The starts of pieces that are only a label opening their sentence (_label_alone).
    labels: set[int] = set()
    piece_tokens: dict[str, frozenset[str]] = {}  # by text: _distinct needs them again
    # The best _MAX_CANDIDATES clauses that do not frame: sorted first, framing tested on the best only until
    # that many passed. The same clauses as sorting the ones that pass (a stable sort keeps the order of what
    # a filter leaves), without testing the many ranked below them. A loop, not a generator: mypyc builds a
    # generator expression's whole list.
    passed = 0
    # The best English duty that no cut could bring within the limit without dropping its condition: the
    # headline's last resort when nothing else is left (_marked_cut).
    overlong: Piece | None = None
    for w in sorted(weighed, key=lambda w: -(w.weight + lift.get(w.unit.sentence.index, 0.0))):
        if passed == _MAX_CANDIDATES:
            break
        if _framing(w.unit, lang, title, framed, purposes, lead_ins):
            continue
        passed += 1
        if w.weight < _MIN_WEIGHT - _FILL and len(candidates) >= _FALLBACK:
            break
        if lang == "en" and cues.EN_DEPENDENT.match(w.unit.clause.text.lstrip(" ,;")):
            continue
        if (
            lang == "en"
            and w.unit.clause.start > w.unit.sentence.clauses[0].start
            and _EN_WITH.match(w.unit.clause.text)
        ):
            continue  # "…, with shops open until 8 p.m.": the circumstance of the clause before it
        at = clause_index(w.unit) if lang == "zh" else None  # where the clause stands: the tests below ask it
        if lang == "zh" and (conditions(w.unit, at) or paired_condition(w.unit, at, case_memo)):
            # "持…证明,": the condition of "方可进入校园", which carries it (with_condition); "有相关工作经验者,"
            # that of "优先录用", which carries it (_with_case)
            continue
        if lang == "zh" and not w.dated and _optional_contact(w.unit, at, case_memo):
            continue  # "如有疑问,请与X联系": whom to ask if in doubt, no duty; a dated one stays with its case
        if lang == "zh" and at == 0 and _under_ban(w.unit.sentence, sentences):
            continue  # "任何单位不得：（一）在河道内倾倒垃圾": what is forbidden, read alone as what to do
        if lang == "zh" and _ZH_EXCEPTION_NEXT.match(w.unit.clause.text):
            continue  # "但经批准的除外": an exception without what it excepts
        source = with_verb(w.unit, lang)
        limit_clause = _limit_follows(w.unit, lang)
        if limit_clause is not None and source:
            if lang == "en":
                if overlong is None and w.unit.directive:
                    end = limit_clause.start + len(limit_clause.text) - w.unit.sentence.start
                    whole = compress(
                        w.unit.sentence.text[w.unit.clause.start - w.unit.sentence.start : end], lang
                    )
                    overlong = Piece(whole, w.unit.clause.start, w.unit.sentence.index, w.weight, w.dated)
                continue  # "Lifeguards will close the pool | when lightning …": alone it reads as unconditional
            source += limit_clause.text  # "不得收取费用，但经批准的除外": the exception with what it excepts
        text = shorten(compress(source, lang), _EN_PIECE, lang)
        if lang == "zh" and _label_alone(w.unit, at, text):
            labels.add(w.unit.clause.start)  # "停水路段:": shown only with its value (below)
        if lang == "zh" and w.dated:
            text = with_topic(w.unit, named(w.unit, text, sentences))
        paired = False
        if lang == "zh":
            text = with_condition(w.unit, text)
            cased = _with_case(w.unit, at, text, case_memo)
            paired = cased != text
            text = cased
        if len(text) < (4 if lang == "zh" else 12) or len(text) > longest:
            if lang == "en" and overlong is None and w.unit.directive and len(text) > longest:
                # every cut within the limit was refused (cuts.drops_condition)
                overlong = Piece(text, w.unit.clause.start, w.unit.sentence.index, w.weight, w.dated)
            continue
        if lang == "zh" and _ZH_BARE_BAN.search(text):
            continue  # "任何单位不得": what it forbids follows elsewhere
        if lang == "zh" and _ZH_BARE_MODAL.search(text) and not _ZH_BARE_MODAL.search(w.unit.clause.text):
            continue  # "各单位务必": what it obliges was the formula compression dropped
        if lang == "en" and _verb_only_relative(w.unit.sentence.text):
            continue  # "The comment period for X, which earlier was set to close on March 9": a subject, its verb cut off
        if lang == "en" and _EN_POINTER.search(text):
            # "X issued the following news release Friday", "the following shall be in effect": a pointer; of
            # "Forms must be filed by May 3, 2031, using one of the following methods" the core says what.
            text = core(text, lang, counts=False)
            if not text or _EN_POINTER.search(text):
                continue
        if lang == "en" and hangs(text):
            continue  # "These steps should ensure": what it ensures is not in the piece
        if lang == "en":
            text = _unbracketed(text)
        if lang == "en" and _addressee(w.unit.sentence.index, sentences):
            continue  # "To / - All Ministries/Departments of the Government of India": whom it goes to
        if lang == "en" and quote_open(text):
            continue  # "Gauba said the 'whole": a quotation cut open says half of what was quoted
        if lang == "en" and _circumstance_only(text, w.dated):
            continue  # "When there are spells of heavy rain", "With the queue growing": no directive
        if lang == "en" and (
            not _EN_WORD.search(text) or cues.boilerplate_in(EN_BOILERPLATE_LOW, text.lower(), lang)
        ):
            continue  # "SPRINGFIELD, IL": a dateline or a label in capitals, no clause; a courtesy, a contact line
        if lang == "zh" and not _THREE_KEPT.search(text) and len(DATE_TEXT.sub("", text)) < 3:
            continue  # "8月14日": a date with nothing to do by it
        if lang == "zh" and cues.ZH_CONTACT.search(text):
            continue  # "咨询电话：12345": where to ask, which the link to the original carries
        weight = w.weight + lift.get(w.unit.sentence.index, 0.0) + _SPECIFIC * specifics(text, lang)
        if w.dated:
            weight += _DATED
        if not w.dated and (_ZH_PURPOSE.match(text) if lang == "zh" else _en_subordinate_only(text)):
            weight -= _PURPOSE
        if lang == "en" and _EN_COMES.match(text):
            weight -= _BACKGROUND
        mine = piece_tokens[text] = tokens(text.lower(), lang)
        # A reply's decision ("同意组建X") says its title again, and is the reply's directive all the same.
        if not (lang == "zh" and _ZH_APPROVED.match(text)) and restates(mine, title_tokens):
            weight -= _RESTATES
        if _run_in(w.unit.sentence, lang):
            weight -= _RUN_IN
        if lang == "zh" and _ZH_OUTCOME.match(text):
            weight -= _OUTCOME
        piece = Piece(text, w.unit.clause.start, w.unit.sentence.index, weight, w.dated, len(candidates))
        candidates.append(piece)
        short = "" if paired else core(text, lang, counts=False)  # a core may cut the case off
        if lang == "en" and short and _circumstance_only(short, w.dated):
            # "When there are spells of frost | , it …": the core kept the frame, not its main clause
            short = ""
        if short:
            candidates.append(_core_piece(piece, short, lang))
    candidates.extend(_cover_pieces(cover, lang))
    # Stand-alone outline headings that name a measure ("（一）加强组织领导") are directives in short form.
    for s in sentences[annex_from or 0 :] if annex_only else sentences:
        if annex_from is not None and s.index >= annex_from and not annex_only:
            break
        if (
            s.heading
            and s.level > 0
            and len(s.text) <= RUN_IN_MAX[lang]
            and cues.ACTION[lang].search(s.folded)
        ):
            text = compress(s.text, lang)
            if len(text) >= 4:
                candidates.append(Piece(text, s.start, s.index, _HEADING, False))
    ranked = sorted(candidates, key=lambda p: p.weight / max(len(p.text), 8) ** _LENGTH, reverse=True)
    if lang == "zh":
        ranked = _few_fields(ranked, sentences)
    pool = _distinct(ranked, lang, piece_tokens)
    chosen = _pack(pool, limit, lang)
    dated_pieces = [p for p in ranked if p.dated]
    if dated_pieces and not any(p.dated for p in chosen):
        # By when matters as much as what: make room for the most important dated clause.
        best = dated_pieces[0]
        kept = [p for p in chosen if p.group < 0 or p.group != best.group]
        while kept and len(_join([*kept, best], lang)) > limit:
            kept.remove(min(kept, key=lambda p: p.weight))
        evicted = sum(p.weight for p in chosen if p not in kept)
        if len(_join([*kept, best], lang)) <= limit and best.weight >= _EVICT * evicted:
            chosen = [*kept, best]
    if lang == "en":
        chosen = _attributed(chosen)
    # The packing counts each piece whole; a subject said once leaves room for one more.
    # Past the packed items, the weaker ones best first (the pool is ranked by weight per length).
    fill = [*pool[:_PACK_ITEMS], *sorted(pool[_PACK_ITEMS:], key=lambda p: -p.weight)]
    subjects: dict[int, str | None] = {}  # each piece's subject (_join), looked for once for all the fills
    unattributed: list[Piece] = []
    for piece in fill:
        if (
            piece.weight <= -_FILL
            or piece in chosen
            or _joined_length([*chosen, piece], lang, subjects) > limit
        ):
            continue
        if piece.weight <= 0 and (
            (_run_in(sentences[piece.sentence], lang) and not _completes(piece, chosen, lang))
            or _aside(piece.text, lang)
            or (lang == "en" and not _EN_VERBISH.search(piece.text))
        ):
            continue  # a topic heading ("（一）工作范围。"), a purpose, an outcome, a label: room is for measures
        if piece.group >= 0 and any(p.group == piece.group for p in chosen):
            continue
        if lang != "en" or len(_attributed([*chosen, piece])) == len(chosen) + 1:
            chosen.append(piece)
            if lang == "en" and unattributed:
                chosen = _reattributed(chosen, unattributed, limit)
        elif lang == "en":
            # "Shall report …" without the piece of its own sentence: it may follow one filled in later.
            unattributed.append(piece)
    if lang == "en":
        chosen = _lengthened(chosen, pool, limit)
    if annex and lang == "zh" and any(_ZH_APPROVED.match(p.text) for p in chosen):
        # A reply approving a body or a system ("同意组建X") attaches the plan of what it approved: its
        # content ("办公室设在X", "每半年召开一次例会"), which the reply's few clauses do not repeat. When they
        # leave room, the plan's best clauses fill it; any other annex (a report, a form) stays out.
        room = limit - len(_join(chosen, lang))
        if room >= _ANNEX_ROOM:
            more = headline_pieces(
                annex, sentences, lang, room, title, annex_from, annex_only=True, case_memo=case_memo
            )
            if more and len(_join([*chosen, *more], lang)) <= limit:
                chosen = [*chosen, *more]
    if labels:
        # "停水路段:" without the streets after it is a label without its value: it goes unless a piece of its
        # sentence is in too ("停水时间:" before "6月3日8:00-18:00" names what the time is).
        valued = {p.sentence for p in chosen if p.start not in labels}
        chosen = [p for p in chosen if p.start not in labels or p.sentence in valued]
    if lang == "en":
        # "Other drivers must pay at the machine" is said against the sentence before it ("Residents may park
        # free"): without that one's piece it reads as a rule for someone the headline never named.
        said = {p.sentence for p in chosen}
        chosen = [p for p in chosen if not _EN_OTHER.match(p.text) or p.sentence - 1 in said]
    if not chosen and overlong is not None and not annex_only:
        # No piece at all, while the text holds a duty: an empty headline says less than the duty's opening
        # words, cut where a visible "…" shows it goes on (its condition is in the summary, which keeps it whole).
        chosen = [replace(overlong, text=_marked_cut(overlong.text, int(longest)))]
    return sorted(chosen, key=lambda p: p.start)


def _marked_cut(text: str, limit: int) -> str:
    """text whole when it fits in limit (with its end mark), else cut at its last space within limit and ended
    with "…" (_ELLIPSIS, as a push too long is cut): a deletion the reader sees is not the end."""
    if len(text.rstrip(".")) + 1 <= limit:
        return text
    cut = text.rfind(" ", 0, limit - 1)
    return text[: cut if cut > 0 else limit - 1].rstrip(" ,;:") + _ELLIPSIS


def _few_fields(ranked: list[Piece], sentences: Sequence[Sentence]) -> list[Piece]:
    """The ranked Chinese pieces with those of field lines past the best FIELDS_MAX lines left out: a timetable
    ("报名时间：…", "缴费时间：…", "注册时间：…") would fill the headline with dates; the duties and measures
    around it say the rest."""
    kept: set[int] = set()  # the field lines whose pieces stay
    is_field: dict[int, bool] = {}  # by sentence: field_line once per line, not once per piece
    out: list[Piece] = []
    for p in ranked:
        if p.sentence not in is_field:
            is_field[p.sentence] = field_line(sentences[p.sentence])
        if p.sentence in kept or not is_field[p.sentence]:
            out.append(p)
        elif len(kept) < FIELDS_MAX:
            kept.add(p.sentence)
            out.append(p)
    return out


def _completes(piece: Piece, chosen: Sequence[Piece], lang: Lang) -> bool:
    """Whether a Chinese piece is the rest of a numbered sentence another chosen piece already opens ("（三）提倡
    文明祭祀，严防火灾。"): a sentence of two duties is no topic heading, and its second clause costs only itself."""
    # Only a clause after the chosen one: what opens a sentence before its duty is its frame ("为做好假期安全工作，").
    return lang == "zh" and any(p.sentence == piece.sentence and p.start < piece.start for p in chosen)


def _reattributed(chosen: list[Piece], waiting: list[Piece], limit: int) -> list[Piece]:
    """chosen (English) and the waiting pieces ("Shall report …") that now follow a piece of their own sentence and fit;
    those taken leave waiting."""
    for piece in list(waiting):
        if piece.group >= 0 and any(p.group == piece.group for p in chosen):
            continue  # the fill loop's rule: one form of a clause (its text or its core), never both
        if (
            len(_join([*chosen, piece], "en")) <= limit
            and len(_attributed([*chosen, piece])) == len(chosen) + 1
        ):
            chosen = [*chosen, piece]
            waiting.remove(piece)
    return chosen


def _lengthened(chosen: list[Piece], pool: Sequence[Piece], limit: int) -> list[Piece]:
    """chosen with each English piece, best first, replaced by the longest form of its own clause that still
    fits (the clause's shortened text for its core): the knapsack takes the shorter of two forms worth the same,
    and room the packing and the fill left is better spent on the rest of a chosen clause than unused."""
    for piece in sorted(chosen, key=lambda p: -p.weight):
        if piece.group < 0:
            continue
        longer = [
            p
            for p in pool
            if p.group == piece.group and len(p.text) > len(piece.text) and p.weight >= piece.weight
        ]
        for alt in sorted(longer, key=lambda p: -len(p.text)):
            trial = [alt if p is piece else p for p in chosen]
            if len(_join(trial, "en")) <= limit and len(_attributed(trial)) == len(trial):
                chosen = trial
                break
    return chosen


def _aside(text: str, lang: Lang) -> bool:
    """Whether a piece says why or to what end rather than what ("以免…", "确保…平稳有序开展", "Since …")."""
    if lang == "zh":
        return bool(_ZH_PURPOSE.match(text) or _ZH_OUTCOME.match(text))
    return _EN_SUBORDINATE.match(text) is not None or _EN_COMES.match(text) is not None


def _verb_only_relative(sentence: str) -> bool:
    """Whether an English sentence's only verbs are in its relative clauses ("The comment period for X,
    which earlier was set to close on March 9."): a subject whose own verb the text left off says nothing."""
    return _EN_RELATIVE.search(sentence) is not None and not _EN_VERBISH.search(
        _EN_RELATIVE.sub("", sentence)
    )


def _en_subordinate_only(text: str) -> bool:
    """Whether an English piece is only a reason or a condition ("Since the office is closed"); one whose
    main clause follows it ("When power is back, households are advised to reset all meters") directs."""
    m = _EN_SUBORDINATE.match(text)
    if m is None:
        return False
    comma = text.find(", ", m.end())
    return comma < 0 or not EN_VERB_AFTER.search(text, comma)


def _circumstance_only(text: str, dated: bool) -> bool:
    """Whether an English piece is only a subordinate clause or an absolute phrase, the frame of a main
    clause that did not come with it ("When there are spells of heavy rain"; "With the queue
    growing"); one that holds a date to act by stays (its date is what a reader needs). A time frame
    ("After three months") is one only without a verb: with no comma, "Until further notice residents must
    boil water" holds its main clause."""
    if _EN_FRAME_THEN_NOUN.match(text):
        return True  # "For the years before the merger, the rate.": the frame and a subject, the verb cut off
    if (dated and _EN_DATE_LEFT.search(text)) or "," in text:
        return False  # (a date the cut dropped is no date to act by)
    if _EN_CONDITION.match(text):
        return True
    if _EN_WITH.match(text) or EN_SUBORDINATE_OPEN.match(text):
        return not EN_VERB_AFTER.search(text)
    return False


def _unbracketed(text: str) -> str:
    """An English piece without the bracket its clause split left unmatched: "(All applications must be
    submitted online" opens an aside the split cut, "Paper forms will not be accepted.)" closes one; the
    directive stands without the mark."""
    if text.startswith("(") and ")" not in text:
        return text[1:].lstrip()
    stripped = text.rstrip(" .;,")
    if stripped.endswith(")") and "(" not in text:
        return stripped[:-1].rstrip()
    return text


def _addressee(index: int, sentences: Sequence[Sentence]) -> bool:
    """Whether sentence index is the line after a memorandum's "To" (or "Copy to"): an address, no measure."""
    return index > 0 and _EN_ADDRESSEE.fullmatch(sentences[index - 1].text.strip()) is not None


def _core_piece(full: Piece, text: str, lang: Lang) -> Piece:
    """The core of an English piece, worth what its dropped tail held less: the knapsack takes it when the
    room it frees carries another directive ("Landlords must test smoke alarms; …")."""
    dated = full.dated and figures(text) == figures(full.text)
    lost = _SPECIFIC * (specifics(full.text, lang) - specifics(text, lang)) + (
        _DATED if full.dated and not dated else 0
    )
    return Piece(text, full.start, full.sentence, full.weight - lost - _CORE, dated, full.group)


def _attributed(chosen: Sequence[Piece]) -> list[Piece]:
    """The English pieces without those whose verb has lost its subject and does not follow a piece of its
    own sentence ("…; Shall report to the board" after another sentence names the wrong who)."""
    ordered = sorted(chosen, key=lambda p: p.start)
    return [
        p
        for i, p in enumerate(ordered)
        if not _EN_NO_SUBJECT.match(p.text) or (i > 0 and ordered[i - 1].sentence == p.sentence)
    ]


def _distinct(
    ranked: Sequence[Piece], lang: Lang, known: dict[str, frozenset[str]] | None = None
) -> list[Piece]:
    """The ranked pieces without repeats: a piece sharing most words with a better one says it again,
    unless it states other numbers ("5月1日至3日闭馆" and "7月1日至5日闭馆" are two facts) or one abolishes what
    the other sets up ("撤销X联席会议" and "同意建立国务院X联席会议制度", whichever ranks first: the same names,
    the opposite measure).

    known: the tokens of pieces' texts already computed, by text.
    """
    kept: list[Piece] = []
    seen: list[tuple[frozenset[str], frozenset[str], int, bool]] = []
    # Groups merged when a piece holds another group's piece (union-find over group ids): a clause's core
    # stays the alternative of its full text even after that text joined the group of a piece it holds, or
    # the packing takes the core and the full text together.
    parent: dict[int, int] = {}

    def root(group: int) -> int:
        if group < 0:
            return group
        while parent.get(group, group) != group:
            parent[group] = parent.get(parent[group], parent[group])
            group = parent[group]
        return group

    for piece in ranked:
        mine = known[piece.text] if known and piece.text in known else tokens(piece.text.lower(), lang)
        numbers = figures(piece.text)
        repeals = lang == "zh" and _ZH_REPEALS.search(piece.text) is not None
        own = root(piece.group)
        # A clause's core and the clause are alternatives (_pack takes one), not repeats of each other.
        if any(
            mine
            and numbers <= n
            and r == repeals
            and len(mine & g) / len(mine) > _MAX_OVERLAP
            and (k < 0 or root(k) != own)
            for g, n, k, r in seen
        ):
            continue
        # A piece that holds a better one's whole text, or is held in it ("依法追究责任" and "对…的，依法追究责任",
        # a clause with the condition it was joined to): one of the two, never both, or the headline says it twice.
        inside = [k for k in kept if root(k.group) != own and (k.text in piece.text or piece.text in k.text)]
        if any(k.group < 0 for k in inside):
            continue
        for k in inside:
            other = root(k.group)
            if own < 0:
                own = other
            elif other != own:
                parent[other] = own
        if own != piece.group:
            piece = replace(piece, group=own)
        kept.append(piece)
        seen.append((mine, numbers, piece.group, repeals))
    return [p if root(p.group) == p.group else replace(p, group=root(p.group)) for p in kept]


def _pack(pool: Sequence[Piece], limit: int, lang: Lang) -> list[Piece]:
    """The pieces whose weights sum highest within limit characters (pack.knapsack over their lengths with
    the separator each adds): greedy packing lets one long clause crowd out two that say more. An English
    piece counts its weight less _EN_PIECE_COST."""
    sep = 1 if lang == "zh" else 2
    room = limit - 1 + sep  # the end mark; the first piece needs no separator
    items = [p for p in pool if p.weight > 0 and len(p.text) + sep <= room][:_PACK_ITEMS]
    picked = knapsack(
        [len(p.text) + sep for p in items],
        [p.weight - (_EN_PIECE_COST if lang == "en" else 0.0) for p in items],
        # a clause and its core: at most one of them (a grouped knapsack)
        [p.group if p.group >= 0 else -1 - i for i, p in enumerate(items)],
        room,
    )
    chosen = [items[i] for i in picked]
    # A subject said once for two pieces only shortens the join; anything else over limit drops the least.
    while chosen and len(_join(chosen, lang)) > limit:
        chosen.remove(min(chosen, key=lambda p: p.weight))
    return chosen


def _cover(sentences: Sequence[Sentence], annex_from: int | None) -> tuple[Sentence, re.Match[str]] | None:
    """The first sentence before the annex with a cover letter's directive, and where it starts."""
    for s in sentences[: annex_from or len(sentences)]:
        m = cues.COVER.search(s.folded)
        if m:
            return s, m
    return None


def _cover_pieces(cover: tuple[Sentence, re.Match[str]] | None, lang: Lang) -> list[Piece]:
    """The cover letter's directive ("现印发给你们，请贯彻执行"), which the summary skips as framing."""
    if lang != "zh" or cover is None:
        return []
    s, m = cover
    text = compress(s.text[m.start() :], lang)
    return [Piece(text, s.start + m.start(), s.index, 1.5, False)] if text else []


def _joined_length(pieces: Sequence[Piece], lang: Lang, subjects: dict[int, str | None]) -> int:
    """len(_join(pieces, lang)), for Chinese pieces of distinct sentences without building it: each piece's subject
    sought once (subjects, by id)."""
    ordered = sorted(pieces, key=lambda p: p.start)
    if not ordered:
        return 0
    if lang != "zh" or any(ordered[i].sentence == ordered[i + 1].sentence for i in range(len(ordered) - 1)):
        return len(_join(ordered, lang))  # pieces of one sentence may overlap (_past_overlap)
    length = len(ordered) - 1  # one mark (，or ；) between pieces
    subject = None
    for p in ordered:
        if id(p) not in subjects:
            m = _ZH_SUBJECT.match(p.text)
            subjects[id(p)] = m.group(1) if m else None
        mine = subjects[id(p)]
        length += len(p.text) - len(mine) if mine is not None and mine == subject else len(p.text)
        subject = mine if mine is not None else subject
    return length + 1 if length else 0


def _past_overlap(out: str, text: str) -> str:
    """A Chinese piece without the clauses it opens with that the piece of its sentence before it ends on
    ("自3月1日起，读者凭校园卡" then "读者凭校园卡，方可进入图书馆" (pieces.with_condition)): each said once."""
    cut = 0
    at = text.find("，")
    while at > 0:
        if out.endswith(text[:at]):
            cut = at + 1
        at = text.find("，", at + 1)
    return text[cut:] if cut < len(text) else text


def _join(pieces: Sequence[Piece], lang: Lang) -> str:
    ordered = sorted(pieces, key=lambda p: p.start)
    if lang == "zh":
        out = ""
        subject = None
        for i, p in enumerate(ordered):
            text = p.text
            if i and ordered[i - 1].sentence == p.sentence:
                text = _past_overlap(out, text)
            if i:
                out += "，" if ordered[i - 1].sentence == p.sentence else "；"
            m = _ZH_SUBJECT.match(text)
            # "各地要A；各地要B" says who once: "各地要A；要B"; a piece without a subject ("落实工作责任")
            # is read as the last one's, so "各地要A；B；各地要C" says it once too.
            out += text[len(m.group(1)) :] if m and m.group(1) == subject else text
            subject = m.group(1) if m else subject
        return out + "。" if out else out
    texts: list[str] = []
    subject = None
    for i, p in enumerate(ordered):
        m = _EN_SUBJECT.match(p.text)
        mine = m.group(1).lower() if m else None
        # "Employers must A; Employers must B" says who once: "Employers must A; must B".
        texts.append(p.text[m.end(1) :] if m and i and mine == subject else p.text)
        subject = mine
    out = "; ".join(texts)
    return out + "." if out and not out.endswith((".", _ELLIPSIS)) else out


def build_headline(
    weighed: Sequence[Weighed],
    sentences: Sequence[Sentence],
    lang: Lang,
    limit: int = HEADLINE_LIMIT,
    title: str = "",
    annex_from: int | None = None,
    case_memo: dict[int, list[int | None]] | None = None,
) -> str:
    """The headline text: the pieces joined with ，/； (Chinese) or "; " (English), at most limit chars.

    case_memo: each sentence's pieces.cases, by index (pieces.sentence_cases), shared with select."""
    return _join(
        headline_pieces(weighed, sentences, lang, limit, title, annex_from, case_memo=case_memo), lang
    )

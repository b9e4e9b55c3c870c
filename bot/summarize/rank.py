"""Sentence centrality (TextRank over character bigrams or words) and the directive score of each clause."""

from __future__ import annotations

import math
import operator
import re
import sys
import types
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from bot.dates import WEEKDAY, find_dates
from bot.summarize import cues
from bot.summarize.compress import report_goes
from bot.summarize.lang import Lang, fold
from bot.summarize.sentences import MONTH_DAY, Clause, Sentence, outline_level
from bot.summarize.worth import figures, restates

__all__ = [
    "FIELDS_MAX",
    "ZH_OBLIGATION",
    "ZH_PURPOSE",
    "Unit",
    "centrality",
    "contact_at",
    "field_line",
    "is_condition",
    "score_units",
    "tokens",
]

_HAN_RUN = re.compile(r"[\u3400-\u9fff]+")
_WORD = re.compile(r"[a-z][a-z'-]+")
_BOOK = re.compile(r"《[^》《]*》")  # not across another 《: unclosed marks would make findall quadratic
# "《方案》已经国务院同意,": the approval that precedes a cover letter's instruction.
_APPROVED = re.compile(r"已经[^,。]{0,20}同意[,:]?$")
# (Not an item's marker before its date, "2.6月21日,": that clause opens the item and dates what follows.)
_DATE_ONLY = re.compile(
    rf"^(?!\d{{1,2}}\.(?={MONTH_DAY}))[\s\d年月日号时分:,.\-/]*(?:[上下]午|前|后|起)?[,:]?$"
)

# Clauses that never make a unit: an attribution alone, a bare date, a report's source (every branch of
# these opens with ^, so one match at the clause's start tests them all), an approval (which holds 已经).
# A connective on its own ("However,", "In doing so,") links sentences and says nothing itself.
_CONNECTIVE = re.compile(
    rf"^(?:{cues.EN_CONNECTIVE}|同时|此外|另外|因此|为此|对此)[,:]?$",
    re.IGNORECASE,
)
# A later clause that says whom to ask ("…, and any queries should be directed to the office"): a contact line.
_EN_ASK_CLAUSE = re.compile(rf"(?:and|but|or) {cues.EN_ASK}", re.IGNORECASE)
_NOT_A_UNIT = cues.any_of(cues.ATTRIBUTION_ONLY, _DATE_ONLY, cues.REPORT_FRAME, _CONNECTIVE, _EN_ASK_CLAUSE)
# A press release's lead ("X today announced that … has issued …") carries the measure itself.
_EN_NEWS_LEAD = re.compile(r"\b(?:announced|issued|released|launched|unveiled|published)\b", re.IGNORECASE)
# "… issued a circular on 3 March concerning …" announces the document, which title and issuer already say.
_EN_ISSUES_DOC = re.compile(
    r"\b(?:issued|released|published|unveiled) (?:a |an |the )?(?:new )?(?:circular|notice|document|guidelines?|"
    r"opinions?|regulations?|plan)\b",
    re.IGNORECASE,
)
# A dateline the splitter left in front of the lead: capitals, a place or a station's call sign, a dash.
_EN_DATELINE_REST = re.compile(r"^[^a-z]{2,40}\s[–—-]{1,2}$")
# The duties a reported statement can carry ("the agency said landlords should tell …").
_EN_DUTY = re.compile(r"\b(?:must|shall|should|required|need to|needs to|have to|has to)\b", re.IGNORECASE)
# Headline grammar: a subject of a few words, then "to" and the verb ("Caps on ferry crossings to be eased").
# (The marks before the first word exclude those a word may hold: overlapping, a long run of "-" or quotes was
# split every way between the two, quadratic.)
_EN_HEADLINESE = re.compile(
    r"^[^\w’'”\"-]*(?:(?!(?:is|are|was|were|will|must|shall|should|has|have|may|can|due|according|prior|next)\b)"
    r"[\w’'”\"-]+\s+){1,7}?to\s+(?:be\s+)?[a-z]{3,}"
)
_STOP = frozenset(
    "the a an and or of to in on for by with at from as is are was were be been it its this that these those "
    "will shall has have had not but also which who their they them than more most such into per said".split()
)


class _Low(NamedTuple):
    """Cue patterns to match on lowercased English text (cues.caseless); Chinese ones as they are."""

    boilerplate: re.Pattern[str]
    meta: re.Pattern[str]
    obligation: re.Pattern[str]
    action: re.Pattern[str]
    demote: re.Pattern[str]


def _low(lang: Lang, case: Callable[[re.Pattern[str]], re.Pattern[str]]) -> _Low:
    # Only ever tested yes/no: cues.any_of gives the same test as a scan for where a match can start.
    cue_lists = (cues.BOILERPLATE, cues.META, cues.OBLIGATION, cues.ACTION, cues.DEMOTE)
    return _Low(*(cues.any_of(case(c[lang])) for c in cue_lists))


_LOW = {"zh": _low("zh", lambda p: p), "en": _low("en", cues.caseless)}
_DIGIT_ANY = re.compile(r"\d")
# A Chinese duty's own modal (要, 须, 请, 不得 …): select.py tells by it whether a consequence stands alone.
ZH_OBLIGATION = _LOW["zh"].obligation
# English boilerplate as _is_content tests it, on lowercased text; the headline tests its pieces the same way.
EN_BOILERPLATE_LOW = _LOW["en"].boilerplate
_EN_WEAK = cues.caseless(cues.WEAK_OBLIGATION)
# The report verbs of cues.LEAD_FRAME's English frame, and what may follow one there (a day, "that").
_REPORT_VERB = re.compile(r"\b(?:said|says|stated|states)\b")
_REPORT_TAIL = re.compile(r"(?:\s+(?:on\s+)?\w+)?(?:\s+that)?\s*", re.IGNORECASE)
_LEAD_FRAME = {"zh": cues.LEAD_FRAME["zh"], "en": cues.caseless(cues.LEAD_FRAME["en"])}
_EN_STRONG = cues.caseless(cues.STRONG_OBLIGATION)
_EN_MANDATORY = cues.caseless(cues.MANDATORY)
_EN_DEPENDENT_LOW = cues.caseless(cues.EN_DEPENDENT)
_EN_DUTY_LOW = cues.caseless(_EN_DUTY)
_SPECIFIC = cues.any_of(cues.SPECIFIC)  # the same yes/no test, faster
_ATTRIBUTION = {lang: cues.any_of(cues.ATTRIBUTION[lang]) for lang in ("zh", "en")}  # likewise
# A Chinese modal or a report's "要求": it governs the clauses after it (one scan for both).
_ZH_MODAL = cues.any_of(cues.OBLIGATION["zh"], cues.REQUIRES)
# A purpose or basis clause that opens a sentence ("为切实做好…工作,", "根据…规定,"); "为企业发放补贴。"
# ends the sentence and is a measure.
# A quotation or a bracket inside it may hold commas of its own ("为贯彻落实…关于“继续办好…,长期坚持,…”的
# 精神,"); each alternative opens on its own character, so the repetition never tries one text two ways.
ZH_PURPOSE = re.compile(
    rf"(?:{cues.ZH_PURPOSE_OPEN.pattern}|根据|按照|依据|遵照)(?:[^,。;“《(]|“[^”。]*”|《[^》。]*》|\([^)。]*\))*,$"
)
# A purpose opener ("为切实做好…工作,") and the aims that continue it ("确保…,", "保障…,").
_ZH_AIMS = re.compile(rf"{cues.ZH_PURPOSE_OPEN.pattern}[^,。;]*,$")
_ZH_AIM = re.compile(rf"{cues.ZH_AIM.pattern}[^,。;]*,$")
# A sentence that opens on when its duty holds ("汛期期间,", "检查结束后,"): a frame, not the head.
_ZH_WHEN = re.compile(r"[^,。;要须应]{2,14}(?:期间|时|后|前|以来|之际|过程中),")
# A Chinese condition, a whole clause: "逾期未报送的,", "与易燃物连接较近者,", "办公室无人时,", "如遇重大
# 突发事件,", "发现违禁电器,". The clauses after it in its sentence say what is done then ("当场没收,交由院系
# 处理", "该周不做安排"): a rule's consequence, a directive without a modal of its own. A condition holds no
# modal ("发现隐患时要立即停止使用," is the duty itself), and a "…的," one names a breach or a failure
# ("逾期未报送的,"; "入围企业为2家的," only sorts cases). Not a condition: 若干 (some), a noun in 者 (或者, 读者,
# 志愿者, 参赛者; an addressee "全体志愿者,"), a word or a clock in 时 (同时, 届时, 平时, 及时, 学时, 小时,
# "上午9时,"). Tried anchored only (is_condition): searched, it is super-linear.
_ZH_IF = re.compile(
    r"(?:(?:如遇|如有|如发现|如需|若(?!干)|一旦|凡|发现)[^,。;:要须应]{1,40}"
    r"|(?!全体|各位|广大)[^,。;:要须应]{1,40}(?<![或记作学读患愿赛])者"
    r"|[^,。;:要须应]{1,40}(?<![同届平学小及准按随暂临适当\d〇零一二三四五六七八九十两])时"
    r"|[^,。;:要须应]{0,40}(?:未|没有|不|违|逾期|超过|超出|拒)[^,。;:要须应]{0,40}的),"
)


def contact_at(clauses: Sequence[Clause], at: int) -> bool:
    """Whether the Chinese clause at `at` is a contact line, its label, or the value after its label ("联系人:",
    "张三,"): whom to ask, never what is done in a case nor part of a headline piece."""
    return cues.ZH_CONTACT.search(clauses[at].folded) is not None or (
        at > 0 and cues.zh_contact_label(clauses[at - 1].folded)
    )


def is_condition(folded: str, first: bool = False) -> bool:
    """Whether a folded Chinese clause is a whole condition (_ZH_IF); a sentence's first clause is read past
    its outline marker."""
    return _ZH_IF.fullmatch(folded, outline_level(folded)[1] if first else 0) is not None


# The Chinese cues that lower a clause's score and that most clauses lack, tested with one scan first.
_ZH_LOWERING = cues.any_of(cues.BASIS["zh"], cues.MODAL_BASIS, cues.DEMOTE["zh"])


# A breach and what it costs: "Violation of or failure to comply with this Order is a misdemeanor".
# Only a rule's present or future wording ("is punishable", "will be fined", "may result in a penalty"):
# "Inspectors found 37 violations … and proposed penalties" reports past enforcement, which binds no one.
# The gap is bounded: unbounded, a line of "violation violation …" costs time quadratic in its length.
# Tested with cues.any_of: a scan for where a match can start, since most clauses hold none.
_EN_BREACH = cues.any_of(
    re.compile(
        r"\b(?:violat\w*|fail\w* to comply|non-?compliance|breach\w*)\b[^.;]{0,200}?\b(?:"
        r"(?:is|are|shall be|will be|may be|can be|could be|would be|becomes?|be)\s+(?:(?:a|an|also|both)\s+)?"
        r"(?:misdemeanou?r|punishable|subject to|liable|fined|prosecuted|penali[sz]ed|(?:criminal )?offen[cs]e)"
        r"|(?:will|shall|may|can|could) (?:result in|lead to|incur|attract|face|constitute)"
        r"|(?:constitutes?|carr(?:y|ies)) (?:a |an )?(?:misdemeanou?r|fine|penalty|(?:criminal )?offen[cs]e))\b"
    )
)
# A numbered heading that names a field of a notice's logistics, with its value after a colon or none. The
# value holds no colon of its own but a clock's ("二、报名时间：5月6日8:30--11:30"): a colon between digits.
_ZH_FIELD = re.compile(
    r"(?:时间|日期|地点|场地|地址|对象|人员|范围|期限|截止日期)(?:[:]\s*((?:[^:]|(?<=\d):(?=\d)){2,40}))?[。.]?$"
)
# An unnumbered field line names the notice's own logistics: what happens (an event word) and then when, where
# or how far ("集合地点", "停水时间", "报名截止日期", "期末考试地点"), a few characters of qualifier before it at
# most, no mark among them. Any other label ("办公地点", "咨询时间", "出生日期") is a form's or an office's.
_ZH_LOGISTICS_KEY = re.compile(
    r"[^,，。;；:：、!?！？()（）《》“”\s]{0,4}"
    r"(?:集合|报名|注册|报到|考试|补考|停水|停电|停气|停暖|施工|闭馆|开馆|放假|缴费|领取|提交|截止|活动|会议|比赛"
    r"|培训|讲座|演练|体检|面试|开学|检修|维修|接种|疏散|签到|入场)"
    r"(?:时间|日期|地点|场地|地址|范围|期限)"
)
# A label that passes _ZH_LOGISTICS_KEY yet stamps the page, not the notice's arrangement: a page-stamp word
# among the qualifier before the event word ("发布会议时间", "更新活动日期": when the page about it was posted or
# edited). Any other qualifier names a real deadline or place ("投稿截止日期", "办理缴费时间"); a label without
# an event word ("浏览时间", "办公地点") _ZH_LOGISTICS_KEY already refuses.
_ZH_NOT_LOGISTICS = re.compile(r"浏览|印发|成文|发布|张贴|刊登|更新|录入|上传")
# A value still to be filled in, a form's blank ("____年__月__日", "□是 □否", "年  月  日"): nothing said yet.
_ZH_BLANK_VALUE = re.compile(r"[_＿□]|年\s*月\s*日")
# At most this many Chinese field lines ("报名时间：…") in a headline or, while a duty is left out, in a
# summary (headline._few_fields, select.select): more is a timetable, not a summary.
FIELDS_MAX = 2
# A field's value is one short line.
_FIELD_VALUE_MAX = 40
# What a schedule's heading holds when it states only when ("（一）2024年1月17日（周三）下午1点30分"): dates, a
# weekday, a part of the day, a clock time, a span's dash, brackets.
_SCHEDULE_WHEN = re.compile(
    rf"\d{{1,4}}\s*[年月日号]|(?:周|星期|礼拜)[一二三四五六日天]|{cues.ZH_DAY_PART}"
    rf"|{cues.ZH_CLOCK}|[—–~～\-至到()\s]"
)
# An item that states its own date or time ("1.3月3日前各单位报送…") is not dated by its heading.
_OWN_WHEN = re.compile(rf"\d{{1,2}}月\d{{1,2}}[日号]|\d{{1,2}}[日号]前|{cues.ZH_CLOCK}")
# A lead-in that stops at its modal ("residents must:", "all applicants are required to:").
_EN_MODAL_COLON = cues.any_of(  # tested yes/no only: the same test, prefiltered
    re.compile(
        r"\b(?:must|shall|should|will|need to|needs to|ha(?:ve|s) to|(?:are|is) (?:required|asked|advised) to)\s*:$"
    )
)
# What makes a list's lead-in worth keeping: a date or figure, or a name ("From June 1, 2031 all landlords
# with five or more properties must:", "Riverside Council tenants must:").
_EN_INFORMATIVE = re.compile(r"\d|(?<=\s)[A-Z][a-z]")
# Lead-ins of blocks that list no duties: whom to contact and how, what is attached or linked.
_EN_NOT_A_LIST = re.compile(
    r"\b(?:contacts?|enquir\w*|inquir\w*|further information|more information|attach\w*|enclos\w*"
    r"|annex\w*|appendix|downloads?|links?|telephone|phone|e-?mail|address(?:es)?)\b[^:]{0,80}:$"
)
# The finite verbs and auxiliaries a statement holds ("Parking charges will rise", "Fees are waived").
_EN_VERB = re.compile(
    r"\b(?:is|are|was|were|will|shall|must|may|can|should|has|have|had|be|been|do|does|need|needs)\b"
)
# The verbs that set an event ("will take place", "is to be held"), then when or where ("on", "at", "from",
# a mark): not "take place cards", "held securely". With a date, the notice's arrangement (_scored).
_EN_EVENT = re.compile(
    r"\b(?:(?:take|takes|taking) place|(?:be|is|are) (?:to be )?held)"
    r"(?=[.,;:]|$|\s(?:on|at|in|from|between|during|until|over|every|each|this|next|today|tomorrow|by|for)\b)"
)


def _dated_event(text: str, low: str) -> bool:
    """Whether an English clause (low: lowercased) sets an event (_EN_EVENT) and states its date."""
    return _EN_EVENT.search(low) is not None and bool(find_dates(text))


# Habit and possibility: the wording of description and advice, not of a duty.
# Tested yes/no only: the prefiltered form (cues.any_of), which sre does not try at every character.
_EN_HEDGE = cues.any_of(re.compile(r"\b(?:usually|typically|generally|often|may also|might|could)\b"))
# An office memorandum's instruction to pass the notice on or to report, worded with "may" and a passive
# ("may be circulated", "may also be brought to the notice of", "may also be uploaded on the websites").
_EN_MAY_PASS_ON = cues.any_of(
    re.compile(
        r"\bmay (?:also )?be (?:brought|uploaded|sent|forwarded|circulated|furnished|submitted|displayed"
        r"|endorsed|communicated|disseminated)\b"
    )
)
# An outline label ending in a colon ("一、元旦：", "(a) Scope:") is at most this long.
_LABEL_MAX = {"zh": 12, "en": 40}
# What a notice's introducing sentence states when it carries the event: a date, a decision or a schedule
# ("定于", "决定由各学校自行安排", "将于1月8日开启").
_EVENT = re.compile(r"\d|定于|决定|将于|拟于")
# A web address in a clause, and how much of the clause must come before it for the rest to go: the
# words that lead to it ("on the booking page below:") are cut with it back to a comma this close.
_LINK = re.compile(r"https?://|www\.")
_LINK_KEEP = 30
_LINK_LEAD = 40
# A bulleted line ("• Opening hours to be extended …"): press releases list their measures so.
BULLET = re.compile(r"(?:[•·●▪◦‣∙]|[*-](?=\s))\s*")
# A list item says something once it has this many words (English) or characters (Chinese).
_ITEM_MIN = {"zh": 8, "en": 4}
# TextRank is quadratic in sentences; notices put their substance first, so rank at most this many.
MAX_RANK = 160
_ITERATIONS = 30
_TOLERANCE = 1e-3
_DAMPING = 0.85
# How much centrality counts beside the cues (see score_units).
CENTRALITY_WEIGHT = {"zh": 0.6, "en": 1.2}
# What the first content sentence's first clause gains: (any lead, a press release's news lead).
LEAD_BONUS = {"zh": (0.5, 0.5), "en": (0.5, 1.0)}
QUOTE_COST = 1.0
OBLIGED_BONUS = 1.0
MODAL_BONUS = 0.5
ACTING_BONUS = 0.6
SPECIFIC_BONUS = 0.8
FIRST_BONUS = 0.3
DEPENDENT_COST = 0.8
DEMOTE_COST = {"zh": 2.0, "en": 0.5}
HEDGE_COST = 0.5
TITLE_BONUS = 0.5
OUTLINE_BONUS = 0.6
BASIS_COST = 0.8


def tokens(folded: str, lang: Lang) -> frozenset[str]:
    """Character bigrams of the Han runs (Chinese) or content words, crudely stemmed (English)."""
    if lang == "zh":
        runs: list[str] = _HAN_RUN.findall(folded)
        if len(runs) == 1 and len(runs[0]) > 1:  # most clauses are one run: no set to copy
            run = runs[0]
            return frozenset(map(operator.add, run, run[1:]))
        grams: set[str] = set()
        for run in runs:
            if len(run) == 1:
                grams.add(run)
            else:
                # Pairs built by map(add) in C: this runs for every sentence and clause of every notice.
                grams.update(map(operator.add, run, run[1:]))
        return frozenset(grams)
    return frozenset(w.rstrip("s") for w in _WORD.findall(folded.lower()) if w not in _STOP)


def centrality(token_sets: Sequence[frozenset[str]]) -> list[float]:
    """TextRank scores scaled to [0, 1], with the similarity of Mihalcea & Tarau (2004)."""
    n = min(len(token_sets), MAX_RANK)
    if n == 0:
        return []
    sets = token_sets[:n]
    # A token in nearly every sentence says nothing about which ones are central, and one in a single
    # sentence links it to none: only the rest count. How many of them two sentences share is counted token
    # by token over the pairs of the sentences that hold it (shared[a * n + b], a < b): one list of holders per
    # token instead of a bit mask per sentence and a test of every pair, most of which share none.
    holders: dict[str, list[int]] = {}
    for i in range(n):
        for token in sets[i]:
            held = holders.get(token)
            if held is None:
                holders[token] = [i]
            else:
                held.append(i)
    most = n // 2 + 2
    shared = [0] * (n * n)
    for held in holders.values():
        k = len(held)
        if 2 <= k <= most:
            for x in range(k - 1):
                row = held[x] * n
                for y in range(x + 1, k):
                    shared[row + held[y]] += 1
    logs = [math.log(len(toks) + 1) + 1e-9 for toks in sets]
    # Each row of the similarity matrix as its non-zero entries (about half of them), in column order: a
    # zero adds nothing to a sum of non-negative terms (x + 0.0 is x), so the sums over them are the dense
    # matrix's sums, float for float, at half the terms. Each pair once, entered in both rows.
    cols: list[list[int]] = [[] for _ in range(n)]
    sims: list[list[float]] = [[] for _ in range(n)]
    for a in range(n):
        log_a = logs[a]
        row = a * n
        for b in range(a + 1, n):
            common = shared[row + b]
            if common:
                sim = common / (log_a + logs[b])
                cols[a].append(b)
                sims[a].append(sim)
                cols[b].append(a)
                sims[b].append(sim)
    inv = [1 / t if (t := sum(row)) else 0.0 for row in sims]  # symmetric: out-degree = in-degree
    score = [1.0] * n
    base = 1 - _DAMPING
    for _ in range(_ITERATIONS):
        share = list(map(operator.mul, score, inv))  # each sentence's vote, split by its out-degree
        if _PLAIN_SUM:
            new = [base + _DAMPING * _dot(share, cols[r], sims[r]) for r in range(n)]
        else:
            new = [
                base + _DAMPING * sum(map(operator.mul, map(share.__getitem__, cols[r]), sims[r]))
                for r in range(n)
            ]
        delta = sum(map(abs, map(operator.sub, new, score)))
        score = new
        # A mean change of 1e-3 leaves the scaled scores within ~0.02 of the limit: well below what
        # any cue weighs, at two thirds of the iterations.
        if delta < _TOLERANCE * n:
            break
    top = max(score)
    low = min(score)
    span = (top - low) or 1.0
    scaled = [(s - low) / span for s in score]
    return scaled + [0.0] * (len(token_sets) - n)


def _dot(a: list[float], at: list[int], b: list[float]) -> float:
    """sum(map(mul, map(a.__getitem__, at), b)) as sum() adds floats up to Python 3.11: left to right, from 0."""
    total = 0.0
    for i in range(len(at)):
        total += a[at[i]] * b[i]
    return total


# sum() adds floats one after another up to Python 3.11 (3.12 compensates the rounding): there the typed loop,
# which mypyc runs on unboxed doubles, computes the very same dot products without a float object per term.
# Run as Python (a function object, not a compiled builtin) the loop is slower than sum(map(mul)).
_PLAIN_SUM = sys.version_info < (3, 12) and not isinstance(_dot, types.FunctionType)


# init=False: the __init__ below is compiled by mypyc, the one dataclass would write runs as Python.
@dataclass(slots=True, init=False)
class Unit:
    """A candidate piece of the summary: one clause, with its sentence and score."""

    sentence: Sentence
    clause: Clause
    score: float
    grams: frozenset[str]
    directive: bool  # says what must be done (a cue, an action, or quoted from the notice)
    # The clause as the summary carries it when selection had to compress it to fit (select._fitted);
    # empty: as written.
    shown: str = ""

    def __init__(
        self, sentence: Sentence, clause: Clause, score: float, grams: frozenset[str], directive: bool
    ) -> None:
        self.sentence = sentence
        self.clause = clause
        self.score = score
        self.grams = grams
        self.directive = directive
        self.shown = ""


def score_units(sentences: Sequence[Sentence], lang: Lang, title: str) -> list[Unit]:
    """Score every clause that may enter a summary; boilerplate and framing sentences yield none."""
    folded_title = " ".join(fold(title).split())
    labels: dict[int, Sentence] = {}  # a line to show before a sentence's first clause (_joined)
    listed = _listed(sentences) if lang == "en" else _field_values(sentences, labels)
    content = [s for s in sentences if _is_content(s, lang, folded_title, s.index in listed)]
    if lang == "en":
        # "During the closure, residents must:" before its items is no sentence of its own: the items say it.
        # But when it says from when or whom it binds ("From June 1, 2031 all landlords must:"), the first
        # item carries it.
        leads = [s for s in content if _introduces(s, sentences, listed)]
        for s in leads:
            if _EN_INFORMATIVE.search(s.folded):
                labels[s.index + 1] = s
        dropped = {s.index for s in leads}
        content = [s for s in content if s.index not in dropped]
    if labels:
        content = [_joined(labels[s.index], s, lang) if s.index in labels else s for s in content]
    if lang == "zh" and listed:
        # "集合地点：" and "东门广场" are two clauses of one line: the value goes with its label or not at all.
        content = [_fused(s) if s.index in listed and s.index not in labels else s for s in content]
    if not content:
        return []
    # Tokens once per clause; a sentence's are their union (Han runs and words never cross a clause mark).
    clause_tokens = {id(c): tokens(c.folded, lang) for s in content for c in s.clauses}
    # A loop, not a generator: mypyc builds a generator expression's whole list (and a tuple for the *args)
    # for every sentence. A sentence of one clause has that clause's tokens, no union to build.
    sent_tokens: list[frozenset[str]] = []
    for s in content:
        if len(s.clauses) == 1:
            sent_tokens.append(clause_tokens[id(s.clauses[0])])
        else:
            sent_tokens.append(frozenset().union(*[clause_tokens[id(c)] for c in s.clauses]))
    cent = centrality(sent_tokens)
    title_grams = tokens(fold(title), lang)
    # Sentences quoting the notice ("《通知》要求", "the circular said"), searched once per sentence.
    attributed = {s.index for s in sentences if _ATTRIBUTION[lang].search(s.folded)}
    attr_paras: set[int] = set()
    after_heading: set[int] = set()
    prev_heading = False
    for s in sentences:
        if s.pos == 0 and s.index in attributed:
            attr_paras.add(s.para)
        if prev_heading and not s.heading:
            after_heading.add(s.index)
        prev_heading = s.heading and s.level > 0
    lead_index = content[0].index
    # TextRank on a handful of sentences is noise; let it speak in proportion to the evidence.
    # English releases are short and say the measure in their most central sentences (plain TextRank
    # does well on them); Chinese notices repeat set phrases, so centrality counts for less there.
    cent_weight = CENTRALITY_WEIGHT[lang] * min(1.0, len(content) / 15)
    quoted_paras = {s.para for s in sentences if s.pos == 0 and s.folded[:1] in '"“'}
    units: list[Unit] = []
    first_attr = next((s.index for s in content if s.index in attributed), None)
    for s, c_score in zip(content, cent, strict=True):
        base = cent_weight * c_score
        if lang == "en" and s.para in quoted_paras:
            base -= QUOTE_COST  # a press release's quotes are colour, not the measure
        quotes = s.index in attributed
        # REPORTED ends on 要求: a substring test spares most sentences the scan.
        if quotes or (lang == "zh" and "要求" in s.folded and cues.REPORTED.search(s.folded)):
            base += 1.0
        elif s.para in attr_paras:
            base += 0.6
        elif lang == "en" and first_attr is not None and s.index > first_attr:
            base += 0.6  # once a report quotes the circular, what follows ("It will also …") is its content
        item = _list_item(s.folded, lang) or (lang == "en" and s.index in listed)
        if item:
            base += 0.6  # a bulleted list spells out what its lead-in ("X announced:") introduces
        if s.level in (1, 2, 5) or s.index in after_heading:
            base += OUTLINE_BONUS
        elif s.level in (3, 4):
            base += OUTLINE_BONUS / 2
        # A news lead says who did what; English press releases put the measure itself there.
        lead = 0.0
        if s.index == lead_index:
            news = lang == "en" and _EN_NEWS_LEAD.search(s.folded) and not _EN_ISSUES_DOC.search(s.folded)
            lead = LEAD_BONUS[lang][bool(news)]
        modal = False
        purpose = aim = False
        after_attr = False
        after_when = False
        clauses = s.clauses
        if lang == "zh" and len(clauses) > 1 and (meta_tail(s) or meta_head(s)):
            # "…,现就有关事宜通知如下:" (meta_tail): the event is before it.
            clauses = [c for c in clauses if c.folded and not _LOW["zh"].meta.search(c.folded)]
        if lang == "en" and len(clauses) > 1 and _EN_DATELINE_REST.match(clauses[0].folded):
            # "SPRINGFIELD, IL –", "(KXYZ) –": what is left of a dateline says where, not what; the
            # sentence starts after it.
            second = clauses[1]
            clauses = [Clause(second.text, second.folded, second.start, True), *clauses[2:]]
            clause_tokens[id(clauses[0])] = clause_tokens[id(second)]
        then = False  # a condition came before in this sentence (is_condition)
        for at, clause in enumerate(clauses):
            # "为做好节日期间各项工作,确保群众欢度节日,X印发通知": the aim a purpose opener goes on to state
            # (确保/保障 …, before the sentence's main clause) is part of the purpose, not a duty.
            aim = purpose and clause is not clauses[-1] and _ZH_AIM.match(clause.folded) is not None
            # "发现违禁电器,当场没收,交由院系处理": the clauses after a condition, but not a further condition.
            condition = lang == "zh" and is_condition(clause.folded, clause.first)
            # "联系人:" and the name after it ("张三,"): whom to ask, never what is done in a case
            contact = lang == "zh" and contact_at(clauses, at)
            unit = _score_clause(
                s,
                clause,
                base,
                lead,
                lang,
                title_grams,
                modal and not aim,
                quotes or item,
                clause_tokens[id(clause)],
                aim,
                s.index in listed,
                then and not condition and not contact,
            )
            if unit is not None:
                unit.clause = _without_frame(clause, lang)
                if after_attr:
                    unit.score += 0.8  # "《通知》要求,各乡镇要加强巡查": the head of a reported directive
                if after_when:
                    unit.score += 0.8  # "汛期期间,各乡镇要…": the subject and its duty come second
                units.append(unit)
            after_when = clause.first and lang == "zh" and _ZH_WHEN.fullmatch(clause.folded) is not None
            then = then or condition
            purpose = lang == "zh" and (
                (clause.first and _ZH_AIMS.match(clause.folded) is not None) or (purpose and aim)
            )
            after_attr = unit is None and bool(cues.ATTRIBUTION_ONLY.search(clause.folded))
            # "各级工会要A,B,C": a Chinese modal governs the clauses that follow it in the sentence, and so
            # does a report's "发出通知,要求A,B,C".
            modal = modal or (
                lang == "zh"
                and _ZH_MODAL.search(clause.folded) is not None
                and not ZH_PURPOSE.match(clause.folded)
            )
    return units


def _listed(sentences: Sequence[Sentence]) -> set[int]:
    """English lines set as a list without bullets: after a line ending on a colon ("During the closure,
    residents must:"), each following line without sentence punctuation ("Move their cars off the street by
    7 a.m."), up to the first line that ends a sentence. They are items, not headings; but a contact or
    attachment block ("Media contact:" then a name and a telephone) lists no duties, an item after a lead-in
    that does not end on its modal must hold a verb of its own, and a first line with a full sentence after it
    ("Parking charges in the town centre", then what changes) is a heading."""
    listed: set[int] = set()
    lead: Sentence | None = None  # the open list's lead-in
    for s in sentences:
        if (
            lead is not None
            and s.heading
            and s.level == 0
            and len(s.folded.split()) >= _ITEM_MIN["en"]
            and _item(s, lead, sentences)
        ):
            listed.add(s.index)
            continue
        lead = None
        if s.folded.rstrip().endswith(":") and not _EN_NOT_A_LIST.search(s.folded.lower()):
            lead = s
    return listed


def _obliged(text: str, low: str, lang: Lang) -> bool:
    """Whether a text states a duty: an obligation cue in it lowercased (low), or, in English, an appeal (read
    with its case; the costly pattern only where "call" occurs)."""
    if _LOW[lang].obligation.search(low):
        return True
    return lang == "en" and "call" in text.lower() and cues.EN_APPEAL.search(text) is not None


def _item(s: Sentence, lead: Sentence, sentences: Sequence[Sentence]) -> bool:
    """Whether a short line after a lead-in is one of its items (see _listed)."""
    if _EN_MODAL_COLON.search(lead.folded.lower()):
        return True  # "residents must:": each item completes the modal with its verb
    after = s.index + 1
    if s.index == lead.index + 1 and after < len(sentences) and not sentences[after].heading:
        return False  # a heading: the full sentence after it says what it names
    low = s.folded.lower()
    return bool(_EN_VERB.search(low) or _obliged(s.folded, low, "en") or _LOW["en"].action.search(low))


def _joined(label: Sentence, s: Sentence, lang: Lang) -> Sentence:
    """Sentence s with a line before it (a field's label, a list's lead-in) joined in front of its first
    clause: "报名截止时间：2031年4月10日", "From June 1, 2031 all landlords must: Register …". Both lines are
    the notice's own words, joined by the colon that separates them in reading. The joined clause ends where
    s's first clause ends, so the offsets of s's other clauses still hold."""
    first = s.clauses[0] if s.clauses else Clause(s.text, s.folded, s.start, True)
    text, folded = label.text.rstrip(), label.folded.rstrip()
    # A schedule's item keeps no marker of its own after its heading's date ("…下午1点30分：参观…", not
    # "…：1.参观…"): the marker numbers the line, the label now opens it.
    mark = outline_level(first.folded)[1] if lang == "zh" and s.level else 0
    if lang == "zh":
        if not folded.endswith(":"):
            text, folded = text + "：", folded + ":"
    else:
        text, folded = text + " ", folded + " "
    start = first.start + mark - len(text)
    clause = Clause(text + first.text[mark:], folded + first.folded[mark:], start, True)
    gap = first.start - s.start
    return Sentence(
        s.index,
        s.para,
        s.pos,
        start - gap,
        s.text[:gap] + text + s.text[gap + mark :],
        s.folded[:gap] + folded + s.folded[gap + mark :],
        s.level,
        s.heading,
        [clause, *s.clauses[1:]],
    )


def _fused(s: Sentence) -> Sentence:
    """A field line with its label's clause and the value's first clause made one ("停水时间：" and
    "6月3日8:00-18:00" as "停水时间：6月3日8:00-18:00"): a bare date or place says nothing without the field it
    fills. The clauses are adjacent in the text, so the offsets hold."""
    if len(s.clauses) < 2 or not s.clauses[0].folded.rstrip().endswith(":"):
        return s
    a, b = s.clauses[0], s.clauses[1]
    if b.start != a.start + len(a.text):
        return s
    clause = Clause(a.text + b.text, a.folded + b.folded, a.start, True)
    return Sentence(
        s.index, s.para, s.pos, s.start, s.text, s.folded, s.level, s.heading, [clause, *s.clauses[2:]]
    )


def _field_values(sentences: Sequence[Sentence], labels: dict[int, Sentence]) -> set[int]:
    """Chinese notices set their logistics as fields: a numbered heading naming one ("一、比赛时间",
    "二、地点") and its value on the line after it ("2031年5月20日下午2:30", "学校体育馆二楼"), or both on one
    line ("三、报名时间：5月6日至10日"). The values (sentence indices) are what a reader looks for, not headings;
    a value on the line after its heading gets the heading as its label (in labels)."""
    values: set[int] = set()
    for s in sentences:
        if not s.heading:
            continue
        if s.level == 0:
            if _unnumbered_field(s):  # the value on the field's own line
                values.add(s.index)
            continue
        m = _ZH_FIELD.search(s.folded)  # field_line's test of a numbered line, searched once here
        if m is not None and m.group(1):  # the value on the heading's own line
            values.add(s.index)
            continue
        if m is None:
            if _schedule_heading(s) and s.index + 1 < len(sentences):
                nxt = sentences[s.index + 1]
                first = nxt.clauses[0].folded if nxt.clauses else nxt.folded
                if not nxt.heading and nxt.level > s.level and not _OWN_WHEN.search(first):
                    labels[nxt.index] = s  # the schedule's first item happens then
            continue
        after = s.index + 1  # a field's heading ("一、比赛时间") with no value on its own line
        if after < len(sentences):
            nxt = sentences[after]
            if nxt.level == 0 and nxt.pos == 0 and len(nxt.folded) <= _FIELD_VALUE_MAX:
                values.add(after)
                labels[after] = s  # a bare date or place says nothing without the field it fills
    return values


def field_line(s: Sentence) -> bool:
    """Whether a Chinese line fills a field with its value on the line itself ("三、报名时间：5月6日至10日",
    "集合地点：东门广场"; _field_values)."""
    if not s.heading:
        return False
    if s.level == 0:
        return _unnumbered_field(s)
    m = _ZH_FIELD.search(s.folded)
    return m is not None and bool(m.group(1))


def _unnumbered_field(s: Sentence) -> bool:
    """A line of its own, without an outline marker, that fills a field with its value ("报名地点：学校体育馆二楼",
    "停水时间：6月3日8:00-18:00"): the label opens the line and is short, the value follows its colon. Page
    chrome set the same way ("发布时间：2031-05-06") stays boilerplate."""
    if s.pos != 0:
        return False
    m = _ZH_FIELD.search(s.folded)
    if m is None or not m.group(1):
        return False
    key = s.folded.split(":", 1)[0].strip()  # the colon is the field's own (m holds it, up to the line's end)
    if (
        not _ZH_LOGISTICS_KEY.fullmatch(key)
        or _ZH_NOT_LOGISTICS.search(key)
        or _ZH_BLANK_VALUE.search(m.group(1))
    ):
        return False
    return not cues.boilerplate_in(_LOW["zh"].boilerplate, s.folded, "zh")


def _schedule_heading(s: Sentence) -> bool:
    """A numbered heading that states only a date and time ("（一）2024年1月17日（周三）下午1点30分"), its items
    below it what happens then: the date of a schedule, which its first item carries (_field_values)."""
    rest = s.folded[outline_level(s.folded)[1] :].strip()
    return (
        0 < len(rest) <= _FIELD_VALUE_MAX
        and rest[0].isdigit()
        and "月" in rest
        and not _SCHEDULE_WHEN.sub("", rest)
    )


def _introduces(s: Sentence, sentences: Sequence[Sentence], listed: set[int]) -> bool:
    """An English lead-in that stops at its modal and a colon ("residents must:", "applicants are required
    to:") with list items after it."""
    after = s.index + 1
    if after >= len(sentences) or not _EN_MODAL_COLON.search(s.folded.lower()):
        return False
    return after in listed or _list_item(sentences[after].folded, "en")


def _subject_only(text: str, low: str, title: str, reference: bool) -> bool:
    """Whether a subject or reference line (cues.EN_SUBJECT_LINE; text as it is, low lowercased) only repeats
    the title or cites: its words and its figures are the title's ("Subject: Extension of the last date for
    filing returns to 31 December 2031" under a title without the date states the date), or it holds no date,
    figure (a subject line) or modal."""
    if (reference or not _DIGIT_ANY.search(low)) and not _obliged(text, low, "en"):
        return True
    return restates(tokens(low, "en"), tokens(title.lower(), "en")) and figures(low) <= figures(title)


def _is_content(s: Sentence, lang: Lang, title: str = "", listed: bool = False) -> bool:
    low = s.folded if lang == "zh" else s.folded.lower()  # English cues match lowercased text (_LOW)
    # A field's value may be a bare date ("2031年4月20日" under "二、比赛时间"), which elsewhere is a sign-off date.
    if not (listed and lang == "zh") and cues.boilerplate_in(_LOW[lang].boilerplate, low, lang):
        return False
    label = cues.EN_SUBJECT_LINE.match(low) if lang == "en" else None
    if label and _subject_only(s.folded, low, title, bool(label.group(1))):
        return False
    event = False
    if _LOW[lang].meta.search(low):
        # Framing; but a cover letter's "现印发给你们，请贯彻执行" is its directive, and the clauses before
        # a closing "现就有关事宜通知如下:" state the event itself (meta_tail).
        event = lang == "zh" and (meta_tail(s) or meta_head(s))
        if not (event or (lang == "zh" and cues.COVER.search(s.folded))):
            return False
    if (
        s.pos == 0
        and s.folded.endswith(":")
        and len(s.text) <= 60
        and not event
        and not _obliged(s.folded, low, lang)
    ):
        return False  # the addressee line (主送机关, "Dear employers:") addresses, it does not direct
    flat = " ".join(s.folded.split())
    if title and len(flat) >= 8 and (flat in title or title in flat) and len(flat) <= len(title) + 20:
        return False  # the title again, as the page's first line
    if label and not label.group(1):
        return True  # a subject line that says more than the title (a date, a duty) even without a full stop
    if s.heading and lang == "en" and s.level == 0 and _timetable_entry(s.folded):
        return True
    if s.heading and not (listed or _list_item(s.folded, lang)):
        # A bare heading ("一、总体目标") is a label; a long heading-shaped line may be a real sentence.
        # A bulleted line is a list item, which press releases use for the measures themselves.
        return len(s.text) >= (30 if lang == "zh" else 90) and s.level == 0
    return True


# A timetable line's step: a verb in the past participle after its subject ("Nomination papers circulated"), or
# one of the verbs a timetable states its steps with ("Voting opens", "Ballot closes"). Found in any case, so a
# capitalised one is found first and refused (_timetable_entry: a title-case banner).
_EN_STEP = re.compile(
    r"(?<=[a-z] )(?:[a-z]{3,}ed|(?:open|close|begin|start|end|commence|expire|resume)s?|due)\b", re.IGNORECASE
)
# A page's own date line ("Last updated 5 July 2018", "Page reviewed", "Posted on"): when the page changed.
_EN_PAGE_DATE = re.compile(
    r"\b(?:updated|published|released|posted|reviewed|modified|revised|amended|edited|printed|created|dated"
    r"|signed|issued|archived|changed|accessed|viewed|retrieved|captured)\b",
    re.IGNORECASE,
)
# What may stand between a step and its date: "on", a colon or dash, a weekday.
_EN_STEP_WHEN = re.compile(rf"\s*(?:[:–—-]\s*)?(?:on\s+)?(?:{WEEKDAY},?\s+)?", re.IGNORECASE)
# A timetable line is short: a step and its date, not a heading-shaped paragraph.
_EN_STEP_MAX = 80


def _timetable_entry(folded: str) -> bool:
    """An English line without sentence punctuation that states a step and its full date ("Nomination papers
    circulated 3rd May 2031", "Voting closes 24 June 2031"): a timetable's entry, which says what happens when,
    not a heading ("Road works during June 2031" has no day; "Branch 2031 AGM 5th May Calling Notice" no
    year and no step), nor a page's date line ("Last updated 5 July 2031")."""
    if len(folded) > _EN_STEP_MAX or _EN_PAGE_DATE.search(folded):
        return False
    step = _EN_STEP.search(folded)
    if step is None or step.group()[0].isupper():
        # A capitalised step is a title-case banner or heading ("Tender Cancelled 9 September 2031", "Term Starts
        # 3 September 2031"), which the sentence under it tells; a timetable row reads as a phrase.
        return False
    # The date follows the step ("close 17 June 2031", "close on Monday 17 June 2031"): "Payments received after
    # 13 June 2031" heads the cases listed under it, it states no step of its own.
    when = _EN_STEP_WHEN.match(folded, step.end())
    return when is not None and any(
        hit.explicit_year and hit.start == when.end() for hit in find_dates(folded)
    )


def meta_tail(s: Sentence) -> bool:
    """A Chinese sentence that introduces the list after it only in its last clause, its first ones
    stating what the notice is about ("学校定于10月12日在会议室召开推进会,现就有关事宜通知如下:"): the
    notice's event, date and place, which the list then details."""
    parts = [c.folded for c in s.clauses if c.folded]  # the splitter may leave an empty clause at the end
    if len(parts) < 2 or not _LOW["zh"].meta.search(parts[-1]):
        return False
    rest = "".join(parts[:-1])
    return _LOW["zh"].meta.search(rest) is None and _EVENT.search(rest) is not None


# The words that only introduce what follows ("…如下:", "现就…", "现将…"); not cues.META's addressee line
# ("各…:"), which a duty's subject also matches ("各学院要做好以下工作:").
_ZH_LEAD_IN = re.compile(r"如下|现就|现将")


def meta_head(s: Sentence) -> bool:
    """A Chinese sentence with a clause that only introduces the rest ("现通告如下:", "具体事项通知如下:"),
    first or after a purpose ("为做好汛期安全工作,现将有关事项通知如下:"), and whose rest is that content, set on
    the same line ("现通告如下:2031年5月13日至22日,老城范围内实施全天管制"): the content is the notice's, as
    if it stood on the next line; the lead-in is not."""
    parts = [c.folded for c in s.clauses if c.folded]
    # The first clause that ends the lead-in; what the clauses before it say (a purpose) is no content.
    at = next((i for i, p in enumerate(parts[:-1]) if p.endswith(":") and _ZH_LEAD_IN.search(p)), None)
    if at is None:
        return False
    if _LOW["zh"].obligation.search(parts[at]):
        return False  # "各学院要做好以下工作:", "各单位须做到:": a duty's subject and modal, not a lead-in
    rest = "".join(parts[at + 1 :])
    return len(rest) >= _ITEM_MIN["zh"] and _LOW["zh"].meta.search(rest) is None


def _report_cut(folded: str, cut: int) -> int:
    """Where an English lead frame (cues.LEAD_FRAME) ending in a report ("the board said that") may be cut:
    after it when compress would drop that frame too (compress.report_goes: the notice's own speaker, a clause
    of its own after it), else before its speaker ("The Board has not said that …" stays as written)."""
    frame = folded[:cut]
    verbs = list(_REPORT_VERB.finditer(frame.lower()))
    verb = verbs[-1] if verbs else None
    if verb is None or not _REPORT_TAIL.fullmatch(frame, verb.end()):
        return cut
    start = max(frame.rfind(",", 0, verb.start()), frame.rfind(":", 0, verb.start())) + 1
    start += len(frame[start:]) - len(frame[start:].lstrip())
    return cut if report_goes(frame[start : verb.start()], frame[start:], folded[cut:]) else start


def _without_frame(c: Clause, lang: Lang) -> Clause:
    """The clause without a leading frame (cues.LEAD_FRAME) or a trailing link: a substring of it, so
    nothing is invented."""
    m = _LEAD_FRAME[lang].match(c.folded if lang == "zh" else c.folded.lower())
    cut = m.end() if m else 0
    if lang == "en" and cut:
        cut = _report_cut(c.folded, cut)
    end = len(c.text)
    link = _LINK.search(c.folded, cut)
    if link and link.start() - cut >= _LINK_KEEP:
        # "… register a week before the trip, using the web page at www.example…": the push links
        # the notice; a web address (and the words that point to it) is for clicking, not for reading.
        end = link.start()
        comma = c.folded.rfind(",", cut, end)
        if comma >= 0 and end - comma <= _LINK_LEAD and comma - cut >= _LINK_KEEP:
            end = comma
        end = len(c.folded[:end].rstrip(" :,;(-"))
    if cut == 0 and end == len(c.text):
        return c
    return Clause(c.text[cut:end], c.folded[cut:end], c.start + cut, c.first)


def _list_item(folded: str, lang: Lang) -> bool:
    """A bulleted line long enough to state a measure, not a one-word menu entry ("• Share")."""
    m = BULLET.match(folded)
    if m is None:
        return False
    rest = folded[m.end() :]
    return (len(rest.split()) if lang == "en" else len(rest)) >= _ITEM_MIN[lang]


def _score_clause(
    s: Sentence,
    c: Clause,
    base: float,
    lead: float,
    lang: Lang,
    title_grams: frozenset[str],
    modal: bool,
    quotes: bool,
    own: frozenset[str],
    aim: bool = False,
    value: bool = False,
    then: bool = False,
) -> Unit | None:
    f = c.folded
    # A field's value ("2031年5月20日下午2:30" under "一、比赛时间") is the event's date, not a bare one.
    if (_NOT_A_UNIT.match(f) and not value) or ("已经" in f and _APPROVED.search(f)):
        return None
    _, marker = outline_level(f)
    body = f[marker:]
    grams = tokens(body, lang) if marker else own
    if not grams:
        return None
    score = base
    low = body if lang == "zh" else body.lower()  # for the caseless English cues (_LOW)
    # "… may prove useful if a local outbreak requires …": a condition's verbs say when, not what to do.
    duty = low if lang == "zh" else cues.main_part(low)
    # An appeal is read with its case (cues.EN_APPEAL); lowercasing keeps the length of almost all text.
    obliged = _obliged(body[: len(duty)], duty, lang)
    acting = bool(_LOW[lang].action.search(duty))
    if lang == "zh" and then and not obliged and not cues.ZH_CONTACT.search(body):
        # (a contact line, "(如有疑问,)联系人:张三", says whom to ask: no consequence)
        acting = True  # "(发现违禁电器,)当场没收": what a rule says is done in that case
    if lang == "zh" and (aim or ZH_PURPOSE.match(body)):
        obliged = acting = False  # "为切实做好…工作,": the aim the directives after it serve, not one of them
    elif lang == "en" and not obliged and c.first and BULLET.match(body) and _EN_HEADLINESE.match(low):
        # "• Clinics to resume their usual hours": a release's bullets state measures in headline
        # grammar, the subject and a bare infinitive; that is its "will".
        obliged = True
    om_may = lang == "en" and not obliged and _EN_MAY_PASS_ON.search(duty) is not None
    if om_may:
        # "The contents of this O.M. may also be brought to the notice of …": an office memorandum's "may"
        # passes an instruction on; it is no hedge.
        obliged = True
    if lang == "en" and not obliged and _EN_BREACH.search(duty):
        # "Violation of this Order is a misdemeanor punishable by fine": what a breach costs binds as a duty.
        obliged = True
    if obliged:
        score += OBLIGED_BONUS
    elif modal:
        score += MODAL_BONUS
        if lang == "en" and _EN_WEAK.search(low) and not _EN_STRONG.search(low):
            score -= 0.6  # "should be carried out", "are encouraged": softer than shall/must/will
        elif lang == "en" and _EN_MANDATORY.search(low):
            score += 0.4  # shall / must / required: the wording of an obligation, not of a forecast
    if lang == "en" and not acting and _dated_event(body[: len(duty)], duty):
        # "The open day will be held on 9 June 2031 from 10:00 in the library": the arrangement a
        # notice announces, with its date, is its measure (not "talks will be held during the breaks").
        acting = True
    if acting:
        score += ACTING_BONUS
    specific = bool(_SPECIFIC.search(body))
    if specific:
        score += SPECIFIC_BONUS
    if c.first:
        score += FIRST_BONUS + lead
    if lang == "en" and _EN_DEPENDENT_LOW.match(low):
        score -= DEPENDENT_COST  # a relative clause or add-on qualifies its head; the head is the directive
    lowering = lang == "en" or _ZH_LOWERING.search(body) is not None  # else the next two cannot match
    if lowering and (cues.BASIS[lang].search(body) or (lang == "zh" and cues.MODAL_BASIS.search(body))):
        score -= BASIS_COST
    if lowering and _LOW[lang].demote.search(low) and not (lang == "en" and _EN_DUTY_LOW.search(low)):
        # "The regulator said landlords must register …" reports a duty in indirect speech: the duty is the news.
        score -= DEMOTE_COST[lang]
    # A slogan lists set phrases: it holds a 、 or a comma before its last character.
    if lang == "zh" and ("、" in body or "," in body[:-1]) and cues.SLOGAN.match(body):
        score -= 1.2
    if lang == "en" and not om_may and _EN_HEDGE.search(low):
        score -= HEDGE_COST  # "they normally get", "may also be helpful": describes, does not direct
    if lang == "en" and (body.startswith("(") or "§" in body):
        score -= 1.0  # a parenthetical or a legal citation ("(Housing Act § 12", "(see section 4.2)")
    if marker and c.first and body.endswith(":") and len(body) <= _LABEL_MAX[lang]:
        score -= 1.0  # "七、国庆节：" labels what follows; the clauses after it say it
    size = len(grams)
    if size < (4 if lang == "zh" else 3):
        score -= 1.0  # a fragment: worth keeping only next to its neighbours
    # GENERIC ends on a two-character noun and a mark at the end: the last five characters hold any match.
    if lang == "zh" and not specific and cues.GENERIC.search(body[-5:]):
        score -= 0.6  # "落实工作责任", "积极采取行动": a set phrase without an object worth pushing
    if title_grams:
        score += TITLE_BONUS * len(grams & title_grams) / size  # on the notice's topic
    cited = sum(len(m) for m in _BOOK.findall(body)) if "《" in body else 0
    if cited > 0.5 * len(body):
        score -= 1.5  # "X下发《…》": names the notice, which the title field already carries
    # A term stated as a predicate ("payment is due on the day you book a pitch") is a directive, though it
    # carries no modal to weigh.
    due = lang == "en" and cues.en_due_term(duty)
    directive = obliged or acting or quotes or due
    return Unit(s, c, score, grams, directive)

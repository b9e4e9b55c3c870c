"""A headline piece's own text: a clause with the verb its time or frame belongs to, the measure an
anaphor points back to, the topic a bare deadline is for (used by headline.py).

Each only joins or narrows clauses of one sentence (or names its subject as the text does), so a piece stays
a substring of the notice once compress.py's dropped words are gone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.summarize import cues
from bot.summarize.compress import compress
from bot.summarize.importance import RUN_IN_MAX
from bot.summarize.lang import Lang
from bot.summarize.prefilter import end_reach
from bot.summarize.rank import ZH_OBLIGATION, Unit, contact_at, is_condition
from bot.summarize.sentences import Clause, Sentence, outline_level

__all__ = [
    "DATE_TEXT",
    "EN_VERB_AFTER",
    "ONLY_THEN",
    "TIME_ONLY",
    "ZH_MERGED_MAX",
    "cases",
    "clause_index",
    "named",
    "paired_condition",
    "query_only",
    "sentence_cases",
    "with_condition",
    "with_topic",
    "with_verb",
]

# A clause that ends on its time ("于每季度末前,", "自2030年7月1日起,") is the adverbial of the next one,
# and a topic or condition ("涉及跨区协作事项,", "对逾期未整改的,", "在不影响教学的前提下,", "通过线上培训等,")
# is what the next one applies to; the two go together when short enough, else neither. 下 and 时 close a
# frame ("在…下", "…时" = when, a duty inside it included: "访客必须进入机房时,"); a clause ending in 中 or
# 等 with its own duty ("各馆须清点桌椅、书架等,", "要把规范落实到全过程中,") is a directive, not a frame.
# The branches that end at the clause's end, and those that open at its start.
_ZH_TIME_END = re.compile(r"(?:前|起|后|以来|期间|之内|以内|的)[,;]?$|(?:(?<![如以])下|时)[,;]?$")
_ZH_TIME_START = re.compile(
    r"^(?:涉及|对于|关于|凡)(?!.*(?:要(?!求)|须|应|不得))"
    r"|^(?!.*(?:要(?!求)|须|应|不得|请|必须|务必)).*(?:(?<!其)中|等)[,;]?$"
)
_ZH_TIME_ONLY = re.compile(f"{_ZH_TIME_END.pattern}|{_ZH_TIME_START.pattern}")
# The longest Chinese piece that joins clauses (a time and its verb, a case and its consequence): longer, a
# piece says too much for a headline.
ZH_MERGED_MAX = 60
TIME_ONLY = cues.any_of(_ZH_TIME_ONLY)  # the same yes/no test, faster
# TIME_ONLY.search tries the end branches at every character of a clause, though a match of theirs starts in
# its last few characters (a word, a mark, and the line break $ may stand before; end_reach works them out from
# the pattern): time_only tests each branch only where it can match.
_TIME_END_REACH = end_reach(_ZH_TIME_END)


def time_only(folded: str) -> bool:
    """TIME_ONLY.search(folded) is not None, each branch tried only where it can match."""
    return (
        _ZH_TIME_END.search(folded, max(0, len(folded) - _TIME_END_REACH)) is not None
        or _ZH_TIME_START.match(folded) is not None
    )


# What is left of a clause that only sets a time to finish by once its dates are gone.
_ZH_BARE = re.compile(r"原则上|最迟|务必|必须|须|应|要|将|于|在|之前|以前|前|底|完成|全部|止|[年月日号]")
# A subject that points back to the measure before it: "该项任务于9月底前完成".
_ZH_ANAPHOR = re.compile(r"^(?:该项|此项|这项|上述|以上|前述|该|此)(?:各项)?(?:工作|任务|措施)")

# "Starting Feb. 9,", "By 5 p.m. on Friday,": a date without its verb opens the clause it dates.
_EN_TIME_ONLY = re.compile(
    r"\s*(?:Starting|Beginning|Effective|From|By|Until|Through|As of|On|After|Before|No later than)\s"
    rf"(?![^,;]*\b{cues.EN_AUX}\b)[^,;]{{1,40}}[,;]?\s*$"
)

_EN_MERGED_MAX = 120

EN_VERB_AFTER: re.Pattern[str] = cues.EN_AUX_WORD

DATE_TEXT = re.compile(
    r"(?<![\d〇零一二三四五六七八九十])[\d〇零一二三四五六七八九十]+\s*[年月日号]|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|[\s,，.:：;；()（）]"
)
# What is left of a date once its days are gone: times of day, spans, the parts of a day.
_TIME_TEXT = re.compile(
    rf"^\s*\d{{1,2}}[、.](?!\d)|\d{{1,2}}[:：]\d{{2}}|[—–~～\-]|[至到](?=\d)|{cues.ZH_DAY_PART}|[,，;；、.]"
)
_DATE_ONLY_MAX = 40
_DIGIT = re.compile(r"\d")


def clause_index(unit: Unit) -> int | None:
    """Where the unit's clause stands in its sentence: the sentence clause that holds its start (the unit's
    clause may be that clause without a leading frame, rank._without_frame, so it starts later)."""
    c = unit.clause
    return next(
        (i for i, x in enumerate(unit.sentence.clauses) if x.start <= c.start < x.start + len(x.text)), None
    )


def with_verb(unit: Unit, lang: Lang) -> str:
    """The clause, and the next one of its sentence when it is only a time ("各分馆于每季度末前,") or a
    topic ("涉及跨区协作事项,") whose verb follows: a deadline or a topic without its action says nothing."""
    c = unit.clause
    if lang == "en":
        return _en_with_verb(unit)
    level, marker = outline_level(c.folded)
    if (level or c.folded.startswith("关于")) and cues.TOPIC.match(c.folded, marker):
        return ""  # a topic label: a numbered line naming a topic, or "关于…问题" anywhere
    if not time_only(c.folded) and not _date_only(c.text):
        return c.text
    clauses = unit.sentence.clauses
    at = clause_index(unit)
    if at is None or at + 1 >= len(clauses):
        return c.text
    nxt = clauses[at + 1]
    if contact_at(clauses, at + 1):
        return c.text  # "超出标准的," then "联系人:": whom to ask is not what the case does
    skipped = False
    # "于每年3月底前，按照上年度考核结果，提出…": the basis between a time and its verb says how, not
    # what; the time goes with the verb, whole clauses dropped between them.
    while cues.BASIS[lang].search(nxt.folded) and at + 2 < len(clauses):
        at += 1
        nxt = clauses[at + 1]
        skipped = True
    s = unit.sentence
    whole = s.text[c.start - s.start : nxt.start - s.start + len(nxt.text)]
    merged = c.text + nxt.text if skipped else whole
    return merged if len(merged) <= ZH_MERGED_MAX else ""


def _date_only(text: str) -> bool:
    """Whether a clause states only a date or a span of times ("3月8日9:00—3月9日16:00,")."""
    return (
        len(text) <= _DATE_ONLY_MAX
        and _DIGIT.search(text) is not None
        and not DATE_TEXT.sub("", _TIME_TEXT.sub("", text))
    )


def _en_with_verb(unit: Unit) -> str:
    """An English clause with the date that opens its sentence as a clause of its own ("Starting Feb. 9,"
    + "traders will be required to …"), as written; the date clause alone is no piece when a verb follows."""
    c = unit.clause
    clauses = unit.sentence.clauses
    at = clause_index(unit)
    if at is None:
        return c.text
    s = unit.sentence

    def joined(date: int) -> str:
        """The date clause at date with the clause after it, when that has a verb and the two are short."""
        if date < 0 or date + 1 >= len(clauses) or not _EN_TIME_ONLY.match(clauses[date].text):
            return ""
        verb = clauses[date + 1]
        if not EN_VERB_AFTER.search(verb.text):
            return ""  # "Effective tonight, and running until the road reopens,": no verb yet
        merged = s.text[clauses[date].start - s.start : verb.start - s.start] + verb.text
        return merged if len(merged) <= _EN_MERGED_MAX else ""

    if joined(at):
        return ""  # the clause after it carries the date
    return joined(at - 1) or c.text


def named(unit: Unit, text: str, sentences: Sequence[Sentence]) -> str:
    """A clause whose subject only points back ("该项工作于4月底前完成") with the measure it points to: the
    heading of its outline item ("摸底排查，于4月底前完成"), the directive's core and its deadline.

    Two stretches of the text joined by a comma, each as written: nothing is invented."""
    m = _ZH_ANAPHOR.match(text)
    if m is None:
        return text
    s = unit.sentence
    for back in range(s.index - 1, max(-1, s.index - 4), -1):
        h = sentences[back]
        if h.para != s.para and not h.heading:
            break
        if h.level > 0 and h.pos == 0 and len(h.text) <= RUN_IN_MAX["zh"]:
            heading = compress(h.text, "zh")
            rest = text[m.end() :]
            return f"{heading}，{rest}" if heading and rest else text
    return text


def with_topic(unit: Unit, text: str) -> str:
    """A clause that is only a time to finish by ("原则上于2031年9月底前完成") with the clause before it, which
    says what is to be finished ("对于需要交接档案的，一般应于…前完成"); when too long, the time alone."""
    if _ZH_BARE.sub("", DATE_TEXT.sub("", text)):
        return text
    merged = _with_previous(unit)
    return merged if merged is not None and len(merged) <= ZH_MERGED_MAX else text


def _with_previous(unit: Unit) -> str | None:
    """The clause before the unit's in its sentence as written, then the unit's clause (without the frame rank
    dropped, "通知要求"), compressed: a deletion. None at the sentence's start."""
    s = unit.sentence
    at = clause_index(unit)
    if not at:
        return None
    prev = s.clauses[at - 1]
    return compress(s.text[prev.start - s.start : s.clauses[at].start - s.start] + unit.clause.text, "zh")


# "方可提前返校", "才能办理": a permission that holds only once the clause before it is met ("经学工部审核同意
# 后,", "材料齐全的,", "读者凭校园卡,", "持…证明,", "经办公室批准,"); alone it drops the condition and says more
# than the notice does.
ONLY_THEN = re.compile(r"^(?:方可|方能|才能|才可|才可以)")
# Where a condition of many steps ("完成培训、签订承诺书并经学院审核备案后,") starts its last one: after its
# last list mark or 并/并且 before the permission.
_LAST_PART = re.compile(r"(?:、|并且|并)(?=[^、,，。;；并]*[,，](?:方可|方能|才能|才可))")


def with_condition(unit: Unit, text: str) -> str:
    """A clause that only permits once a condition is met ("方可提前返校") with the clause before it in its
    sentence, whatever that ends on ("经学工部审核同意后,方可提前返校", "读者凭校园卡,方可进入图书馆"), as
    written. At the sentence's start it stays as it is; when the two are too long for a piece, the condition's last
    step goes with it if that fits, else it is no piece: alone it says more than the notice does."""
    if not ONLY_THEN.match(text):
        return text
    merged = _with_previous(unit)
    if merged is None:
        return text
    if len(merged) <= ZH_MERGED_MAX:
        return merged
    # Too long: the condition's last part ("…、签订承诺书并经学院审核备案后," → "经学院审核备案后,"), the step
    # the permission follows, when that fits; else no piece.
    cut = _LAST_PART.search(merged)
    if cut is not None and len(merged) - cut.end() <= ZH_MERGED_MAX:
        return merged[cut.end() :]
    return ""


def conditions(unit: Unit, at: int | None) -> bool:
    """Whether a Chinese clause is the condition of the permission after it ("持…证明," before "方可进入校园"):
    alone it reads as a duty; the permission's piece carries it (with_condition). at: clause_index(unit)."""
    clauses = unit.sentence.clauses
    return at is not None and at + 1 < len(clauses) and ONLY_THEN.match(clauses[at + 1].folded) is not None


# "如有疑问,", "如需咨询,": whether to ask is the reader's choice; what follows (whom to contact, by when) binds
# no one, and read alone ("请于12月10日前联系财务处") it is a dated duty.
ZH_QUERY = re.compile(
    r"(?:如有|若有)(?:任何)?(?:疑问|疑惑|不明之处|不清楚之处)|如需(?:咨询|了解)[^,。;:]{0,20}"
)
_ZH_CONTACT_VERB = re.compile(r"联系|咨询|联络|致电|垂询")


def _query(clause: Clause) -> bool:
    """Whether a Chinese clause is only the asking-condition "如有疑问," (ZH_QUERY)."""
    # "三、如有疑问，": a notice's last outline item is where this line usually stands
    start = outline_level(clause.folded)[1]
    m = ZH_QUERY.match(clause.folded, start)
    return m is not None and clause.folded[m.end() :] == ","


def cases(clauses: Sequence[Clause]) -> list[int | None]:
    """For each Chinese clause of a sentence, the condition (rank.is_condition: "逾期未报送的,", "有相关工作经验者,",
    "如有疑问,") it is the consequence of, by index, or None: the nearest one before it, up to a semicolon
    ("…的,A;…的,B": a case holds up to it). The one pairing rule of the headline (headline._with_case) and the
    summary (select._conditions); one pass over the sentence.

    A clause with a modal of its own ("…的,要严肃追责") reads alone, unless its case is only whether to ask
    ("如有疑问,请于12月10日前联系财务处": alone, an optional contact reads as a dated duty); 一律 ("without
    exception") is the case's ("超出标准的,一律退回重报"). A contact line ("联系人:张三") is whom to ask, no
    consequence; a condition is a case of its own."""
    out: list[int | None] = []
    last: int | None = None  # the nearest condition so far, up to a semicolon
    for at, c in enumerate(clauses):
        condition = is_condition(c.folded, c.first)
        case = None
        if last is not None and not condition and not contact_at(clauses, at):
            modal = ZH_OBLIGATION.search(c.folded.replace("一律", "")) is not None
            case = last if not modal or _query(clauses[last]) else None
        out.append(case)
        if c.folded.endswith(";"):
            last = None
        elif condition:
            last = at
    return out


def sentence_cases(s: Sentence, memo: dict[int, list[int | None]]) -> list[int | None]:
    """cases(s.clauses), worked out once per sentence (memo, by sentence index)."""
    got = memo.get(s.index)
    if got is None:
        got = memo[s.index] = cases(s.clauses)
    return got


def paired_condition(unit: Unit, at: int | None, memo: dict[int, list[int | None]]) -> bool:
    """Whether a Chinese clause is a condition (rank.is_condition) that a later clause of its sentence is the
    consequence of (cases): alone it reads as a duty ("有相关工作经验者"); the consequence's piece carries it,
    or, when the two are too long, neither is a piece. An asking-condition ("如有疑问,") is none alone either.
    at: clause_index(unit)."""
    clauses = unit.sentence.clauses
    if at is None or not is_condition(clauses[at].folded, clauses[at].first):
        return False
    return _query(clauses[at]) or at in sentence_cases(unit.sentence, memo)


def query_only(clauses: Sequence[Clause], at: int, paired: Sequence[int | None]) -> bool:
    """Whether the Chinese clause at `at` is whom to contact under an asking-condition ("如有疑问,请于12月10日前
    联系财务处"): optional, so its date is no deadline. paired: cases(clauses)."""
    case = paired[at]
    return (
        case is not None and _query(clauses[case]) and _ZH_CONTACT_VERB.search(clauses[at].folded) is not None
    )

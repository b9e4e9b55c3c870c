"""Importance of each clause for a reader: obligation, dates, amounts, outline place, background, body vs annex.

One ranking serves the headline, the budgeted summary and the push's choice of directives; what is shown
keeps document order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from bot.dates import find_dates
from bot.summarize import cues
from bot.summarize.lang import Lang
from bot.summarize.rank import Unit
from bot.summarize.sentences import Sentence, outline_level

__all__ = ["ZH_TIME", "Weighed", "weigh"]

_STRONG = {
    "zh": re.compile(r"必须|不得|严禁|禁止|一律|务必|须|应当|不准|限期|立即|暂停|停止"),
    "en": re.compile(
        r"\b(?:must|shall|required?|requires|prohibited|not (?:be )?allowed|mandatory|banned|ordered|not to|no longer|may not"
        # "It is essential that all staff be available", "it is critical for employers to adhere": a duty
        # stated as a necessity (a strong one: cues.OBLIGATION's twin also takes "important" and "vital",
        # which mark a directive but not a strong one; "mandatory" is matched alone above).
        r"|it is (?:essential|critical|imperative|necessary|compulsory) (?:that|for)"
        # A refusal is a rule too (cues.EN_REFUSAL).
        rf"|{cues.EN_REFUSAL})\b",
        re.I,
    ),
}
# Words next to a date that make it a deadline or a start, the dates readers act on.
_DUE = {
    "zh": re.compile(r"前|截至|截止|之内|以内|起|开始|止|为期"),
    "en": re.compile(
        r"\b(?:by|before|prior to|within|until|no later than|deadline|effective|from|starting"
        # "due" as a term, not as a cause ("the delay is due in part to the storm", cues.EN_DUE_CAUSE).
        rf"|due(?!{cues.EN_DUE_CAUSE})"
        # "The last day to take out papers is Thursday, Feb. 7": the day named as the last one to act.
        r"|last (?:day|date)|closing date"
        # "The rule takes effect on December 10": the day a rule starts binding.
        rf"|{cues.EN_IN_FORCE})\b",
        re.I,
    ),
}
_AMOUNT = re.compile(
    r"(?<!\d)(?<!\d[,.])\d[\d,.]*\s*(?:%|％|元|万|亿|人|个|项|家|天|日|小时|days?|hours?|percent)|[$€£¥]\s?\d|“[^”]{1,20}”"
)
# Times that date a rule without a calendar date: "after 10.30pm today", "at 6:00 a.m.", "from tomorrow".
_EN_WHEN = re.compile(
    r"\b\d{1,2}[:.]\d{2}\s*(?:a\.?m\.?|p\.?m\.?)|\b(?:today|tonight|tomorrow|midnight)\b", re.IGNORECASE
)
# Who is bound: all of a class, every level or department ("各地区各部门", "all employers", "applies to").
_SCOPE = {
    "zh": re.compile(r"各地区|各部门|各级|各地|各有关|所有|全部|全体|一律|凡"),
    "en": re.compile(r"\bappl(?:y|ies) to\b|\ball (?!of\b)\w+|\bevery\b|\beach\b", re.IGNORECASE),
}
SCOPE_BONUS = 0.4
# Run-in headings that name a topic ("（三）资金来源。"), not a measure ("（二）强化督导检查。").
_LABEL = re.compile(
    r"(?:形式|范围|标准|原则|目标|思路|依据|目的|意义|背景|情况|内容|对象|条件|程序|概况|说明|总体要求|"
    r"主要任务|工作任务|工作措施|职责分工|问题)$"
)
# A numbered line that only names a topic (cues.TOPIC): a reply letter's or a report's section label.
_TOPIC_COST = 1.0
_EN_DEADLINE_WORD = re.compile(
    r"\b(?:by|before|prior to) the (?:\w+ )?(?:deadline|closing date|due date)\b", re.I
)
# A run-in heading of a numbered outline ("（二）强化督导检查。…"): the author's own short form of a directive.
RUN_IN_MAX = {"zh": 30, "en": 80}
# An annex (after the sign-off) details what the body directs; it leads only when the body is a cover letter.
_ANNEX_PENALTY = 2.0
_COVER_PENALTY = 0.3


_EN_WHEN_LOW = cues.caseless(_EN_WHEN)
# A Chinese time of day that dates a duty without a calendar date ("并在10:30前报送", "下午五点前报名", "12时
# 前"): a weekly or same-day term, as English "by 5 p.m." is; a term only when a deadline word follows (not
# "会议于10:30开始", "10:30前后", "3点前期准备", a score or a ratio "21:19").
ZH_TIME = re.compile(rf"(?<![\d.:]){cues.ZH_CLOCK}(?=之前|以前|前(?![后期])|止|截止)")
# Advice and invitation (encouraged, urged, advised, invited, recommended) weigh less than a duty or a plan
# (must, will). Bare should/may/can are not in it: they also word duties ("should submit by").
_EN_WEAK = re.compile(r"\b(?:encouraged?|urged?|advised|invited|recommended)\b")
_EN_FIRM = re.compile(
    r"\b(?:must|shall|required?|requires|will|prohibit\w*|ban\w*|mandatory|not to|no longer|may not|cannot)\b"
)
_EN_WEAK_COST = 0.5
_BACKGROUND_COST = 1.0
DATED_BONUS = 1.0
DUE_BONUS = 0.5
STRONG_BONUS = {"zh": 0.6, "en": 1.2}
DEADLINE_WORD_BONUS = 0.5
AMOUNT_BONUS = 0.4
TIME_LIMIT_BONUS = 1.0
EFFECT_BONUS = 0.8
SANCTION_BONUS = 0.5
COVER_BONUS = 1.0
RUN_IN_BONUS = 1.0
UNDIRECTED_COST = 0.6


class _Cues(NamedTuple):
    """The cue patterns _weight uses, for one language's text as _weight matches it."""

    due: re.Pattern[str]
    strong: re.Pattern[str]
    deadline_word: re.Pattern[str]
    scope: re.Pattern[str]
    time_limit: re.Pattern[str]
    effect: re.Pattern[str]
    sanction: re.Pattern[str]
    rare: re.Pattern[str]  # any of the cues below that most clauses lack (cues.any_of)


def _cues(lang: Lang, case: Callable[[re.Pattern[str]], re.Pattern[str]]) -> _Cues:
    time_limit, effect, sanction = (case(p) for p in (cues.TIME_LIMIT, cues.EFFECT, cues.SANCTION))
    # Chinese clauses are also tested for a cover letter's instruction.
    extra = (cues.COVER,) if lang == "zh" else ()
    # Each only ever tested yes/no: cues.any_of gives the same test as a scan for where a match can start.
    yes_no = cues.any_of
    return _Cues(
        yes_no(case(_DUE[lang])),
        yes_no(case(_STRONG[lang])),
        yes_no(case(_EN_DEADLINE_WORD)),
        yes_no(case(_SCOPE[lang])),
        yes_no(time_limit),
        yes_no(effect),
        yes_no(sanction),
        cues.any_of(time_limit, effect, sanction, *extra),
    )


_ZH_BONUS = cues.any_of(_STRONG["zh"], _AMOUNT, _SCOPE["zh"])
_HAS_AMOUNT = cues.any_of(_AMOUNT)  # the same yes/no test, faster
# Chinese text as it is; English lowercased, against patterns made for it (three times faster).
_CUES = {"zh": _cues("zh", lambda p: p), "en": _cues("en", cues.caseless)}


# init=False and an __init__ of its own, which mypyc compiles (the dataclass's own runs as Python); not
# frozen, since a frozen class's __init__ must set its fields through object.__setattr__. Nothing sets them.
@dataclass(slots=True, init=False)
class Weighed:
    """A clause with its importance and whether it holds a date."""

    unit: Unit
    weight: float
    dated: bool

    def __init__(self, unit: Unit, weight: float, dated: bool) -> None:
        self.unit = unit
        self.weight = weight
        self.dated = dated


def _run_in(s: Sentence, lang: Lang) -> bool:
    """A short numbered sentence that opens its paragraph, names a measure, and is followed by its body."""
    if not (s.level > 0 and s.pos == 0 and not s.heading and len(s.text) <= RUN_IN_MAX[lang]):
        return False
    return not (lang == "zh" and _LABEL.search(s.folded.rstrip("。.")))


def _dated(folded: str, lang: Lang) -> bool:
    if find_dates(folded, 2000):
        return True
    if lang == "zh":
        return ZH_TIME.search(folded) is not None
    return bool(_EN_WHEN_LOW.search(folded.lower()))


def _weight(unit: Unit, lang: Lang, dated: bool) -> float:
    body = unit.clause.folded
    low = body if lang == "zh" else body.lower()  # English cues match lowercased text (cues.caseless)
    cue = _CUES[lang]
    weight = unit.score
    if dated:
        # "Although Oct. 15 is the last day for most people to file, …" concedes the date: background.
        due = bool(cue.due.search(low)) and not (lang == "en" and cues.EN_CONCESSION.match(body))
        if unit.directive or due:
            weight += DATED_BONUS + (DUE_BONUS if due else 0.0)
    # Chinese text is matched as it is (low is body): one scan says whether any of the next three can match.
    bonus = lang == "en" or _ZH_BONUS.search(body) is not None
    rare = cue.rare.search(low) is not None  # else none of the four tests below can match
    sanction = rare and cue.sanction.search(low) is not None
    if (sanction and lang == "zh") or (
        bonus and cue.strong.search(low if lang == "zh" else cues.main_part(low))
    ):
        # What a breach costs ("对…的,要严肃追责问责") is as strong as a prohibition. (An English sanction
        # is a duty already: rank._EN_BREACH.)
        # English states duty with few words (must, required): the modal is nearly all the signal there is.
        weight += STRONG_BONUS[lang]
    elif lang == "en" and cue.deadline_word.search(low):
        # "by the deadline", "before the due date": a due date named, not written out
        weight += DEADLINE_WORD_BONUS
    if lang == "en" and _EN_WEAK.search(low) and not _EN_FIRM.search(low):
        weight -= _EN_WEAK_COST  # "are encouraged to", "is advised to": advice, not a duty
    if bonus and _HAS_AMOUNT.search(body):
        weight += AMOUNT_BONUS
    if bonus and cue.scope.search(low):
        weight += SCOPE_BONUS  # who is bound: "各地区各部门", "所有企业", "applies to all workers"
    # When it applies, what is at stake and how soon: directives even without a modal verb.
    settles = False
    if rare and cue.time_limit.search(low):
        weight += TIME_LIMIT_BONUS  # "2小时内向县应急局报告": a deadline counted from an event
        settles = True
    if rare and cue.effect.search(low):
        weight += EFFECT_BONUS
        settles = True
    if sanction:
        weight += SANCTION_BONUS
        settles = True
    if rare and lang == "zh" and cues.COVER.search(body):
        weight += COVER_BONUS
    if _run_in(unit.sentence, lang):
        weight += RUN_IN_BONUS
    elif (
        lang == "zh"
        and unit.sentence.level > 0
        and unit.clause.first
        and cues.TOPIC.match(body, outline_level(body)[1])
    ):
        weight -= _TOPIC_COST
    if lang == "zh" and cues.informs(body) and not (dated and cue.due.search(body)):
        weight -= _BACKGROUND_COST  # what has been done or counted: background a reader can skip
    if not (unit.directive or settles):
        weight -= UNDIRECTED_COST
    return weight


def weigh(
    units: Sequence[Unit], sentences: Sequence[Sentence], lang: Lang, annex_from: int | None
) -> list[Weighed]:
    """Every unit with its importance, in the units' order.

    annex_from: index of the first sentence after the sign-off block (bot.summarize.signoff), if any.
    """
    penalty = 0.0
    if annex_from is not None:
        cover = any(cues.COVER.search(s.folded) for s in sentences[:annex_from])
        penalty = _COVER_PENALTY if cover else _ANNEX_PENALTY
    out: list[Weighed] = []
    when = -1  # the sentence whose clause before stated only when ("各单位于每季度末前,")
    for unit in units:
        dated = _dated(unit.clause.folded, lang)
        weight = _weight(unit, lang, dated)
        if when == unit.sentence.index and unit.directive and not dated:
            # "…于每季度末前,汇总核实清单,报送市政府办公室": the date is the term of the duties after it.
            weight += DATED_BONUS + DUE_BONUS
        if lang == "zh" and dated and not unit.directive and cues.ZH_WHEN_ONLY.fullmatch(unit.clause.folded):
            when = unit.sentence.index
        if annex_from is not None and unit.sentence.index >= annex_from:
            weight -= penalty
        out.append(Weighed(unit, weight, dated))
    return out

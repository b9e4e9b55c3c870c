"""Sanctions: an English order's "Violation of this Order is a misdemeanor punishable by fine" binds like a duty
(rank._EN_BREACH), while a report of violations without a sanction, or a penalty with no breach named, gains
nothing; a Chinese accountability clause ("要对直接责任人严肃追责问责") weighs like a prohibition (importance)."""

from __future__ import annotations

from bot.summarize.importance import SANCTION_BONUS, STRONG_BONUS, weigh
from bot.summarize.rank import OBLIGED_BONUS, score_units
from bot.summarize.sentences import split

ORDER = (
    "This Order takes effect at 12:01 a.m. on May 4, 2031 and stays in effect until June 1, 2031.\n\n"
    "All residents of the county are required to stay at home except for essential activities, and all "
    "non-essential businesses must close their premises to the public.\n\n"
    "The county has seen a sharp rise in cases over the past two weeks, and hospitals report that their "
    "intensive care units are close to capacity, according to figures published by the health department.\n\n"
    "Violation of or failure to comply with this Order is a misdemeanor punishable by fine, imprisonment, "
    "or both.\n\n"
    "The Health Officer will review the Order every two weeks and may extend it if the situation requires.\n"
)


def _unit(text: str, start: str) -> tuple[float, bool]:
    units = score_units(split(text, "en"), "en", "")
    unit = next(u for u in units if u.clause.text.startswith(start))
    return unit.score, unit.directive


def test_a_sanction_for_breaching_the_order_is_a_directive() -> None:
    score, directive = _unit(ORDER, "Violation of")
    assert directive
    # The same sentence told as a report, with no sanction named, is no duty.
    plain, plain_directive = _unit(
        ORDER.replace("is a misdemeanor punishable by fine, imprisonment, or both", "was rare last year"),
        "Violation of",
    )
    assert not plain_directive
    assert score >= plain + OBLIGED_BONUS - 1e-9


def test_a_penalty_without_a_breach_is_not_this_rule() -> None:
    text = "The council collected penalty fees worth $2 million last year.\n"
    _, directive = _unit(text, "The council")
    assert not directive


# A Chinese notice's accountability clause: what a breach costs, as strong as a prohibition.
ZH_NOTICE = "各单位要于6月1日前完成自查。\n对工作不力、造成重大损失的，要对直接责任人严肃追责问责。\n各单位要做好宣传工作。\n"


def _zh_weight(text: str, start: str) -> float:
    sentences = split(text, "zh")
    weighed = weigh(score_units(sentences, "zh", ""), sentences, "zh", None)
    return next(w.weight for w in weighed if w.unit.clause.text.startswith(start))


def test_a_chinese_sanction_weighs_like_a_prohibition() -> None:
    sanction = _zh_weight(ZH_NOTICE, "要对直接责任人")
    plain = _zh_weight(ZH_NOTICE.replace("严肃追责问责", "做好说明解释"), "要对直接责任人")
    assert sanction - plain >= STRONG_BONUS["zh"] + SANCTION_BONUS - 1e-9
    # ... and a clause that is strong already does not count twice.
    strong = _zh_weight(
        ZH_NOTICE.replace("要对直接责任人严肃追责问责", "必须对直接责任人严肃追责问责"), "必须对直接责任人"
    )
    strong_plain = _zh_weight(
        ZH_NOTICE.replace("要对直接责任人严肃追责问责", "必须对直接责任人做好说明解释"), "必须对直接责任人"
    )
    assert abs((strong - strong_plain) - SANCTION_BONUS) < 0.25


def test_an_english_sanction_gains_no_strong_bonus_on_top_of_its_duty() -> None:
    sentences = split(ORDER, "en")
    weighed = weigh(score_units(sentences, "en", ""), sentences, "en", None)
    breach = next(w for w in weighed if w.unit.clause.text.startswith("Violation of"))
    assert breach.weight - breach.unit.score <= SANCTION_BONUS + 1e-9


def test_past_enforcement_is_a_report_not_a_duty() -> None:
    text = (
        "Restaurants must display their hygiene rating at the front door from March 1, 2031.\n\n"
        "Inspectors found 37 violations at food outlets and proposed penalties totalling $250,000 last year.\n"
    )
    report_score, report_directive = _unit(text, "Inspectors found")
    duty_score, _ = _unit(text, "Restaurants must")
    assert not report_directive
    assert report_score < duty_score


def test_a_future_sanction_binds() -> None:
    text = (
        "The county has seen a sharp rise in complaints about noise at night from building sites.\n\n"
        "Failure to comply with the permit conditions will result in a fine of up to $500 per day.\n"
    )
    _, directive = _unit(text, "Failure to comply")
    assert directive


def test_a_long_line_of_breach_words_is_linear() -> None:
    # Unbounded, the gap between the breach and its sanction made this one line cost seconds per
    # thousand words; a generous bound for a loaded machine, far below the quadratic time.
    import time

    from bot.summarize.rank import _EN_BREACH

    line = "violation " * 12_000
    start = time.process_time()
    assert _EN_BREACH.search(line) is None
    assert time.process_time() - start < 5.0

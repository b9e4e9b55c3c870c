"""An English order's sanction clause ("Violation of this Order is a misdemeanor punishable by fine") states
what a breach costs: it binds like a duty (rank._EN_BREACH), while a report of violations without a sanction,
or a sanction with no breach named, gains nothing from the rule."""

from __future__ import annotations

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

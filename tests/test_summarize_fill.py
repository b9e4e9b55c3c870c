"""The room left after the clauses worth reading goes first to the clauses that follow one already chosen
in its sentence (its subject and modal go on), then to the rest in rank order."""

from __future__ import annotations

from bot.summarize.select import _cost
from tests.scored_units import scored_units, summary_of

# Made-up notices: a duty with two clauses after it under the same modal, and an unrelated weaker sentence.
ZH = "各街道要排查独居老人住房，登记联系电话，发放防寒物资。社区医院开放夜间门诊。\n"
EN = "Residents must clear the snow from their driveways, salt the footpath, and report fallen trees. Buses run late.\n"


def test_the_room_left_goes_to_the_clause_after_a_chosen_one() -> None:
    # Only the first clause is worth reading; the other sentence's clause outranks the sibling, and there is
    # room for one of the two.
    units = scored_units(ZH, "zh", [3.0, 0.0, -0.5, 0.3])
    duty, sibling, _, other = units
    assert other.clause.text == "社区医院开放夜间门诊。"
    budget = _cost(duty, "zh") + _cost(other, "zh")
    assert _cost(sibling, "zh") + _cost(other, "zh") > _cost(other, "zh") + 3
    shown = summary_of(units, budget, "zh")
    assert shown == "各街道要排查独居老人住房，登记联系电话。"


def test_a_clause_before_the_chosen_one_has_no_such_claim() -> None:
    # The chosen clause is the last one: what comes before it (a cause, a frame) is filled in rank order.
    units = scored_units(ZH, "zh", [0.0, -0.5, 3.0, 0.3])
    budget = _cost(units[2], "zh") + _cost(units[3], "zh")
    shown = summary_of(units, budget, "zh")
    assert "社区医院开放夜间门诊" in shown and "登记联系电话" not in shown


def test_english_clauses_follow_the_same_order() -> None:
    units = scored_units(EN, "en", [3.0, 0.0, 0.3])
    duty, sibling, other = units
    assert other.clause.text == "Buses run late."
    budget = _cost(duty, "en") + max(_cost(sibling, "en"), _cost(other, "en")) + 1
    shown = summary_of(units, budget, "en")
    assert "report fallen trees" in shown and "Buses" not in shown

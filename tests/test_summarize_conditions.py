"""Conditions and terms inside a Chinese sentence: a condition (…的,) enters only with what holds in its
case, and a clause that says only who and by when lends its term to the duties after it."""

from __future__ import annotations

import pytest

from bot.summarize.importance import DATED_BONUS, DUE_BONUS, weigh
from bot.summarize.rank import BASIS_COST, score_units
from bot.summarize.select import FILL_SCORE, ZH_DUTY_FILL, _cost
from bot.summarize.sentences import split
from tests.scored_units import scored_units, summary_of

# Made-up notices of the two shapes.
CONDITION = "各单位要按时报送台账；逾期未报送的，由主管部门约谈负责人。\n各单位要指定一名联络员。\n"
CONDITION_SEMI = "申请人符合条件的；可以申请补贴。\n各街道要公布办理地点。\n"
TERM = "各区教育局于每年3月底前，组织学校开展自查，报送市教育局。\n"
TERM_WITH_VERB = "各区教育局须于每年3月底前组织学校开展自查，报送市教育局。\n"


def test_a_condition_without_its_consequence_stays_out() -> None:
    # The condition scores highest, its consequence is below what ever enters (a duty's last fill,
    # select.ZH_DUTY_FILL, included): the condition alone would be "逾期未报送的。", which says nothing.
    units = scored_units(CONDITION, "zh", [1.0, 3.0, -1.5, 1.0])
    assert units[2].score < ZH_DUTY_FILL
    condition = units[1]
    assert condition.clause.text == "逾期未报送的，"
    budget = sum(_cost(u, "zh") for u in units) + 5
    shown = summary_of(units, budget, "zh")
    assert "逾期未报送的" not in shown
    assert "各单位要按时报送台账" in shown and "联络员" in shown


def test_a_consequence_below_the_fill_enters_with_its_condition_or_not_at_all() -> None:
    # The consequence scores below the fill but above a duty's last fill (select.ZH_DUTY_FILL): room being
    # left, it takes it, and the pair enters together; the condition never enters alone.
    units = scored_units(CONDITION, "zh", [1.0, 3.0, -1.0, 1.0])
    assert FILL_SCORE > units[2].score >= ZH_DUTY_FILL
    budget = sum(_cost(u, "zh") for u in units) + 5
    shown = summary_of(units, budget, "zh")
    assert "逾期未报送的，由主管部门约谈负责人。" in shown
    assert "各单位要按时报送台账" in shown and "联络员" in shown


def test_a_condition_enters_with_its_consequence() -> None:
    units = scored_units(CONDITION, "zh", [1.0, 3.0, 2.0, 1.0])
    budget = sum(_cost(u, "zh") for u in units) + 5
    assert "逾期未报送的，由主管部门约谈负责人。" in summary_of(units, budget, "zh")


def test_a_condition_before_a_semicolon_frames_too() -> None:
    units = scored_units(CONDITION_SEMI, "zh", [3.0, -1.0, 1.0])
    assert units[0].clause.text == "申请人符合条件的；"
    shown = summary_of(units, sum(_cost(u, "zh") for u in units) + 5, "zh")
    assert shown == "各街道要公布办理地点。"


def _weights(text: str, drop_first: bool = False) -> dict[str, float]:
    sentences = split(text, "zh")
    units = score_units(sentences, "zh", "")
    if drop_first:
        units = units[1:]
    return {w.unit.clause.text: w.weight for w in weigh(units, sentences, "zh", None)}


def test_duties_after_a_who_and_when_clause_take_its_term() -> None:
    with_term = _weights(TERM)
    without = _weights(TERM, drop_first=True)  # the same duties, no clause stating their term before them
    assert "各区教育局于每年3月底前，" in with_term
    for duty in ("组织学校开展自查，", "报送市教育局。"):
        assert with_term[duty] - without[duty] == DATED_BONUS + DUE_BONUS


def test_a_dated_duty_keeps_its_term_to_itself() -> None:
    # The term is part of a clause with its own verb (须…组织): the clause after it gains nothing from it.
    with_term = _weights(TERM_WITH_VERB)
    without = _weights(TERM_WITH_VERB, drop_first=True)
    assert with_term["报送市教育局。"] == without["报送市教育局。"]


# A made-up report whose purpose opener goes on with an aim before the sentence's main clause.
PURPOSE = "为做好春季开学各项工作，确保师生安全返校，市教育局印发通知。各学校要在开学前完成校舍安全检查。\n"
AIM_ALONE = "确保师生安全返校，市教育局印发通知。\n"


def test_an_aim_that_continues_a_purpose_is_no_duty() -> None:
    units = {u.clause.text: u for u in score_units(split(PURPOSE, "zh"), "zh", "")}
    aim = units["确保师生安全返校，"]
    assert not aim.directive
    # The same clause opening its sentence, with no purpose before it, is a duty (确保).
    alone = {u.clause.text: u for u in score_units(split(AIM_ALONE, "zh"), "zh", "")}
    assert alone["确保师生安全返校，"].directive
    assert aim.score < alone["确保师生安全返校，"].score
    # The duty after the report is untouched.
    assert units["各学校要在开学前完成校舍安全检查。"].directive


def test_a_modal_before_what_a_measure_aims_at_is_a_basis() -> None:
    # "要针对…问题," says what the measures after it address, as "要按照…," says what they follow.
    from bot.summarize import cues

    for clause in ("要针对检查中发现的薄弱环节，", "要对照年初确定的目标，", "要按照统一部署，"):
        assert cues.MODAL_BASIS.search(clause), clause
    assert not cues.MODAL_BASIS.search("要对辖区内学校开展检查，")

    def score(verb: str) -> float:
        text = f"各县要{verb}检查中发现的薄弱环节，逐项制定整改方案。\n"
        return next(u.score for u in score_units(split(text, "zh"), "zh", "") if u.clause.first)

    # The same clause with a verb that is neither a basis nor a measure (梳理): only the basis cost differs.
    assert score("梳理") - score("针对") == pytest.approx(BASIS_COST)

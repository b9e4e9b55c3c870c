"""Budget-recall rules of the summariser (issue #9 item 2), each pinned on a small hand-written example."""

from __future__ import annotations

from bot.summarize import summarize
from bot.summarize.importance import weigh
from bot.summarize.lang import Lang
from bot.summarize.rank import Unit, score_units
from bot.summarize.select import select
from bot.summarize.sentences import split


def _scored(text: str, lang: Lang) -> list[Unit]:
    sentences = split(text, lang)
    weighed = weigh(score_units(sentences, lang, ""), sentences, lang, None)
    return [Unit(w.unit.sentence, w.unit.clause, w.weight, w.unit.grams, w.unit.directive) for w in weighed]


def _unit(units: list[Unit], words: str) -> Unit:
    return next(u for u in units if words in u.clause.text)


def test_bulleted_lines_are_list_items_not_headings() -> None:
    text = (
        "The Education Secretary announced:\n"
        "• Limits on attendance to be lifted\n"
        "• Share\n"
        "Schools reopen in September.\n"
    )
    units = _scored(text, "en")
    item = _unit(units, "Limits on attendance")
    assert item.directive  # what "announced:" introduces
    assert not any("Share" in u.clause.text for u in units)  # a one-word menu entry stays a label
    s = summarize("Guidance for schools", text, budget=200)
    assert "Limits on attendance to be lifted." in s.summary
    assert "•" not in s.summary  # the bullet goes like an outline number


def test_a_condition_does_not_make_a_duty() -> None:
    text = (
        "Risk assessments may also prove useful if a local outbreak requires a setting to close.\n"
        "Employers must report outbreaks if they have staff on site.\n"
    )
    units = _scored(text, "en")
    conditional = _unit(units, "Risk assessments")
    duty = _unit(units, "Employers must")
    assert not conditional.directive  # "requires" sits in the condition
    assert duty.directive  # "must" comes before the condition
    assert duty.score > conditional.score


def test_leading_frames_are_left_out_of_the_summary() -> None:
    text = (
        "Date 2020-02-08 All work pass holders will need approval before they return to Singapore.\n"
        "In a statement yesterday, MOM said employers should inform their employees not to travel.\n"
        "In doing so, employers are required to declare suitable housing for the leave of absence.\n"
    )
    s = summarize("Work pass holders need approval", text, budget=400)
    assert s.summary.startswith("All work pass holders will need approval")
    assert "Employers should inform their employees not to travel." in s.summary
    assert "Employers are required to declare" in s.summary
    for frame in ("Date 2020", "MOM said", "In doing so"):
        assert frame not in s.summary
    # Only a frame goes: "states" as a noun and a verb the clause needs stay.
    kept = "Individual states must submit their plans to the department by May 1.\n"
    assert summarize("Plans due", kept, budget=200).summary == kept.strip()
    assert summarize("关于方案的通知", "方案明确了各部门的职责分工。\n", budget=150).summary.startswith(
        "方案明确了"
    )
    zh = "通知要求各地交通运输主管部门要加强对创建县的指导。\n"
    assert (
        summarize("关于创建工作的通知", zh, budget=150).summary
        == "各地交通运输主管部门要加强对创建县的指导。"
    )


def test_a_purpose_clause_is_not_a_directive() -> None:
    units = _scored(
        "为切实做好2015年元旦春节期间各项工作,各地要开展走访慰问活动。\n为困难企业切实做好服务。\n", "zh"
    )
    purpose = _unit(units, "为切实做好")
    assert not purpose.directive  # 切实/做好 grade the aim, not a measure
    assert _unit(units, "各地要开展").directive
    assert _unit(units, "为困难企业").directive  # ends the sentence: a measure "for" someone


def test_room_left_is_filled_best_first_not_from_the_top() -> None:
    text = "今年汛期形势较为复杂。\n各地要在6月1日前完成水库安全检查。\n检查情况报市防汛办。\n"
    units = _scored(text, "zh")
    background, directive, report = units
    # Both weak clauses are below the first pass's floor; the later one is the better of them.
    background.score, directive.score, report.score = -0.2, 3.0, 0.3
    groups = select(units, 32, "zh")  # room for the directive and one of the two
    chosen = "".join(u.clause.text for g in groups for u in g)
    assert chosen == "各地要在6月1日前完成水库安全检查。检查情况报市防汛办。"


def test_a_reason_opener_and_a_trailing_web_address_are_left_out() -> None:
    text = (
        "However, since the holidays came early, the ministry has instructed all principals to certify "
        "applications.\n"
        "Employers must apply for permission three days before arrival, in the following online form: "
        "www.form.example.sg/ #!/5e3cbabee41f\n"
    )
    s = summarize("Principals to certify applications", text, budget=400)
    # The ministry's instruction frame goes too: who is bound and to what is the directive.
    assert "All principals to certify applications." in s.summary
    assert "Employers must apply for permission three days before arrival." in s.summary
    for gone in ("since the holidays", "online form", "www."):
        assert gone not in s.summary
    # A link that is most of the clause stays: cutting it would leave nothing to read.
    assert "www.example.org" in summarize("Apply", "Apply at www.example.org today.\n", budget=200).summary


def test_the_head_after_a_when_frame_weighs_like_a_first_clause() -> None:
    framed = _scored("节假日期间,各部门要安排好值班工作。\n", "zh")
    plain = _scored("各部门要安排好值班工作。\n", "zh")
    assert _unit(framed, "各部门要").score >= _unit(plain, "各部门要").score

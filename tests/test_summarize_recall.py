"""Budget-recall rules of the summariser (issue #9 item 2), each pinned on a small hand-written example."""

from __future__ import annotations

from bot.summarize import summarize
from bot.summarize.select import select
from tests.scoring import scored, unit


def test_bulleted_lines_are_list_items_not_headings() -> None:
    text = (
        "The harbour master announced:\n"
        "• Night fishing in the bay to be suspended\n"
        "• Print\n"
        "Ferries keep their timetable.\n"
    )
    units = scored(text, "en")
    item = unit(units, "Night fishing")
    assert item.directive  # what "announced:" introduces
    assert not any("Print" in u.clause.text for u in units)  # a one-word menu entry stays a label
    s = summarize("Harbour notice", text, budget=200)
    assert "Night fishing in the bay to be suspended." in s.summary
    assert "•" not in s.summary  # the bullet goes like an outline number
    # Another bullet sign, another list: the same reading.
    listed = "Tenants were told:\n▪ Bins go out on Tuesday evenings only\n▪ Menu\nThe office is open daily.\n"
    bins = unit(scored(listed, "en"), "Bins go out")
    assert bins.directive
    assert not any("Menu" in u.clause.text for u in scored(listed, "en"))
    assert "▪" not in summarize("Tenant notice", listed, budget=200).summary


def test_a_condition_does_not_make_a_duty() -> None:
    text = (
        "Spare generators may also come in handy if a storm requires the plant to shut down.\n"
        "Operators must log every outage if they run a night shift.\n"
    )
    units = scored(text, "en")
    conditional = unit(units, "Spare generators")
    duty = unit(units, "Operators must")
    assert not conditional.directive  # "requires" sits in the condition
    assert duty.directive  # "must" comes before the condition
    assert duty.score > conditional.score


def test_leading_frames_are_left_out_of_the_summary() -> None:
    text = (
        "Date 2027-09-14 All trawler crews will need a permit before they leave the harbour.\n"
        "In a statement yesterday, the harbour authority said owners should warn their skippers about the fog.\n"
        "In doing so, owners are required to file a crew list for every trip.\n"
    )
    s = summarize("Trawler crews need a permit", text, budget=400)
    assert s.summary.startswith("All trawler crews will need a permit")
    assert "Owners should warn their skippers about the fog." in s.summary
    assert "Owners are required to file a crew list" in s.summary
    for frame in ("Date 2027", "authority said", "In doing so"):
        assert frame not in s.summary
    # Only a frame goes: "states" as a noun and a verb the clause needs stay.
    kept = "Individual states must submit their plans to the department by May 1.\n"
    assert summarize("Plans due", kept, budget=200).summary == kept.strip()
    assert summarize("关于方案的通知", "方案明确了各部门的职责分工。\n", budget=150).summary.startswith(
        "方案明确了"
    )
    zh = "通知要求各景区管理单位要加强对游客集散点的安全巡查。\n"
    assert (
        summarize("关于景区安全的通知", zh, budget=150).summary
        == "各景区管理单位要加强对游客集散点的安全巡查。"
    )


def test_a_purpose_clause_is_not_a_directive() -> None:
    units = scored(
        "为切实做好秋季学期校车安全工作,各学校要逐车检查制动系统。\n为留守儿童切实做好接送服务。\n",
        "zh",
    )
    purpose = unit(units, "为切实做好")
    assert not purpose.directive  # 切实/做好 grade the aim, not a measure
    assert unit(units, "各学校要").directive
    assert unit(units, "为留守儿童").directive  # ends the sentence: a measure "for" someone
    # A purpose built another way (进一步 … 做好, no year): still the aim, not the measure.
    other = scored("为进一步做好冬季供暖保障,各供热企业要在11月1日前完成管网试压。\n", "zh")
    assert not unit(other, "为进一步做好").directive
    assert unit(other, "各供热企业要").directive


def test_room_left_is_filled_best_first_not_from_the_top() -> None:
    text = "今年汛期形势较为复杂。\n各地要在6月1日前完成水库安全检查。\n检查情况报市防汛办。\n"
    units = scored(text, "zh")
    background, directive, report = units
    # Both weak clauses are below the first pass's floor; the later one is the better of them.
    background.score, directive.score, report.score = -0.2, 3.0, 0.3
    groups = select(units, 32, "zh")  # room for the directive and one of the two
    chosen = "".join(u.clause.text for g in groups for u in g)
    assert chosen == "各地要在6月1日前完成水库安全检查。检查情况报市防汛办。"


def test_a_reason_opener_and_a_trailing_web_address_are_left_out() -> None:
    text = (
        "However, since the rains came early, the water board has instructed all farmers to register "
        "their wells.\n"
        "Exhibitors must book a stand two weeks before the fair, through the booking page: "
        "www.fair.example.org/ #!/9a1b2c3d4e5f\n"
    )
    s = summarize("Farmers to register wells", text, budget=400)
    # The board's instruction frame goes too: who is bound and to what is the directive.
    assert "All farmers to register their wells." in s.summary
    assert "Exhibitors must book a stand two weeks before the fair." in s.summary
    for gone in ("since the rains", "booking page", "www."):
        assert gone not in s.summary
    # A link that is most of the clause stays: cutting it would leave nothing to read.
    assert "www.example.org" in summarize("Apply", "Apply at www.example.org today.\n", budget=200).summary


def test_the_head_after_a_when_frame_weighs_like_a_first_clause() -> None:
    framed = scored("节假日期间,各部门要安排好值班工作。\n", "zh")
    plain = scored("各部门要安排好值班工作。\n", "zh")
    assert unit(framed, "各部门要").score >= unit(plain, "各部门要").score

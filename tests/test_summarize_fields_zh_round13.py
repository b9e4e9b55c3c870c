"""Chinese fields, round 13: a field line without an outline marker that names the notice's own logistics
("集合地点：东门广场", an event word before 时间/日期/地点/…) and a field value with a clock time ("二、报名时间：
5月6日8:30-11:30") are content (rank._field_values), shown with their label (rank._fused), at most two of them in
a headline (headline._few_fields); a short label that opens a sentence and ends on a colon ("请注意：", "温馨提示：")
only frames the clauses after it (select._frames). Hand-written texts only."""

from __future__ import annotations

import time

import pytest

from bot.summarize import summarize
from bot.summarize.cues import ZH_LEAD_LABEL
from bot.summarize.lang import fold
from bot.summarize.rank import _ZH_FIELD
from bot.summarize.select import _frames
from tests.headline_checks import assert_kept_zh
from tests.scoring import zh_units

TITLE = "关于举办秋季新生篮球赛的通知"
TEXT = (
    "各学院：\n"
    "为丰富新生课余生活，体育部定于十月举办新生篮球赛。\n"
    "一、比赛时间：2031年10月12日8:30-17:00\n"
    "集合地点：北区风雨操场二号馆\n"
    "请注意：未按时检录的球队，按弃权处理。\n"
    "各学院于10月8日前将报名表交体育部办公室。\n"
    "体育部\n2031年9月20日\n"
)


def test_a_numbered_field_whose_value_holds_a_clock_time_is_content() -> None:
    assert any("8:30-17:00" in u.clause.text for u in zh_units(TEXT, TITLE))


def test_an_unnumbered_field_line_is_content() -> None:
    assert any("北区风雨操场二号馆" in u.clause.text for u in zh_units(TEXT, TITLE))


def test_the_fields_reach_the_headline_and_nothing_is_invented() -> None:
    result = summarize(TITLE, TEXT)
    assert "8:30-17:00" in result.headline
    assert "北区风雨操场二号馆" in result.headline
    assert_kept_zh(result.headline, TEXT)
    assert_kept_zh(result.summary, TEXT)


@pytest.mark.parametrize(
    "line",
    [
        "发布时间：2031-05-06 10:20",  # page chrome
        "发布日期：2031年5月6日",
        "地址：滨江路18号",  # a contact line
        "生效日期：2031年6月1日",  # a government page's index block
        "来源：学生处 发布时间：2031-05-06",  # two fields of chrome on one line
        "本学期各学院期末考试的时间：另行通知",  # a long lead, not a label
        "如有变动，集合地点：另行通知",  # the label holds a mark
        "阅读次数：128",  # no field of the notice
        "集合地点：",  # a label without its value
        "报名地点：见附件一：报名点一览",  # a second colon, not a clock's
        "贴出日期：2031-05-06",  # no event word before the field's name
        "刊登日期：2031年5月6日",
        "更新时间：2031-05-06",
    ],
)
def test_look_alikes_of_an_unnumbered_field_are_not_made_content(line: str) -> None:
    text = f"各位同学：\n{line}\n请各班于5月10日前完成报名。\n"
    made = [
        u for u in zh_units(text, TITLE) if u.sentence.text.startswith(line[:4]) and "：" in u.sentence.text
    ]
    assert not made, line


def test_a_field_line_inside_a_paragraph_is_left_as_it_was() -> None:
    # Not a line of its own: a sentence that happens to hold a label after its first one.
    text = "各位同学：\n本周安排如下，集合地点：东门广场\n请各班准时参加。\n"
    assert not any("东门广场" in u.clause.text for u in zh_units(text, TITLE))


@pytest.mark.parametrize("label", ["请注意：", "温馨提示：", "二、特别提醒：", "另：", "注意事项："])
def test_a_short_label_ending_on_a_colon_only_frames_its_sentence(label: str) -> None:
    units = zh_units(f"各位同学：\n{label}逾期未交材料者，不予受理，后果自负。\n", TITLE)
    frames = _frames(units, "zh")
    first = next(u for u in units if u.clause.first)
    assert first.clause.text.startswith(label[:2]) and id(first) in frames


@pytest.mark.parametrize(
    "clause",
    [
        "请注意，",  # a comma: a clause of its own
        "各单位务必于5月6日前完成以下三项工作：",  # a long lead-in
        "经研究，决定如下：",  # holds a comma
        "上午8:30",  # a clock, no label
        "注意",
        "时间：2031年5月6日",  # the label with its value
        "请各学院按时报送材料。",
        "下午2:",
        "地点：东门，时间：",
        "逾期未交的，",
    ],
)
def test_look_alikes_of_a_label_are_no_label(clause: str) -> None:
    assert ZH_LEAD_LABEL.fullmatch(fold(clause)) is None, clause


def test_the_field_and_label_patterns_are_linear() -> None:
    for line in ("时间:" + "1:" * 50_000, "时间:" + "1" * 100_000, "地点" * 50_000, "注" * 100_000 + ":"):
        start = time.perf_counter()
        _ZH_FIELD.search(line)
        ZH_LEAD_LABEL.fullmatch(line)
        assert time.perf_counter() - start < 0.5
    start = time.perf_counter()
    summarize(TITLE, "各位同学：\n" + ("集合时间：8:30" * 5000) + "\n" + "请注意：" * 10_000)
    assert time.perf_counter() - start < 5


OUTAGE_TITLE = "关于东湖片区计划停电的公告"
OUTAGE = (
    "尊敬的电力客户：\n"
    "因10千伏湖滨线检修，我公司将对部分区域暂停供电。\n"
    "停电范围：东湖村一组、东湖村二组、东湖村三组、西湖村一组、西湖村二组、南岸村、北岸村、湖滨小区一期、湖滨小区二期、"
    "湖景花园、滨湖工业园一区、滨湖工业园二区、东湖中学、东湖小学、东湖卫生院、东湖敬老院、东湖派出所、东湖农贸市场、"
    "东湖汽车站、东湖加油站、东湖自来水厂、东湖幼儿园、东湖文化站、东湖粮站、东湖农机站等东湖片区全部用户。\n"
    "请各用户提前做好停电准备。\n"
    "请有自备电源的用户严禁向电网倒送电。\n"
    "东湖供电所\n2031年5月30日\n"
)


def test_a_label_whose_value_did_not_fit_stays_out_of_the_headline() -> None:
    headline = summarize(OUTAGE_TITLE, OUTAGE).headline
    assert "停电范围" not in headline
    assert "严禁向电网倒送电" in headline
    assert_kept_zh(headline, OUTAGE)


def test_a_field_stays_in_the_headline_with_its_label() -> None:
    text = (
        "各位业主：\n受燃气主管改线影响，本小区东区将暂停供气一天。\n停气时间：2031年9月14日9:00-18:00\n"
        "停气范围：东区1至6栋全部住户\n届时请关闭户内燃气总阀，恢复供气前切勿私自开阀。\n物业服务中心\n"
    )
    headline = summarize("东区暂停供气的通知", text).headline
    assert "停气时间：2031年9月14日9:00-18:00" in headline
    assert_kept_zh(headline, text)


@pytest.mark.parametrize(
    "line",
    [
        "浏览时间：2031-08-11 16:40",  # when the page was shown
        "印发日期：2031年8月9日",  # when the paper was printed
        "成文日期：2031年8月8日",
        "录入时间：2031-08-11 09:02",
        "办公地点：图书馆三楼312室",  # where an office sits
        "办公时间：工作日9:00-17:00",
        "咨询时间：周二、周四下午",
        "投稿地址：综合楼508室",
        "联系地址：校医院二楼",
        "受理时间：工作日8:30-11:30",
        "出生日期：2012年3月4日",  # a form's field
        "家庭住址：春晖路9号",
        "截稿时间：2031-08-10",
        "会议室：综合楼101",  # no field's name
        "领取时间：____年__月__日",  # a form's blank
        "报到日期：＿＿月＿＿日",
        "缴费时间：    年  月  日",
        "申请时间：____年__月__日",
        "发布会议时间：2031-08-11 09:02",  # a page stamp before the event word
        "更新活动日期：2031-08-11",
    ],
)
def test_labels_not_naming_the_notices_logistics_are_not_made_content(line: str) -> None:
    text = f"各位同学：\n请各班于8月20日前完成新生报到登记。\n{line}\n学生处\n"
    label = line.split("：", 1)[0]
    assert not any(label in u.clause.text for u in zh_units(text, TITLE)), line
    result = summarize("关于新生报到登记的通知", text)
    value = line.split("：", 1)[1]
    assert label not in result.headline and label not in result.summary, line
    assert value not in result.headline and value not in result.summary, line


@pytest.mark.parametrize(
    "line",
    [
        "集合地点：南门停车场",
        "报到时间：8月30日8:00-17:00",
        "停电时间：8月25日7:30-19:00",
        "闭馆日期：8月26日至8月28日",
        "缴费地点：行政楼一楼服务大厅",
        "领取地点：各学院学生办公室",
        "补考地点：第二教学楼",
        "体检时间：8月31日7:30-10:00",
        "报名截止时间：8月22日17:00",
        "投稿截止日期：8月22日17:00",  # a qualifier that is no page stamp (rank._ZH_NOT_LOGISTICS)
        "资料修改截止日期：8月23日",
        "办理缴费时间：8月24日至26日",
    ],
)
def test_a_field_of_the_notices_logistics_is_content_with_its_label(line: str) -> None:
    text = f"各位同学：\n请各班于8月20日前完成新生报到登记。\n{line}\n学生处\n"
    units = zh_units(text, TITLE)
    assert any(u.clause.text.startswith(line) for u in units), line
    summary = summarize("关于新生报到登记的通知", text).summary
    value = line.split("：", 1)[1]
    if value in summary:  # never the value alone
        assert line in summary, summary


def test_a_numbered_field_value_with_a_clock_is_shown_with_its_label() -> None:
    text = (
        "各考生：\n一、考试时间：6月7日14:00-16:00\n二、考试地点：实验楼A区\n"
        "三、考生须于开考前20分钟凭准考证入场。\n考务办\n"
    )
    summary = summarize("关于补考安排的通知", text).summary
    assert "考试时间：6月7日14:00-16:00" in summary
    assert "。6月7日" not in summary and not summary.startswith("6月7日")


TIMETABLE = (
    "各位家长：\n"
    "报名时间：7月3日8:30-11:30\n"
    "面试时间：7月6日9:00-16:00\n"
    "体检时间：7月8日7:30-10:30\n"
    "缴费时间：7月12日9:00-15:00\n"
    "注册时间：7月15日8:00-12:00\n"
    "报到地点：实验小学综合楼一楼\n"
    "逾期未提交出生证明复印件的，不予录取。\n"
    "招生办公室\n"
)


@pytest.mark.parametrize("budget", [None, 90])
def test_a_timetable_puts_at_most_two_fields_in_the_headline(budget: int | None) -> None:
    headline = summarize("关于一年级招生的通知", TIMETABLE, budget=budget).headline
    labels = ["报名时间", "面试时间", "体检时间", "缴费时间", "注册时间", "报到地点"]
    shown = [label for label in labels if label in headline]
    assert 1 <= len(shown) <= 2, headline
    assert "不予录取" in headline
    for value in ("7月3日", "7月6日", "7月8日", "7月12日", "7月15日", "综合楼"):
        # a value is never in the headline without its label
        assert value not in headline or any(f"{label}：" in headline for label in labels), headline
    assert_kept_zh(headline, TIMETABLE)


def test_the_logistics_patterns_are_linear() -> None:
    from bot.summarize.rank import _ZH_BLANK_VALUE, _ZH_LOGISTICS_KEY, _ZH_NOT_LOGISTICS

    for line in ("报名" * 50_000, "_" * 100_000, "年 " * 50_000, "浏览" * 50_000):
        start = time.perf_counter()
        _ZH_LOGISTICS_KEY.fullmatch(line)
        _ZH_NOT_LOGISTICS.search(line)
        _ZH_BLANK_VALUE.search(line)
        assert time.perf_counter() - start < 0.5


# Field lines take only the room the duties leave in the summary (select.select): own wording, three shapes of
# notice, each with one duty whose consequence holds only with its condition.
_HALL = (
    "各位学员：\n"
    "签到时间：4月2日8:00-8:30\n"
    "培训时间：4月2日8:30-17:00\n"
    "培训地点：东区会议中心三楼\n"
    "体检时间：4月9日7:30-9:30\n"
    "体检地点：校医院二楼\n"
    "缴费时间：4月12日9:00-15:00\n"
    "未完成体检的学员，不予发放结业证书。\n"
    "培训中心\n"
)
_MAKEUP = (
    "各位同学：\n"
    "报名时间：6月3日至6月6日\n"
    "报名地点：学院办公室\n"
    "补考时间：6月20日14:00-16:00\n"
    "补考地点：三教205\n"
    "未在规定时间内报名者，不得参加补考。\n"
    "学院办公室\n"
)
_FLOOD = (
    "各位住户：\n"
    "停水时间：8月1日8:00-18:00\n"
    "停水范围：北苑小区1至9栋\n"
    "施工时间：8月1日至8月3日\n"
    "施工地点：北苑小区东门\n"
    "停电时间：8月2日9:00-12:00\n"
    "停电范围：北苑小区10至12栋\n"
    "集合地点：北苑小区物业中心\n"
    "请住户提前储水，停水期间关闭家中水阀。\n"
    "物业服务中心\n"
)
_CASES = [
    (_HALL, "未完成体检的学员，", "不予发放结业证书"),
    (_MAKEUP, "未在规定时间内报名者，", "不得参加补考"),
]


@pytest.mark.parametrize("budget", [60, 80])
@pytest.mark.parametrize(("text", "condition", "consequence"), _CASES)
def test_field_lines_never_crowd_out_a_duty_or_its_condition(
    text: str, condition: str, consequence: str, budget: int
) -> None:
    result = summarize("关于培训与补考的通知", text, budget=budget)
    for shown in (result.summary, *result.directives):
        # a consequence never stands without the case it holds in
        assert consequence not in shown or condition in shown, shown
    assert consequence in result.summary and condition in result.summary, result.summary
    assert any(consequence in d for d in result.directives), result.directives
    assert len(result.summary) <= budget


@pytest.mark.parametrize("budget", [40, 60, 80])
def test_a_flood_of_field_lines_leaves_the_only_duty_whole(budget: int) -> None:
    result = summarize("关于北苑小区停水停电的通知", _FLOOD, budget=budget)
    assert "请住户提前储水，停水期间关闭家中水阀" in result.summary, result.summary
    assert any("关闭家中水阀" in d for d in result.directives), result.directives


@pytest.mark.parametrize("text", [_HALL, _FLOOD])
def test_at_most_two_field_lines_while_a_duty_is_left_out(text: str) -> None:
    # At 40 characters the duty and two field lines do not all fit: the duty goes first, two fields at most.
    result = summarize("关于培训的通知", text, budget=40)
    fields = [line for line in text.splitlines() if "：" in line and not line.endswith("：")]
    assert sum(1 for line in fields if line in result.summary) <= 2, result.summary
    assert "，不予" in result.summary or "关闭家中水阀" in result.summary, result.summary


_OWN_CONSEQUENCE = (
    "各班级：\n"
    "报名时间：9月3日至9月9日，逾期不再受理\n"
    "报名地点：团委办公室\n"
    "参赛队员须穿统一队服，未穿队服者不得上场。\n"
    "校团委\n"
)


@pytest.mark.parametrize("budget", [18, 26, 30, 34, 40, 60, None])
def test_a_field_lines_own_consequence_never_shows_without_its_value(budget: int | None) -> None:
    # "逾期不再受理" belongs to the line's dates: shown, it comes with "报名时间：9月3日至9月9日".
    summary = summarize("关于篮球联赛报名的通知", _OWN_CONSEQUENCE, budget=budget).summary
    if "逾期不再受理" in summary:
        assert "9月3日至9月9日，逾期不再受理" in summary, summary
    if budget is None:  # with room for everything, the consequence is shown, with its value
        assert "逾期不再受理" in summary, summary

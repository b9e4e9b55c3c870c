"""Second review of round 9's metadata rules (issue #9): hostile lines that made the date checks slow, a
compact date over page furniture, a numeral date in an annex, an outlet's own notice, bylines with an update
after the date, joint units one a line. Hand-written texts only."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable

import pytest

from bot.summarize import summarize
from bot.summarize.meta import find_issuer
from bot.summarize.published import _BYLINE_TAIL, _posted_by
from bot.summarize.signoff import SignOff


def _quick(run: Callable[[], object]) -> None:
    start = time.process_time()
    run()
    assert time.process_time() - start < 1.0


# --- 1, 2: the label above a numeral date and a heading's weekday tail read a run of spaces in linear time.


@pytest.mark.parametrize(
    "text",
    [
        "各单位：\n请做好准备。\n会议日期" + " " * 100_000 + "另行通知。\n二〇二四年三月四日",
        "各单位：\n请做好准备。\n第一章" + " " * 100_000 + "总则\n2024年3月4日",
    ],
)
def test_long_runs_of_spaces_are_read_quickly(text: str) -> None:
    _quick(lambda: summarize("关于做好准备工作的通知", text))


# --- 4: the sign-off's numeral date is the first one closing the body; an annex's own date comes after it.


def test_an_annex_after_the_numeral_signoff_keeps_the_documents_date() -> None:
    text = (
        "各县：\n现将《某市管理办法》印发给你们，请各单位做好准备。\n二〇二四年三月四日\n附件：某市管理办法\n"
        "第一条 为规范管理，制定本办法。\n第二条 本办法自发布之日起施行。\n二〇二三年一月一日"
    )
    assert summarize("关于印发某市管理办法的通知", text).published == "2024-03-04"


def test_many_numeral_date_lines_are_read_quickly() -> None:
    # (a guard of the forward scan: each candidate looks back for an annex head no more)
    text = (
        "各县：\n请各单位做好准备。\n"
        + "二〇二四年三月四日\n请各县遵照。\n" * 5_000
        + "附：\n二〇二三年一月一日"
    )
    _quick(lambda: summarize("关于印发某市管理办法的通知", text))


# --- 3: a compact date closing the body over a page's furniture, a phone number above, an annex's IDs below.

_UNION_BODY = "各分会：\n为做好工会换届工作，现将有关事项通知如下：请各分会于12月20日前报送候选人名单。\n"


@pytest.mark.parametrize(
    "text",
    [
        _UNION_BODY + "校工会\n20141210\n京ICP备12345678号",
        _UNION_BODY + "校工会\n20141210\n【打印本页】【关闭窗口】",
        _UNION_BODY + "校工会\n20141210\n主题词：工会 换届 通知",
        _UNION_BODY + "联系电话：\n68366028\n校工会\n20141210",
        _UNION_BODY + "校工会\n20141210\n附件：\n1.候选人名单\n学号\n20120101",
    ],
)
def test_a_compact_date_signs_over_furniture_and_other_figures(text: str) -> None:
    result = summarize("关于工会换届工作的通知", text)
    assert (result.issuer, result.published) == ("校工会", "2014-12-10")


def test_a_second_compact_date_under_the_first_is_still_no_signoff() -> None:
    # (a guard, true before too: the rule above reads only compact dates above the candidate)
    # A flattened table's dates: the last row closing the text has another compact date above it.
    text = _UNION_BODY + "候选人\n张三\n20120101\n李四\n20130101"
    assert summarize("关于工会换届工作的通知", text).published is None


# --- 5: a news outlet signs its own notice and a joint one; only its credit under a report is no issuer.


@pytest.mark.parametrize(
    ("title", "text", "issuer"),
    [
        # A notice's own title: the outlet recruits.
        (
            "关于公开招聘编辑记者的公告",
            "根据工作需要，我中心决定公开招聘编辑记者5名。报名时间为5月10日至20日。\n某县融媒体中心\n2024年5月1日",
            "某县融媒体中心",
        ),
        # A salutation: the outlet addresses its subscribers' units.
        (
            "报刊征订工作安排",
            "各单位：\n2025年报刊征订工作即将开始，请各单位于11月30日前完成征订。\n某某日报社\n2024年10月8日",
            "某某日报社",
        ),
        # A joint signer.
        (
            "摄影大赛启动",
            "为丰富群众文化生活，决定举办摄影大赛。请各单位积极组织参赛。\n中共某县委宣传部\n某县融媒体中心\n2024年5月1日",
            "中共某县委宣传部、某县融媒体中心",
        ),
    ],
)
def test_an_outlet_signs_its_own_notice(title: str, text: str, issuer: str) -> None:
    assert summarize(title, text).issuer == issuer


def test_an_outlets_credit_under_a_report_is_still_no_issuer() -> None:
    # (a guard, true before too)
    text = "5月6日，某县召开防汛工作会议。会议要求各校做好防汛工作。\n某县融媒体中心\n2024年5月7日"
    assert summarize("某县召开防汛工作会议", text).issuer != "某县融媒体中心"


# --- 6: a byline's date before its category, a dot, an update or a full stop; one dateline set twice.

_EN_RELEASE = (
    "The Department of Public Works announces that Main Street will be closed for repairs from May 10 to "
    "May 12. Residents should use Oak Avenue instead.\n"
)


@pytest.mark.parametrize(
    "line",
    [
        "Posted by admin on May 1, 2024 in Announcements",
        "Posted by admin on May 1, 2024 · 2 min read",
        "Posted by admin on May 1, 2024.",
        "Posted by admin on May 1, 2024. Updated May 3, 2024.",
    ],
)
def test_a_byline_date_before_its_category_or_update(line: str) -> None:
    assert str(_posted_by(line)) == "2024-05-01"


def test_an_update_after_the_byline_leaves_the_posting_date() -> None:
    text = "Posted by admin on May 1, 2024. Updated May 3, 2024.\n" + _EN_RELEASE
    assert summarize("Road closure on Main Street", text).published == "2024-05-01"


def test_the_same_dateline_twice_outranks_a_posting_label() -> None:
    text = (
        "Posted: May 10, 2024\nSPRINGFIELD, May 6, 2024 — The Governor today announced new grants.\n"
        "SPRINGFIELD, May 6, 2024 — Related: the Governor also signed a bill."
    )
    assert summarize("Governor announces grants", text).published == "2024-05-06"


@pytest.mark.parametrize(
    "run",
    [
        lambda: _BYLINE_TAIL.match("in A" + "a" * 100_000 + "."),
        lambda: _BYLINE_TAIL.match(" " * 100_000 + "in A."),
        lambda: _BYLINE_TAIL.match(". Updated" + " " * 100_000 + "x"),
        lambda: _BYLINE_TAIL.match("·" * 100_000),
        lambda: _BYLINE_TAIL.match(" ." * 50_000 + "x"),
    ],
)
def test_the_byline_tail_is_linear(run: Callable[[], object]) -> None:
    # (the new branches on hostile input; the old tail was linear too)
    _quick(run)


# --- 7: units one a line, a label row, a short title body, another body under the titled one, reversed bodies.

_COLLEGE_BODY = "各学院：\n为做好寒假学生离校工作，现将有关事项通知如下：请各学院于1月10日前完成离校登记。\n"
_SCHOOL_BODY = (
    "各学校：\n为做好暑期学生安全教育工作，现将有关事项通知如下：请各校于6月30日前组织一次安全教育活动。\n"
)


@pytest.mark.parametrize(
    ("signoff", "issuer"),
    [
        ("保卫处\n学生处\n教务处", "保卫处、学生处、教务处"),
        ("某某大学\n保卫处\n学生处", "某某大学保卫处、某某大学学生处"),
        ("负责科室\n保卫处", "保卫处"),
    ],
)
def test_unit_lines_sign_jointly_under_their_parent(signoff: str, issuer: str) -> None:
    result = summarize("关于做好寒假学生离校工作的通知", _COLLEGE_BODY + signoff + "\n2024年1月5日")
    assert result.issuer == issuer


@pytest.mark.parametrize(
    ("title", "signoff", "issuer"),
    [
        # A title body of three characters or fewer stands whole in the sign-off that spells it out.
        ("县委关于表彰先进集体的决定", "某县纪委", "县委"),
        # The titled body's trade union or procurement centre is a body of its own; its office signs for it.
        ("某市教育局关于开展安全检查的通知", "某市教育局工会", "某市教育局"),
        ("某市政府关于公布采购目录的通知", "某市政府采购中心", "某市政府"),
        # Two titled bodies sign in the other order.
        ("某市教育局 某市财政局关于下达资金的通知", "某市财政局\n某市教育局", "某市财政局、某市教育局"),
    ],
)
def test_the_signoff_wins_only_spelling_out_each_titled_body(title: str, signoff: str, issuer: str) -> None:
    assert summarize(title, _SCHOOL_BODY + signoff + "\n2024年5月1日").issuer == issuer


# --- 8: find_issuer takes the sign-off itself (its body and where its block starts), never one without the other.


def test_find_issuer_reads_the_signoff_block() -> None:
    text = "各单位：\n为保障节日期间道路安全，现通告如下：禁止货车驶入城区。\n某市公安局交通警察支队二大队\n2024年2月1日"
    start = text.index("某市公安局")
    signoff = SignOff(3, "某市公安局交通警察支队二大队", dt.date(2024, 2, 1), start)
    assert (
        find_issuer("某市公安交警2024年春节交通管制通告", text, "zh", signoff)
        == "某市公安局交通警察支队二大队"
    )


@pytest.mark.parametrize(
    ("title", "signoff"),
    [
        ("县委关于表彰先进集体的决定", "中共某县委员会"),
        ("某市教育局关于开展安全检查的通知", "某市教育局办公室"),
    ],
)
def test_the_full_name_or_a_unit_still_signs_for_the_titled_body(title: str, signoff: str) -> None:
    # (a guard of the rules above, true before them too: the short body stands whole, an office is a unit)
    assert summarize(title, _SCHOOL_BODY + signoff + "\n2024年5月1日").issuer == signoff

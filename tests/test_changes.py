"""Change notices: detection from titles (and first lines), matching the referred title, the push's first line."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from bot.changelinks import _best, _fragments, find_earlier
from bot.changes import Change, ChangeLink, detect_change
from bot.emulator.html import parse_html
from bot.render import render_digest_parts, render_push, visible_length
from storage.models import Notice, Summary, TitledNotice


@pytest.mark.parametrize(
    ("title", "kind", "referred"),
    [
        ("关于《关于开展职工疗休养活动的通知》的更正通知", "correction", "关于开展职工疗休养活动的通知"),
        ("市总工会关于《2026年度先进集体评选办法》的勘误", "correction", "2026年度先进集体评选办法"),
        ("关于开展职工疗休养活动的通知（更正）", "correction", "关于开展职工疗休养活动的通知"),
        ("【更正】关于开展安全生产大检查的通知", "correction", "关于开展安全生产大检查的通知"),
        ("更正公告：关于开展安全生产大检查的通知", "correction", "关于开展安全生产大检查的通知"),
        ("关于2027年元旦春节放假安排的补充通知", "supplement", "2027年元旦春节放假安排"),
        ("关于全市职工运动会延期举行的通知", "postponement", "全市职工运动会"),
        ("关于延期举行全市职工运动会的通知", "postponement", "全市职工运动会"),
        ("关于延长2027年度课题申报截止时间的通知", "postponement", "2027年度课题申报"),
        ("关于顺延2027年度课题申报时间的通知", "postponement", "2027年度课题申报"),
        ("Budget hearing - Postponed", "postponement", "Budget hearing"),
        ("关于撤销《关于印发职工互助保障办法的通知》的通知", "withdrawal", "关于印发职工互助保障办法的通知"),
        ("关于废止《职工疗休养管理暂行办法》的通知", "withdrawal", "职工疗休养管理暂行办法"),
        ("关于取消2027年职工篮球比赛的通知", "withdrawal", "2027年职工篮球比赛"),
        ("关于停止执行《职工疗休养管理暂行办法》的通知", "withdrawal", "职工疗休养管理暂行办法"),
        ("关于2027年研究生招生考试延期的公告", "postponement", "2027年研究生招生考试"),
        ("Updated: COVID-19 guidance", "supplement", "COVID-19 guidance"),
        ("Public Meeting Notice (Cancelled)", "withdrawal", "Public Meeting Notice"),
        ("Withdrawal of the Notice of Public Hearing", "withdrawal", "Notice of Public Hearing"),
        # A change word inside 《》 belongs to the earlier notice, not to this one.
        ("关于《关于取消部分收费项目的通知》的更正通知", "correction", "关于取消部分收费项目的通知"),
        ("Correction: Annual Leave Policy for 2027", "correction", "Annual Leave Policy for 2027"),
        ("Correction to the Notice of Public Hearing", "correction", "Notice of Public Hearing"),
        ("Amended Notice of Public Hearing on Zoning", "correction", "Notice of Public Hearing on Zoning"),
        ("UPDATED: Road closures on Main Street", "supplement", "Road closures on Main Street"),
        ("Office hours policy (Revised)", "correction", "Office hours policy"),
        ("Notice of Rescission of the Parking Permit Rules", "withdrawal", "Parking Permit Rules"),
        ("Postponed: Town hall meeting on the budget", "postponement", "Town hall meeting on the budget"),
        ("Extension of the deadline for grant applications", "postponement", "grant applications"),
        ("Addendum to the 2027 Tender Notice", "supplement", "2027 Tender Notice"),
    ],
)
def test_change_notices_are_detected_with_what_they_refer_to(title: str, kind: str, referred: str) -> None:
    assert detect_change(title) == Change(kind, referred)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "title",
    [
        "关于更正工作作风的通知",  # "on correcting one's style of work": no document named
        "关于做好人员补充工作的通知",
        "关于推进补充医疗保险工作的通知",
        "关于停止使用旧版办公系统的通知",
        "关于取消部分行政审批项目的通知",
        "关于加强疫情防控工作的通知",
        "关于做好2024年度补充医疗保险工作的通知",
        "关于延期缴纳社保费的政策解读",
        "关于撤销张某某行政处罚的决定",
        "关于印发《补充医疗保险管理办法》的通知",
        "关于延长阶段性减免企业社会保险费政策实施期限的通知",
        "关于停止受理2027年度课题申报的通知",  # applications close: nothing is withdrawn
        "关于更正2024年度统计数据的公告",  # corrects figures, not a notice
        "Corrections officers hiring notice",
        "Amendment to the Constitution passed",
        "Withdrawal of troops from the region announced",
        "Correction of errors in pension statements",
        "Revocation of licence for XYZ Ltd",
        "Updated guidance on COVID-19 vaccines",
        "COVID-19 Update",
        "Data Update - January 2024",
        "Notice of postponement of annual meeting",  # missed rather than guessed: no link is better
        "Amended Final Rule on Emissions Standards",
        "Correctional services annual report",
        "Updated guidance on remote work",
        "Postponement policy for examinations",
        "Supplementary budget for 2027",
    ],
)
def test_ordinary_notices_are_not_changes(title: str) -> None:
    assert detect_change(title) is None


def test_a_bare_title_takes_the_earlier_notice_from_the_first_lines() -> None:
    body = "各区总工会：\n现对《关于开展安全生产大检查的通知》作如下更正：检查时间改为12月。"
    assert detect_change("更正公告", body) == Change("correction", "关于开展安全生产大检查的通知")
    # A title that is not a change stays one whatever its body quotes and does.
    assert detect_change("关于更正工作作风的通知", "根据《条例》规定，取消评比。") is None
    assert detect_change("更正公告", "检查时间改为12月。") is None  # names nothing: not linkable
    assert detect_change("关于" * 3000 + "的更正通知") is None  # hostile: not a title, not looked at


def test_the_referred_title_matches_by_normalised_containment() -> None:
    def titled(i: int, title: str) -> TitledNotice:
        return TitledNotice(i, 1, title)

    referred = "关于开展职工疗休养活动的通知"
    candidates = [
        titled(
            3, "关于《关于开展职工疗休养活动的通知》的更正通知"
        ),  # an earlier correction: not the original
        titled(2, "关于开展职工疗休养活动的通知 "),
        titled(1, "通知"),
    ]
    best = _best(referred, candidates)
    assert best is not None and best.id == 2
    assert _best("Annual leave policy", [titled(5, "ANNUAL LEAVE POLICY for 2027")]) is not None
    # Containment needs a specific title: 3 words without Chinese; another source's notice only exactly.
    assert _best("Budget hearing", [titled(5, "Budget hearing for the 2028 library levy")]) is None
    assert _best("Budget hearing", [titled(5, "Budget Hearing")]) is not None
    assert _best(referred, [titled(2, f"区总工会{referred}")], exact_only=True) is None
    assert _best(referred, [titled(2, referred + " ")], exact_only=True) is not None
    assert _best(referred, [titled(1, "通知"), titled(4, "关于开展职工培训的通知")]) is None
    # The issuer before 关于 is dropped for a second query: "X局关于…（更正）" matches "关于…".
    assert _fragments("市总工会关于开展职工疗休养活动的通知") == [
        "市总工会关于开展职工疗休养活动的通知",
        "关于开展职工疗休养活动的通知",
    ]
    assert _fragments("Road closures: Main Street") == ["Road closures"]


def _notice(title: str) -> Notice:
    when = datetime(2026, 11, 2, tzinfo=UTC)
    return Notice(
        id=9, source_id=1, source_name="acftu", key="k", url="https://www.example.gov.cn/9.html",
        title=title, text="正文。", published=when, first_seen=when, content_hash="h",
        summary=Summary(title=title, headline="检查时间改为12月。"),
    )  # fmt: skip


def test_a_change_notice_push_says_so_first_in_the_chat_language_escaped() -> None:
    earlier = 'Rules <b>&</b> "x"'
    link = ChangeLink("correction", 7, earlier)
    zh = render_push(_notice("更正公告"), "zh", change=link)
    visible, _ = parse_html(zh, strict=True)
    assert visible.startswith(f"✏️ 更正：本通知更正此前的《{earlier}》（/notice 7）\n\n更正公告")
    assert "<b>&</b>" not in zh  # the earlier title is escaped, not markup
    en = render_push(_notice("Correction: Rules"), "en", change=ChangeLink("withdrawal", 7, earlier))
    assert parse_html(en, strict=True)[0].startswith(
        f"⛔ Withdraws an earlier notice: “{earlier}” (/notice 7)"
    )
    # A long earlier title is clipped; the push still fits a tight limit.
    long = render_push(
        _notice("更正公告"), "zh", change=ChangeLink("postponement", 7, "很长" * 500), limit=400
    )
    assert visible_length(long) <= 400 and "/notice 7" in long
    assert render_push(_notice("更正公告"), "zh").startswith("<b>更正公告</b>")  # no link: no line


class _NoQueries:
    """A ChangeStore that fails the test if asked anything: an ordinary notice's push must not query."""

    async def titled_notices(
        self, fragment: str, *, before: int, source_id: int | None, limit: int = 20
    ) -> list[TitledNotice]:
        raise AssertionError(f"queried for {fragment!r}")

    async def enqueue_followers(
        self, notice_id: int, *, earlier_id: int, source_id: int, now: datetime
    ) -> int:
        raise AssertionError("queued followers")


async def test_an_ordinary_notice_costs_no_query_at_render_time() -> None:
    for title in ("关于做好2024年度补充医疗保险工作的通知", "Updated guidance on remote work", "更正公告"):
        assert await find_earlier(_NoQueries(), notice_id=9, source_id=1, title=title, text="正文。") is None


def test_a_digest_marks_a_change_notice_before_its_title() -> None:
    earlier = "关于开展<职工>疗休养活动的通知" + "很长" * 40
    fix, plain = replace(_notice("更正公告"), id=9), replace(_notice("关于做好返程工作的通知"), id=10)
    [part] = render_digest_parts(
        [fix, plain], "zh", date="2026-11-30", changes={9: ChangeLink("correction", 7, earlier)}
    )
    visible, _ = parse_html(part.text, strict=True)
    assert "\n✏️ 更正：本通知更正此前的《关于开展<职工>疗休养活动的通知" in visible  # escaped, clipped
    assert "…》（/notice 7）\n• 更正公告\n" in visible
    assert visible.count("/notice") == 1  # the ordinary notice has no such line

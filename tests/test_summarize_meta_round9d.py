"""Third review of round 9's metadata rules (issue #9): a government's full style in its sign-off, a firm's legal
form or branch, a news outlet's credit under a report, a person under a unit, a padded date line, a roundup's
datelines of one day, the cc words. Hand-written texts only."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from bot.summarize import summarize
from bot.summarize.meta import _SAME_FIRM, _spells, find_issuer
from bot.summarize.sentences import split
from bot.summarize.signoff import date_only

_ADDRESSED = "各街道、各部门：\n现将有关事项通知如下，请认真落实，确保各项工作按时完成。\n"


def _quick(run: Callable[[], object]) -> None:
    start = time.process_time()
    run()
    assert time.process_time() - start < 1.0


# --- 1: a short title body ("县政府") stands in the sign-off's full style ("某某县人民政府").


@pytest.mark.parametrize(
    ("title", "signer"),
    [
        ("县政府关于开展森林防火检查的通知", "平安县人民政府"),
        ("市政府关于调整公交线路的通告", "长宁市人民政府"),
    ],
)
def test_short_government_title_takes_the_full_style_signer(title: str, signer: str) -> None:
    r = summarize(title, _ADDRESSED + signer + "\n2024年3月8日")
    assert r.issuer == signer


def test_short_title_body_still_refuses_another_body() -> None:
    # 县委 is spelled by 某县纪委 only by chance (guard: held before the change too).
    assert not _spells("县委", "平安县纪委")
    assert _spells("县委", "中共平安县委员会")


# --- 2: a firm signs with its legal form or as its branch.


@pytest.mark.parametrize(
    ("title", "signer"),
    [
        ("远航集团关于端午节放假的通知", "远航集团有限公司"),
        ("兴业农商银行关于暂停网银服务的公告", "兴业农商银行股份有限公司"),
        ("东方燃气公司关于停气检修的公告", "东方燃气公司城南分公司"),
    ],
)
def test_firm_title_takes_its_legal_name_or_branch(title: str, signer: str) -> None:
    r = summarize(title, _ADDRESSED + signer + "\n2024年6月3日")
    assert r.issuer == signer


def test_a_body_of_its_own_after_the_titled_name_still_does_not_sign() -> None:
    # Guard (held before): the bureau's trade union is not the bureau.
    assert not _spells("平安县教育局", "平安县教育局工会")
    assert not _spells("平安县教育局", "平安县教育局后勤服务有限公司")


# --- 3: a news outlet's credit under a report gives way to the report's agent, whatever the title.


def test_outlet_credit_under_an_unaddressed_report_gives_the_agent() -> None:
    text = (
        "日前，平安县应急管理局印发通知，要求各乡镇排查隐患，落实值班制度。\n平安县融媒体中心\n2024年7月2日"
    )
    assert summarize("关于做好汛期安全工作的通知", text).issuer == "平安县应急管理局"


def test_outlet_signs_its_own_notice_when_nothing_else_acts() -> None:
    # Guard (held before, by the notice's title): now because no other agent acts in the text.
    text = "因设备升级，本台节目将于7月5日凌晨暂停播出两小时。\n平安县融媒体中心\n2024年7月2日"
    assert summarize("关于节目暂停播出的公告", text).issuer == "平安县融媒体中心"


def test_outlet_signs_an_addressed_text() -> None:
    # Guard (held before): an addressed text is a document the outlet issues.
    text = "各乡镇：\n请于7月10日前报送汛期宣传稿件。\n平安县融媒体中心\n2024年7月2日"
    assert summarize("汛期宣传稿件报送提示", text).issuer == "平安县融媒体中心"


# --- 4: a two-character line under a unit is the person who signs, not another unit.


def test_person_under_a_unit_is_no_unit() -> None:
    text = "各学院：\n请于6月20日前提交成绩。\n东海大学\n研究生处\n周科\n2024年6月1日"
    assert summarize("关于提交期末成绩的通知", text).issuer == "东海大学研究生处"


# --- 5: a date line padded inside is still a date line.


def test_padded_date_line_keeps_the_signoff() -> None:
    text = "各学院：\n请于6月20日前提交成绩。\n东海大学研究生处\n2024年6月1日" + " " * 40 + "（星期六）"
    r = summarize("关于提交期末成绩的通知", text)
    assert r.issuer == "东海大学研究生处"
    assert r.published == "2024-06-01"


def test_padded_hostile_date_line_is_read_quickly() -> None:
    line = split("2024年6月1日" + " " * 100_000 + "（星期六）", "zh")[0]
    _quick(lambda: date_only(line))
    _quick(lambda: _SAME_FIRM.fullmatch("分" * 100_000))


# --- 6: datelines of one day from two places are a roundup's: the posting dates the page.


def test_roundup_of_one_day_from_two_places_keeps_the_posting() -> None:
    text = (
        "Posted: June 12, 2024\n"
        "RIVERTON, June 7, 2024 — The county opened two new cooling centres.\n"
        "LAKESIDE, June 7, 2024 — The county also extended library hours."
    )
    assert summarize("County news", text).published == "2024-06-12"


def test_one_dateline_repeated_still_dates_the_release() -> None:
    # Guard (held before): the same place and date twice is one release's.
    text = (
        "Posted: June 12, 2024\n"
        "RIVERTON, June 7, 2024 — The county opened two new cooling centres.\n"
        "RIVERTON, June 7, 2024 — Residents may visit from noon."
    )
    assert summarize("Cooling centres open", text).published == "2024-06-07"


# --- 7: the cc words are one copy; a spaced-out one after a run-in date ends the sign-off too.


def test_spaced_cc_after_a_run_in_date() -> None:
    text = "各单位：\n请做好防暑降温工作。特此通知。平安县卫生健康局2024年7月1日抄 送：县政府办公室"
    r = summarize("关于做好防暑降温工作的通知", text)
    assert (r.issuer, r.published) == ("平安县卫生健康局", "2024-07-01")


# --- 8: a "title" of page length is read as none, in linear time.


def test_page_long_title_is_read_quickly() -> None:
    title = "关于" + "的" * 400_000 + "x"  # 2.4 s of title patterns before the cap
    _quick(lambda: find_issuer(title, "各单位：\n请做好准备。", "zh"))
    _quick(lambda: find_issuer("Notice of " + "the " * 25_000, "Please be ready.", "en"))

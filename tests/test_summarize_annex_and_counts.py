"""Headline: a reply's annexed plan fills the room its decision leaves; a count of things is a figure."""

from __future__ import annotations

from bot.summarize import summarize
from bot.summarize.compress import drop_words
from bot.summarize.worth import specifics

REPLY_TITLE = "市政府关于同意建立全市河湖长制联席会议制度的批复"
REPLY = """市水务局：
你局《关于建立全市河湖长制联席会议制度的请示》收悉。现批复如下：
同意建立全市河湖长制联席会议制度。联席会议不刻制印章，不正式行文。
附件：全市河湖长制联席会议制度
市人民政府
2025年6月3日
附件：
全市河湖长制联席会议制度
一、主要职能
统筹协调全市河湖管理保护工作，研究解决跨区域河湖治理重大问题。
二、成员单位
联席会议由市水务局、市生态环境局、市自然资源局等12个部门组成，市水务局为牵头单位。
三、工作规则
联席会议原则上每半年召开一次全体会议。联席会议办公室设在市水务局，承担日常工作。
"""

# A letter passing on a report: its annex reports what was found, it sets nothing up.
LETTER_TITLE = "市人民政府关于某村地面异常振动问题的函"
LETTER = """省地震局：
你局《关于某村地面异常振动情况的报告》收悉。现将专家组意见转给你们，请做好长期监测工作。
附件：专家组意见
市人民政府
2025年6月3日
附件：
专家组意见
专家组于2025年4月13日至15日赴现场调查。该村东距县城18公里，共有住户120户。振动主要由地下采空区塌陷引起。
"""


def _source(text: str) -> str:
    return "".join(drop_words(text, "zh").split())


def test_a_replys_annexed_plan_fills_the_room_its_decision_leaves() -> None:
    headline = summarize(REPLY_TITLE, REPLY).headline
    assert headline.startswith("同意建立全市河湖长制联席会议制度；联席会议不刻制印章")
    # What the approved system is: who leads, how often it meets, where its office sits.
    assert "市水务局为牵头单位" in headline
    assert "每半年召开一次全体会议" in headline
    assert "办公室设在市水务局" in headline
    assert len(headline) <= 150
    source = _source(REPLY)
    for piece in headline.rstrip("。").replace("；", "，").split("，"):
        assert piece in source, piece


def test_the_plan_only_fills_room_and_never_crowds_out_the_decision() -> None:
    headline = summarize(REPLY_TITLE, REPLY).headline
    short = summarize(REPLY_TITLE, REPLY.split("附件：\n")[0]).headline
    assert headline.startswith(short.rstrip("。"))


def test_an_annex_that_reports_stays_out_of_a_letters_headline() -> None:
    headline = summarize(LETTER_TITLE, LETTER).headline
    assert "请做好长期监测工作" in headline
    for reported in ("4月13日", "18公里", "120户", "采空区"):
        assert reported not in headline


def test_a_count_of_things_is_a_figure_a_year_is_not() -> None:
    bare = specifics("Each petition must carry signatures of residents", "en")
    assert specifics("Each petition must carry 25 signatures", "en") > bare
    assert specifics("The clinic has seen 37 cases", "en") > specifics("The clinic has seen cases", "en")
    # A year before a verb or a pronoun, a number before a word that only ends in s: no count.
    assert specifics("In 2019 this rule was adopted", "en") == specifics("In May this rule was adopted", "en")
    assert specifics("Row 5 across the hall", "en") == specifics("Row across the hall", "en")

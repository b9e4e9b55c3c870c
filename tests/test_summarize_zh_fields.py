"""Chinese notices set their logistics as fields: a numbered heading naming one ("一、比赛时间") with its value on
the next line ("2031年5月20日（星期二）下午2:30"), or both on one line ("三、报名时间：5月6日至10日"). The value
is content a reader looks for (rank._field_values), not a heading or a bare date; other headings stay headings."""

from __future__ import annotations

import re

from bot.summarize import summarize
from bot.summarize.compress import drop_words
from bot.summarize.rank import score_units
from bot.summarize.sentences import split

TITLE = "关于举办2031年教职工羽毛球比赛的通知"
NOTICE = (
    "各分工会：\n"
    "为丰富教职工业余文化生活，校工会决定举办2031年教职工羽毛球比赛。现将有关事项通知如下：\n"
    "一、比赛时间\n"
    "2031年5月20日（星期二）下午2:30\n"
    "二、比赛地点\n"
    "学校体育馆二楼\n"
    "三、报名时间：5月6日至10日\n"
    "四、总体要求\n"
    "团结友谊\n"
    "请各分工会于5月10日前将报名表报送校工会办公室，逾期不予受理。\n"
)


def _texts(text: str) -> list[str]:
    return [u.clause.text for u in score_units(split(text, "zh"), "zh", TITLE)]


def test_field_values_are_units() -> None:
    texts = _texts(NOTICE)
    # A value on the line after its heading carries the heading as its label.
    assert "一、比赛时间：2031年5月20日（星期二）下午2:30" in texts
    assert "二、比赛地点：学校体育馆二楼" in texts
    assert any(t.endswith("5月6日至10日") for t in texts)


def test_a_heading_that_names_no_field_keeps_its_line_a_heading() -> None:
    texts = _texts(NOTICE)
    assert "团结友谊" not in texts and not any("总体要求" in t for t in texts)


def test_the_event_date_enters_the_summary() -> None:
    summary = summarize(TITLE, NOTICE, budget=150).summary
    assert "2031年5月20日（星期二）下午2:30" in summary
    assert "请各分工会于5月10日前将报名表报送校工会办公室" in summary


CONTEST = (
    "一、报名截止时间\n"
    "2031年4月10日下午5:00\n"
    "二、比赛时间\n"
    "2031年4月20日\n"
    "四、参赛对象\n"
    "全体在校学生\n"
    "五、各班要认真组织学生报名参赛，于4月10日前将名单报送教务处。\n"
)


def test_a_value_is_shown_with_its_label_and_nothing_is_invented() -> None:
    s = summarize("关于举办2031年校园篮球赛的通知", CONTEST, budget=200)
    for text in (s.summary, s.headline):
        assert "报名截止时间：2031年4月10日下午5:00" in text
        assert "参赛对象：全体在校学生" in text
        # A bare date (no time) is labelled like a dated one.
        assert "比赛时间：2031年4月20日" in text
        # Nothing invented: each piece between marks is the notice's own (compress may drop grading words).
        source = "".join(drop_words(CONTEST, "zh").split())
        pieces = [p for p in re.split(r"[：；。，]", text) if p]
        assert all("".join(drop_words(p, "zh").split()) in source for p in pieces), pieces

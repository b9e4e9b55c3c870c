"""Chinese headline, round 11: room the packing leaves gives a chosen duty back the words compression dropped."""

from __future__ import annotations

import time

from bot.summarize import summarize
from bot.summarize.compress import drop_words, zh_as_written
from bot.summarize.headline import Piece, _join, _zh_lengthened
from bot.summarize.sentences import split


def _kept(headline: str, text: str) -> None:
    """Nothing invented: each piece is the notice's text once the dropped words are gone from both."""
    source = "".join(drop_words(text, "zh").split())
    for part in headline.rstrip("。").replace("；", "，").split("，"):
        assert "".join(drop_words(part, "zh").split()) in source, part


# A made-up cover letter: its one directive leaves the headline nearly empty.
COVER = (
    "各乡镇人民政府，县政府各部门：\n"
    "《某县防汛应急预案》已经县政府同意，现印发给你们，请结合实际认真贯彻执行。\n"
)


def test_a_cover_letter_keeps_its_directive_as_written() -> None:
    headline = summarize("某县人民政府办公室关于印发某县防汛应急预案的通知", COVER).headline
    assert "请结合实际认真贯彻执行" in headline, headline
    _kept(headline, COVER)


# A made-up notice of two numbered duties, short enough for both as written.
TWO = (
    "各学院：\n为做好本学期教学检查工作，现将有关事项通知如下：\n"
    "一、各学院要进一步完善教学检查方案，于6月1日前报送教务处。\n"
    "二、各学院要认真组织开展听课活动，每名教师听课不少于4次。\n"
)


def test_duties_keep_their_formula_words_when_room_is_left() -> None:
    headline = summarize("关于开展期中教学检查的通知", TWO).headline
    assert "进一步完善教学检查方案" in headline, headline
    assert "认真组织开展听课活动" in headline, headline
    assert "每名教师听课不少于4次" in headline, headline
    _kept(headline, TWO)


def test_as_written_restores_formula_inside_and_just_before() -> None:
    assert zh_as_written("组织实施", "认真组织实施。") == "认真组织实施"
    assert zh_as_written("完善实施方案", "二、进一步完善实施方案，") == "进一步完善实施方案"
    assert (
        zh_as_written("据其情况确定如何采取措施", "并据其情况确定如何进一步采取措施，")
        == "据其情况确定如何进一步采取措施"
    )
    # traditional characters fold to the simplified formula, the sentence's own characters come back
    assert zh_as_written("重大項目要總結", "二、重大項目要認真總結，") == "重大項目要認真總結"


def test_as_written_leaves_what_is_no_formula() -> None:
    # an aside inside the piece only points elsewhere: the piece stays compressed
    assert zh_as_written("报送材料给教务处", "认真报送材料（见附件2）给教务处。") == "报送材料给教务处"
    # a formula word closing the clause before (a mark between) is not the piece's
    assert zh_as_written("组织实施", "工作要认真，组织实施。") == "组织实施"
    # a word the formula list keeps ("深入" before a place) was never dropped: nothing to restore
    assert zh_as_written("深入田间地头", "干部要深入田间地头。") == "深入田间地头"
    # "全面" only before a verb it grades: "全面覆盖" is the duty's own word
    assert zh_as_written("实现全面覆盖", "要实现全面覆盖。") == "实现全面覆盖"
    # a piece that is not one run of the sentence (a merged or reworded one) stays as it is
    assert zh_as_written("报送方案", "各单位要制定方案，认真报送。") == "报送方案"
    # a negation is never the formula's: "不得" stays where it is, the piece is only lengthened
    assert zh_as_written("不得挪作他用", "资金要专款专用，切实不得挪作他用。") == "切实不得挪作他用"
    # a sentence without formula words: the piece as it is
    assert zh_as_written("于6月1日前报送", "于6月1日前报送。") == "于6月1日前报送"


def test_lengthening_never_overflows_nor_evicts() -> None:
    text = "各单位要认真组织实施，切实抓好落实。"
    sentences = split(text, "zh")
    first = Piece("各单位要组织实施", 0, 0, 2.0, False)
    second = Piece("抓好落实", 11, 0, 1.0, False)
    chosen = [first, second]
    limit = len(_join(chosen, "zh")) + 2  # room for one restored word, not both
    out = _zh_lengthened(chosen, sentences, limit)
    assert len(out) == 2
    assert len(_join(out, "zh")) <= limit
    # the better piece is lengthened first
    assert "各单位要认真组织实施" in _join(out, "zh")
    assert "切实抓好落实" not in _join(out, "zh")


def test_as_written_is_linear_on_hostile_lines() -> None:
    for line in ("认真" * 50_000, "认" * 100_000, "（见附件2）" * 16_000):
        started = time.perf_counter()
        zh_as_written("组织实施", line + "组织实施")
        zh_as_written("认真", line)
        assert time.perf_counter() - started < 1.0
    started = time.perf_counter()
    summarize("关于开展安全检查的通知", "各单位：\n一、各单位要" + "认真" * 50_000 + "组织实施。\n")
    assert time.perf_counter() - started < 5.0

"""Chinese headline, round 11: a piece compression leaves on a bare modal goes, a closing wish of safety and
stability is an outcome, and the 不 of a negating 不断 stays."""

from __future__ import annotations

import time

from bot.summarize import summarize
from bot.summarize.compress import compress, drop_words
from bot.summarize.headline import _ZH_BARE_MODAL, _ZH_OUTCOME
from tests.headline_checks import assert_kept_zh as _kept

# Three more paragraphs of duties, so that room is short and what a rule does shows in the headline.
PAD = (
    "二、各单位要组织开展节前安全大检查，重点检查配电室、仓库、食堂等部位，对发现的隐患建立台账，限期整改到位，"
    "整改情况于1月25日前报安全办。\n"
    "三、各单位要做好烟花爆竹禁放宣传，在醒目位置张贴禁放通告，严禁在办公区域燃放烟花爆竹。\n"
    "四、放假期间，各单位领导干部要保持通讯畅通，遇有重大突发事件须在30分钟内报告区应急管理局。\n"
)
FESTIVAL = "关于做好春节期间值班和安全工作的通知"


def _headline(first: str) -> tuple[str, str]:
    text = "各单位：\n" + first + "\n" + PAD
    return summarize(FESTIVAL, text).headline, text


# The safety inspection and the ban, two paragraphs of duties before the one under test (the review of round 11's
# theme rule: a paragraph's opening "各单位要加强X" must never vanish with the clause after it).
DUTIES = (
    "二、各单位要组织开展节前安全大检查，重点检查配电室、仓库、食堂等部位，整改情况于1月25日前报安全办。\n"
    "三、严禁在办公区域燃放烟花爆竹。\n"
)


def test_a_paragraph_opening_stays_when_the_clause_after_it_is_no_piece() -> None:
    for first, last, kept in (
        # the clause after it is a formula (务必高度重视), a contact line or too light: the opening stays
        (
            "一、各单位要加强值班值守，务必高度重视，24小时专人在岗。\n",
            "",
            "各单位要加强值班值守，24小时专人在岗",
        ),
        ("", "四、各单位要加强应急准备，如有疑问，请与区应急局联系。\n", "要加强应急准备"),
        ("", "四、各单位要加强安全防范，不断电、不断网，保障系统运行。\n", "要加强安全防范"),
    ):
        text = "各单位：\n" + first + DUTIES + last
        headline = summarize("关于做好值班工作的通知", text).headline
        assert kept in headline, headline
        assert not headline.rstrip("。").endswith(("务必", "要")), headline
        _kept(headline, text)


def test_a_modal_left_without_its_verb_is_no_piece() -> None:
    # "各单位务必高度重视": 高度重视 is formula, compression drops it and "各单位务必" obliges to nothing
    headline, text = _headline("五、各单位务必高度重视，确保全区节日期间安全稳定。")
    assert "务必" not in headline, headline
    _kept(headline, text)
    # 必要, 需要, 供应, 相应 end on 要/应 and are words, not modals
    assert _ZH_BARE_MODAL.search("各单位务必") and _ZH_BARE_MODAL.search("各街道要")
    for word in (
        "确有必要",
        "满足群众需要",
        "做好物资供应",
        "采取相应",
        "只要",
        "纪要",
        "及时回应",
        "积极响应",
    ):
        assert _ZH_BARE_MODAL.search(word) is None, word


def test_a_subject_left_on_its_modal_after_other_duties_goes() -> None:
    # "各单位主要负责同志要切实": 切实 is formula; the duties before it in the sentence stay, the bare "…要" goes
    text = "各单位：\n" + DUTIES + "四、值班人员须在岗在位，值班电话须保持畅通，各单位主要负责同志要切实。\n"
    headline = summarize("关于做好值班工作的通知", text).headline
    assert "值班电话须保持畅通" in headline, headline
    assert "负责同志要" not in headline, headline
    _kept(headline, text)


def test_the_outcome_and_modal_patterns_are_linear_on_hostile_lines() -> None:
    for line in ("要" * 100_000, "应" * 100_000, "各" * 100_000, "确保" + "安全" * 50_000, "确保" * 50_000):
        started = time.process_time()
        _ZH_OUTCOME.match(line)
        assert time.process_time() - started < 0.5
        started = time.process_time()
        _ZH_BARE_MODAL.search(line)
        assert time.process_time() - started < 0.5


def test_safety_and_stability_are_outcomes() -> None:
    for text in (
        "确保学校安全稳定",
        "保障人民群众生命财产安全",
        "维护社会和谐稳定",
        "确保考试安全有序",
        "确保库区人民生命和财产安全",
    ):
        assert _ZH_OUTCOME.match(text), text
    for text in (
        "确保每名学生于7月1日前签订安全承诺书",  # a duty with its date
        "确保消防通道畅通",  # a measure one can check
        "安排专人值班，确保学校安全稳定",  # the measure comes first: the piece is no outcome only
        "学校安全稳定工作由保卫处负责",  # no opener of aim
        "保障资金安全",  # not the set phrase
    ):
        assert not _ZH_OUTCOME.match(text), text


# A made-up holiday notice: its closing wish ("确保学校安全稳定") took the room of what the counsellors must do.
HOLIDAY = (
    "各部门、各学院：\n"
    "一、放假时间：2031年9月13日至2031年9月15日放假，9月16日正常上课。\n"
    "二、各部门要保持通讯畅通，遇有突发事件要及时上报学校并妥善处置。\n"
    "三、各学院要做好师生员工的安全教育，严禁集体组织外出游玩，各辅导员应及时掌握学生动态。\n"
    "四、放假期间，保卫处、后勤处、学生处等部门需安排专人值班。\n"
    "五、各值班人员务必负责，确保学校安全稳定。\n"
    "六、办公室无人时，要关好门窗，切断电源，严防火灾。\n"
)


def test_a_closing_wish_gives_way_to_duties() -> None:
    headline = summarize("关于2031年中秋节放假的通知", HOLIDAY).headline
    assert len(headline) <= 150
    assert "各辅导员应及时掌握学生动态" in headline, headline
    assert "确保学校安全稳定" not in headline, headline
    _kept(headline, HOLIDAY)


def test_a_negating_bu_duan_is_no_formula() -> None:
    # "不断" grades a verb ("不断完善"); before a noun it negates: "不断电" is "no power cut", never "电"
    assert compress("确保考试期间不断电", "zh") == "确保考试期间不断电"
    assert compress("做到不断档、不脱销", "zh") == "做到不断档、不脱销"
    assert compress("保证冬季供暖不断供", "zh") == "保证冬季供暖不断供"
    assert compress("各地要不断完善制度", "zh") == "各地要完善制度"
    assert drop_words("确保不断电，不断提高服务水平", "zh") == "确保不断电,提高服务水平"


def test_bu_duan_inside_an_adverb_stays() -> None:
    # "源源不断" (in an unbroken stream), "连续不断", "接连不断": 不断 is part of the adverb, not a formula
    assert compress("各单位要源源不断提供防疫物资", "zh") == "各单位要源源不断提供防疫物资"
    assert compress("连续不断加压运行", "zh") == "连续不断加压运行"
    assert compress("各部门要不断加强作风建设", "zh") == "各部门要加强作风建设"


def test_bu_duan_grades_the_verbs_of_official_prose_and_keeps_every_other_bu() -> None:
    # 不断 before a verb official prose grades, and 不断地 before any verb, is formula; anywhere else its 不 may
    # negate (a noun, a verb in 断, after 决) or nothing follows, and it stays
    assert compress("各地要不断巩固整改成果", "zh") == "各地要巩固整改成果"
    assert compress("要不断夯实工作基础", "zh") == "要夯实工作基础"
    assert compress("不断满足群众需求", "zh") == "满足群众需求"
    assert compress("各单位要不断地改进工作作风", "zh") == "各单位要改进工作作风"
    assert compress("要不断开展隐患排查", "zh") == "要开展隐患排查"
    assert compress("确保春节期间不断水", "zh") == "确保春节期间不断水"
    assert compress("确保输油管道不断裂", "zh") == "确保输油管道不断裂"
    assert compress("确保通信线路不断开", "zh") == "确保通信线路不断开"
    assert compress("决不断送群众利益", "zh") == "决不断送群众利益"
    assert compress("近期事故不断。", "zh") == "近期事故不断"
    # nouns and idioms no list of nouns would hold: dropping 不断 would say the opposite
    assert compress("确保慢性病患者不断药", "zh") == "确保慢性病患者不断药"
    assert compress("确保困难群众不断炊", "zh") == "确保困难群众不断炊"
    assert compress("引用文件时不断章取义", "zh") == "引用文件时不断章取义"
    assert compress("确保人才梯队不断层", "zh") == "确保人才梯队不断层"


def test_the_bu_duan_formula_is_linear_on_a_hostile_line() -> None:
    for line in ("不断" * 50_000, "不断地" * 33_000, "源源不断" * 25_000, "断" * 100_000):
        started = time.process_time()
        compress(line, "zh")
        assert time.process_time() - started < 0.5

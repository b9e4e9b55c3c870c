"""Chinese headline, round 11: a paragraph's theme ("各地要加强组织领导，") gives way to the measures after it, a
closing wish of safety and stability is an outcome, and the 不 of a negating 不断 stays."""

from __future__ import annotations

import time

from bot.summarize import summarize
from bot.summarize.compress import compress, drop_words
from bot.summarize.headline import _ZH_BARE_MODAL, _ZH_OUTCOME, _ZH_THEME, _ZH_WHO_FIGURE, _zh_theme
from bot.summarize.sentences import split


def _kept(headline: str, text: str) -> None:
    """Nothing invented: each piece is the notice's text once the dropped words are gone from both."""
    source = "".join(drop_words(text, "zh").split())
    for part in headline.rstrip("。").replace("；", "，").split("，"):
        assert "".join(part.split()) in source, part


# A made-up circular of four paragraphs, each opening on its theme ("各地要加强组织领导，") and going on with the
# measures: four themes would take room the measures need.
THEMES = (
    "各县（市、区）民政局：\n"
    "各地要加强组织领导，切实把思想和行动统一到中央决策部署上来，各级民政部门主要负责同志要坚守岗位、靠前指挥。\n"
    "各地要强化值班值守，县级以上民政部门要成立汛期安全工作专班，主要负责同志牵头，健全工作机制，落实工作责任。\n"
    "各地要加强宣传引导，协助做好转移安置群众的登记造册、情绪疏导和生活保障等工作，为集中安置点配足饮用水、食品和药品等物资，"
    "督促养老机构每日测量体温、开展巡查。\n"
    "各地要加强帮扶服务，做好受灾困难群众的临时救助、医疗救助等工作，设立专项救助资金，保障困难群众基本生活。\n"
)


def test_paragraph_themes_give_way_to_their_measures() -> None:
    headline = summarize("关于做好汛期民政服务工作的通知", THEMES).headline
    assert len(headline) <= 150
    assert "设立专项救助资金" in headline and "成立汛期安全工作专班" in headline, headline
    # a theme comes only with the measure after it, never alone as a piece
    assert not any(_ZH_THEME.match(p) for p in headline.rstrip("。").split("；")), headline
    _kept(headline, THEMES)


def _themes(text: str) -> list[str]:
    found = []
    for s in split(text, "zh"):
        for at, c in enumerate(s.clauses):
            if _zh_theme(s, at):
                found.append(compress(c.text, "zh"))
    return found


def test_a_theme_is_told_by_its_place_and_form() -> None:
    assert _themes("各地：\n各地要加强组织领导，成立工作专班，于5月1日前报送名单。\n") == [
        "各地要加强组织领导"
    ]
    assert _themes("各单位：\n一、强化宣传引导，每月开展一次宣传活动。\n") == ["强化宣传引导"]


def test_look_alikes_are_no_themes() -> None:
    for text in (
        "各单位：\n各单位要加强组织领导。\n",  # nothing after it says how: it is the duty
        "各单位：\n今年汛期提前。各单位要加强组织领导，于5月1日前报送名单。\n",  # not where a paragraph opens
        "各单位：\n为做好防汛工作，各单位要加强组织领导，于5月1日前报送名单。\n",  # a purpose comes first
        "各单位：\n各单位要加强3类场所管理，每周检查一次。\n",  # a figure
        "各单位：\n各单位要加强不合格品召回，于5月1日前完成。\n",  # a negation
        "各地：\n各地要加强对食堂的检查，每月一次。\n",  # whom it is for
        "各地：\n各地要加强“放管服”改革，于6月底前完成。\n",  # a quoted name
        "各单位：\n各单位要加强北京路段管控，每日巡查。\n",  # a place: more than a set phrase
        "各单位：\n各单位要加强安全生产管理，每周检查一次。\n",  # a longer object
        "各校：\n各校要做好考生报名工作，报名时间为3月1日至10日。\n",  # 做好 names the task itself
        "各单位：\n加强同志负责，每周报告一次。\n",  # a person's name opening a line
        "各单位：\n请张加强同志负责，每周报告一次。\n",
    ):
        assert _themes(text) == [], text


# Three more paragraphs of duties, so that room is short and what the theme rule does shows in the headline.
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


def test_a_measure_after_its_theme_keeps_who_is_to_act() -> None:
    headline, text = _headline("一、各单位要加强值班值守，24小时专人在岗，值班表于1月20日前报区政府办公室。")
    assert "各单位要加强值班值守，24小时专人在岗" in headline, headline
    _kept(headline, text)


def test_a_dated_subject_is_no_theme() -> None:
    first = "一、各学校2月1日前要加强校舍排查，发现危房立即停用并上报。"
    assert _themes("各单位：\n" + first + "\n") == []
    headline, text = _headline(first)
    assert "各学校2月1日前要加强校舍排查" in headline, headline
    _kept(headline, text)


def test_a_theme_followed_only_by_an_outcome_or_a_formula_is_the_duty() -> None:
    for first, duty in (
        ("一、各单位要加强应急值守，确保社会和谐稳定。", "各单位要加强应急值守"),
        ("一、各单位要加强值班值守，落实责任。", "各单位要加强值班值守"),
    ):
        assert _themes("各单位：\n" + first + "\n") == [], first
        headline, text = _headline(first)
        assert duty in headline, headline
        _kept(headline, text)


def test_a_modal_left_without_its_verb_is_no_piece() -> None:
    # "各单位务必高度重视": 高度重视 is formula, compression drops it and "各单位务必" obliges to nothing
    headline, text = _headline("五、各单位务必高度重视，确保全区节日期间安全稳定。")
    assert "务必" not in headline, headline
    _kept(headline, text)
    # 必要, 需要, 供应, 相应 end on 要/应 and are words, not modals
    assert _ZH_BARE_MODAL.search("各单位务必") and _ZH_BARE_MODAL.search("各街道要")
    for word in ("确有必要", "满足群众需要", "做好物资供应", "采取相应"):
        assert _ZH_BARE_MODAL.search(word) is None, word


def test_the_theme_and_outcome_patterns_are_linear_on_hostile_lines() -> None:
    for line in ("要" * 100_000, "加强" * 50_000, "各" * 100_000, "确保" + "安全" * 50_000):
        started = time.perf_counter()
        _ZH_THEME.match(line)
        _ZH_OUTCOME.match(line)
        _ZH_WHO_FIGURE.search(line)
        _ZH_BARE_MODAL.search(line)
        assert time.perf_counter() - started < 1.0


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

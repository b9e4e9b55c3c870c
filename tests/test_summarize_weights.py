"""What weighs for a reader: measures and rules over background, labels and thanks, each on a hand-written example."""

from __future__ import annotations

from bot.summarize import cues, summarize
from bot.summarize.importance import Weighed, weigh
from bot.summarize.lang import Lang
from bot.summarize.rank import score_units
from bot.summarize.sentences import split
from bot.summarize.worth import specifics


def _weighed(text: str, lang: Lang = "zh") -> list[Weighed]:
    sentences = split(text, lang)
    return weigh(score_units(sentences, lang, ""), sentences, lang, None)


def _get(weighed: list[Weighed], words: str) -> Weighed:
    return next(w for w in weighed if words in w.unit.clause.text)


def test_what_has_been_done_or_counted_is_background() -> None:
    # Past time, past tense and measured totals report; a duty, a plan, a target or a grant does not.
    assert cues.informs("2023年全市新建口袋公园46个")
    assert cues.informs("去年全馆共计接待读者120万人次")
    assert cues.informs("区文旅局组织了三次专题调研")
    assert cues.informs("图书借阅量同比增长15%")
    assert not cues.informs("到2025年全市口袋公园数量达到300个")
    assert not cues.informs("已报名的选手须于周五前确认参赛")
    assert not cues.informs("可返还其上年度缴纳的会员费")
    assert not cues.informs("各分馆于6月30日前完成图书盘点")


def test_past_figures_weigh_less_than_the_measure_they_precede() -> None:
    # A notice that opens on last year's results: the figures are specific, but the measure is what to do.
    weighed = _weighed(
        "2023年全市共计新建口袋公园46个。\n"
        "去年公园绿地面积提高到1200公顷。\n"
        "各区园林部门要加强口袋公园日常养护。\n"
    )
    measure = _get(weighed, "加强口袋公园日常养护").weight
    assert measure > _get(weighed, "新建口袋公园46个").weight
    assert measure > _get(weighed, "提高到1200公顷").weight
    # And in the headline, figures about the past add nothing a reader acts on.
    assert specifics("去年公园绿地面积提高到1200公顷", "zh") < specifics(
        "各公园每日接待游客不超过3000人", "zh"
    )


def test_a_headline_carries_the_measure_not_the_statistics() -> None:
    # Room for one clause: last year's figures are specific, this year's duty is what the reader needs.
    text = "去年全区建成社区食堂58家，累计服务老人12万人次。\n今年各街道要在社区食堂推行“长者餐”。\n"
    s = summarize("关于推行长者餐的通知", text, headline_limit=30)
    assert "长者餐" in s.headline
    assert "58家" not in s.headline


def test_a_numbered_topic_label_weighs_less_than_its_answer() -> None:
    # A reply letter heads each answer with the topic it answers ("一、关于…问题。"); the label directs nothing.
    weighed = _weighed(
        "一、关于增设公交站点问题。\n市交通局拟新增两个公交站点。\n二、关于延长运营时间问题。\n夜班线路运营时间延长至23时。\n"
    )
    assert _get(weighed, "关于增设公交站点问题").weight < _get(weighed, "拟新增两个").weight
    assert _get(weighed, "关于延长运营时间问题").weight < _get(weighed, "运营时间延长至").weight


def test_a_rule_stated_as_a_regime_or_a_routine_is_a_measure() -> None:
    # No modal: "实行…制", "每季度召开…" are rules all the same.
    weighed = _weighed("本科生实行双导师负责制。\n理事会每季度召开一次例会。\n新馆位于滨江路东侧。\n")
    assert _get(weighed, "实行双导师负责制").unit.directive
    assert _get(weighed, "每季度召开一次例会").unit.directive
    assert not _get(weighed, "新馆位于").unit.directive


def test_rules_in_principle_and_refusals_are_measures() -> None:
    weighed = _weighed("寒假期间原则上不安排学生留宿。\n逾期提交的材料不再受理。\n")
    assert _get(weighed, "原则上不安排").unit.directive
    assert _get(weighed, "不再受理").unit.directive


def test_a_waiver_for_an_object_is_a_measure() -> None:
    # "对X免征Y": what is waived, with the object before the verb.
    weighed = _weighed("对新能源公交车免征车船税。\n公交车身统一喷涂绿色条纹。\n")
    assert _get(weighed, "免征车船税").unit.directive
    assert not _get(weighed, "统一喷涂").unit.directive


def test_in_light_of_local_conditions_a_measure_follows() -> None:
    # "结合实际" is formula in front of the clause's own measure; "结合…实际," alone only frames.
    weighed = _weighed("各街道结合实际制定实施细则。\n将原有的12项补贴调整合并为8项。\n")
    assert _get(weighed, "结合实际制定").unit.directive
    assert _get(weighed, "调整合并为8项").unit.directive
    assert not cues.BASIS["zh"].search("结合实际制定实施细则")
    assert cues.BASIS["zh"].search("结合本地实际,")


def test_thanks_are_courtesy_not_content() -> None:
    text = "感谢您对城市图书馆工作的关心和支持。\n新馆自9月1日起开放，读者须持读者证入馆。\n"
    s = summarize("关于新馆开放的通知", text, budget=200)
    assert "感谢" not in s.summary
    assert "感谢" not in s.headline
    assert "读者证" in s.summary


def test_a_past_visit_or_meeting_is_background_and_its_date_no_deadline() -> None:
    assert cues.informs("市长率市直部门负责人赴开发区调研")
    assert cues.informs("会议听取了市场监管局的工作汇报")
    assert not cues.informs("定于5月10日召开全市安全生产工作会议")
    text = "2024年3月5日至6日，市长率有关部门负责人赴滨江区调研。\n各街道要加强老旧小区燃气管道巡查。\n"
    s = summarize("关于加强燃气管道巡查的通知", text, headline_limit=40)
    assert "燃气管道巡查" in s.headline
    assert "调研" not in s.headline


def test_a_start_date_or_a_target_is_no_background() -> None:
    # A year that starts something, a level to hold and a goal to push are ahead of the reader, not done.
    assert not cues.informs("2030年起全面推行垃圾分类新规")
    assert not cues.informs("2031年开始执行新的收费标准")
    assert not cues.informs("全市空置率控制在8%左右")
    assert not cues.informs("（二）推动客流稳定增长")
    assert not cues.informs("保持物价总体稳定")
    # Growth is past when compared or done.
    assert cues.informs("客流量比上月增长12%")
    assert cues.informs("客流量增长了12%")
    assert specifics("2030年起全面推行垃圾分类新规", "zh") >= 0
    assert specifics("全市空置率控制在8%左右", "zh") > 0


def test_a_numbered_duty_ending_in_a_topic_noun_is_no_topic_label() -> None:
    # "问题"/"情况" end a duty as often as a label: only "关于…" or a line with no modal and no verb is a label.
    for label in ("二、关于校车接送的问题。", "三、社区食堂运营情况。"):
        assert cues.TOPIC.match(label, 2)
    for duty in (
        "二、各馆须于5月31日前报送消防整改落实情况。",
        "（三）各地要认真研究解决居民反映的突出问题。",
    ):
        at = 3 if duty.startswith("（") else 2
        assert not cues.TOPIC.match(duty, at)
    # Such a duty weighs what the same duty with another object does.
    # (Each longer than a run-in heading, which is weighed by its own rule.)
    for duty, words in (
        ("二、各馆须于5月31日前向市馆办公室报送本馆消防设施整改落实情况。", "各馆须"),
        ("（三）各地要认真研究并及时解决居民在社区议事会和走访中反映的突出问题。", "各地要"),
    ):
        other = duty[:-3] + "清单。"
        first, second = (_get(_weighed("一、总体安排。\n" + t + "\n"), words).weight for t in (duty, other))
        assert first == second, duty


def test_polite_asks_and_needs_are_duties_but_not_their_look_alikes() -> None:
    zh = cues.OBLIGATION["zh"]
    assert zh.search("请随手关灯") and zh.search("参赛者需携带身份证") and zh.search("请教务处安排考场")
    for text in ("馆长已于上月请辞", "他主动请缨前往灾区", "办理请销假手续", "居民联名请愿", "向老教师请教"):
        assert not zh.search(text), text
    for text in ("无需提交纸质材料", "不需预约", "毋需缴费", "按需领取口罩", "如需帮助可拨打服务热线"):
        assert not zh.search(text), text

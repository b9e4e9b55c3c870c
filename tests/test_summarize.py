"""Summaries of small hand-written notices of each structure the summariser must handle."""

from __future__ import annotations

from pathlib import Path

from bot.summarize import default_budget, summarize

FIXTURES = Path(__file__).parent / "fixtures"

ATTRIBUTION_REPORT = """2024-05-10 09:30:00
本报讯 5月9日，省人力资源和社会保障厅印发《关于做好夏季高温期间劳动保护工作的通知》，要求各地切实保障高温作业职工健康。
《通知》要求，各用人单位要合理安排作业时间，高温时段停止户外露天作业。日最高气温达到40℃以上，应当停止当日室外露天作业。
《通知》强调，用人单位不得因高温停止工作而扣除或降低职工工资，并按月发放高温津贴。
《通知》指出，各级劳动保障监察机构要加大执法检查力度，对违法行为依法查处。
"""

NUMBERED_NOTICE = """各区县人民政府，市政府各部门：
为做好今年防汛工作，经市政府同意，现将防汛工作要求通知如下：
一、落实防汛责任。各区县要建立防汛值班制度，主要负责同志必须24小时在岗。
二、加强隐患排查。（一）水利部门要在6月1日前完成全市水库的安全检查。（二）住建部门要排查地下车库和低洼地段。
三、做好物资储备。每个街道储备沙袋不少于5000个。
特此通知。
市人民政府办公室
2024年4月20日
"""

YINFA_NOTICE = """各乡镇人民政府，县政府各部门：
《县老旧小区改造实施方案》已经县政府同意，现印发给你们，请结合本地情况抓好落实。
县政府办公室
2022年9月15日
县老旧小区改造实施方案
一、工作目标
到2025年底，完成2000年以前建成的老旧小区改造120个，惠及居民8000户。
二、主要任务
（一）改造供水管网。由县住建局牵头，更换老化管道，确保居民用水安全。
（二）加装电梯。对符合条件的多层住宅，每部电梯补助20万元。
"""

PRESS_RELEASE = """News Release, March 4, 2031

Board requires boat owners to fit night lights

PORT KESSEL – The State Harbour Board today announced that boat owners must fit approved night lights by March 31, 2031.

Owners who fail to fit the lights will face fines of up to $500 per day, the board said.

The board will also hold free online briefings for sailing clubs in April.

"Every sailor deserves to be seen," said the Harbourmaster.

For more information, visit https://harbour.example.gov.

The State Harbour Board is the public body whose mission is to keep the waters safe.
"""

TRADITIONAL_REPORT = """2024年3月1日 10:00
市勞工局發佈《關於加強職業安全的通知》。
《通知》強調，各企業必須確保員工接受安全培訓，嚴禁無證上崗。
《通知》要求，各單位應當於2024年4月30日前提交安全自查報告。
"""

NO_DIRECTIVES = """今天天气晴朗，公园里游人很多。湖边的柳树发芽了，孩子们在草地上放风筝。
傍晚时分，夕阳把湖面染成了金色。"""


def test_attribution_report_keeps_the_reported_directives() -> None:
    s = summarize("省人社厅部署高温劳动保护", ATTRIBUTION_REPORT)
    assert s.title == "关于做好夏季高温期间劳动保护工作的通知"
    assert s.issuer == "省人力资源和社会保障厅"
    assert s.published == "2024-05-10"
    for core in ("停止户外露天作业", "不得因高温", "高温津贴", "执法检查"):
        assert core in s.summary
    assert "《通知》要求" not in s.summary
    assert len(s.summary) <= default_budget(ATTRIBUTION_REPORT)


def test_numbered_notice_follows_the_outline_and_drops_the_framing() -> None:
    s = summarize("市人民政府办公室关于做好2024年防汛工作的通知", NUMBERED_NOTICE)
    assert s.issuer == "市人民政府办公室"
    assert s.published == "2024-04-20"
    for core in ("24小时在岗", "水库", "沙袋"):
        assert core in s.summary
    assert "通知如下" not in s.summary and "特此通知" not in s.summary
    assert not s.summary.startswith("一、")
    assert any(d.date == "2024-06-01" and "水库" in d.sentence for d in s.deadlines)
    # Directives come in document order.
    assert s.summary.index("24小时") < s.summary.index("水库") < s.summary.index("沙袋")


def test_yinfa_notice_summarises_the_attached_plan() -> None:
    s = summarize("县政府办公室关于印发《县老旧小区改造实施方案》的通知", YINFA_NOTICE)
    assert s.title == "县政府办公室关于印发《县老旧小区改造实施方案》的通知"
    assert s.issuer == "县政府办公室"
    assert "120个" in s.summary
    assert "20万元" in s.summary
    # The cover letter's instruction is its one directive (it was skipped as framing before issue #9).
    assert "现印发给你们" in s.summary and "已经县政府同意" not in s.summary
    assert "各乡镇" not in s.summary


def test_english_press_release_keeps_the_measure_and_drops_boilerplate() -> None:
    s = summarize("Board requires boat owners to fit night lights", PRESS_RELEASE)
    assert s.issuer == "State Harbour Board"
    assert s.published == "2031-03-04"
    assert "must fit approved night lights" in s.summary
    assert "$500" in s.summary
    assert "PORT KESSEL" not in s.summary
    assert "visit" not in s.summary and "mission" not in s.summary
    assert any(d.date == "2031-03-31" for d in s.deadlines)
    assert s.directives


def test_traditional_script_report_matches_cues_in_both_scripts() -> None:
    s = summarize("市勞工局部署職業安全", TRADITIONAL_REPORT)
    assert s.title == "關於加強職業安全的通知"
    assert s.issuer == "市勞工局"
    assert "嚴禁無證上崗" in s.summary
    assert "安全自查報告" in s.summary
    assert [d.date for d in s.deadlines] == ["2024-04-30"]
    assert len(s.directives) >= 2


def test_text_without_directives_has_no_directives_but_a_summary() -> None:
    s = summarize("春日公园", NO_DIRECTIVES)
    assert s.directives == ()
    assert s.deadlines == ()
    assert s.issuer is None and s.doc_number is None
    assert len(s.summary) <= default_budget(NO_DIRECTIVES)


def test_empty_text() -> None:
    s = summarize("", "")
    assert s.title == "" and s.summary == "" and s.directives == () and s.deadlines == ()
    assert s.published is None


def test_given_date_is_used_when_the_text_has_none() -> None:
    import datetime as dt

    s = summarize("通知", "各单位要做好安全检查工作。", published=dt.date(2024, 1, 2))
    assert s.published == "2024-01-02"


def test_huge_text_is_bounded_and_budgeted() -> None:
    text = (NUMBERED_NOTICE + ATTRIBUTION_REPORT) * 500
    text = text[:200_000]
    assert len(text) == 200_000
    s = summarize("大文件", text)
    assert 0 < len(s.summary) <= default_budget(text)
    small = summarize("大文件", text, budget=120)
    assert 0 < len(small.summary) <= 120


def test_budget_is_respected_and_defaults_to_35_percent() -> None:
    assert default_budget("字" * 100) == 150
    assert default_budget("字" * 1000) == 350
    s = summarize("x", ATTRIBUTION_REPORT, budget=60)
    assert 0 < len(s.summary) <= 60


def test_seed_report_gives_the_core_of_its_four_directives() -> None:
    raw = (FIXTURES / "seed_article.txt").read_text(encoding="utf-8")
    title, _, text = raw.partition("\n")
    s = summarize(title, text)
    assert s.issuer == "中华全国总工会"
    assert s.published == "2020-02-03"
    assert s.title.startswith("关于充分发挥工会组织作用")
    # 《通知》要求 / 强调 / 指出 / 要求: the head of each reported directive.
    for core in ("加强党的领导", "落实工作责任", "加强组织引导", "加强帮扶服务"):
        assert core in s.summary, core
    for fact in ("领导机构", "筛查摸底", "配足口罩", "工人先锋号", "设立专项资金"):
        assert fact in s.summary, fact
    assert "习近平" not in s.summary
    assert len(s.summary) <= default_budget(text)

"""Metadata in forms no tuning set shows: each rule pinned on made-up notices, with a look-alike it must refuse
(a wrong issuer, number or date shown to a user is worse than none)."""

from __future__ import annotations

import pytest

from bot.summarize import summarize
from bot.summarize.chrome import is_furniture
from bot.summarize.signoff import undated_signer

ZH_BODY = "各单位：\n现将有关事项通知如下。\n一、请于3月20日前报送材料。\n"
EN_BODY = "Residents must not water lawns between 10 a.m. and 6 p.m. until further notice.\n"


# --- Chinese: titles without 关于 ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("某某供电公司停电通知", "某某供电公司"),
        ("某某大学寒假放假通知", "某某大学"),
        ("某某中学招生简章", "某某中学"),
        ("某某学院2024年清明节放假安排", "某某学院"),  # a year, then a holiday's arrangements
        ("某某大学2024年推免生名单公示", "某某大学"),
    ],
)
def test_title_names_its_body_without_about(title: str, expected: str) -> None:
    assert summarize(title, ZH_BODY).issuer == expected


@pytest.mark.parametrize(
    "title",
    [
        "高等学校学生管理规定",  # a class of bodies the regulation is about
        "中小学校安全管理办法",
        "普通高等学校招生工作规定",
        "加油站安全管理规定",  # no strong body word
        "全市中小学寒假放假通知",  # the addressees
    ],
)
def test_title_naming_a_class_of_bodies_gives_none(title: str) -> None:
    assert summarize(title, ZH_BODY).issuer is None


# --- Chinese: a report's lead, its source, its document --------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("近日，某市教育局推出寒假安全十条，各校须于1月10日前完成排查。", "某市教育局"),
        ("新华社北京3月5日电 某省卫生健康委将于下月起调整门诊收费标准。各医院须公示。", "某省卫生健康委"),
        ("某市教育局正式发布中小学作息时间，各校须于3月1日起执行。", "某市教育局"),
        ("某市防汛抗旱指挥部今天上午召开会议，部署防汛工作。各地须落实值班。", "某市防汛抗旱指挥部"),
        ("某市气象局特别提醒：明天有大风，请市民注意安全，减少外出。", "某市气象局"),
        ("日前，某省教育厅有关负责人就《通知》答记者问。各地须落实。", "某省教育厅"),
        ("《某区教育局关于调整作息时间的通知》要求，全区中小学3月6日起调整作息。", "某区教育局"),
        ("市教育局消息，全市中小学将于2月26日开学。各校须做好准备。", "市教育局"),
        ("据市教育局官微消息，全市中小学将于2月26日开学。各校须做好准备。", "市教育局"),
    ],
)
def test_report_forms(text: str, expected: str) -> None:
    assert summarize("开学工作安排", text).issuer == expected


@pytest.mark.parametrize(
    "text",
    [
        # A body named later in the lead is no subject of it.
        "今天召开发布会，通报全市中小学延期开学。各校须做好准备。",
        # Approval of another's document; a cited document; a weather event.
        "经国务院同意，现将有关事项通知如下。各地须落实。",
        "根据《某区教育局关于调整作息时间的通知》要求，各校做好安排。",
        "中央气象台发布暴雨预警，各地要注意防范。",
        # "…消息" inside a sentence may be anyone's.
        "全市中小学将于2月26日开学，这是记者获得的最新消息，各校须做好准备。",
    ],
)
def test_report_look_alikes_give_none(text: str) -> None:
    assert summarize("开学工作安排", text).issuer is None


# --- Chinese: sign-off without a date, page labels ---------------------------------------------------------
def test_signoff_without_its_date() -> None:
    assert summarize("关于报送材料的通知", ZH_BODY + "特此通知。\n某县教育局").issuer == "某县教育局"
    assert undated_signer(ZH_BODY + "请认真执行。\n2024年3月5日\n某县教育局（盖章）") == "某县教育局"
    # A name line inside the body, or a sentence closing the text, is no signer.
    assert undated_signer(ZH_BODY + "某县教育局\n请各校认真执行。") is None
    assert undated_signer(ZH_BODY + "材料报送至县教育局") is None


@pytest.mark.parametrize(
    ("text", "issuer", "published"),
    [
        (
            "索引号：000014349/2024-00012\n发布机构：某市市场监督管理局\n生成日期：2024-03-05\n" + ZH_BODY,
            "某市市场监督管理局",
            "2024-03-05",
        ),
        ("签发日期：2024年3月5日\n" + ZH_BODY, None, "2024-03-05"),
        (ZH_BODY + "稿源：某县教育局", "某县教育局", None),
        (ZH_BODY + "落款：某县教育局\n", "某县教育局", None),
    ],
)
def test_page_labels(text: str, issuer: str | None, published: str | None) -> None:
    result = summarize("关于报送材料的通知", text)
    assert (result.issuer, result.published) == (issuer, published)


def test_event_dates_in_labels_stay_out() -> None:
    assert summarize("关于报送材料的通知", "报名截止日期：2024年3月5日\n" + ZH_BODY).published is None


# --- English --------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("G.O. Ms. No. 45", "45"),
        ("G.O.(Ms) No.112 Dated: 05.03.2026", "112"),
        ("G.O.Rt.No.1234", "1234"),
        ("S.O. 1234(E)", "1234(E)"),
        ("NOTICE NO. 12", "12"),
        ("Statutory Instrument No. 45 of 2026", "45"),
        ("Press Statement No. 12", "12"),
    ],
)
def test_english_numbers(head: str, expected: str) -> None:
    assert summarize("Water restrictions", f"{head}\n{EN_BODY}").doc_number == expected


@pytest.mark.parametrize("head", ["Case No. 2026-04", "Account No. 12-345", "Room No. 4", "Notice board"])
def test_numbers_of_other_things_give_none(head: str) -> None:
    assert summarize("Water restrictions", f"{head}\n{EN_BODY}").doc_number is None


def test_authority_label_names_the_body_not_a_statute() -> None:
    assert (
        summarize("Fire ban", f"Authority: Regional Fire Service\n{EN_BODY}").issuer
        == "Regional Fire Service"
    )
    assert summarize("Fire ban", f"Authority: 21 U.S.C. 321.\n{EN_BODY}").issuer is None


def test_numbered_document_is_no_body() -> None:
    text = "Governor Jane Doe today signed Executive Order N-33-20 ordering all residents to stay home."
    result = summarize("Stay at home", text)
    assert (result.issuer, result.doc_number) == (None, "N-33-20")


def test_a_range_of_dates_is_an_event() -> None:
    for head in ("Thursday, March 12, 2026 - Friday, March 13, 2026", "March 12, 2026 to March 13, 2026"):
        assert summarize("Water restrictions", f"{head}\n{EN_BODY}").published is None
    assert summarize("关于报送材料的通知", "2024年3月12日至3月15日\n" + ZH_BODY).published is None
    # A date with its time is no range.
    assert summarize("Water restrictions", f"March 12, 2026 - 10:15\n{EN_BODY}").published == "2026-03-12"


def test_airworthiness_directive_in_running_text() -> None:
    # Its year-month-serial is its number, never the notice's date, even when shaped as a real date.
    for code in ("2018-08-51", "2018-04-12"):
        text = f"The FAA issued emergency AD {code} on Friday, requiring inspections of fan blades within 20 days."
        result = summarize("Fan blades", text)
        assert (result.doc_number, result.published) == (code, None)
    # "AD" before a date that is no number of its own: a year alone is no code.
    assert summarize("History", f"Built in AD 1820, the hall closes soon.\n{EN_BODY}").doc_number is None


def test_short_forms_of_bodies() -> None:
    lead = "近日，中办、国办印发《关于加强基层治理的意见》，要求各地抓好落实。"
    assert summarize("基层治理新规出台", lead).issuer == "中办、国办"
    assert summarize("基层治理新规出台", "团中央近日印发通知，要求各地抓好落实。").issuer == "团中央"
    text = (
        "The Sri Lanka Govt has decided to close all schools until April 20. Parents must keep children home."
    )
    assert summarize("Schools closed", text).issuer == "Sri Lanka Govt"
    text = "The Dept. of Education has decided to close all schools until April 20. Parents must keep children home."
    assert summarize("Schools closed", text).issuer == "Dept. of Education"
    # A numbered order in capitals is no body ("HEALTH OFFICER ORDER NO. C19-07").
    result = summarize("Order", f"HEALTH OFFICER ORDER NO. C19-07\n{EN_BODY}")
    assert (result.issuer, result.doc_number) == (None, "C19-07")


def test_letterhead_unit_over_its_government() -> None:
    body = "\n\nAll departments shall observe the new leave policy from April 1."
    # The government printed under its unit is the parent: the unit writes.
    assert (
        summarize("Leave", "Office of the Registrar\nGovernment of Veland" + body).issuer
        == "Office of the Registrar"
    )
    assert summarize("Leave", "State of Marlow\nDepartment of Parks" + body).issuer == "Department of Parks"
    # A government alone is still the issuer.
    assert summarize("Leave", "Government of Veland" + body).issuer == "Government of Veland"


def test_title_rule_reads_the_whole_name() -> None:
    assert summarize("某省人民政府办公厅春节值班安排", ZH_BODY).issuer == "某省人民政府办公厅"


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("NR 20-045", "20-045"),  # a news release's short label, set off
        ("PR20-045", "PR20-045"),  # run into the number: part of it
        ("GAO-20-123 published today.", "GAO-20-123"),  # prefix, two-digit year, serial
        ("FY-2020 budget talks", None),
        ("Call 1-800-555-0100 for help.", None),
    ],
)
def test_release_numbers_by_shape(head: str, expected: str | None) -> None:
    assert summarize("Agency update", f"{head}\n{EN_BODY}").doc_number == expected


# A page's furniture above the notice: breadcrumbs, a font-size bar, a share bar ending in a colon.
ZH_FURNITURE = "首页 > 新闻中心 > 通知公告\n字号：大 中 小\n打印本页 关闭窗口\n分享到：\n浏览次数：123\n"


@pytest.mark.parametrize(
    ("header", "issuer", "doc_number"),
    [
        ("某县教育局关于报送材料的通知\n", "某县教育局", None),
        ("某县教育局\n关于报送材料的通知\n", "某县教育局", None),
        ("某县教育局文件\n某教发〔2024〕3号\n", "某县教育局", "某教发〔2024〕3号"),
        ("某县教育局\n", "某县教育局", None),  # the addresser above the salutation
        ("某某供电公司停电通知\n", "某某供电公司", None),  # a title line without 关于
        ("", None, None),
        ("请某县教育局于3月20日前报送材料。\n", None, None),  # a sentence is no header
    ],
)
def test_header_under_page_furniture(header: str, issuer: str | None, doc_number: str | None) -> None:
    result = summarize("关于报送材料的通知", ZH_FURNITURE + header + ZH_BODY)
    assert (result.issuer, result.doc_number) == (issuer, doc_number)


def test_news_page_furniture_is_skipped() -> None:
    furniture = (
        "Advertisement\nSubscribe to our newsletter\nListen to this article\nPhoto: File\nShare on Facebook\n"
    )
    text = (
        furniture * 2 + "COLOMBO, March 24, 2026 — The Ministry of Education said all schools will close.\n"
    )
    result = summarize("Schools close", text + "Parents must keep children home.")
    assert (result.issuer, result.published) == ("Ministry of Education", "2026-03-24")
    # A notice's own sentences that start with such words stay: they end as sentences do.
    assert not is_furniture("Sign up for the vaccine by April 1.")
    assert not is_furniture("Photos of the event will be posted.")

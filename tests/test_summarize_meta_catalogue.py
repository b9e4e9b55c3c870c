"""Metadata forms from a catalogue of how notices state their issuer, number and date (made-up notices).

Each case is a convention the extractors did not reach before: a press subject with an aside, a body's document
("the Ministry of Health's new rules"), agencies named by field and place ("Health Canada"), a signature run on
after the last sentence by a flattened page, a file number shaped like a date, titles without 关于, and so on.
"""

from __future__ import annotations

import pytest

from bot.summarize import summarize

EN = "\n\nAll employers must submit the annual return by 30 June 2026. Late filers will be fined."
ZH = "各学院、各部门：\n为做好2024年安全工作，现将有关事项通知如下。\n一、各单位要于3月15日前报送材料。\n二、各单位要加强值班。\n"


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # Asides between the body and its act: a relative clause, the document it acts in.
        (
            "Refunds",
            "The Civil Aviation Authority, which regulates airlines, said carriers must refund.",
            "Civil Aviation Authority",
        ),
        ("Schools", "The Ministry of Health, in its advisory, asked schools to close.", "Ministry of Health"),
        ("Schools", "The Ministry of Health in a notice asked schools to close.", "Ministry of Health"),
        # Those who speak for a body, in lower case; news puts the verb last.
        ("Schools", "Ministry of Health officials said schools must close.", "Ministry of Health"),
        ("Schools", "Schools must close, a Ministry of Health spokesperson said.", "Ministry of Health"),
        # A body's document.
        ("Schools", "Under the Ministry of Health's new rules, schools must close.", "Ministry of Health"),
        ("Diners", "The Health Department's order requires restaurants to close.", "Health Department"),
        # Phrasal verbs of issuing.
        ("Schools", "The Ministry of Health has put out new rules for schools.", "Ministry of Health"),
        ("Schools", "The Ministry of Health has come out with new rules for schools.", "Ministry of Health"),
        # Agencies named by their field and place, mixed-case acronyms.
        ("Recall", "Health Canada is advising Canadians not to use the product.", "Health Canada"),
        ("Schools", "Public Health England has published new guidance for schools.", "Public Health England"),
        ("Stations", "Transport for London has closed 40 stations.", "Transport for London"),
        ("Schools", "The DfE has published new guidance for schools.", "DfE"),
        ("Guidelines", "MoHFW on Monday issued guidelines for states.", "MoHFW"),
        # A headline's body before a colon; a release "from" a body; the passive with a capital.
        (
            "MOM: Employers must file returns",
            "Employers must file returns by June 30. MOM will monitor compliance.",
            "MOM",
        ),
        ("Schools", "Press release from the Ministry of Health\n" + EN, "Ministry of Health"),
        ("Returns", "Issued by the Ministry of Labour on 3 March 2026." + EN, "Ministry of Labour"),
        ("Returns", "Employers must file returns, according to MOH.", "MOH"),
        ("Returns", "Author: Ministry of Health" + EN, "Ministry of Health"),
        ("Returns", "Courtesy of the Ministry of Health" + EN, "Ministry of Health"),
        # A government named by its place, news style.
        ("Shops", "The Maharashtra government has ordered all shops to close.", "Maharashtra government"),
        # A letterhead under a document kind's line is the body, not "OFFICE MEMORANDUM".
        (
            "Returns",
            "GOVERNMENT OF INDIA\nMINISTRY OF LABOUR AND EMPLOYMENT\nOFFICE MEMORANDUM" + EN,
            "MINISTRY OF LABOUR AND EMPLOYMENT",
        ),
        # A signature a flattened page ran on after the last sentence.
        (
            "Returns",
            EN + " Jane Doe Director Office of Human Resources March 3, 2026",
            "Office of Human Resources",
        ),
        ("Returns", EN + " Ministry of Labour 3 March 2026", "Ministry of Labour"),
        ("Returns", EN + " 3 March 2026 Ministry of Labour", "Ministry of Labour"),
        ("Returns", EN + " Issued by the Ministry of Labour 3 March 2026 ###", "Ministry of Labour"),
        ("Returns", EN + " ### Media contact: Jane Doe, Ministry of Labour, 555-0100", "Ministry of Labour"),
    ],
)
def test_english_issuer_forms(title: str, text: str, expected: str) -> None:
    assert summarize(title, text).issuer == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("No.: 24/2024" + EN, "24/2024"),
        ("Circular No.: SRD 01/2020" + EN, "SRD 01/2020"),
        ("DIRECTIVE NUMBER: CPL 03-00-023" + EN, "CPL 03-00-023"),
        ("Release Number: SE20011" + EN, "SE20011"),
        ("No. 12/2/2020-Estt.(A-III)\nGovernment of India" + EN, "12/2/2020-Estt.(A-III)"),
        ("The Regulations 2020 (SI 2020/350) come into force today." + EN, "2020/350"),
        # An airworthiness directive's year-month-serial, a date's shape, read under its full name in a sentence.
        ("The FAA issued Emergency Airworthiness Directive 2018-08-51 on Friday." + EN, "2018-08-51"),
    ],
)
def test_english_number_forms(text: str, expected: str) -> None:
    assert summarize("Returns", text).doc_number == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A file number shaped like a date is no date; the dated line below it is.
        (
            "No. 12/2/2020-Estt\nGovernment of India\nNew Delhi, dated the 3rd March, 2026\nOFFICE MEMORANDUM"
            + EN,
            "2026-03-03",
        ),
        (EN + "\n\nGiven under my hand this the 3rd day of March, 2026.", "2026-03-03"),
        ("Notice Date: March 3, 2026" + EN, "2026-03-03"),
        ("Publish date: 3 March 2026" + EN, "2026-03-03"),
        # The date of a signature a flattened page ran on, with or without its label.
        (EN + " Jane Doe Director Office of Human Resources March 3, 2026", "2026-03-03"),
        (EN + " Dated: 3 March 2026 Jane Doe Minister Ministry of Labour", "2026-03-03"),
        (EN + " Ministry of Labour 3 March 2026 Media contact: Jane Roe, 555-0100 ###", "2026-03-03"),
        ("Issued by the Ministry of Labour on 3 March 2026." + EN, "2026-03-03"),
    ],
)
def test_english_date_forms(text: str, expected: str) -> None:
    assert summarize("Returns", text).published == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # Titles: a body's letter or reminder under its name, a dated matter without 关于, a site after a hyphen.
        ("某某市教育局致全市中小学生家长的一封信", ZH, "某某市教育局"),
        ("某某小学告家长书", ZH, "某某小学"),
        ("某某市公安局温馨提示", ZH, "某某市公安局"),
        ("某某大学2024年安全工作要点的通知", ZH, "某某大学"),
        ("关于做好安全工作的通知-某某市教育局", ZH, "某某市教育局"),
        ("某某省教育厅部署2024年安全工作", "全省中小学要加强值班，3月15日前完成排查。", "某某省教育厅"),
        # Reports: more kinds of document, a site with 其 or a 公众号, a press conference, a credit, a 发布 field.
        ("某市", "某某大学研究生院发布公示如下。", "某某大学研究生院"),
        ("某市", "某某市市场监管局发出紧急提醒，不要购买来源不明的口罩。", "某某市市场监管局"),
        ("某市", "某某市教育局在其官网发布通知，全市中小学延期开学。", "某某市教育局"),
        ("某市", "某某市教育局官方微信公众号5日发布通知称，全市中小学延期开学。", "某某市教育局"),
        ("某市", "某某市疫情防控指挥部今天召开新闻发布会，通报全市中小学延期开学。", "某某市疫情防控指挥部"),
        ("某校开展安全教育", "3月5日，全校开展安全教育活动。（某某大学保卫处供稿）", "某某大学保卫处"),
        ("关于做好安全工作的通知", "发布：某某区应急管理局  时间：2024-03-05\n" + ZH, "某某区应急管理局"),
        # Signers' names that end otherwise: a prison, a county's numbered school.
        ("关于做好安全工作的通知", ZH + "某某监狱\n2024年3月5日", "某某监狱"),
        ("关于做好安全工作的通知", ZH + "某某县一中\n2024年3月5日", "某某县一中"),
        # A name abbreviated to its level where the text writes it in full in a field.
        (
            "关于加强管控的通告",
            "经县防控指挥部研究，现通告如下。\n一、减少外出。\n信息来源：某某县防控指挥部",
            "某某县防控指挥部",
        ),
    ],
)
def test_chinese_issuer_forms(title: str, text: str, expected: str) -> None:
    assert summarize(title, text).issuer == expected


@pytest.mark.parametrize(
    "foot",
    [
        # A flattened page runs the annex list, the cc line, a page field or the seal's note on with the sign-off.
        "特此通知。某某市教育局2024年3月5日附件：报名表",
        "特此通知。某某市教育局2024年3月5日抄送：某某市人民政府办公室",
        "特此通知。某某市教育局二〇二四年三月五日抄送：某某市人民政府办公室。联系人：李某，电话：12345678",
        "特此通知。某某市教育局2024年3月5日责任编辑：王某",
        "特此通知。某某市教育局（盖章）2024年3月5日",
        "特此通知。\n某某市教育局2024年3月5日附件1报名表单位名称：",
    ],
)
def test_chinese_run_on_signoffs(foot: str) -> None:
    result = summarize("关于做好安全工作的通知", ZH + foot)
    assert (result.issuer, result.published) == ("某某市教育局", "2024-03-05")


def test_a_signoff_date_without_its_name_under_the_annex_list_is_the_documents() -> None:
    # The name set as a seal image, dropped by the page: the date under the annex list still dates the document,
    # not the annex's own sign-off further down.
    text = ZH + "特此通知。\n附件：1.报名表\n2.汇总表\n2024年3月5日\n附件1\n报名表\n某某专家组\n2024年2月1日"
    assert summarize("关于做好安全工作的通知", text).published == "2024-03-05"


URL = "https://example.org/news/2026/03/03/returns"


@pytest.mark.parametrize(
    "top",
    [
        "Posted March 3",
        "Published: Tuesday, March 3",
        "Tuesday, 3 March",
        "Mar 3, 10:00 AM",
        "March 3 — The ministry said",
    ],
)
def test_a_yearless_date_line_at_the_top_takes_the_pages_year(top: str) -> None:
    assert summarize("Returns", top + "\n" + EN, URL).published == "2026-03-03"


def test_a_yearless_lead_naming_an_event_is_no_date_line() -> None:
    assert summarize("Returns", "March 3 — Deadline for applications\n" + EN, URL).published is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Indian Railways has cancelled 3,000 trains." + EN, "Indian Railways"),
        ("Singapore Airlines has cancelled flights." + EN, "Singapore Airlines"),
    ],
)
def test_carriers_issue_notices(text: str, expected: str) -> None:
    assert summarize("Returns", text).issuer == expected


def test_a_serial_alone_above_the_notice_kind_is_its_number() -> None:
    assert summarize("Returns", "No. 45\nPUBLIC NOTICE" + EN).doc_number == "45"


@pytest.mark.parametrize(
    "header",
    [
        "索引号\t11/2024-001\t发布机构\t某某县教育局\n发文日期\t2024-03-05",
        "索引号 11/2024-001  发布机构 某某县教育局  发文日期 2024-03-05",
    ],
)
def test_a_flattened_disclosure_table_names_the_publisher(header: str) -> None:
    result = summarize("关于做好安全工作的通知", header + "\n" + ZH)
    assert (result.issuer, result.published) == ("某某县教育局", "2024-03-05")


def test_a_named_group_of_a_joint_mechanism_issues() -> None:
    text = "国务院联防联控机制医疗救治组近日印发《关于做好安全工作的通知》。"
    assert summarize("某市", text).issuer == "国务院联防联控机制医疗救治组"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("The ministry has asked each organisation in the programme to file returns.", "2026-03-04"),
        ("The department has asked each organization in the program to file returns.", "2026-04-03"),
        # Capitalised spellings are names ("Ministry of Labour"), and one spelling is too weak a sign: none given.
        ("The Ministry of Labour has asked the organisation to file returns.", None),
        # Both spellings: no order to read an ambiguous date in, so none is given.
        ("The Department of Labor has asked the organisation to file returns.", None),
    ],
)
def test_an_ambiguous_slash_date_is_read_in_the_order_the_pages_spelling_shows(
    body: str, expected: str | None
) -> None:
    assert summarize("Returns", "Date: 04/03/2026\n\n" + body).published == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        ("安全工作", "某某市教育局制发《关于做好安全工作的通知》，要求各校加强值班。", "某某市教育局"),
        ("业主登记", "某某物业服务中心近日贴出通知，要求业主3月15日前登记。", "某某物业服务中心"),
        ("寒假安全", "某某市教育局对寒假安全工作作出部署，要求各校加强值班。", "某某市教育局"),
        ("疫情防控", "某某市卫健委发布：全市中小学延期开学。", "某某市卫健委"),
        ("某某市教育局发通知：中小学延期开学", "全市中小学延期开学。", "某某市教育局"),
    ],
)
def test_more_chinese_report_verbs(title: str, text: str, expected: str) -> None:
    assert summarize(title, text).issuer == expected


@pytest.mark.parametrize(
    ("label", "expected"),
    [("发布单位：校办", "校办"), ("发布机构：办公室", "办公室"), ("发布单位：团委", "团委")],
)
def test_a_units_short_name_under_a_publisher_label(label: str, expected: str) -> None:
    assert summarize("关于做好安全工作的通知", label + "  发布时间：2024-03-05\n" + ZH).issuer == expected


def test_an_authors_short_title_is_no_body() -> None:
    # "作者" may name a person ("李处" is a division head): short names are read only under a body's label.
    assert summarize("关于做好安全工作的通知", "作者：李处\n" + ZH).issuer is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An office and the person holding it, then the act: the office speaks.
        (
            "The Commissioner General of Examinations B. Jane Doe said the exam is postponed.",
            "Commissioner General of Examinations",
        ),
        ("The Ministry of Health Dr. Jane Doe said schools must close.", "Ministry of Health"),
        # An office named by its holder's title before the body's words.
        (
            "Director General of Health Services Dr. Jane Doe said schools must close.",
            "Director General of Health Services",
        ),
    ],
)
def test_an_office_and_its_holder(text: str, expected: str) -> None:
    assert (
        summarize("Notice", text + " All candidates must apply before the closing date.").issuer == expected
    )

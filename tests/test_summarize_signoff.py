"""Metadata that generalises: sign-off blocks, joint and reported issuers, English bodies, numbers, datelines."""

from __future__ import annotations

import datetime as dt

from bot.summarize import summarize
from bot.summarize.meta import find_doc_number, find_issuer
from bot.summarize.sentences import split
from bot.summarize.signoff import find_signoff


def test_signoff_is_a_body_line_then_a_date_line() -> None:
    text = "各单位要做好防汛工作。\n特此通知。\n县应急管理局\n2024年5月6日\n附件\n防汛值班表"
    found = find_signoff(split(text, "zh"), "zh")
    assert found is not None
    assert found.issuer == "县应急管理局" and found.date == dt.date(2024, 5, 6)
    # The annex begins right after the date line.
    assert split(text, "zh")[found.index + 1].text == "附件"


def test_signoff_on_one_line_and_in_chinese_numerals() -> None:
    one_line = "用户仍可在线申报。\n\n省电子政务数据中心 二〇二一年三月九日"
    found = find_signoff(split(one_line, "zh"), "zh")
    assert found is not None and found.issuer == "省电子政务数据中心" and found.date == dt.date(2021, 3, 9)


def test_a_signature_of_a_person_or_a_heading_is_not_a_signoff() -> None:
    assert find_signoff(split("要做好工作。\n张三\n2024年5月6日", "zh"), "zh") is None
    assert find_signoff(split("一、工作目标\n到2025年完成改造。", "zh"), "zh") is None


def test_issuer_from_the_signoff_when_the_title_names_none() -> None:
    s = summarize(
        "关于加强夜间施工管理的通告", "一、夜间禁止施工。\n\n市城市管理综合执法领导小组\n\n2024 年 6 月 1 日"
    )
    assert s.issuer == "市城市管理综合执法领导小组"
    assert s.published == "2024-06-01"


def test_joint_issuers_are_given_as_written() -> None:
    # The metadata a reader checks against the notice is a string of the notice.
    assert find_issuer("人力资源社会保障部 财政部关于调整失业保险金标准的通知", "", "zh") == (
        "人力资源社会保障部 财政部"
    )
    assert find_issuer("中共某省委办公厅、某省人民政府办公厅印发《关于X的通知》", "", "zh") == (
        "中共某省委办公厅、某省人民政府办公厅"
    )


def test_issuer_of_a_report_as_written_in_its_text() -> None:
    text = "本报讯 记者从有关方面了解到，国家森林草原防灭火指挥部办公室日前发出紧急通知，要求各地排查隐患。"
    assert find_issuer("国家防灭火办发出紧急通知", text, "zh") == "国家森林草原防灭火指挥部办公室"
    assert find_issuer("", "据水利部网站消息，近日各地开展检查。", "zh") == "水利部"


def test_english_issuers_from_openings_acronyms_orders_and_signatures() -> None:
    opening = "WASHINGTON — The Federal Highway Administration today reminded states that reports are due."
    assert find_issuer("", opening, "en") == "Federal Highway Administration"
    acronym = "All drivers will now need approval from the Land Transport Authority (LTA) before they travel."
    assert find_issuer("", acronym, "en") == "Land Transport Authority"
    order = "Order of the Fire Officer of the Shire of Calder K31-07\nAll campers must douse fires."
    assert find_issuer(order.split("\n")[0], order, "en") == "Fire Officer of the Shire of Calder"
    subject = "The NTSB has issued an urgent recommendation to inspect the bolts."
    assert find_issuer("", subject, "en") == "NTSB"
    # A one-word "Agency requires …" headline names no one.
    assert find_issuer("Agency requires masks", "Agency requires masks on buses.", "en") is None


def test_doc_numbers_in_every_bracket_style_and_on_their_own_line() -> None:
    assert (
        find_doc_number("", "省政府办公厅关于落实X的通知\n苏政办发（2022）12号\n各市人民政府：")
        == "苏政办发（2022）12号"
    )
    assert find_doc_number("", "某某关于转发Y的通知\n浙政发〔2020〕3号") == "浙政发〔2020〕3号"
    assert find_doc_number("", "市政府文件 市府发[2019]7号") == "市府发[2019]7号"


def test_english_release_numbers() -> None:
    assert find_doc_number("NR-2025-17: Agency extends filing season", "", "en") == "NR-2025-17"
    assert find_doc_number("", "Release Number: 24-101-NAT\nThe agency said …", "en") == "24-101-NAT"
    assert find_doc_number("Order of the Fire Officer K31-07", "", "en") == "K31-07"
    assert find_doc_number("COVID-19 guidance for schools", "COVID-19\nSchools must …", "en") is None


def test_published_from_labels_datelines_and_the_signoff() -> None:
    assert summarize("t", "成文日期：2023-03-21\n各单位要做好工作。").published == "2023-03-21"
    dateline = "CHICAGO, May 6, 2025 — Employers must post the notice by June 1."
    assert summarize("Employers must post notice", dateline).published == "2025-05-06"
    labelled = "date 2020-02-08 All pass holders must apply before they return."
    assert summarize("Pass holders must apply", labelled).published == "2020-02-08"


def test_a_name_spelled_out_before_its_acronym_is_the_issuer() -> None:
    text = "Employers should follow the new guidance from HM Revenue and Customs (HMRC) on payroll."
    assert find_issuer("", text, "en") == "HM Revenue and Customs"
    said = (
        "Drivers must register by May 1, said the Regional Board of Technical Examinations (RBTE) on Monday."
    )
    assert find_issuer("", said, "en") == "Regional Board of Technical Examinations"


def test_news_agencies_are_not_issuers_and_party_bodies_are() -> None:
    assert find_issuer("", "据新华社消息，近日各地开展检查。", "zh") is None
    assert find_issuer("中共中央 国务院关于加强基层治理的意见", "", "zh") == "中共中央 国务院"


def test_labelled_english_numbers_with_slashes_and_bare_labels() -> None:
    assert find_doc_number("", "IRS Notice 2020-23 extends the deadlines.", "en") == "2020-23"
    assert find_doc_number("", "Circular No. 12/2020 applies to all schools.", "en") == "12/2020"

"""Metadata in the general forms of notices: letterheads, memos, council signatures, file numbers, reports.

Each rule is pinned on small hand-written notices, with a negative case where one applies: a notice that does
not state a field gets none, and a name is given as the text itself writes it.
"""

from __future__ import annotations

import pytest

from bot.dates import find_dates
from bot.summarize import summarize
from bot.summarize.meta import find_doc_number, find_issuer

EN_ISSUERS: list[tuple[str, str, str | None]] = [
    # "according to the X." names the whole body, not its first word.
    ("Schools", "Schools reopen on Monday, according to the Ministry of Education.", "Ministry of Education"),
    # A notice given or signed on a body's behalf.
    (
        "Roads",
        "On behalf of the Springfield City Council, residents must not park.",
        "Springfield City Council",
    ),
    ("Roads", "Notice is hereby given by the Marlow Shire Council that roads close.", "Marlow Shire Council"),
    # Towns and villages are bodies; a signer's post on its own line is not.
    ("Boil", "The Town of Cary has issued a boil water advisory.", "Town of Cary"),
    ("Roads", "Residents must not park.\nJohn Smith\nTown Clerk\nTown of Springfield", "Town of Springfield"),
    ("Roads", "Roads will close.\nJohn Smith\nChief Executive Officer", None),
    # A memo's FROM line: the signer's body after the person, or the person where no body is named.
    (
        "Telework",
        "MEMORANDUM\nTO: All Staff\nFROM: Jane Doe, Director, Office of Human Resources\nStaff must return.",
        "Office of Human Resources",
    ),
    (
        "Meeting",
        "March 3, 1997\nTo: All Tutors\nFrom: Provost Ann Roe\nRe: Rota\nPlease attend.",
        "Provost Ann Roe",
    ),
    (
        "Flyers",
        "Date: May 9, 2011\nTo: Members\nFrom : Ann Roe, Warden of Halls\nUse email.",
        "Ann Roe, Warden of Halls",
    ),
    # …but a "From:" in a page without a memo's "To:" names no writer.
    ("Flyers", "From: Ann Roe, Warden of Halls\nUse email.", None),
    # A council's manager signs for the municipality the text names.
    (
        "Meeting",
        "Input is invited on all areas of Marlow municipality.\nAdv. J Doe, Municipal Manager",
        "Marlow municipality",
    ),
    # Letterheads go down to the unit that writes, under a file number; names may hold commas and dots.
    (
        "Wharves",
        "No. 42/7/2011-Adm (B.II)\nGovernment of Veland\nMinistry of Lands, Waterways and Harbours\n"
        "Department of Ports & Shipping\nQuay Street, Port Kessel\nWharves shall close.",
        "Department of Ports & Shipping",
    ),
    (
        "Wharves",
        "No.27/3/2011-Adm.(D)\nGovernment of Veland\nDepartment of Lands, W.R. and Surveys\n"
        "(Department of Land Records)\nWharves shall close.",
        "Department of Lands, W.R. and Surveys",
    ),
    (
        "Licences",
        "OFFICE OF THE SR. CONTROLLER OF INLAND FISHERIES (LICENCES)\nREGISTERED\nCircular No. 14\n"
        "Licence holders have reported delays.",
        "OFFICE OF THE SR. CONTROLLER OF INLAND FISHERIES (LICENCES)",
    ),
    # A short notice's signature is no letterhead.
    (
        "Parking",
        "Residents must not park on Main Street.\nSpringfield City Council",
        "Springfield City Council",
    ),
    # A headline's spelled-out phrase with a short form is no body unless it has a body's word.
    (
        "Spread of Leaf Blight of Unknown Origin (LBU) in Norvale",
        "The Bureau of Plant Health and Quarantine (BPHQ) is tracking the spread of a blight.",
        "Bureau of Plant Health and Quarantine",
    ),
    ("Spread of Leaf Blight of Unknown Origin (LBU) in Norvale", "Farmers must report cases.", None),
    # Mixed-case short forms; a flattened page's "… by Admin The Ministry" is not part of the name.
    (
        "Clinics",
        "The Ministry of Health and Family Welfare (MoHFW) has ordered all clinics to close.",
        "Ministry of Health and Family Welfare",
    ),
    (
        "Clinics",
        "Posted on March 13, 2020 by Admin The Ministry of Health ordered clinics to close.",
        "Ministry of Health",
    ),
    # Corps, patrols, cells and funds are bodies too.
    (
        "Lake",
        "The U.S. Army Corps of Engineers announced that the lake will close.",
        "U.S. Army Corps of Engineers",
    ),
    ("Roads", "The California Highway Patrol urged drivers to slow down.", "California Highway Patrol"),
    ("Leave", "The Grievance Cell has directed all staff to apply.", "Grievance Cell"),
    ("Leave", "The unit has directed all staff to apply.", None),
    # What a release reports its body doing: monitoring, taking action, writing; one that issues or orders
    # outranks one that only acts.
    (
        "Blight",
        "The Bureau of Plant Health and Quarantine is monitoring a blight.",
        "Bureau of Plant Health and Quarantine",
    ),
    ("Clinics", "The Ministry of Health wrote to all clinics on Monday.", "Ministry of Health"),
    (
        "Clinics",
        "The World Health Organization took note of the cluster. The Ministry of Health ordered clinics to close.",
        "Ministry of Health",
    ),
    # A body the headline names is given as the text spells it.
    (
        "US Department of Labor extends deadline",
        "The U.S. Department of Labor today extended the deadline for comments.",
        "U.S. Department of Labor",
    ),
]


@pytest.mark.parametrize(("title", "text", "expected"), EN_ISSUERS)
def test_english_issuers(title: str, text: str, expected: str | None) -> None:
    assert find_issuer(title, text, "en") == expected


ZH_ISSUERS: list[tuple[str, str, str | None]] = [
    # "关于转发X关于…" names no body before 关于: the sign-off does.
    (
        "关于转发省教育厅关于做好防汛工作的通知的通知",
        "各学校：\n现将省教育厅《关于做好防汛工作的通知》转发给你们。\n某某县教育局\n2024年3月4日",
        "某某县教育局",
    ),
    # An office signing with its body's seal; a second name in brackets inside the name.
    ("关于X的通知", "各区：请做好工作。\n某市防汛抗旱指挥部（代章）\n2024年3月4日", "某市防汛抗旱指挥部"),
    ("关于X的通知", "各系：\n请按时报送。\n学工部(处)办公室  \n\n2023年10月9日", "学工部(处)办公室"),
    # An attachment's link run into the name; a date line with its time or act; a layout note in between.
    ("关于X的通知", "各分会：\n请报名。\n附件:报名表.docx校工会\n2022年9月13日", "校工会"),
    ("关于X的通知", "各单位：\n请值班。\n某县应急管理局\n2024年2月1日 18:00", "某县应急管理局"),
    ("关于X的通知", "各单位：\n请值班。\n某县应急管理局\n（此页无正文）\n2024年2月1日", "某县应急管理局"),
    ("关于X的通知", "各单位：\n请值班。\n中国人民银行某某中心支行\n2024年2月1日", "中国人民银行某某中心支行"),
    # Joint signers as the sign-off line writes them, or run together as the title writes them.
    (
        "关于X的通知",
        "校内各单位：\n请联系教务处、科研处。\n教务处 科研处\n2023年10月9日",
        "教务处 科研处",
    ),
    (
        "中共某市委办公室某市人民政府办公室印发《X》的通知",
        "各县：\n现印发给你们。\n中共某市委办公室\n\n某市人民政府办公室\n\n2019年4月15日",
        "中共某市委办公室某市人民政府办公室",
    ),
    # A flattened page's label cells: the value on the line under its label; 作者 names a body, not a person.
    (
        "关于X的通知",
        "索引号\n114/2024-00012\n发布机构\n某市教育局\n发文日期\n2024-03-04\n各区：请做好工作。",
        "某市教育局",
    ),
    ("关于X的通知", "作者：县应急局\n各单位：请值班。", "县应急局"),
    ("关于X的通知", "作者：张三\n各单位：请值班。", None),
    # A header broken after the body's name, above a line that is only the kind of document.
    ("通告", "某市疫情防控指挥部\n通告\n（第5号）\n经研究决定，暂停聚集。", "某市疫情防控指挥部"),
    # Reports: the document as the subject of its issuing, "发布的《", a spokesperson, a site, short names.
    ("稳就业", "近日，《国务院办公厅关于做好稳就业工作的通知》印发，要求各地落实。", "国务院办公厅"),
    ("稳就业", "根据《国务院办公厅关于做好稳就业工作的通知》印发的要求，各地要落实。", None),
    ("稳就业", "国务院办公厅近日发布的《关于做好稳就业工作的通知》明确，企业须按时申报。", "国务院办公厅"),
    ("稳就业", "人社部新闻发言人张三1月5日表示，企业须按时申报。", "人社部"),
    ("稳就业", "近日，交通运输部官网发布通知，企业须按时申报。", "交通运输部"),
    ("稳就业", "据人社部官方微信消息，企业须按时申报。", "人社部"),
    ("稳就业", "人社部近日就稳就业工作作出部署，要求企业按时申报。", "人社部"),
    ("稳就业", "近日，省委、省政府印发《关于做好稳就业工作的意见》。", "省委、省政府"),
    ("稳就业", "近日，我市人社局下发《关于做好稳就业工作的通知》。", "市人社局"),
    # A name spaced out on its sign-off line is one name, given squeezed (the text need not write it so).
    ("关于X的通知", "各省：\n经国务院同意，现通知如下。\n国 务 院\n一九九〇年一月九日", "国务院"),
    ("关于X的通知", "各省：\n现通知如下。\n国 务 院\n一九九〇年一月九日", "国务院"),
]


@pytest.mark.parametrize(("title", "text", "expected"), ZH_ISSUERS)
def test_chinese_issuers(title: str, text: str, expected: str | None) -> None:
    assert summarize(title, text).issuer == expected


DOC_NUMBERS: list[tuple[str, str, str | None]] = [
    (
        "Leave",
        "F. No. A-12011/2/2019-Estt\nGovernment of India\nAll staff must apply online.",
        "A-12011/2/2019-Estt",
    ),
    (
        "Wharves",
        "No. 24017/3/2011-Adm (B.II)\nGovernment of Veland\nWharves shall close.",
        "24017/3/2011-Adm (B.II)",
    ),
    ("Wharves", "No.12/4/2011-Adm.(D)\nGovernment of Veland\nWharves shall close.", "12/4/2011-Adm.(D)"),
    ("Fees", "No. 2(5)/2009-F.III (C)\nGovernment of Veland\nFees are revised.", "2(5)/2009-F.III (C)"),
    # A bracket in the text that follows, in lower case, is no part of the number.
    ("Rules", "Notice No. 2020-05 (see below) applies.\nStaff must comply.", "2020-05"),
    ("Grant", "PRESS RELEASE | ATC-PR-2031-17\n\nThe Authority today announced a grant.", "ATC-PR-2031-17"),
    # Non-breaking hyphens are read as hyphens and given as printed.
    ("Rule", "Release Number 17\u2011919\u2011NAT\nEmployers must comply.", "17\u2011919\u2011NAT"),
    # A timestamp is no number.
    ("Rule", "2017-06-27T10:22:00Z\nOSHA today proposed a delay.", None),
    # A release number alone at the foot of a long release.
    (
        "Rule",
        "OSHA today proposed a delay. " + "Employers must keep records. " * 60 + "\n17-919-NAT",
        "17-919-NAT",
    ),
]


@pytest.mark.parametrize(("title", "text", "expected"), DOC_NUMBERS)
def test_english_doc_numbers(title: str, text: str, expected: str | None) -> None:
    assert find_doc_number(title, text, "en") == expected


PUBLISHED: list[tuple[str, str, str | None]] = [
    # A byline before the date is not a deadline's "by"; a deadline's is.
    ("Clinics", "By Jane Doe March 13, 2020 The Ministry of Health ordered clinics to close.", "2020-03-13"),
    ("Taxes", "Pay your taxes by March 20, 2020. The Ministry said so.", None),
    # An issue told after a report's lead.
    (
        "Clinics",
        "\n".join(f"Paragraph {i} says clinics will be inspected." for i in range(10))
        + "\nThe Ministry of Health issued the order on March 13, 2020.",
        "2020-03-13",
    ),
    # Letterhead dates with the ordinal set apart; Chinese years typed with a zero digit.
    (
        "Wharves",
        "Government of Veland\nPort Kessel, dated 7 th June, 2019\nWharves shall close.",
        "2019-06-07",
    ),
    ("关于X的通知", "各单位：\n请值班。\n某县应急管理局\n二0二四年二月一日", "2024-02-01"),
]


@pytest.mark.parametrize(("title", "text", "expected"), PUBLISHED)
def test_published_dates(title: str, text: str, expected: str | None) -> None:
    assert summarize(title, text).published == expected


def test_typed_zero_years_are_read_only_in_four_numeral_years() -> None:
    assert find_dates("二O一九年三月一日", None)[0].date.isoformat() == "2019-03-01"
    assert find_dates("二0二四年", None) == []  # a year alone is no date
    assert find_dates("第0月", None) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # No unambiguous slash date: the page's dates in words tell the order, month first or day first.
        ("Date: 03/04/2024\nEmployers must pay overtime by April 30, 2024.", "2024-03-04"),
        ("Date: 03/04/2024\nEmployers must pay overtime by 30 April 2024.", "2024-04-03"),
        ("Date: 03/04/2024\nEmployers must pay overtime.", None),
    ],
)
def test_ambiguous_slash_dates_follow_the_page_s_written_dates(text: str, expected: str | None) -> None:
    assert summarize("Overtime", text).published == expected


def test_an_acronym_in_brackets_after_a_number_is_not_part_of_it() -> None:
    assert find_doc_number("Rule", "Release No. 20-123 (OSHA)\nEmployers must comply.", "en") == "20-123"


def test_chinese_reports_recall_earlier_documents_further_down() -> None:
    lines = [f"第{i}段介绍了工作进展情况。" for i in range(10)]
    text = "\n".join([*lines, "2019年3月1日，国务院印发《关于X的意见》。"])
    assert summarize("关于X工作的情况", text).published is None

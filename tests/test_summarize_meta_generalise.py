"""Metadata forms of official documents in general (issue #9 item 4): English document numbers, "Office of the X"
bodies, a site footer's 主办/承办; each form with look-alikes that must not match. Hand-written texts only."""

from __future__ import annotations

import pytest

from bot.summarize import summarize
from bot.summarize.meta import find_doc_number, find_issuer


@pytest.mark.parametrize(
    ("title", "text", "number"),
    [
        # Labelled numbers of circulars, orders, memoranda, letters and files.
        ("Circular on fees", "Circular No. 12/2024\nAll schools must pay fees by May 1.", "12/2024"),
        ("Circular", "Circular N° 12/2024\nAll members must renew by May 1.", "12/2024"),
        ("Circular", "Circular Nº 7/2024\nAll members must renew by May 1.", "7/2024"),
        ("Order", "Order No. 45/2024\nAll offices shall close.", "45/2024"),
        ("Leave", "Office Memorandum No. 12/3/2020-Estt\nSubject: leave", "12/3/2020-Estt"),
        ("Leave", "F. No. 1/2/2020-Estt.\nGovernment of Veland\nSubject: leave", "1/2/2020-Estt"),
        ("Letter", "File No. ABC/12/2024\nDear Sir,", "ABC/12/2024"),
        ("Letter", "Letter No. 1234/Estt/2024\nTo all heads of offices", "1234/Estt/2024"),
        # A letterhead's reference line is the writer's own; "Your ref" is the addressee's.
        (
            "Water",
            "SPRINGFIELD WATER AUTHORITY\nYour ref: XY/9/2026\nOur ref: SWA/2026/12\nDear resident,",
            "SWA/2026/12",
        ),
        ("Water", "SPRINGFIELD WATER AUTHORITY\nRef.: No. SWA/2026/12\nDear resident,", "SWA/2026/12"),
        ("Notice", "PUBLIC NOTICE No. 14/2024\nResidents are informed of road works.", "14/2024"),
        ("Advisory", "Advisory No. 3/2024\nTravellers must carry their passports.", "3/2024"),
        ("Bulletin", "Bulletin No. 2024-07\nEmployers must file by June 1.", "2024-07"),
        ("Directive", "Directive No. 5 of 2024\nAll banks must report.", "5"),
        ("Announcement", "Announcement 2024-12\nThe Service will accept late elections.", "2024-12"),
        ("Memo", "MEMORANDUM\nNUMBER: 24-015\nTO: All staff\nStaff must attend.", "24-015"),
        # Executive orders, proclamations and releases.
        ("EO", "Executive Order 14028 of May 12, 2021\nImproving the Nation's Cybersecurity", "14028"),
        ("Proclamation", "Proclamation 10000 of March 3, 2020\nBy the President", "10000"),
        ("Release", "Release No. 34-99876\nWashington D.C., The Commission today adopted rules.", "34-99876"),
        ("Release", "Media Release No. 15/2024\nThe Authority today closed the beach.", "15/2024"),
        ("Release", "PR 45/2024\nThe Ministry today announced new fees.", "45/2024"),
        ("24-123MR Regulator sues lender", "The Regulator today filed proceedings.", "24-123MR"),
        ("Court", "PN 12/24\nThe Court will sit on 3 March.", "12/24"),
        # Gazettes and registers: India's statutory rules, Australia's legislative instruments.
        ("Notification", "Notification No. G.S.R. 123(E)\nIn exercise of the powers conferred", "123(E)"),
        (
            "Determination",
            "Legislative Instrument F2024L00123\nThe Minister makes this instrument.",
            "F2024L00123",
        ),
        ("Circular", "Circular No. AMLD 01/2024\nAll banks must screen customers.", "AMLD 01/2024"),
        (
            "Circular",
            "Circular No.: SEBI/HO/MIRSD/MIRSD-PoD-1/P/CIR/2024/12\nBrokers must",
            "SEBI/HO/MIRSD/MIRSD-PoD-1/P/CIR/2024/12",
        ),
        # Read by the generic "No." label already before this branch: pinned as a form, not as a new rule's test.
        ("Note", "U.O. No. 12/3/2024-Estt\nThe Department has decided", "12/3/2024-Estt"),
        (
            "Road Traffic Regulations",
            "STATUTORY INSTRUMENTS\n2024 No. 123\nROAD TRAFFIC\nThe Secretary of State makes",
            "2024 No. 123",
        ),
        # Only an acronym before the kind (another word may cite one: "Previous Circular 7").
        ("MAS Notice 626", "Banks must screen customers.", "626"),
        ("Evacuation", "Directive 2\nAll staff must evacuate.", "2"),
        ("Notice", "MAS Notice 626\nBanks must screen customers.", "626"),
        # A rulemaking's identifier, when it states nothing else.
        (
            "Rule",
            "AGENCY: Coastal Survey Office.\nACTION: Notice of proposed rulemaking.\nRIN 2060-AV12\nSUMMARY: We propose",
            "2060-AV12",
        ),
        ("Rule", "Docket No. FDA-2024-N-1234\nThe Agency is announcing a meeting.", "FDA-2024-N-1234"),
    ],
)
def test_english_document_numbers(title: str, text: str, number: str) -> None:
    assert find_doc_number(title, text, "en") == number


def test_a_serial_closing_a_line_is_the_notices_own_unless_cited() -> None:
    text = "Circular 45\nThis is in accordance with Circular 12\nAll staff must attend."
    assert find_doc_number("Staff", text, "en") == "45"


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # A year after a kind dates it; a kind and serial inside a line or a headline cite another document.
        ("Holiday Notice 2024", "The office will close on 25 December."),
        ("Christmas Bulletin 2023", "Staff must file leave."),
        ("Annual Advisory 2025", "Travellers must carry passports."),
        ("Staff", "Memorandum 2024\nAll staff must attend."),
        ("Staff", "Please refer to Circular 7\nAll staff must attend."),
        ("Staff", "As explained in the earlier Notice 5\nAll staff must attend."),
        ("Response to Notice 12", "The council replies to objections."),
        ("Changes to Circular 45", "The bank amends its rules."),
        ("Comments invited on Bulletin 9", "Send comments by May."),
        ("Circular 12 supersedes Circular 8", "All staff must attend."),
    ],
)
def test_a_kind_and_serial_without_a_mark_only_heading_a_line(title: str, text: str) -> None:
    assert find_doc_number(title, text, "en") is None


def test_the_documents_own_number_outranks_its_docket_and_rin() -> None:
    """Decision: a docket or a RIN numbers a proceeding (its proposed rule, comments, final rule), so it is read
    only when the notice states no number of its own; a Federal Register document number is the notice's."""
    head = "Docket No. FDA-2024-N-1234\nRIN 0910-AI12\nThe Agency proposes to amend its rules.\n"
    assert find_doc_number("Rule", head + "[FR Doc. 2024-12345 Filed 6-5-24; 8:45 am]", "en") == "2024-12345"
    assert find_doc_number("Rule", "RIN 0910-AI12\n[FR Doc. 2024-12345 Filed 6-5-24]", "en") == "2024-12345"
    assert (
        find_doc_number("Rule", "RIN 0910-AI12\nThe Agency proposes to amend its rules.", "en") == "0910-AI12"
    )


@pytest.mark.parametrize(
    "text",
    [
        # Decision: a permit's or an application's number names what the notice is about, not the notice.
        "PUBLIC NOTICE\nThe Department has received an application for Permit No. 2024-0123 from Acme.",
        "Public notice of Application No. 2024/0456 for a licence to extract water.",
        "Call the office on Phone Number: 555-0100 for details.",
        "Flight No. AB-123 is delayed until noon.",
        "The order 45 boxes must ship by Friday.",
        "Pay Rs 1,000/- by 12/05/2024.",
        "Form W-2 is due January 31.",
        "Please see Reference 12 in the appendix.",
        "The RIN of the dealer is 2060 on the form.",
        "Fit a PN 12/24 valve to each pump.",
        "The station lies at 45°N 12/24 of the grid.",
        "The shape F2024L is no register ID, nor is F20241L00123.",
        "Members must give Notice 30 days before leaving.",
        "This is in accordance with Order 12\nAll staff must attend.",
        "We sold 2024 No. 2 pencils last year.",
        # A pressure rating or a junction after PN, a contact's phone number, a part's code shaped as a register
        # ID, a year and serial with no statutory instrument's heading.
        "PN 16/25 flanges are required on all pumps.\nContractors must comply.",
        "PN 3/4 junction closed for works.\nDrivers must divert.",
        "Contact\nNumber: 0412-345-678\nStaff must attend.",
        "Order the C2024X12345 part by Friday.\nStaff must comply.",
        "Serial F2023A00001 printer is faulty.\nStaff must comply.",
        "Season\n2024 No. 3\nThe club won.",
    ],
)
def test_english_look_alikes_are_no_document_numbers(text: str) -> None:
    assert find_doc_number("Notice", text, "en") is None


_BODY = "\n\nAll departments must submit their returns by 5 March 2026.\n"


@pytest.mark.parametrize(
    ("title", "text", "issuer"),
    [
        ("Returns", "Office of the Chief Secretary" + _BODY, "Office of the Chief Secretary"),
        ("Returns", "OFFICE OF THE PRINCIPAL SECRETARY" + _BODY, "OFFICE OF THE PRINCIPAL SECRETARY"),
        ("Returns", "Office of the Deputy Commissioner" + _BODY, "Office of the Deputy Commissioner"),
        # A unit above its government: the unit issues.
        (
            "Returns",
            "Office of the Chief Secretary\nGovernment of Veland" + _BODY,
            "Office of the Chief Secretary",
        ),
        (
            "Returns",
            "GOVERNMENT OF VELAND\nOFFICE OF THE CHIEF SECRETARY" + _BODY,
            "OFFICE OF THE CHIEF SECRETARY",
        ),
        (
            "Notice",
            "The Office of the Chief Secretary today directed departments to file.",
            "Office of the Chief Secretary",
        ),
        (
            "Returns",
            "All departments must file.\n\nSincerely,\nJane Doe\nOffice of the Joint Secretary",
            "Office of the Joint Secretary",
        ),
        # Look-alikes: a person's title after a body's name ends the name.
        (
            "Notice",
            "Department of Health Secretary Jane Doe said employers must comply.",
            "Department of Health",
        ),
        (
            "Notice",
            "Department of the Treasury Secretary Jane Doe said the rules apply.",
            "Department of the Treasury",
        ),
        ("Notice", "Office of the Chief Electoral Officer" + _BODY, "Office of the Chief Electoral Officer"),
        # Look-alikes: a rank after "and" starts a person, and a name after the post's title is its holder's.
        (
            "Notice",
            "The Ministry of Finance and Deputy Minister Jane Doe today announced new tax rules.",
            None,
        ),
        ("Notice", "Department of Health and Chief Secretary John Smith said the rules apply.", None),
        ("Notice", "Office of the Chief Secretary Jane Doe said the rules apply.", None),
        (
            "Notice",
            "Ministry of Home Affairs and the Special Secretary Jane Doe today issued an order.",
            None,
        ),
    ],
)
def test_office_of_a_ranked_post_is_one_body(title: str, text: str, issuer: str | None) -> None:
    assert find_issuer(title, text, "en") == issuer


def test_office_holder_is_not_glued_to_the_office() -> None:
    # "Deputy Commissioner Ravi Kumar" (a title with a person's name read as a body) is older and left alone.
    text = "The Office of the Deputy Commissioner Ravi Kumar today directed traders to close." + _BODY
    assert find_issuer("Notice", text, "en") != "Office of the Deputy Commissioner Ravi Kumar"


_ZH = "为丰富校园文化生活，定于2024年5月10日举办春季运动会，请各单位于5月5日前报名。\n"


@pytest.mark.parametrize(
    ("foot", "issuer"),
    [
        # Decision: 主办 is the organiser answerable for the notice, 承办 the unit that carries it out and 协办 a
        # helper: the issuer is the 主办 body, and a sign-off (the document's own signature) outranks both.
        ("主办：某市人民政府办公室 承办：某市大数据中心", "某市人民政府办公室"),
        ("主办：某市人民政府办公室承办：某市大数据中心", "某市人民政府办公室"),
        ("主办:某某市教育局承办:某某中学", "某某市教育局"),
        ("承办单位：某某中学 主办单位：某某市教育局", "某某市教育局"),
        ("主办：某某大学体育部 承办：某某大学学生会 协办：某某公司", "某某大学体育部"),
        ("某某大学体育部\n2024年4月20日\n主办：某某大学团委 承办：某某大学学生会", "某某大学体育部"),
    ],
)
def test_zh_footer_organiser_not_its_operator(foot: str, issuer: str) -> None:
    assert summarize("春季运动会报名", _ZH + foot).issuer == issuer


def test_zh_operator_alone_is_no_issuer() -> None:
    """A 承办 line alone names who runs the event or the site, never who issued the notice."""
    assert summarize("春季运动会报名", _ZH + "承办：某某大学学生会").issuer is None


_ZH_NOTICE = "各学院：\n请各学院于2024年3月20日前报送参赛名单，逾期不再受理。"


@pytest.mark.parametrize(
    ("tail", "issuer", "published"),
    [
        # A crawl that lost the page's line breaks runs the sign-off into the last sentence.
        ("特此通知。某县教育局2024年3月5日（本文有删减）", "某县教育局", "2024-03-05"),
        ("因此带来的不便请谅解！保 卫 处2024年3月5日", "保卫处", "2024-03-05"),
        ("请提前确定教室。信息管理中心2024-3-5", "信息管理中心", "2024-03-05"),
        ("特此通知。附件：申请表.docx校工会2024年3月5日", "校工会", "2024-03-05"),
    ],
)
def test_zh_flattened_signoff(tail: str, issuer: str, published: str) -> None:
    result = summarize("关于报送参赛名单的通知", _ZH_NOTICE + tail)
    assert (result.issuer, str(result.published)) == (issuer, published)


@pytest.mark.parametrize(
    "tail",
    [
        # A date closing a sentence, a date after a name that is no body's.
        "会议定于2024-3-5举行。",
        "因此带来的不便请谅解！欢迎访问2024-3-5",
        "特此通知。材料报送至县教育局2024年3月5日",
        # A re-poster's note is read only after the date, never inside the name before it.
        "特此通知。某县教育局（有删减）2024年3月5日",
        "特此通知。某县教育局（本文有删减）2024年3月5日",
        # A greeting, a site, an annex's download link or a hall run into the date names no signer.
        "谢谢！欢迎光临本网站2024-3-5",
        "具体安排见附件。附件下载信息中心2024-3-5",
        "逾期不候！体育馆2024-3-5",
    ],
)
def test_zh_flattened_look_alikes_sign_nothing(tail: str) -> None:
    result = summarize("关于报送参赛名单的通知", _ZH_NOTICE + tail)
    assert result.issuer is None
    assert result.published is None or str(result.published) != "2024-03-05"


_EN = "\nAll employers must file their returns by 30 June 2024.\n"


@pytest.mark.parametrize(
    ("title", "text", "issuer"),
    [
        ("Springfield Police Department - News Release", _EN, "Springfield Police Department"),
        ("Springfield Water Authority | Public Notice", _EN, "Springfield Water Authority"),
        ("Notice", "MEDIA STATEMENT BY THE MINISTRY OF HEALTH" + _EN, "MINISTRY OF HEALTH"),
        ("Notice", "Media statement by the Ministry of Health" + _EN, "Ministry of Health"),
        (
            "Notice",
            "NOTICE OF PUBLIC HEARING\nThe Springfield Planning Commission will hold a hearing." + _EN,
            "Springfield Planning Commission",
        ),
        # Look-alikes: what stands before a document's kind is no body; people holding an event are none.
        ("Road closures on Main Street - Notice", _EN, None),
        ("Park to reopen – Press Release", _EN, None),
        # A headline that starts with a body's name runs on past its body word: no whole name, no issuer.
        ("City Council Meeting Cancelled - Notice", _EN, None),
        ("Bank Holiday Closures - Notice", _EN, None),
        ("University Library Hours - Notice", _EN, None),
        ("Police Officer Injured - News Release", _EN, None),
        ("Springfield School Board Election Results - Notice", _EN, None),
        (
            "Department of Health and Human Services - Press Release",
            _EN,
            "Department of Health and Human Services",
        ),
        ("Notice", "Residents will hold a protest on Friday." + _EN, None),
        ("Notice", "The County Board held a special meeting." + _EN, "County Board"),
        # A court holding that … rules; a union holding a strike is no notice's body; "hostile" is not "host".
        ("Ruling", "The Supreme Court held that the order was lawful." + _EN, None),
        ("Notice", "Acme Corporation hostile takeover bid rejected by the Board." + _EN, None),
        (
            "Notice",
            "The Teachers Union will hold a strike on Monday; the Department of Education urged calm." + _EN,
            "Department of Education",
        ),
    ],
)
def test_en_titles_statements_and_hearings(title: str, text: str, issuer: str | None) -> None:
    assert find_issuer(title, text, "en") == issuer


def test_register_label_on_a_long_run_of_spaces_returns() -> None:
    # The old label pattern was cubic in the run of spaces (46 s here); bounded gaps return at once.
    text = "Register ID" + " " * 1400 + "x 2024\nAll operators must register by 5 March 2024."
    assert summarize("Notice", text).doc_number is None


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Register ID: F2024L00123\nAll operators must comply.", "F2024L00123"),
        # A bare "ID" labels a student's or an order's ID, and PAID/COVID/VALID end in "ID".
        ("Student ID: F2024C12345\nPlease bring it to the exam.", None),
        ("Order ID: C2024A00012\nYour order has shipped.", None),
        ("Amount PAID F2024C12345\nThank you.", None),
        ("COVID C2024A00012\nStay at home.", None),
    ],
)
def test_register_label(text: str, number: str | None) -> None:
    assert summarize("Notice", text).doc_number == number


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("MAS Notice 626\nBanks must report by 5 March 2024.", "626"),
        # A word before the kind cites another document.
        ("Previous Circular 7\nSchools must report by 5 March 2024.", None),
        ("See Notice 12\nSchools must report by 5 March 2024.", None),
        ("Supersedes Circular 9\nSchools must report by 5 March 2024.", None),
        ("Withdrawn Notice 3\nSchools must report by 5 March 2024.", None),
        ("Chapter Bulletin 4\nSchools must report by 5 March 2024.", None),
    ],
)
def test_kind_serial_only_after_an_acronym(text: str, number: str | None) -> None:
    assert summarize("Update", text).doc_number == number


@pytest.mark.parametrize(
    "title",
    [
        "Fire Department Open House - Notice",
        "City Hall Christmas Party - Notice",
        "Road Safety Week Party - News Release",
        "Summer Reading Group - Notice",
        "Police Open Day Unit - Notice",
        "Open House - Notice",
    ],
)
def test_event_headline_before_its_kind_is_no_body(title: str) -> None:
    text = "Residents are invited to attend on 5 March 2024. Parking is available nearby."
    assert summarize(title, text).issuer is None


def test_body_before_its_kind_still_found() -> None:
    title = "Springfield Police Department - News Release"
    text = "Residents are invited to attend on 5 March 2024. Parking is available nearby."
    assert summarize(title, text).issuer == "Springfield Police Department"


_ZH_BODY = "各学院：\n学校定于下周举办活动，请各单位做好准备。\n特此通知。"


@pytest.mark.parametrize(
    "tail",
    [
        "报名截止时间详见学院",
        "联系电话见学院",
        "本次活动由学生会",
        "详见教务处",
        "截止日期为本周五报名处",
        "望大家积极参加运动会",
        "全体师生参加开学典礼大会",
        "春季运动会",
        "新年音乐会",
        "交流会",
        "报告会",
        "电影院",
    ],
)
def test_run_in_sentence_or_event_is_no_signer(tail: str) -> None:
    s = summarize("关于举办活动的通知", _ZH_BODY + tail + "2024-3-5")
    assert (s.issuer, s.published) == (None, None)


@pytest.mark.parametrize("name", ["某县教育局", "校学生会", "市总工会", "某某研究会"])
def test_run_in_body_signs(name: str) -> None:
    s = summarize("关于举办活动的通知", _ZH_BODY + name + "2024-3-5")
    assert (s.issuer, s.published) == (name, "2024-03-05")


@pytest.mark.parametrize(
    ("text", "issuer"),
    [
        (
            "The Magistrates Court convened on Monday to hear objections. "
            "The City Council will close the market on 5 March 2024.",
            "City Council",
        ),
        (
            "The Residents Association will host a street party. The City Council will close the road on 5 March 2024.",
            "City Council",
        ),
        ("The Chairman of the County Board held a public hearing on 5 March 2024.", "County Board"),
        ("Jane Doe, Secretary of the Tenants Union, convened the meeting on 5 March 2024.", "Tenants Union"),
        ("The Planning Commission will host a public meeting on 5 March 2024.", "Planning Commission"),
    ],
)
def test_hold_convene_host_an_event(text: str, issuer: str) -> None:
    assert summarize("Market update", text).issuer == issuer


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("STATUTORY INSTRUMENTS\n2024 No. 3\nThe Road Traffic Order 2024", "2024 No. 3"),
        # The heading must be a line of its own, not a mention further down.
        ("Season\n2024 No. 3\nTickets go on sale soon under the Statutory Instruments of the club.", None),
    ],
)
def test_si_number_under_its_heading_line(text: str, number: str | None) -> None:
    assert summarize("Order", text).doc_number == number


@pytest.mark.parametrize(
    "name",
    [
        "某某社区居委会",
        "某某村村委会",
        "某某开发区管委会",
        "某某市红十字会",
        "某某教育基金会",
        "某某区为民服务中心",
        "某某见习医院",
    ],
)
def test_run_in_committee_foundation_or_word_like_name_signs(name: str) -> None:
    # 会 of a standing body (居委会, 红十字会, 基金会); 见/为 inside a name, not a sentence's "详见"/"为准".
    s = summarize("关于举办活动的通知", _ZH_BODY + name + "2024-3-5")
    assert (s.issuer, str(s.published)) == (name, "2024-03-05")


@pytest.mark.parametrize(
    "tail", ["具体安排请见居委会", "最终名单以村委会为准", "报名事宜由管委会负责", "作为基金会"]
)
def test_run_in_sentence_before_a_committee_is_no_signer(tail: str) -> None:
    s = summarize("关于举办活动的通知", _ZH_BODY + tail + "2024-3-5")
    assert (s.issuer, s.published) == (None, None)


@pytest.mark.parametrize(
    ("text", "issuer"),
    [
        ("The Ministry of Health will convene a summit on 5 March 2024.", "Ministry of Health"),
        ("The Ministry of Trade will host a conference on 5 March 2024.", "Ministry of Trade"),
        ("The Ministry of Education will hold a forum on 5 March 2024.", "Ministry of Education"),
    ],
)
def test_body_convening_a_summit_conference_or_forum(text: str, issuer: str) -> None:
    assert find_issuer("Update", text, "en") == issuer


def test_convening_no_event_names_no_body() -> None:
    assert (
        find_issuer("Update", "The Ministry of Health will convene a dinner on 5 March 2024.", "en") is None
    )


@pytest.mark.parametrize(
    "text", ["RE Notice 12", "FW Circular 45", "FWD Notice 3", "CC Bulletin 4", "REF Notice 7"]
)
def test_citing_prefix_is_no_acronym_before_a_kind(text: str) -> None:
    assert summarize("Update", text + "\nSchools must report by 5 March 2024.").doc_number is None


def test_acronym_before_a_kind_still_numbers() -> None:
    assert summarize("Update", "REC Notice 12\nSchools must report by 5 March 2024.").doc_number == "12"

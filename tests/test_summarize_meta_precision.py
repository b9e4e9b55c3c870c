"""Metadata precision: a deadline, an event, a forwarded document or a page's owner is never shown as the notice's own.

Each case is a made-up notice on which a looser rule showed a wrong issuer, number or date; a right value beside
it is still read, so the rules stay useful (a wrong value shown to a user is worse than none).
"""

from __future__ import annotations

import pytest

from bot.summarize import summarize

# Long enough that its last lines are not among its first eight (a page's foot, not its header).
ZH_LONG = (
    "各学校：\n为做好冬季安全工作，现将有关事项通知如下。\n一、加强巡查。各校要落实责任。\n"
    "二、排查隐患。各校要建立台账。\n三、做好值守。各校要安排专人。\n四、及时报告。发现问题立即上报。\n"
    "五、加强宣传。各校要开展安全教育。\n六、做好总结。各校要形成书面材料。\n特此通知。\n"
)
ZH_SHORT = "各学校：\n为做好冬季安全工作，现将有关事项通知如下。\n"
EN_LONG = (
    "Residents must not water lawns between 10 a.m. and 6 p.m. until further notice.\n"
    "Fines of up to $500 apply to repeat breaches.\n"
    "Hand watering of gardens remains allowed.\nCar washing is allowed with a bucket only.\n"
    "Pools may not be filled from the mains.\nBusinesses must display the notice.\n"
    "Inspectors will patrol the town.\nReports can be made online.\nThe rules will be reviewed monthly.\n"
)
EN_SHORT = "Residents must not water lawns between 10 a.m. and 6 p.m. until further notice.\n"
ZH_TITLE = "关于做好冬季安全工作的通知"
EN_TITLE = "Water restrictions extended"


@pytest.mark.parametrize("body", [ZH_LONG, ZH_SHORT])
@pytest.mark.parametrize(
    "field",
    [
        "报名截止时间：2024年3月10日",
        "培训时间：2024年3月20日",
        "会议时间：2024年3月20日",
        "活动日期：2024年3月20日",
        "考试时间：2024年3月20日",
        "报名截止 时间：2024年3月20日",
    ],
)
def test_zh_event_field_is_not_the_published_date(body: str, field: str) -> None:
    assert summarize(ZH_TITLE, body + field + "\n联系人：王老师\n").published is None


@pytest.mark.parametrize("body", [EN_LONG, EN_SHORT])
@pytest.mark.parametrize(
    "field",
    [
        "Closing date: 10 March 2026",
        "Event Date: 20 March 2026",
        "Hearing Date: 20 March 2026",
        "Due date: 20 March 2026",
        "Deadline date: 20 March 2026",
    ],
)
def test_en_event_field_is_not_the_published_date(body: str, field: str) -> None:
    assert summarize(EN_TITLE, body + field + "\nContact: Jane Doe\n").published is None


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (ZH_TITLE, ZH_LONG + "作者：办公室 时间：2024-03-01 10:00 点击数：12\n", "2024-03-01"),
        (ZH_TITLE, ZH_LONG + "发布时间：2024-03-01\n", "2024-03-01"),
        (ZH_TITLE, ZH_LONG + "报名时间：2024年3月20日 发布日期：2024年3月1日\n", "2024-03-01"),
        (EN_TITLE, EN_LONG + "Posted: 1 March 2026\n", "2026-03-01"),
    ],
)
def test_page_foot_publication_field_still_read(title: str, text: str, expected: str) -> None:
    assert summarize(title, text).published == expected


FORWARD_TITLE = "关于转发市教育局关于做好校园安全工作的通知的通知"
FORWARDED = "市教发〔2024〕10号\n各区县教育局：\n为做好校园安全工作，现通知如下。\n一、加强巡查。\n"


@pytest.mark.parametrize(
    "text",
    [
        # The own number in a labelled field, the forwarded one on a line of its own further down.
        "索引号：001-2024-0003 发文字号：县教发〔2024〕3号 成文日期：2024年3月1日\n各学校：\n"
        "现将市教育局《关于做好校园安全工作的通知》转发给你们，请认真贯彻执行。\n" + FORWARDED,
        # The own number opening the text, run into the salutation.
        "县教发〔2024〕3号 各学校：现将市教育局《关于做好校园安全工作的通知》转发给你们，请认真贯彻执行。\n"
        + FORWARDED,
        # The own number on its own line under the title, as GB/T 9704 sets it.
        "县教发〔2024〕3号\n各学校：\n现将市教育局《关于做好校园安全工作的通知》转发给你们，请认真贯彻执行。\n"
        + FORWARDED,
        # A label on its own line above the number.
        "发文字号：\n县教发〔2024〕3号\n各学校：\n现将《关于做好校园安全工作的通知》转发给你们。\n"
        + FORWARDED,
    ],
)
def test_forwarding_notice_keeps_its_own_number(text: str) -> None:
    assert summarize(FORWARD_TITLE, text).doc_number == "县教发〔2024〕3号"


def test_forwarded_number_alone_is_not_taken_as_own() -> None:
    text = "各学校：\n现将市教育局《关于做好校园安全工作的通知》转发给你们，请认真贯彻执行。\n" + FORWARDED
    assert summarize(FORWARD_TITLE, text).doc_number is None


def test_own_number_at_the_foot_still_read() -> None:
    text = ZH_LONG + "县教发〔2024〕3号\n"
    assert summarize(ZH_TITLE, text).doc_number == "县教发〔2024〕3号"


def test_forwarding_notice_number_at_the_foot_is_its_own() -> None:
    text = (
        "各学校：\n现将市教育局《关于做好校园安全工作的通知》转发给你们，请认真贯彻执行。\n"
        "县教育局\n2024年3月1日\n"
        + FORWARDED
        + "二、排查隐患。\n市教育局\n2024年2月20日\n县教发〔2024〕3号\n"
    )
    assert summarize(FORWARD_TITLE, text).doc_number == "县教发〔2024〕3号"


REPORT_BODY = "全市已完成隐患排查。\n各单位要加强值守。\n"


@pytest.mark.parametrize(
    "lead",
    [
        "在今天举行的新闻发布会上市应急管理局有关负责人介绍，",
        "昨天下午市应急管理局有关负责人介绍，",
        "采访中市应急管理局有关负责人介绍，",
        "市应急管理局有关负责人介绍，",
    ],
)
def test_spokesperson_body_without_the_scene_before_it(lead: str) -> None:
    assert summarize("防汛工作有序推进", lead + REPORT_BODY).issuer == "市应急管理局"


def test_spokesperson_without_a_clean_body_name_gives_none() -> None:
    text = "今年入汛以来的各项工作中有关负责人介绍，" + REPORT_BODY
    assert summarize("防汛工作有序推进", text).issuer is None


@pytest.mark.parametrize(
    "title",
    [
        "扎根基层育新人—访某县实验小学",
        "扎根基层育新人——记某县实验小学",
        "学习贯彻会议精神|某县教育局召开专题会",
        "传统文化进社区-讲座由市图书馆",
        "传统文化进社区 - 讲座由市图书馆",
        "书香满校园 | 走进某县实验小学",
    ],
)
def test_title_subtitle_or_headline_is_no_issuer(title: str) -> None:
    assert summarize(title, "学校坚持立德树人。\n教师们积极参加培训。\n").issuer is None


@pytest.mark.parametrize(
    "title",
    [
        "关于做好冬季安全工作的通知 - 某县教育局",
        "关于做好冬季安全工作的通知_某县教育局",
        "关于做好冬季安全工作的通知|某县教育局",
        "关于做好冬季安全工作的通知_某县教育局门户网站",
    ],
)
def test_title_site_suffix_still_read(title: str) -> None:
    assert summarize(title, "学校坚持立德树人。\n教师们积极参加培训。\n").issuer == "某县教育局"


@pytest.mark.parametrize(
    "line", ["学生返校 2024年2月26日", "考生进入考场 2024年6月7日", "学生返校2024年2月26日"]
)
def test_phrase_run_into_a_date_is_no_signoff(line: str) -> None:
    summary = summarize(ZH_TITLE, ZH_LONG + line + "\n")
    assert (summary.issuer, summary.published) == (None, None)


@pytest.mark.parametrize(
    ("lines", "issuer"),
    [
        ("某某大学计算机系 2024年2月26日", "某某大学计算机系"),
        ("某县教育局 2024年2月26日", "某县教育局"),
        # The name above its date line: the widened suffixes stay.
        ("某某学院外语系\n2024年2月26日", "某某学院外语系"),
        ("某某中学教务科\n2024年2月26日", "某某中学教务科"),
    ],
)
def test_signoff_names_still_read(lines: str, issuer: str) -> None:
    summary = summarize(ZH_TITLE, ZH_LONG + lines + "\n")
    assert (summary.issuer, summary.published) == (issuer, "2024-02-26")


@pytest.mark.parametrize(
    "foot",
    [
        "© 2026 Example Inc.",
        "© 2026 Example Software Corporation",
        "Copyright 2026 Example Media Group",
        "Copyright © 2026 Example Holdings Ltd.",
        "For more information, contact the Customer Service Centre at 555-0100.",
        "For more information, contact the Help Desk at 555-0100.",
    ],
)
def test_company_copyright_or_service_desk_is_no_issuer(foot: str) -> None:
    assert summarize(EN_TITLE, EN_LONG + foot + "\n").issuer is None


@pytest.mark.parametrize(
    ("foot", "issuer"),
    [
        ("© 2026 Springfield Water Authority", "Springfield Water Authority"),
        ("For more information, contact the Department of Water at 555-0100.", "Department of Water"),
        (
            "For more information, contact the Springfield Water Authority at 555-0100.",
            "Springfield Water Authority",
        ),
    ],
)
def test_body_in_the_foot_still_read(foot: str, issuer: str) -> None:
    assert summarize(EN_TITLE, EN_LONG + foot + "\n").issuer == issuer


def test_spokesperson_central_short_form_after_the_scene() -> None:
    assert summarize("稳就业", "在今天的发布会上人社部新闻发言人表示，企业须按时申报。\n").issuer == "人社部"


def test_number_at_the_foot_above_its_annex_list() -> None:
    text = ZH_LONG + "县教发〔2024〕3号\n附件：\n1.报名表\n"
    assert summarize(ZH_TITLE, text).doc_number == "县教发〔2024〕3号"


@pytest.mark.parametrize("body", [EN_LONG, EN_SHORT])
@pytest.mark.parametrize(
    "field",
    [
        "Meeting: 20 March 2026, 10 am, Town Hall",
        "Hearing: 20 March 2026",
        "Applications Close 20 March 2026",
    ],
)
def test_en_event_named_field_or_closing_line_is_not_the_published_date(body: str, field: str) -> None:
    # An event's field without the word "date", or a capitalised closing line with an event's word, is no
    # signature's date.
    assert summarize(EN_TITLE, field + "\n" + body).published is None
    assert summarize(EN_TITLE, body + field).published is None


@pytest.mark.parametrize("header", ["No. 12/2/2020-Estt", "F. No. A-12011/3/2020-Estt", "No. 12/2/2020"])
def test_file_number_shaped_like_a_date_is_not_the_published_date(header: str) -> None:
    assert summarize(EN_TITLE, header + "\n" + EN_LONG).published is None


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # Kickers before a colon, mixed-case words that name no body, kinds of government, addressees.
        ("UPDATE: Schools to close", EN_SHORT),
        ("REMINDER: Water restrictions", EN_SHORT),
        (EN_TITLE, "The MoU signed last year requires residents to save water.\n"),
        (EN_TITLE, "Local government has ordered residents to save water.\n"),
        (EN_TITLE, "A local spokesperson said residents must save water.\n"),
        # A relative clause is an aside only when it names no other subject of its own.
        (EN_TITLE, "Residents, who must save water, said the rules are strict.\n"),
    ],
)
def test_en_weak_forms_name_no_issuer(title: str, text: str) -> None:
    assert summarize(title, text).issuer is None


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # Addressees heading a title, a press conference a body only hosts, a weather warning.
        ("全市各学校2024年安全工作要点的通知", ZH_SHORT),
        ("全市各学校开展安全检查", ZH_SHORT),
        ("某市延期开学", "记者从某某市人民政府新闻办公室召开的新闻发布会上获悉，全市中小学延期开学。\n"),
        ("关于做好冬季安全工作的通知", ZH_SHORT + "主送：各区教育局\n抄送：市政府办公厅\n"),
    ],
)
def test_zh_weak_forms_name_no_issuer(title: str, text: str) -> None:
    assert summarize(title, text).issuer is None


def test_an_abbreviated_name_is_not_filled_from_a_cc_line() -> None:
    text = "经县防控指挥部研究，现通告如下。\n一、减少外出。\n抄送：某某县防控指挥部\n"
    assert summarize("关于加强管控的通告", text).issuer == "县防控指挥部"


_FEES = "Fees rise from next month. All residents must pay their bills online. "


@pytest.mark.parametrize(
    "last",
    [
        "Library Closed March 3, 2026",
        "Council Meeting Rescheduled March 3, 2026",
        "Office Hours Change From March 3, 2026",
        "Department Picnic, Riverside Park March 3, 2026",
        "Board Meeting Minutes Approved March 3, 2026",
        "Office Closed Monday March 3, 2026",
    ],
)
def test_capitalised_heading_run_on_is_no_signature(last: str) -> None:
    assert summarize("Notice", _FEES + last).issuer is None


@pytest.mark.parametrize(
    ("last", "issuer"),
    [
        ("Jane Doe Director Office of Human Resources March 3, 2026", "Office of Human Resources"),
        ("Jane Doe, Director, Riverside Water Board, March 3, 2026", "Riverside Water Board"),
    ],
)
def test_run_on_signature_with_evidence_still_read(last: str, issuer: str) -> None:
    assert summarize("Notice", _FEES + last).issuer == issuer


# Issuer precision: ordinary prose that mentions a body names no issuer (made-up texts).
def _en_issuer(title: str, text: str) -> str | None:
    from bot.summarize.meta import find_issuer

    return find_issuer(title, text, "en")


def test_spokesperson_article_is_not_part_of_the_name() -> None:
    text = "A Ministry of Health spokesperson said residents must stay home after 10 p.m."
    assert _en_issuer("Curfew", text) == "Ministry of Health"


@pytest.mark.parametrize(
    "text",
    [
        "Release: FY2026 budget documents are online. Residents must comment by 3 March.",
        "PR: PS5000 consoles recalled. Owners must return them.",
        "The SI 2026/27 academic calendar is out. Pupils must attend.",
        "Ticket\nNo. 2026\nHolders must arrive early.",
    ],
)
def test_words_and_years_after_number_labels_are_no_number(text: str) -> None:
    assert summarize("Notice", text).doc_number is None


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("PR: PS5000\nOwners must return their consoles.", "PS5000"),
        # An SI's number heading its page is still read; one a sentence cites is not (the test below).
        ("SI 2026/350\nOwners must register.", "2026/350"),
        ("No. 45\nPUBLIC NOTICE\nOwners must register.", "45"),
    ],
)
def test_release_code_si_and_bare_serial_still_read(text: str, number: str) -> None:
    assert summarize("Notice", text).doc_number == number


def test_instrument_cited_under_is_not_the_notices_own() -> None:
    # "under SI 2026/350" cites the instrument the notice applies (round 14: cited numbers are never the last
    # resort); an SI's own number heads its page ("2024 No. 123" under its heading).
    assert summarize("Notice", "Laws under SI 2026/350 apply. Owners must register.").doc_number is None


def test_calendar_items_are_no_dateline() -> None:
    text = "March 3 – Parent teacher conferences for grades 1-5.\nMarch 10 – Spring photos.\nParents must sign up by February 28, 2026."
    assert summarize("School calendar", text).published is None
    lead = "March 3 — The council said the hydrants are clean. Residents must run taps. Notice for 2026."
    assert summarize("Water", lead).published == "2026-03-03"


@pytest.mark.parametrize(
    "text",
    [
        "The teachers' union complained to the Department of Education in a letter published Monday. Schools must reopen.",
        "Workers at the Port Authority, who went on strike last week, said they will return. Ships must wait.",
    ],
)
def test_body_outside_the_subject_is_no_issuer(text: str) -> None:
    assert _en_issuer("Talks", text) is None


def test_aside_after_the_subject_still_read() -> None:
    text = "The Water Authority, in a statement, said residents must boil water."
    assert _en_issuer("Boil notice", text) == "Water Authority"


@pytest.mark.parametrize(
    "kicker", ["DEADLINE", "Q&A", "FYI", "PSA", "ICYMI", "RSVP", "TIP", "SCAM", "CLOSURE", "EXTENDED"]
)
def test_title_kicker_is_no_issuer(kicker: str) -> None:
    assert _en_issuer(f"{kicker}: Forms due", "Residents must submit forms by Friday.") is None


def test_title_acronym_acting_in_the_text_still_read() -> None:
    assert _en_issuer("MOM: Forms due", "MOM has issued new rules. Employers must file forms.") == "MOM"


@pytest.mark.parametrize(
    "text",
    [
        "Yesterday government announced that shops must close by 9 p.m.",
        "Critics of the Trump administration said the rule must change.",
        "The High Court has overturned the Education Department's decision to close schools.",
        "Bus Rapid Transit services will be diverted. Passengers must allow extra time.",
        "The Light Rail will close for works on Sunday, officials said. Passengers must allow extra time.",
    ],
)
def test_time_word_object_or_service_is_no_issuer(text: str) -> None:
    assert _en_issuer("Service news", text) is None


def test_place_government_and_own_document_still_read() -> None:
    assert _en_issuer("Curbs", "The Delhi government has ordered schools to close.") == "Delhi government"
    text = "The Health Department's new guidelines require masks indoors."
    assert _en_issuer("Masks", text) == "Health Department"


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("印发市卫健委2024年工作要点的通知", "各单位：现将工作要点印发给你们，请认真贯彻执行。"),
        ("群众反映某小区物业公司要求业主缴费", "近日有群众来信，请有关方面核实。"),
        ("这个公司决定裁员", "员工须于月底前办理手续。"),
        (
            "省政府新闻办召开新闻发布会",
            "省政府新闻办召开新闻发布会，省教育厅副厅长王某介绍，各校须于9月1日开学。",
        ),
    ],
)
def test_zh_verb_demonstrative_or_press_host_is_no_issuer(title: str, text: str) -> None:
    from bot.summarize.meta import find_issuer

    assert find_issuer(title, text, "zh") in (None, "省教育厅")


def test_zh_title_body_still_read() -> None:
    from bot.summarize.meta import find_issuer

    assert find_issuer("某县教育局部署2024年安全工作", "各校须于3月1日前完成排查。", "zh") == "某县教育局"


# --- A report's footer, a cited document, a bare 将, a counted set of bodies, a media outlet ------------------
ZH_REPORT = "近日，某市教育局印发通知，要求各校于2月20日前完成安全排查。各校须建立台账。\n"


@pytest.mark.parametrize(
    "footer",
    [
        "技术支持 某某网络科技有限公司",
        "某某市人民政府办公室主办",
        "版权所有 某某市人民政府",
        "某某日报社",
        "某某县融媒体中心",
        "李四 某某中学",
        "学生会",
        "各学院",
    ],
)
def test_a_reports_last_line_is_no_signer(footer: str) -> None:
    # A report is signed by no one: its last line under its last sentence is a page's footer or a byline.
    assert summarize("开学安全排查", ZH_REPORT + footer).issuer == "某市教育局"


@pytest.mark.parametrize(
    ("tail", "expected"),
    [
        ("某县教育局", "某县教育局"),  # a document (it opens with 各学校：) signs under its last sentence
        ("技术支持 某某网络科技有限公司", None),
        ("某某市人民政府办公室主办", None),
        ("版权所有 某某市人民政府", None),
        ("某某县融媒体中心", None),
        ("李四 某某中学", None),
        ("各学院", None),
    ],
)
def test_a_documents_last_line_signs_unless_footer(tail: str, expected: str | None) -> None:
    assert summarize("报送材料", ZH_SHORT + "请于3月20日前报送材料。\n" + tail).issuer == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # A document quoted after the lead is a higher body's, which the report only cites.
        (
            "安全生产检查",
            "某市应急管理局近日部署专项检查。《国务院关于加强安全生产的通知》要求，各地落实责任。",
            "某市应急管理局",
        ),
        (
            "开学工作",
            "来源：某县教育局\n《市教育局关于做好开学工作的通知》要求，各校于2月20日前开学。",
            "某县教育局",
        ),
        (
            "开学工作",
            "某县教育局\n各学校：\n《市教育局关于做好开学工作的通知》要求，各校于2月20日前开学。",
            "某县教育局",
        ),
        ("开学工作", "各学校：\n《市教育局关于做好开学工作的通知》要求，各校于2月20日前开学。", None),
        # A bare 将 is no act of the body ("将被罚款", "将员工工资拖欠"); 将于 is.
        ("某某公司将被罚款", "市民须注意。", None),
        ("十余家公司将被约谈", "市民须注意。", None),
        ("某某医院将于下月搬迁", "患者须注意。", "某某医院"),
        ("拖欠工资", "近日，某地一家公司将员工工资拖欠三个月，劳动监察大队介入。", None),
        ("拖欠工资", "近日，某地一家公司将于下月补发工资，员工须核对。", None),
        ("涨价", "近日，某某公司将于3月起上调水价，市民须提前缴费。", "某某公司"),
        # A media outlet passing the news on is no issuer.
        ("停水", "据某某县融媒体中心公众号消息，全县3月5日停水。居民须储水。", None),
        ("停水", "某某县融媒体中心消息，全县3月5日停水。居民须储水。", None),
        ("停水", "据某县水务局公众号消息，全县3月5日停水。居民须储水。", "某县水务局"),
    ],
)
def test_cited_documents_bare_jiang_and_outlets(title: str, text: str, expected: str | None) -> None:
    assert summarize(title, text).issuer == expected


@pytest.mark.parametrize(
    "line",
    [
        "Bank Statement No. 4455 is required with your application.",
        "Financial Statement No. 7 is attached.",
        "Please quote your Instrument No. 123456 on the form.",
        "STATEMENT NO. 3 FROM THE COUNCIL",
    ],
)
def test_statements_and_instruments_of_other_kinds_are_no_number(line: str) -> None:
    assert summarize("Water restrictions", f"{line}\n{EN_LONG}").doc_number is None


def test_a_labelled_range_of_dates_is_an_events() -> None:
    zh = summarize("报送材料", "生成日期：2024年3月5日至2024年3月8日\n" + ZH_SHORT)
    en = summarize("Water", "Date: March 12, 2026 through March 20, 2026\n" + EN_LONG)
    assert (zh.published, en.published) == (None, None)
    # A single labelled date is still the notice's.
    assert summarize("Water", "Date: March 12, 2026\n" + EN_LONG).published == "2026-03-12"

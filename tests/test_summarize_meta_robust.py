"""Metadata where a web page wraps the notice: furniture around it, fields at its foot, other spellings of dates.

Each rule is pinned on small hand-written notices, positive and negative: a page's furniture never hides the
notice's own lines nor is read as them, and a fallback that reads a page's foot finds nothing where the foot names
no body, no number or no date of the notice (a wrong issuer shown to a user is worse than none).
"""

from __future__ import annotations

import pytest

from bot.summarize import summarize
from bot.summarize.chrome import is_furniture, skip_furniture
from bot.summarize.docno_en import en_doc_number
from bot.summarize.meta import find_doc_number, find_issuer

ZH_BODY = "各学校：\n为做好冬季安全工作，现将有关事项通知如下。\n一、加强巡查。各校要落实责任。\n特此通知。\n"
EN_BODY = (
    "Residents must not water lawns between 10 a.m. and 6 p.m. until further notice.\n"
    "Fines of up to $500 apply to repeat breaches.\n"
)
ZH_TITLE = "关于做好冬季安全工作的通知"
EN_TITLE = "Water restrictions extended"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("首页 > 政务公开 > 通知公告", True),
        ("当前位置：首页 > 信息公开", True),
        ("【字体：大 中 小】 打印本页 关闭窗口", True),
        ("【打印】【关闭】", True),
        ("分享到：微信 微博", True),
        ("上一篇：关于做好安全工作的通知", True),
        ("责任编辑：王某", True),
        ("Home > Newsroom > Press releases", True),
        ("Print | Share | Text size", True),
        ("Share this page: Facebook | Twitter", True),
        ("Related links", True),
        ("Previous: Office hours", True),
        ("Contact us | Privacy | Accessibility", True),
        # The notice's own lines, though they start with the same words.
        ("打印本页并签字后交回。", False),
        ("关闭时间为每日22时。", False),
        ("Share your views by March 3.", False),
        ("Printed copies are available at the library.", False),
        ("Home owners must register their wells.", False),
        ("Related rules apply to businesses.", False),
    ],
)
def test_page_furniture_lines(line: str, expected: bool) -> None:
    assert is_furniture(line) is expected


def test_furniture_and_repeated_title_skipped() -> None:
    lines = ["Skip to main content", EN_TITLE, "Department of Water", "Print | Share"]
    assert skip_furniture(lines, EN_TITLE) == ["Department of Water"]


ZH_PAGE = "首页 > 通知公告\n当前位置：首页 > 正文\n{title}\n【字体：大 中 小】 【打印】 【关闭】\n{body}"
ZH_FOOT = "\n【打印本页】【关闭窗口】\n分享到：\n上一篇：关于公布名单的公告\n责任编辑：王某"


def test_chinese_signoff_read_through_page_furniture() -> None:
    text = ZH_PAGE.format(title=ZH_TITLE, body=ZH_BODY) + "某某县教育局\n二〇二三年十二月十八日" + ZH_FOOT
    s = summarize(ZH_TITLE, text)
    assert (s.issuer, s.published) == ("某某县教育局", "2023-12-18")


@pytest.mark.parametrize(
    ("signoff", "issuer", "published"),
    [
        # Name and a date in figures on one line.
        ("某某信息中心  2023-12-18", "某某信息中心", "2023-12-18"),
        ("某某信息中心 2023.12.18", "某某信息中心", "2023-12-18"),
        # A school's department and a firm's works sign too.
        ("计算机系\n2023年12月18日", "计算机系", "2023-12-18"),
        ("某某制药厂\n2023年12月18日", "某某制药厂", "2023-12-18"),
        ("全国妇联\n2023年12月18日", "全国妇联", "2023-12-18"),
        ("中共中央\n2023年12月18日", "中共中央", "2023-12-18"),
        # A name set spaced out is one name.
        ("校 长 办 公 室\n2023年12月18日", "校长办公室", "2023-12-18"),
        # Dated by the month alone: the signer, but no day to give.
        ("某某县教育局\n2023年12月", "某某县教育局", None),
        ("某某县教育局\n二〇二三年十二月", "某某县教育局", None),
        # A year and month in a sentence is not a sign-off.
        ("工作自2023年12月起实施。", None, None),
    ],
)
def test_chinese_signoff_forms(signoff: str, issuer: str | None, published: str | None) -> None:
    s = summarize("冬季安全工作", ZH_BODY + signoff)
    assert (s.issuer, s.published) == (issuer, published)


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("来源：某某县教育局 发布时间：2023-12-18", "某某县教育局"),
        # Fields run together on a flattened page.
        ("来源：某某县教育局发布时间：2023-12-18", "某某县教育局"),
        ("发布单位：党委（院长）办公室", "党委（院长）办公室"),
        ("制发机关：某某县教育局", "某某县教育局"),
        # A body's site names the body.
        ("来源：某某县人民政府网站", "某某县人民政府"),
        # News outlets, a person and the site itself are no issuer.
        ("来源：新华社", None),
        ("来源：某某日报", None),
        ("作者：张三", None),
        ("来源：本站", None),
    ],
)
def test_chinese_page_fields_top_and_foot(field: str, expected: str | None) -> None:
    body = "为做好冬季安全工作，现将有关事项明确如下。各单位要落实责任。\n"
    assert find_issuer("冬季安全工作", f"{field}\n{body}", "zh") == expected
    # At the foot of a long text, past the head the other rules read.
    assert find_issuer("冬季安全工作", body * 80 + field, "zh") == expected


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        (
            "冬季安全工作",
            "某某县教育局于近日印发《关于做好冬季安全工作的通知》，要求各校落实。",
            "某某县教育局",
        ),
        ("某某县政协关于做好冬季安全工作的通知", ZH_BODY, "某某县政协"),
        ("某某学院计算机系关于做好冬季安全工作的通知", ZH_BODY, "某某学院计算机系"),
        # Reports: news the body published, its officials speaking, the body as the source; none named, none.
        ("冬季安全工作有新要求", "近日，某某县教育局发布消息称，各校要做好冬季安全工作。", "某某县教育局"),
        ("冬季安全工作有新要求", "某某县教育局有关负责人介绍，各校要做好冬季安全工作。", "某某县教育局"),
        ("冬季安全工作有新要求", "据某某县教育局介绍，各校要做好冬季安全工作。", "某某县教育局"),
        ("冬季安全工作有新要求", "据了解，各校要做好冬季安全工作。", None),
        ("冬季安全工作有新要求", "家长负责人表示将配合。", None),
        # A page's title: the body set off by a bar before "关于…", or after the notice's title; not a subtitle.
        ("某某县教育局 | 关于做好冬季安全工作的通知", ZH_BODY, "某某县教育局"),
        ("关于做好冬季安全工作的通知 - 某某县教育局", ZH_BODY, "某某县教育局"),
        ("关于做好冬季安全工作的通知_某某县人民政府门户网站", ZH_BODY, "某某县人民政府"),
        ("通知公告 | 关于做好冬季安全工作的通知", ZH_BODY, None),
        ("做好“双减”工作——访某某县教育局", ZH_BODY, None),
        # A letterhead: a body's name alone on the first line; a site's name is not one.
        ("通知", "某某县教育局\n" + ZH_BODY, "某某县教育局"),
        ("通知", "某某县人民政府门户网站\n" + ZH_BODY, None),
        # The headline printed twice above a report: the report's body, not the headline's short form.
        (
            "省安委会发出通知 开展排查",
            "省安委会发出通知 开展排查\n省安委会发出通知 开展排查\n某某日报 2031-03-26\n"
            "记者从省应急管理厅获悉，省安全生产委员会日前发出通知，要求开展排查。",
            "省安全生产委员会",
        ),
    ],
)
def test_chinese_issuer_forms(title: str, text: str, expected: str | None) -> None:
    assert find_issuer(title, text, "zh") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A number on its own line moved down the page outranks one cited in a sentence before it.
        (
            "各市：\n各单位要按照市办发〔2027〕14号文件执行。\n请落实。\n市办发〔2029〕8号",
            "市办发〔2029〕8号",
        ),
        # A citing word run into the Han characters before the number's abbreviation cites it.
        ("各市：\n各单位要按照市办发〔2027〕14号文件要求执行。\n请落实。", None),
        ("湘政办发〔2031〕5号\n各市州：\n请落实。", "湘政办发〔2031〕5号"),
    ],
)
def test_chinese_document_numbers(text: str, expected: str | None) -> None:
    assert find_doc_number("关于X的通知", text) == expected


EN_PAGE = "Skip to main content\nHome > Newsroom > Press releases\n{title}\nPrint | Share | Text size\n{body}"
EN_FOOT = (
    "\nShare this page: Facebook | Twitter | Email\nPrint this page\nRelated links\nPrevious: Office hours"
)


def test_english_letterhead_and_date_through_page_furniture() -> None:
    text = EN_PAGE.format(
        title=EN_TITLE,
        body="No. 12/4/2031-Adm\nGovernment of Veland\nMinistry of Waterways\nDepartment of Water Supply\n"
        "North Block\nHarbour Town, dated 9th October, 2031\nOFFICE MEMORANDUM\n" + EN_BODY,
    )
    s = summarize(EN_TITLE, text + EN_FOOT)
    assert (s.issuer, s.published) == ("Department of Water Supply", "2031-10-09")


def test_english_signature_above_page_furniture() -> None:
    text = "Dear residents,\n" + EN_BODY * 30 + "Sincerely,\nJane Roe\nSpringfield Water Authority" + EN_FOOT
    assert summarize(EN_TITLE, text).issuer == "Springfield Water Authority"


@pytest.mark.parametrize(
    ("foot", "expected"),
    [
        ("Source: Springfield Water Authority", "Springfield Water Authority"),
        ("© 2031 Springfield Water Authority. All rights reserved.", "Springfield Water Authority"),
        ("Copyright © 2020-2031 City of Springfield", "City of Springfield"),
        ("This page is maintained by the Office of Communications", "Office of Communications"),
        (
            "For more information, contact the Springfield Water Authority at 555-0100.",
            "Springfield Water Authority",
        ),
        # A news outlet's copyright, a company of media and a bare contact name no issuer.
        ("© 2031 The Associated Press", None),
        ("© 2031 Springfield Media Corporation", None),
        ("Media contact: Jane Roe, 555-0100", None),
        ("Contact us | Privacy", None),
    ],
)
def test_english_page_foot_owner(foot: str, expected: str | None) -> None:
    assert summarize(EN_TITLE, EN_BODY * 40 + foot).issuer == expected


def test_english_posted_by_header() -> None:
    assert summarize(EN_TITLE, "Posted by: Department of Water Resources\n" + EN_BODY).issuer == (
        "Department of Water Resources"
    )


@pytest.mark.parametrize(
    ("foot", "expected"),
    [
        ("Ref: SWA/2031/12", "SWA/2031/12"),
        ("Reference: SWA/OPS/2031/01", "SWA/OPS/2031/01"),
        ("Notice No. 12", "12"),
        ("No. 45/2031", "45/2031"),
        # Numbers of other things, and numbers the foot cites, are not the notice's.
        ("Phone No. 555-0100", None),
        ("Tel. No.: 020-7946-0000", None),
        ("Case No. 12-345", None),
        ("This notice replaces Notice No. 11 of 2030.", None),
        ("Pursuant to Circular No. 4/2030", None),
    ],
)
def test_english_number_at_the_foot(foot: str, expected: str | None) -> None:
    assert en_doc_number(EN_TITLE, EN_BODY * 20 + "Springfield Water Authority\n" + foot) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Dotted dates are written day first.
        ("Shops reminded of opening hours\n07.03.2031 10:25 am\n" + EN_BODY, "2031-03-07"),
        # …unless the page's own dotted dates show month first.
        ("Notice\n07.03.2031\n" + EN_BODY + "Hearing held 09.28.2031.", "2031-07-03"),
        # A date line stamped with its time at the foot.
        (EN_BODY + "January 8, 2031, 1615 ET (04:15 PM ET)", "2031-01-08"),
        # A labelled signature date at the foot, the longer label read whole.
        (EN_BODY * 10 + "Attachment\n        Date Signed: November 21, 2031", "2031-11-21"),
        # A date the foot gives for an event is not the notice's.
        (EN_BODY * 3 + "Restrictions begin January 8, 2031", None),
    ],
)
def test_english_date_forms(text: str, expected: str | None) -> None:
    assert summarize(EN_TITLE, text).published == expected


def test_chinese_date_field_at_the_foot() -> None:
    text = ZH_BODY * 3 + "5. 请按时离校。\n作者:时间:2031-12-09 09:14:07点击数:"
    assert summarize("寒假离校安排", text).published == "2031-12-09"


def test_headline_repeated_in_the_text_is_not_its_date_line() -> None:
    title = "Revised hill allowance payable w.e.f. 01.01.2031"
    text = f"{title}\nNo. 1(3)/2030-E.II\nMinistry of Finance\nDated: 20th April 2031\n{EN_BODY}"
    assert summarize(title, text).published == "2031-04-20"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A byline naming the writer's body; a news outlet's or a writer's title is none.
        ("By Jane Doe, Springfield Water Authority\n" + EN_BODY, "Springfield Water Authority"),
        ("By Jane Doe, Springfield News Service\n" + EN_BODY, None),
        ("By Jane Doe, Staff Writer\n" + EN_BODY, None),
        ("A message from the Springfield Water Authority\n" + EN_BODY, "Springfield Water Authority"),
        # The foot of a long release says who issued it; a sentence recalling an old rule's author does not.
        (
            EN_BODY * 30 + "Issued by the Springfield Water Authority on 3 March 2031.",
            "Springfield Water Authority",
        ),
        (
            EN_BODY * 30 + "Residents said the rules were issued by the Springfield Water Authority in 2019.",
            None,
        ),
    ],
)
def test_english_bylines_and_foot_lines(text: str, expected: str | None) -> None:
    assert summarize(EN_TITLE, text).issuer == expected


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("Notice No: 12", "12"),
        ("Public Notice No 7", "7"),
        ("No: SWA/2031/12", "SWA/2031/12"),
        # The addressee's reference is theirs; "no" in a sentence is no label; "No" is not a number's start.
        ("Your ref: ABC/2031/1", None),
        ("Answer: no: 12/4", None),
        ("Notice No one may park here", None),
    ],
)
def test_english_number_labels(head: str, expected: str | None) -> None:
    assert en_doc_number(EN_TITLE, head + "\n" + EN_BODY) == expected


ZH_FLAT = "各学校：为做好冬季安全工作，现将有关事项通知如下。一、加强巡查。各校要落实责任。"


@pytest.mark.parametrize(
    ("tail", "issuer", "published"),
    [
        # A crawl that lost the line breaks runs the sign-off into the closing sentence.
        ("特此通知。某某县教育局 2031年12月18日", "某某县教育局", "2031-12-18"),
        ("请遵照执行。某某县教育局2031年12月18日", "某某县教育局", "2031-12-18"),
        # …or into the text's last sentence, with the note on publication after it.
        ("各校要报送材料。国务院办公厅2031年12月18日（此件公开发布）", "国务院办公厅", "2031-12-18"),
        # A crawl's spacing entity on a line between name and date.
        ("\n某某县教育局\n&nbsp;\n2031年12月18日", "某某县教育局", "2031-12-18"),
        # A sentence ending with a place and a date is no sign-off, nor one inside a paragraph that goes on.
        ("材料报送至县教育局2031年12月18日", None, None),
        ("各校要报送材料。县教育局2031年12月18日\n附件：名单", None, None),
    ],
)
def test_chinese_signoff_run_into_the_text(tail: str, issuer: str | None, published: str | None) -> None:
    s = summarize("关于做好冬季安全工作的通知", ZH_FLAT + tail)
    assert (s.issuer, s.published) == (issuer, published)

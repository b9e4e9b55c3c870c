"""Metadata forms of round 9 of issue #9: the sign-off outranks a title's short name, a sign-off under an
unreadable date line, a date in Chinese numerals on its own line, an English "Posted by … on <date>" byline and
a posting label ranked below the dateline; each form with look-alikes that must not match. Hand-written texts
only."""

from __future__ import annotations

import time

import pytest

from bot.summarize import summarize
from bot.summarize.meta import _BODY_END, _BOOK_TITLE, _PINYIN, _ZH_MATTER
from bot.summarize.published import _BYLINE_ON, _NUMERAL_YEAR, _POSTED_BY, _POSTING, _posted_by
from bot.summarize.signoff import _COMPACT_DATE

# --- The sign-off names the issuer of a signed document in full; a title may shorten it.

_ZH_BODY = "各单位：\n为保障节日期间道路安全，现通告如下：禁止货车驶入城区。\n"


@pytest.mark.parametrize(
    ("title", "signer"),
    [
        # A page's title in the body's short form (place and 局/支队 dropped): the sign-off writes it in full.
        ("某市公安交警2024年春节交通管制通告", "某市公安局交通警察支队二大队"),
        # A unit signs for its university, which the title names.
        ("某某大学关于春节期间车辆管理的通知", "某某大学保卫处"),
    ],
)
def test_signoff_outranks_the_titles_name(title: str, signer: str) -> None:
    result = summarize(title, _ZH_BODY + f"{signer}\n2024年2月1日")
    assert result.issuer == signer


@pytest.mark.parametrize("unit", ["办公室", "保卫处", "教务科"])
def test_a_unit_alone_signs_for_the_titles_body(unit: str) -> None:
    assert (
        summarize("某某大学关于春节期间车辆管理的通知", _ZH_BODY + f"{unit}\n2024年2月1日").issuer
        == "某某大学"
    )


def test_page_byline_atop_the_text_is_no_signoff() -> None:
    # A name and a date above the body's first sentence are the page's byline: the title's body stays.
    text = "某县融媒体中心\n2024年5月6日\n" + _ZH_BODY
    assert summarize("某县教育局关于做好防汛工作的通知", text).issuer == "某县教育局"


def test_forwarded_documents_signoff_is_not_the_forwarders() -> None:
    # The forwarding body's own sign-off dropped by the page: the block read is the forwarded document's.
    text = (
        "各乡镇：\n现将市教育局通知转发给你们，请认真贯彻执行。\n市教育局关于做好防汛工作的通知\n"
        "各县区：\n请做好防汛工作。\n某市教育局\n2024年5月6日"
    )
    title = "某县人民政府办公室转发某市教育局关于做好防汛工作的通知"
    assert summarize(title, text).issuer == "某县人民政府办公室"


# --- A short sign-off name above a date in ISO 8601's basic form ("20141210").

_UNION = "各分工会：\n请各分工会于12月30日前完成换届工作，并将材料报校工会备案。\n"


@pytest.mark.parametrize("signer", ["校工会", "后勤处", "学生工作部", "交通警察大队"])
def test_signer_above_a_run_together_date(signer: str) -> None:
    result = summarize("关于换届工作的通知", _UNION + f"{signer}\n20141210")
    assert (result.issuer, result.published) == (signer, "2014-12-10")


@pytest.mark.parametrize(
    "tail",
    [
        # The body word inside a sentence, a contact's line, a copyright line.
        "请有关同志与校工会联系。\n20141210",
        "联系人：工会 张三\n20141210",
        "© 2014 某某大学工会\n20141210",
        # No month 13, no 31 February: figures, not a date.
        "校工会\n20141310",
        "校工会\n20140231",
        # A year alone under the name is no date line.
        "校工会组织会员参加。\n2014",
    ],
)
def test_no_signer_above_a_run_together_date(tail: str) -> None:
    result = summarize("关于换届工作的通知", _UNION + tail)
    assert result.issuer is None
    assert result.published is None


def test_attachment_name_above_a_run_together_date_signs_nothing() -> None:
    # An annex list closes the body, so the date under it is the document's (the name left out, as sealed).
    result = summarize("关于换届工作的通知", _UNION + "附件：校工会换届表.docx\n20141210")
    assert (result.issuer, result.published) == (None, "2014-12-10")


# --- A page's title in book marks, or with a mirror's pinyin after its characters, still names the body.


@pytest.mark.parametrize(
    "title",
    [
        "《某市人民政府办公厅关于建立工作报告制度的通知》",
        "《某市人民政府辦公廳關(guān)于建立政府工作落實(shí)情況報告制度的通知》",
        "某市人民政府办公厅关(guān)于建立工作报告制度的通知",
    ],
)
def test_book_marked_or_annotated_title_names_its_body(title: str) -> None:
    body = "某市人民政府辦公廳" if "辦" in title else "某市人民政府办公厅"
    assert summarize(title, "各区县政府：\n请每月报送工作情况。").issuer == body


@pytest.mark.parametrize(
    "title",
    [
        # Book marks around part of the title cite a document; a bracket without a tone mark is no pinyin.
        "《某市人民政府办公厅关于建立工作报告制度的通知》解读",
        "某市人民政府办公厅(office)关于建立工作报告制度的通知",
    ],
)
def test_cited_or_unannotated_title_is_unchanged(title: str) -> None:
    assert summarize(title, "各区县政府：\n请每月报送工作情况。").issuer is None


# --- A date in Chinese numerals on its own line is the document's, over the page's date line.

_PAGE = "发布时间：2018-11-13 15:36\n各区县政府：\n请各单位每月10日前报送工作情况。\n"


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("二〇〇一年四月四日", "2001-04-04"),
        ("二○○一年四月四日", "2001-04-04"),
        ("二OO三年五月六日", "2003-05-06"),
        ("二0一0年十月八日", "2010-10-08"),
    ],
)
def test_numeral_date_line_is_the_documents(line: str, date: str) -> None:
    assert summarize("关于建立工作报告制度的通知", _PAGE + line).published == date


@pytest.mark.parametrize(
    "tail",
    [
        # A numeral date in a sentence, in a bracketed note, opening a range, or later than the page (an annex's).
        "本制度自二〇〇一年四月四日起施行。",
        "（二〇〇一年四月四日市政府常务会议通过）",
        "二〇〇一年四月四日至五日",
        "二〇二五年四月四日",
        # Figures are the page's own spelling: a bare figure date under a sentence stays below the page's.
        "2001年4月4日",
    ],
)
def test_numeral_look_alikes_leave_the_page_date(tail: str) -> None:
    assert summarize("关于建立工作报告制度的通知", _PAGE + tail).published == "2018-11-13"


# --- English: a page's "Posted by <name> on <date>" byline, below a dateline and a signature's date.

# More lines than the top a page's date lines are read in, and longer than the reach of its first date: only
# the foot line can date it.
_EN_BODY = (
    "ANNUAL NOTICES\n\nParents must return the application to the school office. Each school office, and "
    "the district office, has a copy of the policy. Any interested party may review it. Application forms are "
    "part of the registration process. They are also available on the district website. Households must fill "
    "out the application. Children may be eligible through direct certification. Additional copies are "
    "available at the office in each school. Questions go to the district office.\n\n"
)


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Posted by jdoe On 25 July, 2019 at 4:33 PM", "2019-07-25"),
        ("Submitted by jdoe on Thu, 07/25/2019 - 10:00", "2019-07-25"),
        ("Published by: Communications Office | 25 July 2019", "2019-07-25"),
        ("Posted by the Office on behalf of the Principal on 25 July 2019", "2019-07-25"),
    ],
)
def test_posted_by_byline_dates_the_page(line: str, date: str) -> None:
    assert summarize("Annual notices", _EN_BODY + line).published == date


@pytest.mark.parametrize(
    "line",
    [
        "Posted in News",
        "Posted by Admin",
        "Posted by Admin on behalf of the Board",
        "© 2019 Springfield School District",
        "Attachment: parent letter (PDF) 2019",
        # A deadline for posting something.
        "Forms must be posted by July 25, 2019",
        "Posted by 3 July 2019 at the latest",
    ],
)
def test_posted_by_look_alikes_give_no_date(line: str) -> None:
    assert summarize("Annual notices", _EN_BODY + line).published is None


def test_dateline_outranks_a_posting_label_and_byline() -> None:
    release = "SPRINGFIELD, March 3, 2020 — The Board ordered all schools to close.\n"
    assert summarize("Schools close", "Posted: March 5, 2020\n" + release).published == "2020-03-03"
    assert summarize("Schools close", "Date posted: March 5, 2020\n" + release).published == "2020-03-03"
    assert summarize("Schools close", release + "Posted by jdoe on March 5, 2020").published == "2020-03-03"
    # An issuing label is the release's own date.
    assert summarize("Schools close", "Issued: March 5, 2020\n" + release).published == "2020-03-05"


def test_signature_date_outranks_a_byline() -> None:
    text = (
        "All staff must file their leave by Friday.\n"
        "Jane Doe, Director, Office of Human Resources, March 3, 2026\n"
        "Posted by jdoe on March 5, 2026"
    )
    assert summarize("Leave", text).published == "2026-03-03"


# --- Each new pattern is linear on a hostile line.


def _quick(run: object) -> None:
    start = time.process_time()
    assert callable(run)
    run()
    assert time.process_time() - start < 1.0


@pytest.mark.parametrize(
    "run",
    [
        lambda: _BODY_END.search("会" * 100_000),
        lambda: _ZH_MATTER.search("转" * 100_000),
        lambda: _COMPACT_DATE.match("2" * 100_000),
        lambda: _COMPACT_DATE.match(" " * 100_000 + "x"),
        lambda: _BOOK_TITLE.match("《" + "某" * 100_000),
        lambda: _BOOK_TITLE.match(" " * 100_000 + "x"),
        lambda: _PINYIN.sub("", "关(" * 50_000),
        lambda: _PINYIN.sub("", "关(guā" * 20_000),
        lambda: _NUMERAL_YEAR.match("〇" * 100_000),
        lambda: _NUMERAL_YEAR.match(" " * 100_000),
        lambda: _POSTED_BY.match("Posted by" + " " * 100_000),
        lambda: list(_BYLINE_ON.finditer(" |" * 50_000)),
        lambda: list(_BYLINE_ON.finditer(" " * 100_000)),
        lambda: list(_BYLINE_ON.finditer(" on" * 33_000)),
        lambda: _POSTING.search("Post" * 25_000),
        lambda: _posted_by("Posted by x" + " on" * 33_000),
        lambda: _posted_by("Posted by x" + " |" * 50_000),
        lambda: summarize("Notice", "Posted by " + "on " * 33_000),
        lambda: summarize("通知", "各单位：\n" + "校工会" * 33_000 + "\n20141210"),
        lambda: summarize(
            "某局关于某事的通知", "各单位：\n请报送。\n" + "某局" * 50_000 + "\n某局\n2024年3月5日"
        ),
        lambda: summarize("通知", "各单位：\n请报送。\n" + "二〇〇一年" * 20_000),
    ],
)
def test_new_patterns_are_linear(run: object) -> None:
    _quick(run)

"""Metadata forms of round 9 of issue #9: the sign-off outranks a title's short name, a sign-off under an
unreadable date line, a date in Chinese numerals on its own line, an English "Posted by … on <date>" byline and
a posting label ranked below the dateline; each form with look-alikes that must not match. Hand-written texts
only."""

from __future__ import annotations

import time

import pytest

from bot.dates import compact_date
from bot.summarize import summarize
from bot.summarize.meta import _BODY_END, _BOOK_TITLE, _PINYIN, _ZH_MATTER
from bot.summarize.published import (
    _ANNEX_IN_FULL,
    _BYLINE_ON,
    _BYLINE_TAIL,
    _LABEL_ABOVE,
    _NUMERAL_DATE,
    _POSTED_BY,
    _POSTING,
    _posted_by,
)
from bot.summarize.signoff import _AFTER_SIGNOFF, _CC_LINE

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
        lambda: compact_date("2" * 100_000),
        lambda: compact_date(" " * 100_000 + "x"),
        lambda: _BOOK_TITLE.match("《" + "某" * 100_000),
        lambda: _BOOK_TITLE.match(" " * 100_000 + "x"),
        lambda: _PINYIN.sub("", "关(" * 50_000),
        lambda: _PINYIN.sub("", "关(guā" * 20_000),
        lambda: _NUMERAL_DATE.match("〇" * 100_000),
        lambda: _NUMERAL_DATE.match(" " * 100_000),
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


# --- Review of round 9 (A1-A11): look-alikes the first rules read wrongly.

_LIST = (
    "经学院推荐、学校评审，现将获奖名单公示如下：\n计算机学院\n20210315\n张三\n外国语学院\n20210122\n李四\n"
)


def test_ids_in_a_flattened_list_are_no_signoff() -> None:
    # Two lines of eight figures are a table's column of IDs, not a sign-off's date.
    result = summarize("关于2024年国家奖学金获得者名单的公示", _LIST + "公示期为5个工作日。")
    assert (result.issuer, result.published) == (None, None)
    result = summarize(
        "某某大学关于2024年国家奖学金获得者名单的公示",
        _LIST + "公示期为5个工作日。\n学生工作处\n2024年5月1日",
    )
    assert (result.issuer, result.published) == ("某某大学", "2024-05-01")


def test_eight_figures_above_the_text_are_no_signoff() -> None:
    # One line of eight figures, but text follows it: a table's cell (a tender's date) or a page's byline.
    text = (
        "各供应商：\n现将采购结果公告如下。\n中标单位\n某某科技有限公司\n20230918\n中标金额：12万元\n"
        "某某县政府采购中心\n2024年5月1日"
    )
    result = summarize("关于物资采购结果的公告", text)
    assert (result.issuer, result.published) == ("某某县政府采购中心", "2024-05-01")
    text = "某县融媒体中心\n20240506\n各学校：\n请各校于6月30日前组织一次安全教育活动。\n某县教育局\n2024年5月8日"
    assert summarize("某县教育局关于做好防汛工作的通知", text).published == "2024-05-08"


def test_a_compact_date_may_close_the_text_above_the_annex_and_contacts() -> None:
    text = _UNION + "校工会\n20141210\n附件：换届登记表\n联系人：李四"
    result = summarize("关于换届工作的通知", text)
    assert (result.issuer, result.published) == ("校工会", "2014-12-10")


def test_compact_date_years_are_publication_years() -> None:
    assert compact_date("20141210") is not None
    assert compact_date("18991210") is None
    assert compact_date("19851210") is None  # before any page this bot reads
    assert compact_date("21991210") is None


_SCHOOL = "各学院：\n为做好寒假学生离校工作，现将有关事项通知如下：请各学院于1月10日前完成离校登记。\n"


@pytest.mark.parametrize("unit", ["校团委", "党委学生工作部", "研究生院", "网络信息中心"])
def test_a_unit_of_the_titles_body_leaves_the_titles_name(unit: str) -> None:
    # The unit's name does not spell out the university's: the title's body stays the issuer.
    assert (
        summarize("某某大学关于做好寒假学生离校工作的通知", _SCHOOL + f"{unit}\n2024年1月5日").issuer
        == "某某大学"
    )


def test_a_shorter_signoff_leaves_the_titles_fuller_name() -> None:
    text = _SCHOOL + "县教育局\n2024年5月1日"
    assert summarize("某某县教育局关于开展暑期安全教育的通知", text).issuer == "某某县教育局"


@pytest.mark.parametrize(
    ("title", "signer"),
    [
        ("某市教育局关于开展暑期安全教育的通知", "某市教育局办公室"),
        # The title's short form, its characters in order in the sign-off's.
        ("某市公安交警2024年春节交通管制通告", "某市公安局交通警察支队二大队"),
    ],
)
def test_a_signoff_spelling_out_the_titles_body_wins(title: str, signer: str) -> None:
    assert summarize(title, _ZH_BODY + f"{signer}\n2024年2月1日").issuer == signer


def test_the_signoffs_own_place_decides_below_the_body() -> None:
    # The letterhead names the body atop the text too; the sign-off under the body still signs.
    signer = "某市公安局交通警察支队二大队"
    text = f"{signer}\n" + _ZH_BODY + f"{signer}\n2024年2月1日"
    assert summarize("某市公安交警2024年春节交通管制通告", text).issuer == signer


@pytest.mark.parametrize("signoff", ["某某大学保卫处", "某某大学\n保卫处"])
def test_a_unit_under_its_parent_reads_the_same_on_one_line_or_two(signoff: str) -> None:
    title = "某某大学关于做好寒假学生离校工作的通知"
    assert summarize(title, _SCHOOL + f"{signoff}\n2024年1月5日").issuer == "某某大学保卫处"


def test_units_one_a_line_sign_jointly() -> None:
    text = "近日，学校对学生公寓进行了消防检查。希望同学们遵守规定。\n保卫处\n学生处\n2023年6月12日"
    assert summarize("学生公寓消防安全检查情况", text).issuer == "保卫处、学生处"


@pytest.mark.parametrize(
    "imprint", ["某县教育局办公室\n2024年5月8日印发", "某县教育局办公室 2024年5月8日印发"]
)
def test_the_imprint_under_the_cc_line_is_no_signoff(imprint: str) -> None:
    text = _ZH_BODY + "抄送：某市教育局。\n" + imprint
    assert summarize("某县教育局关于做好防汛工作的通知", text).issuer == "某县教育局"


def test_a_media_credit_at_the_foot_is_no_issuer() -> None:
    text = "5月6日，某县教育局召开防汛工作会议。会议要求各校做好防汛工作。\n某县融媒体中心\n2024年5月7日"
    assert summarize("某县教育局召开防汛工作会议", text).issuer == "某县教育局"


_PAGE_2024 = "发布日期：2024-03-08\n各县：\n"


@pytest.mark.parametrize(
    "rest",
    [
        # A forwarded document in full under "附：": its sign-off's date is its own.
        "现将市政府通知转发给你们。\n附：\n某市人民政府关于加强森林防火工作的通知\n各县：\n请加强森林防火。\n二〇〇一年四月四日",
        # A table's field under its label.
        "某某工程已完工，现公示如下。\n开工日期\n二〇二三年四月四日\n竣工日期\n二〇二四年三月一日",
        # An event's date with the text going on under it.
        "市政府于下列时间召开工作会议。\n二〇二四年三月一日\n会议听取了各单位汇报。",
    ],
)
def test_a_numeral_date_not_closing_the_text_leaves_the_page_date(rest: str) -> None:
    assert summarize("某县人民政府关于加强森林防火工作的通知", _PAGE_2024 + rest).published == "2024-03-08"


def test_the_last_numeral_date_closing_the_text_is_the_documents() -> None:
    # Two numeral dates alone on a line: the one closing the text is the sign-off's.
    text = _PAGE_2024 + "请加强森林防火。\n二〇二四年一月四日\n请各县遵照。\n二〇二四年三月四日"
    assert summarize("某市人民政府关于加强森林防火工作的通知", text).published == "2024-03-04"


@pytest.mark.parametrize(
    "line",
    [
        "Submitted by the parent or guardian on 1 September 2024 will be processed first.",
        "Posted by the deadline on June 30, 2024, applications will be considered.",
    ],
)
def test_a_byline_is_a_short_line_ending_at_its_date(line: str) -> None:
    assert _posted_by(line) is None


@pytest.mark.parametrize(
    "line",
    [
        "Posted by jdoe on Tuesday, 25 July 2023 at 4:33 PM",
        "Posted by jdoe on 25 July 2023 - 16:33",
        "Submitted by admin on 25 July 2023",
    ],
)
def test_a_byline_may_end_with_a_time_or_a_dash(line: str) -> None:
    assert _posted_by(line) is not None


def test_a_posting_label_keeps_its_date_over_several_datelines() -> None:
    text = (
        "Posted: May 10, 2024\nThis week's releases:\nSPRINGFIELD, April 2, 2024 — Grants announced.\n"
        "SPRINGFIELD, May 8, 2024 — Roads reopened."
    )
    assert summarize("Newsroom roundup", text).published == "2024-05-10"


def test_a_posting_label_keeps_its_date_over_a_later_dateline() -> None:
    text = "Posted: May 1, 2024\nSPRINGFIELD, May 9, 2024 — The Governor today announced new grants."
    assert summarize("Release", text).published == "2024-05-01"


def test_full_width_pinyin_is_dropped_from_the_title() -> None:
    assert (
        summarize("某市人民政府关（guān）于加强森林防火工作的通知", "各县：\n请加强森林防火。").issuer
        == "某市人民政府"
    )


@pytest.mark.parametrize(
    "run",
    [
        lambda: _AFTER_SIGNOFF.match("（" + " " * 100_000),
        lambda: compact_date(" " * 100_000 + "1"),
        lambda: compact_date("1" * 100_000),
        lambda: _CC_LINE.match(" " * 100_000),
        lambda: _LABEL_ABOVE.search(" " * 100_000 + "x"),
        lambda: _ANNEX_IN_FULL.match("附" + " " * 100_000),
        lambda: _BYLINE_TAIL.match(" " * 100_000 + "."),
        lambda: _BYLINE_TAIL.match("1 " + " " * 100_000 + "."),
        lambda: _BYLINE_TAIL.match("at " + "a" * 100_000),
        lambda: _BYLINE_TAIL.match("1" * 100_000),
        lambda: summarize("通知", "各单位：\n" + "20141210\n" * 10_000 + "校工会\n20141210"),
        lambda: summarize("某局关于某事的通知", "某局" * 500_000 + "\n某局\n2024年3月5日"),
    ],
)
def test_review_patterns_are_linear(run: object) -> None:
    _quick(run)

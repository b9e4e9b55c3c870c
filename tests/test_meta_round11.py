"""Metadata forms of Chinese and English notices in general (issue #9 item 4, round 11): a Party or League
branch signing (团总支), bracketed page labels (【发布单位】), a numbered kind's serial under its title (通告 /
令), 元月 dates, a credit in brackets (（供稿：学生处）), the body after a contact's post, "Authorised by:", a
body beside its government on one letterhead line; each with look-alikes that must not match. Hand-written texts only."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from bot.dates import find_dates
from bot.summarize import summarize
from bot.summarize.meta import find_doc_number

_ZH_BODY = (
    "各位同学：\n为做好2023年寒假离校工作，现将有关事项通知如下：\n一、学生须于1月10日前完成宿舍安全检查。\n"
    "二、离校前关闭门窗，切断电源。\n特此通知。\n"
)
_ZH_TITLE = "关于做好2023年寒假离校工作的通知"
_EN_BODY = (
    "The Department reminds all residents that the annual property tax payment is due by March 31, 2023. "
    "Payments can be made online or at any service centre.\n"
)


@pytest.mark.parametrize(
    ("signer", "date", "published"),
    [
        ("某某学院团总支", "2023年1月5日", "2023-01-05"),
        ("某某学院党总支", "2023-01-05", "2023-01-05"),
        ("某某大学学生艺术团", "2023年1月5日", "2023-01-05"),
        ("某某政府采购代理机构", "2023年1月5日", "2023-01-05"),
    ],
)
def test_zh_branch_troupe_agency_sign(signer: str, date: str, published: str) -> None:
    s = summarize(_ZH_TITLE, _ZH_BODY + f"{signer}\n{date}")
    assert (s.issuer, s.published) == (signer, published)


@pytest.mark.parametrize(
    "text",
    [
        # A sentence ending in 团 or 机构 above a date is no signer: it holds a sentence's words.
        _ZH_BODY + "欢迎同学们报名参加学校艺术团\n2023年1月5日",
        _ZH_BODY + "请将材料报送至采购代理机构\n2023年1月5日",
        # A person's two-character name is no body.
        _ZH_BODY + "李团\n2023年1月5日",
    ],
)
def test_zh_branch_lookalikes_sign_nothing(text: str) -> None:
    assert summarize(_ZH_TITLE, text).issuer is None


def test_zh_branch_in_title() -> None:
    assert summarize("某某学院团总支关于开展志愿服务活动的通知", _ZH_BODY).issuer == "某某学院团总支"


@pytest.mark.parametrize(
    "head",
    [
        "【发布单位】某某市应急管理局\n",
        "【来源】某某市应急管理局\n",
        "[发布机构] 某某市应急管理局\n",
        "来源单位：某某市应急管理局\n",
    ],
)
def test_zh_bracketed_and_unit_labels(head: str) -> None:
    assert summarize(_ZH_TITLE, head + _ZH_BODY).issuer == "某某市应急管理局"


def test_zh_bracketed_label_not_a_sentence_bracket() -> None:
    # A bracketed aside in the body names no page field.
    text = _ZH_BODY.replace("特此通知。", "【温馨提示】请同学们注意安全。\n特此通知。")
    assert summarize(_ZH_TITLE, text).issuer is None


@pytest.mark.parametrize(
    ("title", "text", "number"),
    [
        (
            "某某市公安局通告",
            "（2023年第1号）\n为保障春节期间道路交通安全，现就有关事项通告如下：",
            "某某市公安局通告2023年第1号",
        ),
        (
            "某某市公安局通告",
            "某某市公安局通告\n2023年第1号\n为保障道路交通安全，现通告如下：",
            "某某市公安局通告2023年第1号",
        ),
        (
            "某某市人民政府令",
            "\u3000第 12 号\n《某某市烟花爆竹管理办法》已经市人民政府常务会议审议通过，现予公布。",
            "某某市人民政府令第12号",
        ),
        (
            "某某市市场监督管理局公告",
            "(第3号)\n根据有关规定，现将抽检结果公告如下：",
            "某某市市场监督管理局公告第3号",
        ),
        (
            "某某县新冠肺炎疫情防控指挥部通告",
            "（第5号）\n为做好疫情防控工作，现通告如下：",
            "某某县新冠肺炎疫情防控指挥部通告第5号",
        ),
    ],
)
def test_zh_serial_under_numbered_kind_title(title: str, text: str, number: str) -> None:
    assert find_doc_number(title, text) == number


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # A title about a matter ("关于…的通告") names no numbered kind's issuer.
        ("关于春节期间烟花爆竹禁放的通告", "第1号\n为了保障安全，现通告如下："),
        # A serial in a sentence or a list item is no header.
        ("某某市气象局通告", "为做好第1号台风防御工作，现通告如下："),
        ("某某市人民政府通告", "根据第1号令\n现通告如下："),
        ("某某市人民政府通告", "\n\n第1号台风\n将于明日登陆。"),
        ("某某公司招聘公告", "一、招聘岗位\n第1号岗位：会计"),
        # A kind after no body's name ("停水通告", "招聘公告") is not a numbered kind's title: the serial
        # line would make a number the text does not hold.
        ("停水通告", "第3号\n因管网维修，明日停水。"),
        ("招聘公告", "（第2号）\n现将招聘事项公告如下："),
        ("临时停电公告", "（2023年第1号）\n因线路检修，明日停电。"),
    ],
)
def test_zh_serial_lookalikes(title: str, text: str) -> None:
    assert find_doc_number(title, text) is None


@pytest.mark.parametrize(
    ("line", "issuer"),
    [
        (
            "Media contact: Jane Doe, Public Information Officer, Department of Finance, 555-0100",
            "Department of Finance",
        ),
        (
            "Contact: Jane Doe, Chief Information Officer, Springfield Water Authority",
            "Springfield Water Authority",
        ),
        # Posts beyond a town's or a chief's, set off by commas or bars.
        (
            "Media enquiries: Jane Doe, Senior Communications Officer, Department of Finance, 555-0100",
            "Department of Finance",
        ),
        (
            "Contact: Jane Doe | Public Affairs Officer | Department of Finance | 555-0100",
            "Department of Finance",
        ),
        # A post with no body after it names no body.
        ("Contact: Jane Doe, Public Affairs Manager, 555-0100", None),
        ("Contact: Jane Doe, Public Information Officer, 555-0100", None),
        ("Contact: Jane Doe, Public Information Officer, Residents", None),
        ("Contact: Jane Doe, Public Information Officer, United Kingdom", None),
    ],
)
def test_en_contact_post_then_body(line: str, issuer: str | None) -> None:
    s = summarize("Tax reminder", "Residents must pay the property tax by March 31, 2023.\n" + line)
    assert s.issuer == issuer


@pytest.mark.parametrize(
    ("text", "issuer"),
    [
        (_EN_BODY + "Authorised by: Department of Finance\n5 January 2023", "Department of Finance"),
        ("Authorized by: Springfield Water Authority\n" + _EN_BODY, "Springfield Water Authority"),
        # A person authorises for no body named: no issuer.
        (
            _EN_BODY.replace("The Department reminds", "We remind")
            + "Authorised by: Jane Doe, 12 Main Street",
            None,
        ),
        (_EN_BODY.replace("The Department reminds", "We remind") + "Authorised by: United Kingdom", None),
    ],
)
def test_en_authorised_by(text: str, issuer: str | None) -> None:
    assert summarize("Tax reminder", text).issuer == issuer


@pytest.mark.parametrize(
    ("head", "number"),
    [
        ("No. F.12/3/2023-Tax", "F.12/3/2023-Tax"),
        ("No.A-12011/3/2023-Estt.", "A-12011/3/2023-Estt"),
        ("No. F.1-1/4/2023-Estt.", "F.1-1/4/2023-Estt"),
    ],
)
def test_en_file_number_series_letter(head: str, number: str) -> None:
    text = (
        head
        + "\nGovernment of Veland\nDepartment of Finance\nOFFICE MEMORANDUM\nSubject: leave.\nThe undersigned refers "
        + "to the Department's OM vide letter No. A-12011/3/2022-Estt dated 5 May 2022.\nStaff must apply.\n"
    )
    assert find_doc_number("Office memorandum", text, "en") == number


@pytest.mark.parametrize(
    "head",
    [
        # A room, a flat or a phone is numbered, not the notice; nor is a letter and dot a file number alone.
        "Room No. B-12/3",
        "Phone No. A-555-0100",
        "No. A. Smith\n",
        # An address heading its line holds no year.
        "No. A-12, Sector 5, Noida",
        "No. B-7/3, Main Road",
        # One slash before the year: a house and its colony, not a file.
        "No. C-3/2019 Housing Board Colony\nBhopal",
        "No. F.1-1/2023-Estt.",
    ],
)
def test_en_file_number_lookalikes(head: str) -> None:
    text = head + "\nDepartment of Finance\nStaff must apply for leave by May 1.\n"
    assert find_doc_number("Leave", text, "en") is None


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("zh", "【发布单位" + "】" * 100_000),
        ("zh", "发布单位" + "】 " * 50_000),
        ("zh", "来源单位：" + "某" * 100_000),
        ("en", "Contact: Jane Doe, Public Information Officer" + ", Department" * 10_000),
        ("en", "Contact: Jane Doe, Public Information Officer," + " " * 100_000),
        ("en", "No. " + "F." * 50_000),
        ("en", "No. A" + "-1" * 50_000),
        ("en", "\nNo. A-" + "1/" * 50_000),
        ("en", "Ministry" + ", Government of Veland" * 5_000),
        ("en", "Government of " + "Veland | " * 10_000),
        ("zh", "（" + " " * 100_000),
        ("zh", "元月" * 50_000),
        ("zh", "（供稿：" + "学生" * 50_000),
    ],
)
def test_hostile_lines_are_linear(lang: str, text: str) -> None:
    title = "某某市公安局通告" if lang == "zh" else "Notice"
    start = time.perf_counter()
    summarize(title, text)
    find_doc_number(title, text, lang)  # type: ignore[arg-type]
    assert time.perf_counter() - start < 2.0


@pytest.mark.parametrize(
    ("date", "published"),
    [("2023年元月5日", "2023-01-05"), ("二〇二三年元月五日", "2023-01-05"), ("2023年元月20日", "2023-01-20")],
)
def test_zh_first_month_sign_off_date(date: str, published: str) -> None:
    s = summarize(_ZH_TITLE, _ZH_BODY + f"某某大学学生工作处\n{date}")
    assert (s.issuer, s.published) == ("某某大学学生工作处", published)


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("元月5日起实行", [dt.date(2023, 1, 5)]),
        ("请于元月二十日前报送", [dt.date(2023, 1, 20)]),
        # 元月 with no day, and a unit test's 元月考, are no dates.
        ("元月份完成", []),
        ("单元月考5日举行", []),
        ("请于元月10日前报名", [dt.date(2023, 1, 10)]),
        # A sum in 元 before a month's day, a building's number or the era's 公元 is no 元月.
        ("每人300元月5日前交清", []),
        ("每人二百元月5日前交清", []),
        ("一万元月5日前", []),
        ("伍佰元月5日前", []),
        ("每人两元月5日前交清", []),
        # a sum in a currency written with 元
        ("每人100美元月5日前交清", []),
        ("每人50港元月5日前交清", []),
        ("请到2号楼12元月5号楼领取", []),
        ("公元月5日", []),
        ("单元月考", []),
    ],
)
def test_first_month_dates(text: str, dates: list[dt.date]) -> None:
    assert [h.date for h in find_dates(text, 2023)] == dates


def test_zh_credit_in_brackets() -> None:
    assert summarize(_ZH_TITLE, _ZH_BODY + "（供稿：学生工作处）").issuer == "学生工作处"


def test_zh_credit_lookalike_person() -> None:
    # A person credited in brackets is no body.
    assert summarize(_ZH_TITLE, _ZH_BODY + "（供稿：张三）").issuer is None


@pytest.mark.parametrize(
    ("line", "issuer"),
    [
        ("Ministry of Finance, Government of Veland", "Ministry of Finance"),
        ("Department of Finance | Government of Veland", "Department of Finance"),
        ("Government of Veland, Ministry of Finance", "Ministry of Finance"),
        ("GOVERNMENT OF VELAND | MINISTRY OF FINANCE", "MINISTRY OF FINANCE"),
    ],
)
def test_en_body_beside_its_government(line: str, issuer: str) -> None:
    body = "Residents are reminded that the annual property tax payment is due by March 31, 2023.\n"
    assert summarize("Tax reminder", line + "\n" + body).issuer == issuer
    assert summarize("Tax reminder", body + "\n" + line).issuer == issuer


@pytest.mark.parametrize("line", ["Jane Doe, Government of Veland", "Residents | Government of Veland"])
def test_en_government_beside_no_body(line: str) -> None:
    # Beside a person or a group, the government line gives no other body.
    body = "Residents are reminded that the annual property tax payment is due by March 31, 2023.\n"
    assert summarize("Tax reminder", body + "\n" + line).issuer in (None, "Government of Veland")


@pytest.mark.parametrize(
    "line",
    [
        "Ministry" + ", Government of Veland" * 5_000,
        "a," * 50_000,
        "Government of " + "x |" * 33_000,
        " " * 100_000,
    ],
)
def test_under_government_pattern_linear(line: str) -> None:
    # The pattern is tried only on short lines; it must stay linear on a long one all the same.
    from bot.summarize.lines_en import _UNDER_GOVERNMENT  # the private pattern, timed alone

    start = time.perf_counter()
    _UNDER_GOVERNMENT.fullmatch(line)
    assert time.perf_counter() - start < 1.0


@pytest.mark.parametrize("label", ["上传时间：", "录入时间：", "添加时间:", "上传日期：", "公告日期："])
def test_zh_content_system_date_labels(label: str) -> None:
    text = f"{label}2023-01-05 10:20\n" + _ZH_BODY.replace("2023年", "")
    assert summarize("关于做好寒假离校工作的通知", text).published == "2023-01-05"


@pytest.mark.parametrize(
    "line",
    [
        # A task's upload deadline in the body is an event, not the page's date.
        "材料上传时间：2023年1月20日",
        "三、上传时间：2023年1月20日",
        "上传时间：2023年1月20日前",
        "上传时间：2023年1月10日至1月20日",
        # Any own-date label's field that the date bounds is an event's.
        "发布时间：2023年1月20日前",
        "公开时间：2023年1月20日起",
    ],
)
def test_zh_upload_deadline_lookalikes(line: str) -> None:
    text = _ZH_BODY.replace("特此通知。\n", line + "\n特此通知。\n")
    assert summarize(_ZH_TITLE, text).published is None


def test_en_announcement_date_label() -> None:
    text = "Announcement date: 5 January 2023\n" + _EN_BODY
    assert summarize("Tax reminder", text).published == "2023-01-05"


@pytest.mark.parametrize(
    "line",
    [
        # Mid-line, the label dates what is announced (results, a list), not the notice.
        "Results announcement date: 5 January 2023",
        "Merit list | Announcement date: 5 January 2023",
    ],
)
def test_en_announcement_date_mid_line(line: str) -> None:
    assert summarize("Tax reminder", line + "\n" + _EN_BODY).published is None


@pytest.mark.parametrize(
    "text",
    [
        # A number cited mid-sentence, or a letter's, numbers another document.
        "Letter No. 12 of the Finance Committee was discussed.\nTravel claims must be filed monthly.\n",
        "Vide letter No. A-12011/3/2030-Estt dated 5 May 2030, pension rules were amended.\n",
        "The undersigned refers to No. F.12/3/2030-Estt and states that leave rules are revised.\n",
    ],
)
def test_en_cited_numbers_are_not_the_notices(text: str) -> None:
    assert find_doc_number("Memo", text, "en") is None


_OM = (
    "OFFICE MEMORANDUM\nSubject: Leave rules.\nAll staff are informed that leave applications must be made by "
    "March 31, 2023. Applications can be made online.\n"
)


@pytest.mark.parametrize(
    "tail",
    [
        # A cc list's numbered recipients name no signer.
        "\n(Jane Doe)\nDeputy Director\nTel: 2309 2345\nCopy to:\n1. Department of Expenditure\n2. Ministry of Home Affairs",
        "\n(Jane Doe)\nDeputy Director\nCopy forwarded to:\n(a) Department of Expenditure\n(b) Ministry of Home Affairs",
        "\nDistribution:\nii. Department of Expenditure",
    ],
)
def test_en_cc_list_items_sign_nothing(tail: str) -> None:
    assert summarize("Office memorandum on leave", _OM + tail).issuer is None


@pytest.mark.parametrize(
    ("tail", "issuer"),
    [
        # A signer's initial is no list item; a run-on signature after the last sentence still reads.
        (" J. Smith, Director, Department of Finance", "Department of Finance"),
        ("\nDepartment of Finance\nGovernment of Veland", "Department of Finance"),
        ("\nJane Doe\nDirector\nDepartment of Finance\nGovernment of Veland", "Department of Finance"),
    ],
)
def test_en_signature_unit_over_government(tail: str, issuer: str) -> None:
    assert summarize("Office memorandum on leave", _OM.rstrip("\n") + tail).issuer == issuer


@pytest.mark.parametrize(
    "line", ["| " * 50_000, "-" * 100_000, ", " * 50_000 + "5 January", "\t—" * 50_000 + "x"]
)
def test_signature_date_pattern_linear(line: str) -> None:
    from bot.summarize.lines_en import _SIGNATURE_DATE  # the private pattern, timed alone

    start = time.perf_counter()
    _SIGNATURE_DATE.sub("", line)
    assert time.perf_counter() - start < 1.0


def test_signature_date_after_separators() -> None:
    from bot.summarize.lines_en import _SIGNATURE_DATE

    assert _SIGNATURE_DATE.sub("", "Department of Finance | - 5 January 2023") == "Department of Finance"
    assert _SIGNATURE_DATE.sub("", "| 5 January 2023") == ""


@pytest.mark.parametrize("line", ["1. " + " " * 100_000 + ".", "(a) " + "x " * 50_000 + "!", "ii." * 33_000])
def test_list_item_pattern_linear(line: str) -> None:
    from bot.summarize.lines_en import _LIST_ITEM  # the private pattern, timed alone

    start = time.perf_counter()
    _LIST_ITEM.match(line)
    assert time.perf_counter() - start < 1.0


_ADVICE = (
    "Residents are advised to stay indoors between 12 pm and 4 pm. Schools will close early on Friday.\n"
)


@pytest.mark.parametrize(
    ("title", "issuer"),
    [
        ("Springfield Police Department: Winter parking ban", "Springfield Police Department"),
    ],
)
def test_en_title_placed_body(title: str, issuer: str) -> None:
    assert summarize(title, _ADVICE).issuer == issuer


@pytest.mark.parametrize(
    "title",
    [
        # People, places, groups, posts and events named after a body are none.
        "Letter from Jane Doe",
        "Greetings from India",
        "Message from the Principal",
        "Residents: water supply cut on Friday",
        "Notice: water supply cut",
        "Jane Doe's statement on the heatwave",
        "India's heatwave advisory",
        "Police Department Open House: join us",
        "Fire Department Christmas Party: all welcome",
        "Water Board Meeting: agenda",
        "Council Tax: what you need to know",
        "Statement by the Prime Minister",
        "Heat advice by Residents Group",
        "Press release from the United Kingdom",
        # A body closing the headline or owning its matter is as often the news's subject as its issuer.
        "Reply to criticism from the European Commission",
        "Harvard University's new admissions policy draws criticism",
        "Heatwave advisory from the Ministry of Health",
        "Ministry of Health's heatwave advisory",
    ],
)
def test_en_title_placed_lookalikes(title: str) -> None:
    assert summarize(title, _ADVICE).issuer is None


def test_en_title_placed_yields_to_the_text() -> None:
    # A body the text names as the release's subject outranks the headline's.
    text = (
        "The Springfield Water Authority today reminded residents to stay indoors between 12 pm and 4 pm.\n"
    )
    assert summarize("Ministry of Health: heatwave advisory", text).issuer == "Springfield Water Authority"


@pytest.mark.parametrize("title", ["Advisory from " + "the A" * 60, "A" + "'" * 299, "X:" * 150, " by" * 100])
def test_title_placed_linear(title: str) -> None:
    start = time.perf_counter()
    summarize(title, _ADVICE)
    assert time.perf_counter() - start < 1.0


@pytest.mark.parametrize(
    "signer",
    [
        "第五届“创新杯”大学生创业大赛组委会",
        "《某某学报》编辑部",
        "某某市12345政务服务便民热线办公室",
        "某某大学ACM协会",
        "某某·某某小区物业服务中心",
        "某某中学2023届高三年级组",
        # 先进 in a body's own name, not an honour's title
        "某某市5G先进制造研究院",
        "某某研究院VR先进显示实验室",
    ],
)
def test_zh_signer_with_quotes_figures_latin(signer: str) -> None:
    s = summarize(_ZH_TITLE, _ZH_BODY + f"{signer}\n2023年1月5日")
    assert (s.issuer, s.published) == (signer, "2023-01-05")


@pytest.mark.parametrize(
    "line",
    [
        # A deadline, an address, a phone, a quoted account or a sentence above the date signs nothing.
        "请于1月10日前报教务处",
        "3月5日教务处",
        "某某路88号某某大厦3楼办公室",
        "B栋101办公室",
        "张三 13812345678",
        "欢迎关注“某某大学”官方微信",
        "在“某某杯”比赛中获奖的学生会",
        "由“某某”组委会",
        "《通知》",
        # A photo's caption of prize winners is no signer.
        "“挑战杯”竞赛一等奖获奖团",
        "第3届“某某杯”一等奖团",
        # Nor is a caption of an honoured unit, its honour before the unit's name.
        "“挑战杯”竞赛优秀组织单位 某某学院团委",
        "“某某杯”先进集体 某某学院团委",
        "“某某杯”荣誉单位 某某学院团委",
        "《某某学报》表彰编辑部",
    ],
)
def test_zh_odd_signer_lookalikes(line: str) -> None:
    assert summarize(_ZH_TITLE, _ZH_BODY + f"{line}\n2023年1月5日").issuer is None


@pytest.mark.parametrize(
    "line", ["“" * 100_000, "《" + "某" * 100_000, "某1" * 50_000, "某“某”" * 25_000 + "x"]
)
def test_odd_name_pattern_linear(line: str) -> None:
    from bot.summarize.signoff import _ADDRESS, _ZH_NAME_ODD  # the private patterns, timed alone

    start = time.perf_counter()
    _ZH_NAME_ODD.match(line)
    _ADDRESS.search(line)
    assert time.perf_counter() - start < 1.0


_ZH_DATED_BODY = _ZH_BODY.replace("须于1月10日前", "须于2023年1月10日前")


@pytest.mark.parametrize(
    ("title", "text"),
    [
        # No full date to take the year from (a title's year names a topic: "2022年度考核").
        ("关于做好2022年度考核工作的通知", _ZH_BODY.replace("2023年", "") + "学生工作处\n1月5日"),
        # A sign-off after the deadlines the notice sets: the year is not known.
        (_ZH_TITLE, _ZH_DATED_BODY + "学生工作处\n12月28日"),
        # The text's full dates disagree on the year.
        (
            _ZH_TITLE,
            _ZH_DATED_BODY.replace("特此通知。", "2022年12月1日起执行。\n特此通知。") + "学生工作处\n1月5日",
        ),
        # A person, a label or a flattened table of units and days above the date.
        (_ZH_TITLE, _ZH_DATED_BODY + "张三\n1月5日"),
        (_ZH_TITLE, _ZH_DATED_BODY + "截止时间\n1月5日"),
        (_ZH_TITLE, _ZH_DATED_BODY + "教务处\n1月5日\n学生处\n1月6日"),
        # A sign-off without its year under a cited document's date: that year is the cited document's.
        (
            "关于做好人事档案管理工作的通知",
            "各单位：\n根据《某某管理办法》（2022年12月1日起施行），现将有关事项通知如下：\n"
            "一、各单位按要求整理档案。\n特此通知。\n某某县人事局\n1月5日",
        ),
        (_ZH_TITLE, _ZH_BODY + "学生工作处\n1月5日"),
    ],
)
def test_zh_yearless_sign_off_lookalikes(title: str, text: str) -> None:
    assert summarize(title, text).published is None


@pytest.mark.parametrize(
    ("head", "issuer"),
    [
        ("来源：校团委 发布时间：2023-01-05", "校团委"),
        ("供稿：党政办\u3000时间：2023-01-05", "党政办"),
        ("来源：宣传部", "宣传部"),
        ("所属部门：教务处", "教务处"),
        # An author may be a person by post; one character before 委/办 may name one too.
        ("作者：刘办", None),
        ("来源：刘办", None),
        # The site itself, a generic word, a person or an outlet is no unit.
        ("来源：本站", None),
        ("来源：网站", None),
        ("来源：学校", None),
        ("来源：全部", None),
        ("作者：张三", None),
        ("作者：李处", None),
        ("来源：王科", None),
        ("来源：新华社", None),
    ],
)
def test_zh_short_unit_labels(head: str, issuer: str | None) -> None:
    assert summarize(_ZH_TITLE, head + "\n" + _ZH_BODY).issuer == issuer


@pytest.mark.parametrize(
    "head", ["Published Date: 05 Jan 2023", "Posted Date: 5 January 2023", "Posted Date | 5 Jan 2023"]
)
def test_en_published_date_labels(head: str) -> None:
    assert summarize("Tax reminder", head + "\n" + _EN_BODY).published == "2023-01-05"


@pytest.mark.parametrize(
    "head",
    [
        "Closing Date: 5 January 2023",
        "Meeting Date: 5 January 2023",
        # A job notice's last day to post an application is a deadline, not the notice's date.
        "Last Post Date: 5 January 2023",
        "Post Date: 5 January 2023",
    ],
)
def test_en_event_date_labels_stay_refused(head: str) -> None:
    assert summarize("Tax reminder", head + "\n" + _EN_BODY).published is None


_WIRE = " The Ministry of Home Affairs has directed all states to close schools by March 31, 2023.\n"


@pytest.mark.parametrize("head", ["Chennai, Jan 5 (PTI):", "New Delhi, January 5 (IANS) -"])
def test_en_wire_dateline_mixed_case_city(head: str) -> None:
    assert summarize("Schools to close", head + _WIRE).published == "2023-01-05"


@pytest.mark.parametrize(
    "head",
    [
        "Monday, March 3: Parent meeting.",
        "Residents, March 3 -",
        "Chennai, Jan 5:",
        "Jane Doe, Jan 5 (file photo):",
    ],
)
def test_en_wire_dateline_lookalikes(head: str) -> None:
    assert summarize("Schools to close", head + _WIRE).published is None


def test_wire_dateline_pattern_linear() -> None:
    from bot.summarize.published import _EN_WIRE_DATELINE  # the private pattern, timed alone

    start = time.perf_counter()
    _EN_WIRE_DATELINE.match("Chennai, Jan 5 " + " " * 100_000 + "x")
    _EN_WIRE_DATELINE.match("A" + "a" * 100_000)
    assert time.perf_counter() - start < 1.0


@pytest.mark.parametrize(
    "line", ["某某市应急管理局 2023年1月5日（星期四）", "某某市应急管理局\u30002023-01-05（周四）"]
)
def test_zh_one_line_sign_off_with_weekday(line: str) -> None:
    s = summarize(_ZH_TITLE, _ZH_BODY + line)
    assert (s.issuer, s.published) == ("某某市应急管理局", "2023-01-05")


@pytest.mark.parametrize("line", ["会议定于2023年1月5日（星期四）", "请于2023年1月5日（周四）前报送教务处"])
def test_zh_one_line_weekday_lookalikes(line: str) -> None:
    assert summarize(_ZH_TITLE, _ZH_BODY + line).issuer is None


@pytest.mark.parametrize(
    ("line", "issuer"),
    [
        ("Issued on 5 January 2023 by the Department of Finance.", "Department of Finance"),
        ("Department of Finance | 5 January 2023", "Department of Finance"),
        ("Department of Finance – January 5, 2023", "Department of Finance"),
        # A person, a group or no body beside the date: none.
        ("Jane Doe | 5 January 2023", None),
        ("Residents - 5 January 2023", None),
        ("Published on 5 January 2023 by Jane Doe.", None),
    ],
)
def test_en_foot_with_date_beside_the_body(line: str, issuer: str | None) -> None:
    text = "Residents must pay the property tax by March 31, 2023. Payments can be made online.\n" + line
    s = summarize("Tax", text)
    assert (s.issuer, s.published) == (issuer, "2023-01-05")


@pytest.mark.parametrize(
    "line", ["Issued on " + "x " * 50_000 + "by", "Department" + " |" * 50_000 + " 5 May 2023x"]
)
def test_foot_date_patterns_linear(line: str) -> None:
    start = time.perf_counter()
    summarize("Tax", "Residents must pay the tax.\n" + line)
    assert time.perf_counter() - start < 2.0


_CLOSE = " Schools must close by 1 pm on Friday. Parents should arrange pickups.\n"


@pytest.mark.parametrize(
    ("lead", "issuer"),
    [
        (
            "The Directorate of Education (DoE) of the Delhi government on Thursday directed all schools to close early.",
            "Directorate of Education",
        ),
        (
            "Schools must close early, according to an order from the District Magistrate's office.",
            "District Magistrate's office",
        ),
        # A possessive with no office after it gives no truncated name.
        ("Schools must close early, according to a circular from the District Magistrate's desk.", None),
        # A people's or a country's government after the short form is no subject's qualifier.
        ("The residents (RWA) of the Delhi government colony said schools must close early.", None),
    ],
)
def test_en_subject_qualified_and_possessive_office(lead: str, issuer: str | None) -> None:
    assert summarize("Schools to close early", lead + _CLOSE).issuer == issuer


@pytest.mark.parametrize(
    ("head", "issuer"),
    [
        ("某某大学\n学生工作处\n", "某某大学学生工作处"),
        # A unit alone, or a full name under its parent, is named as written.
        ("学生工作处\n", "学生工作处"),
        ("某某大学\n某某大学学生工作处\n", "某某大学学生工作处"),
    ],
)
def test_zh_header_unit_under_its_parent(head: str, issuer: str) -> None:
    assert summarize(_ZH_TITLE, head + _ZH_TITLE + "\n" + _ZH_BODY).issuer == issuer

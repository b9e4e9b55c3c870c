"""More metadata forms on hand-written notices: letterheads, signatures, contact lines, numbers, dates, headers."""

from __future__ import annotations

import pytest

from bot.summarize import summarize
from bot.summarize.meta import find_doc_number, find_issuer

EN_ISSUERS = [
    # Letterheads in capitals: named as the text writes them in mixed case, else as on the line.
    (
        "New rules",
        "U.S. DEPARTMENT OF ENERGY\nNews Release\n\nUtilities must post notices.",
        "U.S. DEPARTMENT OF ENERGY",
    ),
    (
        "New rules",
        "U.S. DEPARTMENT OF ENERGY\nNews Release\n\nUtilities must post the notices of the U.S. Department of Energy.",
        "U.S. Department of Energy",
    ),
    # Stacked letterheads go from parent to unit: the unit writes the notice.
    (
        "Order",
        "GOVERNMENT OF INDIA\nMINISTRY OF HOME AFFAIRS\nORDER\nAll states must comply.",
        "MINISTRY OF HOME AFFAIRS",
    ),
    # "of the" + a person's title names an office.
    ("Order", "Office of the Governor\n\nAll residents must stay home.", "Office of the Governor"),
    ("Water", "City of Norvale\n\nResidents must boil tap water for now.", "City of Norvale"),
    # Signatures set off by a dash, contact lines, bylines.
    (
        "Leave rules",
        "Employers must grant leave to affected staff.\n\n— Ministry of Manpower",
        "Ministry of Manpower",
    ),
    (
        "Inspections",
        "Airlines must inspect engines within 20 days.\n\nMedia contact: Jane Doe, Federal Aviation Administration, "
        "202-555-0100",
        "Federal Aviation Administration",
    ),
    (
        "Rates",
        "By the Board of Governors of the Federal Reserve System\n\nBanks must hold more capital.",
        "Board of Governors of the Federal Reserve System",
    ),
    # A headline ending in its publisher, spelled as the text spells it.
    (
        "Principals to certify forms – Ministry of education",
        "Principals must certify forms, the Ministry of Education said.",
        "Ministry of Education",
    ),
    # Boards that vote, companies that recall, unions, the White House.
    ("School closures", "The Board of Education voted on Monday to close all schools.", "Board of Education"),
    (
        "Recall",
        "Acme Foods Ltd has recalled its peanut butter. Customers must return jars.",
        "Acme Foods Ltd",
    ),
    (
        "Strike",
        "The National Union of Teachers has called on members to strike.",
        "National Union of Teachers",
    ),
    ("Curfew", "The Singapore Police Force has warned the public not to gather.", "Singapore Police Force"),
    ("Offices", "The White House announced that federal offices must close.", "White House"),
    ("Recall", "Acme Foods Inc. of Springfield is recalling its peanut butter.", "Acme Foods Inc."),
    # GOV.UK prints "From:" above the body, with the minister after it.
    (
        "Schools to close",
        "Schools will close from Friday.\nFrom:\nDepartment for Education and The Rt Hon Jane Doe MP\nPublished\n18 March 2020",
        "Department for Education",
    ),
    # A body that orders outranks one that only speaks before it.
    (
        "Shops to close",
        "The World Health Organization (WHO) has declared a pandemic. The Ministry of Health has ordered shops to close.",
        "Ministry of Health",
    ),
    # Hong Kong's releases date "today" in brackets.
    (
        "Employers reminded",
        "The Labour Department today (March 24) reminded employers to protect workers.",
        "Labour Department",
    ),
    # A rule's AGENCY line names the agency before its department; a page's "Agencies:" goes downwards.
    (
        "Guidance for industry",
        "AGENCY: Food and Drug Administration, HHS.\nACTION: Notice of availability.",
        "Food and Drug Administration",
    ),
    # "Statement from the X - date", "Advisory from the X on …": the name ends before the date or the subject.
    ("Statement from the Ministry of Health - 3 March 2020", "Shops must close.", "Ministry of Health"),
    (
        "Advisory from the Department of Health on COVID-19",
        "All clinics must report.",
        "Department of Health",
    ),
    ("Message from the Office of the President", "All staff must work from home.", "Office of the President"),
    # A document page's subtitle names its author.
    (
        "Drones",
        "A Final Rule by the Federal Aviation Administration on 09/14/2021\nOperators must register.",
        "Federal Aviation Administration",
    ),
    (
        "Exposure rule",
        "Agencies: Department of Transportation, Federal Aviation Administration\nDocument Type: Rule",
        "Federal Aviation Administration",
    ),
]


@pytest.mark.parametrize(("title", "text", "expected"), EN_ISSUERS)
def test_english_issuer_forms(title: str, text: str, expected: str) -> None:
    assert find_issuer(title, text, "en") == expected


ZH_ISSUERS = [
    # The document's own title line in the text, whole or broken after the body's name.
    (
        "关于做好X工作的通知",
        "某市卫生健康委员会关于做好X工作的通知\n各区卫生健康委：\n请做好X工作。",
        "某市卫生健康委员会",
    ),
    ("关于做好X工作的通知", "某县教育局\n关于做好X工作的通知\n各学校：\n请做好X工作。", "某县教育局"),
    # A header in 【】, a name above the salutation, a page's byline row.
    ("【某县教育局】关于做好X工作的通知", "各学校：\n请做好X工作。", "某县教育局"),
    ("关于做好X工作的通知", "某县教育局\n各学校：\n请做好X工作。", "某县教育局"),
    ("关于X的通知", "某县人民政府办公室  2024-05-06\n各乡镇：请做好工作。", "某县人民政府办公室"),
    # The seal beside or under the signing body's name.
    ("关于做好X工作的通知", "各学校：\n请做好X工作。\n某县教育局（盖章）\n2024年5月6日", "某县教育局"),
    ("关于做好X工作的通知", "各学校：\n请做好X工作。\n某县教育局\n（盖章）\n2024年5月6日", "某县教育局"),
    # Signing bodies named by a customs house, a school, a task force.
    ("关于做好X工作的通知", "各单位：\n请做好X工作。\n某市海关\n2024年5月6日", "某市海关"),
    ("关于做好X工作的通知", "各班级：\n请做好X工作。\n某县实验中学\n2024年5月6日", "某县实验中学"),
    (
        "关于做好X工作的通知",
        "各单位：\n请做好X工作。\n某县疫情防控工作专班\n2024年5月6日",
        "某县疫情防控工作专班",
    ),
    # Labels: 主办 names the body when nothing else does.
    ("关于举办X比赛的通知", "主办单位：某市体育局\n各区：请组织报名。", "某市体育局"),
    # Reports: a cited document's body is not the reporter's subject.
    (
        "X",
        "按照国务院办公厅印发《关于X的通知》要求，省教育厅近日下发通知，要求各地做好防汛工作。",
        "省教育厅",
    ),
    ("X", "根据市政府印发《关于X的通知》要求，各校开展检查。", None),
    ("关于延迟开学的通知", "根据省教育厅通知要求，经学校研究决定，推迟开学。", None),
    ("X", "近日，央行发布《关于X的通知》，要求银行落实。", "央行"),
    # A report recalling an earlier document (a month or year without a day, 此前) gives way to the news.
    (
        "省政府出台实施意见",
        "今年3月，国务院办公厅印发《关于X的意见》，明确提出要求。近日，某省人民政府办公厅印发《关于X的实施意见》。",
        "某省人民政府办公厅",
    ),
    ("省政府出台实施意见", "2018年11月，国务院办公厅印发《关于X的意见》，明确提出要求。", "国务院办公厅"),
    (
        "省政府出台实施意见",
        "2018年11月5日，国务院办公厅印发《关于X的意见》。近日，某省人民政府办公厅印发《关于X的实施意见》。",
        "国务院办公厅",
    ),
    ("X", "深圳交警发布通告，要求车辆绕行。", "深圳交警"),
    ("X", "某市教育局通知，各校于5月6日前完成自查。", "某市教育局"),
    ("X", "某市妇联发出倡议，号召家庭节约用水。", "某市妇联"),
    ("X", "6月5日，某市人民政府召开全市安全生产工作会议，部署汛期安全工作。", "某市人民政府"),
    # A report dates the act by the day alone; time words before the name are not part of it.
    ("教育部：延期开学", "中新网北京1月27日电 (记者 张三)教育部27日发布通知，要求各地延期开学。", "教育部"),
    ("开学安排", "教育部1月27日晚发布通知，要求各地延期开学。", "教育部"),
    ("发改委新规", "今年国家发展改革委印发《关于X的通知》。", "国家发展改革委"),
    ("X", "人力资源社会保障部27日表示，将扩大补贴范围。", "人力资源社会保障部"),
    ("勞工處提醒僱主", "勞工處今日（三月二十四日）宣布，僱主須為僱員提供防護裝備。", "勞工處"),
    # 经X研究: the deliberating body; 经X同意 approves another body's document.
    ("X的通告", "经县疫情防控指挥部研究，现将有关措施通告如下：一、暂停聚集。", "县疫情防控指挥部"),
    ("关于X的通知", "经国务院同意，现将有关事项通知如下。", None),
]


@pytest.mark.parametrize(("title", "text", "expected"), ZH_ISSUERS)
def test_chinese_issuer_forms(title: str, text: str, expected: str | None) -> None:
    assert summarize(title, text).issuer == expected


DOC_NUMBERS = [
    ("", "Release No. 20-123\nThe agency said.", "20-123"),
    ("", "News Release: 20-045\nAll must comply.", "20-045"),
    ("", "Media Release 2020-15\nAll staff must comply.", "2020-15"),
    ("", "PR 45/2020\nStaff must comply.", "45/2020"),
    ("", "Public Notice No. 5/2020\nAll staff must comply.", "5/2020"),
    # Plain serials need a kind and a number mark; an executive order or proclamation needs none.
    ("", "Order No. 45\nAll shops must close.", "45"),
    ("", "Bulletin #7\nStaff must comply.", "7"),
    ("", "Executive Order No. 202.8\nAll must comply.", "202.8"),
    ("", "Proclamation 9994\nAll must comply.", "9994"),
    ("", "All must comply.\n(Release ID: 1607997)", "1607997"),
    # File numbers with many parts and a section mark; codes joined by slashes.
    ("", "No. 40-3/2020-DM-I(A)\nGovernment of India\nMinistry of Home Affairs", "40-3/2020-DM-I(A)"),
    ("", "RBI/2019-20/186\nMarch 27, 2020\nAll banks must comply.", "RBI/2019-20/186"),
    ("Commission acts on rates IP/20/456", "", "IP/20/456"),
    # A year and serial on a line of their own; not when the serial could be a month.
    ("", "FOR IMMEDIATE RELEASE\n2020-54\nWashington D.C., March 13, 2020 — The Commission said.", "2020-54"),
    ("", "2020-03\nAll must comply.", None),
    # An amended order's letter; an executive order's EO.
    ("Directive of the Fire Marshal of Lake Township F21-07c", "", "F21-07c"),
    ("Water Board Order W22-14a: lawn watering limits", "", "W22-14a"),
    ("EO 2020-12: Stay home", "", "2020-12"),
    ("Stay home", "EO 12345 applies to all residents.", "12345"),
    # A labelled number inside a sentence gives way to the code heading the page.
    (
        "IRS provides relief",
        "IR-2020-66, April 9, 2020\nWASHINGTON — Notice 2020-23 extends deadlines.",
        "IR-2020-66",
    ),
    ("IRS provides relief", "Notice 2020-23 extends deadlines.", "2020-23"),
    # The Federal Register's own labels, on its text edition and on its pages; a docket numbers the rulemaking.
    ("", "[Pages 29182-29184]\n[FR Doc No: 2017-13567]\n[Docket ID OSHA-2007-0066]", "2017-13567"),
    ("", "Published Document: 2017-13567 (82 FR 29182)\nOSHA is proposing a rule.", "2017-13567"),
    ("", "[Docket ID OSHA-2007-0066]\nOSHA is proposing a rule.", "OSHA-2007-0066"),
    # A number the notice cites ("supersedes Order No. …") gives way to its own.
    (
        "",
        "This Order supersedes Order No. 2020-01 of March 17.\nAll must stay home. Order No. 2020-02 applies.",
        "2020-02",
    ),
    # …and alone it is still another document's: never the notice's own (round 14; it was the last resort before).
    ("", "This Order supersedes Order No. 2020-01 of March 17.", None),
    # Never a phone number, an address or a bare year.
    ("", "Call 24/7 at 1-800-555-0100.\nAll staff must comply.", None),
    ("", "Office at 12-34 Main Street.\nAll staff must comply.", None),
]


@pytest.mark.parametrize(("title", "text", "expected"), DOC_NUMBERS)
def test_english_number_forms(title: str, text: str, expected: str | None) -> None:
    assert find_doc_number(title, text, "en") == expected


PUBLISHED = [
    # An order's execution clause.
    ("Rule", "Schools must reopen. Dated this 20th day of May, 2020.", "2020-05-20"),
    ("Rule", "Schools must reopen.\nGiven under my hand this 3rd day of March, 2020.", "2020-03-03"),
    (
        "Order",
        "WHEREAS on March 4, 2020, I proclaimed a State of Emergency.\nIN WITNESS WHEREOF I have hereunto set my hand "
        "this 19th day of March 2020.",
        "2020-03-19",
    ),
    # A byline row that only gives the revision's date.
    (
        "Rule",
        "Written by Jane Doe | New Delhi | Updated: March 24, 2020 1:36:12 pm\nThe government ordered shops to close.",
        "2020-03-24",
    ),
    # The forms already read stay read: a dateline ending in a colon, a date line above the text.
    ("Rule", "NEW DELHI, 3 March 2020: The ministry ordered shops to close.", "2020-03-03"),
    ("Rule", "New Delhi, the 24th March, 2020\nORDER\nAll shops must close by 25 March, 2020.", "2020-03-24"),
    # A headline ending with its date, unless the date is a deadline's or an end's.
    ("Shelter in place extended – March 31, 2020", "Everyone must stay home.", "2020-03-31"),
    ("Update (3/31/2020)", "Everyone must stay home.", "2020-03-31"),
    ("Deadline - June 1, 2026", "Everyone must register.", None),
    ("Schools closed until - April 30, 2020", "Everyone must stay home.", None),
    # An ambiguous numeric date read in the order the page's unambiguous ones show, else not at all.
    ("Rule", "Posted: 04/02/2020\nComments are due by 04/30/2020.", "2020-04-02"),
    ("Rule", "Posted: 04/02/2020\nComments are due by 30/04/2020.", "2020-02-04"),
    ("Rule", "Posted: 04/02/2020\nAll must comply.", None),
    # A document page's subtitle dates it.
    (
        "Drones",
        "A Final Rule by the Federal Aviation Administration on 09/14/2021\nDue 10/14/2021.",
        "2021-09-14",
    ),
    # Dates with dashes, day first: numeric when unambiguous or when the page shows its order, or with the month's name.
    ("Rule", "Date: 16-03-2020\nAll must comply.", "2020-03-16"),
    ("Rule", "Date: 04-03-2020\nApply by 30-03-2020.", "2020-03-04"),
    ("Rule", "Date: 04-03-2020\nAll must comply.", None),
    ("Rule", "Posted 28-Jun-2017\nAll must comply.", "2017-06-28"),
    ("Rule", "Call 1-800-555-0100. All must comply.", None),
    # An effective date in an execution-like clause is still no publication date.
    ("Rule", "This order takes effect on the 1st day of June, 2020.", None),
]


YEARLESS = [
    # A wire dateline without its year takes the year of the page's address; without one it names no date.
    ("WASHINGTON, March 3 — The agency ordered shops to close.", "2020-03-03", None),
    ("LONDON, March 3 (Reuters) - The agency ordered shops to close.", "2020-03-03", None),
    ("SINGAPORE (Feb 8) — The agency ordered shops to close.", "2020-02-08", None),
    ("NAIROBI, Kenya, March 3 - The agency ordered shops to close.", "2020-03-03", None),
    # A range is no dateline.
    ("SCHOOLS, March 3 - April 30: all closed.", None, None),
]


@pytest.mark.parametrize(("text", "with_url", "without"), YEARLESS)
def test_yearless_datelines(text: str, with_url: str | None, without: str | None) -> None:
    assert summarize("Shops", text, "https://example.com/news/2020/03/shops").published == with_url
    assert summarize("Shops", text).published == without


@pytest.mark.parametrize(("title", "text", "expected"), PUBLISHED)
def test_english_date_forms(title: str, text: str, expected: str | None) -> None:
    assert summarize(title, text).published == expected

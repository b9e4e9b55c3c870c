"""Metadata read from where notices put it: signatures, order titles, report anaphora, sign-off variants, headers.

Each rule is pinned on small hand-written notices; the negative cases check that a text which does not state a
field gets none (a wrong issuer, number or date is worse than none).
"""

from __future__ import annotations

import pytest

from bot.summarize import summarize
from bot.summarize.meta import find_doc_number, find_issuer

EN_ISSUERS = [
    # An office named after its head keeps the possessive.
    (
        "Alert",
        "The Springfield County Sheriff's Office reminds residents to lock their cars.",
        "Springfield County Sheriff's Office",
    ),
    ("Parks", "The Mayor's Office announced that parks will close.", "Mayor's Office"),
    ("Travel", "Prime Minister's Office\nAll travellers must quarantine.", "Prime Minister's Office"),
    # …while a place's or a parent body's possessive still gives way to the body after it.
    (
        "Rules",
        "Singapore's Ministry of Health (MOH) said all travellers must quarantine.",
        "Ministry of Health",
    ),
    # A signature under a letter's closing: the body on its own line, or after the signer's title.
    (
        "Letter",
        "Dear colleagues,\nAll staff must work from home.\nRegards,\nJohn Smith\nDirector, Office of Human Resources",
        "Office of Human Resources",
    ),
    (
        "Letter",
        "Dear Parents,\nPupils must stay home.\nSincerely,\nJane Doe\nSuperintendent\nSpringfield Public Schools",
        "Springfield Public Schools",
    ),
    ("Notice", "The deadline has been extended by a week.\n\n-The AP", "The AP"),
    # An order's title goes on from its author to what the order does; set in capitals it is read title-cased.
    (
        "Order of the Fire Officer of the Shire of Calder restricting all open burning",
        "All open burning must stop.",
        "Fire Officer of the Shire of Calder",
    ),
    (
        "Order",
        "ORDER OF THE FIRE OFFICER OF THE SHIRE OF CALDER RESTRICTING ALL OPEN BURNING\nFires stop.",
        "FIRE OFFICER OF THE SHIRE OF CALDER",
    ),
    # The order's number ends the name; the text may spell the name out in full further on.
    (
        "Order of the Fire Officer No. F-7",
        "The Fire Officer of the Town and Shire of Calder orders all fires put out.",
        "Fire Officer of the Town and Shire of Calder",
    ),
    ("Notice", "All shareholders must vote.\nBy order of the Board of Directors", "Board of Directors"),
    (
        "Notice",
        "Issuing Office: Office of Personnel Management\nAll staff must comply.",
        "Office of Personnel Management",
    ),
    # News names a body in full once, then as "the ministry".
    (
        "Skippers warned",
        "The Ministry of Fisheries has seen a rise in reports of unlicensed nets.\n\nThe ministry has sent out a warning.",
        "Ministry of Fisheries",
    ),
    # A headline's acronym may name the body the text writes in another order.
    (
        "VHD seeks views",
        "The Harbours Department is asking which bylaws it should redraft.",
        "Harbours Department",
    ),
    # …not one whose initials are other letters: the headline's acronym, as the text uses it, stands.
    (
        "CDC issues guidance",
        "The Department of Children issued guidance on Monday. CDC said schools must test.",
        "CDC",
    ),
    # A GOV.UK "From:" line: "and" inside a body's name, or between two bodies, or before a minister.
    (
        "Care homes",
        "Published 2 April 2020\nFrom: Department of Health and Social Care\n\nCare homes must isolate residents.",
        "Department of Health and Social Care",
    ),
    ("Stay home", "From: Cabinet Office and Public Health England\nStay at home.", "Cabinet Office"),
    # Two bodies acting together: the one the headline names.
    (
        "HRS extends deadline",
        "PORT KESSEL — The Lands Department and the Harbour Revenue Service jointly granted an extension.",
        "Harbour Revenue Service",
    ),
    (
        "Grants",
        "The Department of Health and Human Services today announced new grants.",
        "Department of Health and Human Services",
    ),
    # An order's number header above its title in capitals: the officer in full.
    (
        "Health Order",
        "ORDER OF THE FIRE OFFICER NO. F-7\n\nORDER OF THE FIRE OFFICER OF THE SHIRE OF CALDER RESTRICTING ALL "
        "OPEN BURNING\n\nAll fires must stop.",
        "FIRE OFFICER OF THE SHIRE OF CALDER",
    ),
    # More verbs of announcing.
    ("Rates", "The Central Bank of Sri Lanka has lowered its policy rates.", "Central Bank of Sri Lanka"),
    ("Comments", "The Department of Labor invites comments on the rule.", "Department of Labor"),
    # A short form in brackets of more than one word; a release's boilerplate after its end mark.
    (
        "Guidance",
        "The Governor's Office of Emergency Services (Cal OES) has issued guidance.",
        "Governor's Office of Emergency Services",
    ),
    (
        "Rule",
        "All must comply.\n\n###\n\nThe Texas Department of State Health Services protects the health of Texans.",
        "Texas Department of State Health Services",
    ),
    ("Rule", "All must comply.\n\n###\n\nFor more information call 555-0100.", None),
    (
        "Order of the Fire Officer of the Shire of Calder",
        "This Order replaces the earlier Order of the Fire Officer (F-03) restricting open burning.",
        "Fire Officer of the Shire of Calder",
    ),
    # None named: no issuer.
    ("Schools", "Schools will close next week, officials said.", None),
    ("Notice", "The ministry has sent out a warning to skippers.", None),
    ("Letter", "Dear Parents,\nPupils must stay home.\nSincerely,\nJane Doe", None),
    ("Registration", "Dear College Members,\nRegistration opens in May.", None),
    ("Registration", "TO ALL UNIVERSITY STUDENTS\nRegistration opens in May.", None),
]


@pytest.mark.parametrize(("title", "text", "expected"), EN_ISSUERS)
def test_english_issuers_where_notices_name_them(title: str, text: str, expected: str | None) -> None:
    assert find_issuer(title, text, "en") == expected


ZH_ISSUERS = [
    # A joint sign-off of two full bodies; a university unit under its parent stays one signer.
    (
        "关于X的通知",
        "各街道：\n请做好X工作。\n中共某区委办公室\n某区人民政府办公室\n2022年11月3日",
        "中共某区委办公室、某区人民政府办公室",
    ),
    ("关于X的通知", "各学院：\n请组织报名。\n某某大学\n教务处\n2019年3月1日", "某某大学教务处"),
    # A signing body with a second name in brackets; townships, street offices and estate managers sign too.
    ("关于X的通知", "各学院：\n请做好X工作。\n学生工作部（处）\n2023年5月8日", "学生工作部（处）"),
    ("关于X的通知", "各位业主：\n请做好X工作。\n某某物业\n2023年5月8日", "某某物业"),
    ("城关镇关于开展X工作的通知", "各村：\n请做好X工作。", "城关镇"),
    # A column's tag before the title.
    ("【通知】某县教育局关于做好X工作的通知", "各学校：\n请做好X工作。", "某县教育局"),
    ("通知公告 | 某县教育局关于做好X工作的通知", "各学校：\n请做好X工作。", "某县教育局"),
    # The date under the name may carry a label or its weekday.
    ("关于X的通知", "各单位：\n请做好X工作。\n某某局\n2023年5月8日（星期一）", "某某局"),
    ("关于X的通知", "各单位：\n请做好X工作。\n某某局\n日期：2023年5月8日", "某某局"),
    # A crawl's entity left beside the name ("&sp;") does not hide the sign-off.
    (
        "关于X的通知",
        "各省：\n现转发给你们。\n某省人民政府办公厅   &nbsp;\n2023年5月8日",
        "某省人民政府办公厅",
    ),
    # A title may drop the place its sign-off names: the sign-off spells the body in full.
    ("县教育局关于做好X工作的通知", "各学校：\n请做好X工作。\n某某县教育局\n2023年5月8日", "某某县教育局"),
    ("某某县教育局关于做好X工作的通知", "各学校：\n请做好X工作。\n办公室\n2023年5月8日", "某某县教育局"),
    # The page's publisher (发布机构) gives way to the body that signed the document.
    (
        "关于X的通知",
        "发布机构：某区生态环境分局\n各街道：\n请做好X工作。\n某区人民政府办公室\n2022年11月3日",
        "某区人民政府办公室",
    ),
    ("关于X的通知", "发布机构：某县生态环境局\n各乡镇：请做好X工作。", "某县生态环境局"),
    # Reports: a forwarding body, an abbreviation ending in 防总, a body called 该局 after it is named.
    ("某某工作新要求", "日前，国务院办公厅转发国家发展改革委《关于X的意见》，要求各地落实。", "国务院办公厅"),
    ("某某工作新要求", "近日，国家防总印发《关于X的通知》。", "国家防总"),
    ("道路封闭", "3月1日，记者从市交通运输局了解到，该局发布通告，自3月5日起封闭路段。", "市交通运输局"),
    # A report from a body's site, and the body a report got its news from when no body issues anything.
    ("某某新闻", "民政部网站消息，近日各地开展汛期安全检查。", "民政部"),
    ("某某新闻", "记者从市教育局获悉，今年全市将新增学位5000个。", "市教育局"),
    ("某某新闻", "记者从市教育局获悉，市人社局近日印发《关于X的通知》。", "市人社局"),
    ("某某新闻", "新华社消息，近日各地开展检查。", None),
    # The passive: the body that the document is issued by.
    ("某某新闻", "《关于X的意见》近日由国务院办公厅印发，要求各地落实。", "国务院办公厅"),
    ("某某新闻", "由国家发展改革委牵头制定的《X方案》明确了目标。", "国家发展改革委"),
    ("某某新闻", "根据由国务院办公厅印发的《X方案》，各地开展检查。", None),
    # 该局 with no body named before it, a township word inside a phrase: no issuer.
    ("道路封闭", "该局发布通告，自3月5日起封闭路段。", None),
    ("推进城乡建设", "城乡建设要加快推进，各地要落实。", None),
]


@pytest.mark.parametrize(("title", "text", "expected"), ZH_ISSUERS)
def test_chinese_issuers_where_notices_name_them(title: str, text: str, expected: str | None) -> None:
    assert summarize(title, text).issuer == expected


DOC_NUMBERS = [
    # Orders numbered by serial alone, as a header (in a sentence they are cited).
    ("", "国务院令第732号\n《X条例》已经通过。", "zh", "国务院令第732号"),
    ("X条例", "中华人民共和国国务院令\n第715号\n《X条例》已经通过。", "zh", "中华人民共和国国务院令第715号"),
    ("", "根据《X条例》（国务院令第376号）规定，现通知如下。", "zh", None),
    # Full-width digits are read as digits.
    ("关于X的通知", "国办发〔２０２３〕１１号\n各省：", "zh", "国办发〔2023〕11号"),
    ("关于X的通知", "各省：\n请落实。联系电话：0731-88888888", "zh", None),
    # A headline's code in brackets, IRS tips, regulators' notes, numbers after "#".
    ("Guidance for nursing homes (QSO-20-14-NH)", "Homes must restrict visits.", "en", "QSO-20-14-NH"),
    ("", "COVID Tax Tip 2020-59\nFilers must act.", "en", "2020-59"),
    ("", "Guidance Note 2020/05\nFirms must comply.", "en", "2020/05"),
    ("", "Order #2020-05\nAll must stay home.", "en", "2020-05"),
    ("", "Tip: stay home.\nAll must comply.", "en", None),
    # A number opening a sentence is that sentence's subject; the release's own code heads the page.
    (
        "IRS extends deadline",
        "IR-2020-58, March 21, 2020\n\nWASHINGTON — The IRS today announced relief.\n\nNotice 2020-18 provides relief.",
        "en",
        "IR-2020-58",
    ),
    ("", "Notice 2020-18\nThe IRS provides relief.", "en", "2020-18"),
    ("", "Notice 2020-18 provides relief for taxpayers.", "en", "2020-18"),
    # An aviation safety directive's number (AD) has a date's shape: read under its label only.
    ("", "AD No. 2031-14-62\nOperators must inspect rotor hubs.", "en", "2031-14-62"),
    ("Emergency AD 2031-14-62: rotor hubs", "Operators must inspect.", "en", "2031-14-62"),
    ("", "Inspections are due 2031-04-12.\nOperators must inspect rotor hubs.", "en", None),
]


@pytest.mark.parametrize(("title", "text", "lang", "expected"), DOC_NUMBERS)
def test_document_numbers_where_notices_print_them(
    title: str, text: str, lang: str, expected: str | None
) -> None:
    assert find_doc_number(title, text, lang) == expected  # type: ignore[arg-type]


PUBLISHED = [
    # A Chinese document's date is its sign-off's, not the page's posting date above it.
    (
        "关于X的通知",
        "公开日期:2021-09-15 08:20\n各街道：\n请做好X工作。\n某区人民政府办公室\n2021年9月14日",
        "2021-09-14",
    ),
    ("关于X的通知", "发布时间：2019-03-01\n各学院：\n请组织报名。", "2019-03-01"),
    # A sign-off dated after the page went up belongs to an annex, not to this notice.
    (
        "关于X的通知",
        "发布日期：2023-05-08\n各单位：请于6月报送。\n附件：报名表\n某某局\n2023年6月1日",
        "2023-05-08",
    ),
    ("关于X的通知", "发布于 2023-05-08\n各单位要于2023年6月30日前完成检查。", "2023-05-08"),
    # A revision date under an order's letterhead is the best the text says.
    (
        "Harbour Master Order",
        "JANE DOE\nHARBOUR MASTER\nJOHN ROE\nDEPUTY\n1 QUAY STREET\nPORT KESSEL\n"
        "HARBOUR MASTER'S ORDERS\n(Amended March 14, 2031)\nAll kiosks must close by 10 pm.",
        "2031-03-14",
    ),
    # A date that something opens or closes on is an event's, not the page's.
    ("Rule", "Applications open March 3, 2026.\nEmployers must comply.", None),
    ("Rule", "Dear Parents,\nSchools close on March 20, 2020.\nSincerely,\nThe Principal", None),
]


BRACKETED = [
    # A release dating its act in brackets, the year from the page's address.
    (
        "PORT KESSEL - Employers must pay workers on leave, the Labour Bureau said on Wednesday (Oct 14).",
        "2020-10-14",
    ),
    (
        "PORT KESSEL - The Labour Bureau on Wednesday (Oct 14) announced that employers must pay workers.",
        "2020-10-14",
    ),
    # A bracketed date of what the notice sets in motion is an event's.
    ("The ministry said the rule takes effect on Monday (March 30).", None),
    ("Shops reopen on Monday (March 30), the ministry announced.", None),
]


@pytest.mark.parametrize(("text", "expected"), BRACKETED)
def test_bracketed_release_days(text: str, expected: str | None) -> None:
    assert summarize("Employers must pay", text, "https://example.com/news/2020/pay").published == expected
    assert summarize("Employers must pay", text).published is None  # no year stated anywhere


@pytest.mark.parametrize(("title", "text", "expected"), PUBLISHED)
def test_publication_dates_where_notices_state_them(title: str, text: str, expected: str | None) -> None:
    assert summarize(title, text).published == expected

"""Metadata rules on hand-written notices: issuers, document numbers and publication dates in both languages."""

from __future__ import annotations

import pytest

from bot.summarize import summarize
from bot.summarize.meta import find_doc_number, find_issuer

EN_ISSUERS = [
    # Press-release openings: subject, optional acronym and time words, then the verb.
    (
        "HRS reminds skippers",
        "PORT KESSEL — The Harbour Revenue Service on Monday urged skippers to file.",
        "Harbour Revenue Service",
    ),
    (
        "",
        "The Federal Emergency Management Agency has issued new guidance to states.",
        "Federal Emergency Management Agency",
    ),
    (
        "",
        "U.S. Citizenship and Immigration Services (USCIS) today announced a new fee rule.",
        "U.S. Citizenship and Immigration Services",
    ),
    (
        "",
        "Today, the Bureau of Plant Health and Quarantine (BPHQ) issued import advice.",
        "Bureau of Plant Health and Quarantine",
    ),
    (
        "",
        "PORT KESSEL (VNA) — The Rail Inspection Administration on Friday ordered checks of brake rods.",
        "Rail Inspection Administration",
    ),
    ("", "The European Commission on Tuesday proposed rules for batteries.", "European Commission"),
    ("", "The Multi-Ministry Taskforce will be rolling out stricter measures.", "Multi-Ministry Taskforce"),
    ("", "The Department of Education will require schools to report incidents.", "Department of Education"),
    (
        "",
        "Singapore's Ministry of Health (MOH) said on Monday that visitors must wear masks.",
        "Ministry of Health",
    ),
    (
        "",
        "PORT KESSEL — Skippers must renew licences early, the Ministry of Fisheries (MOF) said on Tuesday.",
        "Ministry of Fisheries",
    ),
    (
        "",
        "Employers must keep records for five years, according to the Labour Department.",
        "Labour Department",
    ),
    (
        "",
        "A statement released by the State Council Information Office on Monday said so.",
        "State Council Information Office",
    ),
    (
        "",
        "The Veland Department of Labour's Mine Safety Administration today cited a quarry.",
        "Mine Safety Administration",
    ),
    (
        "",
        "Schools must reopen on June 1, said the Department of Education on Friday.",
        "Department of Education",
    ),
    (
        "",
        "Skippers must log catches, a circular from the Ministry of Fisheries instructed.",
        "Ministry of Fisheries",
    ),
    ("", "Skippers must comply with new rules issued by MOF on Friday.", "MOF"),
    # An acronym subject: in full when the text spells it out anywhere, else as written.
    (
        "MSHA fines quarry",
        "MSHA announced Tuesday that a quarry was fined. The Mine Safety and Hazards Administration said dust kills.",
        "Mine Safety and Hazards Administration",
    ),
    ("MSHA fines quarry", "MSHA announced Tuesday that a quarry was fined for dust hazards.", "MSHA"),
    ("IRS extends deadline", "The IRS today extended the deadline to July 15.", "IRS"),
    # A spokesperson speaks for the body named before the title.
    (
        "",
        "Department of Health Secretary Jane Doe said all clinics must report cases.",
        "Department of Health",
    ),
    # Letterheads, header lines and signatures.
    (
        "Notice to employers",
        "Department of Health\n\nNotice to employers\n\nAll employers must report cases by May 1, 2021.",
        "Department of Health",
    ),
    (
        "Exams",
        "From: Office of the Registrar\nTo: All students\nSubject: Exams\n\nStudents must register.",
        "Office of the Registrar",
    ),
    (
        "Advisory",
        "Issued by: Civil Aviation Authority of Singapore\n\nAll operators must file plans.",
        "Civil Aviation Authority of Singapore",
    ),
    (
        "Memo",
        "All staff must complete training by June 1.\n\nSincerely,\n\nOffice of Human Resources",
        "Office of Human Resources",
    ),
    # The headline's body wins when the text names several.
    (
        "FAA orders inspections",
        "The Bureau of Labor Statistics reported 40 deaths. The FAA has issued a directive.",
        "FAA",
    ),
    # No body: a person, a one-word "Agency", a news agency.
    ("Governor orders closures", "Governor Smith announced that bars must close.", None),
    ("Agency requires masks", "Agency requires masks on buses.", None),
]


@pytest.mark.parametrize(("title", "text", "expected"), EN_ISSUERS)
def test_english_issuer(title: str, text: str, expected: str | None) -> None:
    assert find_issuer(title, text, "en") == expected


ZH_ISSUERS = [
    # 发文机关 + 关于…: one body, joint bodies by 、 or spaces.
    ("国务院办公厅关于做好防汛工作的通知", "", "国务院办公厅"),
    # Joint issuers as written: the title's spaces, unless the notice writes them with 、 somewhere.
    ("教育部 国家卫生健康委关于加强学校卫生工作的意见", "", "教育部 国家卫生健康委"),
    (
        "教育部 国家卫生健康委关于加强学校卫生工作的意见",
        "教育部、国家卫生健康委要求各地落实。",
        "教育部、国家卫生健康委",
    ),
    (
        "某省应对低温雨雪冰冻灾害联防联控机制关于做好防范工作的通知",
        "",
        "某省应对低温雨雪冰冻灾害联防联控机制",
    ),
    ("某市公安局交通警察支队关于调整通行时间的通告", "", "某市公安局交通警察支队"),
    # 发文机关 + 通告/公告 with a serial number.
    ("某县新冠肺炎疫情防控指挥部通告（第5号）", "一、全县暂停聚集活动。", "某县新冠肺炎疫情防控指挥部"),
    ("某市人民政府公告", "现将有关事项公告如下。", "某市人民政府"),
    # Reports: 印发/下发/发出/发布 after the body, with time words between.
    ("", "为做好汛期安全工作，省应急管理厅日前印发《关于加强汛期安全防范的通知》。", "省应急管理厅"),
    ("", "近日，交通运输部、水利部联合印发通知，要求各地落实补贴。", "交通运输部、水利部"),
    ("", "记者从市教育局获悉，市教育局近日下发紧急通知，要求各校排查隐患。", "市教育局"),
    ("", "市场监管总局近日就规范直播营销发出通知，要求平台落实责任。", "市场监管总局"),
    ("", "据交通运输部官网消息，近日各地开展检查。", "交通运输部"),
    # The sign-off names the body when the title does not; several bodies sign on separate lines.
    (
        "关于开展安全检查的通知",
        "各单位要开展检查。\n特此通知。\n市应急管理局\n市消防救援支队\n2024年5月6日",
        "市应急管理局、市消防救援支队",
    ),
    ("关于组织报名的通知", "各学院：请组织报名。\n教务处\n2019年3月1日", "教务处"),
    ("关于组织报名的通知", "各学院：请组织报名。\n某某大学\n教务处\n2019年3月1日", "某某大学教务处"),
    ("关于组织报名的通知", "发布部门：学生处  发布时间：2019-03-01\n各学院：请组织报名。", "学生处"),
    # A citation in the body is not the issuer.
    (
        "关于做好学前教育工作的通知",
        "2030年6月，省委、省政府印发《关于X的意见》。各地要落实。\n县教育局\n2031年1月9日",
        "县教育局",
    ),
    # News agencies are no issuers.
    ("", "据新华社消息，近日各地开展检查。", None),
]


@pytest.mark.parametrize(("title", "text", "expected"), ZH_ISSUERS)
def test_chinese_issuer(title: str, text: str, expected: str | None) -> None:
    assert summarize(title, text).issuer == expected


DOC_NUMBERS = [
    ("国务院办公厅关于X的通知", "国办发〔2017〕21号\n各部委：", "zh", "国办发〔2017〕21号"),
    ("", "某某关于Y的通知\n湘政办发[2009]24号\n各市州：", "zh", "湘政办发[2009]24号"),
    ("", "某某关于Y的通知\n苏政办发（2022）12号", "zh", "苏政办发（2022）12号"),
    ("", "某某关于Y的通知\n京政发(2020)7号", "zh", "京政发(2020)7号"),
    ("", "人社部发［2021］第5号\n各省人社厅：", "zh", "人社部发［2021］第5号"),
    ("", "根据《国务院关于X的通知》(国发〔2020〕3号)精神，现通知如下。", "zh", None),
    ("海关总署公告2020年第16号（关于X的公告）", "", "zh", "海关总署公告2020年第16号"),
    ("某县通告（第49号）", "", "zh", None),
    ("IR-2026-44: IRS urges filers to act", "", "en", "IR-2026-44"),
    ("", "News Release\nRelease Number 17-919-NAT\nJune 28, 2017\nOSHA proposes a rule.", "en", "17-919-NAT"),
    ("Order of the Fire Officer K31-07", "", "en", "K31-07"),
    ("", "IR-2020-59, March 24, 2020\nWASHINGTON — The IRS said.", "en", "IR-2020-59"),
    ("", "Circular No. C-2020-12 applies to all schools.", "en", "C-2020-12"),
    ("", "Memorandum No. 2020-05\nTo: All agencies", "en", "2020-05"),
    ("", "Executive Order N-33-20 orders all residents to stay home.", "en", "N-33-20"),
    ("", "All schools must comply.\n[FR Doc. 2020-12345 Filed 6-5-20; 8:45 am]", "en", "2020-12345"),
    ("COVID-19 guidance for schools", "COVID-19\nSchools must test staff.", "en", None),
    ("", "Date: 2020-03-31\nAll staff must comply.", "en", None),
    # A docket numbers the rulemaking, not this release: the release's own number wins.
    ("", "Docket No. OSHA-2013-0023\nThe rule is final.\nRelease Number 17-919-NAT", "en", "17-919-NAT"),
    ("", "Docket No. OSHA-2013-0023\nThe rule is final.", "en", "OSHA-2013-0023"),
]


@pytest.mark.parametrize(("title", "text", "lang", "expected"), DOC_NUMBERS)
def test_document_numbers(title: str, text: str, lang: str, expected: str | None) -> None:
    assert find_doc_number(title, text, lang) == expected  # type: ignore[arg-type]


PUBLISHED = [
    # English datelines and page date lines.
    (
        "Employers must act",
        "WASHINGTON, March 3, 2026 — Employers must post the notice by June 1, 2026.",
        "2026-03-03",
    ),
    ("Growers must act", "RB-2027-31, May 6, 2027\nPORT KESSEL — Growers must act by May 20.", "2027-05-06"),
    (
        "Schools must report",
        "Tuesday, 4 June 2019 - 09:41\nClinics must report by 2019-06-18.",
        "2019-06-04",
    ),
    ("Rule", "Posted on March 3, 2026 by Jane Doe\nThe rule takes effect on April 1, 2026.", "2026-03-03"),
    ("Rule", "Published: 3 March 2020\nLast updated: 5 May 2020\nAll staff must comply.", "2020-03-03"),
    ("Rule", "Date: 25/03/2020\nAll staff must comply.", "2020-03-25"),
    (
        "Rule",
        "First published on Tue 24 Mar 2020 13.36 GMT, the rule binds all staff from May 1, 2020.",
        "2020-03-24",
    ),
    ("Rule", "Date: 04/05/2020\nAll staff must comply.", None),  # day-first or month-first: unknown
    # A deadline or an effective date is no publication date.
    ("Rule", "Deadline: June 1, 2026\nAll staff must comply.", None),
    ("Rule", "Effective date: June 1, 2026\nAll staff must comply.", None),
    ("Rule", "On March 24, 2020, the IRS announced that filers get more time.", "2020-03-24"),
    ("Filers", "IR-2020-59, March 24, 2020 WASHINGTON — The IRS today reminded filers to act.", "2020-03-24"),
    # A flattened page: its first dated words, unless they name an event.
    ("Rule", "Home › News › March 24, 2020 › Employers must post the notice.", "2020-03-24"),
    (
        "Rule",
        "This Notice shall take effect at 6:00 a.m. on July 2, 2029. All boats must stay moored.",
        None,
    ),
    ("Circular of October 9, 2023 on ferries", "Operators must post new timetables.", "2023-10-09"),
    ("Rules effective June 1, 2026", "Operators must post new timetables.", None),
    # Chinese: labels, full-width digits, 〇/○ numerals, the sign-off, a report's own date.
    ("通知", "发布日期：２０２４年３月５日\n各单位要做好工作。", "2024-03-05"),
    ("通知", "各单位要做好工作。\n市人民政府办公室\n二〇二〇年三月五日", "2020-03-05"),
    ("通知", "各单位要做好工作。\n县人民政府\n二○一九年十二月三十一日", "2019-12-31"),
    ("通知", "各单位要于2024年6月30日前完成检查。", None),
    ("关于X的通知", "发文机关：国务院办公厅\n成文日期：2019年01月09日\n各地要落实。", "2019-01-09"),
    ("报道", "北京3月2日讯 2024年3月1日，市政府印发《关于X的通知》。", "2024-03-01"),
]


@pytest.mark.parametrize(("title", "text", "expected"), PUBLISHED)
def test_published(title: str, text: str, expected: str | None) -> None:
    assert summarize(title, text).published == expected


MORE_ZH_ISSUERS = [
    (
        "关于做好春运工作的通知",
        "某省人民政府办公厅文件\n某政办发〔2024〕3号\n各市人民政府：要做好春运。",
        "某省人民政府办公厅",
    ),
    ("", "6月1日，商务部等12部门联合印发《关于X的通知》。", "商务部等12部门"),
    # A government page's metadata table names the issuing body and the date the document was signed.
    ("关于X的通知", "发文机关：国务院办公厅\n成文日期：2019年01月09日\n各地要落实。", "国务院办公厅"),
    ("", "财政部 税务总局近日发布公告，明确减免政策。", "财政部 税务总局"),
    ("", "水利部会同应急管理部研究制定了《关于X的意见》。", "水利部"),
    ("某市人民政府令（第300号）", "《某市物业管理办法》已经市政府常务会议通过，现予公布。", "某市人民政府"),
    ("海关总署公告2020年第16号（关于X的公告）", "现将有关事项公告如下。", "海关总署"),
    (
        "某某条例",
        "中华人民共和国国务院令\n第715号\n《某某条例》已经国务院常务会议通过，现予公布。",
        "中华人民共和国国务院",
    ),
    # A weather bureau's warning is not a document; a body without a document verb is no issuer.
    ("", "中央气象台发布暴雨预警，各地要注意防范。", None),
    # A body announcing or requiring at the start of a clause, in either script.
    ("", "为加强校园安全，县教育局决定开展专项整治。各学校要于4月30日前完成自查。", "县教育局"),
    ("", "勞工處今(24)日宣布，僱主須為僱員提供防護裝備。", "勞工處"),
    ("", "各地教育部门要求学校做好防护。", None),
]


@pytest.mark.parametrize(("title", "text", "expected"), MORE_ZH_ISSUERS)
def test_more_chinese_issuers(title: str, text: str, expected: str | None) -> None:
    assert summarize(title, text).issuer == expected


def test_reports_headlines_and_lead_dates() -> None:
    assert summarize("", "国家卫生健康委近日发文，要求各地加强院感防控。").issuer == "国家卫生健康委"
    # A headline's "X：" names the body reported on: the issuer only when the text names no other.
    assert summarize("人社部：今年扩大就业补贴范围", "补贴范围扩大到所有中小企业。").issuer == "人社部"
    assert summarize("人社部：扩大补贴范围", "财政部近日印发通知，扩大补贴范围。").issuer == "财政部"
    assert summarize("", "市教育局日前出台新规，要求学校控制作业量。").issuer == "市教育局"
    lead = summarize("Filers get more time", "March 24, 2020 — The IRS today said filers get more time.")
    assert lead.published == "2020-03-24"
    assert summarize("Rule", "TUESDAY, MAY 5, 2020\nAll staff must comply.").published == "2020-05-05"

"""Notice metadata: own title, issuing body and document number (Chinese rules; English in meta_en, docno_en)."""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator

from bot.dates import fullwidth_to_ascii
from bot.summarize.chrome import is_furniture, title_key
from bot.summarize.docno_en import en_doc_number
from bot.summarize.lang import Lang, fold
from bot.summarize.meta_en import en_issuer
from bot.summarize.signoff import month_signer, undated_signer

__all__ = ["find_doc_number", "find_issuer", "notice_title"]

# Document kinds a notice's title ends with (党政机关公文处理工作条例 lists the official ones).
_DOC_KIND = r"(?:通知|通报|通告|公告|决定|意见|办法|方案|规定|规划|细则|条例|纲要|指引|指南|批复|函|令|公报|计划|措施)"
# A title names these as well, after its body: a holiday's arrangements, an admissions brochure, a list put up
# for objections, a notice of what to observe ("某某学院2024年清明节放假安排", "某某大学2024年招生简章").
_TITLE_KIND = rf"(?:{_DOC_KIND}|安排|简章|公示|须知)"
_OWN_TITLE = re.compile(rf"{_DOC_KIND}\s*(?:\([^)]*\))?\s*$")
_BOOK = re.compile(rf"《([^《》]{{4,120}}?{_DOC_KIND})》")

# 国办发〔2023〕11号 and its bracket variants: 〔〕 [] ［］ () （） 【】 and the „‟ seen on re-posted pages.
# The issuer's abbreviation is possessive ({1,10}+): what follows it never starts with a Han character, so giving
# characters back never makes a match, and trying that at every Han character of a text tripled the scan.
_DOC_NO = re.compile(
    r"([\u4e00-\u9fff]{1,10}+)\s*[〔\[［(（【„﹝]\s*((?:19|20)\d{2})\s*[〕\]］)）】‟﹞]\s*(第?\s*\d{1,4}\s*号)"
)
# What follows the issuer's abbreviation, from the bracket on: it opens with a bracket, which sre skips to.
_DOC_NO_CORE = re.compile(r"[〔\[［(（【„﹝]\s*(?:19|20)\d{2}\s*[〕\]］)）】‟﹞]\s*第?\s*\d{1,4}\s*号")
# At most this many Han characters before the bracket (_DOC_NO's {1,10}+).
_DOC_NO_REACH = 10


def _doc_numbers(text: str) -> Iterator[re.Match[str]]:
    """_DOC_NO.finditer(text), the costly pattern tried only right before a bracketed year and serial.

    Each match ends with such a core, and starts at most _DOC_NO_REACH Han characters before the blanks
    before it; cores never overlap (none holds an opening bracket). A core with no match before it is
    passed; one with a match ends it, so the search resumes where finditer would.
    """
    done = scan = 0
    while (core := _DOC_NO_CORE.search(text, scan)) is not None:
        blanks_from = done + len(text[done : core.start()].rstrip())
        m = _DOC_NO.search(text, max(done, blanks_from - _DOC_NO_REACH), core.end())
        if m is not None:
            yield m
            done = m.end()
        scan = core.end()


# Chinese bodies end with one of these (中华全国总工会, 国务院办公厅, 湖南省人民政府办公厅, 人力资源和社会保障部).
_ORG_END = (
    r"(?:人民政府办公厅|人民政府办公室|人民政府|办公厅|办公室|委员会|总工会|工会|联合会|人民银行|银行|分行|支行|"
    r"监督管理总局|管理总局|总局|管理局|局|厅|部|委|院|署|办|中心|协会|党委|党组|政府|大学|学院|学校|公司|集团|"
    r"小组|处|所|站|中央|机制|联席会议|工作组|综合组|专家组|救治组|督导组|指导组|检查组|专班|支队|大队|中队|队|研究会|学会|商会|基金会|理事会|会|馆|台|司|"
    r"妇联|残联|侨联|文联|科协|政协|人大|小学|中学|幼儿园|机场|出版社|合作社|海关|交警|公安|城管|消防|防总|"
    # Short forms of a flood-control headquarters and a disease-control centre: "市防指", "省疾控".
    r"防指|疾控)"
)
# A township, street office or village issues notices under its place name ("城关镇关于…的通知"); read only
# where a title starts with the name, since these words end many other words (城乡, 街道两侧).
_ZH_PLACE_ORG = r"(?:[\u4e00-\u9fff]{1,8}?(?:街道|镇|乡|村|社区))"
# "制发", "颁发"; a notice put up on a board ("贴出通知", "张贴公告"); "发通知" in a headline.
_ZH_DOC_VERB = r"印发|下发|发布|出台|发出|下达|公布|颁布|制定|制发|颁发|贴出|挂出|张贴"
_ZH_FA_DOC = r"发(?=通知|通告|公告|文件)"
_ZH_ISSUE_VERB = rf"(?:联合)?(?:{_ZH_DOC_VERB}|{_ZH_FA_DOC})(?:了)?"
# Names too short for the pattern of a place and a body word: the usual short forms of central bodies.
# A name does not run on past a body word and a joining 和/与/及 ("教育部和财政部" is two names): else a chain
# of joined names splits in exponentially many ways, each tried when what follows the chain fails.
# Nor does it hold 关于 or 转发: "关于转发省教育厅关于…的通知" is a title without a body before 关于.
# "中办", "国办": the General Offices of the Party's Central Committee and the State Council as news shortens them.
_ZH_ORG = (
    rf"(?:(?:(?!{_ORG_END}[和与及]|关于|转发)[\u4e00-\u9fff]){{2,24}}?{_ORG_END}|央行|最高法|最高检|党中央|[省市县区州]委|"
    r"[省市县区州]政府|[省市县区州](?:防指|疾控)|中办|国办|两办|团中央)"
)
# Joint issuers are written X、Y or X和Y; the report may put 近日/日前 between body and verb.
# "商务部等12部门": joint issuers abbreviated to the first ones and a count, kept as written.
_ZH_ORGS = rf"({_ZH_ORG}(?:(?:[、和与及]|\s+){_ZH_ORG})*(?:等[\d一二三四五六七八九十]{{1,3}}(?:个)?(?:部门|单位|部委))?)"
_ZH_WHEN = (
    # A report dates the act by the day alone ("教育部27日发布通知", "1月27日晚").
    # "某局于近日印发", "某局于3月5日发布": 于 before the time word.
    # "今天上午", "昨日下午": the day's part after the day. "某区教育局最新通知：" announces its latest.
    r"(?:于|近日|日前|(?:今天|今日|昨天|昨日)(?:上午|下午|晚间|晚上|凌晨)?|近期|最新|(?:\d{1,2}月)?\d{1,2}日(?:晚间|晚|上午|下午|凌晨)?|[今昨]\(\d{1,2}\)日|[今昨]\([一二三四五六七八九十]{1,3}\)日|"
    # Hong Kong's press releases date "today" in brackets: "勞工處今日（三月二十四日）宣布".
    r"[今昨]日\([^()]{1,12}\)|"
    r"再次|专门|紧急|联合|也|还|已|正式|"
    # "交通运输部官网发布通知", "某局在官方微信上发布": the body acts through its site.
    r"在?其?(?:官网|官方网站|网站|官方微信公众号|官方微信|官方微博|微信公众号|官方公众号|公众号|官微|官方抖音|客户端)上?)*"
)
_ZH_ISSUER_IN_TEXT = re.compile(
    rf"{_ZH_ORGS}{_ZH_WHEN}(?:(?:会同|联合)[^,。;《]{{1,20}}?(?:研究)?)?(?:(?:就|针对|围绕|对|向)[^,。;《]{{1,40}}?)?"
    rf"(?:{_ZH_ISSUE_VERB}"
    r"(?:的?[《“]|关于|[^,。;《]{0,20}?(?:通知|通告|公告|意见|文件|决定|办法|方案|规定|细则|指南|措施|指引|计划|规划|"
    r"新规|政策|预案|标准|名单|清单|目录|提示|倡议书|公开信|消息|"
    # Reports, warnings, public notes, letters and rules are issued the same way.
    r"通报|公示|声明|告知书|一封信|倡议|提醒|要点|纲要|条例|规则|须知|批复|复函|公函))|发文|"
    # "国务院办公厅转发国家发展改革委《关于…的意见》": the body that forwards issues the notice.
    r"(?:转发|批转)[^,。;《]{0,30}?[《“])"
)
_ZH_VERB_AT = re.compile(rf"{_ZH_DOC_VERB}|发文|转发|批转|{_ZH_FA_DOC}")
# How far before its verb a report's subject may start (names, joint names, time words, 就…).
_REPORT_REACH = 120
# A body announcing or requiring at the start of a clause ("勞工處今(24)日宣布", "县教育局决定开展…"): weaker
# than a document verb, so tried after every other form.
_ZH_ISSUER_SAYS = re.compile(
    # "人社部近日就稳就业工作作出部署": the matter with 就 between the body and its act.
    rf"(?:^|(?<=[,。;:!?\s]))(?:近日|日前|目前|今年)?{_ZH_ORGS}{_ZH_WHEN}(?:[就对][^,。;《]{{1,30}}?(?:作出|做出|进行)?(?=部署|提醒|通报|要求|明确))?"
    rf"(?:宣布|通报|(?:特别|郑重)?提醒|要求|决定|明确|部署|表示|指出|强调|召开[^,。;]{{0,30}}?会议|"
    r"通知(?=[,:要])|发布(?=:)|(?:发出)?倡议|呼吁|呼籲|号召|"
    # "某市疫情防控指挥部召开新闻发布会，通报…": the body that holds a press conference speaks for itself.
    r"(?:召开|举行)(?!的)[^,。;的]{0,20}?(?:新闻发布会|发布会|通气会))"
)
# "经县疫情防控指挥部研究，现将…通告如下": the body whose deliberation the notice announces ("经国务院同意"
# approves another body's document, so only 研究 counts).
_ZH_DELIBERATED = re.compile(rf"经{_ZH_ORGS}(?:党组会议|常务会议|会议)?研究")
# A page's byline row: the publishing body and the date ("某县人民政府办公室  2024-05-06").
_ZH_BYLINE = re.compile(rf"^\s*({_ZH_ORG})\s+(?:发布时间\s*:?\s*)?(?:19|20)\d{{2}}\s*[-年./]")
# "据市水务局网站消息", "据某省商务厅官网消息": the body behind a report.
_ZH_ISSUER_SOURCE = re.compile(
    rf"据{_ZH_ORGS}(?:网站|官网|官方网站|微信公众号|官方微信|官方微博|官方公众号|公众号|官微|微博|客户端)?(?:消息|发布|介绍|通报)"
)
# Without 据 only with the site named ("市水务局网站消息，…" opens a report, "…消息" alone may be anyone's);
# found from the fixed words backwards, since trying a body's name at every clause start is costly.
# A media outlet passing the news on is no issuer: "据某某县融媒体中心公众号消息", "某某日报消息，".
_ZH_MEDIA = re.compile(r"(?:融媒体中心|融媒|日报社?|晚报社?|报社|电视台|广播电台|新闻网|通讯社)$")
_ZH_SITE_NEWS = re.compile(r"(?:网站|官网|官方网站|微信公众号)消息")
_ZH_SITE_OWNER = re.compile(rf"(?:^|[\s,。])({_ZH_ORG})$")
_LOOK_BACK = 40
# The passive: "《…》近日由国务院办公厅印发", "由国家发展改革委牵头制定的《…》".
_ZH_ISSUED_BY = re.compile(
    rf"由{_ZH_ORGS}(?:牵头|会同[^,。;《]{{1,20}}?)?(?:联合)?(?:印发|下发|发布|出台|公布|颁布|制定)"
)
# "记者从市教育局获悉，…": the body a report got its news from, named when no body issues anything in it.
_ZH_INFORMED = re.compile(r"获悉|了解到")
_ZH_INFORMANT = re.compile(rf"从{_ZH_ORGS}$")
_ZH_ISSUER_PREFIX = re.compile(
    r"^(?:我(?=[省市县区州旗镇乡])|近日|日前|今天|今日|近期|昨天|昨日|目前|最近|记者从|从|日|号|讯|报道|\d+月\d+日|今年|去年|本周|上周|本月|"
    r"上月|近年来|此前|随后|为此|对此|据悉|同日|当天|当日|昨晚|今晨)+"
)
# A headline's opening that is no body's name: a verb ("印发…的通知", "群众反映…", with who reports it) or a
# demonstrative ("这个公司决定…").
_ZH_NOT_OPENING = r"(?:(?:群众|网友|市民|居民|村民|家长|记者|读者)?(?:印发|转发|批转|下发|反映|举报|投诉|曝光|称|建议)|这个|那个|这家|那家|这所|那所)"
# A headline opening with a body and its act: "某省教育厅部署…", "某市卫健委提醒…" (not a document verb, which
# _ZH_TITLE_REPORT reads).
_ZH_TITLE_SAYS = re.compile(
    rf"^\s*(?![全各本我该]|{_ZH_NOT_OPENING})({_ZH_ORG}(?:[、和与及]{_ZH_ORG})*)\s*(?:近日|日前|再次|紧急)?"
    r"(?:部署|提醒|要求|明确|宣布|决定|通报|召开|启动|开展|"
    # A headline's body changing or starting what it runs: "某市教育局调整寒假时间", "某局暂停办理…", "某局将…".
    r"推出|实施|暂停|延期|调整|将(?:于|在|从|自)|规定|回应|答复|官宣|连发|再发|修订|征求)"
)
# A counted or unnamed set of bodies is no issuer: "十余家公司", "某地一家公司", "多所学校".
_ZH_QUANTIFIED = re.compile(r"[余多几数一两\d十百千][家所个批]|一些|部分")
_ZH_CREDIT = re.compile(rf"\(\s*({_ZH_ORG})\s*供稿\s*\)")
# A news headline "X：…" names the body it reports on: the issuer when the text names no other.
_ZH_TITLE_SPEAKER = re.compile(rf"^\s*({_ZH_ORG})\s*:")
# Words a report puts before the body's name ("记者从…获悉", "北京3月2日讯"): the name starts after them.
_ZH_NOT_NAME = re.compile(
    r"^.*(?:获悉|了解到|消息|记者|据悉|另悉|日电|日讯|报道|通讯员|今年以来|目前|同时|此外)"
)
# A label and its value: "发文机关：X", or a flattened table's cells one a line ("发布机构\nX").
# A table's cells may also be set apart by blanks alone ("发布机构\t某县教育局", "发布机构  某县教育局").
_LABEL_SEP = r"(?:\s*[:：]\s*|[ \t]*\n\s*|[ \t]+)"
# A label's value: a body's name, maybe with a second name in brackets inside it ("党委(院长)办公室"), ending
# where the page's next field starts ("来源：某县教育局发布时间：…" runs the fields together on a flattened page).
_LABEL_VALUE = (
    rf"([\u4e00-\u9fff]{{2,30}}?(?:\([\u4e00-\u9fff]{{1,8}}\)[\u4e00-\u9fff]{{0,12}}?)?{_ORG_END})"
    r"(?:门户网站|官方网站|网站|官网)?"
    r"(?=$|[\s|,;(]|(?:发布时间|发布日期|发文日期|时间|日期|作者|浏览|点击|阅读|访问|字号|字体|编辑|责任编辑|审核))"
)
# Under a label that can only name a body, a unit's short name is one too: "校办", "团委", "办公室".
_SHORT_LABEL_VALUE = _LABEL_VALUE.replace("{2,30}?", "{0,30}?", 1)
# A page's metadata: the issuing body's own label outranks everything; a "来源" label may name a re-poster.
_ZH_OWN_LABEL = re.compile(
    rf"(?:发文机关|发文单位|成文单位|发文部门|制发机关|发布机关|落款单位|落款){_LABEL_SEP}{_LABEL_VALUE}"
)
# The body that put the page up ("发布机构：某县生态环境局" over a county office's document): after the sign-off.
_ZH_PUBLISHER_LABEL = re.compile(
    rf"(?:(?:发布机构|发布单位|发布部门|发布者){_LABEL_SEP}|(?<![\u4e00-\u9fff])发布\s*:\s*){_LABEL_VALUE}"
)
# The same labels with a unit's short name, read when no full name is there.
_ZH_OWN_LABEL_SHORT = re.compile(_ZH_OWN_LABEL.pattern.replace(_LABEL_VALUE, _SHORT_LABEL_VALUE))
_ZH_PUBLISHER_LABEL_SHORT = re.compile(_ZH_PUBLISHER_LABEL.pattern.replace(_LABEL_VALUE, _SHORT_LABEL_VALUE))
_ZH_LABEL = re.compile(
    rf"(?:信息来源|来源|稿源|出处|撰稿单位|来稿单位|主办单位|主办|供稿单位|供稿部门|供稿|作者|发布人|信息提供单位|信息提供|公开责任部门|责任部门){_LABEL_SEP}{_LABEL_VALUE}"
)
# Page fields stand at the top or, on many pages, at the foot, which a long document pushes past the head.
_FOOT = 1500


def _label(pattern: re.Pattern[str], text: str, head: str, folded_head: str) -> str | None:
    """The body a page field names, in the head of the text, else at its foot."""
    if m := pattern.search(folded_head):
        return _clean_zh(head[m.start(1) : m.end(1)])
    if len(text) > len(head):
        foot = text[-_FOOT:]
        if m := pattern.search(fold(foot)):
            return _clean_zh(foot[m.start(1) : m.end(1)])
    return None


# GB/T 9704 titles: 发文机关 + 关于…的通知 (joint bodies separated by 、 or spaces); reports: X印发《…》.
# A school's or a firm's unit ("某某学院计算机系", "某某公司第一车间"), read only where a title starts with it:
# these words end many other words ("体系", "市场").
_ZH_UNIT_ORG = r"(?:[\u4e00-\u9fff]{2,20}?(?:系|科|社|厂|场|基地|车间|联盟|教研室|研究室))"
_ZH_TITLE_ISSUER = re.compile(
    rf"^\s*((?:{_ZH_ORG}|{_ZH_PLACE_ORG}|{_ZH_UNIT_ORG})(?:[、\s]+(?:{_ZH_ORG}|{_ZH_PLACE_ORG}))*)\s*(?:关于|转发|批转)"
)
# "某县疫情防控指挥部通告（第5号）", "某市人民政府公告": a body's announcement under its own name.
_ZH_TITLE_NOTICE = re.compile(
    rf"^\s*({_ZH_ORG}(?:[、\s]+{_ZH_ORG})*)\s*(?:紧急)?(?:通告|公告|通知|通报|令|命令|决定)"
    r"\s*(?:\(?\s*(?:\d{4}\s*年\s*)?第?\s*[\d一二三四五六七八九十〇零]+\s*号\s*\)?)?\s*(?:\([^()]*\))?\s*$"
)
# A body's letter or reminder under its own name: "某市教育局致全市中小学生家长的一封信", "某某小学告家长书",
# "某市公安局温馨提示", "某市疾控中心紧急提醒".
_ZH_TITLE_LETTER = re.compile(
    rf"^\s*({_ZH_ORG}(?:[、\s]+{_ZH_ORG})*)\s*(?:(?:致|告)[^,。;:!?]{{1,40}}?(?:的)?(?:一封信|公开信|倡议书|书)"
    r"|(?:紧急|重要|特别)?(?:温馨提示|提示|提醒|声明|公示|倡议书|倡议|告知书))\s*$"
)
# A title without 关于 that dates its matter: "某某大学2024年安全工作要点的通知", "某县2023年度…的公告".
# The name must not open with a quantifier ("全市各学校…" names the addressees).
_ZH_TITLE_YEAR = re.compile(
    rf"^\s*(?![全各本我该]|{_ZH_NOT_OPENING})({_ZH_ORG}(?:[、\s]+{_ZH_ORG})*)\s*(?:19|20)\d{{2}}\s*(?:年|年度|—|-)"
    rf"[^,。;:!?]{{2,80}}?的?{_TITLE_KIND}\s*(?:\([^()]*\))?\s*$"
)
# A verb or preposition inside a title's "name" shows a matter, not a body: "拟录用某某局2024年…名单公示",
# "对某某公司2024年…的处罚决定", "李明辞去某某大学2024年…".
_ZH_NAME_ACTS = re.compile(r"对(?!外)|[拟辞任将被向给为把]|录用|聘用|推荐|表彰|处罚|招募|招聘|近日|日前|近期")
# A title whose matter is a sanction or an appointment names its party, not its issuer: "某某公司2024年度违法行为
# 处罚决定" is the regulator's.
_ZH_PARTY_MATTER = re.compile(r"处罚|违法|违规|任免|任前|录用|辞去|辞职|免职|通报批评")
# The red header of a document (GB/T 9704 发文机关标志): "国务院办公厅文件", "中共某县委员会文件".
# An order's header names its issuer the same way: "中华人民共和国国务院令".
_ZH_RED_HEADER = re.compile(rf"^\s*({_ZH_ORG}(?:[、\s]+{_ZH_ORG})*)\s*(?:文件|令)\s*$")
# Announcements and orders are numbered by year and serial: 海关总署公告2020年第16号, 交通运输部令2019年第1号.
_ZH_SERIAL_NO = re.compile(r"([\u4e00-\u9fff]{2,20}(?:公告|令))\s*(\d{4}\s*年\s*第\s*\d{1,4}\s*号)")
# Orders are numbered by serial alone: 国务院令第732号, 某省人民政府令第250号, the red header "…国务院令\n第715号".
# Only as a header, at a line's start: in a sentence ("…条例》（国务院令第376号）") it cites another document.
_ZH_ORDER_NO = re.compile(r"(?m)^[ \t]*([\u4e00-\u9fff]{2,20}令)[ \t]*\n?[ \t]*(第[ \t]*\d{1,4}[ \t]*号)")
_ZH_TITLE_TAG = re.compile(r"^\s*(?:[【\[［][^】\]］]{1,8}[】\]］]|[^|｜\n]{1,12}?\s*[|｜])\s*")
_ZH_TAG_ORG = re.compile(rf"^\s*({_ZH_ORG})\s*[|｜]")
_ZH_ABOUT = re.compile(r"\s*(?:关于|转发|批转)")
# A page's title may end with its publisher, set off by a dash, a bar or an underscore, maybe as its site.
_ZH_TITLE_SITE = re.compile(
    # Not a subtitle after an unspaced dash ("…—访某县实验小学", "…——记某县教育局" name whom a report visits);
    # a hyphen right after a document kind ("关于…的通知-某县教育局") is a page title's site suffix.
    # A blank alone sets it off after the document's kind ("关于…的通知 某县人民政府").
    rf"(?:\s+[-–—|｜]\s*|\s*[|｜_]\s*|(?<=[知报告定见法案划则例要引南复函令施])(?:-|\s+))({_ZH_ORG})(?:门户网站|官方网站|网站|官网)?\s*$"
)
# A headline's act, not a site's name: "某县教育局召开专题会", "讲座由市图书馆", "走进某县实验小学".
_ZH_TITLE_ACT = re.compile(
    r"召开|举办|举行|开展|启动|组织|参加|出席|走进|探访|访|由|获|荣获|发布|印发|到|赴|在|为|与|和"
)
# A header in 【】 names the body before the title ("【市教育局】关于…的通知").
_ZH_BRACKET_HEADER = re.compile(rf"^\s*【({_ZH_ORG})】")
# A line that is nothing but a body's name (the header of a page, or a title broken after the body's name).
# Not a site's name ("某某县人民政府门户网站", "某某服务平台"), which a page prints as its header.
_ZH_ORG_LINE = re.compile(rf"^\s*(?!.*(?:网站|门户|平台)\s*$)({_ZH_ORG}(?:[、\s]+{_ZH_ORG})*)\s*$")
# A line that is only a document kind, maybe with its serial: "通告", "公告（第5号）", "紧急通知".
_ZH_KIND_LINE = re.compile(
    r"^\s*(?:紧急)?(?:通告|公告|通知|通报|决定|命令|令)\s*(?:\(?\s*第?\s*[\d一二三四五六七八九十〇零]+\s*号\s*\)?)?\s*$"
)
# A title line carries no sentence punctuation.
_ZH_SENTENCE_MARK = re.compile(r"[。,;:!?]")
_ZH_TITLE_REPORT = re.compile(rf"^\s*{_ZH_ORGS}\s*(?:近日|日前)?{_ZH_ISSUE_VERB}")


def notice_title(title: str, text: str) -> str:
    """The notice's own title: the given one if it names a document, else the notice named in 《》."""
    title = " ".join(title.split())
    if title and _OWN_TITLE.search(fold(title)):
        return title
    for source in (title, text[:3000]):
        m = _BOOK.search(source)
        if m:
            return " ".join(m.group(1).split())
    return title


def find_doc_number(title: str, text: str, lang: Lang = "zh") -> str | None:
    """The notice's own document number: the title's, else the first one in the text that is not cited.

    Chinese numbers in any bracket style (国办发〔2019〕3号, [2009], （2023）); English release numbers
    (IR-2026-44, C19-05, 17-919-NAT) from the title, a "Release Number:" label or a line of their own.
    """
    if lang == "en":
        found = en_doc_number(title, text)
        if found:
            return found
    # Full-width digits (国办发〔２０２３〕１１号) are read, and given, as ASCII digits: one spelling to search.
    title = fullwidth_to_ascii(title)
    text = fullwidth_to_ascii(text[:5000])
    m = next(_doc_numbers(title), None)
    if m:
        return _format_doc_no(m)
    for source in (title, text[:300]):
        # Both numbers end in 第…号: a text without either holds neither.
        if "第" not in source or "号" not in source:
            continue
        serial = _ZH_SERIAL_NO.search(source) or _ZH_ORDER_NO.search(source)
        if serial:
            return "".join(serial.group(0).split())
    running: str | None = None
    # A forwarding notice quotes the forwarded document, its number on a line of its own, after the clause that
    # forwards it ("现将《…》转发给你们" / "转发…"): that number is the other document's.
    # The clause stands in the body, after the salutation; a title above it says 转发 or 印发《…》 of itself.
    # Where the body and a forwarded document begin matter only for a number on its own line: searched for
    # at the first one (the salutation's scan tries a line's every field label at each line of the text), not
    # for the many texts without one (every English text, most Chinese ones).
    bounds: tuple[int, int] | None = None
    for m in _doc_numbers(text):
        if _ZH_DOC_NO_LABEL.search(text, max(0, m.start() - 12), m.start()):
            return _format_doc_no(m)  # "发文字号：县教发〔2024〕3号" names its own number
        line_start = text.rfind("\n", 0, m.start()) + 1
        line_end = text.find("\n", m.end())
        line_end = len(text) if line_end < 0 else line_end
        if not text[line_start : m.start()].strip() and not text[m.end() : line_end].strip():
            if bounds is None:
                bounds = _body_bounds(text)
            body_from, forwarded_from = bounds
            # GB/T 9704: the 发文字号 stands on its own line under the title; a page may move it further down
            # (a field at the foot), below numbers the text cites. In the body, a number on its own line that
            # heads another document (a salutation follows it) is that document's, as is any but a foot
            # field's after a clause that forwards one.
            if m.start() < body_from:
                return _format_doc_no(m)
            heads = _ZH_SALUTATION.search(text[line_end : line_end + 200]) is not None
            foot = text.count("\n", line_end, len(text.rstrip())) < 3
            if not heads and (m.start() < forwarded_from or foot):
                return _format_doc_no(m)
            continue
        if running is not None:
            continue
        before = text[max(0, m.start() - 2) : m.start()]
        # "《…》(国办发〔2009〕3号)" or "根据…〔…〕号" cite another document; the citing word may be run into
        # the Han characters before the number's own abbreviation ("要按照市办发〔2027〕14号").
        if "》" in before or "〉" in before:
            continue
        number = _format_doc_no(m)
        window = text[max(line_start, m.start() - 40) : m.end() - len(number)]
        if _ZH_CITING_NO.search(window):
            continue
        running = number
    return running


def _body_bounds(text: str) -> tuple[int, int]:
    """Where the body starts (its salutation) and where, after that, a clause forwards another document; the
    text's length for either that is not there."""
    # A page's share bar ("分享到：") ends with a colon as a salutation does: it is no salutation.
    salutation = next(
        (m for m in _ZH_SALUTATION.finditer(text) if not is_furniture(m.group(0).strip())), None
    )
    body_from = salutation.start() if salutation else len(text)
    forwarding = _ZH_FORWARDING.search(text, body_from)
    return body_from, forwarding.start() if forwarding else len(text)


_ZH_CITING_NO = re.compile(r"根据|按照|依据|贯彻|转发|落实")
# The label of a 发文字号 field ("发文字号：", "文号:"), right before the number.
_ZH_DOC_NO_LABEL = re.compile(r"(?:发文字号|文号|字号)\s*[:：]?\s*$")
# A clause that forwards or hands on another document: "转发…", "现将《…》", "印发《…》".
_ZH_FORWARDING = re.compile(r"转发|(?:现将|印发|下发)[^。\n]{0,20}?《")
# The salutation that opens a notice's body: "各学校：", "各区县教育局、局属各单位：".
_ZH_SALUTATION = re.compile(
    r"(?:^|\n|\s)各[^\n：:。，]{1,40}[：:]"
    # "北京、天津…人民政府：", "县政府有关部门：" on a line of its own (not a field label such as "发文字号：").
    r"|(?:^|\n)(?![^\n]*(?:字号|文号|日期|时间|索引号|来源|标题|分类|附件|联系人|电话|地址|邮箱|抄送|主题词)\s*[：:]\s*\n)[^\n。：:]{2,120}[：:][ \t]*(?=\n)"
)
# Words no issuer's abbreviation holds: where the words before a number run into it, the prefix starts after
# the last of them ("…的通知", "要按照国办发…", "现将国办发…").
_NOT_IN_PREFIX = (
    "通知",
    "的",
    "》",
    "号",
    "按照",
    "根据",
    "依据",
    "落实",
    "转发",
    "印发",
    "要",
    "将",
    "和",
    "及",
    "与",
)


def _format_doc_no(m: re.Match[str]) -> str:
    prefix = m.group(1)
    # The Han run before the bracket may start inside the preceding words; keep the usual prefix shape.
    for cut in _NOT_IN_PREFIX:
        if cut in prefix:
            prefix = prefix.rsplit(cut, 1)[1]
    raw = m.group(0)[m.group(0).index(m.group(1)) + len(m.group(1)) - len(prefix) :]
    return "".join(raw.split())


def find_issuer(title: str, text: str, lang: Lang, signed: str | None = None) -> str | None:
    """The issuing body as the document writes it.

    Chinese, most explicit first: a 发文机关 label, the title (发文机关 + 关于…, 发文机关 + 通告/公告), the red
    header ("X文件"), the sign-off block (`signed`, see bot.summarize.signoff), a report ("X印发《…》",
    "据X消息"), a report's title, a 来源 label. English: see bot.summarize.meta_en.
    """
    if lang == "en":
        return en_issuer(title, text, signed)
    found = _zh_issuer(title, text, signed)
    return _fuller_zh(found, text) if found else None


# A name that starts at its level ("县防汛抗旱工作领导小组办公室", "市教育局"), as a text abbreviates a body it names
# in full elsewhere: on a line of its own or in a field ("信息来源：平安县防汛抗旱工作领导小组办公室").
_ZH_LEVEL_START = re.compile(r"^[省市县区州旗]")
_ZH_NOT_FIELD = re.compile(r"(?:抄送|主送|抄报|报送|送)\s*:\s*$")


def _fuller_zh(name: str, text: str) -> str:
    """The full name of a body the text abbreviates to its level (the place dropped), if it writes it so."""
    if len(name) < 3 or not _ZH_LEVEL_START.match(name) or name not in text:
        return name
    for m in re.finditer(
        rf"(?:^|(?<=[\s:：]))([\u4e00-\u9fff]{{1,8}}?){re.escape(name)}(?=\s|$)", text, re.MULTILINE
    ):
        line_start = text.rfind("\n", 0, m.start()) + 1
        if not _ZH_NOT_FIELD.search(fold(text[line_start : m.start()])):
            return m.group(0).strip()
    return name


def _zh_issuer(title: str, text: str, signed: str | None) -> str | None:
    """find_issuer for a Chinese text."""
    # Match on the folded text, then return the original characters (the fold keeps offsets).
    head = text[:3000]
    folded_head = fold(head)
    folded_title = fold(title)
    if found := _label(_ZH_OWN_LABEL, text, head, folded_head):
        return found
    # GB/T 9704: the title names the body (发文机关 + 关于…); the sign-off block signs the document.
    # A page may put its column's tag before the title: "【通知】…", "通知公告 | …".
    tag = m.end() if (m := _ZH_TITLE_TAG.match(folded_title)) else 0
    for pattern in (_ZH_TITLE_ISSUER, _ZH_TITLE_NOTICE, _ZH_TITLE_LETTER, _ZH_TITLE_YEAR):
        m = pattern.search(folded_title[tag:])
        if m and not (pattern is _ZH_TITLE_YEAR and _year_title_not_issuer(m)):
            return _fuller_signed(_joint(title, text, title[tag + m.start(1) : tag + m.end(1)]), signed)
    # "某县教育局 | 关于…的通知": the page set the body's name off the rest of the title with a bar.
    if tag and (m := _ZH_TAG_ORG.match(folded_title)) and _ZH_ABOUT.match(folded_title, tag):
        return _fuller_signed(_joint(title, text, title[m.start(1) : m.end(1)]), signed)
    for line, folded in _lines(head, folded_head, 4):
        if m := _ZH_RED_HEADER.match(folded):
            return _fuller_signed(_joint(title, text, line[m.start(1) : m.end(1)]), signed)
    if found := _header(folded_title, head, folded_head):
        return _fuller_signed(_joint(title, text, found), signed)
    # undated_signer reads only a document (a salutation opens it, or a closing formula stands above the name),
    # so a report's footer never reaches here; ranked after the report rules it lost a flattened sign-off.
    if signed or (signed := month_signer(text) or undated_signer(text)):
        return _joint(title, text, signed)
    if found := _label(_ZH_PUBLISHER_LABEL, text, head, folded_head):
        return found
    if found := _label(_ZH_OWN_LABEL_SHORT, text, head, folded_head) or _label(
        _ZH_PUBLISHER_LABEL_SHORT, text, head, folded_head
    ):
        return found
    if found := _addresser(head, folded_head):
        return _joint(title, text, found)
    if found := _header_plain(head, folded_head):
        return _joint(title, text, found)
    # A report names the body in full in its text ("某省教育厅印发《…》"), its headline often abbreviates.
    # A page repeats its headline as the first line: look past it.
    body_from = _past_title(folded_head, folded_title)
    m = _report(folded_head, body_from)
    if m:
        return _joint(title, text, head[m.start(1) : m.end(1)])
    if found := _anaphor(head, folded_head, body_from):
        return found
    m = _ZH_ISSUED_BY.search(folded_head, body_from)
    if m and not _ZH_CITING.search(folded_head, _clause_start(folded_head, m.start()), m.start()):
        return _joint(title, text, head[m.start(1) : m.end(1)])
    m = _ZH_BOOK_ISSUED.search(folded_head, body_from) if "》" in folded_head else None
    if m and not _ZH_CITING.search(folded_head, _clause_start(folded_head, m.start()), m.start()):
        return _joint(title, text, head[m.start(1) : m.end(1)])
    m = _ZH_ISSUER_SOURCE.search(folded_head, body_from)
    if m and not _ZH_MEDIA.search(m.group(1)):
        return _joint(title, text, head[m.start(1) : m.end(1)])
    # After the page's source line and a letterhead: the lead's document may be a higher body's.
    if "》" in folded_head and not _letterhead(head, folded_head):
        lead_from = len(folded_head) - len(folded_head[body_from:].lstrip())
        if m := _ZH_BOOK_SAYS.match(folded_head, lead_from, lead_from + _LEAD_REACH):
            return _joint(title, text, head[m.start(1) : m.end(1)])
    if (
        found := _named_before(_ZH_SITE_NEWS, _ZH_SITE_OWNER, head, folded_head, body_from)
    ) and not _ZH_MEDIA.search(found):
        return _joint(title, text, found)
    if (
        "消息" in folded_head
        and (m := _ZH_NEWS_OPENING.search(folded_head, body_from))
        and not _ZH_MEDIA.search(m.group(1))
    ):
        return _joint(title, text, head[m.start(1) : m.end(1)])
    for pattern in (_ZH_TITLE_REPORT, _ZH_ISSUER_IN_TEXT):
        m = pattern.search(folded_title)
        if m:
            return _joint(title, text, title[m.start(1) : m.end(1)])
    for m in _ZH_ISSUER_SAYS.finditer(folded_head, body_from):
        # A government's press office hosts other bodies' press conferences: it is no issuer ("省政府新闻办召开
        # 新闻发布会，省教育厅副厅长…介绍").
        if _press_office(m.group(1), m.group(0)):
            continue
        if not _ZH_CITING.search(folded_head, _clause_start(folded_head, m.start(1)), m.end(1)):
            return _joint(title, text, head[m.start(1) : m.end(1)])
    if found := _lead_actor(head, folded_head, body_from):
        return _joint(title, text, found)
    if (
        ("发言人" in folded_head or "负责" in folded_head)
        and (m := _ZH_SPOKESPERSON.search(folded_head, body_from))
        and (speaker := _speaker_body(head[m.start(1) : m.end(1)]))
    ):
        return _joint(title, text, speaker)
    m = _ZH_DELIBERATED.search(folded_head, body_from)
    if m:
        return _joint(title, text, head[m.start(1) : m.end(1)])
    if found := _named_before(_ZH_INFORMED, _ZH_INFORMANT, head, folded_head, body_from):
        return _joint(title, text, found)
    for line, folded in _lines(head, folded_head, 4):
        if m := _ZH_BYLINE.match(folded):
            return _clean_zh(line[m.start(1) : m.end(1)])
    if found := _letterhead(head, folded_head):
        return _joint(title, text, found)
    if found := _label(_ZH_LABEL, text, head, folded_head):
        return found
    m = _ZH_TITLE_SPEAKER.match(folded_title)
    if m:
        return _clean_zh(title[m.start(1) : m.end(1)])
    # A news headline whose body acts in it ("某省教育厅部署2024年安全工作", "某市卫健委提醒…"), the text silent.
    if (
        (m := _ZH_TITLE_SAYS.match(folded_title))
        and not _press_office(m.group(1), folded_title)
        and not _ZH_QUANTIFIED.search(m.group(1))
    ):
        return _joint(title, text, title[m.start(1) : m.end(1)])
    # A report's credit: "（某县教育局供稿）".
    if m := _ZH_CREDIT.search(folded_head):
        return _clean_zh(head[m.start(1) : m.end(1)])
    # Last, the body a page's title names after the notice's own ("关于…的通知 - 某县教育局", "…_某县人民政府门户网站").
    if (m := _ZH_TITLE_SITE.search(folded_title)) and not _ZH_TITLE_ACT.search(m.group(1)):
        return _clean_zh(title[m.start(1) : m.end(1)])
    return None


def _lead_actor(head: str, folded_head: str, body_from: int) -> str | None:
    """The body acting in the first sentence of a report (its lead), unless the clause cites another's document."""
    lead_from = len(folded_head) - len(folded_head[body_from:].lstrip())
    end = _ZH_SENTENCE_END.search(folded_head, lead_from)
    lead_end = min(end.start() if end else len(folded_head), lead_from + _LEAD_REACH)
    m = _ZH_LEAD_ACT.match(folded_head, lead_from, lead_end)
    if (
        m is None
        or _press_office(m.group(1), m.group(0))
        or _ZH_CITING.search(m.group(0))
        or _ZH_QUANTIFIED.search(m.group(1))
        # "某市市场监督管理局近日对某某公司作出…": the name ran on into the sentence.
        or _ZH_NAME_ACTS.search(m.group(1))
    ):
        return None
    return head[m.start(1) : m.end(1)]


def _press_office(name: str, act: str) -> bool:
    """Whether `name` is a press office hosting a press conference in `act` (others speak at it)."""
    return name.endswith(("新闻办", "新闻办公室")) and ("发布会" in act or "通气会" in act)


def _fuller_signed(named: str, signed: str | None) -> str:
    """The sign-off's name when it spells the title's in full: a title may drop the place ("县教育局关于…"),
    the sign-off of "某某县教育局" does not."""
    if signed and len(signed) > len(named) and "、" not in signed and signed.endswith(named):
        return signed
    return named


def _lines(head: str, folded_head: str, count: int) -> list[tuple[str, str]]:
    """The first non-empty lines of the text past a page's furniture (breadcrumbs, print and share bars, which
    would push the notice's own header out of reach), each as written and folded (the fold keeps offsets)."""
    pairs = zip(head.split("\n"), folded_head.split("\n"), strict=True)
    found: list[tuple[str, str]] = []
    for line, folded in pairs:
        if line.strip() and not is_furniture(line):
            found.append((line, folded))
            if len(found) == count:
                break
    return found


def _header(folded_title: str, head: str, folded_head: str) -> str | None:
    """The body named by the document's own title or header at the top of the text: "【X】…", a title line
    "X关于…的通知" (whole or broken after X: "X\n关于…"), or "X通告"."""
    m = _ZH_BRACKET_HEADER.match(folded_title)
    if m:
        return m.group(1)
    lines = _lines(head, folded_head, 4)
    for i, (line, folded) in enumerate(lines):
        if _ZH_SENTENCE_MARK.search(folded) or _ZH_SALUTATION.match(folded):
            break
        for pattern in (_ZH_BRACKET_HEADER, _ZH_TITLE_ISSUER, _ZH_TITLE_NOTICE):
            if m := pattern.match(folded):
                return line[m.start(1) : m.end(1)]
        nxt = lines[i + 1][1] if i + 1 < len(lines) else ""
        # The header broken after the body's name: "X\n关于…的通知", or "X\n通告\n（第5号）".
        if (m := _ZH_ORG_LINE.match(folded)) and (_ZH_ABOUT.match(nxt) or _ZH_KIND_LINE.match(nxt)):
            return line[m.start(1) : m.end(1)]
    return None


def _year_title_not_issuer(m: re.Match[str]) -> bool:
    """Whether a dated title's "name" is a matter's (a verb in it) or its party's (a sanction, an appointment)."""
    return bool(
        _ZH_NAME_ACTS.search(m.group(1)) or _ZH_PARTY_MATTER.search(m.group(0)[m.end(1) - m.start() :])
    )


def _header_plain(head: str, folded_head: str) -> str | None:
    """The body a title line at the top of the text names without 关于 ("某某大学2024年招生简章"), above the body."""
    for line, folded in _lines(head, folded_head, 4):
        if _ZH_SENTENCE_MARK.search(folded) or _ZH_SALUTATION.match(folded):
            break
        if (m := _ZH_TITLE_YEAR.match(folded)) and not _year_title_not_issuer(m):
            return line[m.start(1) : m.end(1)]
    return None


def _letterhead(head: str, folded_head: str) -> str | None:
    """A body's name alone on the text's first line (past a page's furniture), as a letterhead prints it."""
    for line, folded in _lines(head, folded_head, 1):
        m = _ZH_ORG_LINE.match(folded)
        return line[m.start(1) : m.end(1)] if m else None
    return None


def _addresser(head: str, folded_head: str) -> str | None:
    """A body's name on the line right above the salutation ("某县教育局\n各学校：")."""
    lines = _lines(head, folded_head, 6)
    for (line, folded), (_, nxt) in itertools.pairwise(lines):
        if _ZH_SALUTATION.match(nxt) and (m := _ZH_ORG_LINE.match(folded)):
            return line[m.start(1) : m.end(1)]
    return None


# A clause that cites the document a notice implements ("为贯彻落实国务院印发的…", "按照市政府印发《…》要求"):
# the body it names issued that document, not this one.
_ZH_CITING = re.compile(r"根据|按照|依据|遵照|贯彻|落实|对照|参照")
# A past the report recalls: a month or year without a day ("2018年11月", "今年3月"), "去年", "此前", "早在".
_ZH_BACKGROUND = re.compile(r"(?:(?:19|20)\d{2}年|今年|去年)(?!\d{1,2}月\d{1,2}[日号])|此前|早在|曾经")
_ZH_CLAUSE_END = re.compile(r"[,。;!?]")


def _clause_start(folded: str, at: int) -> int:
    """Where the clause holding offset `at` starts."""
    window = folded[max(0, at - _REPORT_REACH) : at]
    ends = [m.end() for m in _ZH_CLAUSE_END.finditer(window)]
    return max(0, at - _REPORT_REACH) + (ends[-1] if ends else 0)


def _report(folded: str, start: int) -> re.Match[str] | None:
    """The first "X印发《…》" report that is news, not background ("2018年11月，国务院印发…；近日，省政府印发…");
    the full pattern is tried only around each issuing verb (it is costly)."""
    done = start
    background: re.Match[str] | None = None
    for verb in _ZH_VERB_AT.finditer(folded, start):
        # A report's subject and verb share a clause: an earlier clause's body is not this verb's subject.
        clause = _clause_start(folded, verb.start())
        window_from = max(done, verb.start() - _REPORT_REACH, clause)
        m = _ZH_ISSUER_IN_TEXT.search(folded, window_from, verb.end() + 24)
        if m and not _ZH_CITING.search(folded, clause, verb.start()):
            if not _ZH_BACKGROUND.search(folded, max(0, clause - 12), verb.start()):
                return m
            background = background or m
        done = max(done, verb.start() - _REPORT_REACH // 2)
    return background


# "《国务院办公厅关于…的通知》近日印发": the document named as the subject of its own issuing.
_ZH_BOOK_ISSUED = re.compile(
    rf"《({_ZH_ORG}(?:[、\s]{_ZH_ORG})*)关于[^《》]{{2,80}}》(?:\([^()]{{0,20}}\))?"
    r"(?:近日|日前|已|正式|日|于\d{1,2}月\d{1,2}日)*(?:印发|发布|出台|公布|下发|颁布)"
)
# "人社部新闻发言人张三1月5日表示", "某局有关负责人介绍": a spokesperson or an official speaks for the body.
_ZH_SPOKESPERSON = re.compile(
    rf"{_ZH_ORGS}(?:(?:新闻)?发言人|(?:有关|相关|主要)?负责(?:人|同志))[\u4e00-\u9fff]{{0,4}}?{_ZH_WHEN}"
    # "某省教育厅有关负责人就《通知》答记者问": the official answers for the body that issued it.
    r"(?:表示|介绍|指出|宣布|强调|称|就[^,。;]{1,60}?答记者问)"
)
# The words that set a scene before the body a spokesperson speaks for ("在今天举行的新闻发布会上", "昨天下午",
# "采访中"): the body's name starts after the last of them.
_ZH_SCENE = re.compile(
    r".*(?:会上|会议上|采访中|采访时|期间|以来|上午|下午|晚上|中午|昨天|今天|明天|昨日|今日|近日|日前|当天|当日|"
    r"记者|举行的|召开的|了解到|的|据|在|从|向|对)"
)
# Where a body's name starts: its level or place ("市应急管理局", "某某省教育厅", "国家卫生健康委").
_ZH_NAME_START = re.compile(
    r"(?:[省市县区州]|国家|国务院|中国|中共|中央|全国|[\u4e00-\u9fff]{1,6}?(?:省|市|县|区|州|自治区|旗))"
)

# A central body's short form: "人社部", "教育部", "卫健委".
_ZH_CENTRAL_SHORT = re.compile(r"[\u4e00-\u9fff]{1,3}(?:部|委|署)")


def _speaker_body(name: str) -> str | None:
    """The body a spokesperson's words name, the scene before it cut off; None unless a clean name is left."""
    scene = _ZH_SCENE.match(name)
    if scene is None:
        return name  # the clause opens with the body's name
    name = name[scene.end() :]
    if len(name) < 3 or not (_ZH_NAME_START.match(name) or _ZH_CENTRAL_SHORT.fullmatch(name)):
        return None
    return name


# A report's lead sentence whose subject is a body, acting in any way a notice reports ("近日，某市教育局推出…",
# "某局正式发布…", "某局将于…"): read only in the first sentence of the text, where the body it is about stands.
# The sentence opens with the body, maybe after a wire's dateline ("新华社北京3月5日电", "本报讯（记者 张三）") and
# the day: a body named later in it ("…召开发布会，通报全市中小学延期开学") is no subject of the lead.
_ZH_LEAD_ACT = re.compile(
    r"\s*(?:[^,。;:\s]{0,20}?(?:讯|电)\s*(?:\([^()]{0,20}\))?\s*)?"
    rf"(?:(?:近日|日前|今天|今日|昨天|昨日|近期|(?:\d{{4}}年)?\d{{1,2}}月\d{{1,2}}日(?:上午|下午|晚)?)\s*,?\s*)?"
    # Not a clause that names a body as another's ("经国务院同意", "由某局牵头", "各地教育部门…").
    rf"(?![全各本我该经由在据从向对按为]|{_ZH_NOT_OPENING}){_ZH_ORGS}{_ZH_WHEN}"
    # A document verb with no document named counts only as an act of publishing ("正式发布"): a body that
    # "发布暴雨预警" reports a weather event, which the text's directives need not be the body's.
    r"(?:(?:正式|公开|首次|对外|向社会)(?:发布|印发|出台|公布|下发)|推出|实施|启动|开展|修订|(?:公开)?征求|暂停|延期|调整|规定|"
    r"回应|答复|作出|部署|官宣|连发|再发|提出|明确|要求|将(?:于|在|从|自)|关于)"
)
_ZH_SENTENCE_END = re.compile(r"[。!?]")
# "《某区教育局关于…的通知》要求，…": a report opening with the document, named in full, and what it says.
# Only at the lead's start (maybe after its day): a document quoted later in a report is another body's, which
# the report only cites ("某市应急管理局近日部署专项检查。《国务院关于…的通知》要求，…").
_ZH_BOOK_SAYS = re.compile(
    r"\s*(?:(?:近日|日前|今天|今日|近期|(?:\d{4}年)?\d{1,2}月\d{1,2}日)\s*,?\s*)?"
    rf"《({_ZH_ORG}(?:[、\s]{_ZH_ORG})*)关于[^《》]{{2,80}}》(?:\([^()]{{0,20}}\))?(?:明确|要求|指出|规定|提出|强调)"
)
# Read only in a report's lead (its first clauses), where the document it reports on is named.
_LEAD_REACH = 200
# "市教育局消息，…" opening a line of a report (maybe after its day): the body that gave the news. Not "…消息" inside a
# sentence, which may be anyone's.
_ZH_NEWS_OPENING = re.compile(
    rf"(?m)^[ \t]*(?:(?:\d{{1,2}}月\d{{1,2}}日|近日|日前)[, \t]*)?({_ZH_ORG})(?:官方)?消息\s*[,:]"
)
# "记者从市交通运输局了解到，该局发布通告": a report names the body once, then calls it 该局/该部.
_ZH_ANAPHOR = re.compile(
    rf"该(局|部|委|厅|院|署|办|中心|会|处|所|校|公司|集团|行|队){_ZH_WHEN}"
    r"(?:联合)?(?:印发|下发|发布|出台|发出|下达|公布|颁布|宣布|通报|发文)"
)
_ANAPHOR_REACH = 200


def _anaphor(head: str, folded_head: str, start: int) -> str | None:
    """The body a report's 该局/该部 stands for: the last one named before it with that ending."""
    m = _ZH_ANAPHOR.search(folded_head, start)
    if not m:
        return None
    window_from = max(start, m.start() - _ANAPHOR_REACH)
    named = [
        n
        for n in re.finditer(_ZH_ORG, folded_head[window_from : m.start()])
        if n.group(0).endswith(m.group(1))
    ]
    if not named:
        return None
    last = named[-1]
    return _clean_zh(head[window_from + last.start() : window_from + last.end()]) or None


def _named_before(
    cue: re.Pattern[str], name: re.Pattern[str], head: str, folded: str, start: int
) -> str | None:
    """The body named right before a fixed cue ("市水务局网站消息", "从市教育局获悉"), as written."""
    for m in cue.finditer(folded, start):
        window_from = max(start, m.start() - _LOOK_BACK)
        if named := name.search(folded, window_from, m.start()):
            return head[named.start(1) : named.end(1)]
    return None


def _past_title(folded_head: str, folded_title: str) -> int:
    """Offset after the text's leading lines that repeat the headline (0 when none does); a page may print it
    twice (a header and the article's own), between breadcrumbs and a print bar."""
    key = title_key(folded_title)
    offset = past = 0
    for line in folded_head.split("\n")[:6]:
        flat = "".join(line.split())
        if flat and key and (flat in key or (key in flat and len(flat) <= len(key) + 20)):
            past = offset + len(line) + 1
        elif flat and not is_furniture(line):
            break
        offset += len(line) + 1
    return past


def _joint(title: str, text: str, name: str) -> str:
    """Joint issuers as the notice writes them: as on the line they were read from when the text has that line
    ("党委办公室 校长办公室" signing), else "X、Y" or "XY" where the notice writes them so, else as matched
    ("省委办公厅 省政府办公厅" in a title); a name's leading report words ("记者从", "近日") are dropped."""
    source = f"{title}\n{text}"
    if "等" in name:  # "商务部等12部门" is one name as written
        return _clean_zh("".join(name.split()))
    # A short name is set spaced out on a sign-off line ("国 务 院"): one name.
    if _SPACED_OUT.fullmatch(name.strip()):
        # One character apart ("校 长 办 公 室") is one name, never several bodies: named without the spacing.
        return "".join(name.split())
    parts = [_clean_zh(p) for p in _NAME_SPLIT.split(name.strip()) if p.strip()]
    parts = [p for p in parts if p]
    if len(parts) < 2:
        return parts[0] if parts else ""
    if "、" not in name and "\n" not in name.strip():
        # Names side by side on one line of the text (a sign-off, a header): that line's spelling.
        on_line = _side_by_side(tuple(parts)).search(text)
        if on_line:
            return on_line.group(0)
    listed = "、".join(parts)
    if listed in source:
        return listed
    if (run := "".join(parts)) in source:  # "中共某市委办公室某市人民政府办公室" run together in the title
        return run
    if "\n" in name or "、" in name:
        return listed
    return name[name.index(parts[0]) :].strip()


_SPACED_OUT = re.compile(r"[\u4e00-\u9fff](?:[ \t\u3000]+[\u4e00-\u9fff]){1,4}")
_NAME_SPLIT = re.compile(r"[、\s]+")


@functools.lru_cache(maxsize=256)
def _side_by_side(parts: tuple[str, ...]) -> re.Pattern[str]:
    """The names written side by side on one line, spaced apart (cached: _joint runs for most notices)."""
    return re.compile("[ \t\u3000]+".join(map(re.escape, parts)))


def _clean_zh(name: str) -> str:
    name = _ZH_NOT_NAME.sub("", name)
    name = _ZH_ISSUER_PREFIX.sub("", name)
    return name.strip()

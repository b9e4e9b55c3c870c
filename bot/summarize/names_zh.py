"""Chinese bodies' names as patterns (a body, joint bodies, the time words and verbs around them) and their cleaning."""

from __future__ import annotations

import re

from bot.summarize.lang import fold

# Chinese bodies end with one of these (中华全国总工会, 国务院办公厅, 湖南省人民政府办公厅, 人力资源和社会保障部).
ORG_END = (
    r"(?:人民政府办公厅|人民政府办公室|人民政府|办公厅|办公室|委员会|总工会|工会|联合会|人民银行|银行|分行|支行|"
    r"监督管理总局|管理总局|总局|管理局|局|厅|部|委|院|署|办|中心|协会|党委|党组|政府|大学|学院|学校|公司|集团|"
    r"小组|处|所|站|总支|中央|机制|联席会议|工作组|综合组|专家组|救治组|督导组|指导组|检查组|专班|支队|大队|中队|队|研究会|学会|商会|基金会|理事会|会|馆|台|司|"
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
    rf"(?:(?:(?!{ORG_END}[和与及]|关于|转发)[\u4e00-\u9fff]){{2,24}}?{ORG_END}|央行|最高法|最高检|党中央|[省市县区州]委|"
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
_ZH_ISSUER_PREFIX = re.compile(
    r"^(?:我(?=[省市县区州旗镇乡])|近日|日前|今天|今日|近期|昨天|昨日|目前|最近|记者从|从|日|号|讯|报道|\d+月\d+日|今年|去年|本周|上周|本月|"
    r"上月|近年来|此前|随后|为此|对此|据悉|同日|当天|当日|昨晚|今晨)+"
)
# A headline's opening that is no body's name: a verb ("印发…的通知", "群众反映…", with who reports it) or a
# demonstrative ("这个公司决定…").
_ZH_NOT_OPENING = r"(?:(?:群众|网友|市民|居民|村民|家长|记者|读者)?(?:印发|转发|批转|下发|反映|举报|投诉|曝光|称|建议)|这个|那个|这家|那家|这所|那所)"
# A counted or unnamed set of bodies is no issuer: "十余家公司", "某地一家公司", "多所学校".
_ZH_QUANTIFIED = re.compile(r"[余多几数一两\d十百千][家所个批]|一些|部分")
# Words a report puts before the body's name ("记者从…获悉", "北京3月2日讯"): the name starts after them.
# A government news office issues releases on a body's behalf: "以下稿件代某某管理局发出：", "以下是代某某局发出的
# 通告" name the body after 代 (not 代表, 代理, 代办, 代管: "某市人民代表大会").
_ZH_NOT_NAME = re.compile(
    r"^.*(?:获悉|了解到|消息|记者|据悉|另悉|日电|日讯|报道|通讯员|今年以来|目前|同时|此外|"
    r"(?:稿件?|以下是)代(?!表|理|办|管))"
)
# A verb or preposition inside a title's "name" shows a matter, not a body: "拟录用某某局2024年…名单公示",
# "对某某公司2024年…的处罚决定", "李明辞去某某大学2024年…".
_ZH_NAME_ACTS = re.compile(r"对(?!外)|[拟辞任将被向给为把]|录用|聘用|推荐|表彰|处罚|招募|招聘|近日|日前|近期")


def _clean_zh(name: str) -> str:
    """The name without the report's words before it, sought folded (traditional "記者從", "稿件代"), kept as
    written."""
    folded = fold(name)  # fold keeps offsets: a cut of the folded name is the same cut of the name
    for pattern in (_ZH_NOT_NAME, _ZH_ISSUER_PREFIX):
        if (m := pattern.match(folded)) is not None:
            name, folded = name[m.end() :], folded[m.end() :]
    return name.strip()

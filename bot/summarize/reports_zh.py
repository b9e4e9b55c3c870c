"""Chinese issuers named by a report's wording: "X印发《…》", "据X消息", a lead's subject, a spokesperson, 该局."""

from __future__ import annotations

import re

from bot.summarize.names_zh import (
    _ZH_DOC_VERB,
    _ZH_FA_DOC,
    _ZH_ISSUE_VERB,
    _ZH_NAME_ACTS,
    _ZH_NOT_OPENING,
    _ZH_ORG,
    _ZH_ORGS,
    _ZH_QUANTIFIED,
    _ZH_WHEN,
    _clean_zh,
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

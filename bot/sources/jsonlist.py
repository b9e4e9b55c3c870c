"""Notice lists drawn by JavaScript from a JSON endpoint: the array of notices, its title, link and date fields.

Government and university portals often serve an empty HTML shell whose script fetches the list as JSON
({"data": {"list": [{"title": …, "url": …, "pubDate": …}]}}). Discovery walks the parsed JSON (bounded in
depth and nodes), scores every array of objects by how many members carry a title-like string and a link,
path or id, and picks each member's title, link and date fields by their names and contents. A source's
item_selector can name them instead ("items=data.list title=docTitle url=docUrl date=pubDate
template=https://example.org/art/{id}.html"): the config's json_* keys and url_template are stored so.
Nothing here fetches: listing.py reads the endpoint through the one fetch path and makes the links entries.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import islice
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode, urlsplit, urlunsplit

from bot.dates import parse_datetime, plausible_date
from bot.sources.decode import decode_body
from bot.sources.errors import NoListError, SourceError
from bot.sources.jsonfields import PLACEHOLDER, JsonFields
from bot.sources.markup import html_to_text
from bot.sources.pages import PageLink, usable_url

__all__ = [
    "MAX_ITEMS",
    "find_json_links",
    "is_json_feed",
    "json_date",
    "json_labelled",
    "load_json",
    "looks_like_json",
    "next_page_url",
]

MAX_DEPTH = 12  # containers below the top that discovery looks into; lists sit 1-4 levels down
MAX_NODES = 20_000  # containers discovery visits in all: a huge document costs a bounded walk
MAX_ITEMS = 1000  # members of the chosen array made entries (the poller keeps max_entries of them)
_MAX_ARRAYS = 300  # arrays of objects scored: each costs its sample's fields, so a swarm of them is capped
_SAMPLE = 50  # members whose fields decide the roles
_TITLE_LENGTH = 6  # a notice list's mean title length is at least this; menus' labels are shorter
_MAX_KEYS = 80  # distinct keys per array (and per object walked) considered for a role

# --- decoding -------------------------------------------------------------------------------------------

_CALLBACK = re.compile(r"[A-Za-z_$][\w$.]{0,100}")
_JSON_TYPES = ("application/json", "text/json", "application/javascript", "text/javascript")


def json_labelled(content_type: str | None) -> bool:
    """Whether a Content-Type says JSON (or the script a JSONP answer is)."""
    label = (content_type or "").split(";", 1)[0].strip().lower()
    return label in _JSON_TYPES or label.endswith("+json")


def looks_like_json(body: bytes, content_type: str | None = None) -> bool:
    """Whether the bytes are JSON (or JSONP) by their label or their first character."""
    head = body[:256].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head[:1] in (b"{", b"["):
        return True
    return json_labelled(content_type) and bool(re.match(rb"[A-Za-z_$][\w$.]*\s*\(\s*[\[{]", head))


def load_json(body: bytes, content_type: str | None, url: str) -> Any:
    """The parsed JSON (a JSONP callback's argument too); SourceError when it is not JSON."""
    try:
        text = body.decode("utf-8-sig")  # RFC 8259: JSON is UTF-8
    except UnicodeDecodeError:
        text = decode_body(body, content_type)  # some portals send GBK anyway
    wrapped = _jsonp_argument(text) if text.lstrip()[:1] not in ("{", "[") else None
    if wrapped is not None:
        text = wrapped
    try:
        return json.loads(text)
    except RecursionError:  # the C decoder recurses per level: a hostile "[[[[…" stops here
        raise SourceError(f"the JSON at {url} is nested too deeply to read") from None
    except ValueError as exc:  # JSONDecodeError, and integers past Python's digit limit
        raise SourceError(f"{url} did not send valid JSON ({exc}); check the endpoint URL") from None


def _jsonp_argument(text: str) -> str | None:
    """The argument of a JSONP answer, callback( … ); None when text is not one.

    String operations, not a regex: a lazy group between whitespace classes backtracks quadratically on a
    long whitespace run, and a regex holds the GIL, so run_parser's time limit could not stop it.
    """
    start = text.find("(")
    if start < 0 or not _CALLBACK.fullmatch(text[:start].strip()):
        return None
    end = text.rstrip()
    if end.endswith(";"):
        end = end[:-1].rstrip()
    if not end.endswith(")"):
        return None
    return text[start + 1 : len(end) - 1]


def is_json_feed(data: Any) -> bool:
    """Whether parsed JSON is a JSON Feed (jsonfeed.org: a version URL and an items array)."""
    return (
        isinstance(data, dict)
        and str(data.get("version", "")).startswith(("https://jsonfeed.org/version/", "http://jsonfeed.org/"))
        and isinstance(data.get("items", []), list)
    )


# --- discovery ------------------------------------------------------------------------------------------


def _norm(key: str) -> str:
    return key.lower().replace("_", "").replace("-", "").replace(" ", "")


_LIST_NAMES = frozenset(
    {"data", "list", "rows", "records", "items", "result", "results", "datas", "datalist", "content",
     "docs", "articles", "news", "notices", "list1", "page", "pagelist", "recordlist", "infolist",
     "doclist", "hits", "entries", "数据", "列表"}
)  # fmt: skip
_TITLE = {"title": 4, "doctitle": 4, "标题": 4, "subject": 3, "name": 3, "headline": 3, "topic": 2,
          "articletitle": 4, "infotitle": 4, "newstitle": 4, "noticetitle": 4, "maintitle": 4,
          "fulltitle": 4, "题目": 3, "名称": 3, "主题": 2, "wjbt": 3, "bt": 2, "caption": 2}  # fmt: skip
_URL = {"url": 4, "link": 4, "href": 4, "docurl": 4, "path": 3, "detailurl": 4, "linkurl": 4,
        "articleurl": 4, "pageurl": 4, "htmlurl": 4, "weburl": 4, "infourl": 4, "contenturl": 4,
        "docpuburl": 4, "puburl": 4, "fullurl": 4, "链接": 4, "网址": 4, "地址": 2, "详情链接": 4}  # fmt: skip
_DATE = {"pubdate": 5, "publishdate": 5, "publishtime": 5, "pubtime": 5, "releasedate": 5,
         "releasetime": 5, "docreltime": 5, "docpubtime": 5, "发布时间": 5, "发布日期": 5, "fbsj": 4,
         "fbrq": 4, "publishedat": 5, "published": 5, "issuedate": 4, "date": 4, "日期": 4, "成文日期": 4,
         "cwrq": 3, "createtime": 3, "createdate": 3, "createdat": 3, "created": 3, "addtime": 3,
         "inputtime": 3, "time": 2, "datetime": 3, "时间": 2, "updatetime": 1, "modified": 1,
         "updated": 1}  # fmt: skip
_ID = {"id": 3, "docid": 3, "articleid": 3, "infoid": 3, "contentid": 3, "newsid": 3, "noticeid": 3,
       "uuid": 2, "guid": 2}  # fmt: skip
# Image, video and thumbnail links are never the notice.
_NOT_LINK = re.compile(r"img|image|pic|photo|thumb|icon|logo|cover|avatar|banner|video|图片|封面")
_IMAGE_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|bmp|svg|ico|mp4)(?:$|\?)", re.I)
_LINKISH = re.compile(r"^(?:https?://|/|\./|\.\./|\?)|/|\.s?html?$|\.jsp|\.php|\.aspx?", re.I)
_ID_VALUE = re.compile(r"^[\w-]{1,64}$")
_TAG = re.compile(r"<[^<>]*>")  # linear: a match starting at one "<" never scans past the next


def _name_score(key: str, table: dict[str, int], contains: tuple[str, ...]) -> int:
    k = _norm(key)
    if k in table:
        return table[k]
    return 1 if any(c in k for c in contains) else 0


@dataclass(frozen=True, slots=True)
class _Roles:
    title: str
    url: str
    date: str
    id: str


def find_json_links(data: Any, base_url: str, chosen: JsonFields | None = None) -> list[PageLink]:
    """The notice links of a JSON listing, in its order, each URL once.

    Raises NoListError when no list of notices is found (a layout change), SourceError when its members
    give no usable link; an empty list where a list belongs (data.list = []) is an empty listing: no
    notices today (none yet, or all withdrawn), which is no layout change.
    """
    chosen = chosen if chosen is not None else JsonFields()
    if chosen.items:
        array = _at(data, chosen.items)
        if not isinstance(array, list):
            raise NoListError(
                f"json_items {chosen.items!r} does not lead to a list in the JSON at {base_url}; "
                "check the path (dots between keys, numbers for list positions)"
            )
    else:
        found = _discover(data, chosen, base_url)
        if found is None:
            raise NoListError(
                f"no list of notices found in the JSON at {base_url}; set json_items to the path of "
                "the list (for example data.list) and json_title / json_url to its fields"
            )
        array = found
    members = [m for m in array[:MAX_ITEMS] if isinstance(m, dict)]
    if not members:
        if array:
            raise SourceError(f"the list in the JSON at {base_url} holds no objects; set json_items")
        return []
    roles, _ = _roles(members[:_SAMPLE], chosen, base_url)
    links: list[PageLink] = []
    seen: set[str] = set()
    for member in members:
        url = _link(member, roles, chosen, base_url)
        title = _title(_at(member, roles.title)) if roles.title else ""
        if url and title and url not in seen:
            seen.add(url)
            links.append(PageLink(url, title, json_date(_at(member, roles.date)) if roles.date else None))
    if not links:
        if not roles.title:
            what = "no title field (set json_title)"
        elif roles.id and not chosen.template:
            what = (
                f"ids ({roles.id}) but no links (set url_template, e.g. https://site/art/{{{roles.id}}}.html)"
            )
        else:
            what = "no usable http(s) link (set json_url or url_template)"
        raise SourceError(f"the list in the JSON at {base_url} has {len(members)} items with {what}")
    return links


def _discover(data: Any, chosen: JsonFields, base_url: str) -> list[Any] | None:
    """The array that looks most like a list of notices, walked breadth first within the bounds."""
    best: tuple[float, list[Any]] | None = None
    titled: tuple[int, list[Any]] | None = None  # titles but no links: reported as such, not as no list
    empty: list[Any] | None = None
    queue: list[tuple[Any, str, int]] = [(data, "", 0)]
    visited = scored = 0
    while queue and visited < MAX_NODES:
        batch, queue = queue, []
        for node, key, depth in batch:
            visited += 1
            if visited > MAX_NODES:
                break
            if isinstance(node, list):
                dicts = [m for m in node[:_SAMPLE] if isinstance(m, dict)]
                if dicts and scored < _MAX_ARRAYS:
                    scored += 1
                    score, titles = _array_score(dicts, chosen, base_url)
                    if score > 0 and _norm(key) in _LIST_NAMES:
                        score += 0.5
                    if score > 0 and (best is None or score > best[0]):
                        best = (score, node)
                    if titles and (titled is None or titles > titled[0]):
                        titled = (titles, node)
                elif not node and empty is None and _norm(key) in _LIST_NAMES:
                    empty = node
                children: Any = ((m, key) for m in node[:_SAMPLE])
            elif isinstance(node, dict):
                children = ((v, str(k)) for k, v in islice(node.items(), _MAX_KEYS))
            else:
                continue
            if depth < MAX_DEPTH:
                queue.extend((child, k, depth + 1) for child, k in children if isinstance(child, dict | list))
    if best is not None:
        return best[1]
    if empty is not None:  # data.list = [] beside a menu of plain names: the list is just empty today
        return empty
    return titled[1] if titled is not None else None


def _array_score(members: list[dict[str, Any]], chosen: JsonFields, base_url: str) -> tuple[float, int]:
    """How much the array looks like notices (0 when under half carry a title and a link or id), and a title.

    The count of such members is weighed by what notice lists have and menus (nav, channels, tabs) lack:
    sentence-long titles, a date, links to articles rather than to the site root or a section ("/tzgg/").
    """
    roles, seen = _roles(members, chosen, base_url)
    if not roles.title:
        return 0.0, 0
    good = titles = length = deep = linked_count = 0
    cached = seen.get(roles.title) if "." not in roles.title else None  # a dotted key is a path, read anew
    for i, m in enumerate(members):
        title = cached[i] if cached is not None else _title(_at(m, roles.title), rough=True)
        url = _link(m, roles, chosen, base_url)
        linked = bool(url) or (bool(roles.id) and bool(_scalar(_at(m, roles.id))))
        titles += bool(title)
        length += len(title)
        good += bool(title) and linked
        if url:
            linked_count += 1
            parts = urlsplit(url)
            deep += bool(parts.query) or not parts.path.endswith("/")  # "" and "/" end so too: the root
    title_score = titles if 2 * titles >= len(members) else 0
    if 2 * good < len(members):
        return 0.0, title_score
    weight = 1.0
    if titles and length / titles < _TITLE_LENGTH:  # menu labels: 首页, 通知公告, About us
        weight *= 0.2
    if roles.date:
        weight *= 2
    if linked_count and 2 * deep >= linked_count:
        weight *= 2  # an id-only list (a template makes its links) stays below a linked one
    elif linked_count:
        weight *= 0.5  # links to the root or to sections: a menu
    return good * weight, title_score


def _roles(
    members: list[dict[str, Any]], chosen: JsonFields, base_url: str
) -> tuple[_Roles, dict[str, list[str]]]:
    """The members' title, link, date and id fields, and each scored key's titles (member by member)."""
    # At most _MAX_KEYS distinct keys for the whole array, in first-seen order: each costs a pass over the
    # sample, so members with keys of their own must not multiply the work.
    keys: dict[str, None] = {}
    for m in members:
        for k in m:
            if len(keys) >= _MAX_KEYS:
                break
            if isinstance(k, str):
                keys.setdefault(k)
    taken: set[str] = set()
    titles: dict[str, list[str]] = {}  # html_to_text is the dear part: once per (member, key)

    def titles_of(key: str) -> list[str]:
        if key not in titles:
            titles[key] = [_title(m.get(key), rough=True) for m in members]
        return titles[key]

    def pick(explicit: str, score: Any) -> str:
        if explicit:
            return explicit
        ranked = [(s, -i, k) for i, k in enumerate(keys) if k not in taken and (s := score(k)) > 0]
        if not ranked:
            return ""
        key = max(ranked)[2]
        taken.add(key)
        return key

    def fit(key: str, test: Any) -> float:
        return sum(1 for m in members if test(m.get(key))) / len(members)

    def url_score(k: str) -> float:
        if _NOT_LINK.search(_norm(k)):
            return 0
        name = _name_score(k, _URL, ("url", "link", "href", "链接"))
        # The cheap tests first: usable_url (a urljoin and a canonical form) is the dear one.
        if (
            not name
            and fit(k, lambda v: isinstance(v, str) and v.strip().lower().startswith(("http", "/"))) < 0.5
        ):
            return 0
        share = fit(k, lambda v: _linkish(v, base_url))
        return name + 2 * share if share >= 0.5 else 0

    def title_score(k: str) -> float:
        found = titles_of(k)
        share = sum(1 for t in found if t) / len(members)
        if share < 0.5:
            return 0
        name = _name_score(k, _TITLE, ("title", "标题"))
        if "sub" in _norm(k) or "short" in _norm(k):
            name = min(name, 1)
        mean = sum(len(t) for t in found) / len(found)
        if not name and not _TITLE_LENGTH <= mean <= 200:  # by content alone: sentence-long, not a body text
            return 0
        return name + 2 * share + min(mean, 30) / 30

    def date_score(k: str) -> float:
        # Over the members that give one: an undated notice in a dated list is still dated by the rest.
        given = [m.get(k) for m in members if m.get(k) not in (None, "")]
        share = sum(1 for v in given if json_date(v) is not None) / len(given) if given else 0
        name = _name_score(k, _DATE, ("date", "time", "日期", "时间"))
        short = fit(k, lambda v: isinstance(v, str) and len(v) <= 30)
        return name + 2 * share if share >= 0.5 and (name or short >= 0.5) else 0

    def id_score(k: str) -> float:
        name = _name_score(k, _ID, ())
        if not name and _norm(k).endswith("id"):
            name = 1
        return name + fit(k, lambda v: bool(_scalar(v))) if name and fit(k, _idish) >= 0.5 else 0

    url = pick(chosen.url, url_score)
    title = pick(chosen.title, title_score)
    date = pick(chosen.date, date_score)
    return _Roles(title=title, url=url, date=date, id=pick("", id_score)), titles


def _at(node: Any, path: str) -> Any:
    """The value at a dotted path ("data.list", "rows.0.title"); None when the path leads nowhere."""
    for part in path.split(".") if path else ():
        if isinstance(node, dict):
            node = node.get(part)
        elif isinstance(node, list) and _digits(part) and int(part) < len(node):
            node = node[int(part)]
        else:
            return None
    return node


def _digits(text: str) -> bool:
    # str.isdigit() is true for "²" and other digits int() refuses: a hostile value is skipped, not fatal.
    return text.isascii() and text.isdigit()


def _scalar(value: Any) -> str:
    """A string or number as text ('' for anything else): ids and template fields."""
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int | float):
        return str(value)
    return value.strip() if isinstance(value, str) else ""


def _idish(value: Any) -> bool:
    return bool(_ID_VALUE.match(_scalar(value)))


def _title(value: Any, rough: bool = False) -> str:
    """A member's title as text; rough (for scoring keys) strips tags by a linear regex, not lxml."""
    if not isinstance(value, str):
        return ""
    text = value.strip()
    if "<" in text and rough:  # parsing every string of every key costs lxml a document each
        text = html.unescape(_TAG.sub("", text))
    elif "<" in text:  # search highlights (<em>关于</em>), markup in titles
        text = html_to_text(text)
    elif "&" in text:  # &quot; and &nbsp; without tags: html_to_text would keep them as they are
        text = html.unescape(text)
    text = " ".join(text.split())[:500]
    if len(text) < 2 or text.isdigit() or text.lower().startswith(("http://", "https://", "/")):
        return ""
    return text


def _linkish(value: Any, base_url: str) -> bool:
    if not isinstance(value, str):
        return False
    href = value.strip()
    return (
        bool(_LINKISH.search(href))
        and not _IMAGE_FILE.search(href)
        and bool(usable_url(href, base_url, require_same_site=False))
    )


def _link(member: dict[str, Any], roles: _Roles, chosen: JsonFields, base_url: str) -> str:
    if roles.url:
        value = _at(member, roles.url)
        if isinstance(value, str) and (chosen.url or _linkish(value, base_url)):
            url = usable_url(value, base_url, require_same_site=False)
            if url:
                return url
    if chosen.template:
        return _fill(chosen.template, member, base_url)
    return ""


def _fill(template: str, member: dict[str, Any], base_url: str) -> str:
    """The template with each {field} replaced by the member's value, URL-quoted; '' if one is missing."""
    missing = False

    def value(match: re.Match[str]) -> str:
        nonlocal missing
        text = _scalar(_at(member, match.group(1)))
        missing = missing or not text
        return quote(text, safe="")

    url = PLACEHOLDER.sub(value, template)
    return "" if missing else usable_url(url, base_url, require_same_site=False)


_EPOCH_MS = 10**11  # a number above this counts milliseconds (10**11 seconds is the year 5138)


def json_date(value: Any) -> datetime | None:
    """A date from a JSON value: epoch seconds or milliseconds, or a date string bot.dates reads."""
    if isinstance(value, str) and _digits(value.strip()):
        digits = value.strip()
        if len(digits) == 8:  # 20240501
            value = f"{digits[:4]}-{digits[4:6]}-{digits[6:]}"
        elif len(digits) in (10, 13):
            value = int(digits)
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        seconds = value / 1000 if value > _EPOCH_MS else value
        try:
            stamp = datetime.fromtimestamp(seconds, UTC)
        except (OverflowError, ValueError, OSError):
            return None
        return stamp if plausible_date(stamp) else None
    if isinstance(value, str):
        parsed = parse_datetime(value[:100])
        return parsed if parsed is not None and plausible_date(parsed) else None
    return None


def next_page_url(url: str, param: str) -> str:
    """url with its page-number query parameter one higher; '' when url has no such number."""
    parts = urlsplit(url)
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    for i, (name, value) in enumerate(pairs):
        if name == param and _digits(value) and len(value) <= 6:
            pairs[i] = (name, str(int(value) + 1))
            return urlunsplit(parts._replace(query=urlencode(pairs)))
    return ""

"""Page furniture: recognises the lines a web page puts around a notice (breadcrumbs, print bars, links)."""

# Metadata rules read a notice's top and foot by position (the letterhead's first lines, the signature's last
# ones, a date line near the top); a page's furniture there pushes the notice's own lines out of reach. These
# lines are recognised by their fixed wording and skipped by those rules; they are never a notice's content.

from __future__ import annotations

import re

__all__ = ["is_furniture", "is_title_line", "skip_furniture", "title_key"]

# Whole lines only: a furniture word inside a sentence ("请打印本页并签字") is the notice's.
_ZH = (
    # Breadcrumbs: "首页 > 政务公开 > 通知公告", "当前位置：首页 > …", "您现在的位置：…".
    r"(?:首页|网站首页|主页)\s*[>＞»/›]|(?:当前位置|您现在的位置|您的位置|现在位置|所在位置)\s*[:：]?"
    # Print, close and font-size bars: "【字体：大 中 小】", "打印本页 关闭窗口", "【打印】【关闭】", "【打印本页】".
    r"|[【\[]?\s*(?:字体|字号)\s*[:：]|[【\[]\s*(?:打印|关闭|返回)\s*[】\]]|[【\[]?\s*(?:打印本页|关闭窗口|关闭本页|返回顶部|返回列表)\s*(?:$|[【\[\s】\]])"
    # Sharing and QR codes: "分享到：微信 微博", "扫一扫在手机打开当前页".
    r"|分享到|扫一扫|用手机扫描"
    # Links to other pages and the editor's credit.
    r"|(?:上一篇|下一篇|上一条|下一条)\s*[:：]?|相关(?:链接|文章|新闻|阅读|附件|稿件)\s*[:：]?\s*$"
    r"|(?:责任编辑|编辑|校对|审核|浏览次数|访问量|阅读次数|点击数|浏览量)\s*[:：]"
    r"|网站地图|版权所有|技术支持\s*[:：]|ICP备"
)
_EN = (
    # A bar of page actions: "Print | Share | Text size", "Share this page: Facebook | Twitter".
    r"(?:(?:print|share|email|tweet)(?: this)?(?: page| article| story)?|text size|font size)\s*(?:$|[:|•·])"
    r"|skip to (?:main )?content\b|back to top\b|you are here\b|home\s*(?:>|»|›|/|\|)"
    r"|related (?:links|content|articles|stories|news|pages)\s*:?\s*$"
    r"|(?:previous|next)(?: (?:article|post|story|page|release|item))?\s*:|follow us\b"
    r"|(?:page )?last (?:reviewed|modified)\s*:|copyright\b|©|all rights reserved"
    r"|(?:contact us|privacy(?: policy)?|accessibility|terms of use|sitemap|site map|cookies|disclaimer)\s*(?:$|\|)"
    # A news page's own lines: its advertisements, newsletter boxes, photo credits and share buttons.
    r"|(?:advertisement|sponsored(?: content)?)\s*$|(?:subscribe|sign up)\b[^.!?\n]{0,60}$|read more\s*(?:$|[:»>›])"
    r"|listen to this article|(?:file )?(?:photo|image|picture)(?: credit| caption)?\s*:"
    r"|share (?:on|via)\b|(?:facebook|twitter|whatsapp|linkedin)\s*(?:$|\|)"
)
_FURNITURE = re.compile(rf"^\s*(?:{_ZH}|{_EN})", re.IGNORECASE)
# Every furniture line is short; a long line is the notice's whatever it starts with.
_MAX_LINE = 120


# The characters furniture lines start with (lowercased): most lines are ruled out by their first one.
_FIRST = frozenset("首网主当您现所【[字打关返分扫用上下相责编校审浏访阅点版技ipsetfbyhrnc©adlw")


def is_furniture(line: str) -> bool:
    """Whether a line is a page's furniture, not the notice's."""
    first = line.lstrip()[:1].lower()
    return first in _FIRST and len(line) <= _MAX_LINE and _FURNITURE.match(line) is not None


def title_key(title: str) -> str:
    """The headline without its blanks, as is_title_line compares lines with it."""
    return "".join(title.split())


def is_title_line(line: str, key: str) -> bool:
    """Whether a line repeats the page's headline (`key`, from title_key), as a page prints it above the notice."""
    # Blanks aside, the line is as long as the headline: most lines are told apart by their length alone.
    return bool(key) and len(line) >= len(key) and "".join(line.split()) == key


def skip_furniture(lines: list[str], title: str = "") -> list[str]:
    """The lines without the page's furniture and without repeats of the headline."""
    key = title_key(title)
    return [ln for ln in lines if not is_furniture(ln) and not is_title_line(ln, key)]

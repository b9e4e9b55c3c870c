"""Turning the short lines of a PDF, a converter's output or a spreadsheet into paragraphs; text caps."""

from __future__ import annotations

import re

__all__ = ["join_lines", "limit_text"]

# A line that ends a sentence or a heading ends its paragraph; anything else was wrapped by the layout.
_ENDS = re.compile(r"[。！？；：!?;:」』”）)]$|^.{0,24}$")
# A line that starts a numbered item starts a paragraph of its own: 一、 (一) 1. 第一条 附件 ①.
_STARTS = re.compile(
    r"^(?:[一二三四五六七八九十百]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d{1,3}[.．、)）]\s*\S|"
    r"第[一二三四五六七八九十百\d]+[条章节款]|附件|[①②③④⑤⑥⑦⑧⑨⑩]|[•·●■□◆-]\s)"
)
_CJK_END = re.compile(r"[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]$")
_CJK_START = re.compile(r"^[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]")


def join_lines(lines: list[str]) -> str:
    """Re-join wrapped lines into paragraphs (no space between CJK halves), paragraphs blank-line apart."""
    paragraphs: list[str] = []
    current = ""
    for line in lines:
        line = " ".join(line.split())
        if not line:
            continue
        if current and not _ENDS.search(current) and not _STARTS.match(line):
            glue = "" if _CJK_END.search(current) or _CJK_START.match(line) else " "
            current += glue + line
            continue
        if current:
            paragraphs.append(current)
        current = line
    if current:
        paragraphs.append(current)
    return "\n\n".join(paragraphs)


def limit_text(text: str, max_chars: int) -> str:
    """The text cut at a paragraph boundary at or before max_chars (mid-paragraph only if one is longer)."""
    if len(text) <= max_chars:
        return text
    cut = text.rfind("\n\n", 0, max_chars)
    return text[: cut if cut > max_chars // 2 else max_chars].rstrip()

"""Metadata under page structure: issuer / doc_number / published on tuning notices wrapped as real pages are.

Run as `.venv/bin/python bench/meta_robust.py`. Takes the tuning items that state metadata (bench/data/dev.json,
the EVEN positions of bench/data/real-dev.json, bench/data/real-extra.json; never the odd, unseen half) and applies
generic structural perturbations: page chrome and furniture around the notice (breadcrumbs, a repeated title,
share/print bars, previous/next links, cc and contact lines, an annex form), other spellings of the same date
(Chinese numerals, spaced, ordinal, ISO, abbreviated) and moved lines (the sign-off name and date on one line, a
date or number line moved to the foot). No perturbation edits one item by hand: each is one function applied to
every item. Prints accuracy per perturbation and field (and how many items each one changed); ends with a JSON line.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.dates import find_dates
from bot.summarize import summarize
from bot.summarize.lang import detect_lang

DATA = Path(__file__).resolve().parent / "data"
FIELDS = ("issuer", "doc_number", "published")
Item = dict[str, Any]
Perturb = Callable[[str, str, str, dict[str, str]], tuple[str, str]]

_ZH_CRUMBS = "首页 > 政务公开 > 通知公告\n当前位置：首页 > 信息公开 > 正文\n"
_EN_CRUMBS = "Skip to main content\nHome > Newsroom > Press releases\n"
_ZH_CHROME = (
    "\n【字体：大 中 小】 打印本页 关闭窗口\n分享到：微信 微博\n扫一扫在手机打开当前页\n相关链接\n"
    "上一篇：关于做好近期安全生产工作的通知\n下一篇：关于公布第二批示范单位名单的公告\n责任编辑：王某"
)
_EN_CHROME = (
    "\nShare this page: Facebook | Twitter | Email\nPrint this page\nRelated links\n"
    "Previous: Office hours during the holidays\nNext: Public consultation opens\n"
    "Contact us | Privacy | Accessibility\nPage last reviewed: 14 October 2031"
)
_ZH_CC = "\n抄送：各有关单位。\n联系人：李某，电话：0731-88886666\n附件：1.申报表\n2.汇总表"
_EN_CC = "\nMedia contact: Jane Roe, 555-0100, press@example.org\nFollow us on social media.\n###"
_ZH_ANNEX = "\n附件1\n申报表\n单位名称：        联系人：\n填报日期：    年  月  日"
_EN_ANNEX = "\nAttachment A\nApplication form\nName: ________ Date: ________"


def _wrap(before: dict[str, str], after: dict[str, str]) -> Perturb:
    def apply(title: str, text: str, lang: str, meta: dict[str, str]) -> tuple[str, str]:
        return title, before.get(lang, "") + text + after.get(lang, "")

    return apply


def _title_repeated(title: str, text: str, lang: str, meta: dict[str, str]) -> tuple[str, str]:
    return title, f"{title}\n{text}"


def _full_page(title: str, text: str, lang: str, meta: dict[str, str]) -> tuple[str, str]:
    crumbs = _ZH_CRUMBS if lang == "zh" else _EN_CRUMBS
    bar = "【字体：大 中 小】 【打印】 【关闭】" if lang == "zh" else "Print | Share | Text size"
    tail = (_ZH_CC + _ZH_CHROME) if lang == "zh" else (_EN_CC + _EN_CHROME)
    return title, f"{crumbs}{title}\n{bar}\n{text}{tail}"


_CN_DIGIT = "〇一二三四五六七八九"


def _cn_number(n: int) -> str:
    if n < 10:
        return _CN_DIGIT[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _CN_DIGIT[tens]) + "十" + ("" if ones == 0 else _CN_DIGIT[ones])


def _zh_numerals(d: dt.date) -> str:
    return "".join(_CN_DIGIT[int(c)] for c in str(d.year)) + f"年{_cn_number(d.month)}月{_cn_number(d.day)}日"


def _zh_zero_numerals(d: dt.date) -> str:
    """Chinese numerals with the year's zero typed as a digit or a letter ("二0二三年", "二O二三年"), as pages do."""
    return _zh_numerals(d).replace("〇", "0" if d.day % 2 else "O")


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


def _redate(form: Callable[[dt.date], str], short_only: bool = True) -> Perturb:
    """Every spelling of the expected published date on a short line (a date line, a sign-off, a header)
    rewritten in another form; a body sentence that names the same day is left alone."""

    def apply(title: str, text: str, lang: str, meta: dict[str, str]) -> tuple[str, str]:
        if "published" not in meta:
            return title, text
        want = dt.date.fromisoformat(meta["published"])
        out = []
        for line in text.split("\n"):
            if not short_only or len(line.strip()) <= 60:
                for hit in reversed(find_dates(line, None)):
                    if hit.date == want and hit.explicit_year:
                        line = line[: hit.start] + form(want) + line[hit.end :]
            out.append(line)
        return title, "\n".join(out)

    return apply


def _line_of(text: str, value: str, limit: int = 60) -> int | None:
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if value in line and len(line.strip()) <= limit:
            return i
    return None


def _signoff_one_line(title: str, text: str, lang: str, meta: dict[str, str]) -> tuple[str, str]:
    """The sign-off's name line and the date line under it set on one line ("某某局  2024年3月5日")."""
    lines = text.split("\n")
    for i in range(len(lines) - 1, 0, -1):
        date_line = lines[i].strip()
        name = lines[i - 1].strip()
        hits = find_dates(date_line, None)
        if (
            hits
            and len(date_line) <= 20
            and hits[0].start == 0
            and name
            and len(name) <= 30
            and not re.search(r"[。，,.;；:：]", name)
        ):
            lines[i - 1 : i + 1] = [f"{name}  {date_line}"]
            return title, "\n".join(lines)
    return title, text


def _spaced_signer(title: str, text: str, lang: str, meta: dict[str, str]) -> tuple[str, str]:
    """A short signer's name set spaced out on its line ("国 务 院"), as sign-offs often are."""
    issuer = meta.get("issuer", "")
    if lang != "zh" or not (2 < len(issuer) <= 5):
        return title, text
    lines = text.split("\n")
    for i in range(len(lines) - 1, -1, -1):
        if lines[i].strip() == issuer:
            lines[i] = " ".join(issuer)
            return title, "\n".join(lines)
    return title, text


def _seal_on_signer(title: str, text: str, lang: str, meta: dict[str, str]) -> tuple[str, str]:
    """The seal's place noted on the sign-off's name line ("某县教育局（盖章）"), as a page that drops the seal
    image leaves it."""
    issuer = meta.get("issuer", "")
    if lang != "zh" or not issuer:
        return title, text
    lines = text.split("\n")
    for i in range(len(lines) - 1, -1, -1):
        if lines[i].strip() == issuer:
            lines[i] = f"{issuer}（盖章）"
            return title, "\n".join(lines)
    return title, text


def _file_number_header(title: str, text: str, lang: str, meta: dict[str, str]) -> tuple[str, str]:
    """A file number shaped like a date above the text ("No. 12/3/2019-Estt.(A)", as Indian office memoranda
    head themselves), for notices that state no number of their own: it must not be read as their date."""
    if lang != "en" or "doc_number" in meta:
        return title, text
    return title, f"No. 12/3/2019-Estt.(A)\n{text}"


def _to_foot(key: str) -> Perturb:
    """The short header line stating the field (a date line, a number line among the first five lines) moved
    to the foot, after the signature, where many pages print it."""

    def apply(title: str, text: str, lang: str, meta: dict[str, str]) -> tuple[str, str]:
        if key not in meta:
            return title, text
        lines = text.split("\n")
        if key == "published":
            want = dt.date.fromisoformat(meta[key])
            at = next(
                (
                    i
                    for i, line in enumerate(lines[:5])
                    if len(line.strip()) <= 40 and any(h.date == want for h in find_dates(line, None))
                ),
                None,
            )
        else:
            at = _line_of("\n".join(lines[:5]), meta[key], 40)
        if at is None:
            return title, text
        moved = lines.pop(at)
        return title, "\n".join(lines) + "\n" + moved

    return apply


def _timed_foot(title: str, text: str, lang: str, meta: dict[str, str]) -> tuple[str, str]:
    """The header's date line moved to the foot and stamped with the time of posting."""
    title, moved = _to_foot("published")(title, text, lang, meta)
    return (title, moved + " 10:15") if moved != text else (title, text)


def _flattened(title: str, text: str, lang: str, meta: dict[str, str]) -> tuple[str, str]:
    """The text's last lines (the sign-off and what follows it) run into its last paragraph, as a crawl that
    lost the page's line breaks gives them."""
    lines = text.rstrip().split("\n")
    head, tail = lines[:-4], lines[-4:]
    return title, "\n".join(head) + ("" if lang == "zh" else " ").join(tail)


def _signer_to_field(title: str, text: str, lang: str, meta: dict[str, str]) -> tuple[str, str]:
    """The sign-off's name line dropped and the body named only in a page field at the foot ("来源：X")."""
    issuer = meta.get("issuer", "")
    lines = text.split("\n")
    kept = [line for line in lines if line.strip() != issuer]
    if not issuer or len(kept) == len(lines):
        return title, text
    label = "信息来源：" if lang == "zh" else "Source: "
    return title, "\n".join(kept) + f"\n{label}{issuer}"


PERTURBATIONS: dict[str, tuple[tuple[str, ...], Perturb]] = {
    "none": (("zh", "en"), _wrap({}, {})),
    "crumbs_before": (("zh", "en"), _wrap({"zh": _ZH_CRUMBS, "en": _EN_CRUMBS}, {})),
    "title_repeated": (("zh", "en"), _title_repeated),
    "chrome_after": (("zh", "en"), _wrap({}, {"zh": _ZH_CHROME, "en": _EN_CHROME})),
    "cc_contacts_after": (("zh", "en"), _wrap({}, {"zh": _ZH_CC, "en": _EN_CC})),
    "annex_after": (("zh", "en"), _wrap({}, {"zh": _ZH_ANNEX, "en": _EN_ANNEX})),
    "full_page": (("zh", "en"), _full_page),
    "signoff_one_line": (("zh", "en"), _signoff_one_line),
    "signer_to_field": (("zh", "en"), _signer_to_field),
    "flattened_foot": (("zh", "en"), _flattened),
    "zh_numeral_dates": (("zh",), _redate(_zh_numerals)),
    "zh_spaced_dates": (("zh",), _redate(lambda d: f"{d.year} 年 {d.month} 月 {d.day} 日")),
    "zh_zero_numeral_dates": (("zh",), _redate(_zh_zero_numerals)),
    "zh_spaced_signer": (("zh",), _spaced_signer),
    "zh_seal_on_signer": (("zh",), _seal_on_signer),
    "en_file_number_header": (("en",), _file_number_header),
    "en_date_ordinal": (("en",), _redate(lambda d: f"{_ordinal(d.day)} {d:%B %Y}")),
    "en_date_abbrev": (("en",), _redate(lambda d: f"{d:%b}{'.' if d.month != 5 else ''} {d.day}, {d.year}")),
    "en_date_iso": (("en",), _redate(lambda d: d.isoformat())),
    "en_date_dotted": (("en",), _redate(lambda d: f"{d:%d.%m.%Y}")),
    "date_to_foot": (("zh", "en"), _to_foot("published")),
    "date_to_foot_timed": (("zh", "en"), _timed_foot),
    "docno_to_foot": (("zh", "en"), _to_foot("doc_number")),
}


def tuning_items() -> list[Item]:
    """The items rules may be tuned on: dev.json, real-dev.json's even positions, real-extra.json."""
    real = json.loads((DATA / "real-dev.json").read_text(encoding="utf-8"))["items"]
    items: list[Item] = []
    items += json.loads((DATA / "dev.json").read_text(encoding="utf-8"))["items"]
    items += real[0::2]
    items += json.loads((DATA / "real-extra.json").read_text(encoding="utf-8"))["items"]
    return [item for item in items if item.get("meta")]


def main() -> int:
    show = "-v" in sys.argv
    items = tuning_items()
    table: dict[str, dict[str, list[int]]] = {}
    for name, (langs, perturb) in PERTURBATIONS.items():
        row = {f: [0, 0] for f in FIELDS}
        changed = 0
        for item in items:
            lang = detect_lang(item["title"] + "\n" + item["text"])
            if lang not in langs:
                continue
            title, text = perturb(item["title"], item["text"], lang, item["meta"])
            changed += (title, text) != (item["title"], item["text"])
            result = summarize(title, text, item.get("url", ""))
            for key, want in item["meta"].items():
                got = getattr(result, key)
                row[key][0] += got == want
                row[key][1] += 1
                if show and got != want and name != "none":
                    print(f"  {name}: {item['id']} {key} {got!r} != {want!r}")
        row["changed"] = [changed, 0]
        table[name] = row
    print(f"{len(items)} tuning items that state metadata (dev.json, real-dev even half, real-extra)")
    print(f"{'perturbation':<20} {'changed':>7} | {'issuer':>9} {'docno':>9} {'publ':>9}")
    for name, row in table.items():
        cells = " ".join(f"{row[f][0]:>4}/{row[f][1]:<4}" for f in FIELDS)
        print(f"{name:<20} {row['changed'][0]:>7} | {cells}")
    total = {f: [sum(r[f][0] for r in table.values()), sum(r[f][1] for r in table.values())] for f in FIELDS}
    print(f"{'all':<20} {'':>7} | " + " ".join(f"{total[f][0]:>4}/{total[f][1]:<4}" for f in FIELDS))
    out = {"bench": "meta_robust", **{n: {f: r[f][0] for f in FIELDS} for n, r in table.items()}}
    print(json.dumps(out, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())

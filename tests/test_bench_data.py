"""Checks of the bench's added sets (real-extra, real-fresh, real-valid, real-en, real-zh, real-train-en,
real-train-zh, real-train-en2, real-fresh2): format, annotations, overlap."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from typing import Any

import pytest

DATA = Path(__file__).resolve().parent.parent / "bench" / "data"
RUN = 30  # characters (whitespace removed) two texts may not share
META_KEYS = {"issuer", "doc_number", "published"}
MONTHS = [dt.date(2000, m, 1).strftime("%B") for m in range(1, 13)]
DIGITS = "〇一二三四五六七八九"


def _items(name: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = json.loads((DATA / name).read_text(encoding="utf-8"))["items"]
    return items


EXTRA = _items("real-extra.json")
# The held-out set: measured once as a second judge, tuned on by nobody (bench/data/README-real-fresh.md).
FRESH = _items("real-fresh.json")
# The third tuning set (bench/data/README-real-valid.md): read and tuned on like real-extra.
VALID = _items("real-valid.json")
# The validation set (bench/data/README-real-en.md): English official notices; rules are written without reading
# its items, and only its aggregates are printed.
ENGLISH = _items("real-en.json")
# Its Chinese counterpart (bench/data/README-real-zh.md): Chinese official notices, validation in the same way.
CHINESE = _items("real-zh.json")
# A training set of English official notices (bench/data/README-real-train-en.md): read and tuned on like real-valid.
TRAIN_EN = _items("real-train-en.json")
# Its Chinese counterpart (bench/data/README-real-train-zh.md): read and tuned on like real-valid.
TRAIN_ZH = _items("real-train-zh.json")
# A second one (bench/data/README-real-train-en2.md), written to add circulars, releases and company notices.
TRAIN_EN2 = _items("real-train-en2.json")
# A second held-out set (bench/data/README-real-fresh2.md): a judge like real-fresh, tuned on by nobody.
FRESH2 = _items("real-fresh2.json")
# The sets written after real-valid, in the order they were written, with what each is checked for: its file and,
# per language, the shortest and longest text in characters and the number of items. A new set is added here only:
# the ids, the item lists and the sets each is checked against for overlap are derived from this table.
LATER_SETS: list[tuple[str, list[dict[str, Any]], dict[str, tuple[int, int, int]]]] = [
    ("real-en.json", ENGLISH, {"en": (600, 2500, 30)}),
    ("real-zh.json", CHINESE, {"zh": (200, 1000, 30)}),
    ("real-train-en.json", TRAIN_EN, {"en": (200, 2000, 34)}),
    ("real-train-zh.json", TRAIN_ZH, {"zh": (200, 2000, 30)}),
    ("real-train-en2.json", TRAIN_EN2, {"en": (300, 2000, 30)}),
    ("real-fresh2.json", FRESH2, {"zh": (200, 1500, 20), "en": (300, 2000, 20)}),
]
LATER_IDS = [name.removeprefix("real-").removesuffix(".json") for name, *_ in LATER_SETS]
LATER_ITEMS = [items for _, items, _ in LATER_SETS]


def _squeeze(text: str) -> str:
    return "".join(text.split())


def _runs(text: str) -> set[str]:
    text = _squeeze(text)
    return {text[i : i + RUN] for i in range(len(text) - RUN + 1)}


def _zh_number(n: int) -> str:
    """1..31 in Chinese numerals (十, 十二, 二十三), as sign-off dates write months and days."""
    tens, ones = divmod(n, 10)
    return (("" if tens < 2 else DIGITS[tens]) + "十" if tens else "") + (DIGITS[ones] if ones else "")


def _ordinal(n: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 22nd: day numbers as British and Indian circulars write them."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def date_forms(day: dt.date) -> set[str]:
    """The ways the notices write a date: ISO, unpadded, 年月日 (Arabic or Chinese numerals), English.

    English also as circulars and memos write it: ordinal days (20th April, 2020), day.month.year
    (16.09.2016), abbreviated months (21 Oct 2010, Oct. 21, 2010, 16 Sep 12 with a two-digit year) and a comma
    before the year (25 July, 2019);
    compact digits as some sign-offs write it (20141210).
    """
    y, m, d, month = day.year, day.month, day.day, MONTHS[day.month - 1]
    return {
        day.isoformat(),
        f"{y}-{m}-{d}",
        f"{y}年{m}月{d}日",
        "".join(DIGITS[int(c)] for c in str(y)) + f"年{_zh_number(m)}月{_zh_number(d)}日",
        f"{month} {d}, {y}",
        f"{d} {month} {y}",
        f"{_ordinal(d)} {month}, {y}",
        f"{_ordinal(d)} {month} {y}",
        f"{d:02d}.{m:02d}.{y}",
        f"{d} {month[:3]} {y}",
        # A news page may stamp its date with a two-digit year under the text (16 Sep 12).
        f"{d} {month[:3]} {y % 100:02d}",
        f"{month[:3]}. {d}, {y}",
        f"{d} {month}, {y}",
        # A sign-off may write the date as eight bare digits (20141210).
        f"{y}{m:02d}{d:02d}",
        # A page stamp with slashes (2021/05/12), and a Taiwan notice's Republic of China year (中華民國106年12月29日).
        f"{y}/{m:02d}/{d:02d}",
        # The same unpadded, as a Taiwan school page stamps it (2026/1/21), and with dots, as a water company's
        # sign-off writes it (2021.2.26).
        f"{y}/{m}/{d}",
        f"{y}.{m}.{d}",
        f"中華民國{y - 1911}年{m}月{d}日",
        # Older pages write the zero of a Chinese year as a circle, a digit or a capital letter O
        # (二○一五年, 二0一0年, 二OO三年).
        *(
            "".join(zero if c == "0" else DIGITS[int(c)] for c in str(y))
            + f"年{_zh_number(m)}月{_zh_number(d)}日"
            for zero in "○0O"
        ),
    }


def test_date_forms_cover_chinese_numerals() -> None:
    assert "一九八一年五月二十三日" in date_forms(dt.date(1981, 5, 23))
    assert "二〇〇六年十二月三十日" in date_forms(dt.date(2006, 12, 30))
    assert "March 7, 2025" in date_forms(dt.date(2025, 3, 7))


def test_date_forms_cover_circular_styles() -> None:
    assert {"20th April, 2020", "22nd March 2021", "16.09.2016"} <= (
        date_forms(dt.date(2020, 4, 20)) | date_forms(dt.date(2021, 3, 22)) | date_forms(dt.date(2016, 9, 16))
    )
    assert "11th March 2021" in date_forms(dt.date(2021, 3, 11))


def test_date_forms_cover_abbreviated_months_and_older_zeros() -> None:
    assert {"21 Oct 2010", "Oct. 21, 2010"} <= date_forms(dt.date(2010, 10, 21))
    assert {"二○一五年五月八日", "二0一0年九月二十六日"} <= (
        date_forms(dt.date(2015, 5, 8)) | date_forms(dt.date(2010, 9, 26))
    )


def test_date_forms_cover_comma_before_year_and_letter_o_zeros() -> None:
    assert "25 July, 2019" in date_forms(dt.date(2019, 7, 25))
    assert "二OO三年十二月四日" in date_forms(dt.date(2003, 12, 4))


def test_date_forms_cover_two_digit_years() -> None:
    assert "16 Sep 12" in date_forms(dt.date(2012, 9, 16))
    assert "5 Mar 07" in date_forms(dt.date(2007, 3, 5))


def test_a_date_form_stands_whole_in_the_text() -> None:
    assert _dated("16 Sep 12", "Posted 16 Sep 12 by the office")
    assert not _dated("14 May 20", "Posted 14 May 2021 by the office")
    assert not _dated("5 Mar 07", "Posted 15 Mar 07")


def test_date_forms_cover_slashes_and_taiwan_years() -> None:
    assert "2021/05/12" in date_forms(dt.date(2021, 5, 12))
    assert "中華民國106年12月29日" in date_forms(dt.date(2017, 12, 29))


def test_date_forms_cover_unpadded_slashes_and_dots() -> None:
    assert {"2026/1/21", "2021.2.26"} <= date_forms(dt.date(2026, 1, 21)) | date_forms(dt.date(2021, 2, 26))
    assert not _dated("2021.2.2", "signed 2021.2.26")


def test_date_forms_cover_compact_digits() -> None:
    assert "20141210" in date_forms(dt.date(2014, 12, 10))
    assert "20190305" in date_forms(dt.date(2019, 3, 5))


@pytest.mark.parametrize(
    ("items", "least"), [(EXTRA, 40), (FRESH, 30), (VALID, 30)], ids=["extra", "fresh", "valid"]
)
def test_set_size_and_format(items: list[dict[str, Any]], least: int) -> None:
    assert len(items) >= least
    assert len({item["id"] for item in items}) == len(items)
    langs = [item["lang"] for item in items]
    assert set(langs) == {"zh", "en"} and langs.count("en") >= 15
    for item in items:
        assert set(item) == {"id", "lang", "url", "title", "text", "facts", "meta"}, item["id"]
        assert item["url"].startswith(("http://", "https://")), item["id"]
        assert item["title"].strip() and item["text"].strip(), item["id"]


@pytest.mark.parametrize(
    "item",
    EXTRA + FRESH + VALID + ENGLISH + CHINESE + TRAIN_EN + TRAIN_ZH + TRAIN_EN2 + FRESH2,
    ids=lambda item: item["id"],
)
def test_facts_and_meta_are_in_the_text(item: dict[str, Any]) -> None:
    text, facts = item["text"], item["facts"]
    assert 3 <= len(facts) <= 6
    for fact in facts:
        assert fact in text, fact
        size = len(_squeeze(fact)) if item["lang"] == "zh" else len(fact.split())
        assert (2 <= size <= 12) if item["lang"] == "zh" else (1 <= size <= 5), fact
    meta = item["meta"]
    assert set(meta) <= META_KEYS
    for key in ("issuer", "doc_number"):
        if key in meta:
            # Whitespace does not count: a joint sign-off on two lines is stated with a space ("保卫处 学生处").
            assert meta[key] in text or _squeeze(meta[key]) in _squeeze(text), key
    if "published" in meta:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", meta["published"])
        forms = date_forms(dt.date.fromisoformat(meta["published"]))
        # Compared with whitespace removed too: pages split dates oddly ("9 th October, 2014").
        assert any(_dated(form, text) or _dated(_squeeze(form), _squeeze(text)) for form in forms), meta[
            "published"
        ]


def _dated(form: str, text: str) -> bool:
    """Whether the date form stands in the text as a whole: no digit right before or after it, or "14 May 20"
    would be found in "14 May 2021" and "5 Mar 07" in "15 Mar 07"."""
    return re.search(rf"(?<!\d){re.escape(form)}(?!\d)", text) is not None


def _collisions(items: list[dict[str, Any]], earlier: list[str]) -> list[str]:
    """Ids of items that share an address or a 30-character run with an item of the earlier sets.

    Only the new item's id is reported: the earlier items' texts are never printed (real-dev.json's unseen
    half must not be read). Documents of the State Council crawl all link to the one crawl file, so for them
    the id (which names the document) is compared instead of the address.
    """
    judged = [item for name in earlier for item in _items(name)]
    ids = {item["id"] for item in judged}
    urls = {item.get("url", "") for item in judged}
    runs: set[str] = set()
    for item in judged:
        runs |= _runs(item["text"])
    hits = []
    for item in items:
        shared_file = item["url"].endswith(".sql")
        if item["id"] in ids or (not shared_file and item["url"] in urls) or _runs(item["text"]) & runs:
            hits.append(item["id"])
    return hits


def test_no_overlap_with_the_judged_sets() -> None:
    assert _collisions(EXTRA, ["dev.json", "real-dev.json"]) == []


def test_held_out_set_overlaps_no_other_set() -> None:
    assert _collisions(FRESH, ["dev.json", "real-dev.json", "real-extra.json"]) == []


def test_validation_set_overlaps_no_other_set() -> None:
    assert _collisions(VALID, ["dev.json", "real-dev.json", "real-extra.json", "real-fresh.json"]) == []


# The sets a later set is checked against: all that came before it (the five below, then every later set
# written before it, in LATER_SETS's order); the last one written is so checked against every other set.
BEFORE_EN = ["dev.json", "real-dev.json", "real-extra.json", "real-valid.json", "real-fresh.json"]


@pytest.mark.parametrize(
    ("items", "earlier"),
    [
        (items, [*BEFORE_EN, *(name for name, *_ in LATER_SETS[:i])])
        for i, (_, items, _) in enumerate(LATER_SETS)
    ],
    ids=LATER_IDS,
)
def test_later_sets_overlap_no_other_set(items: list[dict[str, Any]], earlier: list[str]) -> None:
    assert _collisions(items, earlier) == []


@pytest.mark.parametrize(("items", "sizes"), [row[1:] for row in LATER_SETS], ids=LATER_IDS)
def test_later_set_format_and_size(
    items: list[dict[str, Any]], sizes: dict[str, tuple[int, int, int]]
) -> None:
    """The set's size in items of each language (bench/data/README-real-en.md, README-real-zh.md,
    README-real-train-en.md, README-real-train-zh.md, README-real-train-en2.md, README-real-fresh2.md), each
    with the keys, an address and a text of the set's length for its language (600-2,500 characters in real-en,
    200-1,000 in real-zh, 200-2,000 in real-train-en and real-train-zh, 300-2,000 in real-train-en2; in
    real-fresh2 200-1,500 in Chinese and 300-2,000 in English)."""
    langs = [item["lang"] for item in items]
    assert {lang: langs.count(lang) for lang in set(langs)} == {
        lang: size for lang, (*_, size) in sizes.items()
    }
    assert len({item["id"] for item in items}) == len({item["url"] for item in items}) == len(items)
    for item in items:
        shortest, longest, _ = sizes[item["lang"]]
        assert set(item) == {"id", "lang", "url", "title", "text", "facts", "meta"}, item["id"]
        assert item["url"].startswith(("http://", "https://")), item["id"]
        assert item["title"].strip() and shortest <= len(item["text"]) <= longest, item["id"]


@pytest.mark.parametrize("items", LATER_ITEMS, ids=LATER_IDS)
def test_later_set_facts_occur_once_and_apart(items: list[dict[str, Any]]) -> None:
    """Each fact names one place in its notice and none lies inside another fact of the same item, or finding
    the longer would count the shorter too (bench/data/README-real-en.md, README-real-zh.md,
    README-real-train-en.md, README-real-train-zh.md, README-real-train-en2.md, README-real-fresh2.md)."""
    assert [
        (item["id"], fact) for item in items for fact in item["facts"] if item["text"].count(fact) != 1
    ] == []
    # Compared as the bench matches facts (whitespace removed, case folded); only ids are reported, so a failure
    # prints no fact of a set whose items must not be read.
    assert [item["id"] for item in items if _nested(item["facts"])] == []


def _nested(facts: list[str]) -> bool:
    """Whether one fact lies inside another (or repeats it)."""
    folded = [_squeeze(fact).lower() for fact in facts]
    return any(i != j and a in b for i, a in enumerate(folded) for j, b in enumerate(folded))


def test_nested_facts_are_found() -> None:
    assert _nested(["9月15日", "9月15日、9月16日"]) and _nested(["Fee", "the fee is due"])
    assert not _nested(["9月15日", "9月16日"])


def test_held_out_set_size_is_pinned() -> None:
    """40 items, 20 Chinese and 20 English: losing or adding an item changes the judge and must be noticed."""
    langs = [item["lang"] for item in FRESH]
    assert (len(FRESH), langs.count("zh"), langs.count("en")) == (40, 20, 20)


def _shared_within(items: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """Pairs of ids (earlier item first) whose texts share a 30-character run (whitespace removed)."""
    runs = [(item["id"], _runs(item["text"])) for item in items]
    return [(a, b) for i, (a, mine) in enumerate(runs) for b, theirs in runs[i + 1 :] if mine & theirs]


def test_validation_set_size_is_pinned() -> None:
    """40 items, 20 Chinese and 20 English (bench/data/README-real-valid.md): losing an item must be noticed."""
    langs = [item["lang"] for item in VALID]
    assert (len(VALID), langs.count("zh"), langs.count("en")) == (40, 20, 20)


def test_held_out_items_share_no_run_with_each_other() -> None:
    assert _shared_within(FRESH) == []


def test_validation_items_share_no_run_with_each_other() -> None:
    assert _shared_within(VALID) == []


@pytest.mark.parametrize("items", LATER_ITEMS, ids=LATER_IDS)
def test_later_set_items_share_no_run_with_each_other(items: list[dict[str, Any]]) -> None:
    assert _shared_within(items) == []


def test_shared_within_finds_a_copied_run() -> None:
    text = "一二三四五六七八九十" * 4
    items = [{"id": "a", "text": text}, {"id": "b", "text": "x" + text[:31]}, {"id": "c", "text": "短"}]
    assert _shared_within(items) == [("a", "b")]


def test_collisions_name_only_the_new_item() -> None:
    """The check catches a shared run and a shared address, and names the new item, not the one it matched."""
    known = EXTRA[0]
    copied = {"id": "copy", "url": "https://example.org/a", "text": "x" + known["text"][:40]}
    moved = {"id": "moved", "url": EXTRA[-1]["url"], "text": "短"}
    assert _collisions([copied, moved], ["real-extra.json"]) == ["copy", "moved"]

"""Speed paths of the summariser give what their plain forms give: language detection that stops counting once
the answer is settled, English sentence ends and years found from their first character, a dangling conjunction looked for in the
text's tail only, a document number's body bounds searched only when a number stands on its own line."""

from __future__ import annotations

import random
import re

from bot import dates
from bot.summarize import cuts, sentences
from bot.summarize.lang import detect_lang
from bot.summarize.meta import find_doc_number


def test_language_detection_stops_only_where_the_whole_count_agrees() -> None:
    def counted(text: str) -> str:
        sample = text[:2000]
        han = len(re.findall(r"[\u3400-\u9fff]", sample))
        latin = len(re.findall(r"[A-Za-z]", sample))
        return "zh" if han * 4 >= latin and han > 0 else "en"

    rng = random.Random(11)
    # Long texts (the count goes by stretches of 400 characters), Han runs across a stretch's end, English
    # text with a Chinese tail or head, texts longer than the 2,000 counted.
    pieces = ["通知", "要求各单位", "notice ", "The Ministry said ", "a", "1", " ", "，", "\n"]
    for _ in range(600):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 500)))
        assert detect_lang(text) == counted(text), text[:80]
    english = "Employers must file the forms by May 1. " * 40
    assert detect_lang(english) == "en"
    assert detect_lang(english * 2 + "通知" * 500) == "en"  # past the 2,000 characters counted
    assert detect_lang("通知" * 200 + english) == "zh"  # a fifth Han within the first stretch
    assert detect_lang(english[:1590] + "通知要求" * 100) == "zh"  # settled only in the last stretch
    assert detect_lang("") == "en"


def test_english_sentence_ends_are_found_as_by_the_lookbehind_first_pattern() -> None:
    plain = re.compile(r"(?<![.!?])[.!?]+[\"”’')]*(?=\s+[\"“(A-Z0-9])")
    rng = random.Random(13)
    # Runs of marks, closing quotes, blanks, capitals, digits, opening quotes, a mark at the very start.
    pieces = [".", "!", "?", "...", '"', "”", "’", "'", ")", " ", "\n", "A", "a", "1", "“", "(", "e.g", "U.S"]
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 14)))
        assert [m.span() for m in sentences._EN_END.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ], text
    text = 'It closes. "Really?!" They asked. 2 more... Fine'
    assert [m.group() for m in sentences._EN_END.finditer(text)] == [".", '?!"', ".", "..."]


def test_years_are_found_as_by_the_lookbehind_first_pattern() -> None:
    plain = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
    rng = random.Random(19)
    pieces = ["1", "2", "9", "0", "19", "20", "2024", "x", "年", " ", "１", "-"]
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 12)))
        found = [(m.span(), m.group(1)) for m in dates._YEAR_RE.finditer(text)]
        assert found == [(m.span(), m.group(1)) for m in plain.finditer(text)], text
    assert dates.year_hint("12019 and 2024年", "1999") == 2024
    assert dates.year_hint("no year", "1899, 1949") == 1949


def test_a_dangling_conjunction_is_dropped_as_by_the_plain_substitution() -> None:
    # Every character a match can hold is in the tail's set: the blanks, the marks and the conjunctions' letters
    # in any case form sre's IGNORECASE gives them, over every code point.
    holds = re.compile(r"[\s,;]|(?i:[orandbutbecause])")
    every = "".join(map(chr, range(0x110000)))
    assert set(holds.findall(every)) <= set(cuts._DANGLING_CHARS)
    rng = random.Random(23)
    pieces = [
        " ",
        ",",
        ";",
        "\n",
        "\t",
        "or",
        "and",
        "AND",
        "But",
        "nor",
        "because",
        "BECAUSE",
        "x",
        "word",
        "ran",
        "to",
        "\u3000",
    ]
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 12)))
        assert cuts.drop_dangling(text) == cuts._EN_DANGLING.sub("", text), repr(text)
    assert cuts.en_trim("Register online, or") == "Register online"
    assert cuts.en_trim("Offices close at 5 p.m.") == "Offices close at 5 p.m."


def test_a_document_number_on_its_own_line_is_judged_by_the_body_s_bounds_found_when_needed() -> None:
    # find_doc_number looks for the salutation and a forwarding clause only at the first number on a line of
    # its own; these give what the eager search gave: above the salutation it is the notice's own, after a
    # forwarding clause the forwarded one's (unless a foot field), heading another document that one's.
    forwarded = "各区教育局：\n现将《市教委关于Y的通知》转发给你们，请遵照执行。\n"
    cases = [
        ("国办发〔2024〕3号\n各省、自治区人民政府：\n现将有关事项通知如下。", "国办发〔2024〕3号"),
        (forwarded + "市教委发〔2024〕5号\n一、总体要求。\n二、工作安排。\n三、保障措施。\n四、其他。", None),
        (forwarded + "\n市教委发〔2024〕5号\n", "市教委发〔2024〕5号"),  # a foot field
        ("各单位：\n根据市政办发〔2023〕12号文件要求，现就有关事项通知如下。\n县政府办公室", None),
        (
            "县政府办公室\n2024年3月1日\n县政发〔2024〕7号\n各乡镇人民政府：\n请各单位做好工作。",
            "县政发〔2024〕7号",
        ),
        ("各乡镇：\n请按要求报送材料。\n县教发〔2024〕2号\n各学校：\n另一份文件。\n二。\n三。\n四。", None),
        ("发文字号：县教发〔2024〕3号\n各学校：\n请做好工作。", "县教发〔2024〕3号"),
        ("Employers must file the forms by May 1.\nDear employers:\nThe Ministry said so.", None),
    ]
    for text, number in cases:
        assert find_doc_number("关于做好工作的通知", text, "zh") == number, text

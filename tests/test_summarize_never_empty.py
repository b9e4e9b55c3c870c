"""A notice with content never gets an empty headline or summary: over-long units are cut, not dropped."""

from __future__ import annotations

import random
import re
import time

from bot.summarize import summarize
from bot.summarize.api import default_budget
from bot.summarize.compress import compress, drop_words
from bot.summarize.cuts import clip
from bot.summarize.headline import HEADLINE_LIMIT, _caps_subject
from bot.summarize.lang import Lang, fold

MEMO = "Memorandum Circular No. 153, December 22, 1965"
PURPOSE = (
    "For the purpose of giving the incoming Administration a correct picture, all heads of departments must "
    "submit to this Office an inventory of pending matters."
)
LONG_DUTY = (
    "All heads of departments, bureaus, offices, agencies and government-owned or controlled corporations must "
    "submit to this Office an inventory of pending matters, a general outline of policies, accomplishments and "
    "other general conditions of their respective offices."
)
SUBJECT_LINE = (
    "REQUIRING ALL HEADS OF DEPARTMENTS TO SUBMIT INVENTORY REPORTS ON OR BEFORE DECEMBER 27, 1965."
)
DIRECTED = (
    "For the purpose of giving the incoming Administration a correct picture of the situation in their "
    "respective offices, it is hereby directed that all heads of departments, bureaus, offices, agencies and "
    "government-owned or controlled corporations submit to this Office an inventory of pending matters, a "
    "general outline of policies, accomplishments and other general conditions of their respective offices."
)
# One Chinese clause of 180 characters, no comma in it: nothing to cut at but its conjunctions.
ZH_ITEMS = (
    "组织开展校园安全隐患大排查大整治专项行动和燃气安全隐患排查工作和防汛抗旱各项措施和疫情防控常态化工作"
)
ZH_LONG = "各区县教育行政部门要" + "和".join([ZH_ITEMS] * 3) + "。"


def _words(text: str) -> list[str]:
    return re.findall(r"[\w'’-]+", text.lower())


def _said(out: str, text: str, lang: Lang) -> None:
    """Nothing invented: every English word of out is the text's; every Chinese piece is in the text once the
    dropped words (compress.drop_words) are gone from both."""
    if lang == "en":
        known = set(_words(text))
        assert all(w in known for w in _words(out)), out
        return
    source = "".join(fold(drop_words(text, "zh")).split())
    for piece in re.split(r"[，；。,;]", out):
        assert "".join(fold(drop_words(piece, "zh")).split()) in source, piece


def _fits(text: str, title: str, lang: Lang) -> None:
    s = summarize(title, text)
    assert s.headline and s.summary
    assert len(s.headline) <= HEADLINE_LIMIT and len(s.summary) <= default_budget(text)
    _said(s.headline, text, lang)
    _said(s.summary, text, lang)


def test_a_sentence_just_over_the_budget_is_summarised_without_its_purpose() -> None:
    # 157 characters against a budget of 150: the purpose opener goes, the duty stays whole.
    s = summarize("Memo", PURPOSE)
    assert s.summary == "All heads of departments must submit to this Office an inventory of pending matters."
    _fits(PURPOSE, "Memo", "en")


def test_one_long_sentence_is_cut_to_the_budget() -> None:
    s = summarize("Memo", LONG_DUTY)
    assert s.summary.startswith("All heads of departments, bureaus, offices, agencies")
    assert "must submit to this Office an inventory" in s.summary
    _fits(LONG_DUTY, "Memo", "en")
    _fits(LONG_DUTY, MEMO, "en")


def test_an_all_capitals_subject_line_is_a_headline() -> None:
    # How Philippine and Indian orders and circulars state their subject.
    s = summarize(MEMO, SUBJECT_LINE)
    assert s.headline == SUBJECT_LINE
    _fits(SUBJECT_LINE, "Memo", "en")


def test_a_subject_line_needs_words_and_a_verb() -> None:
    assert _caps_subject("REQUIRING ALL HEADS OF DEPARTMENTS TO SUBMIT INVENTORY REPORTS")
    assert _caps_subject("ALL OFFICES SHALL REMAIN CLOSED ON MONDAY")
    assert not _caps_subject("SPRINGFIELD, IL")  # a dateline
    assert not _caps_subject("NOTICE TO ALL HEADS OF DEPARTMENTS AND OFFICES")  # a label: no verb
    assert not _caps_subject("Requiring all heads of departments to submit inventory reports")


def test_a_purpose_opener_and_a_directed_frame_compress_to_the_directive() -> None:
    assert compress(DIRECTED, "en").startswith(
        "All heads of departments, bureaus, offices, agencies and government-owned or controlled corporations "
        "submit to this Office an inventory of pending matters"
    )
    assert compress(PURPOSE, "en") == (
        "All heads of departments must submit to this Office an inventory of pending matters"
    )
    s = summarize(MEMO, DIRECTED)
    assert s.headline.startswith("All heads of departments") and "submit to this Office" in s.headline
    _fits(DIRECTED, MEMO, "en")
    # ... but not one that dates, nor one before no frame or modal within reach, nor before too little
    dated = "For the purpose of the elections on May 3, 2031, all heads of offices must submit their lists."
    assert compress(dated, "en") == dated.rstrip(".")  # a date is never dropped
    # no frame after it, no modal within reach: it defines, it is no purpose
    alone = "For the purpose of this circular, heads of offices include the directors of bureaus"
    assert compress(alone, "en") == alone
    bare = "For the purpose of planning, it is hot."  # nothing after the frame worth a clause
    assert compress(bare, "en") == bare.rstrip(".")


def test_one_long_chinese_clause_is_cut_between_its_items() -> None:
    s = summarize("通知", ZH_LONG)
    assert s.headline and s.summary
    for out in (s.headline, s.summary):
        assert out.startswith("各区县教育行政部门要组织开展")
        assert out.rstrip("。").endswith(("专项行动", "排查工作", "各项措施", "常态化工作"))
    _fits(ZH_LONG, "通知", "zh")
    _fits(ZH_LONG * 4, "关于开展工作的通知", "zh")


def test_a_notice_of_one_line_without_an_end_mark_is_its_own_sentence() -> None:
    # A line without an end mark is a heading beside sentences; alone, it is the notice.
    for title, line, lang in (
        ("Memo", "All offices must close early on Friday for the staff party", "en"),
        (MEMO, SUBJECT_LINE.rstrip("."), "en"),
        ("通知", "各单位要于3月20日前将参会人员名单报送市政府办公室", "zh"),
    ):
        s = summarize(title, line)
        assert s.headline.rstrip(".。") == line and s.summary.rstrip(".。") == line
        _fits(line, title, lang)  # type: ignore[arg-type]
    # ... but bare outline headings name topics, no content
    assert summarize("通知", "一、总体目标\n二、工作任务").summary == ""


def test_clip_cuts_at_a_clause_a_conjunction_or_a_word() -> None:
    text = "All offices must submit the lists of pending matters, their accomplishments and their plans"
    assert clip(text, 200, "en") == text
    assert clip(text, 60, "en") == "All offices must submit the lists of pending matters"  # not "… the lists"
    assert (
        clip(text, 80, "en") == "All offices must submit the lists of pending matters, their accomplishments"
    )
    names = "The Department of Education and the Commission on Higher Education and the Technical Education Authority"
    assert clip(names, 70, "en") == "The Department of Education and the Commission on Higher Education"
    # a word boundary, never a word cut in two, nor a dangling preposition or article
    assert clip("Inventories of all pending matters of every office of the government", 38, "en") == (
        "Inventories of all pending matters"
    )
    assert clip("各单位要组织开展安全隐患排查以及整改工作", 17, "zh") == "各单位要组织开展安全隐患排查"
    assert (
        clip("各单位要组织开展安全隐患排查，并将结果于月底前报送市教育局", 25, "zh")
        == "各单位要组织开展安全隐患排查"
    )
    assert clip("abc", 0, "en") == ""


_EN_SUBJECTS = [
    "All heads of departments",
    "Every landlord in the district",
    "Students enrolled in the spring term",
    "Contractors working on public roads",
    "Drivers of heavy goods vehicles",
]
_EN_MODALS = ["must", "shall", "are required to", "are directed to", "should"]
_EN_VERBS = ["submit", "file", "renew", "register", "pay", "present"]
_EN_OBJECTS = [
    "an inventory of pending matters",
    "their annual returns",
    "the signed consent form",
    "all fees",
]
_EN_TAILS = [
    "",
    " to this Office",
    " on or before December 27, 1965",
    " at the main counter of the town hall",
]
_EN_OPENERS = [
    "",
    "For the purpose of planning the transition, ",
    "Effective immediately, ",
    "To ensure order, ",
]
_EN_LIST = ["bureaus", "offices", "agencies", "schools", "hospitals", "councils", "boards", "commissions"]
_ZH_SUBJECTS = ["各区县教育行政部门", "全市各级各类学校", "各有关单位", "各街道办事处"]
_ZH_MODALS = ["要", "须", "必须", "应当"]
_ZH_VERBS = ["组织开展", "全面排查", "及时上报", "严格执行"]
_ZH_OBJECTS = [
    "校园安全隐患大排查大整治专项行动",
    "燃气安全隐患排查工作",
    "防汛抗旱各项措施",
    "年度财务报表和相关材料",
]
_ZH_TAILS = ["", "，于2031年3月31日前完成", "，并将结果报送市教育局"]
_ZH_OPENERS = [
    "",
    "为进一步加强全市各级各类学校的安全管理工作，切实保障广大师生的生命财产安全，",
    "根据上级有关文件精神，",
]


def _en_sentence(r: random.Random) -> str:
    subject = r.choice(_EN_SUBJECTS)
    if r.random() < 0.4:  # a long list of who is bound
        subject += ", " + ", ".join(r.sample(_EN_LIST, r.randint(2, 7))) + " and corporations"
    body = f"{r.choice(_EN_MODALS)} {r.choice(_EN_VERBS)} {r.choice(_EN_OBJECTS)}{r.choice(_EN_TAILS)}"
    body += r.choice(_EN_TAILS)
    if r.random() < 0.3:
        body += ", " + ", ".join(r.sample(_EN_OBJECTS, r.randint(1, 4)))
    kind = r.random()
    if kind < 0.2:
        return f"{r.choice(_EN_OPENERS[1:])}it is hereby directed that {subject.lower()} {body}."
    if kind < 0.35:
        return f"REQUIRING {subject} TO {r.choice(_EN_VERBS)} {r.choice(_EN_OBJECTS)}{r.choice(_EN_TAILS)}.".upper()
    opener = r.choice(_EN_OPENERS)
    return f"{opener}{subject[0].lower() if opener else subject[0]}{subject[1:]} {body}."


def _zh_sentence(r: random.Random) -> str:
    if r.random() < 0.3:  # one long clause without a comma
        items = "和".join(r.choice(_ZH_VERBS) + r.choice(_ZH_OBJECTS) for _ in range(r.randint(3, 8)))
        return f"{r.choice(_ZH_OPENERS)}{r.choice(_ZH_SUBJECTS)}{r.choice(_ZH_MODALS)}{items}。"
    core = f"{r.choice(_ZH_SUBJECTS)}{r.choice(_ZH_MODALS)}{r.choice(_ZH_VERBS)}{r.choice(_ZH_OBJECTS)}"
    return f"{r.choice(_ZH_OPENERS)}{core}{r.choice(_ZH_TAILS)}{r.choice(_ZH_TAILS)}。"


def test_generated_notices_always_get_a_headline_and_a_summary() -> None:
    # Property: a notice holding a sentence of 20 characters or more gets both, within their limits, and
    # says nothing the notice does not.
    r = random.Random(9)
    for _ in range(160):
        n = r.randint(1, 3)
        if r.random() < 0.5:
            text, title, lang = "".join(_zh_sentence(r) for _ in range(n)), r.choice(["通知", ""]), "zh"
        else:
            text, title, lang = (
                " ".join(_en_sentence(r) for _ in range(n)),
                r.choice(["Memo", MEMO, ""]),
                "en",
            )
        assert max(len(s) for s in re.split(r"(?<=[.。])\s*", text)) >= 20
        _fits(text, title, lang)  # type: ignore[arg-type]
    # A contact line alone is no content: nothing to cut, nothing said.
    assert summarize("Flood notice", "For questions about the closure, call 555-0100.").summary == ""
    assert summarize("", "").headline == ""


def test_the_new_patterns_are_linear_on_hostile_lines() -> None:
    start = time.perf_counter()
    for line in ("For the purpose of " + "a" * 100_000, "for the purpose of " + "x " * 50_000 + ","):
        compress(line, "en")
    _caps_subject("A" * 100_000)
    _caps_subject("AB " * 33_000)
    clip("a " * 50_000, 150, "en")
    clip("和" * 100_000, 150, "zh")
    clip("," * 100_000, 150, "en")
    assert time.perf_counter() - start < 1.0

"""Metadata, date and deadline extraction of the summariser, on hand-written snippets."""

from __future__ import annotations

import datetime as dt

from bot.summarize import summarize
from bot.summarize.lang import detect_lang, fold
from bot.summarize.meta import find_doc_number, find_issuer, notice_title


def test_doc_number_variants_and_citations() -> None:
    assert find_doc_number("国务院办公厅关于X的通知（国办发〔2023〕11号）", "") == "国办发〔2023〕11号"
    assert find_doc_number("", "湘政办发[2009]24号\n各市州人民政府：") == "湘政办发[2009]24号"
    assert find_doc_number("", "人社部发［2021］第5号") == "人社部发［2021］第5号"
    # A number cited after 《…》 or after 根据 belongs to another document.
    assert find_doc_number("", "根据《国务院关于X的通知》(国发〔2020〕3号)精神，现通知如下") is None


def test_issuer_from_label_title_and_text() -> None:
    assert (
        find_issuer("", "发布日期:2031-05-12 信息来源:临江市人民政府办公室\n", "zh") == "临江市人民政府办公室"
    )
    assert find_issuer("江北省人民政府办公厅关于做好渡口安全工作的通知", "", "zh") == "江北省人民政府办公厅"
    assert (
        find_issuer("港务联合会下发通知", "近日，全国港务联合会下发《关于X的通知》。", "zh")
        == "全国港务联合会"
    )
    assert find_issuer(
        "", "PORT KESSEL – The Veland Department of Harbours today announced a rule.", "en"
    ) == ("Veland Department of Harbours")
    assert find_issuer("", "a bulletin issued by the Secretariat of the Harbour Board.", "en") == (
        "Secretariat of the Harbour Board"
    )
    assert find_issuer("", "没有发文单位的文字。", "zh") is None


def test_title_of_a_report_is_the_notice_in_book_marks() -> None:
    assert notice_title("某部下发《关于做好X工作的通知》", "") == "关于做好X工作的通知"
    assert notice_title("某市关于印发《Y方案》的通知", "") == "某市关于印发《Y方案》的通知"
    assert notice_title("Heat alert issued", "text") == "Heat alert issued"


def test_language_and_script_folding() -> None:
    assert detect_lang("各單位必須確保安全。") == "zh"
    assert detect_lang("Employers must post notices.") == "en"
    assert fold("《通知》強調，嚴禁") == "《通知》强调,严禁"
    assert len(fold("職業安全")) == len("職業安全")


def test_deadlines_chinese_and_english() -> None:
    zh = summarize(
        "通知",
        "各单位要于2024年3月31日前报送材料。本办法自2024年5月1日起施行。截至2024年6月30日，停止受理申请。",
    )
    assert [d.date for d in zh.deadlines] == ["2024-03-31", "2024-05-01", "2024-06-30"]
    assert "报送材料" in zh.deadlines[0].sentence
    en = summarize(
        "Rule",
        "Employers must file reports by March 31, 2024. The rule is effective July 1, 2024. We met on May 2.",
    )
    assert [d.date for d in en.deadlines] == ["2024-03-31", "2024-07-01"]


def test_event_dates_are_not_deadlines() -> None:
    s = summarize(
        "报道", "北京3月2日讯 3月1日，市政府印发《关于X的通知》。通知要求各区要做好检查。", published=None
    )
    assert s.deadlines == ()


def test_published_prefers_the_date_line_then_signature_then_given() -> None:
    assert summarize("t", "2031年05月09日 08:42 江北日报网\n正文要做好工作。").published == "2031-05-09"
    signed = summarize("t", "各单位要做好工作。\n市人民政府办公室\n二〇〇八年六月四日\n")
    assert signed.published == "2008-06-04"
    given = summarize("t", "各单位要做好工作。", published=dt.date(2024, 1, 2))
    assert given.published == "2024-01-02"

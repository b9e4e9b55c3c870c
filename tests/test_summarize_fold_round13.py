"""Folding, round 13: 給 folds to 给 (lang.fold), so a traditional cover letter's directive ("現將辦法轉發給你們")
matches cues.COVER as its simplified form does. Hand-written texts only."""

from __future__ import annotations

from bot.summarize import cues
from bot.summarize.lang import fold


def test_gei_folds_to_its_simplified_form_keeping_offsets() -> None:
    text = "請把表格交給辦公室"
    assert fold(text) == "请把表格交给办公室"
    assert len(fold(text)) == len(text)
    long = "交給辦公室，" * 100  # past lang._LONG, the other path of fold
    assert fold(long) == "交给办公室," * 100


def test_a_traditional_cover_letter_matches_on_folded_text() -> None:
    assert cues.COVER.search(fold("現將辦法轉發給你們，請遵照執行。"))
    assert cues.COVER.search(fold("現(xiàn)將辦法轉發(fā)給你們，請遵照執行。"))
    assert not cues.COVER.search(fold("現將辦法轉發給各村參照。"))

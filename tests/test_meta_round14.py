"""Metadata, round 14 (issue #9): a government page that names its body only by the acronym its own address spells
("apply on the LTA website" on www.lta.gov.xx) is that body's; never on another kind of host, a news site's path, a
capitals heading's word, an address or e-mail, nor over a body the page names itself. Hand-written texts only."""

from __future__ import annotations

import time

import pytest

from bot.summarize import meta_en, summarize

_TITLE = "Parking permits renewed online"
_PAGE = (
    "Date: 12 May 2025\n\n"
    "Residents' parking permits expiring in June can be renewed from 1 June 2025. "
    "Renewals are made on the LTA portal or at a service counter.\n"
    "Bring your vehicle log book.\n"
)


@pytest.mark.parametrize(
    "url",
    [
        "https://www.lta.gov.xx/news/permits",
        "https://lta.gov/permits",
        "http://www.lta.govt.xx/permits",
        "https://media.lta.gov.xx/2025/permits",
        "https://archive.example.net/2025/http:/www.lta.gov.xx/permits",
        "https://www.lta.gc.xx/permits",
    ],
)
def test_site_acronym_names_the_page_owner(url: str) -> None:
    assert summarize(_TITLE, _PAGE, url).issuer == "LTA"


def test_site_acronym_spelled_out_when_the_text_spells_it() -> None:
    text = _PAGE + "Service counters of the Land Transport Authority open at 9am.\n"
    assert summarize(_TITLE, text, "https://www.lta.gov.xx/p").issuer == "Land Transport Authority"


@pytest.mark.parametrize(
    ("url", "text"),
    [
        ("https://www.lta.com/news/permits", _PAGE),
        ("https://lta.org/permits", _PAGE),
        ("https://www.citynews.example/lta.gov.xx/permits", _PAGE),
        ("https://www.lta.gov.xx/permits", _PAGE.replace("the LTA portal", "our portal")),
        ("https://www.lta.gov.xx/permits", _PAGE.replace("the LTA portal", "lta.gov.xx")),
        ("https://www.lta.gov.xx/permits", _PAGE.replace("the LTA portal", "permits@LTA.example")),
        ("https://www.ohio.gov/fair", "OHIO STATE FAIR\nGates open at 9am on Saturday.\n"),
        ("https://www.gov.xx/permits", _PAGE.replace("LTA", "WWW")),
        ("", _PAGE),
    ],
)
def test_site_acronym_refused(url: str, text: str) -> None:
    assert summarize(_TITLE, text, url).issuer is None


def test_page_named_body_outranks_its_address() -> None:
    text = "From: Parking Services Unit\n" + _PAGE
    assert summarize(_TITLE, text, "https://www.lta.gov.xx/p").issuer == "Parking Services Unit"


@pytest.mark.parametrize(
    "url",
    ["a" * 100_000 + ".gov", ".a" * 50_000, "//ab.gov" * 12_500, "ab." * 33_000 + "gov", "-" * 100_000],
)
def test_site_label_linear(url: str) -> None:
    start = time.perf_counter()
    list(meta_en._SITE_LABEL.finditer(url))
    meta_en._site_owner(url, "The AB office. " * 6_000)
    assert time.perf_counter() - start < 1.0

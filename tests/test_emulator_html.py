"""Pure tests of the emulator's Telegram-HTML parser and flood limiter (no sockets)."""

from __future__ import annotations

import pytest

from bot.emulator.html import HtmlError, parse_html
from bot.emulator.limits import FloodLimiter, LimitConfig
from bot.emulator.state import command_entities


def test_html_entities_have_utf16_offsets() -> None:
    text, entities = parse_html('😀 <b>bold</b> &amp; <a href="https://x.cn/?a=1&amp;b=2">link</a>')
    assert text == "😀 bold & link"
    # The emoji is two UTF-16 code units, so "bold" starts at 3, not 2.
    assert entities == [
        {"type": "bold", "offset": 3, "length": 4},
        {"type": "text_link", "url": "https://x.cn/?a=1&b=2", "offset": 10, "length": 4},
    ]


def test_html_nested_and_pre_with_language() -> None:
    text, entities = parse_html('<b>a<i>b</i></b><pre><code class="language-python">x = 1</code></pre>')
    assert text == "abx = 1"
    assert {"type": "italic", "offset": 1, "length": 1} in entities
    assert {"type": "pre", "offset": 2, "length": 5, "language": "python"} in entities
    assert not any(e["type"] == "code" for e in entities)


@pytest.mark.parametrize(
    ("html", "error"),
    [
        ("a < b", 'Unsupported start tag "" at byte offset 2'),
        ("line<br>break", 'Unsupported start tag "br" at byte offset 4'),
        ("<b>open", 'Can\'t find end tag corresponding to start tag "b"'),
        ("<b>x</i>", 'Unmatched end tag at byte offset 4, expected "</b>", found "</i>"'),
        ("x</b>", "Unexpected end tag at byte offset 1"),
        ("AT&T", 'unescaped "&" at byte offset 2'),
        ("<span>s</span>", 'Tag "span" must have class "tg-spoiler"'),
    ],
)
def test_html_errors_name_the_problem(html: str, error: str) -> None:
    with pytest.raises(HtmlError, match="^" + error.replace("(", r"\(")):
        parse_html(html)


def test_html_lenient_keeps_bare_ampersand_like_telegram() -> None:
    assert parse_html("AT&T &nbsp;", strict=False) == ("AT&T &nbsp;", [])


def test_command_entities() -> None:
    assert command_entities("/add@bot https://x /two") == [
        {"type": "bot_command", "offset": 0, "length": 8},
        {"type": "bot_command", "offset": 19, "length": 4},
    ]
    assert command_entities("no a/b commands") == []


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_limiter_burst_then_retry_after_then_recovers() -> None:
    clock = FakeClock()
    limiter = FloodLimiter(LimitConfig(per_chat_rate=1.0, per_chat_burst=3), clock)
    assert [limiter.acquire(1, False) for _ in range(3)] == [None, None, None]
    assert limiter.acquire(1, False) == 1
    assert limiter.acquire(2, False) is None  # another chat has its own bucket
    clock.now += 1.0
    assert limiter.acquire(1, False) is None


def test_limiter_well_paced_sender_is_never_limited() -> None:
    clock = FakeClock()
    limiter = FloodLimiter(LimitConfig(), clock)
    # 30 chats, one message each per second for a minute: exactly the global rate.
    for _ in range(60):
        for chat in range(30):
            assert limiter.acquire(chat, False) is None
        clock.now += 1.0


def test_limiter_group_per_minute_and_global() -> None:
    clock = FakeClock()
    limiter = FloodLimiter(LimitConfig(per_chat_burst=100, per_chat_rate=100, group_per_minute=20), clock)
    assert all(limiter.acquire(-5, True) is None for _ in range(20))
    assert limiter.acquire(-5, True) == 3  # one token per 3 s
    limiter = FloodLimiter(LimitConfig(global_rate=30, global_burst=30), clock)
    assert all(limiter.acquire(chat, False) is None for chat in range(30))
    assert limiter.acquire(99, False) == 1
    limiter.config.enabled = False
    assert limiter.acquire(99, False) is None

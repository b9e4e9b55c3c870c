"""JSON listings against hostile or misleading bodies: JSONP unwrapping in linear time, menus beside lists."""

from __future__ import annotations

import json

import pytest

from bot.errors import SourceError
from bot.sources.jsonlist import load_json

API = "http://127.0.0.1/api/list"


@pytest.mark.parametrize(
    "text",
    [
        'cb({"a": [1]});',
        'jQuery1830_1714({"a": [1]})',
        '  window.app.cb ( {"a": [1]} ) ;\n',
        '$cb(\n{"a": [1]}\n);  \r\n',
    ],
)
def test_jsonp_answers_are_unwrapped(text: str) -> None:
    assert load_json(text.encode(), "application/javascript", API) == {"a": [1]}


@pytest.mark.parametrize(
    "text", ['cb{"a": 1}', 'cb({"a": 1}', 'c b({"a": 1})', '9cb({"a": 1})', 'cb({"a": 1}) x']
)
def test_what_is_not_jsonp_is_not_json(text: str) -> None:
    with pytest.raises(SourceError, match="did not send valid JSON"):
        load_json(text.encode(), "application/javascript", API)


def test_a_megabyte_whitespace_run_in_jsonp_is_read_in_linear_time() -> None:
    # A lazy regex group between whitespace classes backtracked quadratically here (40 KB: 3.6 s of CPU, this
    # megabyte: hours), holding the GIL so that run_parser's time limit could not fire: these must return.
    run = " " * 1_000_000
    with pytest.raises(SourceError, match="did not send valid JSON"):
        load_json(f"cb({{{run}x".encode(), "application/javascript", API)
    padded = f"cb({run}{json.dumps({'a': [1]})}{run}){run};{run}"
    assert load_json(padded.encode(), "application/javascript", API) == {"a": [1]}

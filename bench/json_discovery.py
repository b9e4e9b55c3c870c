"""CPU seconds JSON listing discovery spends on 5 MB bodies shaped to cost it most: many arrays of wide members."""

from __future__ import annotations

import json
import statistics
import time
from typing import Any

from bot.errors import SourceError
from bot.sources.jsonlist import find_json_links, load_json

API = "http://127.0.0.1/api/list"
TARGET = 5_000_000


def _wide(i: int, a: int, width: int, shared: bool) -> dict[str, str]:
    # Marked-up, title-like strings and links: every key is a plausible title or link to score.
    return {
        (f"f{j}" if shared else f"f{i}_{j}"): (
            f"<b>关于第{j}项工作</b>的通知{i}" if j % 3 else f"/a/{a}/{i}/{j}.html"
        )
        for j in range(width)
    }


def _body(shared: bool) -> bytes:
    arrays: list[list[dict[str, str]]] = []
    data: dict[str, Any] = {"data": arrays}
    while True:
        arrays.append([_wide(i, len(arrays), 80, shared) for i in range(50)])
        body = json.dumps(data, ensure_ascii=False).encode()
        if len(body) >= TARGET:
            return body


def main() -> None:
    figures: dict[str, float] = {}
    for name, shared in (("80 keys shared by 50 members", True), ("80 keys per member, all distinct", False)):
        body = _body(shared)
        data = load_json(body, "application/json", API)
        runs = []
        for _ in range(3):
            start = time.process_time()
            try:
                found: int | str = len(find_json_links(data, API))
            except SourceError as exc:
                found = str(exc)[:40]
            runs.append(time.process_time() - start)
        print(
            f"{name}: {len(body) / 1e6:.1f} MB, discovery median {statistics.median(runs):.2f} CPU s ({found})"
        )
        figures["shared_keys_s" if shared else "distinct_keys_s"] = round(statistics.median(runs), 3)
    print(json.dumps({"bench": "json_discovery", **figures}))


if __name__ == "__main__":
    main()

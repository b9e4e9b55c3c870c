"""`main.py search` end to end: a config in tmp_path, a database filled first, the CLI run as a subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from storage import open_store
from storage.models import NewNotice, SourceSpec

ROOT = Path(__file__).resolve().parent.parent
NOW = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)


def cli(config: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "main.py", "search", "--config", str(config), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


async def test_search_command_prints_hits_as_json_and_text(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[storage]\npath = "notices.sqlite3"\n', encoding="utf-8")
    store = await open_store(tmp_path / "notices.sqlite3")
    try:
        src = await store.add_source(SourceSpec(name="acftu", url="http://127.0.0.1/a"))
        items = [
            NewNotice(
                key=f"u:{i}",
                url=f"http://127.0.0.1/n/{i}",
                title=f"关于做好疫情防控工作的通知（第{i}号）",
                text="各级工会要做好疫情防控工作。",
                published=NOW,
                content_hash=str(i),
                dup_key=str(i),
            )
            for i in range(7)
        ]
        await store.store_notices(src.id, items, now=NOW, deliver=False, notify_updates=False)
    finally:
        await store.close()

    out = cli(config, "疫情", "--json")
    assert out.returncode == 0, out.stderr
    hits = json.loads(out.stdout)
    assert len(hits) == 5
    assert set(hits[0]) == {"id", "source", "title", "url", "published", "snippet"}
    assert hits[0]["source"] == "acftu" and hits[0]["published"] == "2026-11-01"
    assert "[疫情]" in hits[0]["snippet"]
    page2 = json.loads(cli(config, "疫情", "--json", "--page", "2").stdout)
    assert len(page2) == 2 and not {h["id"] for h in page2} & {h["id"] for h in hits}

    text = cli(config, '"疫情防控"', "工会")
    assert text.returncode == 0 and "7 notices match; page 1 of 2" in text.stdout

    assert json.loads(cli(config, "NEAR(", "--json").stdout) == []  # FTS5 syntax is just text
    long = cli(config, "疫" * 2000)
    assert long.returncode == 1 and "at most 200" in long.stderr and "Traceback" not in long.stderr

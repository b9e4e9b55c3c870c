"""`main.py poll` and `main.py sources` as a user runs them: subprocesses, a config file, real sources."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from bot.models import SourceSpec
from bot.opml import export_opml, parse_opml
from tests.chat_env import rss
from tests.sources_server import NoticeServer, http_server_fixture  # noqa: F401

ROOT = Path(__file__).resolve().parents[1]


def main_py(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args], cwd=cwd, capture_output=True, text=True, timeout=120
    )


def test_poll_once_prints_each_new_notice_once(http_server: NoticeServer, tmp_path: Path) -> None:
    items = [("a", "关于做好春节期间安全生产工作的通知", "各单位要落实安全生产责任。" * 10)]
    http_server.add("/feed.xml", rss(items), content_type="application/rss+xml")
    config = tmp_path / "config.toml"
    config.write_text(
        f'[storage]\npath = "db.sqlite3"\n[[sources]]\nname = "acftu"\nurl = "{http_server.url("/feed.xml")}"\n',
        encoding="utf-8",
    )
    first = main_py("poll", "--once", "--json", "--config", str(config), cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    rows = [json.loads(line) for line in first.stdout.splitlines()]
    assert [(r["source"], r["title"], r["published"]) for r in rows] == [
        ("acftu", "关于做好春节期间安全生产工作的通知", "2020-02-03")
    ]
    assert set(rows[0]) == {"id", "source", "title", "url", "published"}
    http_server.update(
        "/feed.xml", body=rss([("b", "关于做好节后复工的通知", "要做好复工准备。" * 10), *items])
    )
    # Not due yet: the interval (10m by default) has not passed.
    assert main_py("poll", "--once", "--json", "--config", str(config), cwd=tmp_path).stdout == ""
    listed = json.loads(main_py("sources", "list", "--json", "--config", str(config), cwd=tmp_path).stdout)
    assert (
        listed[0]["name"] == "acftu" and listed[0]["detected_kind"] == "feed" and listed[0]["failures"] == 0
    )


def test_sources_add_list_remove_and_opml_round_trip(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[storage]\npath = "db.sqlite3"\n', encoding="utf-8")
    c = ("--config", str(config))
    added = main_py("sources", *c, "add", "gov", "https://www.example.gov.cn/zhengce/", "--kind", "page",
                    "--selector", "ul.list a", "--interval", "30m", cwd=tmp_path)  # fmt: skip
    assert added.returncode == 0, added.stderr
    dup = main_py("sources", *c, "add", "gov", "https://other.example/", cwd=tmp_path)
    assert dup.returncode == 1 and "already exists" in dup.stderr
    bad = main_py("sources", *c, "add", "bad name", "https://x.example/", cwd=tmp_path)
    assert bad.returncode == 2 and "name" in bad.stderr
    opml = tmp_path / "out.opml"
    assert main_py("sources", *c, "export-opml", str(opml), cwd=tmp_path).returncode == 0
    assert main_py("sources", *c, "remove", "gov", cwd=tmp_path).returncode == 0
    assert "no source named" in main_py("sources", *c, "remove", "gov", cwd=tmp_path).stderr
    imported = main_py("sources", *c, "import-opml", str(opml), cwd=tmp_path)
    assert "imported 1" in imported.stdout
    [row] = json.loads(main_py("sources", *c, "list", "--json", cwd=tmp_path).stdout)
    assert (row["name"], row["kind"], row["interval"]) == ("gov", "page", 1800.0)


def test_opml_keeps_page_sources_and_reads_other_readers_files() -> None:
    specs = [
        SourceSpec(name="feed", url="https://a.example/rss.xml", kind="feed"),
        SourceSpec(
            name="page", url="https://b.example/list/", kind="page", item_selector="td > a", interval=900
        ),
    ]
    assert parse_opml(export_opml(specs)) == specs
    foreign = b"""<?xml version="1.0"?><opml version="1.0"><body><outline text="News">
    <outline text="Ministry &amp; Co" type="rss" xmlUrl="https://c.example/feed"/></outline></body></opml>"""
    [spec] = parse_opml(foreign, taken={"ministry-co"})
    assert spec.url == "https://c.example/feed" and spec.kind == "feed" and spec.name == "ministry-co-2"


def test_poll_on_schedule_until_stopped(http_server: NoticeServer, tmp_path: Path) -> None:
    import signal

    items = [("a", "关于做好春节期间安全生产工作的通知", "各单位要落实安全生产责任。" * 10)]
    http_server.add("/feed.xml", rss(items), content_type="application/rss+xml")
    config = tmp_path / "config.toml"
    config.write_text(
        f'[storage]\npath = "db.sqlite3"\n[poll]\ninterval = "1s"\n'
        f'[[sources]]\nname = "acftu"\nurl = "{http_server.url("/feed.xml")}"\n',
        encoding="utf-8",
    )
    with subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "poll", "--json", "--tick", "0.3", "--config", str(config)],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    ) as proc:  # fmt: skip
        try:
            assert proc.stdout is not None
            first = json.loads(proc.stdout.readline())
            assert first["title"] == "关于做好春节期间安全生产工作的通知"
            http_server.update(
                "/feed.xml", body=rss([("b", "关于节后复工的通知", "要做好复工准备。" * 10), *items])
            )
            second = json.loads(proc.stdout.readline())  # the scheduler polls again by itself
            assert second["title"] == "关于节后复工的通知"
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.communicate(timeout=30)
    assert proc.returncode == 0

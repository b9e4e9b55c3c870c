"""Config: defaults, every documented key, env overrides, and one clear line with exit code 2 on errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bot.config import load_config, parse_duration
from bot.errors import ConfigError

ROOT = Path(__file__).resolve().parents[1]


def test_example_config_loads_and_documents_every_key() -> None:
    config = load_config(ROOT / "config.example.toml", env={})
    assert config.poll.interval == 600 and config.sources[0].interval == 900
    text = (ROOT / "config.example.toml").read_text(encoding="utf-8")
    from bot.config import DeliveryConfig, PollConfig, SummaryConfig, TelegramConfig
    from bot.models import SourceSpec

    assert config.summary.headline == 150
    for cls in (TelegramConfig, PollConfig, DeliveryConfig, SourceSpec, SummaryConfig):
        for key in cls.__slots__:
            assert f"\n{key} = " in text, f"{cls.__name__}.{key} is not documented in config.example.toml"


def test_defaults_without_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    config = load_config(None, env={"TELEGRAM_BOT_TOKEN": "123:abc"})
    assert config.telegram.token == "123:abc" and config.sources == ()


@pytest.mark.parametrize(
    ("value", "seconds"), [("90s", 90), ("10m", 600), ("1h", 3600), ("1h30m", 5400), (45, 45), ("1.5h", 5400)]
)
def test_durations(value: object, seconds: float) -> None:
    assert parse_duration(value, "k") == seconds


@pytest.mark.parametrize("value", ["", "10x", "m10", "-5s", 0, True, "10m garbage"])
def test_bad_durations_name_the_key(value: object) -> None:
    with pytest.raises(ConfigError, match=r"poll\.interval"):
        parse_duration(value, "poll.interval")


@pytest.mark.parametrize(
    ("toml", "key"),
    [
        ('[poll]\ninterval = "soon"\n', "poll.interval"),
        ("[poll]\nconcurrency = 0\n", "poll.concurrency"),
        ("[telegram]\nadmins = ['me']\n", "telegram.admins"),
        ("[telegram]\ntokn = 'x'\n", "telegram.tokn"),
        ('[[sources]]\nname = "a b"\nurl = "http://x/"\n', "sources[0].name"),
        ('[[sources]]\nname = "a"\nurl = "ftp://x/"\n', "sources[0].url"),
        ('[[sources]]\nname = "a"\nurl = "http://x/"\nkind = "rss"\n', "sources[0].kind"),
        ("[delivery]\nrate = 100\n", "delivery.rate"),
        ("[summary]\nheadline = 10\n", "summary.headline"),
        # A shared store's lease must outlast the longest poll, or two instances may poll one source.
        ('[storage]\nurl = "postgresql://db/n"\nlease = "10m"\n', "storage.lease"),
        ('[storage]\nurl = "postgresql://db/n"\nlease = "5m"\n[poll]\ndeadline = "5m"\n', "storage.lease"),
        ("[oops]\n", "(top level).oops"),
        ("not toml = = \n", "(file)"),
    ],
)
def test_errors_name_the_key(tmp_path: Path, toml: str, key: str) -> None:
    path = tmp_path / "c.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(path, env={})
    assert f"'{key}'" in str(info.value)


def test_cli_reports_a_bad_key_in_one_line_with_exit_code_2(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text('[poll]\ninterval = "often"\n', encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "sources", "--config", str(path), "list"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert proc.returncode == 2
    assert proc.stderr.strip().count("\n") == 0 and "poll.interval" in proc.stderr
    assert "Traceback" not in proc.stderr
    missing = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "sources", "--config", str(tmp_path / "nope.toml"), "list"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=60,
    )
    assert missing.returncode == 2 and "nope.toml" in missing.stderr


def test_a_lease_longer_than_the_deadline_or_a_local_store_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    shared = '[storage]\nurl = "postgresql://db/n"\nlease = "5m"\n[poll]\ndeadline = "4m"\n'
    path.write_text(shared, encoding="utf-8")
    assert load_config(path, env={}).storage.lease == 300
    # SQLite: one instance, no lease to outlast.
    path.write_text('[storage]\nlease = "5m"\n', encoding="utf-8")
    assert load_config(path, env={}).storage.lease == 300
    # The defaults, with a shared store from the environment.
    path.write_text("", encoding="utf-8")
    lease = load_config(path, env={"NOTICEBOT_DATABASE_URL": "postgresql://db/n"}).storage.lease
    assert lease > load_config(path, env={}).poll.deadline

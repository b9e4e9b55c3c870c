"""Configuration: TOML read with tomllib into frozen, typed objects; errors name the key."""

from __future__ import annotations

import math
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast, get_args

from bot.errors import ConfigError
from bot.models import SourceKind, SourceSpec
from bot.sources.jsonbody import MAX_BODY
from bot.sources.jsonfields import CONFIG_KEYS, METHODS, JsonFields, check_post, parse_fields

__all__ = [
    "AttachmentConfig",
    "Config",
    "DeliveryConfig",
    "PollConfig",
    "StorageConfig",
    "TelegramConfig",
    "load_config",
    "parse_duration",
]

DEFAULT_PATH = Path("config.toml")
_DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)")
_UNIT = {"ms": 0.001, "s": 1.0, "m": 60.0, "h": 3600.0, "d": 86400.0}
_NAME = re.compile(r"^[A-Za-z0-9_-]{1,32}$")


def unique_name(text: str, taken: set[str]) -> str:
    """A valid source name made from any text (letters, digits, _ and -), suffixed -2, -3 … until free."""
    base = re.sub(r"[^A-Za-z0-9_-]+", "-", text).strip("-").lower()[:24] or "source"
    name, n = base, 2
    while name in taken:
        name, n = f"{base}-{n}", n + 1
    return name


MAX_DURATION = 30 * 86400.0  # no wait, interval or timeout of ours is sensibly longer than 30 days
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def parse_duration(value: object, key: str, *, low: float = 1.0, high: float = MAX_DURATION) -> float:
    """Parse 90s / 10m / 1h / 1h30m (or a bare number of seconds) into seconds, within [low, high]."""
    seconds: float | None = None
    if isinstance(value, int | float) and not isinstance(value, bool):
        seconds = float(value)
    elif isinstance(value, str) and len(value) <= 40:
        text = value.strip().lower().replace(" ", "")
        parts = _DURATION.findall(text)
        if parts and "".join(n + u for n, u in parts) == text:
            seconds = sum(float(n) * _UNIT[u] for n, u in parts)
    if seconds is None or not math.isfinite(seconds) or seconds <= 0:
        raise ConfigError(key, "a duration like 90s, 10m, 1h or 1h30m", _shown(value))
    if not low <= seconds <= high:
        raise ConfigError(key, f"a duration from {_human(low)} to {_human(high)}", _shown(value))
    return seconds


def _human(seconds: float) -> str:
    for unit, size in (("d", 86400), ("h", 3600), ("m", 60)):
        if seconds >= size and seconds % size == 0:
            return f"{seconds / size:g}{unit}"
    return f"{seconds:g}s"


def _shown(value: object) -> object:
    """A value short enough to print in one error line."""
    if isinstance(value, str) and len(value) > 60:
        return value[:60] + f"… ({len(value)} characters)"
    return value


def check_text(value: str, key: str, what: str, *, max_len: int, empty: bool = True) -> str:
    """A one-line string without control characters (CR/LF would split an HTTP header), of bounded size."""
    if _CONTROL.search(value) or len(value) > max_len or (not empty and not value):
        raise ConfigError(key, f"{what}: one line of at most {max_len} characters", _shown(value))
    return value


@dataclass(frozen=True, slots=True)
class TelegramConfig:
    """[telegram]: how to reach the Bot API and who may administer the bot."""

    token: str = ""
    base_url: str = ""
    admins: tuple[int, ...] = ()
    webhook_url: str = ""
    webhook_listen: str = "127.0.0.1:8443"
    webhook_secret: str = ""
    default_language: str = "zh"


@dataclass(frozen=True, slots=True)
class StorageConfig:
    """[storage]: the SQLite file, or a PostgreSQL URL that several instances may share."""

    path: Path = Path("data/noticebot.sqlite3")
    url: str = ""  # postgresql://...; wins over path (env NOTICEBOT_DATABASE_URL wins over both)
    # Seconds a polling instance holds a claimed source before another may take it: longer than the poll
    # deadline, so that a source is never polled by two instances at once (parse_config checks it).
    lease: float = 900.0

    @property
    def target(self) -> str | Path:
        """What storage.open_backend opens: the URL when set, else the SQLite file."""
        return self.url or self.path

    @property
    def shared(self) -> bool:
        """Whether several instances may share this store (PostgreSQL)."""
        return bool(self.url)


@dataclass(frozen=True, slots=True)
class PollConfig:
    """[poll]: the schedule and the HTTP client's limits."""

    interval: float = 600.0
    concurrency: int = 8
    article_concurrency: int = 4
    timeout: float = 20.0
    max_bytes: int = 5 * 1024 * 1024
    max_backoff: float = 6 * 3600.0
    user_agent: str = ""
    pause_after_failures: int = 20  # after this many consecutive failures the source is paused
    # Hostile and huge sources (docs/threat-model.md):
    deadline: float = 600.0  # one source's whole poll; what was stored by then stays stored
    max_entries: int = 200  # entries taken from one listing per poll, newest first
    max_articles: int = 50  # article pages fetched per source per poll
    # Listing pages read per poll: later pages only while every notice on the page before was new (catch-up).
    max_pages: int = 3
    allow_private: tuple[str, ...] = ()  # source names (or "*") whose links may reach private addresses


@dataclass(frozen=True, slots=True)
class DeliveryConfig:
    """[delivery]: pacing and retries of the sender."""

    rate: float = 30.0  # messages per second, all chats together
    paid_broadcast: bool = False  # allow_paid_broadcast: up to 1000/s, costs Stars
    per_chat_interval: float = 1.0  # seconds between two messages to one private chat
    group_per_minute: int = 20  # messages per minute to one group or channel
    max_attempts: int = 5
    concurrency: int = 16  # requests in flight
    link_preview: bool = False
    # --- the outbound governor (issue 10) ---
    reply_wait: float = 60.0  # seconds a command reply may wait for flood control before it is given up
    user_burst: int = 20  # updates one user may send at once before they are ignored for a while
    user_rate: float = 1.0  # updates per second one user may send on average
    # --- outbox retention ---
    retention: float = (
        30 * 86400.0
    )  # seconds after which finished deliveries are deleted (bot.delivery.retention)


@dataclass(frozen=True, slots=True)
class SummaryConfig:
    """[summary]: the summariser's length budget and the push headline's length."""

    budget: int = 0  # characters; 0 = max(150, 35% of the text)
    headline: int = 150  # characters of the headline a push opens with


@dataclass(frozen=True, slots=True)
class AttachmentConfig:
    """[attachments]: whether and how much of a notice's attachments to read."""

    enabled: bool = True
    max_bytes: int = 20 * 1024 * 1024  # per file; larger ones are listed as too large, not downloaded
    max_per_notice: int = 5  # the first N attachment links of a notice are read; further ones are ignored
    max_chars: int = 100_000  # per file: the text kept for summarising and search
    timeout: float = 60.0  # seconds one file may take to read (the download has the [poll] timeouts)
    workers: int = 2  # extraction processes
    memory_mb: int = 1024  # address-space cap of each extraction process
    ocr: bool = True  # read scanned PDFs with Tesseract when it is installed


@dataclass(frozen=True, slots=True)
class Config:
    """The whole configuration."""

    telegram: TelegramConfig = field(default_factory=TelegramConfig)
    storage: StorageConfig = field(default_factory=StorageConfig)
    poll: PollConfig = field(default_factory=PollConfig)
    delivery: DeliveryConfig = field(default_factory=DeliveryConfig)
    summary: SummaryConfig = field(default_factory=SummaryConfig)
    attachments: AttachmentConfig = field(default_factory=AttachmentConfig)
    sources: tuple[SourceSpec, ...] = ()
    path: Path | None = None  # the file it came from, if any


def _table(data: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = data.get(key, {})
    if not isinstance(value, dict):
        raise ConfigError(key, "a table", value)
    return value


def _check_keys(table: Mapping[str, Any], allowed: set[str], prefix: str) -> None:
    for name in table:
        if name not in allowed:
            raise ConfigError(f"{prefix}.{name}", f"one of the known keys ({', '.join(sorted(allowed))})")


def _get(table: Mapping[str, Any], name: str, kind: type, default: Any, prefix: str, what: str) -> Any:
    value = table.get(name, default)
    ok = isinstance(value, kind) and not (kind is not bool and isinstance(value, bool))
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        value, ok = float(value), True
    if not ok:
        raise ConfigError(f"{prefix}.{name}", what, value)
    return value


def _pos(table: Mapping[str, Any], name: str, default: float, prefix: str, what: str, high: float) -> float:
    """A positive number (int or float) at table[name], at most high."""
    value = _get(table, name, float, float(default), prefix, what)
    if not math.isfinite(value) or not 0 < value <= high:
        raise ConfigError(f"{prefix}.{name}", f"{what}, above zero and at most {high:g}", value)
    return float(value)


def _posint(
    table: Mapping[str, Any], name: str, default: int, prefix: str, high: int, *, low: int = 1
) -> int:
    """A whole number from low to high at table[name]."""
    value = _get(table, name, int, default, prefix, "a whole number")
    if not low <= value <= high:
        raise ConfigError(f"{prefix}.{name}", f"a whole number from {low} to {high:,}", value)
    return int(value)


def _text(
    table: Mapping[str, Any], name: str, default: str, prefix: str, what: str, max_len: int = 2048
) -> str:
    value = _get(table, name, str, default, prefix, what)
    return check_text(value, f"{prefix}.{name}", what, max_len=max_len)


def _telegram(t: Mapping[str, Any], env: Mapping[str, str]) -> TelegramConfig:
    p = "telegram"
    _check_keys(t, set(TelegramConfig.__slots__), p)
    admins = t.get("admins", [])
    if (
        not isinstance(admins, list)
        or len(admins) > 1000
        or not all(type(a) is int and 0 < a < 2**53 for a in admins)
    ):
        raise ConfigError(
            "telegram.admins", "a list of Telegram user ids (positive integers)", _shown(admins)
        )
    token = env.get("TELEGRAM_BOT_TOKEN") or _get(t, "token", str, "", p, "a string")
    if len(token) > 256 or any(c.isspace() or not c.isprintable() for c in token):
        # The token goes into every request URL: never echo it, even in an error.
        raise ConfigError("telegram.token", "a bot token (digits:letters, no spaces)")
    lang = _get(t, "default_language", str, "zh", p, "a string")
    if lang not in ("zh", "en"):
        raise ConfigError("telegram.default_language", '"zh" or "en"', _shown(lang))
    base_url = _text(t, "base_url", "", p, "a URL string")
    if base_url and not base_url.startswith(("http://", "https://")):
        raise ConfigError("telegram.base_url", "an http(s) URL such as http://127.0.0.1:8081/bot", base_url)
    return TelegramConfig(
        token=token,
        base_url=base_url,
        admins=tuple(admins),
        webhook_url=_text(t, "webhook_url", "", p, "an https URL string"),
        webhook_listen=_text(t, "webhook_listen", "127.0.0.1:8443", p, "host:port", 300),
        webhook_secret=check_text(
            env.get("TELEGRAM_WEBHOOK_SECRET") or _get(t, "webhook_secret", str, "", p, "text"),
            "telegram.webhook_secret",
            "a secret",
            max_len=256,
        ),
        default_language=lang,
    )


def _poll(t: Mapping[str, Any]) -> PollConfig:
    p = "poll"
    _check_keys(t, set(PollConfig.__slots__), p)
    d = PollConfig()
    allow = t.get("allow_private", [])
    if not isinstance(allow, list) or not all(
        isinstance(a, str) and (a == "*" or _NAME.match(a)) for a in allow
    ):
        raise ConfigError(
            "poll.allow_private", 'a list of source names, or ["*"] for every source', _shown(allow)
        )
    return PollConfig(
        interval=parse_duration(t.get("interval", d.interval), "poll.interval"),
        concurrency=_posint(t, "concurrency", d.concurrency, p, 256),
        article_concurrency=_posint(t, "article_concurrency", d.article_concurrency, p, 64),
        timeout=parse_duration(t.get("timeout", d.timeout), "poll.timeout", high=3600),
        max_bytes=_posint(t, "max_bytes", d.max_bytes, p, 1 << 30, low=1024),
        max_backoff=parse_duration(t.get("max_backoff", d.max_backoff), "poll.max_backoff"),
        user_agent=_text(t, "user_agent", "", p, "a User-Agent string", 256),
        pause_after_failures=_posint(t, "pause_after_failures", d.pause_after_failures, p, 100_000),
        deadline=parse_duration(t.get("deadline", d.deadline), "poll.deadline", low=10, high=86400),
        max_entries=_posint(t, "max_entries", d.max_entries, p, 10_000),
        max_articles=_posint(t, "max_articles", d.max_articles, p, 10_000),
        max_pages=_posint(t, "max_pages", d.max_pages, p, 100),
        allow_private=tuple(allow),
    )


def _delivery(t: Mapping[str, Any]) -> DeliveryConfig:
    p = "delivery"
    _check_keys(t, set(DeliveryConfig.__slots__), p)
    d = DeliveryConfig()
    paid = _get(t, "paid_broadcast", bool, d.paid_broadcast, p, "true or false")
    rate = _pos(t, "rate", d.rate, p, "messages per second", 1000)
    if rate > (1000 if paid else 30):
        raise ConfigError("delivery.rate", "at most 30 (or 1000 with paid_broadcast = true)", rate)
    return DeliveryConfig(
        rate=rate,
        paid_broadcast=paid,
        per_chat_interval=_pos(t, "per_chat_interval", d.per_chat_interval, p, "seconds", 3600),
        group_per_minute=_posint(t, "group_per_minute", d.group_per_minute, p, 1000),
        max_attempts=_posint(t, "max_attempts", d.max_attempts, p, 100),
        concurrency=_posint(t, "concurrency", d.concurrency, p, 256),
        link_preview=_get(t, "link_preview", bool, d.link_preview, p, "true or false"),
        reply_wait=_pos(t, "reply_wait", d.reply_wait, p, "seconds", 3600),
        user_burst=_posint(t, "user_burst", d.user_burst, p, 100_000),
        user_rate=_pos(t, "user_rate", d.user_rate, p, "updates per second", 1000),
        retention=parse_duration(
            t.get("retention", d.retention), "delivery.retention", low=86400, high=3650 * 86400
        ),
    )


def _attachments(t: Mapping[str, Any]) -> AttachmentConfig:
    p = "attachments"
    _check_keys(t, set(AttachmentConfig.__slots__), p)
    d = AttachmentConfig()
    return AttachmentConfig(
        enabled=_get(t, "enabled", bool, d.enabled, p, "true or false"),
        max_bytes=_posint(t, "max_bytes", d.max_bytes, p, 1 << 30, low=1024),
        max_per_notice=_posint(t, "max_per_notice", d.max_per_notice, p, 100),
        max_chars=_posint(t, "max_chars", d.max_chars, p, 10_000_000),
        timeout=parse_duration(t.get("timeout", d.timeout), "attachments.timeout", high=3600),
        workers=_posint(t, "workers", d.workers, p, 64),
        memory_mb=_posint(t, "memory_mb", d.memory_mb, p, 1 << 20, low=64),
        ocr=_get(t, "ocr", bool, d.ocr, p, "true or false"),
    )


def source_spec(t: Mapping[str, Any], prefix: str) -> SourceSpec:
    """Validate one [[sources]] table (also used for OPML and /addsource input)."""
    _check_keys(t, set(SourceSpec.__slots__) | set(CONFIG_KEYS), prefix)
    name = t.get("name")
    if not isinstance(name, str) or not _NAME.match(name):
        raise ConfigError(f"{prefix}.name", "a short name of letters, digits, _ or - (at most 32)", name)
    url = t.get("url")
    if (
        not isinstance(url, str)
        or not url.startswith(("http://", "https://"))
        or len(url) > 2048
        or any(c.isspace() or not c.isprintable() for c in url)
    ):
        raise ConfigError(f"{prefix}.url", "an http(s) URL of at most 2048 characters", _shown(url))
    kind = t.get("kind", "auto")
    if kind not in get_args(SourceKind):
        raise ConfigError(f"{prefix}.kind", '"feed", "page", "json" or "auto"', kind)
    selector = _get(t, "item_selector", str, "", prefix, "a CSS selector string")
    has_body = any(tok.startswith("body=") for tok in selector.split())
    # A stored body is percent-encoded: up to 12 characters for one of the body's (a 4-byte UTF-8 one).
    cap = 1000 + 12 * MAX_BODY if has_body else 1000
    if _CONTROL.search(selector) or len(selector) > cap:  # never quoted: a body may carry a token
        raise ConfigError(
            f"{prefix}.item_selector", f"a CSS selector string: one line of at most {cap} characters"
        )
    json_keys = {key: t[key] for key in CONFIG_KEYS if key in t}
    if json_keys:
        if kind not in ("json", "auto"):
            raise ConfigError(
                f"{prefix}.kind", '"json" (json_* keys and url_template are for JSON lists)', kind
            )
        kind = "json"
        selector = _json_selector(json_keys, selector, prefix)
    elif kind in ("json", "auto") and selector:
        try:  # /addsource and the CLI pass a JSON source's choices as its selector
            chosen = parse_fields(selector)
        except ValueError as exc:
            # Under auto it may be a page's CSS selector, unless it names a POST: that is meant for JSON.
            if kind == "json" or has_body or any(tok.startswith("method=") for tok in selector.split()):
                shown = None if has_body else selector  # a body may carry a token
                raise ConfigError(f"{prefix}.item_selector", f"JSON list fields: {exc}", shown) from None
        else:
            kind = "json" if chosen.post else kind  # a GET of a POST endpoint would guess nothing
    interval = t.get("interval")
    backfill = _get(t, "backfill", int, 0, prefix, "a number of items (0 or more)")
    if not 0 <= backfill <= 1000:
        raise ConfigError(f"{prefix}.backfill", "a number of items from 0 to 1000", backfill)
    return SourceSpec(
        name=name,
        url=url,
        kind=cast(SourceKind, kind),
        interval=None if interval is None else parse_duration(interval, f"{prefix}.interval"),
        item_selector=selector,
        backfill=backfill,
        fetch_article=_get(t, "fetch_article", bool, True, prefix, "true or false"),
        notify_updates=_get(t, "notify_updates", bool, False, prefix, "true or false"),
    )


def _json_selector(keys: Mapping[str, Any], selector: str, prefix: str) -> str:
    """A JSON source's json_* keys and url_template, as the item_selector they are stored as."""
    if selector:
        raise ConfigError(f"{prefix}.item_selector", "not given with json_* keys (those choose the fields)")
    values: dict[str, str] = {}
    for key, value in keys.items():
        if key == "json_body":  # may carry a token: the error never shows it
            if not isinstance(value, str) or any(not c.isprintable() and c not in "\t\r\n" for c in value):
                raise ConfigError(f"{prefix}.{key}", "a JSON object or a form body (pageNo=1&channelId=123)")
            values["body"] = value
            continue
        if key == "json_method":
            if not isinstance(value, str) or value.upper() not in METHODS:
                raise ConfigError(f"{prefix}.{key}", '"GET" or "POST"', _shown(value))
            values["method"] = value.upper()
            continue
        if not isinstance(value, str) or not value.strip() or len(value) > 500:
            raise ConfigError(
                f"{prefix}.{key}", "a non-empty string of at most 500 characters", _shown(value)
            )
        if any(c.isspace() or not c.isprintable() for c in value):
            raise ConfigError(f"{prefix}.{key}", "a field path or URL template without spaces", _shown(value))
        try:  # one at a time, so that the error names the key
            parse_fields(JsonFields(**{CONFIG_KEYS[key]: value}).selector())
        except ValueError as exc:
            raise ConfigError(f"{prefix}.{key}", str(exc), _shown(value)) from None
        values[CONFIG_KEYS[key]] = value
    if "body" in values:
        try:  # json_next is the body's page field here
            check_post(values.get("method", ""), values["body"], values.get("next", ""))
        except ValueError as exc:
            key = "json_method" if values.get("method") == "GET" else "json_body"
            raise ConfigError(f"{prefix}.{key}", str(exc)) from None
    if values.get("method") == "GET":
        del values["method"]  # the default
    return JsonFields(**values).selector()


def parse_config(data: Mapping[str, Any], env: Mapping[str, str], path: Path | None = None) -> Config:
    """Turn parsed TOML into a Config, validating every key."""
    _check_keys(
        data, {"telegram", "storage", "poll", "delivery", "summary", "attachments", "sources"}, "(top level)"
    )
    storage = _table(data, "storage")
    _check_keys(storage, {"path", "url", "lease"}, "storage")
    store_path = _text(storage, "path", str(StorageConfig().path), "storage", "a file path", 4096)
    store_url = env.get("NOTICEBOT_DATABASE_URL") or _get(
        storage, "url", str, "", "storage", "a postgresql:// URL"
    )
    if len(store_url) > 2048 or any(c.isspace() or not c.isprintable() for c in store_url):
        # The URL may hold a password: name the key, never echo the value.
        raise ConfigError("storage.url", "a postgresql:// URL on one line, at most 2048 characters")
    if store_url and not store_url.startswith(("postgresql://", "postgres://")):
        raise ConfigError("storage.url", "a postgresql://user@host:5432/dbname URL", store_url.split("@")[-1])
    # Up to two days: longer than the longest poll.deadline (a day) allows.
    lease = parse_duration(storage.get("lease", "15m"), "storage.lease", high=2 * 86400)
    summary = _table(data, "summary")
    _check_keys(summary, {"budget", "headline"}, "summary")
    budget = _get(summary, "budget", int, 0, "summary", "a number of characters (0 = automatic)")
    if not 0 <= budget <= 100_000:
        raise ConfigError("summary.budget", "a number of characters from 0 (automatic) to 100,000", budget)
    headline = _get(summary, "headline", int, 150, "summary", "a number of characters (at least 40)")
    if headline < 40:  # a shorter headline says nothing
        raise ConfigError("summary.headline", "at least 40 characters", headline)
    raw_sources = data.get("sources", [])
    if not isinstance(raw_sources, list) or len(raw_sources) > 10_000:
        raise ConfigError("sources", "an array of tables ([[sources]])", raw_sources)
    sources = []
    for i, s in enumerate(raw_sources):
        if not isinstance(s, dict):
            raise ConfigError(f"sources[{i}]", "a table", s)
        sources.append(source_spec(s, f"sources[{i}]"))
    names = [s.name for s in sources]
    for name in names:
        if names.count(name) > 1:
            raise ConfigError("sources.name", "unique names", name)
    base = path.parent if path else Path()
    poll = _poll(_table(data, "poll"))
    if store_url and lease <= poll.deadline:
        # A lease that runs out while its poll still runs lets a second instance poll the same source and
        # overwrite what the first records of it (its pending catch-up, its next due time).
        raise ConfigError(
            "storage.lease", f"longer than poll.deadline ({_human(poll.deadline)})", _human(lease)
        )
    return Config(
        telegram=_telegram(_table(data, "telegram"), env),
        storage=StorageConfig(path=base / store_path, url=store_url, lease=lease),  # absolute path wins
        poll=poll,
        delivery=_delivery(_table(data, "delivery")),
        summary=SummaryConfig(budget=max(0, budget), headline=headline),
        attachments=_attachments(_table(data, "attachments")),
        sources=tuple(sources),
        path=path,
    )


def load_config(path: Path | None = None, env: Mapping[str, str] | None = None) -> Config:
    """Load the config file (default config.toml if present, else built-in defaults) with env overrides."""
    env = os.environ if env is None else env
    if path is None:
        path = DEFAULT_PATH if DEFAULT_PATH.exists() else None
    if path is None:
        return parse_config({}, env)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError("--config", "an existing file", str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError("--config", "a readable UTF-8 file", f"{path}: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError("(file)", "valid TOML", f"{path}: {exc}") from None
    return parse_config(data, env, path)

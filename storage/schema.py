"""The schema in one place: numbered forward migrations recorded in PRAGMA user_version."""

from __future__ import annotations

import sqlite3

import aiosqlite

__all__ = ["MIGRATIONS", "migrate"]

# Times are unix seconds (REAL, UTC). Never edit a released step: append a new one.
_CORE = """
CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    url TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL DEFAULT 'auto',          -- configured: feed | page | auto
    detected_kind TEXT,                          -- what auto-detection found
    feed_url TEXT,                               -- the URL actually polled (a discovered feed)
    interval REAL,                               -- seconds; NULL = the [poll] default
    item_selector TEXT NOT NULL DEFAULT '',
    backfill INTEGER NOT NULL DEFAULT 0,
    fetch_article INTEGER NOT NULL DEFAULT 1,
    notify_updates INTEGER NOT NULL DEFAULT 0,
    active INTEGER NOT NULL DEFAULT 1,
    from_config INTEGER NOT NULL DEFAULT 0,
    created REAL NOT NULL,
    etag TEXT,
    last_modified TEXT,
    first_polled REAL,                           -- NULL until the first successful poll
    last_polled REAL,
    last_success REAL,
    last_error TEXT,
    failures INTEGER NOT NULL DEFAULT 0,         -- consecutive
    next_due REAL NOT NULL DEFAULT 0,
    last_item_count INTEGER,
    layout_changed INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE notices (
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    key TEXT NOT NULL,                           -- identity within the source: g:guid | u:url | h:hash
    url TEXT NOT NULL,
    title TEXT NOT NULL,
    text TEXT NOT NULL,
    published REAL,
    first_seen REAL NOT NULL,
    updated_at REAL,
    revision INTEGER NOT NULL DEFAULT 0,
    content_hash TEXT NOT NULL,
    dup_key TEXT NOT NULL,                       -- normalised title + date: links one notice across sources
    duplicate_of INTEGER REFERENCES notices(id) ON DELETE SET NULL,
    issuer TEXT,
    doc_number TEXT,
    summary TEXT NOT NULL DEFAULT '',
    summary_json TEXT,
    UNIQUE (source_id, key)
);
CREATE INDEX notices_dup ON notices(dup_key);
CREATE INDEX notices_recent ON notices(source_id, published DESC, id DESC);
CREATE INDEX notices_seen ON notices(first_seen);

-- Full-text index over title + text + summary; trigram matches any 3+ character substring, Chinese included.
CREATE VIRTUAL TABLE notices_fts USING fts5(
    title, text, summary, content='notices', content_rowid='id', tokenize='trigram'
);
CREATE TRIGGER notices_ai AFTER INSERT ON notices BEGIN
    INSERT INTO notices_fts(rowid, title, text, summary) VALUES (new.id, new.title, new.text, new.summary);
END;
CREATE TRIGGER notices_ad AFTER DELETE ON notices BEGIN
    INSERT INTO notices_fts(notices_fts, rowid, title, text, summary)
    VALUES ('delete', old.id, old.title, old.text, old.summary);
END;
CREATE TRIGGER notices_au AFTER UPDATE OF title, text, summary ON notices BEGIN
    INSERT INTO notices_fts(notices_fts, rowid, title, text, summary)
    VALUES ('delete', old.id, old.title, old.text, old.summary);
    INSERT INTO notices_fts(rowid, title, text, summary) VALUES (new.id, new.title, new.text, new.summary);
END;
"""

_DELIVERY = """
CREATE TABLE chats (
    id INTEGER PRIMARY KEY,                      -- Telegram chat id
    type TEXT NOT NULL,                          -- private | group | supergroup | channel
    title TEXT NOT NULL DEFAULT '',
    language TEXT,                               -- zh | en; NULL = from the user's Telegram language
    timezone TEXT NOT NULL DEFAULT 'Asia/Shanghai',
    active INTEGER NOT NULL DEFAULT 1,
    created REAL NOT NULL,
    deactivated_reason TEXT,
    last_digest REAL                             -- when the last digest went out
);

CREATE TABLE subscriptions (
    id INTEGER PRIMARY KEY,
    chat_id INTEGER NOT NULL REFERENCES chats(id) ON DELETE CASCADE ON UPDATE CASCADE,
    source_id INTEGER REFERENCES sources(id) ON DELETE CASCADE,   -- NULL = all sources
    include TEXT NOT NULL DEFAULT '[]',          -- JSON list of lower-case substrings, any must match
    exclude TEXT NOT NULL DEFAULT '[]',          -- JSON list of lower-case substrings, none may match
    mode TEXT NOT NULL DEFAULT 'instant',        -- instant | digest
    digest_at TEXT,                              -- HH:MM in the chat's time zone
    created REAL NOT NULL
);
CREATE UNIQUE INDEX subscriptions_one ON subscriptions(chat_id, ifnull(source_id, 0));
CREATE INDEX subscriptions_source ON subscriptions(source_id);

-- The outbox: created in the same transaction that stores the notice.
CREATE TABLE deliveries (
    id INTEGER PRIMARY KEY,
    notice_id INTEGER NOT NULL REFERENCES notices(id) ON DELETE CASCADE,  -- the root notice (not a duplicate)
    chat_id INTEGER NOT NULL REFERENCES chats(id) ON DELETE CASCADE ON UPDATE CASCADE,
    revision INTEGER NOT NULL DEFAULT 0,         -- 0 = the notice, n = its n-th update
    mode TEXT NOT NULL DEFAULT 'instant',        -- instant | digest
    state TEXT NOT NULL DEFAULT 'pending',       -- pending | sending | sent | failed | skipped
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt REAL NOT NULL DEFAULT 0,
    last_error TEXT,
    message_id INTEGER,
    created REAL NOT NULL,
    sent_at REAL,
    UNIQUE (notice_id, chat_id, revision)
);
CREATE INDEX deliveries_due ON deliveries(state, mode, next_attempt);
CREATE INDEX deliveries_chat ON deliveries(chat_id, state);

CREATE TABLE counters (
    name TEXT PRIMARY KEY,
    value INTEGER NOT NULL DEFAULT 0
);
"""

# Terms of 1-2 characters (疫情, 工会: the most common Chinese queries) are below the trigram tokenizer's
# reach. notices_grams indexes, per column, storage.search.grams() of the text: each CJK run as overlapping
# bigrams plus its last character, then the Latin/digit words; unicode61 makes each a token. prefix='1'
# serves 1-character queries ("疫"*) from one doclist instead of merging every bigram that starts with it.
# Contentless (content=''): only the index is stored. search_grams() is a Python function that open_store
# registers on every connection; a connection without it cannot write notices (it fails, it does not drift).
_SEARCH = """
CREATE VIRTUAL TABLE notices_grams USING fts5(
    title, text, summary, content='', tokenize='unicode61', prefix='1'
);
CREATE TRIGGER notices_grams_ai AFTER INSERT ON notices BEGIN
    INSERT INTO notices_grams(rowid, title, text, summary)
    VALUES (new.id, search_grams(new.title), search_grams(new.text), search_grams(new.summary));
END;
CREATE TRIGGER notices_grams_ad AFTER DELETE ON notices BEGIN
    INSERT INTO notices_grams(notices_grams, rowid, title, text, summary)
    VALUES ('delete', old.id, search_grams(old.title), search_grams(old.text), search_grams(old.summary));
END;
CREATE TRIGGER notices_grams_au AFTER UPDATE OF title, text, summary ON notices BEGIN
    INSERT INTO notices_grams(notices_grams, rowid, title, text, summary)
    VALUES ('delete', old.id, search_grams(old.title), search_grams(old.text), search_grams(old.summary));
    INSERT INTO notices_grams(rowid, title, text, summary)
    VALUES (new.id, search_grams(new.title), search_grams(new.text), search_grams(new.summary));
END;
INSERT INTO notices_grams(rowid, title, text, summary)
SELECT id, search_grams(title), search_grams(text), search_grams(summary) FROM notices;
-- Search skips cross-source re-posts; this keeps finding them an index read, not a walk over every row.
CREATE INDEX notices_duplicates ON notices(id) WHERE duplicate_of IS NOT NULL;
"""

# Migration 4 (issue 13): the files a notice links to, as a JSON list of {name, url, kind, status, chars}.
# Their text is part of notices.text (marked), so the full-text indexes above find words only in an attachment.
_ATTACHMENTS = """
ALTER TABLE notices ADD COLUMN attachments TEXT;
"""

# Migration 5 (issue 14): deadline reminders and quiet hours. A held push is a deliveries row with
# mode 'held' whose next_attempt is the end of the chat's quiet window; no new column is needed for it.
_REMINDERS = """
ALTER TABLE chats ADD COLUMN quiet TEXT;         -- 'HH:MM-HH:MM' in the chat's time zone; NULL = none
CREATE TABLE reminders (
    id INTEGER PRIMARY KEY,
    chat_id INTEGER NOT NULL REFERENCES chats(id) ON DELETE CASCADE ON UPDATE CASCADE,
    notice_id INTEGER NOT NULL REFERENCES notices(id) ON DELETE CASCADE,
    deadline TEXT NOT NULL,                      -- ISO date of the deadline
    sentence TEXT NOT NULL,                      -- the obligation it came from
    due REAL NOT NULL,                           -- when to send (unix seconds)
    state TEXT NOT NULL DEFAULT 'pending',       -- pending | sending | sent | cancelled | failed | skipped
    attempts INTEGER NOT NULL DEFAULT 0,
    last_error TEXT,
    message_id INTEGER,
    created REAL NOT NULL,
    sent_at REAL,
    UNIQUE (chat_id, notice_id, deadline, due)
);
CREATE INDEX reminders_due ON reminders(state, due);
CREATE INDEX reminders_chat ON reminders(chat_id, state);
"""

# Migration 6: /status reads the finished deliveries' totals from counters kept in the transactions that
# finish them (storage.totals), not by counting rows: finished rows are most of the table, and
# the retention job deletes them. The totals start from the rows there are.
_TOTALS = """
INSERT OR REPLACE INTO counters (name, value)
SELECT 'deliveries_' || state, count(*) FROM deliveries WHERE state IN ('sent', 'failed', 'skipped') GROUP BY state;
"""

# Migration 7: the catch-up of a chat that comes back (bot.delivery.catchup). deactivated_at starts the
# period the bot could not write; reactivating the chat moves it into catchup_since/until in the same
# transaction (so a crash cannot lose it, and a flap before it is sent widens it rather than adding one).
_CATCHUP = """
ALTER TABLE chats ADD COLUMN deactivated_at REAL;   -- when the bot lost the chat (NULL while active)
ALTER TABLE chats ADD COLUMN catchup_since REAL;    -- a catch-up is due for (since, until]; NULL = none
ALTER TABLE chats ADD COLUMN catchup_until REAL;
ALTER TABLE chats ADD COLUMN catchup_claimed INTEGER NOT NULL DEFAULT 0;  -- being sent
ALTER TABLE notices ADD COLUMN pushed INTEGER NOT NULL DEFAULT 1;  -- 0: stored as seen only (a first poll)
CREATE INDEX chats_catchup ON chats(catchup_since) WHERE catchup_since IS NOT NULL;
"""

# Migration 8: a listing catch-up a poll left unfinished (bot.poller) is kept with its source, so that a
# restart does not forget the notices left on later pages. Written only by set_pending_pages.
_PENDING_PAGES = """
ALTER TABLE sources ADD COLUMN pending_pages INTEGER NOT NULL DEFAULT 0;   -- pages to read again; 0 = none
ALTER TABLE sources ADD COLUMN pending_failed INTEGER NOT NULL DEFAULT 0;  -- polls a failure left it pending
"""

# Migration 9: the URL a source's validators (etag, last_modified) came from, after redirects: a source
# always reached through a temporary redirect keeps them, and a 304 counts only from that URL (bot.poller).
# NULL: the URL polled (rows from before).
_VALIDATED_URL = """
ALTER TABLE sources ADD COLUMN validated_url TEXT;
"""

MIGRATIONS: list[tuple[str, str]] = [
    ("core: sources, notices, full-text index", _CORE),
    ("delivery: chats, subscriptions, outbox, counters", _DELIVERY),
    ("search: bigram index for 1-2 character terms", _SEARCH),
    ("attachments: the files a notice links to", _ATTACHMENTS),
    ("reminders and quiet hours", _REMINDERS),
    ("outbox: totals of finished deliveries as counters", _TOTALS),
    ("chats: catch-up of the notices a returning chat missed", _CATCHUP),
    ("sources: a listing catch-up left unfinished", _PENDING_PAGES),
    ("sources: the URL the validators came from", _VALIDATED_URL),
]


async def migrate(conn: aiosqlite.Connection) -> int:
    """Apply each migration newer than PRAGMA user_version in its own transaction; return the version."""
    async with conn.execute("PRAGMA user_version") as cur:
        row = await cur.fetchone()
    version = int(row[0]) if row else 0
    if version > len(MIGRATIONS):
        raise RuntimeError(
            f"database schema version {version} is newer than this noticebot knows ({len(MIGRATIONS)});"
            " upgrade noticebot"
        )
    for number, (_name, sql) in enumerate(MIGRATIONS[version:], start=version + 1):
        await conn.execute("BEGIN IMMEDIATE")
        try:
            # executescript would COMMIT our transaction first; run the statements one by one instead.
            for statement in _statements(sql):
                await conn.execute(statement)
            await conn.execute(f"PRAGMA user_version = {number}")
        except BaseException:
            await conn.execute("ROLLBACK")
            raise
        await conn.execute("COMMIT")
        version = number
    return version


def _statements(sql: str) -> list[str]:
    """Split a script into complete statements (triggers contain ';' inside BEGIN ... END)."""
    out: list[str] = []
    buf = ""
    for line in sql.splitlines(keepends=True):
        if line.strip().startswith("--") and not buf:
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out

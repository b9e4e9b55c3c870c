"""URL redaction for log lines (bot/logs.py) and admin alerts (bot/alerts.py): a URL's userinfo in any text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = ["Userinfo", "blank_userinfo", "redact_url", "redact_urls", "userinfo_spans"]

# Where an authority ends: its path, query or fragment, whitespace, a delimiter of URLs in running text
# ("<https://x.org>,<ops@corp.example>" names no userinfo) or a comma ("https://x.org,ops@corp.example" is a URL
# and an e-mail address). A password holding one of these ends the authority early; see userinfo_spans.
_AUTHORITY_END = re.compile(r"[/?#,\s<>\"'`]")
_WHITESPACE = re.compile(r"\s")
# The scheme: the run of scheme characters just before "://", read back at most this far. A URL may follow
# a digit or a word ("HTTP/1.1https://…", "url=https://…"), so where the run starts does not matter.
_SCHEME_LOOK_BACK = 32
_SCHEME_TAIL = re.compile(r"[A-Za-z0-9+.-]*\Z")
# A URL's query runs from its first "?" to the end of the URL; the match always succeeds, so each run is read
# once (a "://" inside it is not tried again): linear.
_QUERY = re.compile(r"://[^\s<>\"'`?]*(\?[^\s<>\"'`]*)?")


@dataclass(frozen=True, slots=True)
class Userinfo:
    """A URL's userinfo in a text: text[start:end], the "@" at end; colon is the ":" before its password, or
    -1 when it is one word (a token, as many web APIs take it, or a database's user name). web: http(s)."""

    start: int
    colon: int
    end: int
    web: bool


def userinfo_spans(text: str) -> Iterator[Userinfo]:
    """Each URL's userinfo in text, in order. The host follows the authority's last @ (a password may hold
    one). A password holding a delimiter (https://user:pa/ss@host/, pa?ss, pa#ss, pa'ss: unescaped, it ends
    the authority early) shows as "user:" and something not a port ("host:8080/p/@me" is a port and a path),
    or as "user:p@" and no host: it runs to the last @ of its whitespace-delimited run, which may blank more
    than the password (a query's "mail=a@b") but never less."""
    done = 0  # a URL inside a password already found is part of that password
    # The whitespace-delimited run last looked at (from, to) and its last @ (-1: none): one run may hold many
    # URLs, and looking each up once keeps this linear.
    run, last_at = (0, -1), -1
    at = text.find("://")
    while at >= 0:
        start = at + 3
        if at >= done:
            scheme = _SCHEME_TAIL.search(text, max(0, at - _SCHEME_LOOK_BACK), at)
            web = scheme is not None and scheme.group().lower().endswith(("http", "https"))
            stop = _AUTHORITY_END.search(text, start)
            authority = text[start : stop.start() if stop else len(text)]
            userinfo, sign, host = authority.rpartition("@")
            user, colon, rest = (userinfo if sign else authority).partition(":")
            guess = colon and (
                (sign and not host) or (not sign and rest and not rest.isdigit() and not user.startswith("["))
            )
            end = -1
            if guess:
                here = start + len(user) + 1
                if not run[0] <= here < run[1]:
                    space = _WHITESPACE.search(text, here)
                    run = (here, space.start() if space else len(text))
                    last_at = text.rfind("@", here, run[1])
                if last_at >= here:
                    end = last_at
            if end < 0 and sign and userinfo:
                end = start + len(userinfo)
            if end >= 0:
                yield Userinfo(start, start + len(user) if colon else -1, end, web)
                done = end
        at = text.find("://", start)


def blank_userinfo(text: str, marker: str) -> str:
    """text with each URL's password, or its whole userinfo when that is a web URL's token alone, as marker.
    A database's or ssh's user name (postgresql://noticebot@db, ssh://git@host) is kept: no secret."""
    out: list[str] = []
    done = 0
    for span in userinfo_spans(text):
        if span.colon >= 0:
            out += [text[done : span.colon + 1], marker]
        elif span.web:
            out += [text[done : span.start], marker]
        else:
            continue
        done = span.end
    out.append(text[done:])
    return "".join(out)


def redact_url(url: str, *, query: bool = False) -> str:
    """The URL without its password, for messages and logs; query=True also cuts its query string to "?…"
    (a source's URL may carry an API key there; a database URL's options are kept). A web URL's userinfo
    without a password (https://TOKEN@host/, how many APIs take a token) is cut whole; a database URL's is
    its user name, kept. Any text may be given: each URL in it is treated so (a field's "template=https://…")."""
    url = blank_userinfo(url, "***")
    if query and "?" in url:
        url = _QUERY.sub(_without_query, url)
    return url


def _without_query(m: re.Match[str]) -> str:
    return m.group() if m.group(1) is None else m.string[m.start() : m.start(1)] + "?…"


def redact_urls(text: str) -> str:
    """Every URL in a message (a poll's error) as redact_url(query=True) shows it."""
    return redact_url(text, query=True)

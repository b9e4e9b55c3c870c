"""URL redaction for log lines (bot/logs.py) and admin alerts (bot/alerts.py): a URL's userinfo in any text."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

__all__ = ["Userinfo", "blank_userinfo", "redact_url", "redact_urls", "userinfo_spans"]

# Where an authority ends: its path, query or fragment, whitespace (U+3000 too), a delimiter of URLs in running
# text ("<https://x.org>,<ops@corp.example>" names no userinfo), a comma, or Chinese punctuation
# ("详见https://www.gov.cn，联系ops@corp.example" is a URL and an e-mail address). A password or token holding
# one of these ends the authority early; see userinfo_spans.
_CJK_END = "，。、；：（）【】《》“”‘’！？"
_END = "/?#,\\s<>\"'`" + _CJK_END
# Where a password or token may end the authority early and a host or port rarely does: what follows may be
# the rest of the userinfo. Chinese punctuation and <> are not here: a password holding one is exotic, while
# a URL followed by an e-mail address there is common. Chinese punctuation after a start holding no "." (a
# real host nearly always has one: "www.gov.cn，联系ops@corp.example" is a URL and an e-mail address) is
# read as one too: "https://TOK，EN@h", "https://u：PASS@h", "https://u:1234，PASS@h".
_EARLY_END = ",?#\"'`"
# A candidate: "://" and an authority holding ":" or "@", or one cut short by _EARLY_END, or by Chinese
# punctuation after a start holding no "." and no "[" (an IPv6 host). Every other "://" is skipped by the
# regex, so the loop in userinfo_spans reads only candidates. Each alternative is one run of a character
# class (no nesting): linear.
_CANDIDATE = re.compile(
    rf"://([^{_END}:@]*[:@][^{_END}]*|[^{_END}]*(?=[{_EARLY_END}])|[^{_END}.\[]*(?=[{_CJK_END}]))"
)
# After a port-like password and "/": an @ with something other than "/" before it (before whitespace and
# the next "://") ends the rest of the password (https://u:1234/SECRET@host, https://u:12/34/SECRET@host);
# one right after a "/" is a path's (https://host:8080/p/@me, a Mastodon-like "/@user"). A path holding
# "x@y" loses its host too: blanking too much is the safe side.
_PASSWORD_AFTER_SLASH = re.compile(r"[^\s@]*[^\s@/]@")
_WHITESPACE = re.compile(r"\s")
# How far before "://" its scheme is read: "https" is the longest that says a web URL.
_SCHEME = len("https")
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


def _password_after_slash(text: str, stop: int) -> bool:
    """Whether the authority cut at text[stop] by a "/" goes on as a password holding it ("u:1234/SECRET@h")."""
    return (
        text.startswith("/", stop)
        and _PASSWORD_AFTER_SLASH.match(text, stop + 1, _next_url(text, stop)) is not None
    )


def _password_follows(text: str, user: str, rest: str, stop: int) -> bool:
    """Whether "user:rest", its authority cut at text[stop], starts a password rather than a host and port."""
    if not rest.isdigit():  # empty, or no port: "u:/SECRET@h", "u:pa?ss@h"
        return True
    after = text[stop : stop + 1]
    if after == "/":
        return _password_after_slash(text, stop)
    if after == "":
        return False
    if after in _CJK_END:  # "u:1234，SECRET@h"; "www.gov.cn:8080，邮箱…" is a port
        return "." not in user
    # "u:2024,SECRET@h", "u.v:1234#SECRET@h": after a port-like start, a "?" or "#" then an @ may be a
    # password's ("x.org:8080?x=a@b" loses its host: blanking too much is the safe side)
    return after in _EARLY_END


def _next_url(text: str, pos: int) -> int:
    """Where the next "://" after pos is (len(text): none); no userinfo runs past it, and looking no further
    keeps each candidate's search to its own stretch of the text: linear."""
    found = text.find("://", pos)
    return found if found >= 0 else len(text)


def _query_follows(text: str, host: str, stop: int, limit: int) -> bool:
    """Whether text[stop], a "?" or "#" after host, starts the URL's query or fragment rather than the rest
    of a token: host holds a "." (a real host nearly always does) and a "/" comes before the next @ (before
    limit), which no userinfo can hold ("/" ends any authority): "https://x.org?next=/p@me",
    "https://x.org#/a@b". A key=value does not tell a query from a token ("https://tok.en?a=SECRET@h" and
    "https://x.org?mail=a@b.org" are built alike), so both are blanked: the safe side."""
    if text[stop : stop + 1] not in ("?", "#") or "." not in host:
        return False
    at = text.find("@", stop, limit)
    return at >= 0 and text.find("/", stop, at) >= 0


def userinfo_spans(text: str) -> Iterator[Userinfo]:
    """Each URL's userinfo in text, in order. The host follows the authority's last @ (a password may hold
    one). A password holding a delimiter (https://user:pa/ss@host/, pa?ss, pa#ss, pa,ss, pa'ss: unescaped, it
    ends the authority early) shows as "user:" and something not a port (an empty one, or one cut at , ? # or
    a quote; "host:8080/p/@me" is a port and a path, "u:1234/SECRET@h" and "u:12/34/SECRET@h" are not), or as "user:p@" and no host:
    it runs to the last @ of its whitespace-delimited run, which may blank more than the password (a query's
    "mail=a@b") but never less. A token cut at , ? # or a quote runs to the last @ of its run before the next
    "://" ("https://x.org,ops@corp.example" loses its host: blanking too much is the safe side). Chinese
    punctuation cuts a password or token so only after a start holding no "." (no host); a host's "?" or "#" is its
    query or fragment only when a "/" comes before the @ (_query_follows)."""
    last = text.rfind("@")  # every userinfo ends at an @: none can start after the last
    if last < 0:  # most log lines: a URL and no @, nothing to look for
        return
    # The whitespace-delimited run last looked at (from, to) and its last @ (-1: none): one run may hold many
    # URLs, and looking each up once keeps this linear.
    run, run_at = (0, -1), -1

    def last_at_in_run(here: int) -> int:
        """The last @ of the whitespace-delimited run from here (the run looked at already, if it holds here)."""
        nonlocal run, run_at
        if not run[0] <= here < run[1]:
            space = _WHITESPACE.search(text, here)
            run = (here, space.start() if space else len(text))
            run_at = text.rfind("@", here, run[1])
        return run_at

    pos = 0
    while (m := _CANDIDATE.search(text, pos)) is not None and m.start() < last:
        at, start, stop = m.start(), m.start(1), m.end()
        pos = at + 1  # the authority's last ":" may start the next "://"
        userinfo, sign, host = m.group(1).rpartition("@")
        user, colon, rest = (userinfo if sign else m.group(1)).partition(":")
        end = -1
        if colon and (
            (sign and not host)
            or (not sign and not user.startswith("[") and _password_follows(text, user, rest, stop))
        ):
            here = start + len(user) + 1
            end = last_at_in_run(here)
            if end < here:  # no @ in the rest of this run: no URL in it has a userinfo
                pos = run[1]
                continue
        elif sign and userinfo:
            end = start + len(userinfo)
            # A host holding no "." before "/" may be the rest of a password holding "@" and "/"
            # ("https://u:pa@ss/word@h.org/p"): then it runs to the last @ of its run, as above (a token's
            # "https://TOK@host/x#a@b" is left: its path).
            if colon and "." not in host and _password_after_slash(text, stop):
                end = max(end, last_at_in_run(stop))
        elif not sign and not colon:  # a token cut short at _EARLY_END (or Chinese punctuation)
            limit = _next_url(text, stop)
            space = _WHITESPACE.search(text, stop, limit)
            if space:
                limit = space.start()
            if not _query_follows(text, user, stop, limit):
                end = text.rfind("@", stop, limit)
        if end >= 0:
            scheme = text[max(0, at - _SCHEME) : at].lower()
            yield Userinfo(start, start + len(user) if colon else -1, end, scheme.endswith(("http", "https")))
            pos = end  # a URL inside a password already found is part of that password


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

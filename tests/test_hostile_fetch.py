"""Hostile responses to the fetcher (issue 11 rows 1 and 8): encoding bombs, and links into private networks."""

from __future__ import annotations

import gzip
import zlib
from pathlib import Path

import pytest

from bot.sources.errors import BlockedAddress, FetchError, TooLarge
from bot.sources.fetch import Fetcher
from bot.sources.listing import Entry, fetch_entry
from bot.sources.netguard import NetPolicy, is_public_address, net_scope
from tests.hostile import deflate_gzip_bomb, run_measured
from tests.sources_server import NoticeServer, http_server_fixture  # noqa: F401

ARTICLE = "<html><body><h1>内部管理页面</h1><p>" + "内部数据，不应被抓取。" * 30 + "</p></body></html>"


def test_a_stacked_encoding_bomb_stays_within_the_cap_in_memory(
    http_server: NoticeServer, tmp_path: Path
) -> None:
    # Row 1: 2.5 KB of "deflate, gzip" decode to 1 GB; each layer used to be decoded a whole chunk at a time.
    url = http_server.add(
        "/bomb.html", deflate_gzip_bomb(1024), headers={"Content-Encoding": "deflate, gzip"}
    )
    run = run_measured("extract", url, cwd=tmp_path)
    assert run.returncode == 1 and "larger than 5,242,880 bytes" in run.stderr, run.stderr
    assert run.peak_mb < 250, f"extract peaked at {run.peak_mb:.0f} MB"


async def test_two_layers_decode_three_are_refused(http_server: NoticeServer) -> None:
    text = "关于做好春节期间安全生产工作的通知。" * 100
    two = gzip.compress(zlib.compress(text.encode()))
    ok = http_server.add("/two", two, headers={"Content-Encoding": "deflate, gzip"})
    three = http_server.add("/three", gzip.compress(two), headers={"Content-Encoding": "deflate, gzip, gzip"})
    async with Fetcher() as fetcher:
        assert (await fetcher.fetch(ok)).body.decode() == text
        with pytest.raises(FetchError, match="3 layers of Content-Encoding"):
            await fetcher.fetch(three)
        with pytest.raises(TooLarge):  # the attachment cap: same fetcher, a smaller cap for one request
            await fetcher.fetch(ok, max_bytes=1000)


async def test_links_into_private_networks_are_not_fetched(http_server: NoticeServer) -> None:
    # Row 8: a source on one host links to a service on another loopback host (127.0.0.1 stands for the
    # bot's own admin pages or a metadata service). Its own host is fine; the other one is not reached.
    internal = http_server.add("/admin/secret.html", ARTICLE)
    with NoticeServer(host="127.0.0.2") as hostile:
        own = hostile.add("/n/1.html", ARTICLE)
        redirect = hostile.add("/n/2.html", status=302, location=internal)
        by_name = internal.replace("127.0.0.1", "localhost")  # a name resolving to loopback
        async with Fetcher() as fetcher:
            with net_scope(hostile.url("/feed.xml")):
                assert (await fetch_entry(fetcher, Entry(url=own, title="t"))).text
                for target in (internal, redirect, by_name):
                    with pytest.raises(BlockedAddress, match="non-public address"):
                        await fetch_entry(fetcher, Entry(url=target, title="t"))
            assert http_server.hits("/admin/secret.html") == 0
            # The config may allow private networks for a source (intranet sources, the demo, tests).
            with net_scope(hostile.url("/feed.xml"), allow_private=True):
                assert (await fetch_entry(fetcher, Entry(url=redirect, title="t"))).text
    assert http_server.hits("/admin/secret.html") == 1


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("127.0.0.1", False),
        ("10.1.2.3", False),
        ("169.254.169.254", False),  # cloud metadata
        ("100.100.100.200", False),  # shared address space (a metadata service too)
        ("::1", False),
        ("::ffff:127.0.0.1", False),
        ("fd00:ec2::254", False),
        ("0.0.0.0", False),
        ("8.8.8.8", True),
        ("2001:4860:4860::8888", True),
    ],
)
def test_public_addresses(address: str, public: bool) -> None:
    assert is_public_address(address) is public


def test_policy_trusts_only_the_sources_own_host() -> None:
    policy = NetPolicy.for_url("http://Intranet.example:8080/notices/")
    assert policy.may_reach_private("intranet.example") and not policy.may_reach_private("127.0.0.1")
    assert NetPolicy.for_url("http://x/", allow_private=True).may_reach_private("10.0.0.1")

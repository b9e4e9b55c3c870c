"""Admin operations of the core: preview a source before adding it, and the bot's status figures."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from bot.config import source_spec, unique_name
from bot.models import FailedDelivery, SourceKind, SourceSpec
from bot.sources.errors import NoListError
from bot.sources.fetch import Fetcher
from bot.sources.listing import read_listing
from storage.api import Store
from storage.models import InstanceInfo

__all__ = ["SourcePreview", "Status", "preview_source", "status", "suggest_name"]


@dataclass(frozen=True, slots=True)
class SourcePreview:
    """What one fetch of a would-be source found."""

    spec: SourceSpec
    kind: str
    titles: tuple[str, ...]
    links_found: int


@dataclass(frozen=True, slots=True)
class Status:
    """The figures /status shows."""

    notices: int
    sources: int
    failing: tuple[str, ...]
    paused: tuple[str, ...]
    deliveries: dict[str, int]
    rate_limited: int
    failures: tuple[FailedDelivery, ...] = ()  # the latest failed deliveries, newest first
    instances: tuple[InstanceInfo, ...] = ()  # the processes sharing the store, with their roles
    notices_exact: bool = True  # False: `notices` is the database's estimate (a large PostgreSQL table)


def suggest_name(url: str, taken: set[str]) -> str:
    """A short source name from the URL's host and first path segment (gov.cn/zhengce -> gov-zhengce)."""
    parts = urlsplit(url)
    host = (parts.hostname or "source").removeprefix("www.").split(".")
    path = [p for p in parts.path.split("/") if p and "." not in p][:1]
    return unique_name("-".join([host[0], *path]), taken)


async def preview_source(
    fetcher: Fetcher, store: Store, url: str, name: str = "", selector: str = ""
) -> SourcePreview:
    """Validate the input, fetch the URL once, and report its kind and first items (nothing is saved).

    Raises ConfigError for a bad name, URL or selector and SourceError when the fetch or parse fails.
    """
    taken = {s.name for s in await store.list_sources()}
    table: dict[str, object] = {
        "name": name or suggest_name(url, taken),
        "url": url,
        "item_selector": selector,
    }
    spec = source_spec(table, "source")
    listing = await read_listing(fetcher, url, kind=spec.kind, item_selector=selector)
    if listing.kind == "json" and listing.missing:  # a wrong json_items, said now rather than polled on
        raise NoListError(listing.missing)
    kind: SourceKind = listing.kind
    # Keep what detection found, so the first poll does not guess again.
    spec = SourceSpec(
        name=spec.name,
        url=listing.lasting_url or spec.url,
        kind=kind,
        item_selector=spec.item_selector,
    )
    titles = tuple(e.title for e in listing.entries[:5])
    return SourcePreview(spec=spec, kind=kind, titles=titles, links_found=listing.links_found)


async def status(store: Store, *, failures: int = 5) -> Status:
    """Notices stored, sources failing or paused, deliveries by state, 429s seen, the latest failures."""
    sources = await store.list_sources()
    counters = await store.get_counters()
    notices, exact = await store.estimate_notices()  # not a count of every row on each /status
    return Status(
        notices=notices,
        notices_exact=exact,
        sources=len(sources),
        failing=tuple(s.name for s in sources if s.failures and s.active),
        paused=tuple(s.name for s in sources if not s.active),
        deliveries=await store.delivery_counts(),
        rate_limited=counters.get("telegram_429", 0),
        failures=tuple(await store.recent_failures(failures)),
        instances=tuple(await store.list_instances()),
    )

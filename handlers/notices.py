"""Finding notices from the chat: /search (and plain text in private chats), /latest, /notice."""

from __future__ import annotations

import secrets
from datetime import datetime
from zoneinfo import ZoneInfo

from telegram import Chat, InlineKeyboardButton, InlineKeyboardMarkup, Update

from bot.changelinks import link_of
from bot.i18n import Language, t
from bot.models import Notice
from bot.render import clip, fit_message, list_entry, render_notice
from bot.search import PAGE_SIZE, SearchPage, SearchQueryError, highlight_parts, search_notices
from handlers.common import Context, answer, esc, find_source, lang_of, number, say, send

__all__ = ["cmd_latest", "cmd_notice", "cmd_search", "on_search_page", "on_text", "render_hits"]

_MAX_SAVED_SEARCHES = 500
_LATEST_MAX = 20
_SNIPPET_MAX = 300  # characters of a hit's snippet (storage makes them about 120)


def _date(value: datetime | None) -> str:
    return value.date().isoformat() if value else ""


def render_hits(page: SearchPage, query: str, lang: Language) -> str:
    """One page of hits: header with the total, then per hit its id, title (linked), date, source and snippet."""
    pages = max(1, -(-page.total // PAGE_SIZE))
    number = page.offset // PAGE_SIZE + 1
    if page.more:  # counting stopped at the cap: say "more than", not a page count that would be wrong
        lines = [t("search.header_more", lang, total=page.total, page=number)]
    else:
        lines = [t("search.header", lang, total=page.total, page=number, pages=pages)]
    for hit in page.hits:
        parts = highlight_parts(hit.snippet[:_SNIPPET_MAX])
        snippet = "".join(f"<b>{esc(text)}</b>" if marked else esc(text) for text, marked in parts)
        entry = list_entry(hit.id, hit.title, hit.url, f"{_date(hit.published)} · {hit.source}")
        lines.append(f"\n{entry}\n{snippet}")
    lines.append(f"\n/notice &lt;id&gt; · “{esc(clip(query, 60))}”")
    return fit_message(lines)


def _page_keyboard(key: str, page: SearchPage, lang: Language) -> InlineKeyboardMarkup | None:
    number = page.offset // PAGE_SIZE
    buttons = []
    if number > 0:
        buttons.append(InlineKeyboardButton(t("page.prev", lang), callback_data=f"s:{key}:{number - 1}"))
    if page.has_next:
        buttons.append(InlineKeyboardButton(t("page.next", lang), callback_data=f"s:{key}:{number + 1}"))
    return InlineKeyboardMarkup([buttons]) if buttons else None


async def _search(update: Update, context: Context, text: str, *, page: int = 0, key: str = "") -> None:
    lang = await lang_of(update, context)
    try:
        result = await search_notices(context.services.store, text, page=page)
    except SearchQueryError as exc:
        if exc.reason == "empty":
            await say(update, context, "search.usage")
        else:
            await say(update, context, f"search.{exc.reason}", limit=exc.limit)
        return
    if result.total == 0:
        await say(update, context, "search.none", query=text[:100])
        return
    saved = context.services.pending
    if not key:
        # The query can be far longer than 64 bytes of callback data: keep it here under a short key.
        key = secrets.token_urlsafe(6)
        searches = [k for k in saved if k.startswith("s:")]
        if len(searches) >= _MAX_SAVED_SEARCHES:
            saved.pop(searches[0])  # the oldest search; pending /addsource previews are not touched
        saved[f"s:{key}"] = text
    await send(
        update,
        context,
        render_hits(result, text, lang),
        keyboard=_page_keyboard(key, result, lang),
        edit=page > 0 or bool(update.callback_query),
    )


async def cmd_search(update: Update, context: Context) -> None:
    """/search words — AND of the words, "quoted phrases" kept together."""
    text = " ".join(context.args or [])
    if not text.strip():
        await say(update, context, "search.usage")
        return
    await _search(update, context, text)


async def on_text(update: Update, context: Context) -> None:
    """A plain message in a private chat is a search."""
    message = update.effective_message
    chat = update.effective_chat
    if message is None or chat is None or chat.type != Chat.PRIVATE or not message.text:
        return
    await _search(update, context, message.text)


async def on_search_page(update: Update, context: Context) -> None:
    """Next / Previous buttons of a search result."""
    query = update.callback_query
    if query is None or query.data is None:
        return
    await answer(update, context)
    _, key, digits = [*query.data.split(":"), "", ""][:3]
    text = context.services.pending.get(f"s:{key}")
    page = number(digits)
    if not isinstance(text, str) or page is None:
        await say(update, context, "search.expired")
        return
    await _search(update, context, text, page=page, key=key)


async def _zone(update: Update, context: Context) -> ZoneInfo | None:
    chat = update.effective_chat
    record = await context.stored_chat(chat.id) if chat else None
    try:
        return ZoneInfo(record.timezone) if record else None
    except (ValueError, KeyError):
        return None


def _list_line(notice: Notice) -> str:
    date = _date(notice.published or notice.first_seen)
    return list_entry(notice.id, notice.title, notice.url, f"{date} · {notice.source_name}")


async def cmd_latest(update: Update, context: Context) -> None:
    """/latest [source] [n] — the newest notices, 5 by default, at most 20."""
    args = context.args or []
    store = context.services.store
    count = 5
    source_id = None
    for arg in args[:2]:
        value = number(arg)
        if value is not None:
            count = max(1, min(_LATEST_MAX, value))
        else:
            source = await find_source(update, context, arg)
            if source is None:
                return
            source_id = source.id
    notices = await store.latest_notices(source_id=source_id, limit=count)
    lang = await lang_of(update, context)
    if not notices:
        await say(update, context, "latest.none")
        return
    await send(update, context, fit_message([t("latest.header", lang), *(_list_line(n) for n in notices)]))


async def cmd_notice(update: Update, context: Context) -> None:
    """/notice <id> — the full summary of one notice with its link."""
    arg = (context.args or [""])[0].lstrip("#")
    notice_id = number(arg)
    if notice_id is None:
        await say(update, context, "notice.usage")
        return
    notice = await context.services.store.get_notice(notice_id)
    if notice is None:
        await say(update, context, "notice.unknown", id=arg)
        return
    lang = await lang_of(update, context)
    change = await link_of(context.services.store, notice)
    await send(update, context, render_notice(notice, lang, tz=await _zone(update, context), change=change))

"""Admin commands for the bot's administrators: /addsource, /removesource, /sources, /status, /pollnow."""

from __future__ import annotations

import re
import secrets
from datetime import datetime

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update

from bot.admin import SourcePreview, preview_source, status
from bot.alerts import notify_admins
from bot.errors import NoticebotError, StorageError
from bot.i18n import Language, t
from bot.models import Source
from bot.sources.errors import EndpointMoved
from bot.sources.jsonfields import BodyNotLast, typed_selector
from handlers.common import Context, answer, esc, find_source, is_bot_admin, lang_of, say, send
from storage.urls import redact_urls

__all__ = [
    "cmd_addsource",
    "cmd_pollnow",
    "cmd_removesource",
    "cmd_sources",
    "cmd_status",
    "on_addsource_button",
]

# A word like items=… or body=…: typed where the name goes (names hold no "=").
_FIELD_WORD = re.compile(r"\w+=")


async def _admin_only(update: Update, context: Context) -> bool:
    if is_bot_admin(update, context):
        return True
    await say(update, context, "not_admin.bot")
    return False


async def cmd_addsource(update: Update, context: Context) -> None:
    """/addsource <url> [name] [selector]: fetch once, show the first items, and ask before saving."""
    if not await _admin_only(update, context):
        return
    args = context.args or []
    if not args:
        await say(update, context, "admin.addsource_usage")
        return
    url, name = args[0], (args[1] if len(args) > 1 else "")
    if _FIELD_WORD.match(name):  # "/addsource URL body=…": the fields came first; never echo them (a token)
        await say(update, context, "admin.name_first")
        return
    # The message's own text, not context.args: a body= (the last argument) keeps its spaces as typed.
    text = update.effective_message.text if update.effective_message else None
    words = (text or "").split(maxsplit=3)
    selector = words[3] if len(words) == 4 else ""
    svc = context.services
    lang = await lang_of(update, context)
    await say(update, context, "admin.checking", url=url[:200])
    try:
        preview = await preview_source(svc.fetcher, svc.store, url, name, typed_selector(selector))
    except EndpointMoved as exc:
        await say(update, context, "admin.failed", error=t("admin.endpoint_moved", lang, status=exc.status))
        return
    except BodyNotLast as exc:
        await say(update, context, "admin.failed", error=t("admin.body_not_last", lang, field=exc.name))
        return
    except (NoticebotError, ValueError) as exc:  # ValueError: an invalid CSS selector, or fields
        await say(update, context, "admin.failed", error=str(exc)[:300])
        return
    key = secrets.token_urlsafe(6)
    svc.pending[f"add:{key}"] = preview
    keyboard = InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(t("admin.confirm", lang), callback_data=f"add:{key}"),
                InlineKeyboardButton(t("admin.cancel", lang), callback_data=f"addx:{key}"),
            ]
        ]
    )
    await send(update, context, _preview_text(preview, lang), keyboard=keyboard)


def _preview_text(preview: SourcePreview, lang: Language) -> str:
    name, kind = esc(preview.spec.name), esc(preview.kind)
    if not preview.titles:
        empty = "admin.preview_empty_json" if preview.kind == "json" else "admin.preview_empty"
        return t(empty, lang, name=name, kind=kind)
    titles = "\n".join(f"• {esc(title[:120])}" for title in preview.titles)
    return t("admin.preview", lang, name=name, kind=kind, count=preview.links_found, titles=titles)


async def on_addsource_button(update: Update, context: Context) -> None:
    """Confirm or cancel a previewed /addsource."""
    query = update.callback_query
    if query is None or query.data is None:
        return
    await answer(update, context)
    if not await _admin_only(update, context):
        return
    action, _, key = query.data.partition(":")
    preview = context.services.pending.pop(f"add:{key}", None)
    if not isinstance(preview, SourcePreview):
        await say(update, context, "search.expired")
        return
    lang = await lang_of(update, context)
    if action == "addx":
        await send(update, context, t("admin.cancelled", lang), edit=True)
        return
    try:
        source = await context.services.store.add_source(preview.spec)
    except StorageError as exc:
        await send(update, context, esc(t("admin.failed", lang, error=str(exc))), edit=True)
        return
    await send(update, context, esc(t("admin.added", lang, name=source.name)), edit=True)
    context.services.poller.start_cycle()  # the first poll records what is there now


async def cmd_removesource(update: Update, context: Context) -> None:
    """/removesource <name>: delete a source and its notices."""
    if not await _admin_only(update, context):
        return
    args = context.args or []
    if not args:
        await say(update, context, "admin.removesource_usage")
        return
    if await find_source(update, context, args[0]) is None:
        return
    try:
        await context.services.store.remove_source(args[0])
    except StorageError as exc:  # removed meanwhile by another admin
        await say(update, context, "admin.remove_failed", error=str(exc))
        return
    await say(update, context, "admin.removed", name=args[0])


def _when(value: datetime | None, lang: Language) -> str:
    return value.strftime("%Y-%m-%d %H:%M UTC") if value else t("admin.never", lang)


def _source_line(s: Source, lang: Language) -> str:
    state = "⏸" if not s.active else ("🔴" if s.failures else "🟢")
    line = t(
        "admin.source_line",
        lang,
        state=state,
        name=esc(s.name),
        kind=esc(s.detected_kind or s.spec.kind),
        success=esc(_when(s.last_success, lang)),
        failures=s.failures,
        next=esc(_when(s.next_due, lang) if s.active else "-"),
    )
    if s.layout_changed:
        line += "\n  " + t("admin.layout_changed", lang)
    if s.last_error:
        line += "\n  " + t(
            "admin.last_error", lang, error=esc(redact_urls(s.last_error)[:200])
        )  # as alerts show it
    return line


async def cmd_sources(update: Update, context: Context) -> None:
    """/sources: every source with its health."""
    if not await _admin_only(update, context):
        return
    lang = await lang_of(update, context)
    sources = await context.services.store.list_sources()
    if not sources:
        await say(update, context, "sources.none")
        return
    lines = [t("admin.sources_title", lang), *(_source_line(s, lang) for s in sources[:40])]
    await send(update, context, "\n".join(lines))


async def cmd_status(update: Update, context: Context) -> None:
    """/status: notices stored, deliveries by state, 429s seen, the governor's learned rate, failing
    sources and the latest failed deliveries with their errors."""
    if not await _admin_only(update, context):
        return
    lang = await lang_of(update, context)
    svc = context.services
    st = await status(svc.store)
    gov = svc.governor.status()
    none = t("admin.instance_none", lang)
    instances = "\n".join(
        t(
            "admin.instance",
            lang,
            id=esc(i.id),
            roles=esc(", ".join(i.roles) or none),
            polling=esc(", ".join(i.polling) or none),
        )
        for i in st.instances
    )
    lines = [
        t(
            "admin.status",
            lang,
            notices=st.notices if st.notices_exact else t("admin.about", lang, count=st.notices),
            sources=st.sources,
            failing=esc(", ".join(st.failing) or "-"),
            paused=esc(", ".join(st.paused) or "-"),
            pending=st.deliveries.get("pending", 0) + st.deliveries.get("sending", 0),
            failed=st.deliveries.get("failed", 0),
            sent=st.deliveries.get("sent", 0),
            rate_limited=st.rate_limited,
        ),
        t(
            "admin.governor",
            lang,
            learned=_rate(gov.learned_rate, lang),
            configured=_rate(gov.configured_rate, lang),
            paused=f"{gov.paused_for:.0f}",
            waiting=gov.waiting,
            in_flight=gov.in_flight,
        ),
    ]
    if instances:
        lines.append(instances)
    if st.failures:
        lines.append("\n" + t("admin.failures_title", lang))
        lines.extend(
            t(
                "admin.failure_line",
                lang,
                notice=f.notice_id,
                chat=f.chat_id,
                attempts=f.attempts,
                error=esc((f.last_error or "-")[:160]),
            )
            for f in st.failures
        )
    await send(update, context, "\n".join(lines))


def _rate(value: float | None, lang: Language) -> str:
    return t("admin.no_cap", lang) if value is None else f"{value:.1f}"


async def cmd_pollnow(update: Update, context: Context) -> None:
    """/pollnow [source]: poll now instead of waiting for the schedule."""
    if not await _admin_only(update, context):
        return
    svc = context.services
    args = context.args or []
    lang = await lang_of(update, context)
    if args:
        source = await find_source(update, context, args[0])
        if source is None:
            return
        await say(update, context, "admin.polling", what=source.name)
        reports = await svc.poller.poll_sources([source])
    else:
        await say(update, context, "admin.polling", what=t("admin.all_sources", lang))
        reports = await svc.poller.poll_all()
    if svc.sender is not None:
        svc.sender.wake()
    alerts = [r for r in reports if r.alert]
    if alerts:
        context.application.create_task(notify_admins(context.bot, svc, alerts), name="admin-alerts")
    new = sum(len(r.new) for r in reports)
    failed = sum(1 for r in reports if r.error)
    busy = sum(1 for r in reports if r.busy)
    running = sum(1 for r in reports if r.running)
    done = t("admin.polled", lang, sources=len(reports) - busy - running, new=new, failed=failed)
    if busy:
        done += "\n" + t("admin.polled_busy", lang, n=busy)
    if running:
        done += "\n" + t("admin.polled_running", lang, n=running)
    await send(update, context, done)

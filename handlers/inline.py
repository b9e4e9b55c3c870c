"""Inline mode: `@bot 疫情` in any chat lists matching notices; choosing one posts its summary and link.

Telegram only sends inline queries once inline mode is enabled with @BotFather's /setinline; until then
this handler simply never runs.
"""

from __future__ import annotations

import asyncio
import logging
from typing import cast

from telegram import InlineQueryResultArticle, InputTextMessageContent, LinkPreviewOptions, Update
from telegram.constants import ParseMode

from bot.i18n import Language, language_of
from bot.inline import InlinePage
from handlers.common import Context

__all__ = ["ANSWER_WITHIN", "on_inline_query"]

log = logging.getLogger(__name__)
# Telegram drops an answer that comes too late ("query is too old"); give up on the search well before.
ANSWER_WITHIN = 5.0
CACHE_TIME = 30  # seconds Telegram may cache an answer (for this user: is_personal)


async def on_inline_query(update: Update, context: Context) -> None:
    """Answer an inline query with one page of search results (next_offset pages on)."""
    query = update.inline_query
    if query is None:
        return
    svc = context.services
    if svc.inline is None:
        return
    default = cast(Language, svc.config.telegram.default_language)
    lang = language_of(query.from_user.language_code, default)
    try:
        page = await asyncio.wait_for(svc.inline.query(query.query, query.offset, lang), ANSWER_WITHIN)
    except TimeoutError:
        log.warning(
            "inline search for %d characters took over %gs; answering empty", len(query.query), ANSWER_WITHIN
        )
        page = InlinePage(())
    results = [
        InlineQueryResultArticle(
            id=item.id,
            title=item.title,
            description=item.description,
            input_message_content=InputTextMessageContent(
                item.message,
                parse_mode=ParseMode.HTML,
                link_preview_options=LinkPreviewOptions(is_disabled=True),
            ),
        )
        for item in page.items
    ]
    # Personal: the posted message is rendered in this user's language, so it must not be cached for all.
    await query.answer(results, cache_time=CACHE_TIME, is_personal=True, next_offset=page.next_offset)

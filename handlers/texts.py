"""The chat interface's user-visible strings, in Chinese and English, registered with bot.i18n."""

from __future__ import annotations

from bot.i18n import register

register(
    {
        "start.hello": {
            "zh": "你好！我是 noticebot：我关注政府机关、工会、高校和企业发布的通知，把每条新通知的要点推送给你，并可按关键词检索所有已收录的通知。",
            "en": "Hello! I am noticebot: I watch the notices of government bodies, trade unions, universities and companies, push the key points of each new one to you, and search every notice I have stored.",
        },
        "help": {
            "zh": (
                "<b>订阅</b>\n/subscribe [来源] — 订阅（不带参数时列出来源）\n/unsubscribe [来源] — 取消订阅\n"
                "/mysubs — 我的订阅\n/filter &lt;来源|all&gt; +关键词 -排除词 — 关键词过滤\n"
                "/digest HH:MM 或 /digest off — 每日摘要\n/timezone Asia/Shanghai — 时区\n"
                "<b>查询</b>\n/search 关键词 — 检索通知（私聊中直接发送文字亦可）\n/latest [来源] [条数] — 最新通知\n"
                "/notice &lt;编号&gt; — 查看通知摘要\n"
                "<b>提醒与免打扰</b>\n/remind &lt;编号&gt; [7d 1d] — 截止日期前提醒（推送中的“提醒我”按钮亦可）\n"
                "/reminders — 待发的提醒\n/quiet 22:00-07:30 或 /quiet off — 免打扰时段\n"
                "在任意聊天输入 @本机器人 关键词 — 内联检索并分享通知\n<b>其他</b>\n/lang zh|en — 语言\n/stop — 退订并删除本聊天的全部数据"
            ),
            "en": (
                "<b>Subscriptions</b>\n/subscribe [source] — subscribe (lists sources without an argument)\n"
                "/unsubscribe [source] — unsubscribe\n/mysubs — your subscriptions\n"
                "/filter &lt;source|all&gt; +keyword -excluded — keyword filters\n"
                "/digest HH:MM or /digest off — daily digest\n/timezone Europe/London — time zone\n"
                "<b>Finding notices</b>\n/search words — search notices (or just type in a private chat)\n"
                "/latest [source] [n] — newest notices\n/notice &lt;id&gt; — one notice's summary\n"
                "<b>Reminders and quiet hours</b>\n/remind &lt;id&gt; [7d 1d] — reminders before a notice's "
                "deadlines (or the “Remind me” button of a push)\n/reminders — pending reminders\n"
                "/quiet 22:00-07:30 or /quiet off — quiet hours\n"
                "@thisbot words in any chat — search inline and share a notice\n"
                "<b>Other</b>\n/lang zh|en — language\n/stop — unsubscribe and delete everything about this chat"
            ),
        },
        "help.admin": {
            "zh": "<b>管理</b>\n/addsource &lt;网址&gt; [名称] [选择器]\n/removesource &lt;名称&gt;\n/sources\n/status\n/pollnow [来源]",
            "en": "<b>Admin</b>\n/addsource &lt;url&gt; [name] [selector]\n/removesource &lt;name&gt;\n/sources\n/status\n/pollnow [source]",
        },
        "cmd.start": {"zh": "开始使用", "en": "Start"},
        "cmd.help": {"zh": "使用帮助", "en": "How to use the bot"},
        "cmd.subscribe": {"zh": "订阅来源", "en": "Subscribe to a source"},
        "cmd.unsubscribe": {"zh": "取消订阅", "en": "Unsubscribe"},
        "cmd.mysubs": {"zh": "我的订阅", "en": "My subscriptions"},
        "cmd.filter": {"zh": "关键词过滤", "en": "Keyword filters"},
        "cmd.digest": {"zh": "每日摘要时间", "en": "Daily digest time"},
        "cmd.timezone": {"zh": "设置时区", "en": "Set the time zone"},
        "cmd.search": {"zh": "检索通知", "en": "Search notices"},
        "cmd.latest": {"zh": "最新通知", "en": "Newest notices"},
        "cmd.notice": {"zh": "查看通知", "en": "Show a notice"},
        "cmd.lang": {"zh": "切换语言", "en": "Change language"},
        "cmd.stop": {"zh": "停止并删除数据", "en": "Stop and delete my data"},
        "lang.set": {"zh": "语言已设为中文。", "en": "Language set to English."},
        "lang.usage": {"zh": "用法：/lang zh 或 /lang en", "en": "Usage: /lang zh or /lang en"},
        "unknown": {
            "zh": "未知命令。发送 /help 查看可用命令。",
            "en": "Unknown command. Send /help for the list of commands.",
        },
        "error.internal": {
            "zh": "抱歉，处理时出错了，请稍后再试。",
            "en": "Sorry, something went wrong. Please try again later.",
        },
        "not_admin.group": {
            "zh": "只有群管理员可以更改本群的订阅。",
            "en": "Only group admins can change this group's subscriptions.",
        },
        "not_admin.bot": {
            "zh": "抱歉，此命令仅限机器人管理员使用。",
            "en": "Sorry, this command is for the bot's administrators only.",
        },
        "sources.none": {
            "zh": "还没有任何来源。管理员可用 /addsource 添加。",
            "en": "There are no sources yet. An admin can add one with /addsource.",
        },
        "sources.pick": {"zh": "选择要订阅的来源：", "en": "Pick a source to subscribe to:"},
        "sources.all": {"zh": "全部来源", "en": "All sources"},
        "sources.unknown": {
            "zh": "没有名为 {name} 的来源。可用来源：{names}",
            "en": "There is no source named {name}. Sources: {names}",
        },
        "page.prev": {"zh": "« 上一页", "en": "« Previous"},
        "page.next": {"zh": "下一页 »", "en": "Next »"},
        "sub.done": {
            "zh": "已订阅 {name}。新通知会推送到这里。",
            "en": "Subscribed to {name}. New notices will be pushed here.",
        },
        "sub.already": {"zh": "已经订阅过 {name} 了。", "en": "Already subscribed to {name}."},
        "sub.channel_done": {
            "zh": "频道 {channel} 已订阅 {name}。",
            "en": "Channel {channel} is now subscribed to {name}.",
        },
        "sub.channel_usage": {
            "zh": "用法：/subscribe @频道 来源（先把机器人设为频道管理员）",
            "en": "Usage: /subscribe @channel source (add the bot as a channel admin first)",
        },
        "sub.channel_denied": {
            "zh": "无法订阅 {channel}：你和机器人都必须是该频道的管理员。",
            "en": "Cannot subscribe {channel}: both you and the bot must be admins of that channel.",
        },
        "unsub.done": {"zh": "已取消订阅 {name}。", "en": "Unsubscribed from {name}."},
        "unsub.none": {"zh": "没有订阅 {name}。", "en": "Not subscribed to {name}."},
        "unsub.pick": {"zh": "选择要取消的订阅：", "en": "Pick a subscription to remove:"},
        "mysubs.none": {
            "zh": "本聊天还没有订阅。发送 /subscribe 开始。",
            "en": "This chat has no subscriptions. Send /subscribe to start.",
        },
        "mysubs.title": {"zh": "<b>本聊天的订阅</b>", "en": "<b>This chat's subscriptions</b>"},
        "mysubs.include": {"zh": "包含", "en": "include"},
        "mysubs.exclude": {"zh": "排除", "en": "exclude"},
        "mysubs.instant": {"zh": "即时推送", "en": "instant"},
        "mysubs.digest": {"zh": "每日摘要 {time}", "en": "daily digest at {time}"},
        "mysubs.remove": {"zh": "取消 {name}", "en": "Remove {name}"},
        "mysubs.to_digest": {"zh": "{name}：改为每日摘要", "en": "{name}: daily digest"},
        "mysubs.to_instant": {"zh": "{name}：改为即时推送", "en": "{name}: instant"},
        "filter.usage": {
            "zh": "用法：/filter &lt;来源|all&gt; +关键词 -排除词（只写来源则清除过滤）",
            "en": "Usage: /filter &lt;source|all&gt; +keyword -excluded (a source alone clears its filters)",
        },
        "filter.done": {
            "zh": "{name} 的过滤已更新：包含 {include}；排除 {exclude}",
            "en": "Filters of {name} updated: include {include}; exclude {exclude}",
        },
        "filter.none": {"zh": "无", "en": "none"},
        "filter.not_subscribed": {
            "zh": "请先订阅 {name}（/subscribe {name}）。",
            "en": "Subscribe to {name} first (/subscribe {name}).",
        },
        "digest.usage": {
            "zh": "用法：/digest HH:MM（例如 /digest 08:30）或 /digest off",
            "en": "Usage: /digest HH:MM (for example /digest 08:30) or /digest off",
        },
        "digest.on": {
            "zh": "已改为每日摘要：每天 {time}（{tz}）发送一次。",
            "en": "Switched to a daily digest at {time} ({tz}).",
        },
        "digest.off": {"zh": "已改回即时推送。", "en": "Back to instant pushes."},
        "digest.no_subs": {
            "zh": "本聊天还没有订阅，请先 /subscribe。",
            "en": "This chat has no subscriptions yet; /subscribe first.",
        },
        "tz.usage": {
            "zh": "用法：/timezone Asia/Shanghai（IANA 时区名称）",
            "en": "Usage: /timezone Europe/London (an IANA time zone name)",
        },
        "tz.done": {"zh": "时区已设为 {tz}。", "en": "Time zone set to {tz}."},
        "tz.done_moved": {
            "zh": "时区已设为 {tz}。{n} 条提醒随之改为当地的同一时刻。",
            "en": "Time zone set to {tz}. Reminders moved to the same local time there: {n}.",
        },
        "tz.unknown": {"zh": "不认识的时区：{tz}", "en": "Unknown time zone: {tz}"},
        "search.usage": {"zh": "用法：/search 关键词", "en": "Usage: /search words"},
        "search.none": {"zh": "没有找到包含“{query}”的通知。", "en": "No notice contains “{query}”."},
        "search.header": {
            "zh": "找到 {total} 条通知（第 {page}/{pages} 页）：",
            "en": "{total} notices found (page {page} of {pages}):",
        },
        "search.header_more": {
            "zh": "找到超过 {total} 条通知（第 {page} 页）：",
            "en": "More than {total} notices found (page {page}):",
        },
        "search.expired": {
            "zh": "这次检索已过期，请重新发送。",
            "en": "This search has expired; please send it again.",
        },
        "search.too_long": {
            "zh": "检索词太长了（最多 {limit} 个字符）。",
            "en": "The search is too long (at most {limit} characters).",
        },
        "search.too_many_terms": {
            "zh": "检索词太多了（最多 {limit} 个）。",
            "en": "Too many search terms (at most {limit}).",
        },
        "latest.none": {"zh": "还没有收录任何通知。", "en": "No notices stored yet."},
        "latest.header": {"zh": "最新通知：", "en": "Newest notices:"},
        "notice.usage": {"zh": "用法：/notice &lt;编号&gt;", "en": "Usage: /notice &lt;id&gt;"},
        "notice.unknown": {"zh": "没有编号为 {id} 的通知。", "en": "There is no notice {id}."},
        "stop.done": {
            "zh": "已退订全部来源，并删除了本聊天的所有数据。发送 /start 可重新开始。",
            "en": "Unsubscribed from everything and deleted all data about this chat. Send /start to begin again.",
        },
        "admin.addsource_usage": {
            "zh": "用法：/addsource &lt;网址&gt; [名称] [CSS选择器]\n"
            "JSON 接口可指定字段：items=data.list title=标题 url=链接 date=日期 template=https://…/{id}.html\n"
            "需 POST 的接口：next=pageNo body=pageNo=1&amp;channelId=123（body= 放在最后，原样取到消息末尾，可含空格，"
            '如 body={"pageNo": 1}）',
            "en": "Usage: /addsource &lt;url&gt; [name] [css-selector]\n"
            "A JSON endpoint takes fields instead: items=data.list title=… url=… date=… template=https://…/{id}.html\n"
            "One that wants a POST: next=pageNo body=pageNo=1&amp;channelId=123 (body= comes last and is taken as typed "
            'to the end of the message, spaces included, e.g. body={"pageNo": 1})',
        },
        "admin.body_not_last": {
            "zh": "body= 须放在最后；其后的 {field}= 会被当作请求体发送",
            "en": "body= must come last; {field}= after it would be sent inside the body",
        },
        "admin.name_first": {
            "zh": "名称应写在网址之后、字段之前：/addsource &lt;网址&gt; &lt;名称&gt; items=… body=…",
            "en": "The name comes right after the url, before the fields: "
            "/addsource &lt;url&gt; &lt;name&gt; items=… body=…",
        },
        "admin.endpoint_moved": {
            "zh": "接口返回了跳转（HTTP {status}），已迁移；请更新其网址",
            "en": "the endpoint answered a redirect (HTTP {status}): it moved; update its url",
        },
        "admin.checking": {"zh": "正在抓取 {url} …", "en": "Fetching {url} …"},
        "admin.preview": {
            "zh": "<b>{name}</b>（{kind}）找到 {count} 条，前几条：\n{titles}\n\n确认添加吗？",
            "en": "<b>{name}</b> ({kind}) has {count} items; the first ones:\n{titles}\n\nAdd it?",
        },
        "admin.preview_empty": {
            "zh": "<b>{name}</b>（{kind}）暂未找到通知链接。仍然添加吗？（可提供 CSS 选择器）",
            "en": "<b>{name}</b> ({kind}) shows no notice links yet. Add it anyway? (a CSS selector may help)",
        },
        "admin.preview_empty_json": {
            "zh": "<b>{name}</b>（json）的列表暂时为空。仍然添加吗？（可指定 items=、title=、url= 或 template=）",
            "en": "<b>{name}</b> (json) lists nothing yet. Add it anyway? (items=, title=, url= or template= may help)",
        },
        "admin.confirm": {"zh": "添加", "en": "Add"},
        "admin.cancel": {"zh": "取消", "en": "Cancel"},
        "admin.cancelled": {"zh": "已取消。", "en": "Cancelled."},
        "admin.added": {
            "zh": "已添加来源 {name}，首次轮询会把现有通知记为已读。",
            "en": "Added source {name}; its first poll records the current notices as seen.",
        },
        "admin.failed": {"zh": "无法添加：{error}", "en": "Cannot add it: {error}"},
        "admin.remove_failed": {"zh": "无法删除：{error}", "en": "Cannot remove it: {error}"},
        "admin.removesource_usage": {
            "zh": "用法：/removesource &lt;名称&gt;",
            "en": "Usage: /removesource &lt;name&gt;",
        },
        "admin.removed": {
            "zh": "已删除来源 {name} 及其通知。",
            "en": "Removed source {name} and its notices.",
        },
        "admin.sources_title": {"zh": "<b>来源状态</b>", "en": "<b>Sources</b>"},
        "admin.source_line": {
            "zh": "{state} <b>{name}</b>（{kind}）上次成功：{success}；连续失败：{failures}；下次轮询：{next}",
            "en": "{state} <b>{name}</b> ({kind}) last success: {success}; failures: {failures}; next poll: {next}",
        },
        "admin.layout_changed": {"zh": "⚠️ 页面结构可能已改变", "en": "⚠️ layout changed?"},
        "admin.last_error": {"zh": "错误：{error}", "en": "error: {error}"},
        "admin.never": {"zh": "从未", "en": "never"},
        "admin.status": {
            "zh": (
                "<b>运行状态</b>\n已收录通知：{notices}\n来源：{sources}（失败中：{failing}；已暂停：{paused}）\n"
                "待发送：{pending}；累计发送失败：{failed}；累计已发送：{sent}\n收到的 429：{rate_limited}"
            ),
            "en": (
                "<b>Status</b>\nNotices stored: {notices}\nSources: {sources} (failing: {failing}; paused: {paused})\n"
                "Pending deliveries: {pending}; failed in total: {failed}; sent in total: {sent}\n429s received: {rate_limited}"
            ),
        },
        "admin.about": {
            "zh": "约 {count}",
            "en": "about {count}",
        },  # the database's estimate of a large table
        "admin.polling": {"zh": "正在轮询 {what} …", "en": "Polling {what} …"},
        "admin.polled": {
            "zh": "轮询完成：{sources} 个来源，新通知 {new} 条，失败 {failed} 个。",
            "en": "Poll done: {sources} sources, {new} new notices, {failed} failed.",
        },
        # Sources /pollnow left alone: another instance holds their lease and is polling them right now.
        "admin.polled_busy": {
            "zh": "{n} 个来源未轮询：其他实例正在轮询。",
            "en": "{n} sources not polled: another instance is polling them.",
        },
        # Sources /pollnow left alone: this instance is polling them already (its poll job, an earlier /pollnow).
        "admin.polled_running": {
            "zh": "{n} 个来源未重复轮询：本实例正在轮询。",
            "en": "{n} sources not polled again: already being polled here.",
        },
        "admin.all_sources": {"zh": "全部来源", "en": "all sources"},
        # #12: instances sharing a PostgreSQL database
        "admin.instance": {
            "zh": "实例 <code>{id}</code>：角色 {roles}；正在轮询 {polling}",
            "en": "Instance <code>{id}</code>: roles {roles}; polling {polling}",
        },
        "admin.instance_none": {"zh": "无", "en": "none"},
    }
)


# --- issue 10: the outbound governor in /status ---------------------------------------------------
register(
    {
        "admin.governor": {
            "zh": "发送速率：{learned}/秒（配置 {configured}/秒）；暂停中：{paused} 秒；排队 {waiting}，发送中 {in_flight}",
            "en": "Send rate: {learned}/s (configured {configured}/s); paused: {paused} s; waiting {waiting}, in flight {in_flight}",
        },
        "admin.no_cap": {"zh": "不限", "en": "no cap"},
        "admin.failures_title": {"zh": "<b>最近发送失败</b>", "en": "<b>Latest failed deliveries</b>"},
        "admin.failure_line": {
            "zh": "• 通知 #{notice} → 会话 {chat}（尝试 {attempts} 次）：{error}",
            "en": "• notice #{notice} → chat {chat} ({attempts} attempts): {error}",
        },
    }
)

# --- issue 14: reminders, quiet hours, inline mode ---------------------------------------------------
register(
    {
        "cmd.remind": {"zh": "截止日期提醒", "en": "Deadline reminders for a notice"},
        "cmd.reminders": {"zh": "待发的提醒", "en": "Pending reminders"},
        "cmd.quiet": {"zh": "免打扰时段", "en": "Quiet hours"},
        "remind.usage": {
            "zh": "用法：/remind &lt;通知编号&gt; [提前天数…]，例如 /remind 12 7d 1d（默认提前 3 天和 1 天，上午 9:00）",
            "en": "Usage: /remind &lt;notice id&gt; [lead times…], e.g. /remind 12 7d 1d (default: 3 days and 1 day before, at 09:00)",
        },
        "remind.nothing": {
            "zh": "通知 {id} 没有可提醒的截止日期（没有日期明确、尚未过去的截止时间）。",
            "en": "Notice {id} has no deadline to remind you of (none dated and still ahead).",
        },
        "remind.set": {
            "zh": "⏰ 已为《{title}》设置 {count} 条提醒（时区 {tz}）：",
            "en": "⏰ {count} reminders set for “{title}” (time zone {tz}):",
        },
        "remind.deadline": {"zh": "截止 {date}", "en": "deadline {date}"},
        "remind.hint": {
            "zh": "/reminders 查看或取消；/remind {id} 7d 1d 更改提前时间。",
            "en": "/reminders lists or cancels them; /remind {id} 7d 1d changes the lead times.",
        },
        "reminders.none": {"zh": "没有待发的提醒。", "en": "No pending reminders."},
        "reminders.title": {"zh": "<b>待发的提醒</b>", "en": "<b>Pending reminders</b>"},
        "reminders.cancel": {"zh": "取消 {n}", "en": "Cancel {n}"},
        "reminder.cancelled": {
            "zh": "好的，已取消该通知的 {n} 条后续提醒。",
            "en": "OK, {n} remaining reminders of that notice cancelled.",
        },
        "quiet.usage": {
            "zh": "用法：/quiet 22:00-07:30（本聊天时区）或 /quiet off。免打扰期间的推送和提醒会在结束时一并送达。",
            "en": "Usage: /quiet 22:00-07:30 (this chat's time zone) or /quiet off. Pushes and reminders due in the window arrive together when it ends.",
        },
        "quiet.on": {
            "zh": "🌙 免打扰时段：{window}（{tz}）。期间的推送会在结束时一并送达；管理员告警不受影响。",
            "en": "🌙 Quiet hours: {window} ({tz}). Pushes in the window arrive together when it ends; admin alerts are not held.",
        },
        "quiet.off": {"zh": "已关闭免打扰时段。", "en": "Quiet hours are off."},
        "quiet.current": {
            "zh": "当前免打扰时段：{window}（{tz}）。/quiet off 关闭。",
            "en": "Quiet hours: {window} ({tz}). /quiet off turns them off.",
        },
        "mysubs.quiet": {"zh": "🌙 免打扰：{window}（{tz}）", "en": "🌙 Quiet hours: {window} ({tz})"},
    }
)

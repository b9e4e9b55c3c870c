"""noticebot's core: config, models, sources, summariser, poller, delivery and the application's composition root."""

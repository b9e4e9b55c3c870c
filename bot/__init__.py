"""noticebot core: config, models, sources, summariser, poller, delivery, and the app composition root."""

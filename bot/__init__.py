"""noticebot core: config, models, sources, summariser, poller, delivery, and the app composition root."""

import os

# PTB 22 warns whenever RetryAfter.retry_after is read as seconds; opting in to its future timedelta type
# keeps 429 handling free of deprecation warnings (which the test suite turns into errors).
os.environ.setdefault("PTB_TIMEDELTA", "1")

"""noticebot core: config, models, sources, summariser, poller, delivery, and the app composition root."""

import os

# PTB 22 warns whenever RetryAfter.retry_after is read as seconds; opting in to its future timedelta type
# keeps 429 handling free of deprecation warnings (which the test suite turns into errors).
os.environ.setdefault("PTB_TIMEDELTA", "1")

from bot.native import use_compiled

# The mypyc build of bot.dates and the summariser, when it matches their sources (bot/native.py); chosen here,
# before any module imports bot.dates, so that the two never mix compiled and Python.
use_compiled(__path__)

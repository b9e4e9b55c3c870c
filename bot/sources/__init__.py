"""Sources: from a URL to candidate notices (fetch, decode, feeds, listing pages, article extraction).

The poller calls `listing.read_listing` then `listing.fetch_entry`; everything else is a building block.
"""

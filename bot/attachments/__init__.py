"""Attachments: finding a notice's PDF, Word and spreadsheet links, reading them in worker processes.

links (where they are) -> reader (download with the poller's fetcher) -> pool/worker (a killable process)
-> pdf, office, ocr (one module per format family) -> compose (one text and one summary per notice).
"""

"""Helpers for the browser tests (tests/test_browser.py): server, crawler, Chromium, in-page probe."""

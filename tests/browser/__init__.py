"""Tests in a real browser (Debian's Chromium, driven by Playwright) against the built demo site.

This folder is a package so that its conftest.py does not clash with tests/conftest.py.
"""

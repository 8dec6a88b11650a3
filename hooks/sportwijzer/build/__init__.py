"""What the build writes: the generated pages and every other file (open data, calendars, the
finder's files, old addresses, the Content-Security-Policy)."""

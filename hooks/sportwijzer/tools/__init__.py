"""The command line: make check, make nieuw-..., make verouderd, make vraag-telling, the issue
converters, and the preview of make serve."""

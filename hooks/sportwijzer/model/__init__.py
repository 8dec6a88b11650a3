"""The typed model that templates read, assembled from data that check/ passed. It stands beside
check/; the two meet only in site.py."""

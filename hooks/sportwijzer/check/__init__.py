"""Read and check: the data files read the strict way, each kind against its schema and its
rules, every mistake one Dutch line. It stands beside model/; the two meet only in site.py."""

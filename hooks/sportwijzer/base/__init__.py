"""What every other folder stands on: problems and their Dutch lines, dates, places, slugs, Dutch
wording, the words of the domain, and small helpers that know nothing of pages."""

"""Reading a query is one set of rules: the browser's module (javascripts/query_reading.js, as
the built site serves it) gives the same answer as the Python rules for every case in the
table."""

from __future__ import annotations

import json
import re

from query_reading_cases import cases, demo_lexicon
from sportwijzer.twins import query_reading

from .harness import visit


def camel(name: str) -> str:
    return re.sub(r"_([a-z])", lambda m: m[1].upper(), name)


def test_the_browser_module_and_the_python_rules_agree_on_every_case(page):
    table = cases()
    assert len(table) >= 300
    lexicon = demo_lexicon()
    sent = [
        [camel(name), ["§lexicon" if arg is lexicon else arg for arg in args]]
        for name, args in table
    ]  # the lexicon once, not with every case
    visit(page, "javascripts/query_reading.js")
    answers = page.evaluate(
        """async ([url, table, lexicon]) => {
            const rules = await import(url);
            return table.map(([name, args]) =>
                rules[name](...args.map((a) => (a === "§lexicon" ? lexicon : a))));
        }""",
        [page.url, sent, lexicon],
    )
    # JSON both ways: a Python tuple and a list, None and null, are the same answer
    differ = [
        (name, args[:1], mine, theirs)
        for (name, args), theirs in zip(table, answers, strict=True)
        if json.loads(json.dumps(mine := getattr(query_reading, name)(*args))) != theirs
    ]
    assert not differ, f"{len(differ)} of {len(table)} differ, first: {differ[:3]}"

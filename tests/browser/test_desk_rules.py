"""The desk's rules are one set: the browser's module (javascripts/desk.js, as the built site
serves it) gives the same answer as hooks/sportwijzer/twins/desk.py for every case in the table."""

from __future__ import annotations

import re

from desk_cases import cases
from sportwijzer.twins import desk

from .harness import visit


def camel(name: str) -> str:
    return re.sub(r"_([a-z])", lambda m: m[1].upper(), name)


def test_the_browser_module_and_the_python_rules_agree_on_every_case(page):
    table = cases()
    visit(page, "javascripts/desk.js")  # a page with nothing else on it, on the site
    answers = page.evaluate(
        """async ([url, table]) => {
            const rules = await import(url);
            return table.map(([name, args]) => rules[name](...args));
        }""",
        [page.url, [[camel(name), args] for name, args in table]],
    )
    differ = [
        (name, args, mine, theirs)
        for (name, args), theirs in zip(table, answers, strict=True)
        if (mine := getattr(desk, name)(*args)) != theirs
    ]
    assert not differ, f"{len(differ)} of {len(table)} differ, first: {differ[:3]}"

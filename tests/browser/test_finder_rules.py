"""The finder's rules are one set: the browser's module (javascripts/finder_rules.js, as the
built site serves it) gives the same answer as the Python rules for every case in the table."""

from __future__ import annotations

import re

from finder_rule_cases import cases
from sportwijzer.twins import finder_rules

from .harness import visit


def camel(name: str) -> str:
    return re.sub(r"_([a-z])", lambda m: m[1].upper(), name)


def rounded(value):
    """Distances to a millionth of a metre: Python's and V8's sine may differ in the last bit."""
    return round(value, 9) if isinstance(value, float) else value


def test_the_browser_module_and_the_python_rules_agree_on_every_case(page):
    table = cases()
    assert len(table) >= 300
    visit(page, "javascripts/finder_rules.js")  # a page with nothing else on it, on the site
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
        if rounded(mine := getattr(finder_rules, name)(*args)) != rounded(theirs)
    ]
    assert not differ, f"{len(differ)} of {len(table)} differ, first: {differ[:3]}"

"""Python's cycle collector paused while the region is loaded and its pages are planned.

Loading keeps nearly every object it makes (about a million at 10,000 offers). The collector
starts a round after every few hundred new objects and, as they pile up, walks them all again
and again: it finds next to nothing and cost about a tenth of a full build. Paused, it picks up
where it left off afterwards, so the little cyclic garbage is still freed.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def collector_paused(function: Callable[P, R]) -> Callable[P, R]:
    """`function` runs with the cycle collector off; it is on again afterwards if it was on."""

    @functools.wraps(function)
    def paused(*args: P.args, **kwargs: P.kwargs) -> R:
        running = gc.isenabled()
        gc.disable()
        try:
            return function(*args, **kwargs)
        finally:
            if running:
                gc.enable()

    return paused

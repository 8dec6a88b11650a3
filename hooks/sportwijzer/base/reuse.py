"""In the preview (`make serve`), what was worked out from one file's text is kept for the next
build, by that text: after a change to one file of a thousand, one file is read and checked
again, not a thousand.

Off unless the preview turns it on (sportwijzer_serve.py): `make check`, `mkdocs build` and the
tests always work from scratch. What is kept may depend on the shared files too (the lists in
lijsten/ say which values are known); the preview forgets everything when one of those changes
(`forget`), so a key holds only what differs from one data file to the next. Kept values are
shared between builds: nothing that reads them may change them.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from pathlib import Path
from typing import TypeVar, cast

T = TypeVar("T")

# One key, one kind of work: what a key holds is what that key's work gave (hence the casts).
_kept: dict[Hashable, object] | None = None  # None: off


def turn_on() -> None:
    """Keep from now on (the preview, once per serve process)."""
    global _kept
    _kept = {} if _kept is None else _kept


def turn_off() -> None:
    global _kept
    _kept = None


def forget() -> None:
    """A shared file changed: nothing kept is known to hold any more."""
    if _kept is not None:
        _kept.clear()


def kept(key: Hashable, work: Callable[[], T]) -> T:
    """`work()`, or what it gave before for the same key while keeping is on."""
    if _kept is None:
        return work()
    if key not in _kept:
        _kept[key] = work()
    return cast(T, _kept[key])


def kept_for_file(what: str, root: Path, relative: str, work: Callable[[], T]) -> T:
    """`work()` on one file, or what it gave before for the same bytes of the same file."""
    if _kept is None:
        return work()
    try:
        data = (root / relative).read_bytes()
    except OSError:
        return work()  # the work says what is wrong with the file, in Dutch
    key = (what, str(root), relative)
    before = _kept.get(key)
    if isinstance(before, tuple) and before[0] == data:
        return cast(T, before[1])
    value = work()
    _kept[key] = (data, value)  # the file's last version only: an edited file replaces its own
    return value

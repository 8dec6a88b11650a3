"""A digest of everything an object graph holds: the same digest means the same content.

The preview (tools/preview.py) renders a generated page again only when the digest of its input
changed: its Markdown, its template's name and every object its template can reach (an offer,
its provider, the provider's other offers, ...). The digest follows every reference, cycles
included, so a change anywhere a page can reach changes that page's digest; an object that
cannot be read as data (a function, an object without fields) is named by its type and repr,
so at worst a page is rendered once more than needed, never once too few.

Within one build each object's own part is worked out once, however many pages reach it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import marshal
from collections.abc import Iterator
from decimal import Decimal
from enum import Enum
from pathlib import PurePath
from types import ModuleType
from typing import Any

PLAIN: tuple[type, ...] = (str, int, float, bool, type(None), bytes, dt.date, dt.time)
PLAIN += (dt.timedelta, Decimal, Enum)
PLAIN += (PurePath,)
CHILD = b"\xff\xff\xff\xff"  # where a reference to another object stands in an object's part


def _plain_bytes(value: object) -> bytes | None:
    """A value written out in full: a plain value, or a list, tuple or dict of nothing but such
    values (the data's own fields: written at once, not as a hundred small objects); else None.
    marshal (version 0: no shared references, no interned strings, so the same value is always
    written the same way) refuses, fast, anything that is not plain data, and it tells 1 from
    '1', 1 from 1.0 and a tuple from a list."""
    if isinstance(value, (str, int, float, bytes, list, tuple, dict, type(None))):
        try:
            return marshal.dumps(value, 0)
        except ValueError:  # an object inside, or a subclass (a markupsafe.Markup)
            pass
    return repr(value).encode() if isinstance(value, PLAIN) else None


class GraphDigest:
    """Digests of object graphs for one build (objects must not change while it is used).

    Every object's digest covers what it reaches. Objects that reach each other (a provider and
    its offers) form one group, found with Tarjan's algorithm. When a group is complete, every
    group it points to is complete too, so its digest is worked out at once and only once: the
    group read breadth first from its first member, with the digests of the groups it points to;
    each member's digest is the group's and the member's place in it. So a thousand pages that
    reach the same provider cost one reading of it, not a thousand.
    """

    def __init__(self) -> None:
        # id -> (the object, kept alive so that its id is not reused; its part; its children)
        self._parts: dict[int, tuple[object, bytes, list[object]]] = {}
        self._group: dict[int, int] = {}  # id -> number of its group (strongly connected)
        self._digests: dict[int, bytes] = {}  # id -> digest of what it reaches, entered by it

    def digest(self, *roots: object) -> str:
        """A hex digest of the roots and of everything they reach."""
        self._find_groups(roots)
        return self._digests[id(roots)].hex()

    def _find_groups(self, root: object) -> None:
        """Tarjan's strongly connected components of what `root` reaches, without recursion."""
        if id(root) in self._group:
            return
        number: dict[int, int] = {}
        low: dict[int, int] = {}
        stack: list[object] = []
        on_stack: set[int] = set()

        def visit(obj: object) -> None:
            number[id(obj)] = low[id(obj)] = len(number)
            stack.append(obj)
            on_stack.add(id(obj))
            work.append((obj, iter(self._part(obj)[1])))

        work: list[tuple[object, Iterator[object]]] = []
        visit(root)
        while work:
            obj, children = work[-1]
            for child in children:
                if id(child) in self._group:
                    continue  # a group found before: not part of this one
                if id(child) not in number:
                    if self._part(child)[1]:
                        visit(child)
                        break
                    self._close_leaf(child)  # refers to nothing: a group of its own, at once
                    continue
                if id(child) in on_stack:
                    low[id(obj)] = min(low[id(obj)], number[id(child)])
            else:
                work.pop()
                if work:
                    parent = id(work[-1][0])
                    low[parent] = min(low[parent], low[id(obj)])
                if low[id(obj)] == number[id(obj)]:
                    self._close_group(obj, stack, on_stack)

    def _close_group(self, head: object, stack: list[object], on_stack: set[int]) -> None:
        """Number the group and give each member its digest."""
        group, members = len(self._group), []  # a number no other group has
        while True:
            member = stack.pop()
            on_stack.discard(id(member))
            self._group[id(member)] = group
            members.append(member)
            if member is head:
                break
        digest = hashlib.blake2b(digest_size=16)
        order, queue = {id(head): 0}, [head]
        for obj in queue:  # the queue grows while it is read: each member once, from the head
            part, children = self._part(obj)
            digest.update(len(part).to_bytes(8, "little") + part)
            for child in children:
                if self._group[id(child)] != group:
                    digest.update(b"d" + self._digests[id(child)])
                    continue
                index = order.get(id(child))
                if index is None:
                    index = order[id(child)] = len(queue)
                    queue.append(child)
                digest.update(b"i" + index.to_bytes(8, "little"))
        found = digest.digest()
        if len(members) == 1:
            self._digests[id(head)] = found
            return
        for member in members:  # the same group entered by another member: another digest
            place = order[id(member)].to_bytes(8, "little")
            self._digests[id(member)] = hashlib.blake2b(found + place, digest_size=16).digest()

    def _close_leaf(self, leaf: object) -> None:
        part = self._part(leaf)[0]
        self._group[id(leaf)] = len(self._group)
        digest = hashlib.blake2b(len(part).to_bytes(8, "little") + part, digest_size=16)
        self._digests[id(leaf)] = digest.digest()

    def _part(self, obj: object) -> tuple[bytes, list[object]]:
        """The object's own part (its type, its field names and plain values) and the objects
        it refers to."""
        kept = self._parts.get(id(obj))
        if kept is None:
            header, values = _header_and_values(obj)
            written, children = [header], []
            for value in values:
                data = _plain_bytes(value)
                if data is None:
                    children.append(value)
                    written.append(CHILD)
                else:
                    written.append(len(data).to_bytes(4, "little") + data)
            kept = self._parts[id(obj)] = (obj, b"".join(written), children)
        return kept[1], kept[2]


_HEADERS: dict[tuple[type, tuple[str, ...]], bytes] = {}  # a type and its field names, written


def _header(kind: type, names: tuple[str, ...] = ()) -> bytes:
    """The type's name and the names of the fields that follow, written once per process."""
    found = _HEADERS.get((kind, names))
    if found is None:
        text = "\x00".join([f"{kind.__module__}.{kind.__qualname__}", *names]).encode()
        found = _HEADERS[(kind, names)] = len(text).to_bytes(4, "little") + text
    return found


def _header_and_values(obj: object) -> tuple[bytes, list[Any]]:
    """What an object holds, in a fixed order: items, fields, or (for code) what names it."""
    kind = type(obj)
    if isinstance(obj, (list, tuple)):
        return _header(kind), list(obj)
    if isinstance(obj, dict):
        return _header(kind), [value for pair in obj.items() for value in pair]
    if isinstance(obj, (set, frozenset)):
        return _header(kind), sorted(obj, key=repr)
    if callable(obj) and hasattr(obj, "__qualname__"):
        return _header(kind), _code_values(obj)
    fields = getattr(obj, "__dict__", None)
    slots = [name for base in kind.__mro__ for name in getattr(base, "__slots__", ())]
    if fields is None and not slots:
        return _header(kind), [repr(obj)]
    found = dict(fields or {})
    found.update({name: getattr(obj, name) for name in slots if hasattr(obj, name)})
    names = tuple(sorted(found))
    return _header(kind, names), [found[name] for name in names]


def _code_values(function: Any) -> list[Any]:
    """A function by its name, and the values it closes over or defaults to."""
    cells = [cell.cell_contents for cell in getattr(function, "__closure__", None) or ()]
    bound = getattr(function, "__self__", None)
    bound = None if isinstance(bound, ModuleType) else bound  # a builtin's module: not data
    defaults = getattr(function, "__defaults__", None) or ()
    name = f"{getattr(function, '__module__', '')}.{function.__qualname__}"
    return [name, *cells, *defaults, *([] if bound is None else [bound])]

"""What git knows about the region's files: which are on the main branch, which are new.

Checks that depend on history (a new event dated last year, a published offer that was deleted)
ask this module. A folder that is not a git checkout, a checkout without a main branch, or a
machine without git gives None: those checks then keep their behaviour without history.

The main branch is, in this order: `origin/$GITHUB_BASE_REF` (the branch a pull request goes
into, on GitHub Actions), `origin/main`, `main`, `origin/master`, `master`. On the main branch
itself, the files committed there count as on main; what is uncommitted is new.

`changed_files` answers a different question, for annotations on a pull request: which files
this branch changes compared with the main branch (committed here, changed but not committed,
or new and not yet added). Deleted files are in it too, under their old name.
"""

from __future__ import annotations

import functools
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class GitState:
    """The region's files on the main branch, relative to the region's root (with '/')."""

    base: str  # the ref they were read from, for messages ("origin/main")
    on_main: frozenset[str]

    def is_new(self, relative: str) -> bool:
        """A file that is not on the main branch: uncommitted, or added by this branch."""
        return relative not in self.on_main

    def deleted(self, relative_files: frozenset[str] | set[str], folder: str) -> list[str]:
        """Files of `folder` that are on the main branch but no longer here, sorted."""
        prefix = folder.rstrip("/") + "/"
        return sorted(
            name for name in self.on_main if name.startswith(prefix) and name not in relative_files
        )


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", "-C", str(root), *args],
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
            env={**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"},
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def _candidates() -> list[str]:
    base_ref = os.environ.get("GITHUB_BASE_REF", "").strip()
    first = [f"origin/{base_ref}"] if base_ref else []
    return [*first, "origin/main", "main", "origin/master", "master"]


@functools.lru_cache(maxsize=8)
def _read(root: str) -> GitState | None:
    path = Path(root)
    top = _git(path, "rev-parse", "--show-toplevel")
    if top is None:
        return None
    prefix = _git(path, "rev-parse", "--show-prefix")
    prefix = (prefix or "").strip()
    for ref in _candidates():
        if _git(path, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}") is None:
            continue
        # -z: names as they are, not quoted ("agenda/caf\303\251.yml") when not plain ASCII
        listing = _git(path, "ls-tree", "-r", "-z", "--name-only", "--full-tree", ref)
        if listing is None:
            continue
        names = frozenset(
            name[len(prefix) :] for name in listing.split("\0") if name and name.startswith(prefix)
        )
        return GitState(ref, names)
    return None


def git_state(root: Path) -> GitState | None:
    """The main branch's view of `root`, or None when there is no history to compare with."""
    return _read(str(Path(root).resolve()))


def changed_files(root: Path) -> frozenset[str] | None:
    """Files under `root` (relative, with '/') that differ from the main branch; None when
    there is no history to compare with, or git cannot say (a shallow clone without the base)."""
    state = git_state(root)
    if state is None:
        return None
    path = Path(root).resolve()
    diff = ("diff", "--name-only", "-z", "--no-renames", "--relative")
    names: set[str] = set()
    for args in (
        (*diff, f"{state.base}...HEAD"),  # what this branch changed since it left main
        (*diff, "HEAD"),  # changed, staged or not, and not yet committed
        ("ls-files", "--others", "--exclude-standard", "-z"),  # new, not yet added
    ):
        listing = _git(path, *args)
        if listing is None:
            return None
        names.update(name for name in listing.split("\0") if name)
    return frozenset(names)


def forget() -> None:
    """Read git again next time (after a commit in a test, or in a long-running preview)."""
    _read.cache_clear()

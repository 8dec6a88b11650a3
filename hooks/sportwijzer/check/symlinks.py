"""Nothing outside the repository is read: a symlink anywhere the build or MkDocs reads is an error.

MkDocs follows symlinks in the pages' folder and the theme's; a symlink there would publish the
build machine's files. The data folders refuse them as they read (load.discover); this walks every
folder the build reads, data folders included, and the files at the top that are read.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from ..base.problems import Problem
from .load import _SYMLINK

# Folders that MkDocs or the core reads, besides the data folders: the pages (docs_dir), the
# templates (custom_dir), the code, the lists and the toolkit.
READ_FOLDERS = ("content", "overrides", "hooks", "lijsten", "toolkit")
READ_FILES = ("regio.yml", "mkdocs.yml")


def symlink_problems(root: Path, data_folders: Iterable[str] = ()) -> list[Problem]:
    """Every symlink in the folders and files that are read, as a file or as a folder."""
    problems = [Problem(name, None, _SYMLINK) for name in READ_FILES if (root / name).is_symlink()]
    for folder in sorted({*READ_FOLDERS, *data_folders}):
        problems += _in_folder(root, folder)
    return problems


def _in_folder(root: Path, folder: str) -> list[Problem]:
    """The folder itself when it is a symlink, else every symlink below it (never followed)."""
    top = root / folder
    if top.is_symlink():
        return [Problem(folder + "/", None, _SYMLINK)]
    problems = []
    for current, folders, files in os.walk(top):  # os.walk does not follow symlinked folders
        for name in sorted(folders + files):
            path = Path(current, name)
            if path.is_symlink():
                relative = path.relative_to(root).as_posix() + ("/" if name in folders else "")
                problems.append(Problem(relative, None, _SYMLINK))
        folders[:] = sorted(name for name in folders if not Path(current, name).is_symlink())
    return problems

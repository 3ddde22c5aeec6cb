"""Which rules run, with what severity and options: from hegao.toml or [tool.hegao] in
pyproject.toml (the nearest one above a checked file wins) and the command line."""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any

from hegao import messages
from hegao.checker.model import Severity
from hegao.checker.source.reading import DEFAULT_MAX_BYTES

DEFAULT_INCLUDE = ("*.txt", "*.md", "*.markdown", "*.docx")
DEFAULT_MAX_FILE_MB = DEFAULT_MAX_BYTES / 1_000_000  # the reader's bound, in MB
# The largest bound one may set: offsets into a draft are kept as 32-bit integers, and a
# larger draft could not be checked in memory anyway (50 bytes a byte).
MAX_FILE_MB_CEILING = 2000
KNOWN_KEYS = {
    "select", "ignore", "extend-select", "severity", "per-file-ignores",
    "include", "exclude", "rules", "max-file-size", "respect-gitignore",
}  # fmt: skip


class ConfigError(ValueError):
    """A bad configuration: where (the file, the key) and a message key with its values
    (hegao/messages.py), rendered in the user's language when shown."""

    def __init__(self, where: object, message: str, /, **params: object) -> None:
        super().__init__(message)
        self.where = where
        self.key = message
        self.params = params

    def __str__(self) -> str:
        return f"{self.where}: {messages.text(self.key, **self.params)}"


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ()  # codes or prefixes; empty means all
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    max_file_size: float = DEFAULT_MAX_FILE_MB  # in MB; larger files are refused
    respect_gitignore: bool = True  # folders are walked without what .gitignore ignores
    root: Path | None = None  # the folder of the config file: globs are relative to it
    source: Path | None = None

    def enabled(self, code: str, by_default: bool = True) -> bool:
        """Whether the rule runs. A rule that is off by default (SUP001) runs only when
        select or extend-select names it (or its prefix)."""
        named = _matches(code, self.select) or _matches(code, self.extend_select)
        chosen = named or (by_default and not self.select)
        return chosen and not _matches(code, self.ignore)

    def for_path(self, path: Path) -> Config:
        """This config with the per-file ignores that match ``path`` added to ``ignore``."""
        relative = self.relative(path)
        extra = tuple(
            code
            for pattern, codes in self.per_file_ignores
            if _glob_match(relative, pattern)
            for code in codes
        )
        return replace(self, ignore=self.ignore + extra) if extra else self

    def is_excluded(self, path: Path) -> bool:
        relative = self.relative(path)
        return any(_glob_match(relative, pattern) for pattern in self.exclude)

    def is_included(self, path: Path) -> bool:
        return any(fnmatch.fnmatch(path.name.lower(), pattern.lower()) for pattern in self.include)

    def relative(self, path: Path) -> str:
        try:
            resolved = path.resolve()
        except (OSError, RuntimeError):  # a symlink loop: reading the file will say so
            resolved = path.absolute()
        if self.root is not None:
            try:
                return resolved.relative_to(self.root.resolve()).as_posix()
            except ValueError:
                pass
        return path.as_posix()

    def with_command_line(
        self,
        select: tuple[str, ...],
        ignore: tuple[str, ...],
        extend_select: tuple[str, ...],
        max_file_size: float | None = None,
    ) -> Config:
        """Command-line choices: --select replaces, --ignore and --extend-select add,
        --max-file-size replaces."""
        return replace(
            self,
            select=select or self.select,
            ignore=self.ignore + ignore,
            extend_select=self.extend_select + extend_select,
            max_file_size=self.max_file_size if max_file_size is None else max_file_size,
        )

    @property
    def max_bytes(self) -> int:
        return int(self.max_file_size * 1_000_000)


def _matches(code: str, prefixes: Iterable[str]) -> bool:
    return any(code.startswith(p) for p in prefixes)


def _glob_match(relative: str, pattern: str) -> bool:
    """``*.md`` matches a file name anywhere; a pattern with a slash matches the path from
    the config file's folder (``drafts/*``, ``archive/**/*.txt``; ``*`` crosses folders)."""
    if "/" not in pattern:
        return fnmatch.fnmatch(PurePosixPath(relative).name, pattern)
    return fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(relative, pattern.replace("**/", ""))

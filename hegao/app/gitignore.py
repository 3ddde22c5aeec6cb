"""What .gitignore leaves out of a folder walk (a build folder, *.egg-info, exports).

The patterns of the repository's .gitignore files (and .git/info/exclude) are read as
git reads them, for what a folder of drafts needs: comments, ``!`` negation, a trailing
``/`` for folders only, a ``/`` inside the pattern anchoring it to its .gitignore's
folder, ``*``, ``?``, ``[…]`` and ``**``. The last pattern that matches decides, and a
file inside an ignored folder is never reached (the walk does not enter it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class _Pattern:
    base: Path  # the folder of the .gitignore it comes from
    regex: re.Pattern[str]
    negate: bool
    directory_only: bool
    anchored: bool


def _translate(glob: str) -> str:
    out = []
    i = 0
    while i < len(glob):
        if glob.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif glob.startswith("/**", i) and i + 3 == len(glob):
            out.append("/.*")
            i += 3
        elif glob.startswith("**", i):
            out.append(".*")
            i += 2
        elif glob[i] == "*":
            out.append("[^/]*")
            i += 1
        elif glob[i] == "?":
            out.append("[^/]")
            i += 1
        elif glob[i] == "[":
            end = glob.find("]", i + 1)
            if end == -1:
                out.append(re.escape(glob[i]))
                i += 1
            else:
                body = glob[i + 1 : end].replace("\\", "\\\\")
                out.append("[" + ("^" + body[1:] if body.startswith("!") else body) + "]")
                i = end + 1
        elif glob[i] == "\\" and i + 1 < len(glob):
            out.append(re.escape(glob[i + 1]))
            i += 2
        else:
            out.append(re.escape(glob[i]))
            i += 1
    return "".join(out)


def parse(lines: list[str], base: Path) -> list[_Pattern]:
    patterns = []
    for raw in lines:
        line = raw.rstrip("\n").rstrip(" ") if not raw.rstrip("\n").endswith("\\ ") else raw.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        negate = line.startswith("!")
        if negate:
            line = line[1:]
        elif line.startswith("\\"):
            line = line[1:]  # \# and \! stand for themselves
        directory_only = line.endswith("/")
        line = line.rstrip("/")
        if not line:
            continue
        anchored = "/" in line
        line = line.lstrip("/")
        patterns.append(
            _Pattern(base, re.compile(_translate(line) + r"\Z"), negate, directory_only, anchored)
        )
    return patterns


def _repository_root(start: Path) -> Path | None:
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return None


class Ignored:
    """The .gitignore patterns that apply while walking below ``root``."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.patterns: list[_Pattern] = []
        self.entered: set[Path] = set()
        repository = _repository_root(self.root)
        if repository is None:
            return
        self._read(repository / ".git" / "info" / "exclude", repository)
        # The .gitignore files above the walked folder, from the repository's top down.
        for folder in reversed([self.root, *self.root.parents]):
            if folder == repository or repository in folder.parents:
                self.enter(folder)

    def _read(self, path: Path, base: Path) -> None:
        try:
            lines = path.read_text("utf-8", errors="replace").splitlines()
        except OSError:
            return
        self.patterns += parse(lines, base)

    def enter(self, folder: Path) -> None:
        """Read the folder's own .gitignore (once)."""
        folder = folder.resolve()
        if folder not in self.entered:
            self.entered.add(folder)
            self._read(folder / ".gitignore", folder)

    def ignores(self, path: Path, directory: bool) -> bool:
        path = path.resolve() if not path.is_symlink() else path.absolute()
        result = False
        for p in self.patterns:
            try:
                relative = path.relative_to(p.base).as_posix()
            except ValueError:
                continue
            if p.directory_only and not directory:
                continue
            subject = relative if p.anchored else relative.rsplit("/", 1)[-1]
            if p.regex.match(subject):
                result = not p.negate
        return result

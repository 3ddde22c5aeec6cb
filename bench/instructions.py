"""Work per megabyte, counted in instructions: a measure that does not move with the machine.

    python bench/instructions.py [--every N] [TREE ...]

Wall and CPU time on a shared machine swing by a third within an hour, more than most
changes to the code are worth; the number of instructions the interpreter executes
does not. This runs hegao under valgrind's callgrind (``apt-get install valgrind``)
on every Nth real file (default 8: 7 files, 0.4 MB) and on none, so that start-up and
imports cancel out, and prints millions of instructions per megabyte for each source
tree given (a checkout's root, or this one). Compare two trees, not two days.
It takes about a minute a tree.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# Lint every step-th real text after one warm-up document (imports, caches, the word
# list and the lazily imported numeral parser), in a process of its own.
_CHILD = """
import sys
sys.path.insert(0, sys.argv[1])
sys.path.insert(1, sys.argv[2])
import bench
from hegao.checker.lint.document import parse_document
from hegao.checker.lint.engine import lint_document
from hegao.rules import RULES
texts = bench.real_texts()
step = int(sys.argv[3])
chosen = texts[::step] if step else []
lint_document(parse_document(texts[0]), RULES)
from hegao.checker.figures.numerals import parse_chinese
parse_chinese("三百二十")
for text in chosen:
    lint_document(parse_document(text), RULES)
print(sum(len(t.encode("utf-8")) for t in chosen))
"""


def _count(tree: Path, step: int) -> tuple[int, int]:
    """Instructions executed, and bytes linted."""
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "callgrind.out"
        env = dict(os.environ, PYTHONHASHSEED="0")  # sets and dicts iterate alike each run
        result = subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                f"--callgrind-out-file={out}",
                sys.executable,
                "-c",
                _CHILD,
                str(tree),
                str(REPO / "bench"),
                str(step),
            ],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        found = re.search(r"Collected : (\d+)", result.stderr)
        if found is None:
            raise SystemExit("callgrind did not report a count:\n" + result.stderr[-2000:])
        return int(found.group(1)), int(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("trees", nargs="*", type=Path, default=[REPO])
    parser.add_argument("--every", type=int, default=8, help="lint every Nth real file")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed")
    for tree in args.trees:
        idle, _ = _count(tree, 0)
        busy, size = _count(tree, args.every)
        per_mb = (busy - idle) / (size / 1e6) / 1e6
        linted = f"{size / 1e6:.2f} MB linted; start-up {idle / 1e6:,.0f} M"
        print(f"{tree}: {per_mb:,.0f} M instructions per MB ({linted})")


if __name__ == "__main__":
    main()

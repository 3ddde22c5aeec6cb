"""Peak memory of `hegao check` per input byte (issue 22: at most 50× the input plus
100 MB, for any input it accepts).

Each input is made at --mb megabytes (UTF-8) in a temporary folder and checked by a
fresh `hegao check --format json` process; its peak resident memory is read from the
kernel (wait4), with the time it took. The inputs are the shapes that cost most per
byte: prose, blank lines, very short paragraphs and lines, figures every few bytes.

    python bench/memory.py [--mb 1] [--only NAME ...]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# name → (what it is, the unit repeated)
INPUTS: dict[str, tuple[str, str]] = {
    "prose": ("a bulletin repeated", (REPO / "examples" / "draft-bulletin.md").read_text("utf-8")),
    "blank-lines": ("blank lines after one sentence", "\n"),
    "short-paragraphs": ("one character a paragraph", "甲\n\n"),
    "short-lines": ("one sentence a line", "好。\n"),
    "figure-column": ("a column of figures, one a line", "12\n"),
    "percent-clauses": ("percentages in one sentence", "1%，"),
    "figure-clauses": ("a figure in every clause of one sentence", "抓获12人，"),
    "digits": ("one run of digits", "1"),
}

BOUND_PER_BYTE = 50
BOUND_BASE_MB = 100


# Every input opens with a sentence (a draft of blank lines alone is refused as empty).
OPENING = "全市共接报警情120起。\n"


def _made(unit: str, size: int) -> str:
    count = max(1, (size - len(OPENING.encode("utf-8"))) // len(unit.encode("utf-8")))
    return OPENING + unit * count


def _peak(path: Path) -> tuple[float, float]:
    """Peak resident memory (MB) and seconds of one `hegao check` of ``path``."""
    started = time.perf_counter()
    command = [sys.executable, "-m", "hegao", "check", "--format", "json", "--exit-zero", "-o", os.devnull]
    process = subprocess.Popen([*command, str(path)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise SystemExit(f"{path.name}: exit {process.returncode}")
    return usage.ru_maxrss / 1024, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=1.0, help="size of each input, in MB")
    parser.add_argument("--only", nargs="*", choices=sorted(INPUTS), help="these inputs only")
    args = parser.parse_args()
    size = int(args.mb * 1_000_000)
    print("| input | size | time | peak memory | bound (50× + 100 MB) | per byte |")
    print("| --- | --- | --- | --- | --- | --- |")
    with tempfile.TemporaryDirectory() as folder:
        for name in args.only or INPUTS:
            what, unit = INPUTS[name]
            path = Path(folder) / f"{name}.txt"
            path.write_text(_made(unit, size), "utf-8")
            megabytes = path.stat().st_size / 1e6
            peak, seconds = _peak(path)
            bound = BOUND_PER_BYTE * megabytes + BOUND_BASE_MB
            verdict = "within" if peak <= bound else "OVER"
            print(
                f"| {name} ({what}) | {megabytes:.2f} MB | {seconds:.1f} s | {peak:.0f} MB "
                f"| {bound:.0f} MB, {verdict} | {peak / megabytes:.0f}× |",
                flush=True,
            )


if __name__ == "__main__":
    main()

"""Build benchmark inputs from the real texts beside the repository.

    python bench/build_corpus.py [OUT_DIR]

Concatenates the government reports and seed bulletins and repeats them to single files
of 1, 10 and 50 MB (UTF-8), and writes archive folders of many ordinary-size files (10
and 50 MB in all) for the parallel runs and the memory check. Output goes to bench/out/
(git-ignored).
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
SIZES_MB = (1, 10, 50)
ARCHIVE_MB = (10, 50)


def source_texts() -> list[str]:
    folders = [SHARED / "corpus" / "gov-work-reports", SHARED / "seeds"]
    texts = [p.read_text("utf-8") for folder in folders for p in sorted(folder.glob("*.txt"))]
    if not texts:
        sys.exit("no source texts: ../shared/corpus and ../shared/seeds are needed")
    return texts


def build(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    texts = source_texts()
    blob = "\n\n".join(texts)
    made = []
    for mb in SIZES_MB:
        target = mb * 1_000_000
        pieces = []
        size = 0
        while size < target:
            pieces.append(blob)
            size += len(blob.encode("utf-8"))
        data = "\n\n".join(pieces).encode("utf-8")[:target].decode("utf-8", "ignore")
        path = out / f"corpus-{mb}mb.txt"
        path.write_text(data, encoding="utf-8")
        made.append(path)
    for mb in ARCHIVE_MB:
        archive = out / f"archive-{mb}mb"
        archive.mkdir(exist_ok=True)
        size = 0
        i = 0
        while size < mb * 1_000_000:
            text = texts[i % len(texts)]
            (archive / f"{i:05d}.txt").write_text(text, encoding="utf-8")
            size += len(text.encode("utf-8"))
            i += 1
        made.append(archive)
    return made


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "bench" / "out"
    for path in build(target):
        print(path)

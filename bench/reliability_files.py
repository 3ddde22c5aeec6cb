"""Files under stress (a benchmark, not a test): kills during --fix, and Word files made
to exhaust memory.

    python bench/reliability_files.py [--runs 50] [--size-mb 3] [--skip-kills] [--skip-word]

1. ``hegao check --fix`` on a large draft, killed (kill -9, then SIGTERM) at a random
   moment of its run, ``--runs`` times each: after every kill the draft must be either
   the original or the fixed text, byte for byte (never a mix, never truncated), and
   SIGTERM must leave no temporary file. kill -9 cannot be caught: the temporary files it
   leaves are counted, aged past files.STALE_AFTER_SECONDS, and the next --fix must
   remove them all.
2. ``hegao check`` on a 15 MB .docx holding ~190 MB of XML, on a .docx whose zip header
   lies (a part declared 1000 bytes that inflates to 2.5 GB), and the lying one through
   the web page's upload reader (hegao.app.entry.decode_draft): each must be refused,
   quickly, and the peak memory of the process (its max RSS, from wait4) is reported.

Everything is made in a temporary folder; nothing is read from ../shared.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from hegao.app import files  # noqa: E402

# Lines with safe fixes (a half-width comma, a doubled word) and a sum to check.
PARAGRAPH = "民警深入社区开展宣传,发放资料300余份。\n查获车辆车辆12台，其中轿车5台、货车7台。\n"
ENV = {**os.environ, "HEGAO_LANG": "en", "NO_COLOR": "1"}


def hegao(*args: str) -> list[str]:
    return [sys.executable, "-m", "hegao", *args]


def run_measured(command: list[str], cwd: Path) -> tuple[int, float, float, str]:
    """Exit status, seconds, peak RSS in MB, and standard error of one process."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert process.stderr is not None
    err = process.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    return process.returncode, time.perf_counter() - start, usage.ru_maxrss / 1024, err.strip()


# ---------------------------------------------------------------- 1. kills during --fix


def kills(runs: int, size_mb: float) -> None:
    with tempfile.TemporaryDirectory(prefix="hegao-kills-") as name:
        folder = Path(name)
        original = (PARAGRAPH * int(size_mb * 1e6 / len(PARAGRAPH.encode()))).encode("utf-8")
        draft = folder / "draft.txt"
        draft.write_bytes(original)
        # --select keeps each run short (the fixes are all that matter here).
        command = hegao("check", "--fix", "--exit-zero", "--select", "CHAR002", "-q", str(draft))
        start = time.perf_counter()
        subprocess.run(command, env=ENV, capture_output=True, check=False)
        duration = time.perf_counter() - start
        fixed = draft.read_bytes()
        assert fixed != original, "nothing was fixed: the benchmark measures nothing"
        print(f"--fix on {len(original) / 1e6:.1f} MB: {duration:.2f} s uncaught; {runs} kills of each kind")
        rng = random.Random(22)
        for sig in (signal.SIGKILL, signal.SIGTERM):
            for at_write in (False, True):
                _kill_runs(command, draft, original, fixed, sig, at_write, runs, duration, rng)
            if sig == signal.SIGKILL:
                draft.write_bytes(original)
                subprocess.run(command, env=ENV, capture_output=True, check=False)
                after = len(list(folder.glob("*.hegao-tmp")))
                print(f"  after the kills -9, the next --fix leaves {after} temporary files (stale: removed)")


def _kill_runs(
    command: list[str],
    draft: Path,
    original: bytes,
    fixed: bytes,
    sig: int,
    at_write: bool,
    runs: int,
    duration: float,
    rng: random.Random,
) -> None:
    """``runs`` runs of ``command`` killed by ``sig``: at a random moment of the run, or
    (``at_write``) within 10 ms of the temporary file's appearing, when the fix is being
    written. Old kill -9 leftovers are aged, so that the next write removes them."""
    folder = draft.parent
    outcomes = {"original": 0, "fixed": 0, "corrupted": 0}
    left_total = hit = 0
    for _ in range(runs):
        draft.write_bytes(original)
        quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
        process = subprocess.Popen(command, env=ENV, **quiet)  # type: ignore[call-overload]
        if at_write:
            while process.poll() is None and not _writing(folder):
                time.sleep(0.0005)
            hit += process.poll() is None
            time.sleep(rng.uniform(0, 0.01))
        else:
            time.sleep(duration * rng.uniform(0.3, 1.05))  # anywhere, most often near the end
        process.send_signal(sig)
        process.wait()
        now = draft.read_bytes()
        outcomes["original" if now == original else "fixed" if now == fixed else "corrupted"] += 1
        left = list(folder.glob("*.hegao-tmp"))
        left_total += len(left)
        old = time.time() - files.STALE_AFTER_SECONDS - 1
        for path in left:
            if sig == signal.SIGKILL:
                os.utime(path, (old, old))
            else:
                path.unlink()
    when = f"at the write ({hit} caught writing)" if at_write else "at a random moment"
    print(
        f"  {signal.Signals(sig).name} {when}: {outcomes['original']} original, {outcomes['fixed']} fixed, "
        f"corrupted {outcomes['corrupted']}; temporary files left {left_total}"
    )


def _writing(folder: Path) -> bool:
    return any(name.endswith(files.TEMP_SUFFIX) for name in os.listdir(folder))


# ---------------------------------------------------------------- 2. Word files


def _rich_paragraph(rng: random.Random) -> str:
    # Formatting repeated in every run (it compresses well) around a few random
    # characters (they do not): about 13:1, as the 15 MB / 190 MB file.
    chars = "".join(chr(rng.randrange(0x4E00, 0x9FA5)) for _ in range(6))
    props = '<w:rPr><w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:eastAsia="宋体"/><w:sz w:val="28"/></w:rPr>'
    return f"<w:p><w:pPr><w:spacing w:line=\"560\"/></w:pPr><w:r>{props}<w:t>{chars}</w:t></w:r></w:p>"


def amplified_docx(path: Path, xml_mb: int) -> int:
    """A .docx whose document.xml is ``xml_mb`` MB; the bytes of that XML."""
    rng = random.Random(7)
    head = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
    )
    written = 0
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("_rels/.rels", RELS)
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            part.write(head.encode())
            while written < xml_mb * 1_000_000:
                block = "".join(_rich_paragraph(rng) for _ in range(2000)).encode()
                part.write(block)
                written += len(block)
            part.write(b"</w:body></w:document>")
    return written


def lying_docx(path: Path, real: int, declared: int) -> None:
    """A .docx whose document.xml inflates to ``real`` bytes while both its headers say
    ``declared``: written by hand, so that no library corrects the lie."""
    name = b"word/document.xml"
    crc, compressed = 0, bytearray()
    deflate = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    chunk = b"<w:t>" + b"0" * ((1 << 20) - 5)
    made = 0
    while made < real:
        piece = chunk[: real - made]
        crc = zlib.crc32(piece, crc)
        compressed += deflate.compress(piece)
        made += len(piece)
    compressed += deflate.flush()
    with path.open("wb") as out:
        entries = []
        for entry_name, data, method, size, entry_crc in (
            (b"[Content_Types].xml", CONTENT_TYPES.encode(), 0, None, None),
            (name, bytes(compressed), 8, declared, crc),
        ):
            entry_crc = zlib.crc32(data) if entry_crc is None else entry_crc
            size = len(data) if size is None else size
            offset = out.tell()
            out.write(struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, method, 0, 0,
                                  entry_crc, len(data), size, len(entry_name), 0))
            out.write(entry_name + data)
            entries.append((entry_name, method, entry_crc, len(data), size, offset))
        start = out.tell()
        for entry_name, method, entry_crc, csize, size, offset in entries:
            out.write(struct.pack("<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, 20, 0, method, 0, 0,
                                  entry_crc, csize, size, len(entry_name), 0, 0, 0, 0, 0, offset))
            out.write(entry_name)
        end = out.tell()
        out.write(struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(entries), len(entries),
                              end - start, start, 0))


CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
    'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relation'
    'ships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/docume'
    'nt.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml'
    '"/></Types>'
)
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package'
    '/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2'
    '006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)

_UPLOAD = (
    "import sys; from pathlib import Path; from hegao.app.entry import decode_draft\n"
    "from hegao.checker.source.reading import InputError\n"
    "try:\n    decode_draft('上传.docx', Path(sys.argv[1]).read_bytes())\n"
    "except InputError as exc:\n    sys.exit(f'refused: {exc}')\n"
)


def word(xml_mb: int, lie_gb: float) -> None:
    with tempfile.TemporaryDirectory(prefix="hegao-word-") as name:
        folder = Path(name)
        small = folder / "small.txt"
        small.write_text(PARAGRAPH, encoding="utf-8")
        _, _, base, _ = run_measured(hegao("check", str(small)), folder)
        print(f"baseline: hegao check on a two-line draft, peak RSS {base:.0f} MB")

        amplified = folder / "amplified.docx"
        made = time.perf_counter()
        xml = amplified_docx(amplified, xml_mb)
        size = amplified.stat().st_size
        print(f"amplified .docx: {size / 1e6:.1f} MB holding {xml / 1e6:.0f} MB of XML "
              f"(made in {time.perf_counter() - made:.0f} s)")
        _report("check", run_measured(hegao("check", str(amplified)), folder), size)

        lying = folder / "lying.docx"
        lying_docx(lying, int(lie_gb * 1e9), 1000)
        size = lying.stat().st_size
        print(f"lying .docx: {size / 1e6:.1f} MB, document.xml said 1000 bytes, inflates to {lie_gb:g} GB")
        _report("check", run_measured(hegao("check", str(lying)), folder), size)
        _report("upload", run_measured([sys.executable, "-c", _UPLOAD, str(lying)], folder), size)


def _report(how: str, measured: tuple[int, float, float, str], size: int) -> None:
    code, seconds, peak, err = measured
    bound = 50 * size / 1e6 + 100
    last = err.splitlines()[-1] if err else ""
    print(f"  {how}: exit {code} in {seconds:.2f} s, peak RSS {peak:.0f} MB "
          f"(bound 50× input + 100 MB = {bound:.0f} MB): {last}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--size-mb", type=float, default=3.0)
    parser.add_argument("--xml-mb", type=int, default=190)
    parser.add_argument("--lie-gb", type=float, default=2.5)
    parser.add_argument("--skip-kills", action="store_true")
    parser.add_argument("--skip-word", action="store_true")
    args = parser.parse_args()
    if not args.skip_word:
        word(args.xml_mb, args.lie_gb)
    if not args.skip_kills:
        kills(args.runs, args.size_mb)


if __name__ == "__main__":
    main()

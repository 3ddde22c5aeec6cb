"""Files treated with respect (issue 22): a fix is never written over an edit made since
the draft was read, over a read-only file, beside a hard link, into a folder reached by
a symbolic link from elsewhere, nor under another owner; a terminated fix leaves no
temporary file; input is bounded however it arrives (a file, a Word part however its
header lies, an upload, standard input); and reading a file says what it is in the
user's words (UTF-16, an old .doc renamed, 1-based byte offsets, old Mac lines)."""

from __future__ import annotations

import io
import os
import signal
import stat
import struct
import subprocess
import sys
import threading
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

import hegao.core
from hegao import messages
from hegao.app import files, settings
from hegao.app.cli import app
from hegao.app.entry import decode_draft, read_draft
from hegao.app.runner import CheckOptions, FixMode, check_file, discover, reload_configuration
from hegao.checker.lint.config import DEFAULT_MAX_FILE_MB, Config
from hegao.checker.source import docx as word_source
from hegao.checker.source.reading import InputError, decode_bytes, read_stream

from .conftest import REPO
from .test_cli import run
from .test_fixing import DRAFT, FIXED

FIX = CheckOptions(FixMode.write)
ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    path = tmp_path / "draft.txt"
    path.write_text(DRAFT, encoding="utf-8")
    return path


def fix(path: Path, config: Config | None = None) -> str | None:
    """--fix on one file: its error, or None."""
    return check_file(path, config or Config(), FIX).error


# ---------------------------------------------------------------- fixes that respect the file


def test_a_draft_changed_since_it_was_read_is_not_overwritten(
    draft: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_fix_text = hegao.core.fix_text
    edited = DRAFT + "编辑器刚保存的一段。\n"

    def editor_saves_meanwhile(text: str, config: Config, unsafe: bool) -> tuple[str, int]:
        draft.write_text(edited, encoding="utf-8")  # between reading and writing
        return real_fix_text(text, config, unsafe)

    monkeypatch.setattr(hegao.core, "fix_text", editor_saves_meanwhile)
    error = fix(draft)
    assert error is not None and "changed while it was checked" in error
    assert draft.read_text("utf-8") == edited


def test_a_draft_changed_while_the_fix_is_written_is_not_overwritten(
    draft: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The last look is just before the rename: an editor saving during the write.
    real_fsync = os.fsync

    def save_during_write(fd: int) -> None:
        real_fsync(fd)
        if not draft.read_text("utf-8").endswith("新\n"):
            draft.write_text(DRAFT + "新\n", encoding="utf-8")

    monkeypatch.setattr(os, "fsync", save_during_write)
    error = fix(draft)
    assert error is not None and "changed" in error
    assert draft.read_text("utf-8") == DRAFT + "新\n"
    assert not list(draft.parent.glob("*.hegao-tmp"))


def test_a_read_only_draft_is_not_rewritten(draft: Path) -> None:
    draft.chmod(0o444)
    result = run("check", "--fix", str(draft), lang="zh")
    assert result.returncode == 2
    assert "只读" in result.stderr and "Traceback" not in result.stderr
    assert draft.read_text("utf-8") == DRAFT and stat.S_IMODE(draft.stat().st_mode) == 0o444


def test_output_naming_an_input_is_refused(draft: Path, tmp_path: Path) -> None:
    link = tmp_path / "report.txt"
    link.symlink_to(draft)
    for output in (draft, link):
        result = run("check", "-o", str(output), str(draft), lang="zh")
        assert result.returncode == 2 and "-o" in result.stderr and "覆盖" in result.stderr
        assert draft.read_text("utf-8") == DRAFT
    # A folder being checked holds its inputs too; a baseline is written no more over one.
    for option in ("-o", "--write-baseline"):
        result = run("check", option, str(draft), str(tmp_path))
        assert result.returncode == 2 and f"{option} names" in result.stderr
        assert draft.read_text("utf-8") == DRAFT


def test_a_symlink_is_written_through_and_stays_a_link(draft: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.txt"
    link.symlink_to(draft.name)
    assert fix(link) is None
    assert link.is_symlink() and os.readlink(link) == draft.name
    assert draft.read_text("utf-8") == FIXED


def test_mode_is_kept(draft: Path) -> None:
    draft.chmod(0o640)
    assert fix(draft) is None
    assert stat.S_IMODE(draft.stat().st_mode) == 0o640 and draft.read_text("utf-8") == FIXED


@pytest.mark.skipif(not ROOT, reason="only root can give a file to another user")
def test_as_root_a_file_of_another_user_stays_theirs(draft: Path) -> None:
    os.chown(draft, 4321, 4322)
    draft.chmod(0o600)
    assert fix(draft) is None
    info = draft.stat()
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (4321, 4322, 0o600)
    assert draft.read_text("utf-8") == FIXED


def test_a_hard_linked_draft_is_refused_and_the_link_kept(draft: Path, tmp_path: Path) -> None:
    twin = tmp_path / "backup.txt"
    os.link(draft, twin)
    error = fix(draft)
    assert error is not None and "2 hard links" in error
    assert draft.read_text("utf-8") == twin.read_text("utf-8") == DRAFT
    assert draft.stat().st_nlink == 2 and os.path.samefile(draft, twin)


def test_walking_never_follows_a_link_out_of_the_folder(tmp_path: Path) -> None:
    checked, elsewhere = tmp_path / "checked", tmp_path / "elsewhere"
    (checked / "inner").mkdir(parents=True)
    elsewhere.mkdir()
    (checked / "mine.txt").write_text(DRAFT, encoding="utf-8")
    (elsewhere / "theirs.txt").write_text(DRAFT, encoding="utf-8")
    (checked / "out").symlink_to(elsewhere, target_is_directory=True)
    (checked / "out.txt").symlink_to(elsewhere / "theirs.txt")
    (checked / "inner" / "back").symlink_to(checked, target_is_directory=True)  # inside: fine
    found, errors, notes = discover([checked])
    assert [p.name for p in found] == ["mine.txt"] and not errors
    assert sorted(Path(n.split()[1].rstrip(":")).name for n in notes) == ["out", "out.txt"]
    result = run("check", "--fix", str(checked))
    assert (elsewhere / "theirs.txt").read_text("utf-8") == DRAFT
    assert (checked / "mine.txt").read_text("utf-8") == FIXED
    assert "symbolic link leading out" in result.stderr


_TERMINATED_DURING_WRITE = """
import os, signal, sys
from pathlib import Path
from hegao.app import files
sig = getattr(signal, sys.argv[2])
real_fsync = os.fsync
def terminated(fd):
    real_fsync(fd)
    assert list(Path(sys.argv[1]).parent.glob("*.hegao-tmp"))  # the temporary file exists
    os.kill(os.getpid(), sig)
os.fsync = terminated
files.write_atomic(Path(sys.argv[1]), b"new text")
print("not reached")
"""


@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP"])
def test_termination_during_a_write_leaves_no_temporary_file(draft: Path, name: str) -> None:
    if not hasattr(signal, name):
        pytest.skip(f"no {name} here")
    done = subprocess.run(
        [sys.executable, "-c", _TERMINATED_DURING_WRITE, str(draft), name],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == -getattr(signal, name), done.stderr  # ended by the signal, as asked
    assert "not reached" not in done.stdout
    assert draft.read_text("utf-8") == DRAFT
    assert sorted(p.name for p in draft.parent.iterdir()) == ["draft.txt"]


def test_the_handlers_are_put_back_after_a_write(draft: Path) -> None:
    before = signal.getsignal(signal.SIGTERM)
    files.write_atomic(draft, b"x")
    assert signal.getsignal(signal.SIGTERM) == before


def test_stale_temporary_files_of_hegao_are_removed_and_nothing_else(draft: Path) -> None:
    folder = draft.parent
    old = time.time() - files.STALE_AFTER_SECONDS - 60
    stale = [folder / ".draft.txt.ab12cd_9.hegao-tmp", folder / ".other.txt.ab12cd_9.hegao-tmp"]
    fresh = folder / ".draft.txt.zz12cd_9.hegao-tmp"  # another hegao may be writing it
    not_ours = [folder / ".draft.txt.notours.tmp", folder / "draft.txt.ab12cd_9.hegao-tmp"]
    for path in (*stale, fresh, *not_ours):
        path.write_bytes(b"half")
    for path in (*stale, *not_ours):
        os.utime(path, (old, old))
    assert fix(draft) is None
    assert not any(p.exists() for p in stale) and fresh.exists() and all(p.exists() for p in not_ours)


def test_a_new_file_gets_the_usual_mode(tmp_path: Path) -> None:
    mask = os.umask(0o022)
    try:
        files.write_atomic(tmp_path / "new.docx", b"x")
    finally:
        os.umask(mask)
    assert stat.S_IMODE((tmp_path / "new.docx").stat().st_mode) == 0o644


# ---------------------------------------------------------------- bounded input


def lying_docx(path: Path, real: int, declared: int) -> Path:
    """A .docx whose document.xml inflates to ``real`` bytes while both its headers (the
    local one and the central directory's) say ``declared``."""
    body = b"<w:document>" + b"0" * (real - 25) + b"</w:document>"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", body)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        struct.pack_into("<I", data, archive.getinfo("word/document.xml").header_offset + 22, declared)
    at = data.index(b"PK\x01\x02")  # the central directory: its entries in turn
    while True:
        name_length, extra, comment = struct.unpack_from("<HHH", data, at + 28)
        if data[at + 46 : at + 46 + name_length] == b"word/document.xml":
            struct.pack_into("<I", data, at + 24, declared)
            break
        at += 46 + name_length + extra + comment
    path.write_bytes(bytes(data))
    return path


def test_the_lying_zip_helper_lies(tmp_path: Path) -> None:
    bomb = lying_docx(tmp_path / "bomb.docx", 5_000_000, 1000)
    [_, info] = zipfile.ZipFile(bomb).infolist()
    assert info.filename == "word/document.xml" and info.file_size == 1000


def test_a_zip_whose_header_lies_is_refused_within_the_bound(tmp_path: Path) -> None:
    small_lie = lying_docx(tmp_path / "small.docx", 3_000_000, 1000)
    with pytest.raises(InputError) as refused:
        read_draft(small_lie, 20_000_000)
    assert refused.value.key == "docx_lies"
    bomb = lying_docx(tmp_path / "bomb.docx", 30_000_000, 1000)
    tracemalloc.start()
    try:
        with pytest.raises(InputError) as refused:
            read_draft(bomb, 2_000_000)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert refused.value.key == "docx_part_too_large"
    assert peak < 2_000_000  # chunks, never the part (python-docx alone would take 2 GB)


def test_max_file_size_bounds_each_word_part_and_the_upload(tmp_path: Path) -> None:
    big = lying_docx(tmp_path / "big.docx", 3_000_000, 3_000_000)  # honest, but large
    assert big.stat().st_size < 100_000
    result = run("check", "--max-file-size", "1", str(big))
    assert result.returncode == 2 and "word/document.xml inflates to over 1 MB" in result.stderr
    with pytest.raises(InputError) as refused:
        decode_draft("上传.docx", big.read_bytes(), 1_000_000)
    assert refused.value.key == "docx_part_too_large"
    with pytest.raises(InputError):  # the page's default is the default limit
        decode_draft("上传.docx", lying_docx(tmp_path / "b.docx", 30_000_000, 1000).read_bytes())
    with pytest.raises(InputError) as refused:
        decode_draft("上传.txt", b"a" * 1_000_001, 1_000_000)
    assert refused.value.key == "too_large"


def test_the_word_default_bound_is_the_configuration_default() -> None:
    # The engine's reading stage cannot import the configuration: the two must agree.
    assert word_source.DEFAULT_MAX_BYTES == Config().max_bytes == int(DEFAULT_MAX_FILE_MB * 1_000_000)


class _Endless(io.RawIOBase):
    """A standard input that never ends, counting what is taken from it."""

    taken = 0

    def read(self, n: int = -1) -> bytes:
        assert n is not None and n >= 0, "an unbounded read"
        self.taken += n
        return b"a" * n


def test_standard_input_is_bounded() -> None:
    endless = _Endless()
    with pytest.raises(InputError) as refused:
        read_stream(endless, 1_000_000)
    assert refused.value.key == "stdin_too_large" and endless.taken == 1_000_001
    result = CliRunner().invoke(app, ["check", "--max-file-size", "1", "-"], input="啊" * 400_000)
    assert result.exit_code == 2 and "standard input too large (over 1 MB" in result.stderr


def _finishes(call: object) -> object:
    """Run ``call`` in a thread: what it returned or raised, or a failure if it hangs."""
    outcome: list[object] = []

    def target() -> None:
        try:
            outcome.append(call())  # type: ignore[operator]
        except Exception as exc:
            outcome.append(exc)

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(30)
    assert outcome, "the read hung"
    return outcome[0]


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="no /proc here")
def test_proc_and_fifos_never_hang_a_check(tmp_path: Path) -> None:
    proc = _finishes(lambda: read_draft(Path("/proc/self/status")))
    assert isinstance(proc, InputError) and proc.key == "pseudo_file"
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    piped = _finishes(lambda: read_draft(fifo))
    assert isinstance(piped, InputError) and piped.key == "not_regular"
    word_fifo = tmp_path / "pipe.docx"
    os.mkfifo(word_fifo)
    piped = _finishes(lambda: read_draft(word_fifo))
    assert isinstance(piped, InputError) and piped.key == "not_regular"


# ---------------------------------------------------------------- reading, said rightly


def test_one_unreadable_path_on_the_command_line_does_not_stop_the_others(
    tmp_path: Path, draft: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A file in a folder that may not be entered: looking for its configuration fails
    # (simulated, as root enters any folder; the next test does it for real).
    locked = tmp_path / "locked"
    locked.mkdir()
    hidden = locked / "a.txt"
    hidden.write_text(DRAFT, encoding="utf-8")
    real_find = settings._find_in

    def denied(folder: Path) -> object:
        if folder.name == "locked":
            raise PermissionError(13, "Permission denied", str(folder))
        return real_find(folder)

    reload_configuration()
    monkeypatch.setattr(settings, "_find_in", denied)
    try:
        result = CliRunner().invoke(app, ["--lang", "zh", "check", "--no-source", str(hidden), str(draft)])
    finally:
        messages.set_language(None)
        monkeypatch.undo()
        reload_configuration()
    assert result.exit_code == 2
    assert "a.txt: 错误: 无法读取：没有权限" in result.stderr
    assert "Permission denied" not in result.output + result.stderr
    assert "SPACE" in result.stdout or "CHAR" in result.stdout or "DUP" in result.stdout  # draft.txt


@pytest.mark.skipif(ROOT or not hasattr(os, "geteuid"), reason="root enters any folder")
def test_an_unenterable_folder_for_real(tmp_path: Path, draft: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "a.txt").write_text(DRAFT, encoding="utf-8")
    locked.chmod(0)
    try:
        result = run("check", str(locked / "a.txt"), str(draft), lang="zh")
    finally:
        locked.chmod(0o755)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "draft.txt" in result.stdout


@pytest.mark.parametrize(("encoding", "mark"), [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")])
def test_utf16_with_its_bom_is_read_and_written_back(tmp_path: Path, encoding: str, mark: bytes) -> None:
    path = tmp_path / "notepad.txt"
    path.write_bytes(mark + DRAFT.replace("\n", "\r\n").encode(encoding))
    as_utf8 = tmp_path / "utf8.txt"
    as_utf8.write_text(DRAFT, encoding="utf-8")
    found = check_file(path, Config())
    assert found.error is None
    assert [f.code for f in found.findings] == [f.code for f in check_file(as_utf8, Config()).findings]
    assert fix(path) is None
    assert path.read_bytes() == mark + FIXED.replace("\n", "\r\n").encode(encoding)


def test_broken_utf16_says_where_and_random_bytes_stay_binary() -> None:
    with pytest.raises(InputError) as refused:
        decode_bytes(b"\xff\xfe" + "稿件".encode("utf-16-le") + b"\x00\xd8" + b"a\x00")
    assert refused.value.key == "invalid_bom_text" and refused.value.params["offset"] == 7
    with pytest.raises(InputError) as refused:
        decode_bytes(b"\xff\xfe\x80\x81\xff" * 40)
    assert refused.value.key == "binary"


def test_a_renamed_doc_is_called_an_old_word_file(tmp_path: Path) -> None:
    doc = tmp_path / "report.docx"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 2000)
    with pytest.raises(InputError) as refused:
        read_draft(doc)
    assert refused.value.key == "legacy_doc"
    with pytest.raises(InputError) as refused:
        decode_draft("上传.docx", doc.read_bytes())
    assert refused.value.key == "legacy_doc"


def test_byte_offsets_count_from_one() -> None:
    cases = [
        (b"abc\xff\xff\xff", "not_utf8_or_gb", 4),  # the 4th byte is the first bad one
        (b"\xef\xbb\xbfab\xff", "invalid_utf8_bom", 6),  # the BOM counts: it is in the file
    ]
    for data, key, offset in cases:
        with pytest.raises(InputError) as refused:
            decode_bytes(data)
        assert (refused.value.key, refused.value.params["offset"]) == (key, offset)
    messages.set_language("zh")
    try:
        assert "第 6 字节" in str(InputError("invalid_utf8_bom", offset=6))
    finally:
        messages.set_language(None)
    for key in ("invalid_utf8_bom", "not_utf8_or_gb", "not_utf8", "invalid_bom_text"):
        zh, en = messages.CATALOG[key]
        assert "第 {offset} 字节" in zh and "at byte {offset}" in en


def test_a_failed_write_is_said_in_the_users_words(draft: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def disk_full(*args: object, **kwargs: object) -> object:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.tempfile, "mkstemp", disk_full)
    messages.set_language("zh")
    try:
        error = fix(draft)
    finally:
        messages.set_language(None)
    assert error is not None and "无法写入" in error and "磁盘空间" in error and "No space" not in error
    assert "cannot write" in (fix(draft) or "") and draft.read_text("utf-8") == DRAFT


def test_no_english_of_the_system_in_the_application() -> None:
    # Every error a user reads comes from the catalogue: no strerror, no literal English.
    for name in ("runner.py", "cli.py", "files.py", "entry.py", "word.py"):
        source = (REPO / "hegao" / "app" / name).read_text("utf-8")
        assert ".strerror" not in source and "cannot write fixes" not in source, name


def test_old_mac_line_endings_are_lines_and_kept(tmp_path: Path) -> None:
    path = tmp_path / "mac.txt"
    path.write_bytes(DRAFT.replace("\n", "\r").encode("utf-8"))
    unix = tmp_path / "unix.txt"
    unix.write_text(DRAFT, encoding="utf-8")
    found, expected = check_file(path, Config()), check_file(unix, Config())
    where = [(f.code, f.span.start, f.span.end) for f in found.findings]
    assert where == [(f.code, f.span.start, f.span.end) for f in expected.findings]  # offsets: the file's
    assert found.source is not None and expected.source is not None
    assert [found.source.line_col(f.span.start) for f in found.findings] == [
        expected.source.line_col(f.span.start) for f in expected.findings
    ]
    assert max(found.source.line_col(f.span.start)[0] for f in found.findings) == 2  # not one long line
    assert fix(path) is None
    assert path.read_bytes() == FIXED.replace("\n", "\r").encode("utf-8")


def test_a_configuration_that_cannot_be_read_is_said_in_the_catalogues_words(draft: Path) -> None:
    (draft.parent / "hegao.toml").write_bytes("# 配置\n".encode("gbk"))
    result = run("check", str(draft))
    assert result.returncode == 2 and "hegao.toml: not UTF-8 text: invalid at byte 3" in result.stderr


def test_a_fix_that_would_take_the_file_from_its_owner_is_refused(
    draft: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A user who may write another's file (by its group) cannot give the new file back:
    # simulated by an fstat that says the new file is someone else's and a refused fchown.
    real_fstat = os.fstat

    class AnotherUsers:
        def __init__(self, info: os.stat_result) -> None:
            self.info = info
            self.st_uid = info.st_uid + 1

        def __getattr__(self, name: str) -> object:
            return getattr(self.info, name)

    def as_another_user(fd: int) -> object:
        return AnotherUsers(real_fstat(fd))

    def refused(fd: int, uid: int, gid: int) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(files.os, "fstat", as_another_user)
    monkeypatch.setattr(files.os, "fchown", refused)
    error = fix(draft)
    assert error is not None and "owner or group could not be kept" in error
    assert draft.read_text("utf-8") == DRAFT and not list(draft.parent.glob("*.hegao-tmp"))

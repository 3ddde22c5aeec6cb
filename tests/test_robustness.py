"""Bad input: each case is a one-line error for that file, exit status 2 when nothing
else failed, and the other files are still checked."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from hegao.app.cli import app

from .conftest import REPO, make_zip_bomb
from .test_cli import SLIP, run


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(SLIP, encoding="utf-8")
    return path


def assert_only_that_file_failed(result: subprocess.CompletedProcess, name: str) -> None:
    """Exit 2, exactly one line on stderr naming the file, and the good file's finding."""
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and name in lines[0] and "error:" in lines[0], result.stderr
    assert "Traceback" not in result.stderr
    assert [(Path(r["path"]).name, r["code"]) for r in json.loads(result.stdout)] == [("good.txt", "SUM001")]


def check_json(*paths: Path | str, extra: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    return run("check", "--format", "json", *extra, *map(str, paths))


def test_missing_path(tmp_path: Path, good: Path) -> None:
    result = check_json(tmp_path / "nowhere.txt", good)
    assert_only_that_file_failed(result, "nowhere.txt")
    assert "no such file" in result.stderr


def test_directory_with_no_files_to_check(tmp_path: Path, good: Path) -> None:
    folder = tmp_path / "images"
    folder.mkdir()
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    result = check_json(folder, good)
    assert result.returncode == 1  # the good file's findings; a folder with nothing is a note
    assert "nothing to check" in result.stderr and "images" in result.stderr


def test_unreadable_file(tmp_path: Path, good: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Run in-process with reading denied, so the case is tested even as root (for whom
    # file permissions do not apply); test_unreadable_file_for_real covers other users.
    secret = tmp_path / "secret.txt"
    secret.write_text(SLIP, encoding="utf-8")
    real_open = os.open

    def denied(path: str | Path, flags: int, *args: int) -> int:
        if Path(path).name == "secret.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, flags, *args)

    monkeypatch.setattr(os, "open", denied)
    result = CliRunner().invoke(app, ["check", "-j", "1", "--format", "json", str(secret), str(good)])
    assert result.exit_code == 2
    [error] = result.stderr.strip().splitlines()
    assert "secret.txt" in error and "permission denied" in error
    assert [r["code"] for r in json.loads(result.stdout)] == ["SUM001"]


def test_a_bug_in_a_rule_is_an_error_for_that_file_only(
    tmp_path: Path, good: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hegao.rules.duplicates.doubled_word import DoubledWord

    real_check = DoubledWord.check

    def broken(self: DoubledWord, doc):  # type: ignore[no-untyped-def]
        if "车辆车辆" in doc.text:
            raise IndexError("list index out of range")
        return real_check(self, doc)

    monkeypatch.setattr(DoubledWord, "check", broken)
    bad = tmp_path / "bad.txt"
    bad.write_text("查获车辆车辆12台。\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "-j", "1", "--format", "json", str(bad), str(good)])
    assert result.exit_code == 2
    [error] = result.stderr.strip().splitlines()
    assert "bad.txt" in error and "internal error" in error and "IndexError" in error
    assert [r["code"] for r in json.loads(result.stdout)] == ["SUM001"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_for_real(tmp_path: Path, good: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(SLIP, encoding="utf-8")
    secret.chmod(0)
    try:
        assert_only_that_file_failed(check_json(secret, good), "secret.txt")
    finally:
        secret.chmod(0o644)


def test_binary_file_with_nul_bytes(tmp_path: Path, good: Path) -> None:
    scan = tmp_path / "scan.txt"
    scan.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40)
    result = check_json(scan, good)
    assert_only_that_file_failed(result, "scan.txt")
    assert "binary" in result.stderr


def test_invalid_utf8_that_is_not_gbk_either(tmp_path: Path, good: Path) -> None:
    broken = tmp_path / "broken.txt"
    # Valid UTF-8 prose with stray bytes that no GB18030 reading makes sense of.
    broken.write_bytes("民警开展巡逻。".encode() + b"\xff\xfe\x80\x81\xff" * 20 + "完。".encode())
    result = check_json(broken, good)
    assert_only_that_file_failed(result, "broken.txt")
    assert "not UTF-8" in result.stderr


@pytest.mark.parametrize("content", [b"", b" \n\r\n\t\n"], ids=["empty", "blank"])
def test_empty_file(tmp_path: Path, good: Path, content: bytes) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(content)
    result = check_json(empty, good)
    assert_only_that_file_failed(result, "empty.txt")
    assert "empty" in result.stderr


def test_empty_standard_input() -> None:
    result = run("check", "-", stdin="")
    assert result.returncode == 2 and result.stderr.strip() == "<stdin>: error: empty file: nothing to check"


def test_files_in_subfolders_come_in_path_order(tmp_path: Path) -> None:
    (tmp_path / "a" / "sub").mkdir(parents=True)
    for name in ("a/z.txt", "a/sub/x.txt", "b.txt"):
        (tmp_path / name).write_text(SLIP, encoding="utf-8")
    rows = json.loads(check_json(tmp_path).stdout)
    assert [Path(r["path"]).relative_to(tmp_path).as_posix() for r in rows] == [
        "a/sub/x.txt",
        "a/z.txt",
        "b.txt",
    ]


def test_100_mb_single_line_file_is_refused_without_reading_it(tmp_path: Path, good: Path) -> None:
    huge = tmp_path / "huge.txt"
    line = "全市公安机关持续开展夏季治安打击整治行动，".encode()
    with huge.open("wb") as fh:
        block = line * (1_000_000 // len(line) + 1)
        while fh.tell() < 100_000_000:
            fh.write(block)
    result = check_json(huge, good)
    assert_only_that_file_failed(result, "huge.txt")
    assert "too large" in result.stderr


def test_a_long_single_line_file_under_the_limit_is_checked(tmp_path: Path) -> None:
    # One 600 kB line: one paragraph of thousands of sentences, every one repeated.
    draft = tmp_path / "one-line.txt"
    sentence = "民警深入辖区开展安全检查，发现并整改隐患{}处。"
    draft.write_text("".join(sentence.format(i % 97) for i in range(12_000)), encoding="utf-8")
    result = check_json(draft)
    assert result.returncode == 1, result.stderr
    assert {r["code"] for r in json.loads(result.stdout)} == {"DUP002"}


def test_max_file_size_can_be_set(tmp_path: Path, good: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text(SLIP * 100, encoding="utf-8")  # about 8 kB
    assert_only_that_file_failed(check_json(big, good, extra=("--max-file-size", "0.005")), "big.txt")
    (tmp_path / "hegao.toml").write_text("max-file-size = 0.005\n", encoding="utf-8")
    assert_only_that_file_failed(check_json(big, good), "big.txt")
    assert check_json(big, extra=("--max-file-size", "1")).returncode == 1


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_named_pipe_is_refused_not_waited_on(tmp_path: Path, good: Path) -> None:
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    result = check_json(pipe, good)  # would hang if hegao opened the pipe
    assert_only_that_file_failed(result, "pipe.txt")
    assert "not a regular file" in result.stderr
    assert_only_that_file_failed(check_json(tmp_path), "pipe.txt")  # found in a folder


def test_symlink_loop_named_on_the_command_line(tmp_path: Path, good: Path) -> None:
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    result = check_json(loop, good)
    assert_only_that_file_failed(result, "loop.txt")
    assert "symbolic links" in result.stderr


def test_symlink_loops_inside_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "drafts"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "good.txt").write_text(SLIP, encoding="utf-8")
    (folder / "sub" / "back").symlink_to(folder)  # a folder loop: walked once
    (folder / "self.txt").symlink_to(folder / "self.txt")  # a file loop: its own error
    result = check_json(folder)
    assert_only_that_file_failed(result, "self.txt")


def test_corrupt_docx(tmp_path: Path, good: Path) -> None:
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"PK\x03\x04" + os.urandom(2000))
    result = check_json(bad, good)
    assert_only_that_file_failed(result, "bad.docx")


def test_oversized_docx(tmp_path: Path, good: Path) -> None:
    bomb = make_zip_bomb(tmp_path / "bomb.docx")
    result = check_json(bomb, good)
    assert_only_that_file_failed(result, "bomb.docx")


def test_config_with_a_syntax_error_stops_only_its_files(tmp_path: Path) -> None:
    (tmp_path / "ok").mkdir()
    (tmp_path / "ok" / "good.txt").write_text(SLIP, encoding="utf-8")
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "hegao.toml").write_text('select = ["SUM"\n', encoding="utf-8")  # unclosed list
    (broken / "draft.txt").write_text(SLIP, encoding="utf-8")
    result = check_json(tmp_path)
    assert_only_that_file_failed(result, "hegao.toml")
    assert "invalid TOML" in result.stderr
    # named on the command line, the file gets the same error
    result = check_json(broken / "draft.txt", tmp_path / "ok" / "good.txt")
    assert_only_that_file_failed(result, "draft.txt")


def test_every_bad_input_at_once_in_parallel(tmp_path: Path) -> None:
    """All the cases together, checked in two processes: each bad file gets its line,
    the good ones their findings, in the order of the files."""
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "scan.txt").write_bytes(b"\x00\x01" * 500)
    (tmp_path / "broken.txt").write_bytes(b"\xff\xfe\x80\x81\xff" * 40)
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    for i in range(6):
        (tmp_path / f"good{i}.txt").write_text(SLIP, encoding="utf-8")
    result = run("check", "-j", "2", "--format", "json", str(tmp_path))
    assert result.returncode == 2
    failed = sorted(Path(line.split(": error:")[0]).name for line in result.stderr.strip().splitlines())
    assert failed == ["broken.txt", "empty.txt", "loop.txt", "scan.txt"]
    assert [Path(r["path"]).name for r in json.loads(result.stdout)] == [f"good{i}.txt" for i in range(6)]


def test_a_killed_fix_leaves_the_old_or_the_new_file_never_a_mix(tmp_path: Path) -> None:
    """SIGKILL at different moments of a --fix run: the draft is always whole."""
    draft = tmp_path / "a.txt"
    original = "民警深入社区开展宣传,发放资料300余份。\n\n" * 20_000  # 700 kB, 20,000 fixes
    fixed = original.replace(",", "，")
    env = {**os.environ, "NO_COLOR": "1"}
    outcomes = set()
    for delay in (0.3, 0.6, 0.9, 1.2, 1.6, 2.5):
        draft.write_text(original, encoding="utf-8")
        proc = subprocess.Popen(
            [sys.executable, "-m", "hegao", "check", "--fix", "--select", "CHAR002", str(draft)],
            cwd=REPO,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        content = draft.read_text("utf-8")
        assert content in (original, fixed)
        outcomes.add(content == fixed)
    # Leftover temporary files are hidden and named for hegao; the draft is never touched.
    for leftover in tmp_path.glob(".a.txt.*"):
        assert leftover.name.endswith(".hegao-tmp")
    assert outcomes  # (which moments catch the write depends on the machine)


def test_killed_between_writing_and_renaming(tmp_path: Path) -> None:
    """The process dies at the worst moment (the fixed text written to the temporary
    file, not yet renamed over the draft): the draft is the original, byte for byte."""
    draft = tmp_path / "a.txt"
    original = "民警深入社区开展宣传,发放资料300余份。\r\n".encode("gbk")
    draft.write_bytes(original)
    script = (
        "import os, signal, sys\n"
        "from hegao.app import files as fixes\n"
        "fixes.os.fsync = lambda fd: os.kill(os.getpid(), signal.SIGKILL)\n"
        "from hegao.app.cli import main\n"
        "sys.argv = ['hegao', 'check', '--fix', sys.argv[1]]\n"
        "main()\n"
    )
    proc = subprocess.run([sys.executable, "-c", script, str(draft)], cwd=REPO, capture_output=True)
    assert proc.returncode == -signal.SIGKILL
    assert draft.read_bytes() == original
    [leftover] = tmp_path.glob(".a.txt.*")
    assert leftover.name.endswith(".hegao-tmp")

"""The hegao command end to end: exit codes, formats, golden reports of examples/."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REPO

EXAMPLES = REPO / "examples"
SLIP = "王某被骗32650.5元，又被骗48000元，共计被骗80650.5万元。\n"


def run(
    *args: str, cwd: Path = REPO, stdin: str | None = None, lang: str = "en"
) -> subprocess.CompletedProcess:
    # In the language chosen here, whatever the machine's locale.
    env = {**os.environ, "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8", "HEGAO_LANG": lang}
    return subprocess.run(
        [sys.executable, "-m", "hegao", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        input=stdin,
    )


@pytest.mark.parametrize("draft", sorted(EXAMPLES.glob("*.md")), ids=lambda p: p.name)
def test_examples_match_their_expected_reports(draft: Path) -> None:
    result = run("check", str(draft.relative_to(REPO)), lang="zh")
    expected = (draft.parent / (draft.name + ".expected")).read_text("utf-8")
    assert result.stdout == expected
    assert result.returncode == (1 if "clean" not in draft.name else 0)


def test_json_report_shape(tmp_path: Path) -> None:
    draft = tmp_path / "a.txt"
    draft.write_text(SLIP, encoding="utf-8")
    result = run("check", "--format", "json", str(draft))
    assert result.returncode == 1
    [row] = json.loads(result.stdout)
    assert set(row) == {
        "path",
        "code",
        "name",
        "severity",
        "message",
        "line",
        "column",
        "end_line",
        "end_column",
        "start",
        "end",
        "related",
        "fix",
    }
    assert (row["code"], row["line"], row["column"]) == ("SUM001", 1, SLIP.index("80650.5万元") + 1)
    assert SLIP[row["start"] : row["end"]] == "80650.5万元"
    assert row["end_column"] - row["column"] == row["end"] - row["start"]
    assert [SLIP[r["start"] : r["end"]] for r in row["related"]] == ["32650.5元", "48000元"]
    assert row["fix"] is None


def test_select_and_ignore(tmp_path: Path) -> None:
    draft = tmp_path / "a.txt"
    draft.write_text(SLIP, encoding="utf-8")
    assert run("check", "--ignore", "SUM", str(draft)).returncode == 0
    assert run("check", "--select", "DUP", str(draft)).returncode == 0
    assert run("check", "--select", "SUM001", str(draft)).returncode == 1
    bad = run("check", "--select", "NOPE1", str(draft))
    assert bad.returncode == 2 and "NOPE1" in bad.stderr


def test_unreadable_files_are_reported_and_others_still_checked(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(SLIP, encoding="utf-8")
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"\x00\x01\x02PK\x03\x04" * 100)
    result = run("check", "--format", "json", str(tmp_path / "missing.txt"), str(binary), str(good))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 2 and "missing.txt" in lines[0] and "scan.txt" in lines[1]
    assert [row["code"] for row in json.loads(result.stdout)] == ["SUM001"]


def test_directories_are_walked_for_txt_and_md(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.md").write_text(SLIP, encoding="utf-8")
    (tmp_path / "b.txt").write_text("正文。\n", encoding="utf-8")
    (tmp_path / "c.docx.bak").write_text(SLIP, encoding="utf-8")
    result = run("check", "--format", "json", str(tmp_path))
    assert [Path(r["path"]).name for r in json.loads(result.stdout)] == ["a.md"]
    empty = tmp_path / "empty"
    empty.mkdir()
    nothing = run("check", str(empty))
    assert nothing.returncode == 0 and "nothing to check" in nothing.stderr  # like ruff: a note


def test_gbk_file_is_read(tmp_path: Path) -> None:
    draft = tmp_path / "gbk.txt"
    draft.write_bytes(SLIP.encode("gbk"))
    result = run("check", "--format", "json", str(draft))
    assert [r["code"] for r in json.loads(result.stdout)] == ["SUM001"]


def test_quantities_json(tmp_path: Path) -> None:
    draft = tmp_path / "q.txt"
    draft.write_text("2021年1月7日，涉案资金2000多万元，抓获51人。", encoding="utf-8")
    rows = json.loads(run("quantities", "--format", "json", str(draft)).stdout)
    assert [(r["text"], r["base_value"], r["unit"], r["scale"], r["approx"], r["kind"]) for r in rows] == [
        ("2000多万元", "20000000", "元", "万", ["多"], "money"),
        ("51人", "51", "人", "", [], "count"),
    ]
    assert {"text", "start", "end", "value", "unit", "scale", "approx", "kind"} <= set(rows[0])


def test_claims_json_shows_the_relations(tmp_path: Path) -> None:
    draft = tmp_path / "c.txt"
    text = (
        "全市共受理案件300起，其中诈骗案件180起，占60%。今年破获刑事案件5200起，比上年增加400起，增长8.3%。"
    )
    draft.write_text(text, encoding="utf-8")
    data = json.loads(run("claims", "--format", "json", str(draft)).stdout)
    [breakdown] = data["breakdowns"]
    assert (breakdown["whole"]["text"], [p["text"] for p in breakdown["parts"]]) == ("300起", ["180起"])
    [ratio] = data["ratios"]
    assert (ratio["value"]["text"], ratio["numerator"]["text"], ratio["denominator"]["text"]) == (
        "60%",
        "180起",
        "300起",
    )
    [growth] = data["growths"]
    assert (growth["rate"]["text"], growth["after"]["text"], growth["increment"]["text"]) == (
        "8.3%",
        "5200起",
        "400起",
    )
    roles = {f["text"]: f["role"] for f in data["figures"]}
    assert roles["300起"] == "whole" and roles["180起"] == "part" and roles["8.3%"] == "change"
    first = data["figures"][0]
    assert text[first["start"] : first["end"]] == first["text"] and first["scope"] == "全市"


def test_claims_and_quantities_read_several_files_and_folders(tmp_path: Path) -> None:
    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / "a.txt").write_text("全市共抓获52人，其中女性12人。\n", encoding="utf-8")
    (folder / "b.md").write_text("今年破获案件120起。\n", encoding="utf-8")
    alone = tmp_path / "c.txt"
    alone.write_text("共计3起。\n", encoding="utf-8")
    result = run("claims", "--format", "json", str(folder), str(alone), str(tmp_path / "none.txt"))
    assert result.returncode == 2 and "none.txt" in result.stderr  # the others are still read
    read = json.loads(result.stdout)
    assert [Path(r["path"]).name for r in read] == ["a.txt", "b.md", "c.txt"]
    assert [b["whole"]["text"] for b in read[0]["breakdowns"]] == ["52人"]
    rows = json.loads(run("quantities", "--format", "json", str(folder)).stdout)
    assert [[q["text"] for q in r["rows"]] for r in rows] == [["52人", "12人"], ["120起"]]
    text = run("claims", str(folder), lang="zh").stdout
    assert f"== {folder / 'a.txt'} ==" in text and "分项\t52人" in text


def test_claims_show_the_respectively_lists(tmp_path: Path) -> None:
    draft = tmp_path / "r.txt"
    draft.write_text("东港分局、西港分局分别破案12起、8起。\n", encoding="utf-8")
    data = json.loads(run("claims", "--format", "json", str(draft)).stdout)
    [listed] = data["respectively"]
    subjects = [(s["text"], s["start"], s["end"]) for s in listed["subjects"]]
    assert subjects == [("东港分局", 0, 4), ("西港分局", 5, 9)]
    values = [(v["text"], v["line"], v["column"]) for v in listed["values"]]
    assert values == [("12起", 1, 14), ("8起", 1, 18)]
    assert listed["per_subject"] == 1
    lines = run("claims", str(draft)).stdout.splitlines()
    assert "分别\t东港分局、西港分局 → 12起（1:14）、8起（1:18）" in lines


def test_claims_show_the_labels_and_their_items(tmp_path: Path) -> None:
    draft = tmp_path / "l.txt"
    text = "社区推行\n“三个一”工作法：一张联系卡、一本工作台账、一个微信群。"
    draft.write_text(text, encoding="utf-8")
    [label] = json.loads(run("claims", "--format", "json", str(draft)).stdout)["labels"]
    where = {k: label["label"][k] for k in ("text", "line", "column")}
    assert where == {"text": "三个一", "line": 2, "column": 2}
    assert text[label["label"]["start"] : label["label"]["end"]] == "三个一" and label["count"] == 3
    items = label["items"]
    assert [i["text"] for i in items] == ["一张联系卡", "一本工作台账", "一个微信群"]
    assert all(text[i["start"] : i["end"]] == i["text"] for i in items)
    lines = run("claims", str(draft)).stdout.splitlines()
    assert "标签\t“三个一”（2:2）：3 项 = 一张联系卡、一本工作台账、一个微信群" in lines


def test_version_rules_and_explain() -> None:
    assert run("--version").stdout.startswith("hegao ")
    codes = [line.split("\t")[0] for line in run("rules").stdout.splitlines()]
    assert "SUM001" in codes and "DUP001" in codes
    explained = run("explain", "SUM001")
    assert explained.returncode == 0
    assert all(s in explained.stdout for s in ("What it does", "Why it matters", "Example", "Instead"))
    assert run("explain", "XYZ999").returncode == 2


def test_a_problem_repeated_throughout_a_file_is_grouped(tmp_path: Path) -> None:
    draft = tmp_path / "commas.txt"
    draft.write_text("".join(f"第{i}组民警走访群众{i}户,发放资料。" for i in range(15)), encoding="utf-8")
    result = run("check", "--no-source", str(draft), lang="zh")
    listed = [ln for ln in result.stdout.splitlines() if ln.startswith(str(draft)) and " CHAR002 " in ln]
    assert len(listed) == 5
    assert "另有 10 处 CHAR002" in result.stdout
    rows = json.loads(run("check", "--format", "json", str(draft)).stdout)
    assert sum(r["code"] == "CHAR002" for r in rows) == 15


@pytest.mark.parametrize("output_format", ["text", "json", "sarif", "github"])
def test_parallel_output_is_identical_to_one_process(tmp_path: Path, output_format: str) -> None:
    drafts = tmp_path / "drafts"
    for i in range(9):
        folder = drafts / f"d{i % 3}"
        folder.mkdir(parents=True, exist_ok=True)
        body = SLIP if i % 2 else "民警深入社区开展宣传,发放资料300余份。\n查获车辆车辆12台。\n"
        (folder / f"{i}.txt").write_text(body * (i + 1), encoding="utf-8")
    (drafts / "d1" / "empty.md").write_text("", encoding="utf-8")
    one = run("check", "-j", "1", "--format", output_format, str(drafts))
    many = run("check", "-j", "3", "--format", output_format, str(drafts))
    assert one.returncode == many.returncode == 2  # the empty file
    assert one.stdout == many.stdout and one.stderr == many.stderr
    assert one.stdout.count("SUM001") >= 4


def _cells(line: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


def test_text_report_names_severity_marks_fixes_and_fits_the_width(tmp_path: Path) -> None:
    draft = tmp_path / "a.txt"
    draft.write_text(
        "全县公安机关持续开展夏季治安打击整治行动，查获车辆车辆12台，民警深入社区开展宣传,发放资料300余份。"
        "加强侦侦区域协作，全力维护辖区社会治安大局持续稳定。\n",
        "utf-8",
    )
    result = subprocess.run(
        [sys.executable, "-m", "hegao", "check", str(draft)],
        env={**os.environ, "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8", "COLUMNS": "60", "HEGAO_LANG": "zh"},
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    out = result.stdout
    # Severity as a word, not only a colour; [*] a safe fix, [?] an unsafe one.
    assert " 错误 DUP003 [*] " in out and " 警告 CHAR002 [*] " in out and " 错误 DUP003 [?] " in out
    assert "另有 1 处可用 --unsafe-fixes 修复" in out
    # Source excerpts and their underlines fit in 60 columns.
    excerpts = [line for line in out.splitlines() if "│" in line]
    assert excerpts and all(_cells(line) <= 60 for line in excerpts)


def test_summary_counts_files_that_could_not_be_checked(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", "utf-8")
    result = run("check", str(empty), str(tmp_path / "missing.txt"), lang="zh")
    assert result.returncode == 2
    assert "2 个文件无法检查" in result.stdout
    assert "未发现问题" not in result.stdout


def test_error_lines_are_chinese_by_default_and_english_on_request(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", "utf-8")
    old_word = tmp_path / "report.doc"
    old_word.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64)
    env = {k: v for k, v in os.environ.items() if k not in ("HEGAO_LANG", "LANG", "LC_ALL", "LC_MESSAGES")}
    chinese = subprocess.run(
        [sys.executable, "-m", "hegao", "check", str(empty), str(old_word)],
        env={**env, "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"},
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert chinese.returncode == 2
    assert "error:" not in chinese.stderr and ".docx" in chinese.stderr  # 请另存为 .docx
    english = subprocess.run(
        [sys.executable, "-m", "hegao", "--lang", "en", "check", str(empty)],
        env={**env, "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"},
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert "error:" in english.stderr


def test_every_message_exists_in_both_languages_with_the_same_placeholders() -> None:
    import string

    from hegao.messages import CATALOG

    def fields(template: str) -> set[str]:
        return {name for _, name, _, _ in string.Formatter().parse(template) if name}

    from hegao import messages

    for key, (zh, en) in CATALOG.items():
        assert zh and en, key
        assert fields(zh) == fields(en), key
        for lang in ("zh", "en"):  # renders with its values, whatever they are called
            messages.set_language(lang)
            assert messages.text(key, **dict.fromkeys(fields(zh), "x"))
    messages.set_language(None)


def test_related_places_on_the_same_line_share_one_excerpt(tmp_path: Path) -> None:
    draft = tmp_path / "a.txt"
    draft.write_text("全市盗窃案件1200起，其中入室盗窃800起、扒窃500起。\n", "utf-8")
    out = run("check", "--select", "SUM002", str(draft)).stdout
    source_lines = [line for line in out.splitlines() if line.lstrip().startswith("1 │")]
    assert len(source_lines) == 1  # the whole, the parts and the finding: one line shown
    underline = next(line for line in out.splitlines() if "^" in line)
    assert "-" in underline


# English words hegao may show a Chinese reader: its name, format and severity values
# typed on the command line, file types, the way Python runs it.
_ALLOWED_LATIN = {
    "hegao",
    "python",
    "text",
    "json",
    "sarif",
    "github",
    "gitlab",
    "junit",
    "html",
    "error",
    "warning",
}
_ALLOWED_LATIN |= {"info", "docx", "FFFD", "toml", "Word", "exclude"}  # Word, a configuration key
_ALLOWED_LATIN |= {
    "check",
    "config",
    "quantities",
    "claims",
    "rules",
    "explain",
    "serve",
    "server",
}  # commands


def _english_words(output: str) -> set[str]:
    """Words of four or more Latin letters that are not an option name or an allowed value."""
    import re

    return {w for w in re.findall(r"(?<![-.\w])[A-Za-z]{4,}(?![\w])", output) if w not in _ALLOWED_LATIN}


@pytest.mark.parametrize(
    "args",
    [
        ["-h"],
        ["check", "-h"],
        ["explain", "-h"],
        ["rules"],
        ["explain", "SUM001"],
        ["check", "--bogus", "x.txt"],
        ["check", "--format", "xml", "x.txt"],
        ["check"],
        ["nosuchcommand"],
        ["check", "MISSING"],
        ["explain", "XYZ999"],
    ],
)
def test_a_chinese_reader_sees_no_english(args: list[str], tmp_path: Path) -> None:
    argv = [str(tmp_path / "missing.txt") if a == "MISSING" else a for a in args]
    env = {k: v for k, v in os.environ.items() if k not in ("HEGAO_LANG", "LC_ALL", "LC_MESSAGES")}
    result = subprocess.run(
        [sys.executable, "-m", "hegao", *argv],
        env={**env, "LANG": "zh_CN.UTF-8", "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8", "COLUMNS": "100"},
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=tmp_path,
    )
    output = result.stdout + result.stderr
    assert output.strip()
    for typed in sorted([str(tmp_path), *argv], key=len, reverse=True):  # shown back as typed
        output = output.replace(typed, "")
    assert _english_words(output) == set(), output
    english = subprocess.run(
        [sys.executable, "-m", "hegao", "--lang", "en", *argv],
        env={**env, "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8", "COLUMNS": "100"},
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=tmp_path,
    )
    assert _english_words(english.stdout + english.stderr), "--lang en gives English"


def _in_terminal(args: list[str], columns: int) -> str:
    """Run hegao with a real pseudo-terminal as its standard output."""
    import pty

    leader, follower = pty.openpty()
    env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")}
    env.update(
        {"HEGAO_LANG": "zh", "COLUMNS": str(columns), "TERM": "xterm-256color", "PYTHONIOENCODING": "utf-8"}
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "hegao", *args], stdout=follower, stderr=follower, env=env, close_fds=True
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 65536)
        except OSError:  # the terminal closed: the process ended
            break
        if not data:
            break
        chunks.append(data)
    process.wait(timeout=60)
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace").replace("\r\n", "\n")


def test_report_in_a_terminal_and_in_a_pipe(tmp_path: Path) -> None:
    import re

    draft = tmp_path / "a.txt"
    draft.write_text(SLIP + "民警民警开展巡逻,发放资料300份。加强侦侦区域协作。\n", "utf-8")
    shown = _in_terminal(["check", str(draft)], columns=70)
    assert "\x1b[" in shown  # colour on a terminal
    plain = re.sub(r"\x1b\[[0-9;]*m", "", shown)
    for words in (" 错误 SUM001 ", " 错误 DUP003 [*] ", " 警告 CHAR002 [*] ", " 错误 DUP003 [?] "):
        assert words in plain  # severity as a word as well as a colour
    assert "另有 1 处可用 --unsafe-fixes 修复" in plain
    excerpts = [line for line in plain.splitlines() if "│" in line]
    assert excerpts and all(_cells(line) <= 70 for line in excerpts)
    # The parts on the total's line are underlined there (-), not shown again.
    assert "-" * 5 in plain and plain.count("共计被骗80650.5万元") == 1
    piped = run("check", str(draft), lang="zh").stdout
    assert "\x1b[" not in piped and " 错误 SUM001 " in piped


def test_a_bug_in_a_reading_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    from hegao.app import cli, inspection

    def broken(*_: object) -> object:
        raise ValueError("a reading's bug")

    monkeypatch.setattr(inspection, "claims_data", broken)
    monkeypatch.setattr(inspection, "quantity_rows", broken)
    draft = tmp_path / "a.txt"
    draft.write_text("全市共接报警情120起。\n", "utf-8")
    for command in ("claims", "quantities"):
        result = CliRunner().invoke(cli.app, [command, "--format", "json", str(draft)])
        assert result.exit_code == 2, command
        assert "Traceback" not in result.output and "a reading's bug" in result.output


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("explain", "DUP001", "a.txt"), "多余的参数：a.txt"),
        (("check", "-j", "x", "a.txt"), "--jobs/-j 应为数字，而不是 x"),
        (("check", "-j", "0", "a.txt"), "--jobs/-j 的值 0 超出范围（应不小于 1）"),
        (("check", "--baseline", "none.json", "a.txt"), "none.json: 无法读取基线文件：不存在"),
        (("check", "--baseline", "a.txt", "a.txt"), "a.txt: 不是 hegao 的基线文件"),
    ],
)
def test_command_line_mistakes_are_told_in_chinese(
    tmp_path: Path, args: tuple[str, ...], said: str
) -> None:
    (tmp_path / "a.txt").write_text("全市共接报警情120起。\n", encoding="utf-8")
    result = run(*args, cwd=tmp_path, lang="zh")
    assert result.returncode == 2
    assert said in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr
    # No English words of the framework or of Python (hegao's own names may appear).
    words = {w.lower() for w in re.findall(r"[A-Za-z]{3,}", result.stderr)}
    ours = {"python", "hegao", "check", "explain", "jobs", "baseline", "none", "json", "txt", "write"}
    assert words <= ours, words

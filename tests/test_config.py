"""Configuration files, suppression comments and baselines."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from hegao.app.settings import load_config
from hegao.checker.lint.config import ConfigError
from hegao.core import lint_text
from hegao.rules import RULES

from .test_cli import SLIP, run

DUPLICATE = "专案组连夜赶赴外省开展抓捕工作，将犯罪嫌疑人全部抓获归案。" * 2 + "\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def codes(result) -> list[str]:
    return [row["code"] for row in json.loads(result.stdout)]


def test_nearest_config_wins_and_pyproject_is_read(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.hegao]\nignore = ["SUM001"]\n')
    write(tmp_path / "drafts" / "hegao.toml", 'select = ["SUM"]\n')
    top = write(tmp_path / "a.txt", SLIP)
    nested = write(tmp_path / "drafts" / "b.txt", SLIP)
    assert codes(run("check", "-f", "json", str(top))) == []
    assert codes(run("check", "-f", "json", str(nested))) == ["SUM001"]
    shown = run("config", str(nested)).stdout
    assert "hegao.toml" in shown and '"SUM001"' in shown


def test_unknown_key_and_bad_values_name_the_key_and_file(tmp_path: Path) -> None:
    cfg = write(tmp_path / "hegao.toml", 'selekt = ["SUM"]\n')
    draft = write(tmp_path / "a.txt", SLIP)
    result = run("check", str(draft))
    assert result.returncode == 2 and "selekt" in result.stderr and str(cfg) in result.stderr
    write(tmp_path / "hegao.toml", '[severity]\nSUM001 = "fatal"\n')
    result = run("check", str(draft))
    assert result.returncode == 2 and "SUM001" in result.stderr and "fatal" in result.stderr
    write(tmp_path / "hegao.toml", 'ignore = ["XYZ9"]\n')
    assert "XYZ9" in run("check", str(draft)).stderr
    write(tmp_path / "hegao.toml", '[rules.DUP002]\nmin-han = "many"\n')
    assert "min-han" in run("check", str(draft)).stderr
    write(tmp_path / "hegao.toml", "select = [\n")
    result = run("check", str(draft))
    assert result.returncode == 2 and "invalid TOML" in result.stderr
    for bad in ("0", "-1", '"20MB"', "true"):
        write(tmp_path / "hegao.toml", f"max-file-size = {bad}\n")
        result = run("check", str(draft))
        assert result.returncode == 2 and "max-file-size" in result.stderr


def test_severity_per_file_ignores_and_exclude(tmp_path: Path) -> None:
    config = """
exclude = ["drafts/old/*"]

[severity]
SUM001 = "warning"

[per-file-ignores]
"archive/*" = ["SUM"]
"""
    write(tmp_path / "hegao.toml", config)
    write(tmp_path / "archive" / "2019.txt", SLIP)
    write(tmp_path / "drafts" / "old" / "x.txt", SLIP)
    write(tmp_path / "drafts" / "new.txt", SLIP)
    rows = json.loads(run("check", "-f", "json", str(tmp_path)).stdout)
    assert [(Path(r["path"]).name, r["code"], r["severity"]) for r in rows] == [
        ("new.txt", "SUM001", "warning")
    ]
    assert run("check", "--fail-on", "error", str(tmp_path)).returncode == 0
    assert run("check", "--fail-on", "warning", str(tmp_path)).returncode == 1


def test_rule_options(tmp_path: Path) -> None:
    draft = write(tmp_path / "a.txt", DUPLICATE)
    assert "DUP002" in codes(run("check", "-f", "json", str(draft)))
    write(tmp_path / "hegao.toml", "[rules.DUP002]\nmin-han = 40\n")
    assert "DUP002" not in codes(run("check", "-f", "json", str(draft)))
    write(tmp_path / "hegao.toml", '[rules.UNIT001.measure-words]\n"无人机" = ["架", "台"]\n')
    phones = write(tmp_path / "b.txt", "查获无人机5张。\n")
    assert codes(run("check", "-f", "json", str(phones))) == ["UNIT001"]


def test_suppression_comments() -> None:
    text = (
        "<!-- hegao-disable-next-line SUM001 -->\n\n"
        + SLIP
        + "<!-- hegao-disable -->\n"
        + SLIP
        + "<!-- hegao-enable -->\n"
        + SLIP
        + "<!-- hegao-disable DUP -->\n"
        + SLIP
    )
    lines = [text.count("\n", 0, f.span.start) + 1 for f in lint_text(text) if f.code == "SUM001"]
    assert lines == [7, 9]


def test_baseline_reports_only_new_findings(tmp_path: Path) -> None:
    draft = write(tmp_path / "a.txt", SLIP)
    base = tmp_path / "baseline.json"
    assert run("check", "--write-baseline", str(base), str(draft)).returncode == 0
    assert run("check", "--baseline", str(base), str(draft)).returncode == 0
    # editing elsewhere keeps the old finding old; a new one is reported
    write(draft, "前言。\n" + SLIP + "张某被骗3万元，李某被骗4万元，共计被骗9万元。\n")
    rows = json.loads(run("check", "-f", "json", "--baseline", str(base), str(draft)).stdout)
    assert [r["line"] for r in rows] == [3]


def test_stdin_with_a_file_name_for_config_and_reports(tmp_path: Path) -> None:
    write(tmp_path / "hegao.toml", 'ignore = ["SUM"]\n')
    result = run("check", "-f", "json", "-", stdin=SLIP)
    assert [(r["path"], r["code"]) for r in json.loads(result.stdout)] == [("<stdin>", "SUM001")]
    named = str(tmp_path / "draft.md")
    result = run("check", "-f", "json", "--stdin-filename", named, "-", stdin=SLIP)
    assert json.loads(result.stdout) == [] and result.returncode == 0


@pytest.mark.parametrize("flag", ["--quiet", "--statistics"])
def test_quiet_and_statistics(tmp_path: Path, flag: str) -> None:
    draft = write(tmp_path / "a.txt", SLIP + DUPLICATE)
    out = run("check", flag, str(draft)).stdout
    if flag == "--quiet":
        assert out.count("\n") == 2 and "共" not in out
    else:
        # count, code and the rule's title per line, no findings
        assert [line.split()[:2] for line in out.splitlines()] == [["1", "DUP002"], ["1", "SUM001"]]


@pytest.mark.parametrize(
    ("toml", "said"),
    [
        ("select = [DUP]\n", "第 1 行第 11 列，值无效"),
        ("[tool.hegao\n", "第 1 行第 12 列，表名缺少结尾的“]”"),
        ('ignore = ["DUP"]\nignore = ["SUM"]\n', "第 2 行第 17 列，同一项定义了两次"),
        ('ignore = ["DUP"\n', "数组缺少结尾的“]”"),
    ],
)
def test_a_broken_config_file_is_explained_in_chinese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, toml: str, said: str
) -> None:
    monkeypatch.setenv("HEGAO_LANG", "zh")
    write(tmp_path / "hegao.toml", toml)
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path, list(RULES.codes()), {})
    message = str(caught.value)
    assert "TOML 格式有误：" in message and said in message
    assert re.search(r"[a-z]{2,}", message.split("hegao.toml", 1)[1]) is None, message  # no English

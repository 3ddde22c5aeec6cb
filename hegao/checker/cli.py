"""The ``hegao`` command: check drafts, list quantities, document rules."""

from __future__ import annotations

import json
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from hegao import __version__
from hegao.checker.config import Config, ConfigError, parse_code_list
from hegao.checker.document import parse_document
from hegao.checker.engine import lint_document, rules
from hegao.checker.reading import InputError, read_file
from hegao.checker.report import FileResult, write_json, write_text

DEFAULT_SUFFIXES = (".txt", ".md", ".markdown")
_SKIP_DIRS = {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__"}

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="hegao（核稿）：发布前检查中文通报、报告中自相矛盾的数字与重复的文字。",
    context_settings={"help_option_names": ["-h", "--help"]},
)


class OutputFormat(StrEnum):
    text = "text"
    json = "json"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"hegao {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    pass


def _error(path: str, message: str) -> None:
    sys.stderr.write(f"{path}: error: {message}\n")


def discover(paths: list[Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Files to check, in a stable order, and (path, message) for paths that fail."""
    files: list[Path] = []
    errors: list[tuple[str, str]] = []
    seen: set[Path] = set()
    for path in paths:
        if not path.exists() and not path.is_symlink():
            errors.append((str(path), "no such file or directory"))
            continue
        if path.is_dir():
            found = sorted(_walk(path))
            if not found:
                errors.append((str(path), "no .txt or .md files in this directory"))
            candidates = found
        else:
            candidates = [path]
        for f in candidates:
            key = f.resolve() if f.exists() else f
            if key not in seen:
                seen.add(key)
                files.append(f)
    return files, errors


def _walk(root: Path) -> list[Path]:
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in _SKIP_DIRS and not d.startswith("."))
        for name in filenames:
            if name.lower().endswith(DEFAULT_SUFFIXES):
                out.append(Path(dirpath) / name)
    return out


class FixMode(StrEnum):
    none = "none"
    write = "write"
    diff = "diff"


def check_file(path: Path, config: Config, fix: FixMode = FixMode.none, unsafe: bool = False) -> FileResult:
    try:
        decoded = read_file(path)
    except InputError as exc:
        return FileResult(str(path), None, [], str(exc))
    text = decoded.text
    fixed_count = 0
    diff = ""
    if fix is not FixMode.none:
        from hegao.checker.fixes import encode, fix_text, write_atomic

        fixed, fixed_count = fix_text(text, config, unsafe)
        if fixed != text:
            if fix is FixMode.write:
                try:
                    write_atomic(path, encode(fixed, decoded))
                except OSError as exc:
                    return FileResult(str(path), None, [], f"cannot write fixes: {exc.strerror}")
                text = fixed
            else:
                diff = _unified_diff(str(path), text, fixed)
    doc = parse_document(text)
    return FileResult(str(path), doc, lint_document(doc, config), None, fixed_count, diff)


def _unified_diff(name: str, before: str, after: str) -> str:
    import difflib

    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=f"a/{name}",
        tofile=f"b/{name}",
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def _config(select: str | None, ignore: str | None) -> Config:
    known = rules().codes()
    try:
        return Config(select=parse_code_list(select, known), ignore=parse_code_list(ignore, known))
    except ConfigError as exc:
        sys.stderr.write(f"hegao: error: {exc}\n")
        raise typer.Exit(EXIT_ERROR) from None


@app.command()
def check(
    paths: Annotated[list[Path], typer.Argument(help="Files or directories (.txt, .md).")],
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Report format.")
    ] = OutputFormat.text,
    select: Annotated[
        str | None, typer.Option(help="Only these rule codes or prefixes, e.g. SUM001,DUP.")
    ] = None,
    ignore: Annotated[str | None, typer.Option(help="Skip these rule codes or prefixes.")] = None,
    no_source: Annotated[bool, typer.Option("--no-source", help="Do not show the source lines.")] = False,
    exit_zero: Annotated[
        bool, typer.Option("--exit-zero", help="Exit 0 even when problems are found.")
    ] = False,
    fix: Annotated[
        bool, typer.Option("--fix", help="Apply safe fixes in place (written atomically).")
    ] = False,
    diff: Annotated[
        bool, typer.Option("--diff", help="Show the fixes as a unified diff; write nothing.")
    ] = False,
    unsafe_fixes: Annotated[
        bool, typer.Option("--unsafe-fixes", help="Also apply fixes that may change meaning.")
    ] = False,
) -> None:
    """Check drafts and report internal contradictions and repeated text.

    Exit status: 0 nothing found, 1 problems found, 2 a file could not be read or the
    command line is wrong.
    """
    config = _config(select, ignore)
    files, errors = discover(paths)
    for name, message in errors:
        _error(name, message)
    mode = FixMode.diff if diff else FixMode.write if fix else FixMode.none
    results = []
    for path in files:
        result = check_file(path, config, mode, unsafe_fixes)
        if result.error is not None:
            _error(result.path, result.error)
        results.append(result)
    if mode is FixMode.diff:
        sys.stdout.write("".join(r.diff for r in results))
        if errors or any(r.error for r in results):
            raise typer.Exit(EXIT_ERROR)
        raise typer.Exit(EXIT_FINDINGS if any(r.diff for r in results) else EXIT_CLEAN)
    if output_format is OutputFormat.json:
        write_json(results, sys.stdout)
    else:
        write_text(results, _console(), show_source=not no_source, fixing=mode is FixMode.write)
    if errors or any(r.error for r in results):
        raise typer.Exit(EXIT_ERROR)
    if any(r.findings for r in results) and not exit_zero:
        raise typer.Exit(EXIT_FINDINGS)


def _console() -> object:
    from rich.console import Console

    return Console(highlight=False, no_color=bool(os.environ.get("NO_COLOR")) or None)


@app.command()
def quantities(
    path: Annotated[Path, typer.Argument(help="A draft (.txt or .md).")],
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.text,
) -> None:
    """List every quantity hegao reads in a draft: value, scale, unit, approximation, kind."""
    try:
        decoded = read_file(path)
    except InputError as exc:
        _error(str(path), str(exc))
        raise typer.Exit(EXIT_ERROR) from None
    doc = parse_document(decoded.text)
    rows = []
    for q in doc.extraction.quantities:
        line, col = doc.line_col(q.span.start)
        rows.append(
            {
                "text": q.text,
                "start": q.span.start,
                "end": q.span.end,
                "line": line,
                "column": col,
                "value": _plain(q.value),
                "high": None if q.high is None else _plain(q.high),
                "scale": q.scale,
                "base_value": _plain(q.base),
                "unit": q.unit,
                "approx": list(q.approx),
                "kind": q.kind.value,
                "decimals": q.decimals,
            }
        )
    if output_format is OutputFormat.json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    for r in rows:
        approx = "".join(r["approx"]) or "-"  # type: ignore[arg-type]
        typer.echo(
            f"{path}:{r['line']}:{r['column']}\t{r['text']}\t{r['base_value']}\t"
            f"{r['unit'] or '-'}\t{r['kind']}\t{approx}"
        )


def _plain(value: object) -> str:
    from decimal import Decimal

    assert isinstance(value, Decimal)
    if value == value.to_integral_value():
        return f"{value.quantize(Decimal(1)):f}"
    return f"{value.normalize():f}"


@app.command("rules")
def list_rules() -> None:
    """List all rules: code, name, default severity, whether fixable, summary."""
    for rule in rules().all():
        fix = "fix" if rule.fixable else "-"
        typer.echo(f"{rule.code}\t{rule.name}\t{rule.severity.value}\t{fix}\t{rule.summary}")


@app.command()
def explain(code: Annotated[str, typer.Argument(help="A rule code, e.g. SUM001.")]) -> None:
    """Explain a rule: what it does, why it matters, an example and what to write instead."""
    rule = rules().get(code)
    if rule is None:
        sys.stderr.write(f"hegao: error: unknown rule code: {code}\n")
        raise typer.Exit(EXIT_ERROR)
    typer.echo(f"{rule.code} ({rule.name}) — {rule.summary}\n")
    typer.echo(f"Default severity: {rule.severity.value}. Fixable: {'yes' if rule.fixable else 'no'}.\n")
    for title, body in rule.sections.items():
        typer.echo(f"## {title}\n\n{body}\n")


def main() -> None:
    app()

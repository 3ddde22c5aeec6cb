"""The ``hegao`` command: check drafts, list quantities, document rules."""

from __future__ import annotations

import io
import json
import os
import sys
from enum import StrEnum
from functools import cache
from pathlib import Path
from typing import Annotated, TextIO

import typer

from hegao import __version__
from hegao.checker.config import Config, ConfigError, load_config, parse_code_list
from hegao.checker.document import parse_document
from hegao.checker.engine import lint_document, rule_options, rules
from hegao.checker.model import Severity
from hegao.checker.reading import DecodedText, InputError, decode_bytes, read_file
from hegao.checker.report import FileResult, write_json, write_statistics, write_text

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
    sarif = "sarif"
    github = "github"
    junit = "junit"
    html = "html"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


class FixMode(StrEnum):
    none = "none"
    write = "write"
    diff = "diff"


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


@cache
def config_for(folder: Path) -> Config:
    """The configuration of the nearest hegao.toml / pyproject.toml above ``folder``."""
    return load_config(folder, rules().codes(), rule_options())


def discover(paths: list[Path]) -> tuple[list[Path], list[tuple[str, str]]]:
    """Files to check, in a stable order, and (path, message) for paths that fail.

    Files named on the command line are always checked; in folders, the configuration's
    include and exclude globs choose (default: .txt, .md, .docx).
    """
    files: list[Path] = []
    errors: list[tuple[str, str]] = []
    seen: set[Path] = set()
    for path in paths:
        if not path.exists() and not path.is_symlink():
            errors.append((str(path), "no such file or directory"))
            continue
        if path.is_dir():
            try:
                found = sorted(_walk(path))
            except ConfigError as exc:
                errors.append((str(path), str(exc)))
                continue
            if not found:
                errors.append((str(path), "no files to check in this directory (.txt, .md, .docx)"))
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
    visited: set[tuple[int, int]] = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
        stat = os.stat(dirpath)
        if (stat.st_dev, stat.st_ino) in visited:
            dirnames[:] = []  # a symlink loop
            continue
        visited.add((stat.st_dev, stat.st_ino))
        dirnames[:] = sorted(d for d in dirnames if d not in _SKIP_DIRS and not d.startswith("."))
        folder = Path(dirpath)
        config = config_for(folder)
        for name in sorted(filenames):
            path = folder / name
            if config.is_included(path) and not config.is_excluded(path):
                out.append(path)
    return out


def _read(path: Path) -> tuple[DecodedText, list[str] | None]:
    if path.suffix.lower() == ".docx":
        from hegao.checker.docx import read_docx

        text, labels = read_docx(path)
        return DecodedText(text, "docx", False, "\n"), labels
    return read_file(path), None


def check_file(path: Path, config: Config, fix: FixMode = FixMode.none, unsafe: bool = False) -> FileResult:
    try:
        decoded, labels = _read(path)
    except InputError as exc:
        return FileResult(str(path), None, [], str(exc))
    return check_decoded(str(path), decoded, config, fix, unsafe, path, labels)


def check_decoded(
    name: str,
    decoded: DecodedText,
    config: Config,
    fix: FixMode = FixMode.none,
    unsafe: bool = False,
    path: Path | None = None,
    labels: list[str] | None = None,
) -> FileResult:
    text = decoded.text
    fixed_count = 0
    diff = ""
    if fix is not FixMode.none and decoded.encoding != "docx":
        from hegao.checker.fixes import encode, fix_text, write_atomic

        fixed, fixed_count = fix_text(text, config, unsafe)
        if fixed != text:
            if fix is FixMode.write and path is not None:
                try:
                    write_atomic(path, encode(fixed, decoded))
                except OSError as exc:
                    return FileResult(name, None, [], f"cannot write fixes: {exc.strerror}")
                text = fixed
            else:
                diff = _unified_diff(name, text, fixed)
    doc = parse_document(text)
    return FileResult(name, doc, lint_document(doc, config), None, fixed_count, diff, labels)


def _unified_diff(name: str, before: str, after: str) -> str:
    import difflib

    lines = difflib.unified_diff(
        before.splitlines(keepends=True),
        after.splitlines(keepends=True),
        fromfile=f"a/{name.lstrip('/')}",
        tofile=f"b/{name.lstrip('/')}",
    )
    return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def _fail(message: str) -> typer.Exit:
    sys.stderr.write(f"hegao: error: {message}\n")
    return typer.Exit(EXIT_ERROR)


@app.command()
def check(
    paths: Annotated[
        list[Path], typer.Argument(help="Files or directories (.txt, .md, .docx); - for stdin.")
    ],
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help="Report format.")
    ] = OutputFormat.text,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the report to this file.")
    ] = None,
    select: Annotated[
        str | None, typer.Option(help="Only these rule codes or prefixes, e.g. SUM001,DUP.")
    ] = None,
    extend_select: Annotated[
        str | None, typer.Option(help="Add rules to those selected by the configuration.")
    ] = None,
    ignore: Annotated[str | None, typer.Option(help="Skip these rule codes or prefixes.")] = None,
    no_source: Annotated[bool, typer.Option("--no-source", help="Do not show the source lines.")] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Only the findings: no source, no summary.")
    ] = False,
    statistics: Annotated[
        bool, typer.Option("--statistics", help="Only the number of findings per rule.")
    ] = False,
    exit_zero: Annotated[
        bool, typer.Option("--exit-zero", help="Exit 0 even when problems are found.")
    ] = False,
    fail_on: Annotated[
        FailOn, typer.Option("--fail-on", help="Exit 1 only for findings of this severity or worse.")
    ] = FailOn.info,
    fix: Annotated[
        bool, typer.Option("--fix", help="Apply safe fixes in place (written atomically).")
    ] = False,
    diff: Annotated[
        bool, typer.Option("--diff", help="Show the fixes as a unified diff; write nothing.")
    ] = False,
    unsafe_fixes: Annotated[
        bool, typer.Option("--unsafe-fixes", help="Also apply fixes that may change meaning.")
    ] = False,
    stdin_filename: Annotated[
        str | None, typer.Option(help="The name of the text read from stdin (for config and reports).")
    ] = None,
    baseline: Annotated[
        Path | None, typer.Option(help="Report only findings not recorded in this baseline file.")
    ] = None,
    write_baseline: Annotated[
        Path | None, typer.Option(help="Record the current findings in this baseline file.")
    ] = None,
) -> None:
    """Check drafts and report internal contradictions and repeated text.

    Exit status: 0 nothing found, 1 problems found, 2 a file could not be read or the
    command line or configuration is wrong.
    """
    known = rules().codes()
    try:
        cli_select = parse_code_list(select, known, "--select")
        cli_ignore = parse_code_list(ignore, known, "--ignore")
        cli_extend = parse_code_list(extend_select, known, "--extend-select")
    except ConfigError as exc:
        raise _fail(str(exc)) from None
    mode = FixMode.diff if diff else FixMode.write if fix else FixMode.none

    def effective(path: Path) -> Config:
        base = config_for(path.parent if not path.is_dir() else path)
        return base.with_command_line(cli_select, cli_ignore, cli_extend).for_path(path)

    results: list[FileResult] = []
    errors: list[tuple[str, str]] = []
    if [str(p) for p in paths] == ["-"]:
        name = stdin_filename or "<stdin>"
        try:
            config = effective(Path(stdin_filename) if stdin_filename else Path.cwd() / "stdin")
            decoded = decode_bytes(sys.stdin.buffer.read())
        except (ConfigError, InputError) as exc:
            _error(name, str(exc))
            raise typer.Exit(EXIT_ERROR) from None
        # Fixes of standard input go to standard output as a diff, never to a file.
        stdin_mode = FixMode.diff if mode is not FixMode.none else mode
        results.append(check_decoded(name, decoded, config, stdin_mode, unsafe_fixes))
        mode = stdin_mode
    else:
        files, errors = discover(paths)
        for path in files:
            try:
                config = effective(path)
            except ConfigError as exc:
                results.append(FileResult(str(path), None, [], str(exc)))
                continue
            results.append(check_file(path, config, mode, unsafe_fixes))
    for path_name, message in errors:
        _error(path_name, message)
    for result in results:
        if result.error is not None:
            _error(result.path, result.error)
    failed = bool(errors) or any(r.error for r in results)

    if baseline is not None:
        from hegao.checker.baseline import load_baseline, without_baseline

        try:
            results = without_baseline(results, load_baseline(baseline))
        except ValueError as exc:
            raise _fail(str(exc)) from None
    if write_baseline is not None:
        from hegao.checker.baseline import write_baseline as record

        n = record(write_baseline, results)
        sys.stderr.write(f"hegao: recorded {n} findings in {write_baseline}\n")
        raise typer.Exit(EXIT_ERROR if failed else EXIT_CLEAN)

    if mode is FixMode.diff:
        sys.stdout.write("".join(r.diff for r in results))
        if failed:
            raise typer.Exit(EXIT_ERROR)
        raise typer.Exit(EXIT_FINDINGS if any(r.diff for r in results) else EXIT_CLEAN)

    _report(results, output_format, output, no_source or quiet, quiet, statistics, mode)
    if failed:
        raise typer.Exit(EXIT_ERROR)
    threshold = Severity(fail_on.value).rank
    failing = any(f.severity.rank >= threshold for r in results for f in r.findings)
    if failing and not exit_zero:
        raise typer.Exit(EXIT_FINDINGS)


def _report(
    results: list[FileResult],
    output_format: OutputFormat,
    output: Path | None,
    no_source: bool,
    quiet: bool,
    statistics: bool,
    mode: FixMode,
) -> None:
    if output_format is OutputFormat.text:
        if output is not None:
            buffer = io.StringIO()
            _text(results, _console(buffer), no_source, quiet, statistics, mode)
            _write_output(output, buffer.getvalue())
        else:
            _text(results, _console(None), no_source, quiet, statistics, mode)
        return
    buffer = io.StringIO()
    if output_format is OutputFormat.json:
        write_json(results, buffer)
    else:
        from hegao.checker import formats

        if output_format is OutputFormat.sarif:
            formats.write_sarif(results, buffer)
        elif output_format is OutputFormat.github:
            formats.write_github(results, buffer)
        elif output_format is OutputFormat.junit:
            formats.write_junit(results, buffer)
        else:
            from hegao.checker.html import write_html

            write_html(results, buffer)
    if output is not None:
        _write_output(output, buffer.getvalue())
    else:
        sys.stdout.write(buffer.getvalue())


def _text(
    results: list[FileResult],
    console: object,
    no_source: bool,
    quiet: bool,
    statistics: bool,
    mode: FixMode,
) -> None:
    if statistics:
        write_statistics(results, console)
    else:
        write_text(results, console, show_source=not no_source, fixing=mode is FixMode.write, quiet=quiet)


def _write_output(path: Path, content: str) -> None:
    try:
        path.write_text(content, encoding="utf-8")
    except OSError as exc:
        raise _fail(f"cannot write {path}: {exc.strerror}") from None


def _console(file: TextIO | None) -> object:
    from rich.console import Console

    no_color = bool(os.environ.get("NO_COLOR")) or file is not None
    return Console(file=file, highlight=False, no_color=no_color or None, soft_wrap=True)


@app.command("config")
def show_config(
    path: Annotated[Path, typer.Argument(help="A file or folder.")] = Path("."),
) -> None:
    """Show the effective configuration for a path and where it comes from."""
    try:
        config = config_for(path if path.is_dir() else path.parent).for_path(path)
    except ConfigError as exc:
        raise _fail(str(exc)) from None
    source = str(config.source) if config.source else "(none: defaults)"
    enabled = [code for code in rules().codes() if config.enabled(code)]
    typer.echo(f"# configuration for {path}")
    typer.echo(f"source = {json.dumps(source, ensure_ascii=False)}")
    typer.echo(f"enabled = {json.dumps(enabled)}")
    typer.echo(f"select = {json.dumps(list(config.select))}")
    typer.echo(f"extend-select = {json.dumps(list(config.extend_select))}")
    typer.echo(f"ignore = {json.dumps(list(config.ignore))}")
    typer.echo(f"include = {json.dumps(list(config.include))}")
    typer.echo(f"exclude = {json.dumps(list(config.exclude))}")
    typer.echo(f"excluded = {json.dumps(config.is_excluded(path))}")
    severities = {code: level.value for code, level in config.severity.items()}
    typer.echo(f"severity = {json.dumps(severities)}")
    typer.echo(f"per-file-ignores = {json.dumps(dict(config.per_file_ignores), ensure_ascii=False)}")
    options = {
        r.code: {**r.default_options, **config.options.get(r.code, {})}
        for r in rules().all()
        if r.default_options
    }
    typer.echo(f"rules = {json.dumps(options, ensure_ascii=False)}")


@app.command()
def quantities(
    path: Annotated[Path, typer.Argument(help="A draft (.txt, .md or .docx).")],
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.text,
) -> None:
    """List every quantity hegao reads in a draft: value, scale, unit, approximation, kind."""
    try:
        decoded, _ = _read(path)
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
        raise _fail(f"unknown rule code: {code}")
    typer.echo(f"{rule.code} ({rule.name}) — {rule.summary}\n")
    fixable = "yes" if rule.fixable else "no"
    typer.echo(f"Default severity: {rule.severity.value}. Fixable: {fixable}.\n")
    for title, body in rule.sections.items():
        typer.echo(f"## {title}\n\n{body}\n")
    if rule.default_options:
        typer.echo("## Options ([tool.hegao.rules." + rule.code + "])\n")
        for name, default in rule.default_options.items():
            typer.echo(f"- {name} = {json.dumps(default, ensure_ascii=False)}")


def main() -> None:
    app()

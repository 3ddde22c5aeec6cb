"""The ``hegao`` command: check drafts, list quantities, document rules."""

from __future__ import annotations

import contextlib
import io
import itertools
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TextIO, TypeVar

import typer

from hegao import __version__, messages
from hegao.app.cli_locale import localize_cli
from hegao.app.results import FileResult
from hegao.checker.lint.config import DEFAULT_MAX_FILE_MB, MAX_FILE_MB_CEILING, Config, ConfigError
from hegao.checker.model import Severity
from hegao.checker.source.reading import DEFAULT_MAX_BYTES, InputError, os_reason, read_stream
from hegao.messages import said

if TYPE_CHECKING:
    from rich.console import Console

    from hegao.app.runner import CheckOptions, FixMode
    from hegao.checker.lint.document import Document

_Command = TypeVar("_Command", bound=Callable[..., Any])

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2

# The help texts are built now, in the language they will be shown in.
messages.language_from_argv(sys.argv)
_h = messages.text
localize_cli()

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help=_h("help_app"),
    context_settings={"help_option_names": ["-h", "--help"]},
    options_metavar=_h("cli_options_metavar"),
    subcommand_metavar=_h("cli_command_metavar"),
)


def _command(name: str | None = None, *, help_key: str) -> Callable[[_Command], _Command]:
    """A subcommand with its help and usage words in the user's language."""
    return app.command(name, help=_h(help_key), options_metavar=_h("cli_options_metavar"))


class OutputFormat(StrEnum):
    text = "text"
    json = "json"
    sarif = "sarif"
    github = "github"
    gitlab = "gitlab"
    junit = "junit"
    html = "html"


class FailOn(StrEnum):
    error = "error"
    warning = "warning"
    info = "info"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"hegao {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help=_h("help_version"))
    ] = False,
    lang: Annotated[
        str | None, typer.Option("--lang", metavar=_h("metavar_lang"), help=_h("help_lang"))
    ] = None,
) -> None:
    messages.set_language(lang)


def _error(path: str, message: str) -> None:
    sys.stderr.write(f"{path}: {messages.text('error')}: {message}\n")


def _fail(message: str) -> typer.Exit:
    sys.stderr.write(f"hegao: {messages.text('error')}: {message}\n")
    return typer.Exit(EXIT_ERROR)


@_command(help_key="help_check")
def check(
    paths: Annotated[
        list[Path] | None, typer.Argument(metavar=_h("metavar_paths") + "...", help=_h("help_paths"))
    ] = None,
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", help=_h("help_format"))
    ] = OutputFormat.text,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", metavar=_h("metavar_file"), help=_h("help_output"))
    ] = None,
    select: Annotated[str | None, typer.Option(metavar=_h("metavar_codes"), help=_h("help_select"))] = None,
    extend_select: Annotated[
        str | None, typer.Option(metavar=_h("metavar_codes"), help=_h("help_extend_select"))
    ] = None,
    ignore: Annotated[str | None, typer.Option(metavar=_h("metavar_codes"), help=_h("help_ignore"))] = None,
    no_source: Annotated[bool, typer.Option("--no-source", help=_h("help_no_source"))] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help=_h("help_quiet"))] = False,
    statistics: Annotated[bool, typer.Option("--statistics", help=_h("help_statistics"))] = False,
    exit_zero: Annotated[bool, typer.Option("--exit-zero", help=_h("help_exit_zero"))] = False,
    fail_on: Annotated[FailOn, typer.Option("--fail-on", help=_h("help_fail_on"))] = FailOn.info,
    fix: Annotated[bool, typer.Option("--fix", help=_h("help_fix"))] = False,
    diff: Annotated[bool, typer.Option("--diff", help=_h("help_diff"))] = False,
    unsafe_fixes: Annotated[bool, typer.Option("--unsafe-fixes", help=_h("help_unsafe_fixes"))] = False,
    stdin_filename: Annotated[
        str | None, typer.Option(metavar=_h("metavar_name"), help=_h("help_stdin_filename"))
    ] = None,
    baseline: Annotated[
        Path | None, typer.Option(metavar=_h("metavar_file"), help=_h("help_baseline"))
    ] = None,
    write_baseline: Annotated[
        Path | None, typer.Option(metavar=_h("metavar_file"), help=_h("help_write_baseline"))
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            metavar=_h("metavar_n"),
            help=_h("help_jobs"),
        ),
    ] = None,
    force_exclude: Annotated[bool, typer.Option("--force-exclude", help=_h("help_force_exclude"))] = False,
    no_respect_gitignore: Annotated[
        bool, typer.Option("--no-respect-gitignore", help=_h("help_no_respect_gitignore"))
    ] = False,
    watch: Annotated[bool, typer.Option("--watch", "-w", help=_h("help_watch"))] = False,
    annotate: Annotated[
        Path | None,
        typer.Option("--annotate", metavar=_h("metavar_file"), help=_h("help_annotate")),
    ] = None,
    max_file_size: Annotated[
        float | None,
        typer.Option(
            min=0.001,
            max=MAX_FILE_MB_CEILING,
            metavar=_h("metavar_mb"),
            help=_h("help_max_file_size", default=f"{DEFAULT_MAX_FILE_MB:g}"),
        ),
    ] = None,
) -> None:
    """Check drafts and report internal contradictions and repeated text.

    Exit status: 0 nothing found, 1 problems found, 2 a file could not be read or the
    command line or configuration is wrong.
    """
    from hegao.app.entry import decode_draft
    from hegao.app.runner import (
        CheckOptions,
        FixMode,
        Job,
        check_decoded,
        check_files,
        config_for,
        default_workers,
        discover,
        worth_a_pool,
    )
    from hegao.app.settings import parse_code_list
    from hegao.rules import RULES
    paths = paths or [Path(".")]  # like ruff: the current folder
    known = RULES.codes()
    try:
        cli_select = parse_code_list(select, known, "--select")
        cli_ignore = parse_code_list(ignore, known, "--ignore")
        cli_extend = parse_code_list(extend_select, known, "--extend-select")
    except ConfigError as exc:
        raise _fail(str(exc)) from None
    mode = FixMode.diff if diff else FixMode.write if fix else FixMode.none

    def effective(path: Path) -> Config:
        base = config_for(path.parent if not path.is_dir() else path)
        with_cli = base.with_command_line(cli_select, cli_ignore, cli_extend, max_file_size)
        return with_cli.for_path(path)

    def job(path: Path) -> Job:
        try:
            return Job(path, effective(path))
        except ConfigError as exc:
            return Job(path, None, str(exc))
        except OSError as exc:  # a folder above it that may not be read: this file alone fails
            return Job(path, None, messages.text("os_error", reason=os_reason(exc)))

    if annotate is not None:
        _annotate_target_ok(paths, annotate)
    if watch:
        _watch(paths, job, force_exclude, not no_respect_gitignore, CheckOptions(mode, unsafe_fixes))
    run = _Run(Severity(fail_on.value).rank)
    results: Iterator[FileResult]
    if [str(p) for p in paths] == ["-"]:
        name = stdin_filename or "<stdin>"
        try:
            config = effective(Path(stdin_filename) if stdin_filename else Path.cwd() / "stdin")
            draft = decode_draft(name, read_stream(sys.stdin.buffer, config.max_bytes), config.max_bytes)
        except (ConfigError, InputError) as exc:
            _error(name, str(exc))
            raise typer.Exit(EXIT_ERROR) from None
        if mode is FixMode.write:
            # --fix -: the fixed text to standard output (an editor's filter), the
            # findings that remain to standard error.
            _fix_standard_input(draft.text, config, unsafe_fixes)
        # Fixes of standard input go to standard output, never to a file.
        options = CheckOptions(mode, unsafe_fixes)
        results = iter([check_decoded(name, draft.decoded, config, options, labels=draft.places)])
    else:
        files, errors, notes = discover(paths, force_exclude, respect_gitignore=not no_respect_gitignore)
        for option, written in (("-o", output), ("--write-baseline", write_baseline)):
            if written is not None:  # a report or a baseline written over a draft
                _output_not_an_input(option, written, [*paths, *files])
        for note in notes:
            sys.stderr.write(f"hegao: {note}\n")
        work = [job(path) for path in files]
        workers = jobs if jobs is not None else default_workers() if worth_a_pool(work) else 1
        # Paths that could not be walked are results too, so that the summary counts them.
        unreadable = [FileResult(path_name, None, [], error=message) for path_name, message in errors]
        results = itertools.chain(unreadable, check_files(work, CheckOptions(mode, unsafe_fixes), workers))

    # Results stream from checking through the baseline to the report, one file at a
    # time, so that memory does not grow with the size of an archive.
    results = run.errors_reported(results)
    if baseline is not None:
        from hegao.app.baseline import load_baseline, without_baseline

        try:
            results = without_baseline(results, load_baseline(baseline))
        except ValueError as exc:
            raise _fail(str(exc)) from None
    results = run.counted(results)
    if annotate is not None:
        results = _annotated(results, paths[0], annotate)
    if write_baseline is not None:
        from hegao.app.baseline import write_baseline as record

        n = record(write_baseline, results)
        sys.stderr.write("hegao: " + messages.text("baseline_recorded", count=n, path=write_baseline) + "\n")
        raise typer.Exit(EXIT_ERROR if run.failed else EXIT_CLEAN)

    if mode is FixMode.diff:
        for result in results:
            sys.stdout.write(result.diff)
        if run.failed:
            raise typer.Exit(EXIT_ERROR)
        raise typer.Exit(EXIT_FINDINGS if run.diffs else EXIT_CLEAN)

    _report(results, output_format, output, no_source or quiet, quiet, statistics, mode)
    if run.failed:
        raise typer.Exit(EXIT_ERROR)
    if run.failing and not exit_zero:
        raise typer.Exit(EXIT_FINDINGS)


def _watch(
    paths: list[Path],
    job: object,
    force_exclude: bool,
    respect_gitignore: bool,
    options: CheckOptions,
) -> None:
    """Check, then re-check the files that change and print only what changed: the new
    findings in full, the ones that went away in a line each. Ends with Ctrl+C."""
    import time

    from rich.text import Text

    from hegao.app.report import write_text
    from hegao.app.runner import discover, reload_configuration, run_job

    try:
        import watchfiles
    except ImportError:
        raise _fail(messages.text("watch_needs_watchfiles")) from None
    console = _console(None)

    def key(f: object) -> tuple:
        return (f.code, said(f.message))  # type: ignore[attr-defined]

    def check(files: list[Path]) -> dict[Path, FileResult]:
        return {path: run_job(job(path), options) for path in files}  # type: ignore[operator]

    files, errors, _ = discover(paths, force_exclude, respect_gitignore)
    for name, message in errors:
        _error(name, message)
    known = check(files)
    write_text(known.values(), console, show_source=True)
    sys.stdout.write(messages.text("watch_waiting") + "\n")
    sys.stdout.flush()
    try:
        for changes in watchfiles.watch(*[p for p in paths if p.exists()], debounce=200, step=50):
            changed = {Path(name) for _, name in changes}
            if any(p.name in ("hegao.toml", "pyproject.toml", ".gitignore") for p in changed):
                reload_configuration()
            current, _, _ = discover(paths, force_exclude, respect_gitignore)
            touched = [p for p in current if p in changed or p.resolve() in {c.resolve() for c in changed}]
            if any(p.name in ("hegao.toml", "pyproject.toml") for p in changed):
                touched = current  # the rules changed: every file may read differently
            fresh = check(touched)
            stamp = time.strftime("%H:%M:%S")
            for path, result in fresh.items():
                previous = known.get(path)
                before = {key(f) for f in (previous.findings if previous else [])}
                after = {key(f) for f in result.findings}
                new = [f for f in result.findings if key(f) not in before]
                gone = [k for k in before if k not in after]
                heading = messages.text("watch_changed", time=stamp, path=path, new=len(new), gone=len(gone))
                console.print(Text(heading, style="bold"), soft_wrap=True)
                if result.error is not None:
                    _error(str(path), result.error)
                if new:
                    shown = FileResult(result.path, result.source, new, None, labels=result.labels)
                    write_text([shown], console, show_source=True, quiet=True)
                for code, message in gone:
                    console.print(
                        Text(messages.text("watch_gone", code=code, message=message), style="green")
                    )
                known[path] = result
            sys.stdout.flush()
    except KeyboardInterrupt:
        pass
    raise typer.Exit(EXIT_CLEAN)


def _fix_standard_input(text: str, config: Config, unsafe: bool) -> None:
    from hegao.core import fix_text, lint_text

    fixed, _ = fix_text(text, config, unsafe)
    sys.stdout.write(fixed)
    sys.stdout.flush()
    remaining = lint_text(fixed, config)
    for f in remaining:
        line = fixed.count("\n", 0, f.span.start) + 1
        column = f.span.start - (fixed.rfind("\n", 0, f.span.start) + 1) + 1
        sys.stderr.write(f"-:{line}:{column}: {f.code} {said(f.message)}\n")
    raise typer.Exit(EXIT_FINDINGS if remaining else EXIT_CLEAN)


def _annotate_target_ok(paths: list[Path], target: Path) -> None:
    if len(paths) != 1 or paths[0].suffix.lower() != ".docx" or not paths[0].is_file():
        raise _fail(messages.text("annotate_one_docx"))
    if target.suffix.lower() != ".docx" or (target.exists() and target.resolve() == paths[0].resolve()):
        raise _fail(messages.text("annotate_same_file"))


def _annotated(results: Iterable[FileResult], source: Path, target: Path) -> Iterator[FileResult]:
    """Write the Word copy with comments once the draft's findings are known."""
    from hegao.app.word import annotate

    for result in results:
        if result.checked:
            try:
                placed = annotate(source, target, result.findings)
            except (OSError, InputError) as exc:
                reason = os_reason(exc) if isinstance(exc, OSError) else str(exc)
                _error(str(target), messages.text("cannot_write", path=target, reason=reason))
                raise typer.Exit(EXIT_ERROR) from None
            sys.stderr.write("hegao: " + messages.text("annotate_written", count=placed, path=target) + "\n")
        yield result


class _Run:
    """What the exit status needs to know, gathered as the results stream past."""

    def __init__(self, threshold: int) -> None:
        self.threshold = threshold
        self.failed = False  # a file could not be checked
        self.failing = False  # a finding at or above the --fail-on severity
        self.diffs = False

    def errors_reported(self, results: Iterable[FileResult]) -> Iterator[FileResult]:
        for result in results:
            if result.error is not None:
                _error(result.path, result.error)
                self.failed = True
            for line, column, code in result.unknown_codes:
                warning = messages.text("unknown_suppression_code", code=code)
                sys.stderr.write(f"{result.path}:{line}:{column}: {messages.text('warning')}: {warning}\n")
            if result.figures_stopped is not None:
                line, count = result.figures_stopped
                warning = messages.text("figures_stopped", count=count)
                sys.stderr.write(f"{result.path}:{line}: {messages.text('warning')}: {warning}\n")
            yield result

    def counted(self, results: Iterable[FileResult]) -> Iterator[FileResult]:
        for result in results:
            self.diffs = self.diffs or bool(result.diff)
            self.failing = self.failing or any(f.severity.rank >= self.threshold for f in result.findings)
            yield result


def _report(
    results: Iterable[FileResult],
    output_format: OutputFormat,
    output: Path | None,
    no_source: bool,
    quiet: bool,
    statistics: bool,
    mode: FixMode,
) -> None:
    # To standard output as the results come; to a file (-o) once the report is whole.
    from hegao.app.report import write_json
    buffer = io.StringIO()
    out = sys.stdout if output is None else buffer
    if output_format is OutputFormat.text:
        _text(results, _console(None if output is None else buffer), no_source, quiet, statistics, mode)
    elif output_format is OutputFormat.json:
        write_json(results, out)
    else:
        from hegao.app import formats

        if output_format is OutputFormat.github:
            formats.write_github(results, out)
        elif output_format is OutputFormat.gitlab:
            formats.write_gitlab(results, out)
        elif output_format is OutputFormat.sarif:
            formats.write_sarif(list(results), out)
        elif output_format is OutputFormat.junit:
            formats.write_junit(list(results), out)
        else:
            from hegao.app.html import write_html

            write_html(list(results), out)
    if output is not None:
        _write_output(output, buffer.getvalue())


def _text(
    results: Iterable[FileResult],
    console: object,
    no_source: bool,
    quiet: bool,
    statistics: bool,
    mode: FixMode,
) -> None:
    from hegao.app.report import write_statistics, write_text
    from hegao.app.runner import FixMode
    if statistics:
        write_statistics(results, console)
    else:
        write_text(results, console, show_source=not no_source, fixing=mode is FixMode.write, quiet=quiet)


def _output_not_an_input(option: str, output: Path, inputs: list[Path]) -> None:
    """-o (or --write-baseline) naming a draft being checked would replace the draft."""
    for path in inputs:
        try:
            same = output.exists() and path.exists() and os.path.samefile(output, path)
        except OSError:
            continue
        if same:
            raise _fail(messages.text("output_is_input", option=option, path=output))


def _write_output(path: Path, content: str) -> None:
    try:
        path.write_text(content, encoding="utf-8")
    except OSError as exc:
        raise _fail(messages.text("cannot_write", path=path, reason=os_reason(exc))) from None


def _console(file: TextIO | None) -> Console:
    from rich.console import Console

    no_color = bool(os.environ.get("NO_COLOR")) or file is not None
    return Console(file=file, highlight=False, no_color=no_color or None, soft_wrap=True)


@_command("config", help_key="help_config")
def show_config(
    path: Annotated[Path, typer.Argument(metavar=_h("metavar_path"), help=_h("help_config_path"))] = Path(
        "."
    ),
) -> None:
    """Show the effective configuration for a path and where it comes from."""
    from hegao.app.inspection import config_lines
    from hegao.app.runner import config_for
    try:
        config = config_for(path if path.is_dir() else path.parent).for_path(path)
    except ConfigError as exc:
        raise _fail(str(exc)) from None
    for line in config_lines(config, path):
        typer.echo(line)


@contextlib.contextmanager
def _one_line_on_failure(path: Path) -> Iterator[None]:
    """A bug in a reading is one Chinese line and exit 2, as ``hegao check`` reports one,
    never a traceback."""
    from hegao.app.entry import internal_error

    try:
        yield
    except (typer.Exit, KeyboardInterrupt):
        raise
    except Exception as exc:
        _error(str(path), internal_error(exc))
        raise typer.Exit(EXIT_ERROR) from None


def _read_document(path: Path) -> Document:
    """A draft parsed for the inspection commands, as ``hegao check`` reads it (a Word
    document with its places); InputError if it cannot be read."""
    from hegao.app.entry import decode_draft, read_draft
    from hegao.checker.lint.document import parse_document
    if str(path) == "-":
        draft = decode_draft("-", read_stream(sys.stdin.buffer, DEFAULT_MAX_BYTES))
    else:
        draft = read_draft(path, DEFAULT_MAX_BYTES)
    return parse_document(draft.text, draft.places)


def _inspect(
    paths: list[Path], as_json: bool, read: Callable[[Path, Document], tuple[object, list[str]]]
) -> None:
    """Run an inspection command over ``paths`` (files and folders, as ``hegao check``
    finds them): ``read`` gives each document's JSON data and its lines of text. One file
    gives its data as it is; several, a list of them, each with its path. A file that
    cannot be read is a one-line error, the others are still read, and the exit is 2."""
    from hegao.app.runner import discover

    files, errors, notes = discover(paths) if paths != [Path("-")] else ([Path("-")], [], [])
    for note in notes:
        sys.stderr.write(f"hegao: {note}\n")
    for name, message in errors:
        _error(name, message)
    single = len(paths) == 1 and files == paths and not errors
    out: list[object] = []
    failed = bool(errors)
    for path in files:
        with _one_line_on_failure(path):
            try:
                data, lines = read(path, _read_document(path))
            except InputError as exc:
                _error(str(path), str(exc))
                failed = True
                continue
        if as_json:
            fields = data if isinstance(data, dict) else {"rows": data}
            out.append(data if single else {"path": str(path), **fields})
        else:
            if not single:
                typer.echo(f"== {path} ==")
            for line in lines:
                typer.echo(line)
    if as_json:
        _dump(out[0] if single and out else out)
    if failed:
        raise typer.Exit(EXIT_ERROR)


def _dump(data: object) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


@_command(help_key="help_quantities")
def quantities(
    paths: Annotated[list[Path], typer.Argument(metavar=_h("metavar_paths"), help=_h("help_drafts"))],
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.text,
) -> None:
    """List every quantity hegao reads in a draft: value, scale, unit, approximation, kind."""
    from hegao.app.inspection import quantity_lines, quantity_rows

    def read(path: Path, doc: Document) -> tuple[object, list[str]]:
        rows = quantity_rows(doc)
        return rows, list(quantity_lines(path, rows))

    _inspect(paths, output_format is OutputFormat.json, read)


@_command(help_key="help_claims")
def claims(
    paths: Annotated[list[Path], typer.Argument(metavar=_h("metavar_paths"), help=_h("help_drafts"))],
    output_format: Annotated[OutputFormat, typer.Option("--format", "-f")] = OutputFormat.text,
) -> None:
    """列出 hegao 对稿件中数字的理解：每个数字的指标、范围、时期、角色，
    以及合计、分项、比率、增减、分别列举关系。"""
    from hegao.app.inspection import claims_data, claims_lines
    as_json = output_format is OutputFormat.json

    def read(path: Path, doc: Document) -> tuple[object, list[str]]:
        return (claims_data(doc), []) if as_json else ({}, claims_lines(doc))

    _inspect(paths, as_json, read)


@_command("rules", help_key="help_rules")
def list_rules() -> None:
    """List all rules: code, Chinese title, (name,) default severity, whether fixable, summary."""
    from hegao.rules import RULES
    lang = messages.language()
    for rule in RULES.all():
        fix = messages.text("rules_fixable") if rule.fixable else "-"
        severity = messages.text(f"severity_{rule.severity.value}")
        name = f"\t{rule.name}" if lang == "en" else ""
        typer.echo(f"{rule.code}\t{rule.title}{name}\t{severity}\t{fix}\t{rule.summary_in(lang)}")


@_command(help_key="help_explain")
def explain(code: Annotated[str, typer.Argument(metavar=_h("metavar_code"), help=_h("help_code"))]) -> None:
    """Explain a rule: what it does, why it matters, an example and what to write instead."""
    from hegao.rules import RULES
    rule = RULES.get(code)
    if rule is None:
        raise _fail(messages.text("unknown_code", code=code))
    lang = messages.language()
    name = f" ({rule.name})" if lang == "en" else ""
    typer.echo(f"{rule.code} {rule.title}{name} — {rule.summary_in(lang)}\n")
    severity = messages.text(f"severity_{rule.severity.value}")
    fixable = messages.text("yes" if rule.fixable else "no")
    typer.echo(messages.text("explain_header", severity=severity, fixable=fixable) + "\n")
    for title, body in rule.sections_in(lang).items():
        typer.echo(f"## {title}\n\n{body}\n")
    if rule.default_options:
        typer.echo("## " + messages.text("explain_options", code=rule.code) + "\n")
        for name, default in rule.default_options.items():
            typer.echo(f"- {name} = {json.dumps(default, ensure_ascii=False)}")


@_command(help_key="help_serve")
def serve(
    host: Annotated[str, typer.Option(metavar=_h("metavar_host"), help=_h("help_host"))] = "127.0.0.1",
    port: Annotated[
        int, typer.Option(min=0, max=65535, metavar=_h("metavar_n"), help=_h("help_port"))
    ] = 8765,
    no_browser: Annotated[bool, typer.Option("--no-browser", help=_h("help_no_browser"))] = False,
) -> None:
    from hegao.app.runner import config_for
    from hegao.app.serve import serve as run_server

    try:
        config = config_for(Path.cwd())
    except ConfigError as exc:
        raise _fail(str(exc)) from None
    try:
        run_server(config, host, port, open_browser=not no_browser)
    except OSError as exc:
        raise _fail(
            messages.text("serve_cannot_listen", host=host, port=port, reason=os_reason(exc))
        ) from None


@_command("server", help_key="help_server")
def language_server() -> None:
    try:
        import pygls  # noqa: F401

        from hegao.app.lsp import run as run_language_server
    except ImportError:
        raise _fail(messages.text("lsp_needs_pygls")) from None
    run_language_server()


def main() -> None:
    app()

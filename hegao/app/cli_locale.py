"""The command-line framework's own words in the user's language.

Typer (and the Click it carries) prints a few words of its own: "Usage:", the panel
titles, "[default: …]", the help option's help and its error messages. hegao's users read
Chinese, so these are taken from hegao's catalog too, and a command-line error is one
line like every other hegao error. Each change is applied only where the framework still
has the piece it replaces: a later Typer that moved one keeps its English there rather
than failing.
"""

from __future__ import annotations

import importlib.abc
import importlib.util
import re
import sys
from typing import Any

from hegao import messages


def localize_cli() -> None:
    _localize_click()
    # Typer imports its rich help and error rendering (0.1 s: rich's Markdown) only when
    # it shows help or an error; it is localized then, so that `hegao check` starts fast.
    if "typer.rich_utils" in sys.modules:
        _localize_rich(sys.modules["typer.rich_utils"])
    elif not any(isinstance(f, _WhenImported) for f in sys.meta_path):
        sys.meta_path.insert(0, _WhenImported())


class _WhenImported(importlib.abc.MetaPathFinder):
    """Localizes typer.rich_utils as soon as it is imported."""

    def find_spec(self, name: str, path: Any, target: Any = None) -> Any:
        if name != "typer.rich_utils":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None:
            return spec
        loader = spec.loader
        original = loader.exec_module

        def exec_module(module: Any) -> None:
            original(module)
            _localize_rich(module)

        loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


def _localize_rich(rich_utils: Any) -> None:
    text = messages.text
    for name, key in (
        ("ARGUMENTS_PANEL_TITLE", "cli_arguments"),
        ("OPTIONS_PANEL_TITLE", "cli_options"),
        ("COMMANDS_PANEL_TITLE", "cli_commands"),
        ("DEFAULT_STRING", "cli_default"),
        ("REQUIRED_LONG_STRING", "cli_required"),
    ):
        if hasattr(rich_utils, name):
            setattr(rich_utils, name, text(key))
    if hasattr(rich_utils, "rich_format_error"):
        rich_utils.rich_format_error = _one_line_error


def _localize_click() -> None:
    try:
        from typer._click import core, formatting, types
    except ImportError:  # pragma: no cover - an older Typer uses Click itself
        return
    # The type shown beside an argument: <path>, <text> (a path names itself when made).
    strings = getattr(types, "StringParamType", None)
    if strings is not None:
        strings.name = messages.text("metavar_text")
    try:
        from typer.models import TyperPath as path_type
    except ImportError:  # pragma: no cover - a Typer that renamed it keeps <path>
        return
    original_init = path_type.__init__
    if not getattr(original_init, "_hegao", False):

        def init(self: Any, *args: Any, **kwargs: Any) -> None:
            original_init(self, *args, **kwargs)
            self.name = messages.text("metavar_path")

        init._hegao = True  # type: ignore[attr-defined]
        path_type.__init__ = init  # type: ignore[method-assign]
    formatter = getattr(formatting, "HelpFormatter", None)
    original_usage = getattr(formatter, "write_usage", None)
    if original_usage is not None and not getattr(original_usage, "_hegao", False):

        def write_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
            original_usage(self, prog, args, messages.text("cli_usage") if prefix is None else prefix)

        write_usage._hegao = True  # type: ignore[attr-defined]
        setattr(formatter, "write_usage", write_usage)  # noqa: B010 - formatter is Any | None here
    command = getattr(core, "Command", None)
    original_help = getattr(command, "get_help_option", None)
    if original_help is not None and not getattr(original_help, "_hegao", False):

        def get_help_option(self: Any, ctx: Any) -> Any:
            option = original_help(self, ctx)
            if option is not None:
                option.help = messages.text("help_help")
            return option

        get_help_option._hegao = True  # type: ignore[attr-defined]
        setattr(command, "get_help_option", get_help_option)  # noqa: B010 - command is Any | None here


def _one_line_error(error: Any) -> None:
    """A command-line error as one line on standard error, like hegao's other errors."""
    if type(error).__name__ == "NoArgsIsHelpError":
        return  # the help was printed instead
    ctx = getattr(error, "ctx", None)
    command = ctx.command_path if ctx is not None else "hegao"
    message = messages.text("cli_usage_error", message=describe(error), command=command)
    sys.stderr.write(f"{command}: {messages.text('error')}: {message}\n")


_NO_SUCH_COMMAND = re.compile(r"No such command '(?P<name>.+)'\.")
_EXTRA = re.compile(r"Got unexpected extra argument(?:s|\(s\))? \((?P<args>.+)\)")
_NOT_A_NUMBER = re.compile(r"'(?P<value>.*)' is not a valid (?:integer|int|float)")
_OUT_OF_RANGE = re.compile(r"(?P<value>\S+) is not in the range (?P<range>.+?)\.?$")
_NO_PATH = re.compile(r"(?:File|Path|Directory) '(?P<value>.+)' does not exist")
_NEEDS_VALUE = re.compile(r"Option '(?P<name>.+)' requires an argument\.")
_CHOICE = re.compile(r"'(?P<value>.*)' is not one of (?P<choices>.+)\.$")


_BOUNDS = re.compile(r"^(?:(?P<low>[-\d.]+)<=?)?x(?:<=?(?P<high>[-\d.]+))?$|^x>=?(?P<at_least>[-\d.]+)$")


def _range(bounds: str) -> str:
    """click's ``x>=1`` or ``0<=x<=10`` in words."""
    m = _BOUNDS.match(bounds.replace(" ", ""))
    if m is None:
        return bounds
    low = m.group("low") or m.group("at_least")
    high = m.group("high")
    if low and high:
        return messages.text("cli_range_between", low=low, high=high)
    if low:
        return messages.text("cli_range_at_least", low=low)
    return messages.text("cli_range_at_most", high=high) if high else bounds


def describe(error: Any) -> str:
    """The error in the user's language, from what the framework knows of it."""
    kind = type(error).__name__
    text = messages.text
    if kind == "NoSuchOption":
        return text("cli_no_such_option", name=getattr(error, "option_name", ""))
    param = getattr(error, "param", None)
    if kind == "MissingParameter" and param is not None:
        name = param.human_readable_name if hasattr(param, "human_readable_name") else str(param)
        argument = getattr(param, "param_type_name", "") == "argument"
        key = "cli_missing_argument" if argument else "cli_missing_option"
        return text(key, name=name)
    detail = str(getattr(error, "message", error))
    if kind == "BadParameter":
        name = "/".join(getattr(param, "opts", ())) or getattr(param, "name", "") or ""
        choice = _CHOICE.search(detail)
        if choice:
            choices = "、".join(c.strip(" '") for c in choice.group("choices").split(","))
            return text("cli_invalid_choice", name=name, value=choice.group("value"), choices=choices)
        for pattern, key in (
            (_NOT_A_NUMBER, "cli_not_a_number"),
            (_OUT_OF_RANGE, "cli_out_of_range"),
            (_NO_PATH, "cli_no_path"),
        ):
            m = pattern.search(detail)
            if m:
                found = m.groupdict()
                if "range" in found:
                    found["range"] = _range(found["range"])
                return text(key, name=name, **found)
        return text("cli_invalid_value", name=name, detail=detail)
    for pattern, key, group in (
        (_NO_SUCH_COMMAND, "cli_no_such_command", "name"),
        (_EXTRA, "cli_extra_arguments", "args"),
        (_NEEDS_VALUE, "cli_needs_value", "name"),
    ):
        m = pattern.search(detail)
        if m:
            return text(key, **{group: m.group(group)})
    return text("cli_bad_command_line", detail=detail)

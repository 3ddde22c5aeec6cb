"""Configuration files: hegao.toml or [tool.hegao] in pyproject.toml (the nearest one
above a checked file wins), read into the engine's :class:`~hegao.checker.lint.config.Config`."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from hegao import messages
from hegao.checker.lint.config import (
    DEFAULT_INCLUDE,
    DEFAULT_MAX_FILE_MB,
    KNOWN_KEYS,
    MAX_FILE_MB_CEILING,
    Config,
    ConfigError,
)
from hegao.checker.model import Severity
from hegao.checker.source.reading import os_reason


def parse_code_list(value: str | None, known: list[str], where: str = "") -> tuple[str, ...]:
    """``"SUM001,DUP"`` → ``("SUM001", "DUP")``; unknown codes or prefixes are an error."""
    if not value:
        return ()
    return _codes([part for part in value.split(",")], known, where or "command line")


def _codes(items: Iterable[object], known: list[str], where: str) -> tuple[str, ...]:
    out = []
    for item in items:
        if not isinstance(item, str):
            raise ConfigError(where, "cfg_codes_as_strings", got=repr(item))
        code = item.strip().upper()
        if not code:
            continue
        if code != "ALL" and not any(k.startswith(code) for k in known):
            raise ConfigError(where, "cfg_unknown_code", code=repr(item.strip()))
        out.append("" if code == "ALL" else code)
    return tuple(out)


# ---------------------------------------------------------------- files


def find_config_file(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The nearest hegao.toml, or pyproject.toml with [tool.hegao], at or above ``start``."""
    folder = start if start.is_dir() else start.parent
    return _find_in(folder.resolve())


def find_config_file_cache_clear() -> None:
    _find_in.cache_clear()


@cache
def _find_in(folder: Path) -> tuple[Path, dict[str, Any]] | None:
    for candidate in (folder / "hegao.toml", folder / "pyproject.toml"):
        if not candidate.is_file():
            continue
        data = _read_toml(candidate)
        if candidate.name == "hegao.toml":
            return candidate, data
        tool = data.get("tool", {})
        if isinstance(tool, dict) and "hegao" in tool:
            return candidate, tool["hegao"]
    if folder.parent == folder:
        return None
    return _find_in(folder.parent)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(path, "cfg_invalid_toml", reason=toml_reason(exc)) from None
    except OSError as exc:
        raise ConfigError(path, "cfg_cannot_read", reason=os_reason(exc)) from None
    except UnicodeDecodeError as exc:
        raise ConfigError(path, "not_utf8", offset=exc.start + 1) from None


def load_config(start: Path, known: list[str], rule_options: dict[str, dict[str, Any]]) -> Config:
    """The configuration that applies to files at ``start`` (defaults if there is none)."""
    found = find_config_file(start)
    if found is None:
        return Config()
    path, data = found
    return config_from_dict(data, path, known, rule_options)


def config_from_dict(
    data: dict[str, Any], path: Path, known: list[str], rule_options: dict[str, dict[str, Any]]
) -> Config:
    where = f"{path}"
    if not isinstance(data, dict):
        raise ConfigError(where, "cfg_not_a_table")
    for key in data:
        if key not in KNOWN_KEYS:
            raise ConfigError(where, "cfg_unknown_key", key=repr(key), known=", ".join(sorted(KNOWN_KEYS)))
    return Config(
        select=_codes(_list(data, "select", where), known, f"{where}: select"),
        ignore=_codes(_list(data, "ignore", where), known, f"{where}: ignore"),
        extend_select=_codes(_list(data, "extend-select", where), known, f"{where}: extend-select"),
        severity=_severities(data.get("severity", {}), known, where),
        per_file_ignores=_per_file_ignores(data.get("per-file-ignores", {}), known, where),
        include=tuple(_strings(data, "include", where)) or DEFAULT_INCLUDE,
        exclude=tuple(_strings(data, "exclude", where)),
        options=_rule_options(data.get("rules", {}), rule_options, where),
        max_file_size=_positive_number(data, "max-file-size", DEFAULT_MAX_FILE_MB, where),
        respect_gitignore=_boolean(data, "respect-gitignore", True, where),
        root=path.parent,
        source=path,
    )


def _positive_number(data: dict[str, Any], key: str, default: float, where: str) -> float:
    value = data.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= MAX_FILE_MB_CEILING:
        raise ConfigError(where, "cfg_positive_number", key=key, value=repr(value), most=MAX_FILE_MB_CEILING)
    return float(value)


def _boolean(data: dict[str, Any], key: str, default: bool, where: str) -> bool:
    value = data.get(key, default)
    if not isinstance(value, bool):
        raise ConfigError(where, "cfg_boolean", key=key, value=repr(value))
    return value


def _list(data: dict[str, Any], key: str, where: str) -> list[object]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise ConfigError(where, "cfg_list_of_codes", key=key)
    return value


def _strings(data: dict[str, Any], key: str, where: str) -> list[str]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(where, "cfg_list_of_globs", key=key)
    return value


def _severities(value: object, known: list[str], where: str) -> dict[str, Severity]:
    if not isinstance(value, dict):
        raise ConfigError(where, "cfg_severity_table")
    out = {}
    for code, level in value.items():
        (normalized,) = _codes([code], known, f"{where}: severity")
        try:
            out[normalized] = Severity(level)
        except ValueError:
            raise ConfigError(where, "cfg_severity_value", code=code, value=repr(level)) from None
    return out


def _per_file_ignores(value: object, known: list[str], where: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(value, dict):
        raise ConfigError(where, "cfg_per_file_table")
    out = []
    for pattern, codes in value.items():
        if not isinstance(codes, list):
            raise ConfigError(where, "cfg_per_file_codes", pattern=repr(pattern))
        out.append((pattern, _codes(codes, known, f"{where}: per-file-ignores.{pattern}")))
    return tuple(out)


def _rule_options(
    value: object, defaults: dict[str, dict[str, Any]], where: str
) -> dict[str, dict[str, Any]]:
    if not isinstance(value, dict):
        raise ConfigError(where, "cfg_rules_table")
    out: dict[str, dict[str, Any]] = {}
    for code, options in value.items():
        accepted = defaults.get(code.upper())
        if accepted is None:
            raise ConfigError(where, "cfg_rule_without_options", code=code)
        if not isinstance(options, dict):
            raise ConfigError(where, "cfg_rule_table", code=code)
        for name, given in options.items():
            if name not in accepted:
                known = ", ".join(sorted(accepted))
                raise ConfigError(where, "cfg_unknown_option", code=code, name=name, known=known)
            if type(given) is not type(accepted[name]):
                wanted = type(accepted[name]).__name__
                raise ConfigError(where, "cfg_option_type", code=code, name=name, wanted=wanted)
        out[code.upper()] = dict(options)
    return out


# What tomllib says (in English) → a message of the catalogue; the first that starts the
# error's text wins, so the longer prefixes come first.
_TOML_REASONS = (
    ("Expected '=' after a key", "toml_expected_equals"),
    ("Expected ']]'", "toml_unclosed_header"),
    ("Expected ']'", "toml_unclosed_header"),
    ("Unclosed array", "toml_unclosed_array"),
    ("Unclosed inline table", "toml_unclosed_inline"),
    ("Unterminated string", "toml_unterminated_string"),
    ("Unescaped", "toml_bad_escape"),
    ("Invalid hex value", "toml_bad_escape"),
    ("Escaped character", "toml_bad_escape"),
    ("Invalid initial character for a key", "toml_bad_key"),
    ("Invalid date", "toml_bad_date"),
    ("Invalid value", "toml_bad_value"),
    ("Cannot", "toml_defined_twice"),
    ("Duplicate", "toml_defined_twice"),
    ("Found invalid character", "toml_bad_character"),
    ("Illegal character", "toml_bad_character"),
    ("Expected", "toml_expected"),
    ("Invalid statement", "toml_bad_statement"),
)
_TOML_PLACE = re.compile(r"\(at line (\d+), column (\d+)\)")


def toml_reason(exc: tomllib.TOMLDecodeError) -> str:
    """What is wrong in a TOML file and where, in the user's language (tomllib's own
    message is English)."""
    said = str(exc)
    if messages.language() == "en":
        return said
    key = next((key for prefix, key in _TOML_REASONS if said.startswith(prefix)), "toml_other")
    place = _TOML_PLACE.search(said)
    where = (
        messages.text("toml_place", line=place[1], column=place[2]) if place else messages.text("toml_at_end")
    )
    return f"{where}{messages.text(key)}"

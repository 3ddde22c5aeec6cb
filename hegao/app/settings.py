"""Configuration files: hegao.toml or [tool.hegao] in pyproject.toml (the nearest one
above a checked file wins), read into the engine's :class:`~hegao.checker.config.Config`."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from hegao.checker.config import DEFAULT_INCLUDE, DEFAULT_MAX_FILE_MB, KNOWN_KEYS, Config, ConfigError
from hegao.checker.model import Severity


def parse_code_list(value: str | None, known: list[str], where: str = "") -> tuple[str, ...]:
    """``"SUM001,DUP"`` → ``("SUM001", "DUP")``; unknown codes or prefixes are an error."""
    if not value:
        return ()
    return _codes([part for part in value.split(",")], known, where or "command line")


def _codes(items: Iterable[object], known: list[str], where: str) -> tuple[str, ...]:
    out = []
    for item in items:
        if not isinstance(item, str):
            raise ConfigError(f"{where}: expected rule codes as strings, got {item!r}")
        code = item.strip().upper()
        if not code:
            continue
        if code != "ALL" and not any(k.startswith(code) for k in known):
            raise ConfigError(f"{where}: unknown rule code or prefix {item.strip()!r}")
        out.append("" if code == "ALL" else code)
    return tuple(out)


# ---------------------------------------------------------------- files


def find_config_file(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The nearest hegao.toml, or pyproject.toml with [tool.hegao], at or above ``start``."""
    folder = start if start.is_dir() else start.parent
    return _find_in(folder.resolve())


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
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None


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
        raise ConfigError(f"{where}: [tool.hegao] must be a table")
    for key in data:
        if key not in KNOWN_KEYS:
            raise ConfigError(f"{where}: unknown key {key!r} (known: {', '.join(sorted(KNOWN_KEYS))})")
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
        root=path.parent,
        source=path,
    )


def _positive_number(data: dict[str, Any], key: str, default: float, where: str) -> float:
    value = data.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
        raise ConfigError(f"{where}: {key} must be a positive number (megabytes), not {value!r}")
    return float(value)


def _list(data: dict[str, Any], key: str, where: str) -> list[object]:
    value = data.get(key, [])
    if not isinstance(value, list):
        raise ConfigError(f"{where}: {key} must be a list of rule codes")
    return value


def _strings(data: dict[str, Any], key: str, where: str) -> list[str]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{where}: {key} must be a list of glob patterns")
    return value


def _severities(value: object, known: list[str], where: str) -> dict[str, Severity]:
    if not isinstance(value, dict):
        raise ConfigError(f'{where}: severity must be a table of CODE = "error|warning|info"')
    out = {}
    for code, level in value.items():
        (normalized,) = _codes([code], known, f"{where}: severity")
        try:
            out[normalized] = Severity(level)
        except ValueError:
            raise ConfigError(
                f"{where}: severity.{code} must be error, warning or info, not {level!r}"
            ) from None
    return out


def _per_file_ignores(value: object, known: list[str], where: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(value, dict):
        raise ConfigError(f'{where}: per-file-ignores must be a table of "glob" = [codes]')
    out = []
    for pattern, codes in value.items():
        if not isinstance(codes, list):
            raise ConfigError(f"{where}: per-file-ignores.{pattern!r} must be a list of rule codes")
        out.append((pattern, _codes(codes, known, f"{where}: per-file-ignores.{pattern}")))
    return tuple(out)


def _rule_options(
    value: object, defaults: dict[str, dict[str, Any]], where: str
) -> dict[str, dict[str, Any]]:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: rules must be a table of [rules.CODE] option tables")
    out: dict[str, dict[str, Any]] = {}
    for code, options in value.items():
        accepted = defaults.get(code.upper())
        if accepted is None:
            raise ConfigError(f"{where}: rules.{code}: unknown rule, or a rule without options")
        if not isinstance(options, dict):
            raise ConfigError(f"{where}: rules.{code} must be a table")
        for name, given in options.items():
            if name not in accepted:
                known = ", ".join(sorted(accepted))
                raise ConfigError(f"{where}: rules.{code}.{name}: unknown option (known: {known})")
            if type(given) is not type(accepted[name]):
                wanted = type(accepted[name]).__name__
                raise ConfigError(f"{where}: rules.{code}.{name} must be of type {wanted}")
        out[code.upper()] = dict(options)
    return out

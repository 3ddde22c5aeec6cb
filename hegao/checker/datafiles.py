"""The data tables shipped beside the code (units, measure words, allow-lists …):
UTF-8 text, one entry per line, ``#`` comments and blank lines ignored."""

from __future__ import annotations

from importlib import resources


def data_lines(package: str, name: str) -> list[str]:
    """The entries of ``data/<name>`` in ``package`` (e.g. ``hegao.rules``)."""
    text = resources.files(package).joinpath("data", name).read_text("utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]

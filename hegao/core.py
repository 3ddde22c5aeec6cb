"""The pure core with hegao's own rules: ``lint_text(text, config)`` → findings, and
``fix_text``, which applies their fixes until the text is stable. No files, no printing."""

from __future__ import annotations

from hegao.checker.lint.config import Config
from hegao.checker.lint.document import parse_document
from hegao.checker.lint.engine import lint_document
from hegao.checker.lint.fixes import apply_fixes
from hegao.checker.model import Finding
from hegao.rules import RULES

MAX_FIX_PASSES = 10  # a fix that makes another possible (a doubled word inside a copy)


def lint_text(
    text: str, config: Config | None = None, places: list[tuple[int, ...]] | None = None
) -> list[Finding]:
    """Check one draft (with a Word document's ``places``)."""
    return lint_document(parse_document(text, places), RULES, config)


def fix_text(text: str, config: Config | None = None, unsafe: bool = False) -> tuple[str, int]:
    """Fix ``text`` until no applicable fix is left (or MAX_FIX_PASSES): text and fix count."""
    total = 0
    for _ in range(MAX_FIX_PASSES):
        fixed, applied = apply_fixes(text, lint_text(text, config), unsafe)
        if not applied or fixed == text:
            break
        text = fixed
        total += len(applied)
    return text, total

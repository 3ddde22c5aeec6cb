"""The rule base class: metadata as class attributes, documentation from the docstring."""

from __future__ import annotations

import inspect
import re
from collections.abc import Iterator
from typing import Any, ClassVar

from hegao.checker.lint.document import Document
from hegao.checker.model import Finding, Fix, Message, Related, Severity, Span, placeholders

DOC_SECTIONS = ("What it does", "Why it matters", "Example", "Instead")
# The same documentation in Chinese, for editors: a one-line summary, what the rule does
# and why it matters (the Example and Instead are shared: they are Chinese text).
DOC_SECTIONS_ZH = ("概述", "说明", "原因")
_ALL_SECTIONS = DOC_SECTIONS + DOC_SECTIONS_ZH
# Section headings as shown to a reader of each language.
_HEADINGS = {
    "zh": {"说明": "说明", "原因": "原因", "Example": "示例", "Instead": "应改为"},
    "en": {
        "What it does": "What it does",
        "Why it matters": "Why it matters",
        "Example": "Example",
        "Instead": "Instead",
    },
}
_CODE = re.compile(r"^[A-Z]{3,4}\d{3}$")
_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class RuleDefinitionError(TypeError):
    pass


class Rule:
    """Base class of every rule. Subclasses set the metadata and implement ``check``."""

    code: ClassVar[str]
    name: ClassVar[str]
    title: ClassVar[str] = ""  # the rule's name in Chinese, for editors: 合计与分项不符
    severity: ClassVar[Severity] = Severity.ERROR
    fixable: ClassVar[bool] = False
    summary: ClassVar[str]
    sections: ClassVar[dict[str, str]]
    # Options users may set under [tool.hegao.rules.CODE], with their defaults.
    default_options: ClassVar[dict[str, Any]] = {}
    # A rule about the other rules' findings (SUP001: a suppression that silences
    # nothing): its ``review`` runs after them, and it is never superseded.
    reviews_findings: ClassVar[bool] = False
    # Codes whose findings overlapping one of this rule's findings say nothing more (DUP001 a
    # copied paragraph, DUP002 the copied sentences in it): the engine drops them when
    # both rules run. Rules never look at each other's findings or options.
    supersedes: ClassVar[tuple[str, ...]] = ()
    # A rule that runs only when selected by name (like ruff's RUF100).
    default_enabled: ClassVar[bool] = True
    # What the rule says, by key: (Chinese, English), the same placeholders in both.
    # "main" is its finding's message; other keys are its other messages and phrases
    # (a related place, a fix's title). Checked when the class is defined.
    messages: ClassVar[dict[str, tuple[str, str]]] = {}

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        if inspect.isabstract(cls) or cls.__dict__.get("abstract", False):
            return
        for attr in ("code", "name"):
            if not isinstance(cls.__dict__.get(attr), str):
                raise RuleDefinitionError(f"{cls.__name__} must define {attr}")
        if not _CODE.match(cls.code):
            raise RuleDefinitionError(f"{cls.__name__}: bad code {cls.code!r}")
        if not _NAME.match(cls.name):
            raise RuleDefinitionError(f"{cls.__name__}: name must be kebab-case: {cls.name!r}")
        _check_messages(cls)
        doc = inspect.getdoc(cls) or ""
        cls.summary = doc.split("\n", 1)[0].strip()
        cls.sections = parse_sections(doc)
        missing = [s for s in _ALL_SECTIONS if not cls.sections.get(s)]
        if not cls.summary or missing:
            raise RuleDefinitionError(f"{cls.code}: docstring lacks {', '.join(missing) or 'summary'}")

    @classmethod
    def summary_in(cls, lang: str) -> str:
        """The one-line summary in ``lang`` (``zh`` or ``en``)."""
        return " ".join(cls.sections["概述"].split()) if lang == "zh" else cls.summary

    @classmethod
    def sections_in(cls, lang: str) -> dict[str, str]:
        """The documentation sections in ``lang``, under that language's headings."""
        if lang != "zh":
            return {shown: cls.sections[key] for key, shown in _HEADINGS["en"].items()}
        # Chinese prose is wrapped in the source without spaces: its lines join up. The
        # English notes after an Instead are left out.
        return {
            shown: _joined(cls.sections[key])
            if key in DOC_SECTIONS_ZH
            else _without_english(cls.sections[key])
            for key, shown in _HEADINGS["zh"].items()
        }

    def __init__(self, options: dict[str, Any] | None = None) -> None:
        self.options: dict[str, Any] = {**self.default_options, **(options or {})}

    @classmethod
    def say(cls, key: str, /, **params: object) -> Message:
        """The rule's message ``key`` with these values, to be rendered by the surface."""
        zh, en = cls.messages[key]
        return Message(cls.code if key == "main" else f"{cls.code}.{key}", zh, en, tuple(params.items()))

    def check(self, doc: Document) -> Iterator[Finding]:
        raise NotImplementedError

    def review(self, doc: Document, findings: list[Finding], known: set[str]) -> Iterator[Finding]:
        """Findings about the other rules' findings (``known`` their codes), for a rule
        with ``reviews_findings``: the engine calls it after every other rule."""
        return iter(())

    def finding(
        self,
        span: Span,
        message: Message,
        related: tuple[Related, ...] = (),
        fix: Fix | None = None,
        severity: Severity | None = None,
    ) -> Finding:
        """A finding of this rule; ``severity`` overrides the default for this one case."""
        return Finding(self.code, self.name, severity or self.severity, message, span, related, fix)


def _check_messages(cls: type[Rule]) -> None:
    """Every message of a rule in both languages, with the same placeholders."""
    for key, pair in cls.messages.items():
        if not (isinstance(pair, tuple) and len(pair) == 2 and all(isinstance(t, str) and t for t in pair)):
            raise RuleDefinitionError(f"{cls.code}: message {key!r} needs a Chinese and an English text")
        zh, en = pair
        if placeholders(zh) != placeholders(en):
            raise RuleDefinitionError(
                f"{cls.code}: message {key!r} has {sorted(placeholders(zh))} in Chinese, "
                f"{sorted(placeholders(en))} in English"
            )


def _joined(body: str) -> str:
    return "".join(line.strip() for line in body.splitlines())


def _without_english(body: str) -> str:
    paragraphs = re.split(r"\n\s*\n", body)
    kept = [p for p in paragraphs if len(re.findall(r"[A-Za-z]", p)) * 2 < len(re.sub(r"\s", "", p))]
    return "\n\n".join(kept or paragraphs)


def parse_sections(doc: str) -> dict[str, str]:
    """Split a docstring into its ``Section:`` blocks (the summary line is skipped)."""
    sections: dict[str, str] = {}
    current: str | None = None
    lines: list[str] = []
    for line in doc.splitlines()[1:]:
        header = line.rstrip().rstrip(":")
        if line.rstrip().endswith(":") and header in _ALL_SECTIONS:
            if current:
                sections[current] = "\n".join(lines).strip()
            current, lines = header, []
        elif current:
            lines.append(line)
    if current:
        sections[current] = "\n".join(lines).strip()
    return sections

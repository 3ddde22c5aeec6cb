"""Value types shared by the whole pipeline: spans, messages, findings, fixes."""

from __future__ import annotations

import bisect
import string
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """Half-open ``[start, end)`` range of code-point offsets into the original text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.start < 0 or self.end < self.start:
            raise ValueError(f"bad span [{self.start}, {self.end})")

    def __len__(self) -> int:
        return self.end - self.start

    def contains(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE_ROW = "table_row"  # a Markdown pipe row, or columns typed with spaces


@dataclass(frozen=True, slots=True)
class Phrase:
    """A piece of the text as written: where it is and its characters (a subject of a 分别
    list, an item of a numbered label)."""

    span: Span
    text: str


@dataclass(frozen=True, slots=True)
class Block:
    index: int
    kind: BlockKind
    span: Span


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 2, "warning": 1, "info": 0}[self.value]


def placeholders(template: str) -> frozenset[str]:
    """The names in braces of a message template."""
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name)


@dataclass(frozen=True, slots=True)
class Message:
    """What a finding says, not yet in words: its key (``SUM001.unit``), its template in
    each language and the values to fill in. The engine is pure and knows no language;
    each surface renders the message in its user's language (``render``). A value may be
    another message (a phrase inside a sentence), rendered in the same language."""

    key: str
    zh: str
    en: str
    params: tuple[tuple[str, object], ...] = ()

    def render(self, lang: str = "zh") -> str:
        values = {k: v.render(lang) if isinstance(v, Message) else v for k, v in self.params}
        return (self.en if lang == "en" else self.zh).format(**values)

    @classmethod
    def joined(cls, separator: str | Message, items: Iterable[object]) -> Message:
        """Items (text or messages) written one after another with ``separator`` (、, 或)
        between them, in either language."""
        values = list(items)
        names = [f"i{k}" for k in range(len(values))]
        glue = "{sep}" if isinstance(separator, Message) else separator.replace("{", "{{").replace("}", "}}")
        template = glue.join("{" + n + "}" for n in names)
        params: list[tuple[str, object]] = list(zip(names, values, strict=True))
        if isinstance(separator, Message):
            params.append(("sep", separator))
        return cls("", template, template, tuple(params))


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``span`` of the original text with ``replacement``."""

    span: Span
    replacement: str


@dataclass(frozen=True, slots=True)
class Fix:
    """One or more edits applied together, with a title an editor reads (「删除重复的
    “车辆”」) and whether it is safe: a safe fix cannot change what the text means, an
    unsafe one may (侦侦 may have been 侦查) and is applied only when asked."""

    edits: tuple[Edit, ...]
    title: Message
    safe: bool = True

    @classmethod
    def replace(cls, span: Span, replacement: str, title: Message, safe: bool = True) -> Fix:
        return cls((Edit(span, replacement),), title, safe)

    @property
    def span(self) -> Span:
        """From the first edit's start to the last edit's end."""
        return Span(min(e.span.start for e in self.edits), max(e.span.end for e in self.edits))


@dataclass(frozen=True, slots=True)
class Related:
    """Another place in the text that a finding refers to."""

    span: Span
    message: Message


@dataclass(frozen=True, slots=True)
class Finding:
    code: str
    name: str
    severity: Severity
    message: Message
    span: Span
    related: tuple[Related, ...] = field(default=())
    fix: Fix | None = None

    def sort_key(self) -> tuple[int, int, str]:
        return (self.span.start, self.span.end, self.code)


@dataclass(frozen=True, slots=True)
class SourceText:
    """A checked text and where its lines start: all a report needs of a document.
    Small and picklable, so results can come back from worker processes."""

    text: str
    line_starts: Sequence[int] = field(repr=False)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in characters) of an offset."""
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1

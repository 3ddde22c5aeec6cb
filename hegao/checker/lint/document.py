"""What the rules read: a segmented draft and the readings built over it, each made once,
on first use, by calling the stages in pipeline order (figures, then claims).

The stages below know nothing of this class: each takes the values it needs and returns
its reading, so the data flows one way — segments → figures → claims — and a rule that
asks for ``doc.claims`` gets the same object every other rule gets.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields
from functools import cached_property

from zhconv_rs import zhconv

from hegao.checker.claims import Claims, read_claims
from hegao.checker.figures.dates import DateMention, read_dates
from hegao.checker.figures.numerals import ascii_figures
from hegao.checker.figures.quantities import Extraction, Quantity, extract_from_text
from hegao.checker.figures.tables import Table, halves, read_tables, tables_from_places
from hegao.checker.text.script import without_lone_surrogates
from hegao.checker.text.segments import Segments, segment
from hegao.checker.text.words import WordText, read_words


class Document(Segments):
    """A segmented draft (every field of ``Segments``) with the readings rules share."""

    @classmethod
    def of(cls, segments: Segments) -> Document:
        """The document over ``segments`` (their fields are shared, not copied)."""
        return cls(**{f.name: getattr(segments, f.name) for f in fields(segments)})

    @cached_property
    def figures_text(self) -> str:
        """The masked text with full-width digits, point and percent sign in ASCII (same
        length, so offsets hold): what quantities and dates are read from."""
        return ascii_figures(self.masked)

    @cached_property
    def extraction(self) -> Extraction:
        """Quantities and numbered labels, extracted once and shared by all rules."""
        return extract_from_text(self.masked, self.figures_text)

    @property
    def figures_stopped_at(self) -> int | None:
        """Where the reading of figures stopped (a draft with more than figures_read_max),
        when the rules read them."""
        extraction = self.__dict__.get("extraction")
        return extraction.stopped_at if extraction is not None else None

    @cached_property
    def clause_quantities(self) -> list[Sequence[Quantity]]:
        """The quantities in each clause, parallel to ``clauses``; shared by the rules
        that read clause by clause."""
        return self.extraction.quantities_in_each(self.clauses.starts, self.clauses.ends)

    @cached_property
    def sentence_quantities(self) -> list[Sequence[Quantity]]:
        """The quantities in each sentence, parallel to ``sentences``."""
        return self.extraction.quantities_in_each(self.sentences.starts, self.sentences.ends)

    @cached_property
    def claims(self) -> Claims:
        """What the figures claim and how they relate (sums, breakdowns, ratios,
        growth), and the numbered labels with their items, read once and shared by the
        numeric and counting rules."""
        return read_claims(self, self.sentence_quantities, self.clause_quantities, self.extraction.labels)

    @cached_property
    def dates(self) -> list[DateMention]:
        """The dates written in the text, read once for the date rules."""
        return read_dates(self.figures_text)

    @cached_property
    def tables(self) -> list[Table]:
        """The tables, read row by row and cell by cell: a Word document's from where
        its lines are, a text's from its pipe rows."""
        if self.places is not None:
            return tables_from_places(self.text, self.line_starts, self.places)
        return read_tables(self.text) if "|" in self.text else []

    @cached_property
    def table_halves(self) -> list[Table]:
        """The tables as their sums are read: a table set out side by side (收入 | 支出)
        as its halves, any other as it is."""
        return [half for table in self.tables for half in halves(table)]

    @cached_property
    def simplified(self) -> str:
        """The masked text in simplified characters (zhconv-rs, phrase by phrase), read
        once for the rules that compare with it; it may differ in length where a
        phrase converts to a longer or shorter one."""
        return zhconv(self.masked, "zh-hans")

    @cached_property
    def word_text(self) -> WordText:
        """Letters, digits and Han characters, lower-cased, mapped back to offsets: the
        text the duplicate rules compare."""
        return read_words(self.masked)


def parse_document(text: str, places: list[tuple[int, ...]] | None = None) -> Document:
    """Segment ``text`` (with a Word document's ``places``) into the document rules read.
    Every entry reads through here (``lint_text``, the application's ``check_text``, the
    inspection commands), so a lone surrogate is replaced here, offsets kept."""
    return Document.of(segment(without_lone_surrogates(text), places))

"""Word in, Word out: findings as comments on the right words, safe fixes in place."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from .test_cli import SLIP, run
from .test_docx import add_phone_table

docx = pytest.importorskip("docx")

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def make_draft(path: Path) -> Path:
    """A bulletin with formatting inside sentences (a bold run), a table and a heading."""
    document = docx.Document()
    document.add_heading("城东公安分局工作通报", level=1)
    p = document.add_paragraph("本周")
    p.add_run("全局").bold = True
    p.add_run("民警民警开展夜间巡逻，查获车辆12台。")
    document.add_paragraph(SLIP.strip())
    add_phone_table(document)
    document.add_paragraph("下一步，全局将继续加强\u200b巡逻防控。")
    document.save(str(path))
    return path


def anchored_texts(path: Path) -> dict[str, str]:
    """Each comment's anchor: the text between its commentRangeStart and commentRangeEnd,
    read from the document's XML in document order."""
    body = docx.Document(str(path)).element.body
    open_ranges: dict[str, list[str]] = {}
    done: dict[str, str] = {}
    for el in body.iter():
        if el.tag == W + "commentRangeStart":
            open_ranges[el.get(W + "id")] = []
        elif el.tag == W + "commentRangeEnd":
            done[el.get(W + "id")] = "".join(open_ranges.pop(el.get(W + "id")))
        elif el.tag == W + "t":
            for pieces in open_ranges.values():
                pieces.append(el.text or "")
    return done


def test_every_finding_becomes_a_comment_on_its_words(tmp_path: Path) -> None:
    draft = make_draft(tmp_path / "通报.docx")
    before = draft.read_bytes()
    reviewed = tmp_path / "reviewed.docx"
    result = run("check", "--format", "json", str(draft), "--annotate", str(reviewed))
    assert result.returncode == 1, result.stderr
    findings = json.loads(result.stdout)
    assert {f["code"] for f in findings} >= {"DUP003", "SUM001", "UNIT001", "CHAR003"}
    assert draft.read_bytes() == before  # the draft itself is never written
    from hegao.checker.source.docx import read_docx

    text, _ = read_docx(draft)
    document = docx.Document(str(reviewed))
    comments = {c.comment_id: c for c in document.comments}
    anchors = anchored_texts(reviewed)
    assert len(comments) == len(findings) == len(anchors)
    by_code = {}
    for comment_id, anchor in anchors.items():
        by_code[comments[int(comment_id)].text.split()[0]] = anchor
        assert comments[int(comment_id)].author == "hegao"
    for f in findings:
        assert by_code[f["code"]] == text[f["start"] : f["end"]], f["code"]
    # The words and their formatting are untouched: splitting runs keeps each half's bold.
    assert read_docx(reviewed)[0] == text
    bold = [r.text for p in document.paragraphs for r in p.runs if r.bold]
    assert "".join(bold) == "全局"
    # The table is still a table, the heading still a heading.
    assert len(document.tables) == 1 and document.paragraphs[0].style.name.startswith("Heading")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_opens_the_annotated_copy(tmp_path: Path) -> None:
    draft = make_draft(tmp_path / "draft.docx")
    reviewed = tmp_path / "reviewed.docx"
    run("check", str(draft), "--annotate", str(reviewed))
    done = subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(reviewed)],
        capture_output=True,
        text=True,
        timeout=180,
    )
    pdf = tmp_path / "reviewed.pdf"
    assert done.returncode == 0 and pdf.exists() and pdf.read_bytes()[:5] == b"%PDF-", done.stderr


def test_annotate_needs_one_docx_and_never_overwrites_the_draft(tmp_path: Path) -> None:
    draft = make_draft(tmp_path / "draft.docx")
    text_draft = tmp_path / "a.txt"
    text_draft.write_text(SLIP, "utf-8")
    assert run("check", str(text_draft), "--annotate", str(tmp_path / "out.docx")).returncode == 2
    assert run("check", str(draft), "--annotate", str(draft)).returncode == 2
    assert not (tmp_path / "out.docx").exists()


def test_fix_on_a_word_document_applies_what_stays_in_one_run(tmp_path: Path) -> None:
    draft = make_draft(tmp_path / "draft.docx")
    document = docx.Document(str(draft))
    document.add_paragraph("全县开展禁毒宣传，共发放资料")  # broken across two paragraphs:
    document.add_paragraph("3000份，受教育群众1.2万人次。")  # joining them is no run edit
    document.save(str(draft))
    diff = run("check", "--diff", str(draft))
    assert "-本周全局民警民警开展" in diff.stdout and "+本周全局民警开展" in diff.stdout
    result = run("check", "--fix", str(draft), lang="zh")
    from hegao.checker.source.docx import read_docx

    text, _ = read_docx(draft)
    assert "全局民警开展夜间巡逻" in text and "\u200b" not in text  # DUP003, CHAR003 fixed
    assert "处修复无法在 Word 文档中自动应用" in result.stdout  # LAY001 cannot join paragraphs
    fixed = docx.Document(str(draft))
    assert "".join(r.text for p in fixed.paragraphs for r in p.runs if r.bold) == "全局"
    assert len(fixed.tables) == 1

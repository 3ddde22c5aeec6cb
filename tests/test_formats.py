"""Machine formats: SARIF 2.1.0 (validated against its schema), GitHub annotations, JUnit."""

from __future__ import annotations

import json
import shutil
import subprocess
import tarfile
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from .test_cli import SLIP, run

SCHEMA_PACKAGE = "@microsoft/jest-sarif@1.0.0-beta.0"  # ships the OASIS SARIF 2.1.0 schema
SCHEMA_MEMBER = "package/lib/schemas/sarif-2.1.0-rtm.5.json"


@pytest.fixture(scope="session")
def sarif_schema(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """The official SARIF 2.1.0 JSON schema, fetched from the npm registry once per run."""
    cache = Path.home() / ".cache" / "hegao-tests" / "sarif-2.1.0-rtm.5.json"
    if not cache.exists():
        npm = shutil.which("npm")
        if npm is None:
            pytest.skip("npm is not available to fetch the SARIF schema")
        folder = tmp_path_factory.mktemp("sarif")
        done = subprocess.run(
            [npm, "pack", SCHEMA_PACKAGE, "--silent"], cwd=folder, capture_output=True, text=True
        )
        tarballs = list(folder.glob("*.tgz"))
        if done.returncode != 0 or not tarballs:
            pytest.skip(f"could not fetch {SCHEMA_PACKAGE}: {done.stderr.strip()[:200]}")
        with tarfile.open(tarballs[0]) as tar:
            member = tar.extractfile(SCHEMA_MEMBER)
            assert member is not None
            cache.parent.mkdir(parents=True, exist_ok=True)
            cache.write_bytes(member.read())
    return json.loads(cache.read_text("utf-8"))


@pytest.fixture()
def drafts(tmp_path: Path) -> list[Path]:
    bad = tmp_path / "bad.md"
    bad.write_text(SLIP + "民警民警开展巡逻,发放资料。\n", encoding="utf-8")
    good = tmp_path / "good.md"
    good.write_text("全市公安机关持续开展打击整治行动。\n", encoding="utf-8")
    return [bad, good]


def test_sarif_is_valid_against_the_schema(drafts: list[Path], sarif_schema: dict) -> None:
    import jsonschema

    result = run("check", "--format", "sarif", *map(str, drafts))
    assert result.returncode == 1
    log = json.loads(result.stdout)
    jsonschema.validate(log, sarif_schema)
    run_ = log["runs"][0]
    assert {r["id"] for r in run_["tool"]["driver"]["rules"]} >= {"SUM001", "DUP003", "CHAR002"}
    found = {
        (r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in run_["results"]
    }
    assert found == {("SUM001", 1), ("DUP003", 2), ("CHAR002", 2)}
    slip = next(r for r in run_["results"] if r["ruleId"] == "SUM001")
    assert slip["locations"][0]["physicalLocation"]["region"]["startColumn"] == SLIP.index("80650.5万元") + 1
    assert len(slip["relatedLocations"]) == 2


def test_github_annotations(drafts: list[Path]) -> None:
    lines = run("check", "--format", "github", str(drafts[0])).stdout.splitlines()
    assert len(lines) == 3
    first = lines[0]
    assert first.startswith("::error file=") and ",line=1,col=" in first
    assert ",title=SUM001 total-mismatch::SUM001 " in first
    assert all("\n" not in line for line in lines)


def test_junit_xml(drafts: list[Path]) -> None:
    root = ET.fromstring(run("check", "--format", "junit", *map(str, drafts)).stdout)
    suites = root.findall("testsuite")
    assert [s.get("failures") for s in suites] == ["3", "0"]
    assert {f.get("type") for f in root.iter("failure")} == {"SUM001", "DUP003", "CHAR002"}


def test_report_written_to_a_file(drafts: list[Path], tmp_path: Path) -> None:
    out = tmp_path / "report.sarif"
    result = run("check", "--format", "sarif", "-o", str(out), str(drafts[0]))
    assert result.stdout == "" and json.loads(out.read_text("utf-8"))["version"] == "2.1.0"


# GitLab's Code Quality report: the fields GitLab requires of each issue (from its
# documentation of the format; the schema is written here as it cannot be fetched).
GITLAB_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "required": ["description", "check_name", "fingerprint", "severity", "location"],
        "properties": {
            "description": {"type": "string", "minLength": 1},
            "check_name": {"type": "string", "minLength": 1},
            "fingerprint": {"type": "string", "minLength": 1},
            "severity": {"enum": ["info", "minor", "major", "critical", "blocker"]},
            "location": {
                "type": "object",
                "required": ["path", "lines"],
                "properties": {
                    "path": {"type": "string"},
                    "lines": {
                        "type": "object",
                        "required": ["begin"],
                        "properties": {"begin": {"type": "integer", "minimum": 1}},
                    },
                },
            },
        },
    },
}


def test_gitlab_code_quality_report_is_valid_and_fingerprints_are_unique(drafts: list[Path]) -> None:
    import jsonschema

    result = run("check", "--format", "gitlab", *map(str, drafts))
    issues = json.loads(result.stdout)
    jsonschema.validate(issues, GITLAB_SCHEMA)
    assert issues and len({i["fingerprint"] for i in issues}) == len(issues)
    assert {i["check_name"] for i in issues} >= {"SUM001", "DUP003"}


def test_fingerprints_follow_a_finding_across_edits(tmp_path: Path) -> None:
    draft = tmp_path / "a.md"
    body = SLIP + "\n民警民警开展巡逻。\n\n全县民警民警走访群众。\n"
    draft.write_text(body, "utf-8")

    def fingerprints() -> dict[tuple[str, str], str]:
        log = json.loads(run("check", "--format", "sarif", str(draft)).stdout)
        results = log["runs"][0]["results"]
        return {
            (r["ruleId"], r["message"]["text"] + str(n)): r["partialFingerprints"]["hegaoFindingHash/v1"]
            for n, r in enumerate(results)
        }

    before = set(fingerprints().values())
    draft.write_text("# 通报\n\n新增的一段导语。\n\n" + body, "utf-8")  # lines move down
    after = set(fingerprints().values())
    assert len(before) == 3 and before == after
    gitlab = json.loads(run("check", "--format", "gitlab", str(draft)).stdout)
    assert {i["fingerprint"] for i in gitlab} == after


def test_sarif_rule_help_is_in_the_users_language(drafts: list[Path]) -> None:
    log = json.loads(run("check", "--format", "sarif", str(drafts[0]), lang="zh").stdout)
    rule = next(r for r in log["runs"][0]["tool"]["driver"]["rules"] if r["id"] == "SUM001")
    assert "合计与分项不符" in rule["shortDescription"]["text"] and "说明" in rule["help"]["text"]

"""The CI examples are well-formed: the config loads, the workflow and hook configs parse."""

from __future__ import annotations

from pathlib import Path

from hegao.app.settings import _read_toml, config_from_dict
from hegao.rules import RULES

from .conftest import REPO

CI = REPO / "examples" / "ci"


def test_example_configuration_is_valid() -> None:
    path = CI / "hegao.toml"
    config = config_from_dict(_read_toml(path), path, RULES.codes(), RULES.options())
    assert config.ignore == ("CHAR002",)
    assert config.options["DUP003"] == {"allow": ["企企"]}
    assert config.for_path(CI / "archive" / "old.txt").ignore == ("CHAR002", "LAY", "CHAR")


def test_example_workflow_and_hook_config_parse() -> None:
    yaml = __import__("yaml")  # installed with pre-commit
    workflow = yaml.safe_load((CI / "hegao.yml").read_text("utf-8"))
    steps = workflow["jobs"]["hegao"]["steps"]
    assert any("upload-sarif" in step.get("uses", "") for step in steps)
    hooks = yaml.safe_load((CI / ".pre-commit-config.yaml").read_text("utf-8"))
    assert hooks["repos"][0]["hooks"][0]["id"] == "hegao"
    manifest = yaml.safe_load(Path(REPO / ".pre-commit-hooks.yaml").read_text("utf-8"))
    assert manifest[0]["id"] == "hegao" and manifest[0]["entry"] == "hegao check --force-exclude"
    gitlab = yaml.safe_load((CI / ".gitlab-ci.yml").read_text("utf-8"))
    job = gitlab["hegao"]
    assert job["artifacts"]["reports"]["codequality"] == "gl-code-quality-report.json"
    assert any("--format gitlab" in line and "gl-code-quality-report.json" in line for line in job["script"])

"""The rlve-gym command line: happy paths and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from rlve_gym.cli import main
from rlve_gym.cli.list_tasks import catalogue_markdown
from rlve_gym.core.registry import builtin_task_names, task_names

ROOT = Path(__file__).resolve().parents[1]


def run_cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "rlve_gym.cli", *args], input=stdin, capture_output=True, text=True, timeout=300
    )


def test_sample_and_verify_round_trip() -> None:
    sample = run_cli("sample", "Sorting", "-d", "3", "--seed", "1", "--json")
    assert sample.returncode == 0
    reference = json.loads(sample.stdout)["reference_answer"]
    verdict = run_cli("verify", "Sorting", "-d", "3", "--seed", "1", stdin=f"<answer>{reference}</answer>")
    assert verdict.returncode == 0 and json.loads(verdict.stdout)["accuracy"] == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("sample", "Sortng"), "unknown task 'Sortng' (did you mean 'Sorting'"),
        (("sample", "Sorting", "-d", "-1"), "expected a non-negative integer, got -1"),
        (("sample", "Sorting", "--seed", "1.5"), "expected an integer, got '1.5'"),
        (("bench", "Sorting", "-n", "0"), "expected a positive integer, got 0"),
        (("verify", "Nope"), "unknown task 'Nope'"),
        (("frobnicate",), "invalid choice"),
    ],
)
def test_bad_input_is_one_clear_line(args: tuple[str, ...], message: str) -> None:
    result = run_cli(*args)
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], result.stderr


def test_bench_writes_json(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "bench.json"
    assert main(["bench", "Sorting", "CRT", "-n", "5", "-d", "0", "2", "--json", str(out)]) == 0
    data = json.loads(out.read_text())
    assert {row["task"] for row in data["rows"]} == {"Sorting", "CRT"} and len(data["rows"]) == 4
    assert all(row["reference_accuracy"] == 1.0 and row["failures"] == 0 for row in data["rows"])
    assert "machine" in data


def test_list_formats(capsys: pytest.CaptureFixture) -> None:
    assert main(["list", "--format", "names"]) == 0
    assert capsys.readouterr().out.split() == task_names()
    assert main(["list", "--format", "json", "--family", "math"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows and all(row["family"] == "math" and row["difficulty"] for row in rows)


def test_catalogue_doc_is_up_to_date() -> None:
    expected = catalogue_markdown(builtin_task_names())
    actual = (ROOT / "docs" / "catalogue.md").read_text()
    assert actual == expected, "docs/catalogue.md is stale: run `rlve-gym list --format markdown > docs/catalogue.md`"

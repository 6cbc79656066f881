"""``rlve-gym curriculum validate|show|simulate|schema``: happy paths and one-line errors (exit status 2)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from rlve_gym.cli import main
from rlve_gym.core.registry import task_names
from rlve_gym.curriculum.docs import schema_markdown


def test_validate_reports_each_file(capsys: pytest.CaptureFixture, tmp_path: Path) -> None:
    assert main(["curriculum", "validate", "smoke", "math"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "smoke: ok (2 tasks, scheduler rlve)",
        f"math: ok ({len(task_names('math'))} tasks, scheduler rlve)",
    ]
    bad = tmp_path / "bad.yaml"
    bad.write_text("tasks:\n  - name: Sorting\n    wieght: 2\n")
    assert main(["curriculum", "validate", "smoke", str(bad)]) == 2
    captured = capsys.readouterr()
    assert captured.out.startswith("smoke: ok")
    assert captured.err == f"rlve-gym: error: {bad}: tasks[0].wieght: unknown key 'wieght' (did you mean 'weight'?)\n"


def test_show_lists_tasks_weights_and_ranges(capsys: pytest.CaptureFixture, tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text("tasks:\n  - {name: Sorting, weight: 3, initial_difficulty: 5}\n  - CRT\n")
    assert main(["curriculum", "show", str(path)]) == 0
    out = capsys.readouterr().out
    assert "scheduler: rlve (initial_difficulty=0, window=4, min_rollouts=128, accuracy_threshold=0.9)" in out
    rows = {
        line.split()[0]: line.split() for line in out.splitlines() if line.startswith("  ") and "family" not in line
    }
    assert rows["Sorting"] == ["Sorting", "algorithmic", "3", "75.0%", "[2,", "5]"]
    assert rows["CRT"] == ["CRT", "math", "1", "25.0%", "[0,", "0]"]
    assert main(["curriculum", "show", "held-out-50", "--json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["scheduler"] == {"kind": "static", "range": [0, 4]}
    assert all(row["range"] == [0, 4] for row in document["tasks"])


def test_simulate_writes_json_markdown_and_png(capsys: pytest.CaptureFixture, tmp_path: Path) -> None:
    out_dir = tmp_path / "sim"
    args = ["curriculum", "simulate", "smoke", "--steps", "12", "--batch-size", "8", "--group-size", "4"]
    assert main([*args, "--learner", "capped", "--seed", "3", "--out", str(out_dir)]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("| scheduler |") and "| static [0, 100] |" in printed
    report = json.loads((out_dir / "simulation.json").read_text())
    assert [run["label"] for run in report["runs"]] == [
        "rlve",
        "zaya1",
        "static [0, 1]",
        "static [0, 20]",
        "static [0, 100]",
    ]
    assert all(len(run["effective_prompt_ratio"]) == 12 for run in report["runs"])
    assert report["meta"]["learner"] == "capped" and report["meta"]["seed"] == 3
    assert (out_dir / "simulation.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert (out_dir / "simulation.md").read_text() in printed


def test_schema_prints_the_reference(capsys: pytest.CaptureFixture) -> None:
    assert main(["curriculum", "schema"]) == 0
    assert capsys.readouterr().out == schema_markdown()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("curriculum", "show", "smok"),
            "no curriculum file or shipped curriculum named 'smok' (did you mean 'smoke'?)",
        ),
        (("curriculum", "simulate", "smoke", "--steps", "0"), "expected a positive integer, got 0"),
        (("curriculum", "frobnicate"), "invalid choice: 'frobnicate'"),
    ],
)
def test_errors_are_one_line_with_status_2(args: tuple[str, ...], message: str) -> None:
    result = subprocess.run([sys.executable, "-m", "rlve_gym.cli", *args], capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], result.stderr

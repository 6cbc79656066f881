"""The train job's YAML: strict validation with suggestions, the shipped example configs, the CLI errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from rlve_gym.training.job import TrainConfigError, load_job_config, progress_line, summarize

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("path", sorted((ROOT / "configs").glob("*.yaml")), ids=lambda p: p.name)
def test_shipped_job_configs_validate(path: Path) -> None:
    config = load_job_config(path)
    from rlve_gym.curriculum import Curriculum

    Curriculum.from_yaml(config.curriculum)


def test_defaults_are_the_demo() -> None:
    config = load_job_config(None)
    assert config.model.name_or_path == "tiny" and config.curriculum == "smoke" and config.warmup.steps > 0


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("modle: {}\n", "modle: unknown key (did you mean 'model'?)"),
        ("model: {kernel: eager}\n", "model.kernel: unknown key (did you mean 'kernels'?)"),
        (
            "grpo: {learning_rte: 0.1}\n",
            "grpo.learning_rte: unknown RLVEGRPOConfig field (did you mean 'learning_rate'?)",
        ),
        ("warmup: {steps: -1}\n", "warmup.steps: Input should be greater than or equal to 0"),
        ("grpo: {seed: 3}\n", "set them at the top level"),
        ("grpo: {beta: 0.04}\n", "has no KL term"),
        ("- a\n- b\n", "expected a mapping"),
        ("a: [\n", "not valid YAML"),
    ],
)
def test_malformed_jobs_name_the_problem(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "job.yaml"
    path.write_text(text)
    with pytest.raises(TrainConfigError, match=None) as caught:
        load_job_config(path)
    assert message in str(caught.value)


def test_cli_reports_bad_jobs_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "job.yaml"
    path.write_text("grpo: {beta: 0.1}\nmodle: {}\n")
    result = subprocess.run(
        [sys.executable, "-m", "rlve_gym.cli", "train", str(path)], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "modle: unknown key" in lines[0]
    missing = subprocess.run(
        [sys.executable, "-m", "rlve_gym.cli", "train", str(tmp_path / "nope.yaml")], capture_output=True, text=True
    )
    assert missing.returncode == 2 and "no such job file" in missing.stderr


def test_summary_and_progress_line(tmp_path: Path) -> None:
    log = tmp_path / "metrics.jsonl"
    rows = [
        {
            "stage": "grpo",
            "step": step,
            "reward": 0.1 * step,
            "rlve/reward_at_d0": 0.1 * step,
            "curriculum/CRT/high": float(step >= 3),
        }
        for step in range(1, 9)
    ]
    import json

    log.write_text("".join(json.dumps(row) + "\n" for row in rows))
    summary = summarize(str(log))
    assert summary["reward_first_quarter"] == pytest.approx(0.15) and summary["reward_last_quarter"] == pytest.approx(
        0.75
    )
    assert summary["difficulty_increases"] == {"CRT": 1}
    assert summary["reward_by_difficulty_first_vs_last_quarter"]["d0"] == [pytest.approx(0.15), pytest.approx(0.75)]
    line = progress_line("grpo", 4, {"reward": 0.5, "curriculum/CRT/high": 2.0})
    assert line == "grpo step 4: reward 0.5 d CRT=2"

"""ZAYA1's IRT/Thompson start calibration against evaluators whose pass rates are known."""

from __future__ import annotations

import math
import random

import pytest

from rlve_gym.curriculum import Curriculum
from rlve_gym.curriculum.calibration import pass_probability

TRUE_MU = {"Sorting": 2.0, "Division": 11.0, "CRT": 27.0}
SCALE = 1.5


def make_evaluator(seed: int):
    """Binary accuracies drawn from p = σ(−(d − μ)/s) with a local RNG; records every call."""
    rng = random.Random(seed)
    calls: list[tuple[str, int, int]] = []

    def evaluate(task: str, difficulty: int, n: int) -> list[int]:
        calls.append((task, difficulty, n))
        p = pass_probability(difficulty, TRUE_MU[task], SCALE)
        return [int(rng.random() < p) for _ in range(n)]

    return evaluate, calls


def calibrated(rounds: int = 12, seed: int = 0) -> tuple[Curriculum, dict, list]:
    curriculum = Curriculum.from_config(
        {
            "seed": seed,
            "tasks": list(TRUE_MU),
            "scheduler": {
                "kind": "zaya1",
                "calibration": {"rounds": rounds, "group_size": 16, "prior_mean": 8.0, "prior_std": 10.0},
            },
        }
    )
    evaluate, calls = make_evaluator(seed)
    return curriculum, curriculum.calibrate(evaluate), calls


def test_calibration_finds_the_half_pass_difficulty() -> None:
    curriculum, results, calls = calibrated()
    for task, mu in TRUE_MU.items():
        assert abs(results[task].difficulty - mu) <= 1, (task, results[task])
        assert curriculum.difficulty_range(task) == (results[task].difficulty, results[task].difficulty)
    assert len(calls) == 12 * len(TRUE_MU) and {n for _, _, n in calls} == {16}
    assert [task for task, _, _ in calls[:3]] == list(TRUE_MU)  # round by round: every task early
    assert not curriculum.calibration_pending


def test_calibration_is_reproducible_and_survives_a_checkpoint() -> None:
    first, first_results, _ = calibrated(rounds=6)
    _, second_results, _ = calibrated(rounds=6)
    assert first_results == second_results
    resumed = Curriculum(first.config)
    resumed.load_state_dict(first.state_dict())
    assert not resumed.calibration_pending
    assert resumed.sample(30) == first.sample(30)


def test_pass_probability_is_the_irt_curve() -> None:
    assert pass_probability(5.0, 5.0, 2.0) == 0.5
    assert math.isclose(pass_probability(7.0, 5.0, 2.0), 1 / (1 + math.e))
    assert pass_probability(1e6, 0.0, 1.0) == 0.0 and pass_probability(-1e6, 0.0, 1.0) == 1.0


def test_calibration_rejects_bad_evaluations_and_bad_timing() -> None:
    curriculum = Curriculum.from_config({"tasks": ["Sorting"], "scheduler": {"kind": "zaya1"}})
    with pytest.raises(ValueError, match="returned 3 accuracies, expected 16"):
        curriculum.calibrate(lambda task, difficulty, n: [1, 0, 1])
    with pytest.raises(ValueError, match="must be binary"):
        curriculum.calibrate(lambda task, difficulty, n: [0.5] * n)
    curriculum.sample(1)
    with pytest.raises(RuntimeError, match="before the first sample"):
        curriculum.calibrate(lambda task, difficulty, n: [1] * n)
    static = Curriculum.from_config({"tasks": ["Sorting"], "scheduler": {"kind": "static", "range": [0, 3]}})
    with pytest.raises(ValueError, match="fixed ranges"):
        static.calibrate(lambda task, difficulty, n: [1] * n)


def test_sampling_without_the_requested_calibration_warns_once() -> None:
    curriculum = Curriculum.from_yaml("zaya1-stage2")
    assert curriculum.calibration_pending
    with pytest.warns(UserWarning, match="calibrate"):
        curriculum.sample(2)
    assert not curriculum.calibration_pending

"""BinaryLinearEquation_SolutionCounting: the residue-class closed form against scanning every x."""

from __future__ import annotations

import random

import pytest

from rlve_gym.envs.counting.binary_linear_equation_solution_counting import (
    BinaryLinearEquation_SolutionCounting,
    count_line_points,
)

TASK = BinaryLinearEquation_SolutionCounting()


def count_by_scan(a: int, b: int, c: int, x_range: tuple[int, int], y_range: tuple[int, int]) -> int:
    total = 0
    for x in range(x_range[0], x_range[1] + 1):
        for y in range(y_range[0], y_range[1] + 1):
            total += a * x + b * y + c == 0
    return total


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3])
def test_generated_instances_match_scan(difficulty: int) -> None:
    for seed in range(12):
        p = TASK.generate(seed, difficulty).parameters
        expected = count_by_scan(p["A"], p["B"], p["C"], (p["X1"], p["X2"]), (p["Y1"], p["Y2"]))
        assert TASK.generate(seed, difficulty).reference_answer == str(expected)


def test_random_boxes_including_degenerate_coefficients() -> None:
    rng = random.Random(8)
    for _ in range(1500):
        a, b = rng.randint(-6, 6), rng.randint(-6, 6)
        c = rng.randint(-40, 40)
        x_low, y_low = rng.randint(-9, 9), rng.randint(-9, 9)
        x_range, y_range = (x_low, x_low + rng.randint(0, 9)), (y_low, y_low + rng.randint(0, 9))
        assert count_line_points(a, b, c, x_range, y_range) == count_by_scan(a, b, c, x_range, y_range)


def test_unplanted_instances_occur() -> None:
    answers = [TASK.generate(seed, 4).reference_answer for seed in range(300)]
    assert "0" in answers  # from the 5% of instances without a planted solution


def test_hand_example_and_rewards() -> None:
    parameters = {"A": 2, "B": -4, "C": 0, "X1": -4, "X2": 4, "Y1": -1, "Y2": 2}  # x = 2y: y in -1..2
    assert TASK.solve(parameters) == 4
    assert TASK.score(parameters, "4").reward == 1.0
    assert TASK.score(parameters, "2").reward == pytest.approx(0.5**10)
    assert TASK.score(parameters, "-4").reward == -1.0

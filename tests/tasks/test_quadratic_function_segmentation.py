"""QuadraticFunctionSegmentation: the dynamic programme against trying every division into batches."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.optimization.quadratic_function_segmentation import (
    QuadraticFunctionSegmentation,
    _best_simple_split,
    _worth,
)

TASK = QuadraticFunctionSegmentation()


def best_by_search(p: dict) -> int:
    n = len(p["values"])
    return max(_worth(p, [*cuts, n]) for size in range(n) for cuts in itertools.combinations(range(1, n), size))


@pytest.mark.parametrize("difficulty", [0, 1, 2, 4])
def test_generated_instances_are_optimal_and_nontrivial(difficulty: int) -> None:
    for seed in range(5):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        ends = [int(v) for v in problem.reference_answer.split()]
        best = best_by_search(p)
        assert _worth(p, ends) == best > 0
        assert best > _best_simple_split(p)


def test_random_instances() -> None:
    rng = random.Random(10)
    for _ in range(100):
        n = rng.randint(1, 8)
        p = {
            "values": [rng.randint(1, 6) for _ in range(n)],
            "a": -rng.randint(1, 5),
            "b": rng.randint(1, 60),
            "c": rng.randint(-50, 50),
        }
        assert _worth(p, TASK.solve(p)) == best_by_search(p)


def test_hand_example_and_rewards() -> None:
    # worth(X) = -X² + 10X - 15: batches of sum 5 are best (10 each); 1 is worth -6 alone
    p = {"values": [2, 3, 5, 1, 4], "a": -1, "b": 10, "c": -15}
    assert TASK.solve(p) == [2, 3, 5]
    assert TASK.score(p, "2 3 5").reward == 1.0
    assert TASK.score(p, "5").reward == 0.0  # one batch is worth -90
    assert TASK.score(p, "1 3 5").reward == pytest.approx(((1 + 1 + 10) / 30) ** 5)
    for bad in ("2 3", "3 2 5", "0 5", "2 2 5", "2 3 6"):
        assert TASK.score(p, bad).reward == rewards.INVALID_SOLUTION, bad

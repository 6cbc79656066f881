"""SkaRockGarden: the four-box solver against trying every set of swaps."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.optimization.ska_rock_garden import SkaRockGarden, best_swaps, perimeter_and_cost

TASK = SkaRockGarden()


def brute_force(xs: list[int], ys: list[int], costs: list[int]) -> tuple[int, int]:
    """The least (perimeter, cost) pair, lexicographically, over all 2^N swap choices."""
    return min(perimeter_and_cost(xs, ys, costs, "".join(flags)) for flags in itertools.product("01", repeat=len(xs)))


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3])
def test_reference_matches_exhaustive_search(difficulty: int) -> None:
    for seed in range(10):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert perimeter_and_cost(p["X"], p["Y"], p["M"], problem.reference_answer) == brute_force(
            p["X"], p["Y"], p["M"]
        )


def test_random_instances_with_many_ties() -> None:
    rng = random.Random(7)
    for _ in range(400):
        n = rng.randint(1, 7)
        xs = [rng.randint(0, 4) for _ in range(n)]
        ys = [rng.randint(0, 4) for _ in range(n)]
        costs = [rng.randint(1, 3) for _ in range(n)]
        assert perimeter_and_cost(xs, ys, costs, best_swaps(xs, ys, costs)) == brute_force(xs, ys, costs)


def test_scoring_branches() -> None:
    # points (0,5), (5,0), (1,1): best is to swap one of the first two, the cheaper one (point 1, cost 1)
    p = {"X": [0, 5, 1], "Y": [5, 0, 1], "M": [3, 1, 2]}
    assert perimeter_and_cost(p["X"], p["Y"], p["M"], "010") == (10, 1)
    assert TASK.score(p, "010").reward == 1.0
    assert TASK.score(p, "100").reward == pytest.approx(0.5 + 0.5 * (1 / 3) ** 5)  # least perimeter, dearer
    assert TASK.score(p, "000").reward == pytest.approx(0.5 * (10 / 20) ** 5)  # box 5×5
    assert TASK.score(p, "000").accuracy == 0
    for bad in ("01", "0101", "012"):
        with pytest.raises(AnswerFormatError):
            TASK.score(p, bad)

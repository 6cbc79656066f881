"""BEZMinimalistSecurity: the per-component linear solution against enumerating every array P'."""

from __future__ import annotations

import itertools

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.optimization.bez_minimalist_security import BEZMinimalistSecurity, extreme_solution

TASK = BEZMinimalistSecurity()


def brute_force(p: dict) -> int:
    sums = [
        sum(values)
        for values in itertools.product(*(range(limit + 1) for limit in p["P"]))
        if all(values[u] + values[v] == w for u, v, w in p["edges"])
    ]
    return min(sums) if p["goal"] == "minimized" else max(sums)


@pytest.mark.parametrize("difficulty", [0, 1])
def test_reference_is_optimal_and_feasible(difficulty: int) -> None:
    for seed in range(12):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert TASK.score(p, problem.reference_answer).reward == 1.0
        assert sum(map(int, problem.reference_answer.split())) == brute_force(p)


def test_both_goals_on_the_same_instance() -> None:
    for seed in range(6):
        p = TASK.generate(seed, 1).parameters
        for goal in ("minimized", "maximized"):
            q = {**p, "goal": goal}
            assert sum(extreme_solution(q["P"], q["edges"], goal)) == brute_force(q)


def test_hand_example_and_scoring() -> None:
    # a triangle fixes everything: x + y = 3, y + z = 5, x + z = 4 → (1, 2, 3)
    p = {"P": [5, 5, 5], "edges": [[0, 1, 3], [1, 2, 5], [0, 2, 4]], "goal": "maximized"}
    assert TASK.solve(p) == [1, 2, 3]
    # a path leaves one degree of freedom: x + y = 4 with x ≤ 3, y ≤ 4, z free in [0, 2]
    q = {"P": [3, 4, 2], "edges": [[0, 1, 4]], "goal": "minimized"}
    assert sum(TASK.solve(q)) == 4
    assert TASK.score(q, "3 1 0").reward == 1.0
    assert TASK.score(q, "3 1 2").reward == pytest.approx((4 / 6) ** 5)
    assert TASK.score(q, "4 0 0").reward == rewards.INVALID_SOLUTION
    assert TASK.score(q, "2 1 0").reward == rewards.INVALID_SOLUTION
    assert TASK.score(q, "3 1").reward == rewards.INVALID_SOLUTION
    with pytest.raises(ValueError):
        extreme_solution([1, 1], [[0, 1, 3]], "minimized")

"""STUWell: the envelope-and-binary-search solver against an exhaustive DP over every lowered array."""

from __future__ import annotations

import pytest

from rlve_gym.envs.algorithmic.stu_well import STUWell

TASK = STUWell()


def brute_force(heights: list[int], budget: int) -> int:
    """Smallest slope z for which some array 0 ≤ Y ≤ X with a zero and adjacent gaps ≤ z costs at most the budget;
    the cheapest such Y is found by a DP over (position, value of Y there, zero seen yet) that visits every Y."""
    for slope in range(max(heights) + 1):
        # best[(value, has_zero)] = least digging for the prefix ending with that value
        best = {(v, v == 0): heights[0] - v for v in range(heights[0] + 1)}
        for x in heights[1:]:
            following: dict[tuple[int, bool], int] = {}
            for (previous, has_zero), spent in best.items():
                for v in range(max(0, previous - slope), min(x, previous + slope) + 1):
                    key = (v, has_zero or v == 0)
                    following[key] = min(following.get(key, spent + x - v + 1), spent + x - v)
            best = following
        if min((spent for (_, has_zero), spent in best.items() if has_zero), default=budget + 1) <= budget:
            return slope
    raise AssertionError("no slope feasible")


@pytest.mark.parametrize("difficulty", [0, 1, 2, 4])
def test_solver_matches_exhaustive_dp(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert problem.reference_answer == str(brute_force(p["X"], p["M"]))


def test_hand_examples() -> None:
    # X = 5 1 5: dig the middle to 0 (1 step), then slopes 5 → lower both sides to 2 (6 more steps) for slope 2
    assert TASK.solve({"X": [5, 1, 5], "M": 1}) == 5
    assert TASK.solve({"X": [5, 1, 5], "M": 7}) == 2
    assert TASK.solve({"X": [5, 1, 5], "M": 11}) == 0
    assert TASK.score({"X": [5, 1, 5], "M": 7}, "2").reward == 1.0
    assert TASK.score({"X": [5, 1, 5], "M": 7}, "3").reward == 0.0

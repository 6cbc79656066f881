"""SumPseudoEuclidean: the closed form against running the recursion with loop detection."""

from __future__ import annotations

import pytest

from rlve_gym.envs.math.sum_pseudo_euclidean import SumPseudoEuclidean, pseudo_euclid_total

TASK = SumPseudoEuclidean()


def run(a: int, b: int) -> int:
    """f(a, b) by following the recursion; a repeated state means it never ends (value 0)."""
    seen, steps = set(), 0
    while a != b:
        if (a, b) in seen:
            return 0
        seen.add((a, b))
        a, b = (a - b, 2 * b) if a > b else (2 * a, b - a)
        steps += 1
    return steps


def brute_force(n: int) -> int:
    return sum(run(i, j) for i in range(1, n + 1) for j in range(1, n + 1))


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3])
def test_reference_matches_simulation(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        assert problem.reference_answer == str(brute_force(problem.parameters["N"]))


def test_every_small_n() -> None:
    totals = [brute_force(n) for n in range(1, 41)]
    assert [pseudo_euclid_total(n) for n in range(1, 41)] == totals


def test_hand_example_and_scoring() -> None:
    assert run(1, 3) == 1  # (1, 3) → (2, 2)
    assert run(1, 2) == 0  # 1 ↔ 2 forever: (1, 2) → (2, 1) → (1, 2)
    assert run(3, 5) == 2  # (3, 5) → (6, 2) → (4, 4)
    # N = 3: f(1, 3) = f(3, 1) = 1, everything else 0
    assert TASK.solve({"N": 3}) == 2
    assert TASK.score({"N": 3}, "2").reward == 1.0
    assert TASK.score({"N": 3}, "4").reward == pytest.approx(0.5**10)
    assert TASK.score({"N": 3}, "-2").reward == -1.0

"""PrimeGraph_MinimumChromaticNumber: the colourings against exact chromatic numbers found by backtracking."""

from __future__ import annotations

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.optimization.prime_graph_minimum_chromatic_number import PrimeGraph_MinimumChromaticNumber

TASK = PrimeGraph_MinimumChromaticNumber()


def is_prime(value: int) -> bool:
    return value > 1 and all(value % d for d in range(2, value))


def colourable(n: int, colours: int) -> bool:
    assignment = [0] * (n + 1)

    def place(vertex: int) -> bool:
        if vertex > n:
            return True
        for colour in range(colours):
            if all(assignment[u] != colour for u in range(1, vertex) if is_prime(vertex - u)):
                assignment[vertex] = colour
                if place(vertex + 1):
                    return True
        return False

    return place(1)


def chromatic_number(n: int) -> int:
    return next(k for k in range(1, n + 1) if colourable(n, k))


def is_proper(colours: list[int]) -> bool:
    n = len(colours)
    return all(colours[i] != colours[j] for i in range(n) for j in range(i + 1, n) if is_prime(j - i))


def test_colourings_are_proper_and_optimal() -> None:
    for n in range(1, 16):
        colours = TASK.solve({"N": n})
        assert is_proper(colours)
        assert len(set(colours)) == chromatic_number(n), n
    for n in range(16, 120):
        assert is_proper(TASK.solve({"N": n}))  # four colours, and the 7-vertex subgraph already needs four


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_generated_instances(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        n = problem.parameters["N"]
        colours = [int(c) for c in problem.reference_answer.split()]
        assert is_proper(colours) and len(set(colours)) == chromatic_number(n)


def test_rewards() -> None:
    p = {"N": 7}
    assert TASK.score(p, "0 1 2 3 0 1 2").reward == 1.0
    assert TASK.score(p, "0 1 2 3 4 5 6").reward == pytest.approx((4 / 7) ** 5)
    assert TASK.score(p, "0 1 0 1 0 1 0").reward == rewards.INVALID_SOLUTION  # 1 and 3 differ by 2
    assert TASK.score(p, "0 1 2 3").reward == rewards.INVALID_SOLUTION

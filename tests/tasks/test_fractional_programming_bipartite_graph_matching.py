"""FractionalProgramming_BipartiteGraphMatching: Dinkelbach + Hungarian against every permutation at small N."""

from __future__ import annotations

import itertools
import random
from fractions import Fraction

import pytest

from rlve_gym.envs.optimization.fractional_programming_bipartite_graph_matching import (
    FractionalProgramming_BipartiteGraphMatching,
    max_weight_assignment,
)

TASK = FractionalProgramming_BipartiteGraphMatching()


def best_ratio_by_enumeration(a: list[list[int]], b: list[list[int]]) -> Fraction:
    n = len(a)
    return max(
        Fraction(sum(a[i][p[i]] for i in range(n)), sum(b[i][p[i]] for i in range(n)))
        for p in itertools.permutations(range(n))
    )


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_reference_matches_brute_force(difficulty: int) -> None:
    for seed in range(5):
        problem = TASK.generate(seed, difficulty)
        a, b = problem.parameters["A"], problem.parameters["B"]
        best = best_ratio_by_enumeration(a, b)
        assert Fraction(problem.parameters["best_A"], problem.parameters["best_B"]) == best
        permutation = list(map(int, problem.reference_answer.split()))
        assert (
            Fraction(sum(a[i][j] for i, j in enumerate(permutation)), sum(b[i][j] for i, j in enumerate(permutation)))
            == best
        )


def test_assignment_matches_enumeration_with_negative_weights() -> None:
    rng = random.Random(11)
    for n in (1, 2, 3, 4, 5, 6):
        for _ in range(10):
            weights = [[rng.randint(-20, 20) for _ in range(n)] for _ in range(n)]
            best = max(sum(weights[i][p[i]] for i in range(n)) for p in itertools.permutations(range(n)))
            found = max_weight_assignment(weights)
            assert sorted(found) == list(range(n))
            assert sum(weights[i][j] for i, j in enumerate(found)) == best


def test_hand_example_and_invalid_answers() -> None:
    # identity: (3 + 1) / (1 + 2) = 4/3; swap: (1 + 4) / (2 + 1) = 5/3 (best)
    parameters = {"N": 2, "A": [[3, 1], [4, 1]], "B": [[1, 2], [1, 2]], "best_A": 5, "best_B": 3}
    assert TASK.solve(parameters) == [1, 0]
    assert TASK.score(parameters, "1 0").reward == 1.0
    assert TASK.score(parameters, "0 1").reward == pytest.approx((4 / 5) ** 5)
    assert TASK.score(parameters, "0 0").reward == -0.5
    assert TASK.score(parameters, "0 1 2").reward == -0.5

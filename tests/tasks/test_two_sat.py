"""TwoSAT: the SCC solver against exhaustive search over all assignments."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.puzzle.two_sat import TwoSAT

TASK = TwoSAT()


def satisfies(values: list[int] | tuple[int, ...], clauses: list[list[list[int]]]) -> bool:
    return all(any(values[v] == positive for v, positive in clause) for clause in clauses)


def test_solver_agrees_with_brute_force_on_random_formulas() -> None:
    rng = random.Random(3)
    satisfiable_seen = unsatisfiable_seen = 0
    for _ in range(300):
        n = rng.randint(2, 7)
        clauses = [[[v, rng.randint(0, 1)] for v in rng.sample(range(n), 2)] for _ in range(rng.randint(1, 4 * n))]
        exists = any(satisfies(values, clauses) for values in itertools.product((0, 1), repeat=n))
        found = TASK.solve({"N": n, "clauses": clauses})
        assert (found is not None) == exists
        if found is not None:
            assert satisfies(found, clauses)
        satisfiable_seen += exists
        unsatisfiable_seen += not exists
    assert satisfiable_seen and unsatisfiable_seen


@pytest.mark.parametrize("difficulty", [0, 2, 5])
def test_planted_answer_satisfies_and_solver_finds_one(difficulty: int) -> None:
    for seed in range(5):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert satisfies([int(x) for x in problem.reference_answer.split()], p["clauses"])
        assert satisfies(TASK.solve(p), p["clauses"])


def test_hand_example_and_scoring() -> None:
    p = {"N": 2, "clauses": [[[0, 1], [1, 1]], [[0, 0], [1, 1]], [[0, 1], [1, 0]]]}  # forces x0 = x1 = 1
    assert TASK.solve(p) == [1, 1]
    assert TASK.score(p, "1 1").reward == 1.0
    assert TASK.score(p, "0 1").reward == pytest.approx((2 / 3) ** 10)
    for bad in ("1", "1 1 1", "1 2"):
        with pytest.raises(AnswerFormatError):
            TASK.score(p, bad)

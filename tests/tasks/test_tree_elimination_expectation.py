"""TreeElimination_Expectation: Σ 1/size(v) against the exact expectation of the colouring Markov chain."""

from __future__ import annotations

import functools
import random
from fractions import Fraction

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.math.tree_elimination_expectation import TreeElimination_Expectation

TASK = TreeElimination_Expectation()
MOD = 10**9 + 7


def expected_steps(n: int, parents: list[list[int]]) -> Fraction:
    parent_of = {child: parent for parent, child in parents}

    def root_path(v: int) -> frozenset[int]:
        path = {v}
        while v != 1:
            v = parent_of[v]
            path.add(v)
        return frozenset(path)

    @functools.cache
    def remaining(coloured: frozenset[int]) -> Fraction:
        free = [v for v in range(1, n + 1) if v not in coloured]
        if not free:
            return Fraction(0)
        return 1 + sum(remaining(coloured | root_path(v)) for v in free) / len(free)

    return remaining(frozenset())


def as_residue(value: Fraction) -> int:
    return value.numerator * pow(value.denominator, MOD - 2, MOD) % MOD


@pytest.mark.parametrize("difficulty", [0, 1, 2, 4])
def test_generated_instances_match_markov_chain(difficulty: int) -> None:
    for seed in range(5):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert problem.reference_answer == str(as_residue(expected_steps(p["N"], p["parents"])))


def test_random_trees() -> None:
    rng = random.Random(21)
    for _ in range(20):
        n = rng.randint(1, 7)
        parents = [[rng.randint(1, v - 1), v] for v in range(2, n + 1)]
        assert TASK.solve({"N": n, "parents": parents}) == as_residue(expected_steps(n, parents))


def test_hand_examples_and_rewards() -> None:
    chain = {"N": 3, "parents": [[1, 2], [2, 3]]}  # subtree sizes 3, 2, 1: 1/3 + 1/2 + 1 = 11/6
    assert expected_steps(3, chain["parents"]) == Fraction(11, 6)
    assert TASK.solve(chain) == as_residue(Fraction(11, 6))
    assert TASK.score(chain, str(TASK.solve(chain))).reward == 1.0
    assert TASK.score(chain, "0").reward == 0.0
    assert TASK.score(chain, str(MOD)).reward == rewards.INVALID_SOLUTION

"""PrefixSumMODDistinctPermutation: existence by exhaustive search for small N; the construction checked."""

from __future__ import annotations

import itertools

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.math.prefix_sum_mod_distinct_permutation import PrefixSumMODDistinctPermutation

TASK = PrefixSumMODDistinctPermutation()


def distinct_residues(permutation: list[int], n: int) -> int:
    return len({total % n for total in itertools.accumulate(permutation)})


def test_solutions_exist_exactly_for_even_n() -> None:
    for n in range(2, 9):
        exists = any(distinct_residues(list(p), n) == n for p in itertools.permutations(range(1, n + 1)))
        assert exists == (n % 2 == 0)


def test_construction_for_every_even_n() -> None:
    for n in range(2, 500, 2):
        permutation = TASK.solve({"N": n})
        assert sorted(permutation) == list(range(1, n + 1))
        assert distinct_residues(permutation, n) == n


@pytest.mark.parametrize("difficulty", [0, 1, 2, 10])
def test_generated_instances(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        assert problem.parameters["N"] % 2 == 0
        assert TASK.score(problem.parameters, problem.reference_answer).reward == 1.0


def test_rewards() -> None:
    p = {"N": 4}
    assert TASK.score(p, "4 1 2 3").reward == 1.0  # prefix sums 0 1 3 2
    assert TASK.score(p, "1 2 3 4").reward == pytest.approx((3 / 4) ** 10)  # 1 3 2 2
    assert TASK.score(p, "0 1 2 3").reward == rewards.INVALID_SOLUTION

"""SetSplitting: the verifier against a brute-force check of every split at small N."""

from __future__ import annotations

import itertools

import pytest

from rlve_gym.envs.puzzle.set_splitting import SetSplitting

TASK = SetSplitting()


@pytest.mark.parametrize("difficulty", [0, 1, 3])
def test_verifier_accepts_exactly_the_valid_splits(difficulty: int) -> None:
    for seed in range(3):
        problem = TASK.generate(seed, difficulty)
        n, subsets = problem.parameters["N"], problem.parameters["subsets"]
        assert n <= len(subsets) <= 3 * n
        for k in range(n + 1):
            for first in itertools.combinations(range(n), k):
                valid = all(set(s) & set(first) and set(s) - set(first) for s in subsets)
                assert (TASK.score(problem.parameters, " ".join(map(str, first))).accuracy == 1) == bool(valid)
        assert TASK.score(problem.parameters, problem.reference_answer).accuracy == 1


def test_hand_example_and_invalid_answers() -> None:
    parameters = {"N": 4, "subsets": [[0, 1], [1, 2], [2, 3], [0, 3]]}
    assert TASK.score(parameters, "0 2").reward == 1.0
    assert TASK.score(parameters, "1 3").reward == 1.0
    assert TASK.score(parameters, "0 1").reward == pytest.approx((2 / 4) ** 10)
    assert TASK.score(parameters, "").reward == 0.0
    assert TASK.score(parameters, "0 0").reward == -0.5
    assert TASK.score(parameters, "4").reward == -0.5

"""MaxDifferentGroupPairDivision: the DP optimum against simulating every ordered choice of cuts."""

from __future__ import annotations

import itertools

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.optimization.max_different_group_pair_division import MaxDifferentGroupPairDivision, split_score

TASK = MaxDifferentGroupPairDivision()


def simulate(values: list[int], cuts: tuple[int, ...]) -> int:
    """Cut one block at a time, as the prompt describes."""
    blocks = [(0, len(values) - 1)]
    score = 0
    for i in cuts:
        (start, end) = next(block for block in blocks if block[0] <= i < block[1])
        blocks.remove((start, end))
        blocks += [(start, i), (i + 1, end)]
        score += sum(values[start : i + 1]) * sum(values[i + 1 : end + 1])
    return score


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3])
def test_optimum_matches_every_cut_order(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        values, cuts = problem.parameters["A"], problem.parameters["K"]
        best = max(simulate(values, order) for order in itertools.permutations(range(len(values) - 1), cuts))
        chosen = list(map(int, problem.reference_answer.split()))
        assert simulate(values, tuple(chosen)) == split_score(values, chosen) == best
        assert TASK.score(problem.parameters, problem.reference_answer).accuracy == 1


def test_hand_example_and_invalid_answers() -> None:
    p = {"A": [4, 1, 3], "K": 1}
    # cut after 4: 4·4 = 16; cut after 1: 5·3 = 15
    assert TASK.solve(p) == [0]
    assert TASK.score(p, "1").reward == pytest.approx((15 / 16) ** 5)
    p = {"A": [1, 2, 3, 4], "K": 2}
    assert TASK.score(p, "2 1").reward == TASK.score(p, "1 2").reward
    for bad in ("1 1", "1", "0 3", "-1 0", "0 1 2"):
        assert TASK.score(p, bad).reward == rewards.INVALID_SOLUTION
    zero = {"A": [0, 0, 0, 0], "K": 2}
    assert TASK.score(zero, "0 2").reward == 1.0

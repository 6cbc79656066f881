"""StringPartitionShuffle: the verifier accepts exactly the ordered partitions that spell T (found by search)."""

from __future__ import annotations

import itertools

import pytest

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.algorithmic.string_partition_shuffle import StringPartitionShuffle

TASK = StringPartitionShuffle()


def ordered_partitions(n: int, pieces: int):
    """Every list of `pieces` intervals tiling 0..n-1, in every order."""
    for cuts in itertools.combinations(range(1, n), pieces - 1):
        ends = [0, *cuts, n]
        yield from itertools.permutations([[ends[i], ends[i + 1]] for i in range(pieces)])


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_exactly_the_spelling_partitions_are_accepted(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert TASK.score(p, problem.reference_answer).reward == 1.0
        for intervals in ordered_partitions(len(p["S"]), p["K"]):
            spells = "".join(p["S"][a:b] for a, b in intervals) == p["T"]
            verdict = TASK.score(p, "\n".join(f"{a} {b}" for a, b in intervals))
            assert (verdict.reward == 1.0) == spells


def test_hand_example_and_invalid_answers() -> None:
    p = {"S": "0011", "K": 2, "T": "1100"}
    assert TASK.score(p, "2 4\n0 2").reward == 1.0
    assert TASK.score(p, "0 2\n2 4").reward == 0.0  # spells 0011: no position right
    assert TASK.score(p, "1 4\n0 1").reward == pytest.approx((2 / 4) ** 10)  # spells 0110
    assert TASK.score(p, "0 3\n2 4").reward == rewards.INVALID_SOLUTION  # overlap
    assert TASK.score(p, "0 1\n2 4").reward == rewards.INVALID_SOLUTION  # gap
    assert TASK.score(p, "2 2\n0 4").reward == rewards.INVALID_SOLUTION  # empty
    assert TASK.score(p, "2 5\n0 2").reward == rewards.INVALID_SOLUTION
    for bad in ("2 4", "2 4\n0 2\n0 1", "2 4 0\n0 2"):
        with pytest.raises(AnswerFormatError):
            TASK.score(p, bad)

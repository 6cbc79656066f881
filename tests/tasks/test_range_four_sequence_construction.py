"""RangeFourSequenceConstruction: planted sequences satisfy every group; groups are the right kind of tuple;
the verifier's shaping on hand-made answers."""

from __future__ import annotations

import itertools

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.puzzle.range_four_sequence_construction import RangeFourSequenceConstruction

TASK = RangeFourSequenceConstruction()
ALLOWED = {(0, 1), (1, 0), (0, 3), (3, 0), (1, 2), (2, 1)}


@pytest.mark.parametrize("difficulty", [0, 1, 2, 5, 10])
def test_planted_sequence_is_valid(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        n, groups = problem.parameters["N"], problem.parameters["groups"]
        hidden = [int(v) for v in problem.reference_answer.split()]
        assert len(hidden) == n and all(pair in ALLOWED for pair in itertools.pairwise(hidden))
        assert 1 <= len(groups) <= 2 * n
        assert len({tuple(sorted(group)) for group in groups}) == len(groups)  # sampled without repetition
        for group in groups:
            assert 2 <= len(group) <= 4 and all(1 <= p <= n for p in group)
            assert len({hidden[p - 1] for p in group}) == len(group)


def test_all_tuples_can_be_drawn() -> None:
    """At N = 3 the pool is small: over many seeds, every distinct-valued tuple shows up."""
    seen: dict[tuple[int, ...], set[tuple[int, ...]]] = {}
    for seed in range(300):
        problem = TASK.generate(seed, 0)
        hidden = tuple(int(v) for v in problem.reference_answer.split())
        seen.setdefault(hidden, set()).update(tuple(sorted(g)) for g in problem.parameters["groups"])
    for hidden, groups in seen.items():
        pool = {
            combo
            for size in (2, 3)
            for combo in itertools.combinations(range(1, 4), size)
            if len({hidden[p - 1] for p in combo}) == size
        }
        assert groups <= pool
    assert any(groups == {(1, 2), (2, 3), (1, 3), (1, 2, 3)} for groups in seen.values())


def test_hand_example_and_rewards() -> None:
    p = {"N": 4, "groups": [[1, 2], [1, 3], [2, 3, 1]]}
    assert TASK.score(p, "0 1 2 1").reward == 1.0
    assert TASK.score(p, "0 1 0 1").reward == pytest.approx((1 / 3) ** 5)
    assert TASK.score(p, "0 2 1 0").reward == rewards.INVALID_SOLUTION  # 02 is forbidden
    assert TASK.score(p, "0 1 0").reward == rewards.INVALID_SOLUTION
    assert TASK.score(p, "0 1 0 4").reward == rewards.INVALID_SOLUTION

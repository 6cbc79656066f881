"""TreeEvenPartitioning: a hand-solved tree, invalid and malformed answers, planted partitions being valid."""

from __future__ import annotations

import pytest

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.graph.tree_even_partitioning import TreeEvenPartitioning

TASK = TreeEvenPartitioning()

# path 1-2-3-4-5-6 split into pairs
PATH = {"N": 3, "K": 2, "edges": [[1, 2], [2, 3], [3, 4], [4, 5], [5, 6]]}


def test_hand_solved_path() -> None:
    assert TASK.score(PATH, "1 2\n3 4\n5 6").reward == 1.0
    assert TASK.score(PATH, "6 5\n2 1\n4 3").reward == 1.0
    assert TASK.score(PATH, "1 3\n2 4\n5 6").reward == pytest.approx((1 / 3) ** 5)
    assert TASK.score(PATH, "1 6\n2 4\n3 5").reward == 0.0


def test_invalid_and_malformed_answers() -> None:
    assert TASK.score(PATH, "1 2\n3 4\n5 5").reward == rewards.INVALID_SOLUTION
    assert TASK.score(PATH, "1 2\n3 4\n5 7").reward == rewards.INVALID_SOLUTION
    for malformed in ("1 2 3\n4 5 6", "1 2\n3 4", "1 2\n3 4\n5 6\n7 8", "1 2\n3 4\n5 x"):
        with pytest.raises(AnswerFormatError):
            TASK.score(PATH, malformed)


def test_ladder_alternates() -> None:
    assert [tuple(TASK.ladder(d).values()) for d in range(5)] == [(3, 2), (3, 3), (4, 3), (4, 4), (5, 4)]


@pytest.mark.parametrize("difficulty", [0, 3, 10])
def test_planted_partition_is_a_tree_partition(difficulty: int) -> None:
    for seed in range(5):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert len(p["edges"]) == p["N"] * p["K"] - 1
        assert TASK.score(p, problem.reference_answer).reward == 1.0

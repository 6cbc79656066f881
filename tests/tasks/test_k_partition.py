"""KPartition: the verifier against an exhaustive search over groupings of small planted instances."""

from __future__ import annotations

import itertools

import pytest

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.puzzle.k_partition import KPartition

TASK = KPartition()


def equal_sum_groupings(numbers: list[int], size: int, target: int):
    """Every way (as index groups, first group holding the smallest free index) to form groups summing to target."""

    def extend(free: tuple[int, ...]):
        if not free:
            yield []
            return
        first, rest = free[0], free[1:]
        for others in itertools.combinations(rest, size - 1):
            if numbers[first] + sum(numbers[i] for i in others) == target:
                remaining = tuple(i for i in rest if i not in others)
                for tail in extend(remaining):
                    yield [(first, *others), *tail]

    yield from extend(tuple(range(len(numbers))))


@pytest.mark.parametrize("difficulty", [0, 1])
def test_every_equal_sum_grouping_is_accepted(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        numbers, size = p["numbers"], p["K"]
        assert sum(numbers) == p["T"] * (len(numbers) // size)
        found = 0
        for grouping in itertools.islice(equal_sum_groupings(numbers, size, p["T"]), 50):
            answer = "\n".join(" ".join(str(numbers[i]) for i in group) for group in grouping)
            assert TASK.score(p, answer).accuracy == 1
            found += 1
        assert found >= 1
        assert TASK.score(p, problem.reference_answer).accuracy == 1


def test_hand_example_and_invalid_answers() -> None:
    p = {"numbers": [1, 5, 2, 4, 3, 3], "K": 2, "T": 6}
    assert TASK.score(p, "1 5\n2 4\n3 3").reward == 1.0
    assert TASK.score(p, "1 2\n5 4\n3 3").reward == 0.0
    for bad in ("1 5\n2 4", "1 5 2\n4 3 3", "1 5\n2 4\n3 4", "1 5\n2 4\n3 3\n1 5"):
        assert TASK.score(p, bad).reward == rewards.INVALID_SOLUTION
    with pytest.raises(AnswerFormatError):
        TASK.score(p, "1 5\ntwo four\n3 3")

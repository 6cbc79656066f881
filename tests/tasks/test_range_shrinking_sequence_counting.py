"""RangeShrinkingSequenceCounting: the state DP against listing every sequence and checking the rule literally."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.envs.counting.range_shrinking_sequence_counting import RangeShrinkingSequenceCounting

TASK = RangeShrinkingSequenceCounting()


def follows_rule(sequence: tuple[int, ...]) -> bool:
    for i in range(2, len(sequence)):
        earlier, last = sequence[: i - 1], sequence[i - 1]
        above = [v for v in earlier if v >= last]
        below = [v for v in earlier if v <= last]
        high = min(above) if above else float("inf")
        low = max(below) if below else float("-inf")
        if not low <= sequence[i] <= high:
            return False
    return True


def count_by_listing(bounds: list[int]) -> int:
    return sum(follows_rule(s) for s in itertools.product(*(range(1, r + 1) for r in bounds)))


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_generated_instances_match_listing(difficulty: int) -> None:
    for seed in range(4):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert problem.reference_answer == str(count_by_listing(p["R"]) % p["MOD"])


def test_random_bounds() -> None:
    rng = random.Random(21)
    for _ in range(60):
        bounds = [rng.randint(1, 5) for _ in range(rng.randint(1, 6))]
        assert TASK.solve({"R": bounds, "MOD": 10**9}) == count_by_listing(bounds), bounds


def test_hidden_sequence_is_counted() -> None:
    """The generator's bounds always admit its hidden sequence, so the count is positive."""
    for seed in range(20):
        p = TASK.generate(seed, 4).parameters
        assert TASK.solve({"R": p["R"], "MOD": 10**18}) > 0


def test_hand_example_and_rewards() -> None:
    p = {"R": [3, 1, 3], "MOD": 1000}  # A2 = 1, so A3 must lie in [1, A1]: 1 + 2 + 3 sequences
    assert TASK.solve(p) == 6
    assert TASK.score(p, "6").reward == 1.0
    assert TASK.score(p, "7").reward == 0.0
    assert TASK.score(p, "1000").reward == -0.5

"""BoxScheduling: the box-by-box greedy against the lexicographic optimum over every assignment of slots."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.algorithmic.box_scheduling import BoxScheduling, greedy_positions

TASK = BoxScheduling()


def brute_force(offsets: list[int], step: int, slots: int, empty: int) -> list[int]:
    """Try every assignment of the free slots; each slot's cost is its least (Y, X); keep the least (Y, X) lists."""

    def least_yx(offset: int, slot: int) -> tuple[int, int]:
        return min((y, x) for y in range(slots) for x in range(slots) if (offset + step * x + y) % slots == slot)

    best = None
    for slots_taken in itertools.permutations([s for s in range(slots) if s != empty]):
        pairs = [least_yx(offset, slot) for offset, slot in zip(offsets, slots_taken)]
        key = ([y for y, _ in pairs], [x for _, x in pairs])
        if best is None or key < best[0]:
            best = (key, list(slots_taken))
    return best[1]


def test_greedy_matches_lexicographic_optimum() -> None:
    rng = random.Random(11)
    for _ in range(150):
        n = rng.randint(3, 6)
        offsets = [rng.randint(0, n - 1) for _ in range(n - 1)]
        step, empty = rng.randint(1, n - 1), rng.randint(0, n - 1)
        assert greedy_positions(offsets, step, n, empty) == brute_force(offsets, step, n, empty)


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3])
def test_reference_answer_matches_brute_force(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        n = len(p["C"]) + 1
        if n <= 7:
            expected = brute_force(p["C"], p["D"], n, p["S"])
            assert problem.reference_answer == " ".join(map(str, expected))


def test_hand_example_and_scoring() -> None:
    p = {"C": [1, 1, 0], "D": 2, "S": 0}  # g = 2: box 1 → 1, box 2 → 3 (Y = 0, X = 1), box 3 → 2 (Y = 0, X = 1)
    assert TASK.solve(p) == [1, 3, 2]
    assert TASK.score(p, "1 3 2").reward == 1.0
    assert TASK.score(p, "1 2 3").reward == pytest.approx((1 / 3) ** 10)
    assert TASK.score(p, "1 3 0").reward == rewards.INVALID_SOLUTION
    assert TASK.score(p, "1 3").reward == rewards.INVALID_SOLUTION

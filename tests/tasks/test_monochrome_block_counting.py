"""MonochromeBlockCounting: the subset-sum DP against trying every colouring of every height."""

import itertools

import pytest

from rlve_gym.core.registry import get_task
from rlve_gym.envs.counting.monochrome_block_counting import tallest_tower_colourings

TASK = get_task("MonochromeBlockCounting")


def by_enumeration(black: int, white: int) -> int:
    tallest = max(h for h in range(black + white + 1) if h * (h + 1) // 2 <= black + white)
    for height in range(tallest, -1, -1):
        count = 0
        for colours in itertools.product((0, 1), repeat=height):
            used_black = sum(layer for layer, colour in zip(range(1, height + 1), colours) if colour)
            used_white = height * (height + 1) // 2 - used_black
            count += used_black <= black and used_white <= white
        if count:
            return count
    return 0


def test_matches_enumeration() -> None:
    for black in range(1, 16):
        for white in range(1, 16):
            assert tallest_tower_colourings(black, white) == by_enumeration(black, white)
    for difficulty in (0, 1, 2):
        for seed in range(5):
            p = TASK.generate(seed, difficulty).parameters
            assert TASK.solve(p) == by_enumeration(p["A"], p["B"])


def test_hand_example_and_rewards() -> None:
    # A = 3, B = 3: height 3 (6 blocks); black layers summing to exactly 3: {3} or {1, 2}
    p = {"A": 3, "B": 3}
    assert TASK.solve(p) == 2
    assert TASK.score(p, "2").reward == 1.0
    assert TASK.score(p, "4").reward == pytest.approx(0.5**10)
    assert TASK.score(p, "0").reward == -1.0

"""VisibleLine: the envelope sweep against testing each line at points between all crossings, exactly."""

from __future__ import annotations

import itertools
import random
from fractions import Fraction

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.algorithmic.visible_line import VisibleLine

TASK = VisibleLine()


def visible_by_sampling(lines: list[list[int]]) -> list[int]:
    crossings = sorted({Fraction(b2 - b1, a1 - a2) for a1, b1 in lines for a2, b2 in lines if a1 != a2}) or [
        Fraction(0)
    ]
    probes = [crossings[0] - 1, crossings[-1] + 1] + [(x + y) / 2 for x, y in itertools.pairwise(crossings)]
    seen = set()
    for x in probes:
        heights = [a * x + b for a, b in lines]
        top = max(heights)
        if heights.count(top) == 1:
            seen.add(heights.index(top))
    return sorted(seen)


@pytest.mark.parametrize("difficulty", [0, 1, 2, 6, 10])
def test_generated_instances_match_sampling(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        expected = visible_by_sampling(problem.parameters["lines"])
        assert problem.reference_answer == " ".join(map(str, expected))


def test_random_lines_with_many_concurrences() -> None:
    rng = random.Random(53)
    for _ in range(200):
        n = rng.randint(1, 7)
        cells = rng.sample([(a, b) for a in range(-2, 3) for b in range(-2, 3)], n)
        lines = [list(cell) for cell in cells]
        assert TASK.solve({"lines": lines}) == visible_by_sampling(lines)


def test_hand_example_and_rewards() -> None:
    # y = -x, y = x and y = 0 meet at the origin: y = 0 only touches the top there
    p = {"lines": [[-1, 0], [1, 0], [0, 0], [0, -5]]}
    assert TASK.solve(p) == [0, 1]
    assert TASK.score(p, "1 0").reward == 1.0
    assert TASK.score(p, "0 0 1").reward == 1.0  # read as a set
    assert TASK.score(p, "0 2").reward == pytest.approx((1 / 3) ** 5)
    assert TASK.score(p, "").reward == 0.0
    assert TASK.score(p, "4").reward == rewards.WRONG_FORMAT

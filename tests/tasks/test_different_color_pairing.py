"""DifferentColorPairing: the planted pairing is valid and matches the counts; hand-made answers."""

from __future__ import annotations

import random
from collections import Counter

import pytest

from rlve_gym.envs.puzzle.different_color_pairing import DifferentColorPairing

TASK = DifferentColorPairing()


@pytest.mark.parametrize("difficulty", [0, 1, 2, 10])
def test_planted_pairing_is_valid(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        n, counts = problem.parameters["N"], problem.parameters["C"]
        assert sum(counts) == n and min(counts) >= 1 and max(counts) <= n // 2 and 3 <= len(counts) <= n - 1
        pairs = [tuple(map(int, line.split())) for line in problem.reference_answer.splitlines()]
        assert len(pairs) == n // 2 and all(a != b for a, b in pairs)
        used = Counter(c for pair in pairs for c in pair)
        assert [used[i + 1] for i in range(len(counts))] == counts


def test_fallback_counts_are_balanced() -> None:
    class NoLuck(random.Random):
        """Three colours, and every draw of cuts puts N − 2 pearls on one colour."""

        def randint(self, a: int, b: int) -> int:
            return a

        def sample(self, population, k):
            return [1, 2]

    problem = TASK.sample(NoLuck(0), 2)
    assert sorted(problem.parameters["C"]) == [3, 3, 4]
    assert TASK.score(problem.parameters, problem.reference_answer).reward == 1.0


def test_hand_made_answers() -> None:
    parameters = {"N": 6, "C": [2, 2, 2]}
    assert TASK.score(parameters, "1 2\n2 3\n3 1").reward == 1.0
    assert TASK.score(parameters, "1 2\n1 2\n3 1").reward == pytest.approx((1 / 3) ** 10)  # colour 1 right only
    assert TASK.score(parameters, "1 1\n2 3\n2 3").reward == -0.5
    assert TASK.score(parameters, "1 4\n2 3\n2 3").reward == -0.5
    assert TASK.score(parameters, "1 2\n2 3").reward == -1.0
    assert TASK.verify(TASK.generate(0, 0), "<answer>1 2 3</answer>").reward == -1.0

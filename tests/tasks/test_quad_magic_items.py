"""QuadMagicItems: the sweeps against enumerating every quadruple of items."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.counting.quad_magic_items import QuadMagicItems

TASK = QuadMagicItems()


def roles_by_enumeration(values: list[int]) -> list[list[int]]:
    roles = [[0, 0, 0, 0] for _ in values]
    for quad in itertools.permutations(range(len(values)), 4):
        xa, xb, xc, xd = (values[i] for i in quad)
        if xa < xb < xc < xd and xb - xa == 2 * (xd - xc) and 3 * (xb - xa) < xc - xb:
            for role, item in enumerate(quad):
                roles[item][role] += 1
    return roles


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_generated_instances_match_enumeration(difficulty: int) -> None:
    for seed in range(3):
        problem = TASK.generate(seed, difficulty)
        expected = roles_by_enumeration(problem.parameters["X"])
        assert problem.reference_answer == "\n".join(" ".join(map(str, row)) for row in expected)


def test_random_values_with_many_formations() -> None:
    rng = random.Random(12)
    for _ in range(8):
        values = [rng.randint(1, 40) for _ in range(rng.randint(5, 14))]
        assert TASK.solve({"X": values}) == roles_by_enumeration(values)


def test_hand_example_and_rewards() -> None:
    p = {"X": [1, 3, 10, 11, 3]}  # (1, 3, 10, 11) twice: once with each 3
    assert TASK.solve(p) == [[2, 0, 0, 0], [0, 1, 0, 0], [0, 0, 2, 0], [0, 0, 0, 2], [0, 1, 0, 0]]
    assert TASK.score(p, "2 0 0 0\n0 1 0 0\n0 0 2 0\n0 0 0 2\n0 1 0 0").reward == 1.0
    assert TASK.score(p, "2 0 0 0\n0 1 0 0\n0 0 2 0\n0 0 0 2\n0 0 0 0").reward == pytest.approx(0.8**10)
    with pytest.raises(AnswerFormatError):
        TASK.score(p, "2 0 0 0\n0 1 0 0")
    with pytest.raises(AnswerFormatError):
        TASK.score(p, "2 0 0\n0 1 0 0\n0 0 2 0\n0 0 0 2\n0 1 0 0")

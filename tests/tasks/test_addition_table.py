"""AdditionTable: the shown table has exactly one solution (found by trying every digit assignment)."""

from __future__ import annotations

import itertools
import re

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.puzzle.addition_table import AdditionTable, digit_names

TASK = AdditionTable()


def solutions(prompt: str, names: list[str]) -> list[list[int]]:
    """Every assignment of the digits 0..N-1 to the names that satisfies every equation of the prompt."""
    n, width = len(names), len(names[0])
    equations = re.findall(r"^(\w+) \+ (\w+) = (\w+)$", prompt, flags=re.MULTILINE)
    assert len(equations) == n * (n + 1) // 2
    found = []
    for values in itertools.permutations(range(n)):
        value_of = dict(zip(names, values))

        def number(word: str, value_of=value_of) -> int:
            digits = [value_of[word[i : i + width]] for i in range(0, len(word), width)]
            return sum(d * n**k for k, d in enumerate(reversed(digits)))

        if all(value_of[x] + value_of[y] == number(s) for x, y, s in equations):
            found.append(list(values))
    return found


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3])
def test_the_table_has_exactly_the_reference_solution(difficulty: int) -> None:
    for seed in range(4):
        problem = TASK.generate(seed, difficulty)
        names = problem.parameters["names"]
        expected = [int(v) for v in problem.reference_answer.split()[1:]]
        assert solutions(problem.prompt, names) == [expected]


def test_names_grow_beyond_26_letters() -> None:
    assert digit_names(3) == ["a", "b", "c"]
    assert digit_names(28)[-3:] == ["az", "ba", "bb"] and len(set(digit_names(700))) == 700
    assert len(digit_names(700)[0]) == 3


def test_scoring() -> None:
    p = {"names": ["a", "b", "c"], "values": [2, 0, 1]}
    assert TASK.score(p, "3 2 0 1").reward == 1.0
    assert TASK.score(p, "3 2 1 0").reward == pytest.approx((1 / 3) ** 3)
    assert TASK.score(p, "4 2 0 1").reward == 0.0
    assert TASK.score(p, "3 2 0").reward == rewards.INVALID_SOLUTION

"""Kth_SemiBalancedBracketSequence: walk counting against every bracket string, tested by deleting each bracket."""

from __future__ import annotations

import itertools

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.algorithmic.kth_semi_balanced_bracket_sequence import Kth_SemiBalancedBracketSequence

TASK = Kth_SemiBalancedBracketSequence()


def balanced(text: str) -> bool:
    depth = 0
    for character in text:
        depth += 1 if character == "(" else -1
        if depth < 0:
            return False
    return depth == 0


def semi_balanced_strings(n: int) -> list[str]:
    """All strings of length n (sorted, "(" < ")") from which deleting one bracket leaves a balanced string."""
    return sorted(
        text
        for text in ("".join(bits) for bits in itertools.product("()", repeat=n))
        if any(balanced(text[:i] + text[i + 1 :]) for i in range(n))
    )


@pytest.mark.parametrize("n", [1, 3, 5, 7, 9, 11])
def test_every_rank_matches_the_definition(n: int) -> None:
    listing = semi_balanced_strings(n)
    for rank, expected in enumerate(listing, start=1):
        assert TASK.solve({"N": n, "K": rank}) == expected


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3])
def test_generated_instances(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        listing = semi_balanced_strings(p["N"])
        assert 1 <= p["K"] <= len(listing)
        assert problem.reference_answer == listing[p["K"] - 1]


def test_hand_example_and_invalid_answers() -> None:
    p = {"N": 3, "K": 2}  # "(()", "())", "()(", ")()" sorted: (() ()( ()) )()
    assert TASK.solve(p) == "()("
    assert TASK.score(p, "()(").reward == 1.0
    assert TASK.score(p, "(()").reward == pytest.approx((1 / 3) ** 5)
    for bad in ("()", "()((", "(a("):
        assert TASK.score(p, bad).reward == rewards.INVALID_SOLUTION

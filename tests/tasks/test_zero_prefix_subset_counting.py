"""ZeroPrefixSubsetCounting: the trie product against checking every subset."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.envs.counting.zero_prefix_subset_counting import ZeroPrefixSubsetCounting, prefix_free_subsets

TASK = ZeroPrefixSubsetCounting()


def count_by_subsets(strings: list[str]) -> int:
    total = 0
    for size in range(1, len(strings) + 1):
        for chosen in itertools.combinations(strings, size):
            total += not any(a != b and b.startswith(a) for a in chosen for b in chosen)
    return total


@pytest.mark.parametrize("difficulty", [0, 1, 2, 6, 10])
def test_generated_instances_match_subsets(difficulty: int) -> None:
    for seed in range(3 if difficulty >= 6 else 8):
        problem = TASK.generate(seed, difficulty)
        strings = problem.parameters["strings"]
        assert len(strings) == difficulty + 3 == len(set(strings))
        assert all(2 <= len(s) <= len(strings) or any(t.startswith(s) for t in strings if t != s) for s in strings)
        assert problem.reference_answer == str(count_by_subsets(strings))


def test_random_string_sets() -> None:
    rng = random.Random(7)
    for _ in range(40):
        pool = {"".join(rng.choices("ab", k=rng.randint(1, 4))) for _ in range(rng.randint(1, 9))}
        strings = sorted(pool)
        assert prefix_free_subsets(strings) == count_by_subsets(strings)


def test_hand_example_and_rewards() -> None:
    parameters = {"strings": ["a", "ab", "abb", "b"]}  # a chain a<ab<abb plus b: (3 + 1)·2 − 1
    assert TASK.solve(parameters) == 7
    assert TASK.score(parameters, "7").reward == 1.0
    assert TASK.score(parameters, "14").reward == pytest.approx(0.5**10)
    assert TASK.score(parameters, "-7").reward == -1.0

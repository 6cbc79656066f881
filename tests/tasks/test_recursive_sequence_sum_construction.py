"""RecursiveSequenceSumConstruction: the verifier against direct term sums, including huge and degenerate
indices; planted answers accepted."""

from __future__ import annotations

import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.math.recursive_sequence_sum_construction import RecursiveSequenceSumConstruction

TASK = RecursiveSequenceSumConstruction()


def term_sum(p: dict, indices: list[int]) -> int:
    terms, value = {}, p["F0"]
    for n in range(1, max(indices) + 1):
        value = p["A"] * value + p["B"]
        terms[n] = value
    return sum(terms[n] for n in indices)


@pytest.mark.parametrize("difficulty", [0, 1, 2, 10])
def test_planted_answers(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        indices = [int(v) for v in problem.reference_answer.split()]
        assert term_sum(problem.parameters, indices) == problem.parameters["S"]


def test_verifier_matches_direct_sums() -> None:
    rng = random.Random(17)
    for _ in range(400):
        p = {"F0": rng.randint(0, 3), "A": rng.choice([1, 1, 2, 3]), "B": rng.choice([0, 0, 1, 5])}
        indices = rng.sample(range(1, 15), rng.randint(1, 5))
        p["S"] = term_sum(p, indices) + rng.choice([0, 0, 1])
        probe = rng.sample(range(1, 15), rng.randint(1, 5))
        expected = term_sum(p, probe) == p["S"]
        assert TASK.score(p, " ".join(map(str, probe))).accuracy == int(expected), (p, probe)


def test_degenerate_sequences_accept_any_large_indices() -> None:
    constant = {"F0": 7, "A": 1, "B": 0, "S": 14}
    assert TASK.score(constant, "3 1000000000000").reward == 1.0
    zeros = {"F0": 0, "A": 5, "B": 0, "S": 0}
    assert TASK.score(zeros, "1 2 " + "9" * 3000).reward == 1.0
    linear = {"F0": 1, "A": 1, "B": 2, "S": 10**30 + 1}  # F(n) = 1 + 2n
    assert TASK.score(linear, str(10**30 // 2)).reward == 1.0
    growing = {"F0": 1, "A": 2, "B": 0, "S": 6}
    assert TASK.score(growing, "1 2 " + "9" * 3000).reward == 0.0  # F(huge) is far above S, decided fast


def test_hand_example_and_rewards() -> None:
    p = {"F0": 1, "A": 2, "B": 1, "S": 10}  # F = 1, 3, 7, 15, ...: 3 + 7
    assert TASK.score(p, "2 1").reward == 1.0
    assert TASK.score(p, "3").reward == 0.0
    assert TASK.score(p, "1 1").reward == rewards.INVALID_SOLUTION
    assert TASK.score(p, "0 2").reward == rewards.INVALID_SOLUTION
    with pytest.raises(AnswerFormatError):
        TASK.score(p, "")

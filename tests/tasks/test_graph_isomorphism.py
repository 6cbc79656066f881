"""GraphIsomorphism: rewards over every permutation of small graphs against an independent edge count."""

from __future__ import annotations

import itertools

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.graph.graph_isomorphism import GraphIsomorphism

TASK = GraphIsomorphism()


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3])
def test_rewards_over_all_permutations(difficulty: int) -> None:
    for seed in range(4):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        first = {frozenset(edge) for edge in p["G1"]}
        second = {frozenset(edge) for edge in p["G2"]}
        assert len(first) == len(second) == len(p["G1"])
        accepted = 0
        for mapping in itertools.permutations(range(p["N"])):
            image = {frozenset((mapping[u], mapping[v])) for u, v in first}
            verdict = TASK.score(p, " ".join(map(str, mapping)))
            assert verdict.reward == pytest.approx((len(image & second) / len(first)) ** 10)
            assert verdict.accuracy == (image == second)
            accepted += verdict.accuracy
        assert accepted >= 1
        assert TASK.score(p, problem.reference_answer).accuracy == 1


def test_hand_example_and_invalid_answers() -> None:
    p = {"N": 3, "G1": [[0, 1]], "G2": [[1, 2]]}
    assert TASK.score(p, "1 2 0").reward == 1.0
    assert TASK.score(p, "2 1 0").reward == 1.0
    assert TASK.score(p, "0 1 2").reward == 0.0
    for bad in ("1 2", "1 1 0", "1 2 3"):
        assert TASK.score(p, bad).reward == rewards.INVALID_SOLUTION

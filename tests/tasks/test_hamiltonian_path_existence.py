"""HamiltonianPathExistence: rewards over every permutation of small graphs against an independent count."""

from __future__ import annotations

import itertools

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.graph.hamiltonian_path_existence import HamiltonianPathExistence

TASK = HamiltonianPathExistence()


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3])
def test_rewards_over_all_orders(difficulty: int) -> None:
    for seed in range(4):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        n, edges = p["N"], {tuple(edge) for edge in p["edges"]}
        assert len(edges) == len(p["edges"]) and all(u != v for u, v in edges)
        accepted = 0
        for order in itertools.permutations(range(n)):
            steps = sum((order[i], order[i + 1]) in edges for i in range(n - 1))
            verdict = TASK.score(p, " ".join(map(str, order)))
            assert verdict.reward == pytest.approx((steps / (n - 1)) ** 5)
            accepted += verdict.accuracy
        assert accepted >= 1
        assert TASK.score(p, problem.reference_answer).accuracy == 1


def test_hand_example_and_invalid_answers() -> None:
    p = {"N": 3, "edges": [[2, 0], [0, 1], [1, 0]]}
    assert TASK.score(p, "2 0 1").reward == 1.0
    assert TASK.score(p, "0 1 2").reward == pytest.approx(0.5**5)
    for bad in ("2 0", "2 0 0", "2 0 3", "2 0 1 1"):
        assert TASK.score(p, bad).reward == rewards.INVALID_SOLUTION

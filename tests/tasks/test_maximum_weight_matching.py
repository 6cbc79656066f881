"""MaximumWeightMatching: the blossom reference against an enumeration of every matching."""

from __future__ import annotations

import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.graph.maximum_weight_matching import MaximumWeightMatching

TASK = MaximumWeightMatching()


def best_matching_weight(edges: list[list[int]]) -> int:
    """Branch on the first remaining edge: skip it, or take it and drop every edge touching it."""
    if not edges:
        return 0
    (u, v, w), rest = edges[0], edges[1:]
    without = best_matching_weight(rest)
    with_it = w + best_matching_weight([e for e in rest if not {e[0], e[1]} & {u, v}])
    return max(without, with_it)


@pytest.mark.parametrize("difficulty", [0, 1, 2, 4])
def test_generated_instances_match_enumeration(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert p["best"] == best_matching_weight(p["edges"])
        assert TASK.score(p, problem.reference_answer).accuracy == 1


def test_random_graphs() -> None:
    rng = random.Random(5)
    for _ in range(60):
        n = rng.randint(2, 8)
        pairs = [(u, v) for u in range(n) for v in range(u + 1, n)]
        edges = [[u, v, rng.randint(1, 9)] for u, v in rng.sample(pairs, rng.randint(1, len(pairs)))]
        p = {"N": n, "edges": edges}
        assert TASK.weight(p, TASK.solve(p)) == best_matching_weight(edges)


def test_hand_example_and_invalid_answers() -> None:
    # path 0-1-2-3 with weights 2, 3, 2: taking both ends (4) beats the middle (3)
    p = {"N": 4, "edges": [[0, 1, 2], [1, 2, 3], [2, 3, 2]], "best": 4}
    assert TASK.solve(p) == [(0, 1), (2, 3)]
    assert TASK.score(p, "1 0 3 2").reward == 1.0
    assert TASK.score(p, "1 2").reward == pytest.approx((3 / 4) ** 5)
    assert TASK.score(p, "").reward == 0.0
    for bad in ("0 2", "0 1 1 2", "0 4"):
        assert TASK.score(p, bad).reward == rewards.INVALID_SOLUTION
    with pytest.raises(AnswerFormatError):
        TASK.score(p, "0 1 2")

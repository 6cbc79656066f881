"""WYC: capped matrix lifting against counting walks weight by weight."""

from __future__ import annotations

import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.counting.wyc import WYC, walk_count_below

TASK = WYC()


def kth_weight_by_levels(n: int, edges: list[list[int]], k: int) -> int:
    """ending[w][v]: walks (empty ones included) of weight exactly w ending at v, built level by level."""
    ending = [[0] + [1] * n]
    seen, weight = 0, 0
    while True:
        weight += 1
        level = [0] * (n + 1)
        for s, t, w in edges:
            if w <= weight:
                level[t] += ending[weight - w][s]
        ending.append(level)
        seen += sum(level)
        if seen >= k:
            return weight
        assert weight < 10 * (k + n), "too few walks"


@pytest.mark.parametrize("difficulty", [0, 1, 2, 4, 8])
def test_generated_instances_match_levels(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        assert problem.reference_answer == str(kth_weight_by_levels(p["N"], p["edges"], p["K"]))


def test_random_graphs_every_k() -> None:
    rng = random.Random(67)
    for _ in range(20):
        n = rng.randint(2, 5)
        edges = [[*rng.sample(range(1, n + 1), 2), rng.randint(1, 3)] for _ in range(rng.randint(1, n + 2))]
        finite = walk_count_below(n, edges)
        for k in range(1, 40 if finite is None else finite + 1):
            assert TASK.solve({"N": n, "edges": edges, "K": k}) == kth_weight_by_levels(n, edges, k)


def test_walk_count_of_a_path() -> None:
    assert walk_count_below(3, [[1, 2, 1], [2, 3, 1]]) == 3  # 1→2, 2→3, 1→2→3
    assert walk_count_below(2, [[1, 2, 1], [2, 1, 1]]) is None


def test_hand_example_and_rewards() -> None:
    # a 2-cycle with weights 1 and 2: walks 1→2 (1), 2→1 (2), 1→2→1 (3), 2→1→2 (3), then weight 4: 1→2→1→2
    p = {"N": 2, "edges": [[1, 2, 1], [2, 1, 2]], "K": 4}
    assert TASK.solve(p) == 3
    assert TASK.solve({**p, "K": 5}) == 4
    assert TASK.score(p, "3").reward == 1.0
    assert TASK.score(p, "6").reward == pytest.approx(0.5**10)
    assert TASK.score(p, "0").reward == rewards.WRONG_FORMAT

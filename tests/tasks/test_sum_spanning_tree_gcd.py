"""SumSpanningTreeGCD: φ-weighted Kirchhoff counts against summing gcds over every (N−1)-edge subset."""

from __future__ import annotations

import itertools
import math
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.counting.sum_spanning_tree_gcd import SumSpanningTreeGCD

TASK = SumSpanningTreeGCD()


def gcd_sum_by_subsets(n: int, edges: list[list[int]]) -> int:
    total = 0
    for chosen in itertools.combinations(edges, n - 1):
        label = list(range(n + 1))
        for u, v, _ in chosen:
            if label[u] == label[v]:
                break
            old = label[u]
            label = [label[v] if x == old else x for x in label]
        else:
            total += math.gcd(*(w for _, _, w in chosen))
    return total


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_generated_instances_match_subsets(difficulty: int) -> None:
    for seed in range(5):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        exact = gcd_sum_by_subsets(p["N"], p["edges"])
        assert exact > 0
        assert problem.reference_answer == str(exact % p["MOD"]) == str(TASK.solve(p))


def test_random_graphs_with_small_modulus_effects() -> None:
    rng = random.Random(4)
    for _ in range(30):
        n = rng.randint(2, 6)
        pairs = [[u, v] for u in range(1, n + 1) for v in range(u + 1, n + 1)]
        edges = [[u, v, rng.choice([2, 3, 4, 6, 12, 5])] for u, v in rng.sample(pairs, rng.randint(0, len(pairs)))]
        p = {"N": n, "edges": edges, "MOD": 998244353}
        assert TASK.solve(p) == gcd_sum_by_subsets(n, edges) % p["MOD"]


def test_hand_example_and_rewards() -> None:
    # triangle with weights 4, 6, 8: trees {4,6}→2, {4,8}→4, {6,8}→2
    p = {"N": 3, "edges": [[1, 2, 4], [2, 3, 6], [1, 3, 8]], "MOD": 10**9 + 7}
    assert TASK.solve(p) == 8
    assert TASK.score(p, "8").reward == 1.0
    assert TASK.score(p, "9").reward == 0.0
    assert TASK.score(p, str(p["MOD"])).reward == rewards.INVALID_SOLUTION

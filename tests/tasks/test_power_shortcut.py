"""PowerShortcut: hop relations from explicit walk enumeration, and shortest sequences by exhaustive search."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.graph.power_shortcut import PowerShortcut, _hops

TASK = PowerShortcut()


def hop_pairs_by_walking(n: int, max_exponent: int, arcs: list[list[int]]) -> set[tuple[int, int]]:
    successors = [[t for s, t in arcs if s == v] for v in range(n)]
    pairs = set()
    for k in range(max_exponent + 1):
        for start in range(n):
            frontier = {start}
            for _ in range(2**k):
                frontier = {t for v in frontier for t in successors[v]}
            pairs |= {(start, end) for end in frontier}
    return pairs


def shortest_by_search(n: int, pairs: set[tuple[int, int]]) -> int:
    for length in range(2, n + 1):
        for middle in itertools.product(range(n), repeat=length - 2):
            sequence = (0, *middle, n - 1)
            if all(pair in pairs for pair in itertools.pairwise(sequence)):
                return length
    raise AssertionError("no sequence found")


def test_hop_relation_matches_walks() -> None:
    rng = random.Random(1)
    for _ in range(60):
        n = rng.randint(2, 6)
        arcs = [[s, t] for s in range(n) for t in range(n) if s != t and rng.random() < 0.3]
        k = rng.randint(0, 3)
        hops = _hops(n, k, arcs)
        assert {(s, t) for s in range(n) for t in range(n) if hops[s] >> t & 1} == hop_pairs_by_walking(n, k, arcs)


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_generated_instances_are_shortest(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        pairs = hop_pairs_by_walking(p["N"], p["K"], p["edges"])
        sequence = [int(v) for v in problem.reference_answer.split()]
        assert all(pair in pairs for pair in itertools.pairwise(sequence))
        assert len(sequence) == shortest_by_search(p["N"], pairs)


def test_hand_example_and_rewards() -> None:
    p = {"N": 6, "K": 1, "edges": [[0, 1], [1, 2], [2, 3], [3, 4], [4, 5]]}  # a path; hops of 1 or 2 edges
    assert len(TASK.solve(p)) == 4
    assert TASK.score(p, "0 1 3 5").reward == 1.0
    assert TASK.score(p, "0 1 2 3 4 5").reward == pytest.approx((4 / 6) ** 5)
    assert TASK.score(p, "0 4 5").reward == rewards.INVALID_SOLUTION
    assert TASK.score(p, "1 3 5").reward == rewards.INVALID_SOLUTION
    assert TASK.score(p, "0 2 4 6").reward == rewards.INVALID_SOLUTION

"""SCC_Sequence_Counting: the (components, drops) DP against exploring every edge order on 3 and 4 vertices."""

from __future__ import annotations

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.counting.scc_sequence_counting import SCC_Sequence_Counting

TASK = SCC_Sequence_Counting()


def components(n: int, graph: int, arcs: list[tuple[int, int]]) -> int:
    reach = [1 << v for v in range(n)]
    for _ in range(n):  # transitive closure by repeated relaxation
        for index, (u, v) in enumerate(arcs):
            if graph >> index & 1:
                reach[u] |= reach[v]
    return len({frozenset(t for t in range(n) if reach[s] >> t & 1 and reach[t] >> s & 1) for s in range(n)})


def sequences_by_search(n: int) -> list[int]:
    """Walk all prefixes of SCC sequences, keeping for each the set (a bitmask) of graphs that realise it."""
    arcs = [(u, v) for u in range(n) for v in range(n) if u != v]
    count = [components(n, graph, arcs) for graph in range(1 << len(arcs))]
    successors = [[0] * (n + 1) for _ in range(1 << len(arcs))]
    for graph in range(1 << len(arcs)):
        for index in range(len(arcs)):
            if not graph >> index & 1:
                successors[graph][count[graph | 1 << index]] |= 1 << (graph | 1 << index)
    prefixes, totals = [1], []  # the empty prefix is realised by the empty graph (bit 0)
    for _ in arcs:
        extended = []
        for graphs in prefixes:
            by_count = [0] * (n + 1)
            while graphs:
                low = graphs & -graphs
                graphs ^= low
                for c, reached in enumerate(successors[low.bit_length() - 1]):
                    by_count[c] |= reached
            extended += [reached for reached in by_count if reached]
        prefixes = extended
        totals.append(len(prefixes))
    return totals


@pytest.mark.parametrize("n", [2, 3, 4])
def test_counts_match_search(n: int) -> None:
    assert TASK.solve({"N": n, "MOD": 10**9}) == sequences_by_search(n)


@pytest.mark.parametrize("difficulty", [0, 1])
def test_generated_instances_at_small_difficulty(difficulty: int) -> None:
    exact = sequences_by_search(3 + difficulty)
    for seed in range(5):
        problem = TASK.generate(seed, difficulty)
        modulus = problem.parameters["MOD"]
        assert problem.reference_answer == " ".join(str(v % modulus) for v in exact)


def test_hand_example_and_rewards() -> None:
    p = {"N": 3, "MOD": 1000}  # 1 2 4 7 7 7 (e.g. E = 2: 3 3 or 3 2)
    assert TASK.solve(p) == [1, 2, 4, 7, 7, 7]
    assert TASK.score(p, "1 2 4 7 7 7").reward == 1.0
    assert TASK.score(p, "1 2 4 7 7 8").reward == pytest.approx((5 / 6) ** 10)
    assert TASK.score(p, "1 2 4 7 7").reward == rewards.INVALID_SOLUTION

"""CycleCounting: the path DP against testing every edge subset for being one cycle."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.envs.counting.cycle_counting import CycleCounting, count_simple_cycles

TASK = CycleCounting()


def cycles_by_edge_subsets(n: int, edges: list[list[int]]) -> int:
    """Edge sets where every touched vertex has degree 2 and the touched vertices are connected."""
    total = 0
    for size in range(3, len(edges) + 1):
        for chosen in itertools.combinations(edges, size):
            degree: dict[int, int] = {}
            for u, v in chosen:
                degree[u] = degree.get(u, 0) + 1
                degree[v] = degree.get(v, 0) + 1
            if any(d != 2 for d in degree.values()):
                continue
            reached, frontier = {chosen[0][0]}, [chosen[0][0]]
            while frontier:
                x = frontier.pop()
                for u, v in chosen:
                    for a, b in ((u, v), (v, u)):
                        if a == x and b not in reached:
                            reached.add(b)
                            frontier.append(b)
            total += len(reached) == len(degree)
    return total


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_generated_instances_match_edge_subsets(difficulty: int) -> None:
    for seed in range(6):
        problem = TASK.generate(seed, difficulty)
        n, edges = problem.parameters["N"], problem.parameters["edges"]
        assert problem.reference_answer == str(cycles_by_edge_subsets(n, edges))
        assert problem.parameters["cycles"] == count_simple_cycles(n, edges)


def test_random_graphs_up_to_seven_vertices() -> None:
    rng = random.Random(5)
    for _ in range(25):
        n = rng.randint(1, 7)
        pairs = [[u, v] for u in range(n) for v in range(u + 1, n)]
        edges = rng.sample(pairs, rng.randint(0, min(len(pairs), 13)))
        assert count_simple_cycles(n, edges) == cycles_by_edge_subsets(n, edges)


def test_complete_graphs_and_rewards() -> None:
    # simple cycles of K_n (OEIS A002807)
    for n, expected in [(3, 1), (4, 7), (5, 37), (6, 197), (10, 556014), (14, 9174170011)]:
        complete = [[u, v] for u in range(n) for v in range(u + 1, n)]
        assert count_simple_cycles(n, complete) == expected
    parameters = {"N": 4, "edges": [[0, 1], [1, 2], [2, 0], [2, 3]], "cycles": 1}
    assert TASK.score(parameters, "1").reward == 1.0
    assert TASK.score(parameters, "2").reward == pytest.approx(0.5**10)
    assert TASK.score(parameters, "-1").reward == -1.0
    acyclic = {"N": 3, "edges": [[0, 1]], "cycles": 0}
    assert TASK.score(acyclic, "0").reward == 1.0
    assert TASK.score(acyclic, "1").reward == 0.0

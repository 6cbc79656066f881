"""HamiltonianPath: Held–Karp over shortest paths against Dijkstra over (visited set, vertex) states."""

import heapq
import itertools

from rlve_gym.core.registry import get_task
from rlve_gym.envs.graph.hamiltonian_path import EXACT_SOLVER_LIMIT

TASK = get_task("HamiltonianPath")


def _cheapest_cover_by_state_search(n: int, edges: list[list[int]]) -> int:
    out = [[] for _ in range(n)]
    for s, t, w in edges:
        out[s].append((t, w))
    full = (1 << n) - 1
    best = {}
    heap = [(0, 1 << v, v) for v in range(n)]
    while heap:
        cost, visited, v = heapq.heappop(heap)
        if visited == full:
            return cost
        if best.get((visited, v), float("inf")) <= cost:
            continue
        best[(visited, v)] = cost
        for t, w in out[v]:
            heapq.heappush(heap, (cost + w, visited | 1 << t, t))
    raise AssertionError("no covering walk")


def _walk_weight(edges: list[list[int]], walk: list[int]) -> int:
    weight = {(s, t): w for s, t, w in edges}
    return sum(weight[pair] for pair in itertools.pairwise(walk))


def test_optimum_matches_state_search():
    for difficulty in (0, 1, 2, 3):
        for seed in range(8):
            problem = TASK.generate(seed, difficulty)
            n, edges = problem.parameters["N"], problem.parameters["edges"]
            best = _cheapest_cover_by_state_search(n, edges)
            assert problem.parameters["best_weight"] == best
            walk = list(map(int, problem.reference_answer.split()))
            assert set(walk) == set(range(n)) and _walk_weight(edges, walk) == best


def test_planted_branch_beyond_the_exact_limit_is_optimal():
    difficulty = EXACT_SOLVER_LIMIT - 3 + 1
    problem = TASK.generate(0, difficulty)
    n = problem.parameters["N"]
    assert n == EXACT_SOLVER_LIMIT + 1 and problem.parameters["best_weight"] == n - 1
    walk = list(map(int, problem.reference_answer.split()))
    assert sorted(walk) == list(range(n)) and _walk_weight(problem.parameters["edges"], walk) == n - 1


def test_hand_example_and_invalid_answers():
    parameters = {"N": 3, "edges": [[0, 1, 1], [1, 2, 1], [2, 0, 5], [1, 0, 1]], "best_weight": 2}
    assert TASK.solve(parameters) == (2, [0, 1, 2])
    assert TASK.score(parameters, "0 1 2").reward == 1.0
    assert TASK.score(parameters, "1 0 1 2").reward == (2 / 3) ** 5  # revisiting is allowed, just costlier
    assert TASK.score(parameters, "0 1").reward == -0.5  # vertex 2 never visited
    assert TASK.score(parameters, "0 2 1").reward == -0.5  # no edge 0 -> 2
    assert TASK.score(parameters, "0 1 3").reward == -0.5

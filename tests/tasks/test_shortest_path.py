"""ShortestPath: Dijkstra's optimum against every simple path, and the 'no shortcut' construction."""

import itertools

from rlve_gym import get_task


def best_simple_path(n: int, edges: list[list[int]]) -> int:
    weight = {(u, v): w for u, v, w in edges}
    best = None
    for size in range(0, n - 1):
        for middle in itertools.permutations(range(1, n - 1), size):
            path = (0, *middle, n - 1)
            if all(pair in weight for pair in itertools.pairwise(path)):
                total = sum(weight[pair] for pair in itertools.pairwise(path))
                best = total if best is None else min(best, total)
    return best


def test_optimum_matches_brute_force() -> None:
    task = get_task("ShortestPath")
    for difficulty in range(3):
        for seed in range(8):
            problem = task.generate(seed, difficulty)
            n, edges = problem.parameters["N"], problem.parameters["edges"]
            optimum, _ = task.solve(problem.parameters)
            assert optimum == best_simple_path(n, edges)
            pairs = {(u, v) for u, v, _ in edges}
            assert (0, n - 1) not in pairs
            assert not any((0, t) in pairs and (t, n - 1) in pairs for t in range(1, n - 1))


def test_invalid_paths() -> None:
    task = get_task("ShortestPath")
    problem = task.generate(0, 2)
    n = problem.parameters["N"]
    assert task.verify(problem, f"<answer>0 {n - 1}</answer>").reward == -0.5  # no direct edge
    assert task.verify(problem, f"<answer>1 {n - 1}</answer>").reward == -0.5  # wrong start
    assert task.verify(problem, f"<answer>0 {n}</answer>").reward == -0.5  # out of range

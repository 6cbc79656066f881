"""ThreeVertexCycleCounting: edge-based triangle count against checking every vertex triple."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.envs.counting.three_vertex_cycle_counting import ThreeVertexCycleCounting

TASK = ThreeVertexCycleCounting()


def triangles_by_triples(n: int, edges: list[list[int]]) -> int:
    present = {frozenset(edge) for edge in edges}
    return sum(
        all(frozenset(pair) in present for pair in itertools.combinations(triple, 2))
        for triple in itertools.combinations(range(n), 3)
    )


@pytest.mark.parametrize("difficulty", [0, 1, 2, 6])
def test_generated_instances_match_triples(difficulty: int) -> None:
    for seed in range(8):
        problem = TASK.generate(seed, difficulty)
        n, edges = problem.parameters["N"], problem.parameters["edges"]
        assert len({tuple(edge) for edge in edges}) == len(edges)
        assert problem.reference_answer == str(triangles_by_triples(n, edges))


def test_random_dense_graphs() -> None:
    rng = random.Random(2)
    for _ in range(30):
        n = rng.randint(3, 9)
        pairs = [[u, v] for u in range(n) for v in range(u + 1, n)]
        edges = rng.sample(pairs, rng.randint(0, len(pairs)))
        assert TASK.solve({"N": n, "edges": edges}) == triangles_by_triples(n, edges)


def test_hand_example_and_rewards() -> None:
    parameters = {"N": 5, "edges": [[0, 1], [1, 2], [0, 2], [2, 3], [1, 3], [3, 4]]}  # 012, 123
    assert TASK.solve(parameters) == 2
    assert TASK.score(parameters, "2").reward == 1.0
    assert TASK.score(parameters, "1").reward == pytest.approx(0.5**10)
    assert TASK.score(parameters, "0").reward == 0.0
    assert TASK.score(parameters, "-2").reward == -1.0

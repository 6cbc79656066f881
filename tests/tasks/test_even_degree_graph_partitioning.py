"""EvenDegreeGraphPartitioning: planted labels are valid; brute force confirms the checker's notion of validity."""

from __future__ import annotations

import itertools

import pytest

from rlve_gym.envs.graph.even_degree_graph_partitioning import EvenDegreeGraphPartitioning

TASK = EvenDegreeGraphPartitioning()


def brute_valid(n: int, edges: list[list[int]], labels: tuple[int, ...]) -> bool:
    return all(sum(1 for u, v in edges if vertex in (u, v) and labels[u] == labels[v]) % 2 == 0 for vertex in range(n))


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3])
def test_reference_valid_and_verifier_agrees_with_brute_force(difficulty: int) -> None:
    for seed in range(4):
        problem = TASK.generate(seed, difficulty)
        n, edges = problem.parameters["N"], problem.parameters["edges"]
        assert edges and len({tuple(e) for e in edges}) == len(edges)
        assert all(0 <= u < v < n for u, v in edges)
        reference = tuple(map(int, problem.reference_answer.split()))
        assert brute_valid(n, edges, reference)
        for labels in itertools.product((1, 2), repeat=n):
            accepted = TASK.score(problem.parameters, " ".join(map(str, labels))).accuracy == 1
            assert accepted == brute_valid(n, edges, labels)


def test_hand_example_and_invalid_answers() -> None:
    parameters = {"N": 4, "edges": [[0, 1], [1, 2], [0, 2], [2, 3]]}
    assert TASK.score(parameters, "1 1 1 2").reward == 1.0  # triangle together, 3 alone
    assert TASK.score(parameters, "1 1 1 1").reward == pytest.approx((2 / 4) ** 10)  # 2 and 3 have odd degree
    assert TASK.score(parameters, "1 1 1").reward == -0.5
    assert TASK.score(parameters, "1 1 1 3").reward == -0.5

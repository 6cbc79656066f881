"""ImpParty: the verifier against brute-force clique checks over every vertex subset at small N."""

from __future__ import annotations

import itertools

import pytest

from rlve_gym.envs.graph.imp_party import ImpParty

TASK = ImpParty()


@pytest.mark.parametrize("difficulty", [0, 1])
def test_verifier_accepts_exactly_the_cliques(difficulty: int) -> None:
    for seed in range(3):
        problem = TASK.generate(seed, difficulty)
        n, edges = problem.parameters["N"], {tuple(e) for e in problem.parameters["edges"]}
        assert len(edges) == len(problem.parameters["edges"]) and all(0 <= u < v < 3 * n for u, v in edges)
        big_cliques = [
            c for c in itertools.combinations(range(3 * n), 2 * n) if set(itertools.combinations(c, 2)) <= edges
        ]
        assert big_cliques, "the planted 2N-clique must exist"
        for subset in itertools.combinations(range(3 * n), n):
            is_clique = set(itertools.combinations(subset, 2)) <= edges
            assert (TASK.score(problem.parameters, " ".join(map(str, subset))).accuracy == 1) == is_clique
        reference = list(map(int, problem.reference_answer.split()))
        assert set(itertools.combinations(sorted(reference), 2)) <= edges


def test_hand_example_and_invalid_answers() -> None:
    parameters = {"N": 3, "edges": [[0, 1], [0, 2], [1, 2], [2, 3]]}
    assert TASK.score(parameters, "2 0 1").reward == 1.0
    assert TASK.score(parameters, "1 2 3").reward == pytest.approx((2 / 3) ** 5)
    assert TASK.score(parameters, "0 1").reward == -0.5
    assert TASK.score(parameters, "0 1 1").reward == -0.5
    assert TASK.score(parameters, "0 1 9").reward == -0.5

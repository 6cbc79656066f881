"""SubgraphIsomorphism: the verifier against every injection at small N."""

from __future__ import annotations

import itertools

import pytest

from rlve_gym.envs.graph.subgraph_isomorphism import SubgraphIsomorphism

TASK = SubgraphIsomorphism()


def brute_ok(parameters: dict, mapping: tuple[int, ...]) -> bool:
    small = {frozenset(e) for e in parameters["G1"]}
    big = {frozenset(e) for e in parameters["G2"]}
    return all(
        (frozenset((u, v)) in small) == (frozenset((mapping[u], mapping[v])) in big)
        for u, v in itertools.combinations(range(parameters["N1"]), 2)
    )


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_verifier_accepts_exactly_the_embeddings(difficulty: int) -> None:
    for seed in range(4):
        problem = TASK.generate(seed, difficulty)
        parameters = problem.parameters
        n1, n2 = parameters["N1"], parameters["N2"]
        assert 3 <= n1 <= n2 == difficulty + 3 and parameters["G2"]
        found = 0
        for mapping in itertools.permutations(range(n2), n1):
            accepted = TASK.score(parameters, " ".join(map(str, mapping))).accuracy == 1
            assert accepted == brute_ok(parameters, mapping)
            found += accepted
        assert found and brute_ok(parameters, tuple(map(int, problem.reference_answer.split())))


def test_hand_example_and_invalid_answers() -> None:
    parameters = {"N1": 3, "G1": [[0, 1], [1, 2]], "N2": 4, "G2": [[0, 1], [1, 2], [2, 3], [0, 2]]}
    assert TASK.score(parameters, "1 2 3").reward == 1.0  # path 1-2-3, and 1, 3 are not adjacent
    assert TASK.score(parameters, "0 1 2").reward == pytest.approx((2 / 3) ** 10)  # 0-2 is an extra edge
    assert TASK.score(parameters, "0 1").reward == -0.5
    assert TASK.score(parameters, "0 1 1").reward == -0.5
    assert TASK.score(parameters, "0 1 4").reward == -0.5

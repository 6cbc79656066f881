"""DistinctEdgeColoredCompleteGraphCounting: Burnside over cycle types against listing the orbits of all colourings."""

from __future__ import annotations

import itertools

import pytest

from rlve_gym.envs.counting.distinct_edge_colored_complete_graph_counting import (
    DistinctEdgeColoredCompleteGraphCounting,
    non_isomorphic_colourings,
)

TASK = DistinctEdgeColoredCompleteGraphCounting()


def count_orbits(n: int, colours: int) -> int:
    """Walk every colouring; each one not seen yet starts a new orbit, whose members are all marked seen."""
    pairs = list(itertools.combinations(range(n), 2))
    relabellings = [
        [pairs.index(tuple(sorted((p[u], p[v])))) for u, v in pairs] for p in itertools.permutations(range(n))
    ]
    seen: set[tuple[int, ...]] = set()
    orbits = 0
    for colouring in itertools.product(range(colours), repeat=len(pairs)):
        if colouring in seen:
            continue
        orbits += 1
        for image in relabellings:
            mapped = [0] * len(pairs)
            for edge, target in enumerate(image):
                mapped[target] = colouring[edge]
            seen.add(tuple(mapped))
    return orbits


@pytest.mark.parametrize(("n", "colours"), [(1, 5), (2, 3), (3, 2), (3, 3), (4, 2), (4, 3), (5, 2)])
def test_burnside_matches_orbit_listing(n: int, colours: int) -> None:
    assert non_isomorphic_colourings(n, colours) == count_orbits(n, colours)


def test_known_values() -> None:
    # two colours: graphs up to isomorphism (OEIS A000088), and three colours on 4 vertices (A063841)
    assert [non_isomorphic_colourings(n, 2) for n in range(1, 10)] == [1, 2, 4, 11, 34, 156, 1044, 12346, 274668]
    assert non_isomorphic_colourings(4, 3) == 66


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_generated_references(difficulty: int) -> None:
    for seed in range(4):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        if p["N"] <= 4 and p["M"] ** (p["N"] * (p["N"] - 1) // 2) <= 50_000:
            assert non_isomorphic_colourings(p["N"], p["M"]) == count_orbits(p["N"], p["M"])
        assert problem.reference_answer == str(non_isomorphic_colourings(p["N"], p["M"]) % p["MOD"])


def test_rewards() -> None:
    parameters = {"N": 4, "M": 2, "MOD": 7}
    assert TASK.score(parameters, "4").reward == 1.0  # 11 graphs on 4 vertices
    assert TASK.score(parameters, "11").reward == -0.5
    assert TASK.score(parameters, "3").reward == 0.0

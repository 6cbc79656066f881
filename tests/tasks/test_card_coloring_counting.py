"""CardColoringCounting: every orbit-counting route against a search over all colourings."""

from __future__ import annotations

import itertools
import random

import pytest

from rlve_gym.core import rewards
from rlve_gym.envs.counting import card_coloring_counting as module
from rlve_gym.envs.counting.card_coloring_counting import CardColoringCounting, colouring_orbits

TASK = CardColoringCounting()


def brute_force(generators: list[list[int]], counts: tuple[int, ...]) -> int:
    """Orbits of the colourings under the generators, by depth-first search."""
    n = sum(counts)
    colours = [c for c, k in enumerate(counts) for _ in range(k)]
    seen, orbits = set(), 0
    for colouring in set(itertools.permutations(colours)):
        if colouring in seen:
            continue
        orbits += 1
        seen.add(colouring)
        stack = [colouring]
        while stack:
            current = stack.pop()
            for g in generators:
                moved = [0] * n
                for i in range(n):
                    moved[g[i]] = current[i]
                if tuple(moved) not in seen:
                    seen.add(tuple(moved))
                    stack.append(tuple(moved))
    return orbits


def test_every_route_matches_search() -> None:
    rng = random.Random(1)
    for _ in range(150):
        n = rng.randint(1, 7)
        generators = [rng.sample(range(n), n) for _ in range(rng.randint(0, 3))]
        red = rng.randint(0, n)
        green = rng.randint(0, n - red)
        counts = (red, green, n - red - green)
        expected = brute_force(generators, counts)
        assert colouring_orbits(generators, counts) == expected
        if generators:
            assert module._colouring_orbits(generators, counts) == expected
            listed = module._enumerated_orbits(generators, counts)
            assert listed == expected or (listed is None and n == 7)  # only S_7 exceeds the listing limit
            assert module._cyclic_orbits(generators[0], counts) == brute_force(generators[:1], counts)


def test_alternating_group_shortcut() -> None:
    # two 3-cycles generate A_4 (order 12), and A_3 splits the six rainbow colourings of 3 cards into two orbits
    a4 = [[1, 2, 0, 3], [0, 2, 3, 1]]
    for counts in [(1, 1, 2), (2, 2, 0), (1, 3, 0)]:
        assert colouring_orbits(a4, counts) == brute_force(a4, counts)
    a3 = [[1, 2, 0], [2, 0, 1]]
    assert colouring_orbits(a3, (1, 1, 1)) == 2 == brute_force(a3, (1, 1, 1))


@pytest.mark.parametrize("difficulty", [0, 1, 2, 3])
def test_reference_answer_matches_search(difficulty: int) -> None:
    for seed in range(5):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        generators = [[v - 1 for v in shuffle] for shuffle in p["shuffles"]]
        assert int(problem.reference_answer) == p["orbits"] == brute_force(generators, (p["R"], p["G"], p["B"]))


def test_scoring() -> None:
    p = {"R": 2, "G": 2, "B": 0, "shuffles": [[2, 3, 4, 1]], "orbits": 2}  # rotations of 4 cards: RRGG and RGRG
    assert TASK.solve(p) == 2
    assert TASK.score(p, "2").reward == 1.0
    assert TASK.score(p, "4").reward == pytest.approx(0.5**10)
    assert TASK.score(p, "0").reward == rewards.WRONG_FORMAT

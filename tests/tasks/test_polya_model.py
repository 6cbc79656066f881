"""PolyaModel: the exchangeability product against summing over every sequence of drawn colours."""

from __future__ import annotations

import itertools
import random
from fractions import Fraction

import pytest

from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.envs.math.polya_model import PolyaModel

TASK = PolyaModel()


def probability_by_enumeration(counts: list[int], added: int, events: list[list[int]]) -> Fraction:
    last_step = max(step for step, _ in events)
    wanted = dict((step, colour - 1) for step, colour in events)
    total = Fraction(0)
    for draws in itertools.product(range(len(counts)), repeat=last_step):
        urn, probability = list(counts), Fraction(1)
        for colour in draws:
            probability *= Fraction(urn[colour], sum(urn))
            urn[colour] += added
        if all(draws[step - 1] == colour for step, colour in wanted.items()):
            total += probability
    return total


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_generated_instances_match_enumeration(difficulty: int) -> None:
    for seed in range(5):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        gold = probability_by_enumeration(p["counts"], p["D"], p["events"])
        assert problem.reference_answer == f"{gold.numerator}/{gold.denominator}"


def test_random_urns() -> None:
    rng = random.Random(4)
    for _ in range(40):
        colours = rng.randint(2, 3)
        counts = [rng.randint(1, 4) for _ in range(colours)]
        steps = sorted(rng.sample(range(1, 6), rng.randint(1, 3)))
        events = [[s, rng.randint(1, colours)] for s in steps]
        parameters = {"counts": counts, "D": rng.randint(1, 3), "events": events}
        assert TASK.solve(parameters) == probability_by_enumeration(counts, parameters["D"], events)


def test_hand_example_and_rewards() -> None:
    # 1 red, 1 blue, D = 1: P(step 2 is red) = 1/2 by symmetry
    p = {"counts": [1, 1], "D": 1, "events": [[2, 1]]}
    assert TASK.solve(p) == Fraction(1, 2)
    assert TASK.score(p, "1/2").reward == 1.0
    assert TASK.score(p, " 1 / 2 ").reward == 1.0
    assert TASK.score(p, "2/4").reward == 0.0
    assert TASK.score(p, "1/3").reward == 0.0
    assert TASK.score(p, "1/0").reward == 0.0
    for bad in ("0.5", "1/2/3", "half"):
        with pytest.raises(AnswerFormatError):
            TASK.score(p, bad)

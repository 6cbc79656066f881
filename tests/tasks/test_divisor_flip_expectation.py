"""DivisorFlipExpectation: the layered formula against solving the Markov chain over all 2^N light states."""

from __future__ import annotations

import functools
import itertools
import math
import operator
import random
from collections import deque
from fractions import Fraction

import pytest

from rlve_gym.envs.counting.divisor_flip_expectation import DivisorFlipExpectation, fewest_presses

TASK = DivisorFlipExpectation()


def expectation_by_markov_chain(state: list[int], limit: int) -> Fraction:
    n = len(state)
    masks = [sum(1 << (d - 1) for d in range(1, i + 1) if i % d == 0) for i in range(1, n + 1)]
    # shortest press counts by breadth-first search from the all-off state (presses are involutions)
    distance = {0: 0}
    queue = deque([0])
    while queue:
        current = queue.popleft()
        for mask in masks:
            if current ^ mask not in distance:
                distance[current ^ mask] = distance[current] + 1
                queue.append(current ^ mask)
    states = sorted(distance)
    index = {s: i for i, s in enumerate(states)}
    size = len(states)
    # E[s] = d(s) if d(s) ≤ K, else 1 + (1/N) Σ_switch E[s ^ switch]
    rows = []
    for s in states:
        row = [Fraction(0)] * (size + 1)
        row[index[s]] = Fraction(1)
        if distance[s] <= limit:
            row[size] = Fraction(distance[s])
        else:
            for mask in masks:
                row[index[s ^ mask]] -= Fraction(1, n)
            row[size] = Fraction(1)
        rows.append(row)
    for column in range(size):
        pivot = next(r for r in range(column, size) if rows[r][column] != 0)
        rows[column], rows[pivot] = rows[pivot], rows[column]
        lead = rows[column][column]
        rows[column] = [value / lead for value in rows[column]]
        for r in range(size):
            if r != column and rows[r][column] != 0:
                factor = rows[r][column]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[column])]
    start = sum(bit << i for i, bit in enumerate(state))
    return rows[index[start]][size]


def test_greedy_presses_match_breadth_first_search() -> None:
    for n in range(1, 8):
        masks = [sum(1 << (d - 1) for d in range(1, i + 1) if i % d == 0) for i in range(1, n + 1)]
        for bits in itertools.product((0, 1), repeat=n):
            start = sum(b << i for i, b in enumerate(bits))
            best = min(
                size
                for size in range(n + 1)
                for chosen in itertools.combinations(masks, size)
                if start == functools.reduce(operator.xor, chosen, 0)
            )
            assert fewest_presses(list(bits)) == best


@pytest.mark.parametrize("difficulty", [0, 1, 2])
def test_generated_instances_match_markov_chain(difficulty: int) -> None:
    for seed in range(4):
        problem = TASK.generate(seed, difficulty)
        p = problem.parameters
        n = len(p["state"])
        exact = expectation_by_markov_chain(p["state"], p["K"]) * math.factorial(n)
        assert exact.denominator == 1
        assert problem.reference_answer == str(exact.numerator % (10**9 + 7))


def test_random_states_and_limits() -> None:
    rng = random.Random(9)
    for _ in range(12):
        n = rng.randint(1, 5)
        parameters = {"state": [rng.randint(0, 1) for _ in range(n)], "K": rng.randint(0, n)}
        exact = expectation_by_markov_chain(parameters["state"], parameters["K"]) * math.factorial(n)
        assert TASK.solve(parameters) == exact.numerator % (10**9 + 7)


def test_hand_example_and_rewards() -> None:
    # one light, on: switch 1 is the only switch, one press; with K = 0 it is pressed at random: still 1
    assert TASK.solve({"state": [1], "K": 0}) == 1
    # light 2 on needs switches 2 and 1; from 2 needed, f_2 = 1 and f_1 = 1 + (1 + f_2) = 3: E = 4, E·2! = 8
    parameters = {"state": [0, 1], "K": 0}
    assert TASK.solve(parameters) == 8
    assert TASK.solve({"state": [0, 1], "K": 2}) == 4  # finish at once: 2 presses
    assert TASK.score(parameters, "8").reward == 1.0
    assert TASK.score(parameters, "4").reward == 0.0
    assert TASK.score(parameters, str(10**9 + 7)).reward == -0.5

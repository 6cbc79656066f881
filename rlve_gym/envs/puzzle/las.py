"""Food choices around a circle: find an assignment where nobody gains by switching (a pure Nash equilibrium)."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 10.0


def content(calories: list[int], previous_right: bool, right: bool, next_right: bool, i: int) -> bool:
    """Whether person i (0-based) does not gain by switching, given the choices of persons i - 1, i, i + 1
    (True = the right-hand food (i + 1) mod n, False = food i). Calories are doubled so halves stay integral."""
    n = len(calories)
    own, other = calories[i], calories[(i + 1) % n]
    # doubled share of food i / food i+1 for a person eating it, with or without the neighbour eating it too
    left_share = own if previous_right else 2 * own
    right_share = other if not next_right else 2 * other
    if right:
        # staying on the right food; switching to food i shares it if person i-1 also eats food i
        return right_share >= left_share
    return left_share >= right_share


def stable_choices(calories: list[int]) -> list[bool] | None:
    """Choices (True = right food) with everyone content, by a DP around the cycle over (c[i-1], c[i]); such an
    assignment always exists (a singleton congestion game has a pure equilibrium), None would mean a bug."""
    n = len(calories)
    for first in (False, True):
        for second in (False, True):
            # reachable[(c[i-1], c[i])] = back-pointer c[i-2] (None at the start)
            layers: list[dict[tuple[bool, bool], bool | None]] = [{(first, second): None}]
            for i in range(1, n - 1):
                layer: dict[tuple[bool, bool], bool | None] = {}
                for (before, here), _ in layers[-1].items():
                    for after in (False, True):
                        if content(calories, before, here, after, i) and (here, after) not in layer:
                            layer[here, after] = before
                layers.append(layer)
            for before, last in layers[-1]:
                if content(calories, before, last, first, n - 1) and content(calories, last, first, second, 0):
                    choices = [last]
                    state = (before, last)
                    for layer in reversed(layers[1:]):
                        back = layer[state]
                        choices.append(state[0])
                        state = (back, state[0])
                    choices.reverse()
                    return [first, *choices] if len(choices) == n - 1 else None
    return None


class LAS(Task):
    """N people sit in a circle with N foods; person i eats food i or food i+1 (person N: food N or food 1), and two
    people on one food share its C calories equally. Find choices where no one would get more by switching alone.

    Everyone's payoff depends only on the neighbours' choices, so a DP around the circle over two consecutive choices
    finds an equilibrium (one always exists: each person picks a food and payoffs fall with crowding, a potential
    game).
    Difficulty: N ← int(1.1·N + 1) from 3; C[i] uniform in [1, 2N].
    Reward: -1 unparsable or not N numbers; -0.5 if someone picks a food they cannot choose; otherwise
    (people who would not gain by switching / N)^10.
    Answer: the foods chosen by persons 1..N on one line, separated by spaces.
    """

    family = "puzzle"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        calories = [rng.randint(1, 2 * n) for _ in range(n)]
        choices = stable_choices(calories)
        if choices is None:
            raise AssertionError("a pure equilibrium always exists")
        foods = [(i + 1) % n + 1 if right else i + 1 for i, right in enumerate(choices)]
        return Instance({"N": n, "C": calories}, " ".join(map(str, foods)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n = parameters["N"]
        calories = ", ".join(f"C[{i}]={c}" for i, c in enumerate(parameters["C"], 1))
        return (
            f"There are {n} people, numbered 1 to {n}, and {n} foods, numbered 1 to {n}; food i has C[i] calories: "
            f"{calories}.\n"
            f"Person i (1 ≤ i < {n}) eats either food i or food i + 1; person {n} eats either food {n} or food 1. A "
            "food eaten by one person gives that person all its calories; a food eaten by two people is shared "
            "equally between them.\n"
            "Choose a food for every person so that nobody would get strictly more calories by switching to their "
            "other food while everyone else keeps their choice.\n"
            f"Write the foods chosen by persons 1, 2, ..., {n} on one line, separated by spaces."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        foods = parse_int_list(answer)
        calories = parameters["C"]
        n = len(calories)
        if len(foods) != n:
            raise AnswerFormatError(f"expected {n} numbers, got {len(foods)}")
        choices = []
        for i, food in enumerate(foods):
            if food not in (i + 1, (i + 1) % n + 1):
                return rewards.invalid(f"person {i + 1} cannot eat food {food}")
            choices.append(food != i + 1)
        happy = sum(content(calories, choices[i - 1], choices[i], choices[(i + 1) % n], i) for i in range(n))
        return rewards.partial(happy / n, _BETA, f"{happy}/{n} people would not gain by switching")

"""Passengers on a train whose boarding numbers follow a Fibonacci rule (NOIP 1998, Luogu P1011)."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_MAX_BOARDING = 20


def passengers_after(first: int, second: int, stations: int) -> list[int]:
    """onboard[i] after the train leaves station i (index 0 unused), for stations 1 … N − 1, when `first` board at
    station 1 and `second` at station 2 (as many leave there); from station 3 the boarding count is the sum of the
    previous two and the leaving count equals the previous boarding count."""
    boarding = [0, first, second]
    onboard = [0, first, first]
    for _ in range(3, stations):
        boarding.append(boarding[-1] + boarding[-2])
        onboard.append(onboard[-1] + boarding[-1] - boarding[-2])
    return onboard


class Fibtrain(Task):
    """A train leaves station 1 with A passengers; at station 2 as many get on as get off; from station 3 to N − 1
    the number boarding is the sum of the two previous boarding numbers and the number leaving equals the previous
    boarding number; M passengers leave at the last station N. How many are on board after station X?

    The unknown boarding number B at station 2 is fixed by M (M grows with B), so A, N, M and X determine the
    answer.
    Difficulty: N uniform in [5, N_max], N_max growing as N_max ← int(1.1·N_max + 1) from 5; A and B uniform in
    [1, 20]; X uniform in [3, N − 1].
    Reward: -1 unparsable; 1 for the right number, else 0.
    Answer: one integer.
    """

    family = "math"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_N": grown(5, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        stations = rng.randint(5, self.ladder(difficulty)["max_N"])
        first, second = rng.randint(1, _MAX_BOARDING), rng.randint(1, _MAX_BOARDING)
        parameters = {
            "N": stations,
            "A": first,
            "B": second,
            "M": passengers_after(first, second, stations)[stations - 1],
            "X": rng.randint(3, stations - 1),
        }
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        stations, first, last, asked = parameters["N"], parameters["A"], parameters["M"], parameters["X"]
        return (
            f"A train runs through stations 1 to {stations}. It leaves station 1 with {first} passengers. At station "
            "2 some passengers get on and the same number get off, so it leaves with "
            f"{first} passengers again.\n"
            f"At every station from 3 to {stations - 1}, the number of people getting on is the sum of the numbers "
            "that got on at the two previous stations, and the number getting off equals the number that got on at "
            "the previous station.\n"
            f"At the last station, {stations}, everyone left gets off: {last} passengers.\n"
            f"How many passengers are on the train when it leaves station {asked}?\n"
            "Answer with a single integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """Simulate with the planted boarding number at station 2."""
        return passengers_after(parameters["A"], parameters["B"], parameters["N"])[parameters["X"]]

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return rewards.correct() if parse_int(answer) == self.solve(parameters) else rewards.wrong()

"""A ring of lamps where each lamp becomes the XOR of itself and its clockwise neighbour; predict one lamp."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.errors import AnswerFormatError
from rlve_gym.core.parsing import parse_choice
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_STATES = ("ON", "OFF")
_DRAWS = 64


class LampChanging(Task):
    """Predict lamp K at time T on a ring where each lamp becomes the XOR of itself and its clockwise neighbour.

    All N lamps update at once: a lamp is ON at the next moment iff it and its clockwise neighbour differ now.
    After T steps lamp k is the XOR of the lamps k + i (mod N) over the i with C(T, i) odd, i.e. i a submask of
    T (Lucas). The answer is drawn first (ON or OFF with probability 1/2) and the instance resampled until it
    matches. Initial states are ON independently with a probability drawn uniformly per instance.
    Difficulty: N and T are uniform in [3, MAX] and [2, MAX], MAX growing as MAX ← int(1.5·MAX) from 8.
    Reward: 1 for the right state, 0 for the other one, -0.5 for any other text.
    Answer: ON or OFF.
    """

    family = "algorithmic"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_size": grown(8, difficulty, factor=1.5, add=0)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        max_size = self.ladder(difficulty)["max_size"]
        target = rng.choice(_STATES)
        # a draw matches with probability near 1/2; after _DRAWS misses the last draw is kept as it is
        for _ in range(_DRAWS):
            n = rng.randint(3, max_size)
            on_probability = rng.random()
            states = [int(rng.random() < on_probability) for _ in range(n)]
            parameters = {"states": states, "T": rng.randint(2, max_size), "K": rng.randint(1, n)}
            if self.solve(parameters) == target:
                break
        return Instance(parameters, self.solve(parameters))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        states = parameters["states"]
        n = len(states)
        listing = "; ".join(f"lamp {i} is {'ON' if on else 'OFF'}" for i, on in enumerate(states, start=1))
        return (
            f"{n} lamps stand in a circle, numbered 1 to {n} clockwise. Time advances in steps, and at every step "
            "all lamps change at once: a lamp is ON at the next moment if it and the next lamp clockwise (lamp i+1, "
            f"and lamp 1 after lamp {n}) are in different states right now, and OFF if they are in the same state.\n"
            f"At time 0: {listing}.\n"
            f"What is the state of lamp {parameters['K']} at time {parameters['T']}?\n"
            "Answer with one word: ON or OFF."
        )

    def solve(self, parameters: dict[str, Any]) -> str:
        """The state of lamp K at time T (Lucas: C(T, i) is odd iff i is a submask of T)."""
        states, steps, lamp = parameters["states"], parameters["T"], parameters["K"] - 1
        n = len(states)
        value = 0
        offset = steps
        while True:  # iterate over the submasks of T
            value ^= states[(lamp + offset) % n]
            if offset == 0:
                break
            offset = (offset - 1) & steps
        return "ON" if value else "OFF"

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        try:
            state = parse_choice(answer, _STATES)
        except AnswerFormatError:
            return rewards.invalid("the answer must be ON or OFF")
        return rewards.correct() if state == self.solve(parameters) else rewards.wrong()

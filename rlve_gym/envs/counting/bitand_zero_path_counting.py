"""Paths from S to T in the graph on the non-negative integers with an edge s → t when s < t and s & t = 0."""

from __future__ import annotations

import functools
import random
from typing import Any

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.count_answers import score_residue
from rlve_gym.envs.common.ladders import grown

MODULUS = 10_000
_ATTEMPTS = 100


@functools.lru_cache(maxsize=4096)
def _columns(length: int, first: int | None, last: int) -> int:
    """Binary strings of `length` ≥ 1 with no two adjacent 1s, the last bit `last`, the first `first` (None: free)."""
    if length == 1:
        return int(first is None or first == last)
    ending = [0, 0]  # strings of the current length, by last bit
    for bit in (0, 1):
        if first is None or first == bit:
            ending[bit] = 1
    for _ in range(length - 1):
        ending = [ending[0] + ending[1], ending[0]]
    return ending[last]


def count_paths(source: str, target: str, modulus: int = MODULUS) -> int:
    """Paths source = v0 → v1 → … → vk = target (k ≥ 1, binary strings without leading zeros), modulo `modulus`.

    Along a path the highest set bits strictly increase (v < w with v & w = 0 puts w's highest bit above v's), and
    each bit position, read along the path, has no two consecutive 1s. Scanning bit positions from the top, the
    vertices whose highest bit has been reached are "active"; a new vertex starts (with a 1) at the position of its
    highest bit, before S starts at S's. ways[c] counts the choices so far with c active vertices besides S; each
    position multiplies in the number of admissible bit columns over the active vertices, whose last entry is T's
    bit and whose first is the bit of S once S is active.
    """
    top = len(target) - 1
    source_top = len(source) - 1
    if source_top >= top:
        return 0
    source_bits = [0] * (top + 1)
    for position, char in enumerate(reversed(source)):
        source_bits[position] = int(char)
    target_bits = [int(char) for char in reversed(target)]
    before: dict[int, int] = {1: 1}  # only T is active after its top bit
    after: dict[int, int] = {}  # S is active
    for position in range(top - 1, -1, -1):
        bit = target_bits[position]
        if position > source_top:
            grown_ways: dict[int, int] = {}
            for active, ways in before.items():
                stay = ways * _columns(active, None, bit) % modulus
                start = ways * _columns(active + 1, 1, bit) % modulus
                grown_ways[active] = (grown_ways.get(active, 0) + stay) % modulus
                grown_ways[active + 1] = (grown_ways.get(active + 1, 0) + start) % modulus
            before = grown_ways
        elif position == source_top:
            after = {active: ways * _columns(active + 1, 1, bit) % modulus for active, ways in before.items()}
        else:
            own = source_bits[position]
            after = {active: ways * _columns(active + 1, own, bit) % modulus for active, ways in after.items()}
    return sum(after.values()) % modulus


class BitAndZero_PathCounting(Task):
    """Count the paths from S to T in the infinite directed graph on 0, 1, 2, … with an edge s → t exactly when
    s < t and s AND t = 0, modulo 10000; S and T are given in binary.

    Difficulty: S and T have lengths uniform in [1, L] (leading digit 1, other bits uniform), ordered so that
    S ≤ T, with L ← int(1.1·L + 1) from 3; instances whose count modulo 10000 is 0 or 1 are redrawn (after 100
    draws: S = 1, T = 2^(L−1)).
    Reward: -1 unparsable; -0.5 outside [0, 10000); 1 for the right residue, else 0.
    Answer: one integer in [0, 10000).
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_length": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        max_length = self.ladder(difficulty)["max_length"]

        def binary() -> str:
            return "1" + "".join(rng.choice("01") for _ in range(rng.randint(1, max_length) - 1))

        for _ in range(_ATTEMPTS):
            source, target = binary(), binary()
            if int(source, 2) > int(target, 2):
                source, target = target, source
            if count_paths(source, target) not in (0, 1):
                break
        else:
            source, target = "1", "1" + "0" * (max_length - 1)
        parameters = {"S": source, "T": target}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        return (
            "A directed graph has one vertex for every non-negative integer 0, 1, 2, …, and an edge from s to t "
            "exactly when s < t and s AND t = 0 (bitwise AND).\n"
            f"How many distinct paths lead from vertex {parameters['S']} to vertex {parameters['T']}? Both vertices "
            "are written in binary (base 2).\n"
            f"Give the number of paths modulo {MODULUS}, as a single integer in [0, {MODULUS})."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The number of paths modulo 10000."""
        return count_paths(parameters["S"], parameters["T"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_residue(answer, self.solve(parameters), MODULUS)

"""Count arrays over a set S that split into blocks whose minimum equals their length (Luogu B3902)."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.count_answers import score_residue
from rlve_gym.envs.common.ladders import stepped

_MAX_MODULUS = 1_000_000


def count_splittable_arrays(n: int, allowed: list[int], modulus: int) -> int:
    """The number of arrays in allowed^n that split into blocks each of minimum equal to its length, mod `modulus`.

    The split is unique when it exists (a first block of length L has all entries ≥ L, so no shorter first block
    can have minimum equal to its length, and no longer one can either), hence counting (array, split) pairs
    counts arrays: F[i] = Σ_{L ∈ S} F[i - L] · (c_L^L - (c_L - 1)^L), c_L = #{s ∈ S : s ≥ L}.
    """
    blocks = {}
    for length in allowed:
        at_least = sum(value >= length for value in allowed)
        blocks[length] = (pow(at_least, length, modulus) - pow(at_least - 1, length, modulus)) % modulus
    ways = [1 % modulus] + [0] * n
    for i in range(1, n + 1):
        ways[i] = sum(ways[i - length] * count for length, count in blocks.items() if length <= i) % modulus
    return ways[n]


class SegmentMinLengthEqual_Counting(Task):
    """Count the arrays of length N with entries in a set S that can be cut into consecutive blocks, each block's
    minimum equal to the block's length; give the count modulo MOD.

    Difficulty: N = 3 + d; S is a random subset of [1, N] with between 2 and N elements; MOD is uniform in
    [2, 10^6].
    Reward: -1 unparsable; -0.5 outside [0, MOD); 1 for the right residue, else 0.
    Answer: one integer in [0, MOD).
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        allowed = sorted(rng.sample(range(1, n + 1), rng.randint(2, n)))
        parameters = {"N": n, "S": allowed, "MOD": rng.randint(2, _MAX_MODULUS)}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, modulus = parameters["N"], parameters["MOD"]
        allowed = ", ".join(map(str, parameters["S"]))
        return (
            f"Consider arrays a[1], a[2], ..., a[{n}] whose entries all belong to the set S = {{{allowed}}}. Call such "
            "an array good if it can be cut into consecutive non-empty blocks (every entry in exactly one block) so "
            "that in every block the smallest entry equals the number of entries of that block.\n"
            f"How many good arrays are there? Give the count modulo {modulus}.\n"
            f"Answer with a single integer in [0, {modulus})."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The count modulo MOD."""
        return count_splittable_arrays(parameters["N"], parameters["S"], parameters["MOD"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_residue(answer, self.solve(parameters), parameters["MOD"])

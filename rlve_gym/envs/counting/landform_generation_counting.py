"""Landform generation (HNOI 2014): distinct height sequences of mountains with "taller before me" limits."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.count_answers import score_residue
from rlve_gym.envs.common.ladders import grown

_MAX_MODULUS = 1_000_000_000


class LandformGenerationCounting(Task):
    """N mountains have heights H[i] and limits C[i]; an arrangement puts them in a row so that fewer than C[i]
    strictly taller mountains stand before mountain i. Count the distinct height sequences of valid
    arrangements, modulo MOD.

    The limits are drawn so that one hidden arrangement is valid: for the hidden order, C[i] is uniform between
    1 + (taller mountains before i) and 1 + (taller mountains overall); the mountains are then shuffled.
    Difficulty: N grows as N ← int(1.1·N + 1) from 3; heights uniform in [1, N]; MOD uniform in [2, 10^9].
    Reward: -1 unparsable; -0.5 outside [0, MOD); 1 for the right residue, else 0.
    Answer: one integer in [0, MOD).
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["N"]
        heights = [rng.randint(1, n) for _ in range(n)]
        mountains = []
        for i, height in enumerate(heights):
            taller_before = sum(other > height for other in heights[:i])
            taller_all = sum(other > height for other in heights)
            mountains.append([height, rng.randint(taller_before + 1, taller_all + 1)])
        rng.shuffle(mountains)
        parameters = {
            "H": [height for height, _ in mountains],
            "C": [limit for _, limit in mountains],
            "MOD": rng.randint(2, _MAX_MODULUS),
        }
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        heights, limits, modulus = parameters["H"], parameters["C"], parameters["MOD"]
        n = len(heights)
        rows = "\n".join(f"mountain {i}: H = {h}, C = {c}" for i, (h, c) in enumerate(zip(heights, limits)))
        return (
            f"There are {n} mountains, numbered 0 to {n - 1}, each with a height H and a limit C:\n{rows}\n"
            "An arrangement places all mountains in a row, in some order. It is valid when, for every mountain, "
            "the number of mountains before it in the row that are strictly higher than it is less than its C.\n"
            "Valid arrangements give sequences of heights (read along the row); arrangements that give the same "
            "sequence of heights count once. How many different height sequences come from valid arrangements? "
            f"Give the count modulo {modulus}, as a single integer in [0, {modulus})."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """Place mountains from the highest height down. A mountain of height h goes into one of the T + 1 gaps
        of the T strictly higher mountains already placed, at gap index ≤ min(T, C - 1). Equal heights are
        indistinguishable in the sequence, so a height class contributes its realisable multisets of gap
        indices: non-decreasing g_1 ≤ … ≤ g_k with g_i ≤ min(T, c_i - 1) for the limits sorted ascending (Hall's
        condition for nested ranges). The classes multiply."""
        modulus = parameters["MOD"]
        by_height: dict[int, list[int]] = {}
        for height, limit in zip(parameters["H"], parameters["C"]):
            by_height.setdefault(height, []).append(limit)
        total, higher = 1 % modulus, 0
        for height in sorted(by_height, reverse=True):
            caps = [min(higher, limit - 1) for limit in sorted(by_height[height])]
            # ways[g]: non-decreasing prefixes ending at gap g
            ways = [1 if g <= caps[0] else 0 for g in range(higher + 1)]
            for cap in caps[1:]:
                running = 0
                for g in range(higher + 1):
                    running = (running + ways[g]) % modulus
                    ways[g] = running if g <= cap else 0
            total = total * (sum(ways) % modulus) % modulus
            higher += len(caps)
        return total

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        return score_residue(answer, self.solve(parameters), parameters["MOD"])

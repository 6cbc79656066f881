"""Place boxes on a ring of N slots by the rule Pos = (C + D·X + Y) mod N, lexicographically smallest Y then X."""

from __future__ import annotations

import math
import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

_BETA = 10.0


def greedy_positions(offsets: list[int], step: int, slots: int, empty: int) -> list[int]:
    """Positions of the boxes in order, each taking the free slot with the least Y, then the least X.

    With g = gcd(D, N), Y alone decides the residue of the slot modulo g and X walks through every slot of that
    residue class, so which slot a box takes never changes the Y values open to later boxes: taking the least Y
    and then the least X box by box gives the lexicographically least Y and, among those, the least X.
    """
    taken = [False] * slots
    taken[empty] = True
    residues = math.gcd(step, slots)  # Y ≥ g repeats a residue class with a larger Y
    positions = []
    for offset in offsets:
        for y in range(residues):
            free = next((p for x in range(slots // residues) if not taken[p := (offset + step * x + y) % slots]), None)
            if free is not None:
                taken[free] = True
                positions.append(free)
                break
    return positions


class BoxScheduling(Task):
    """N − 1 boxes go on a ring of N slots, slot S staying empty. Box i takes Pos[i] = (C[i] + D·X[i] + Y[i]) mod N
    for non-negative integers X[i], Y[i]; the positions must be distinct and avoid S, and among all valid choices Y
    must be lexicographically smallest, then X. Report the positions.

    Difficulty: N uniform in [3, MAX], MAX ← int(1.1·MAX + 1) from 3; C[i] uniform in [0, N − 1]; D drawn in
    [1, N − 1] up to ⌊√N⌋ times until gcd(D, N) > 1; S uniform.
    Reward: -1 unparsable; -0.5 unless the answer is N − 1 distinct positions covering every slot but S; otherwise
    (fraction of positions equal to the true ones)^10.
    Answer: Pos[1], …, Pos[N−1] on one line, separated by spaces.
    """

    family = "algorithmic"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_N": grown(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = rng.randint(3, self.ladder(difficulty)["max_N"])
        offsets = [rng.randint(0, n - 1) for _ in range(n - 1)]
        for _ in range(math.isqrt(n)):
            step = rng.randint(1, n - 1)
            if math.gcd(step, n) > 1:
                break
        parameters = {"C": offsets, "D": step, "S": rng.randint(0, n - 1)}
        return Instance(parameters, " ".join(map(str, self.solve(parameters))))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        offsets, step, empty = parameters["C"], parameters["D"], parameters["S"]
        n = len(offsets) + 1
        listed = " ".join(f"C[{i}]={c}" for i, c in enumerate(offsets, start=1))
        return (
            f"There are {n} slots in a ring, numbered 0 to {n - 1}, and {n - 1} boxes numbered 1 to {n - 1}, with "
            f"{listed}\n"
            f"Choose non-negative integers X[1], …, X[{n - 1}] and Y[1], …, Y[{n - 1}], and put box i in slot "
            f"Pos[i] = (C[i] + {step} × X[i] + Y[i]) mod {n}, so that:\n"
            f"- the slots Pos[1], …, Pos[{n - 1}] are all different, and none of them is slot {empty};\n"
            "- among all such choices, the sequence Y is lexicographically smallest, and among those, the sequence "
            "X is lexicographically smallest.\n"
            f"Write Pos[1], …, Pos[{n - 1}] on one line, separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """The positions of the boxes."""
        offsets = parameters["C"]
        return greedy_positions(offsets, parameters["D"], len(offsets) + 1, parameters["S"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        positions = parse_int_list(answer)
        n = len(parameters["C"]) + 1
        if len(positions) != n - 1 or set(positions) != set(range(n)) - {parameters["S"]}:
            return rewards.invalid(f"the positions must be the {n - 1} slots other than {parameters['S']}")
        expected = self.solve(parameters)
        right = sum(a == b for a, b in zip(positions, expected, strict=True))
        return rewards.partial(right / (n - 1), _BETA, f"{right}/{n - 1} positions right")

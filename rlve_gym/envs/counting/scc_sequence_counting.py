"""SCC sequences (Luogu P5241): how many sequences of strongly-connected-component counts edge insertions make."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_BETA = 10.0
_MAX_MOD = 10**6


class SCC_Sequence_Counting(Task):
    """Distinct directed edges (no loops) are added one by one to N isolated vertices, recording the number of
    strongly connected components after each; for every length E from 1 to N(N-1), count the distinct sequences
    of E such numbers that can arise, modulo M.

    A sequence starts at N and never increases. Reaching s components through j drops needs at least (N - s) + j
    edges (each drop merging c + 1 components needs a path through them plus the closing edge), and s components
    allow at most (N - s + 1)(N - 1) + (s - 1)(s - 2)/2 edges (one big component, the rest totally ordered).
    These prefix conditions characterise the achievable sequences, so a DP over (components, drops) counts
    them, with suffix sums for the drops.
    Difficulty: N = 3 + d; M uniform in [2, 10^6].
    Reward: -1 unparsable; -0.5 unless N(N-1) numbers are given; otherwise (lengths right / N(N-1))^10.
    Answer: the N(N-1) counts modulo M for E = 1, 2, …, on one line, separated by spaces.
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"N": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        parameters = {"N": self.ladder(difficulty)["N"], "MOD": rng.randint(2, _MAX_MOD)}
        return Instance(parameters, " ".join(map(str, self.solve(parameters))))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, modulus = parameters["N"], parameters["MOD"]
        return (
            f"Start with a directed graph on {n} vertices and no edges. Choose a list of E directed edges, each "
            "joining two distinct vertices and no edge appearing twice, and add them one at a time in the order of "
            "the list. After each addition, write down the number of strongly connected components of the graph "
            "so far; this gives a sequence of E numbers.\n"
            f"For every E from 1 to {n} × ({n} - 1) = {n * (n - 1)}, how many different sequences can be obtained? "
            f"Give each count modulo {modulus}.\n"
            f"Write the {n * (n - 1)} counts, for E = 1, 2, ..., on one line separated by spaces."
        )

    def solve(self, parameters: dict[str, Any]) -> list[int]:
        """Counts for E = 1 .. N(N-1) modulo M, by the DP over (components s, drops j)."""
        n, modulus = parameters["N"], parameters["MOD"]
        most = [0] + [(n - s + 1) * (n - 1) + (s - 1) * (s - 2) // 2 for s in range(1, n + 1)]
        ways = [[0] * n for _ in range(n + 1)]  # ways[s][j]: sequences ending at s components after j drops
        ways[n][0] = 1
        counts = [1 % modulus]
        for edges in range(2, n * (n - 1) + 1):
            following = [[0] * n for _ in range(n + 1)]
            for drops in range(n):
                above = 0  # ∑ ways[s'][drops - 1] over s' > s: a drop from s' components down to s
                for s in range(n, 0, -1):
                    if (n - s) + drops <= edges <= most[s]:
                        following[s][drops] = (ways[s][drops] + above) % modulus
                    if drops:
                        above += ways[s][drops - 1]
            ways = following
            counts.append(sum(map(sum, ways)) % modulus)
        return counts

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        given = parse_int_list(answer)
        n = parameters["N"]
        if len(given) != n * (n - 1):
            return rewards.invalid(f"expected {n * (n - 1)} numbers")
        right = sum(a == b for a, b in zip(given, self.solve(parameters)))
        return rewards.partial(right / len(given), _BETA, f"{right}/{len(given)} counts right")

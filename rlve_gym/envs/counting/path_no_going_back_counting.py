"""Count walks of a given length that never immediately reverse along the edge just used."""

from __future__ import annotations

import itertools
import random
from typing import Any

import numpy as np

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown

MODULUS = 10_000


def _matrix_power_mod(matrix: np.ndarray, exponent: int, modulus: int) -> np.ndarray:
    """matrix^exponent mod modulus in int64 (entries stay below modulus, so a dot product is < size·modulus²)."""
    if len(matrix) * modulus**2 >= 2**63:
        raise ValueError("matrix too large for exact int64 products")
    result = np.eye(len(matrix), dtype=np.int64)
    base = matrix % modulus
    while exponent:
        if exponent & 1:
            result = result @ base % modulus
        base = base @ base % modulus
        exponent >>= 1
    return result


def count_non_backtracking_walks(n: int, edges: list[list[int]], length: int, modulus: int) -> int:
    """Walks 0 → n-1 with `length` edges that never traverse an edge and then the same edge straight back.

    States are directed edges; u→v may be followed by v→w for any w ≠ u (the graph is simple), so the count is
    start · X^(length-1) · end over the directed-edge transition matrix X.
    """
    pairs = np.array(edges, dtype=np.int64).reshape(-1, 2)
    tails = np.concatenate([pairs[:, 0], pairs[:, 1]])
    heads = np.concatenate([pairs[:, 1], pairs[:, 0]])
    transition = ((heads[:, None] == tails[None, :]) & (heads[None, :] != tails[:, None])).astype(np.int64)
    start = (tails == 0).astype(np.int64)
    end = (heads == n - 1).astype(np.int64)
    reach = start @ _matrix_power_mod(transition, length - 1, modulus) % modulus
    return int(reach @ end % modulus)


class Path_NoGoingBack_Counting(Task):
    """Count the T-edge walks from vertex 0 to N-1 that never go straight back along the last edge, mod 10000.

    The graph is connected (a random Hamiltonian path plus random extra edges) with N vertices and M edges; M is
    uniform in [3, MAX_M], N uniform among the values in [3, M+1] with M ≤ N(N-1)/2, and T uniform in [1, 2^N].
    Difficulty: MAX_M grows as MAX_M ← int(1.1·MAX_M + 1) from 10.
    Reward: 1 for the right count, 0 for a wrong one, -0.5 outside [0, 10000), -1 unparsable.
    Answer: one integer, the number of walks modulo 10000.
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"max_edges": grown(10, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        m = rng.randint(3, self.ladder(difficulty)["max_edges"])
        n = rng.choice([n for n in range(3, m + 2) if m <= n * (n - 1) // 2])
        steps = rng.randint(1, 2**n)
        order = list(range(n))
        rng.shuffle(order)
        chosen = {(min(u, v), max(u, v)) for u, v in itertools.pairwise(order)}
        spare = [(u, v) for u in range(n) for v in range(u + 1, n) if (u, v) not in chosen]
        chosen.update(rng.sample(spare, m - len(chosen)))
        edges = [list(edge) for edge in sorted(chosen)]
        rng.shuffle(edges)
        parameters = {"N": n, "edges": edges, "T": steps}
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        n, edges, steps = parameters["N"], parameters["edges"], parameters["T"]
        listing = "\n".join(f"{u} - {v}" for u, v in edges)
        return (
            f"An undirected graph has {n} vertices, numbered 0 to {n - 1}, and these {len(edges)} edges (no edge "
            f"appears twice):\n{listing}\n"
            f"Count the walks from vertex 0 to vertex {n - 1} that use exactly {steps} edges and never turn straight "
            "back: after moving along an edge from u to v, the next move may not go from v back to u. Vertices and "
            "edges may otherwise be reused.\n"
            f"Your answer should be a single integer: the number of such walks modulo {MODULUS}."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The number of walks modulo 10000 (matrix power over directed edges)."""
        return count_non_backtracking_walks(parameters["N"], parameters["edges"], parameters["T"], MODULUS)

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        count = parse_int(answer)
        if not 0 <= count < MODULUS:
            return rewards.invalid(f"the answer must be in [0, {MODULUS})")
        return rewards.correct() if count == self.solve(parameters) else rewards.wrong()

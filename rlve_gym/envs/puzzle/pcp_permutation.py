"""A permutation version of Post's correspondence problem: order the pairs so that both rows spell the same."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int_list
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import stepped

_AVERAGE_LENGTHS = (1.2, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 4.5, 5.0, 7.0, 10.0)


class PCPPermutation(Task):
    """Find a permutation p of 0..N-1 with A[p_0] + … + A[p_{N-1}] = B[p_0] + … + B[p_{N-1}] (concatenation).

    A random string S over {a, b} (of length max(N+1, uniform in [N, N·L]), L drawn from {1.2, 1.5, 2, 2.5, 3,
    3.5, 4, 4.5, 5, 7, 10}; letters biased by a random probability) is cut into N non-empty pieces twice, giving A
    and B; both arrays are then shuffled by the same permutation, whose inverse is a planted solution.
    Difficulty: N = d + 3 strings in each array.
    Reward: -1 unparsable; -0.5 if the answer is not a permutation of 0..N-1; otherwise (fraction of positions
    where the two concatenations agree)^10.
    Answer: p_0 p_1 … p_{N-1} on one line, separated by spaces.
    """

    family = "puzzle"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"strings": stepped(3, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        n = self.ladder(difficulty)["strings"]
        average_length = rng.choice(_AVERAGE_LENGTHS)
        total = max(n + 1, rng.randint(n, int(n * average_length)))
        b_probability = rng.random()
        text = "".join("b" if rng.random() < b_probability else "a" for _ in range(total))
        pieces = {}
        for row in ("A", "B"):
            cuts = [0, *sorted(rng.sample(range(1, total), n - 1)), total]
            pieces[row] = [text[cuts[i] : cuts[i + 1]] for i in range(n)]
        shuffle = list(range(n))
        rng.shuffle(shuffle)
        parameters = {row: [pieces[row][i] for i in shuffle] for row in ("A", "B")}
        # position shuffle[j] of the original order now sits at index j, so index j goes to place shuffle[j]
        order = [0] * n
        for index, original_position in enumerate(shuffle):
            order[original_position] = index
        return Instance(parameters, " ".join(map(str, order)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        first, second = parameters["A"], parameters["B"]
        n = len(first)
        listing = "\n".join(f"A[{i}] = {a}    B[{i}] = {b}" for i, (a, b) in enumerate(zip(first, second)))
        return (
            f"Two arrays A and B each hold {n} strings:\n{listing}\n"
            f"Find a permutation p_0, p_1, ..., p_{n - 1} of the indices 0 to {n - 1} such that the concatenation "
            f"A[p_0] A[p_1] ... A[p_{n - 1}] is exactly the same string as the concatenation "
            f"B[p_0] B[p_1] ... B[p_{n - 1}].\n"
            f"Write p_0 p_1 ... p_{n - 1} on one line, separated by spaces."
        )

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        order = parse_int_list(answer)
        first, second = parameters["A"], parameters["B"]
        n = len(first)
        if sorted(order) != list(range(n)):
            return rewards.invalid(f"the answer must be a permutation of 0..{n - 1}")
        top = "".join(first[i] for i in order)
        bottom = "".join(second[i] for i in order)
        agree = sum(x == y for x, y in zip(top, bottom, strict=True))
        return rewards.partial(agree / len(top), 10.0, f"{agree}/{len(top)} characters agree")

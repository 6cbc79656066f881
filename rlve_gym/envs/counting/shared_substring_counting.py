"""Count pairs of equal substrings taken one from each of two strings (HAOI 2016, Shared substrings)."""

from __future__ import annotations

import random
from typing import Any

from rlve_gym.core import rewards
from rlve_gym.core.parsing import parse_int
from rlve_gym.core.problem import Instance, Verdict
from rlve_gym.core.task import Task
from rlve_gym.envs.common.ladders import grown


def count_equal_substring_pairs(first: str, second: str) -> int:
    """#{(i, j, k, l) : first[i:j] == second[k:l] non-empty}, with a suffix automaton of `first`.

    Each automaton state v stands for the substrings of lengths (len(link v), len v], each occurring occ(v) times
    in `first`. Reading `second` left to right keeps the longest suffix matched so far (state v, length m); the
    substrings of `second` ending here pair with occ(v)·(m - len(link v)) occurrences at v plus, for every state
    up the suffix links, occ(u)·(len u - len(link u)), which is precomputed.
    """
    length, link, moves = [0], [-1], [{}]
    occurrences = [0]
    last = 0
    for letter in first:
        state = len(length)
        length.append(length[last] + 1), link.append(-1), moves.append({}), occurrences.append(1)
        walker = last
        while walker != -1 and letter not in moves[walker]:
            moves[walker][letter] = state
            walker = link[walker]
        if walker == -1:
            link[state] = 0
        else:
            target = moves[walker][letter]
            if length[walker] + 1 == length[target]:
                link[state] = target
            else:
                clone = len(length)
                length.append(length[walker] + 1), link.append(link[target])
                moves.append(dict(moves[target])), occurrences.append(0)
                while walker != -1 and moves[walker].get(letter) == target:
                    moves[walker][letter] = clone
                    walker = link[walker]
                link[target] = link[state] = clone
        last = state
    by_length = sorted(range(1, len(length)), key=length.__getitem__, reverse=True)
    for state in by_length:
        occurrences[link[state]] += occurrences[state]
    above = [0] * len(length)  # Σ occ(u)·(len u - len(link u)) over u from the state up to the root
    for state in reversed(by_length):
        own = occurrences[state] * (length[state] - length[link[state]])
        above[state] = above[link[state]] + own
    total, state, matched = 0, 0, 0
    for letter in second:
        while state and letter not in moves[state]:
            state = link[state]
            matched = length[state]
        if letter in moves[state]:
            state = moves[state][letter]
            matched += 1
            total += occurrences[state] * (matched - length[link[state]]) + above[link[state]]
        else:
            matched = 0
    return total


class SharedSubstringCounting(Task):
    """Count the tuples (lS, rS, lT, rT) with S[lS:rS] = T[lT:rT] non-empty, for two strings S and T over {a, b}.

    Difficulty: each length is uniform in [2, MAX_LEN], MAX_LEN ← int(1.1·MAX_LEN + 1) from 10; each string has its
    own probability of the letter a, uniform in [0, 1].
    Reward: -1 unparsable or negative; otherwise (min/max)^10 of the answer and the true count (a true count of 0
    needs the answer 0).
    Answer: one integer, the number of tuples.
    """

    family = "counting"

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {"MAX_LEN": grown(10, difficulty)}

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        max_length = self.ladder(difficulty)["MAX_LEN"]
        parameters = {}
        for key in ("S", "T"):
            a_probability = rng.random()
            size = rng.randint(2, max_length)
            parameters[key] = "".join("a" if rng.random() < a_probability else "b" for _ in range(size))
        return Instance(parameters, str(self.solve(parameters)))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        return (
            f"S = {parameters['S']}\nT = {parameters['T']}\n"
            "Count the tuples of integers (lS, rS, lT, rT) with 0 ≤ lS < rS ≤ len(S) and 0 ≤ lT < rT ≤ len(T) such "
            "that the substring S[lS:rS] equals the substring T[lT:rT] (Python slicing: S[lS:rS] is S[lS] up to "
            "S[rS-1]).\n"
            "Answer with one integer."
        )

    def solve(self, parameters: dict[str, Any]) -> int:
        """The number of tuples."""
        return count_equal_substring_pairs(parameters["S"], parameters["T"])

    def score(self, parameters: dict[str, Any], answer: str) -> Verdict:
        value = parse_int(answer)
        if value < 0:
            return rewards.unparsable("the count must be a non-negative integer")
        return rewards.exact_or_closeness(value, self.solve(parameters), 10.0)

"""Implement a run-length encoder whose output format is generated (count position, short runs, long runs)."""

from __future__ import annotations

import itertools
import random
import string
from typing import Any

from rlve_gym.core.problem import Instance
from rlve_gym.envs.code.common import (
    FunctionTask,
    HiddenTest,
    hidden_test_rng,
    program_answer_instructions,
)
from rlve_gym.envs.common.ladders import grown

FUNCTION_NAME = "encode"
TIME_LIMIT_S = 4.0
_SEPARATORS = ("", "-", ",", " ", "|")


class ImplementRunLengthEncoding(FunctionTask):
    """Write encode(text): run-length encoding of a string of letters in a generated format.

    The text is cut into runs of equal characters; runs longer than a cap R are cut from the left into pieces of
    R and a shorter rest; each piece becomes a group — the count and the character (in a given order), or the
    characters themselves when the piece is shorter than a minimum m — and groups are joined by a separator.
    Difficulty: the separator varies from d = 2, the minimum m from d = 3, the cap R from d = 5; texts hold up to
    int(1.1·n + 1) characters from 8, runs up to 3 + d long over 2 + d // 2 letters; hidden tests grow as 8 + d.
    Reward: -1 when the answer is not a Python program; -0.5 when it does not define encode; otherwise
    (passed hidden tests / tests)^5.
    Answer: a Python program defining encode (a ```python fenced block inside the answer is fine).
    """

    def ladder(self, difficulty: int) -> dict[str, int]:
        return {
            "tests": 8 + difficulty,
            "max_length": grown(8, difficulty),
            "max_run": 3 + difficulty,
            "letters": min(26, 2 + difficulty // 2),
        }

    def sample(self, rng: random.Random, difficulty: int) -> Instance:
        sizes = self.ladder(difficulty)
        parameters = {
            "function_name": FUNCTION_NAME,
            "time_limit_s": TIME_LIMIT_S,
            "count_first": rng.random() < 0.5,
            "separator": rng.choice(_SEPARATORS) if difficulty >= 2 else "",
            "min_count": rng.randint(2, 3) if difficulty >= 3 else 1,
            "cap": rng.randint(3, 9) if difficulty >= 5 else 0,
            "letters": sizes["letters"],
            "tests": sizes["tests"],
            "max_length": sizes["max_length"],
            "max_run": sizes["max_run"],
            "test_seed": rng.getrandbits(63),
        }
        parameters["example"] = self._text(rng, 10, max(4, sizes["max_run"]), sizes["letters"])
        return Instance(parameters, self.reference_program(parameters))

    def render_prompt(self, parameters: dict[str, Any]) -> str:
        if parameters["count_first"]:
            group = "its length in decimal followed by its character"
        else:
            group = "its character followed by its length in decimal"
        rules = ["Cut the text into runs: maximal blocks of consecutive equal characters."]
        if parameters["cap"]:
            cap = parameters["cap"]
            rules.append(
                f"Cut every run longer than {cap} characters, from the left, into pieces of exactly {cap} "
                f"characters and one last shorter piece (if anything is left); a run of at most {cap} "
                "characters is one piece."
            )
            unit = "piece"
        else:
            unit = "run"
        if parameters["min_count"] > 1:
            rules.append(
                f"Write each {unit} of at least {parameters['min_count']} characters as {group}, and each "
                f"shorter {unit} as its characters, unchanged."
            )
        else:
            rules.append(f"Write each {unit} as {group}, even when the length is 1.")
        separator = parameters["separator"]
        rules.append(
            f"Join the written {unit}s, in order, with the separator {separator!r} between consecutive ones."
            if separator
            else f"Concatenate the written {unit}s in order, with nothing between them."
        )
        steps = "\n".join(f"{index}. {rule}" for index, rule in enumerate(rules, 1))
        example = parameters["example"]
        return (
            f"Write a Python function {FUNCTION_NAME}(text) that takes a string of lowercase letters (possibly "
            "empty) and returns its run-length encoding, a string built like this:\n"
            f"{steps}\n"
            "The empty text encodes to the empty string.\n\n"
            f"Example: {FUNCTION_NAME}({example!r}) returns {self.solve(example, parameters)!r}.\n\n"
            + program_answer_instructions(FUNCTION_NAME, parameters["time_limit_s"])
        )

    def solve(self, text: str, parameters: dict[str, Any]) -> str:
        """The encoding of `text` (grouping with itertools.groupby)."""
        pieces: list[str] = []
        for character, run in itertools.groupby(text):
            length = len(list(run))
            cap = parameters["cap"] or length
            sizes = [cap] * (length // cap) + ([length % cap] if length % cap else [])
            for size in sizes:
                if size < parameters["min_count"]:
                    pieces.append(character * size)
                elif parameters["count_first"]:
                    pieces.append(f"{size}{character}")
                else:
                    pieces.append(f"{character}{size}")
        return parameters["separator"].join(pieces)

    def reference_program(self, parameters: dict[str, Any]) -> str:
        """A correct program: a scan over the runs with the options of the instance written in."""
        group = "str(size) + text[start]" if parameters["count_first"] else "text[start] + str(size)"
        size = f"min(run, {parameters['cap']})" if parameters["cap"] else "run"
        return (
            f"def {FUNCTION_NAME}(text):\n"
            "    pieces = []\n"
            "    start = 0\n"
            "    while start < len(text):\n"
            "        end = start\n"
            "        while end < len(text) and text[end] == text[start]:\n"
            "            end += 1\n"
            "        run = end - start\n"
            "        while run > 0:\n"
            f"            size = {size}\n"
            f"            if size < {parameters['min_count']}:\n"
            "                pieces.append(text[start] * size)\n"
            "            else:\n"
            f"                pieces.append({group})\n"
            "            run -= size\n"
            "        start = end\n"
            f"    return {parameters['separator']!r}.join(pieces)\n"
        )

    def hidden_tests(self, parameters: dict[str, Any]) -> list[HiddenTest]:
        rng = hidden_test_rng(parameters)
        texts = [parameters["example"], "", "a", "b" * (parameters["max_run"] + 2)]
        while len(texts) < parameters["tests"]:
            length = rng.randint(1, parameters["max_length"])
            texts.append(self._text(rng, length, parameters["max_run"], parameters["letters"]))
        return [HiddenTest([text], self.solve(text, parameters)) for text in texts]

    @staticmethod
    def _text(rng: random.Random, length: int, max_run: int, letters: int) -> str:
        alphabet = string.ascii_lowercase[:letters]
        text = ""
        while len(text) < length:
            text += rng.choice(alphabet) * rng.randint(1, max_run)
        return text[:length]

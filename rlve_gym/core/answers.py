"""Answer extraction and normalisation, in one place for every task.

Extraction (`extract_answer`):
  1. Reasoning is ignored: every ``<think>…</think>`` block is removed; an unclosed ``<think>`` hides everything
     after it; a stray ``</think>`` (the opening tag was in the prompt) hides everything before it.
  2. The **last** answer wins: the last ``<answer>…</answer>`` block or the last ``\\boxed{…}``, whichever ends
     later. ``\\boxed`` is matched with balanced braces, so ``\\boxed{\\frac{1}{2}}`` gives ``\\frac{1}{2}``.
     ``\\fbox{…}`` counts as ``\\boxed{…}``.
  3. The result is normalised (`normalize_answer`): surrounding whitespace and a single layer of wrapping
     ``\\boxed{}``, ``$…$``, ``\\(…\\)``, ``\\[…\\]`` or backticks are removed; Windows line ends and the unicode minus
     become plain; trailing spaces on each line are dropped. Case and inner spacing are left to the task's parser
     (see `rlve_gym.core.parsing`), which knows where they cannot matter — e.g. integers accept thousands
     separators ``1,234,567``, yes/no answers ignore case.

No model text is ever evaluated: tasks parse answers with the explicit parsers in `rlve_gym.core.parsing`.
"""

from __future__ import annotations

import re
from typing import Literal, get_args

AnswerFormat = Literal["answer_tag", "boxed"]
ANSWER_FORMATS: tuple[str, ...] = get_args(AnswerFormat)

MAX_COMPLETION_CHARS = 1_000_000
"""Completions longer than this are cut (from the front: answers come last) before extraction."""

_INSTRUCTIONS = {
    "answer_tag": "Think it through, then give only your final answer between <answer> and </answer> tags.",
    "boxed": "Think it through, then give only your final answer inside \\boxed{}.",
}

_THINK_TAG = re.compile(r"<(/?)think>", re.IGNORECASE)
_ANSWER_TAG = re.compile(r"<(/?)answer>", re.IGNORECASE)
_BOXED_START = re.compile(r"\\(?:boxed|fbox)\s*\{")
_BRACE = re.compile(r"[{}]")
_WRAPPERS = (("$$", "$$"), ("$", "$"), ("\\(", "\\)"), ("\\[", "\\]"), ("```", "```"), ("`", "`"))


def check_answer_format(answer_format: str) -> AnswerFormat:
    """Return `answer_format` if it is a known format, else raise ValueError naming the choices."""
    if answer_format not in ANSWER_FORMATS:
        raise ValueError(f"answer_format must be one of {', '.join(ANSWER_FORMATS)}; got {answer_format!r}")
    return answer_format  # type: ignore[return-value]


def format_prompt(prompt: str, answer_format: str = "answer_tag") -> str:
    """The user message for a problem: the task statement plus the instruction on where to put the answer."""
    return f"{prompt}\n\n{_INSTRUCTIONS[check_answer_format(answer_format)]}"


def reference_completion(reference_answer: str, answer_format: str = "answer_tag") -> str:
    """A minimal completion that carries `reference_answer` in the requested format."""
    if check_answer_format(answer_format) == "boxed":
        return f"\\boxed{{{reference_answer}}}"
    return f"<answer>{reference_answer}</answer>"


def strip_reasoning(text: str) -> str:
    """Remove ``<think>`` blocks (see the module docstring for unclosed and stray tags). Linear time."""
    kept: list[str] = []
    position, thinking = 0, False
    for tag in _THINK_TAG.finditer(text):
        closing = tag.group(1) == "/"
        if not thinking and not closing:
            kept.append(text[position : tag.start()])
            thinking = True
        elif thinking and closing:
            thinking = False
            position = tag.end()
        elif not thinking and closing:  # the opening tag was in the prompt: all before this is reasoning
            kept.clear()
            position = tag.end()
    if not thinking:
        kept.append(text[position:])
    return " ".join(kept)


def _last_boxed(text: str) -> tuple[int, str] | None:
    """(end position, content) of the balanced ``\\boxed{…}`` that ends last, or None. Linear time."""
    starts = {match.end() - 1: match.end() for match in _BOXED_START.finditer(text)}
    if not starts:
        return None
    best: tuple[int, str] | None = None
    open_braces: list[int] = []
    for brace in _BRACE.finditer(text):
        if brace.group() == "{":
            open_braces.append(brace.start())
        elif open_braces:
            opened = open_braces.pop()
            if opened in starts and (best is None or brace.end() > best[0]):
                best = (brace.end(), text[starts[opened] : brace.start()])
    return best


def _closing_brace(text: str, opened: int) -> int | None:
    """Index of the brace closing the one at `opened`, or None."""
    depth = 0
    for brace in _BRACE.finditer(text, opened):
        depth += 1 if brace.group() == "{" else -1
        if depth == 0:
            return brace.start()
    return None


def _last_answer_tag(text: str) -> tuple[int, str] | None:
    """(end position, content) of the last ``<answer>…</answer>`` (nearest opening tag). Linear time."""
    best: tuple[int, str] | None = None
    content_start: int | None = None
    for tag in _ANSWER_TAG.finditer(text):
        if tag.group(1) != "/":
            content_start = tag.end()
        elif content_start is not None:
            best = (tag.end(), text[content_start : tag.start()])
            content_start = None
    return best


def normalize_answer(answer: str) -> str:
    """Normalise an extracted answer (see the module docstring)."""
    answer = answer.replace("\r\n", "\n").replace("\r", "\n").replace("\u2212", "-").strip()
    opening = _BOXED_START.match(answer)
    if opening is not None and _closing_brace(answer, opening.end() - 1) == len(answer) - 1:
        answer = answer[opening.end() : -1].strip()
    for left, right in _WRAPPERS:
        if len(answer) >= len(left) + len(right) and answer.startswith(left) and answer.endswith(right):
            answer = answer[len(left) : len(answer) - len(right)].strip()
            break
    return "\n".join(line.rstrip() for line in answer.split("\n"))


def extract_answer(completion: str, formats: tuple[str, ...] = ANSWER_FORMATS) -> str | None:
    """The normalised final answer of a completion, or None when it has none (see the module docstring).

    `formats` restricts which answer markers count (both by default).
    """
    if not isinstance(completion, str):
        raise TypeError(f"a completion must be a str, got {type(completion).__name__}")
    for answer_format in formats:
        check_answer_format(answer_format)
    text = strip_reasoning(completion[-MAX_COMPLETION_CHARS:])
    candidates = []
    if "answer_tag" in formats:
        candidates.append(_last_answer_tag(text))
    if "boxed" in formats:
        candidates.append(_last_boxed(text))
    found = [c for c in candidates if c is not None]
    if not found:
        return None
    _, answer = max(found, key=lambda c: c[0])
    answer = normalize_answer(answer)
    return answer if answer else None

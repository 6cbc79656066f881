"""Markovian RSA: recursive self-aggregation with a bounded context (ZAYA1-8B report, §VI).

A population of N traces is generated for a question (round 0, each at most β tokens). In each of T rounds,
every new trace is generated from an aggregation prompt holding C *tails* — the last τ tokens — of traces of the
previous round only, so the prompt never exceeds |question| + C·τ + template, however long the reasoning runs.
The answer is the majority vote over the last round's extracted answers.

Special cases: T = 0 is N independent samples; C = 1 is Delethink-style bounded continuation (each trace
continues from its own tail); τ = β is full-chain RSA (the whole trace is passed on).
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from rlve_gym.core.answers import extract_answer, format_prompt
from rlve_gym.core.seeding import stable_seed
from rlve_gym.inference.backends import Backend, Tokenizer

AGGREGATION_TEMPLATE = (
    "{question}\n\n"
    "Below are the final parts of {count} earlier attempts at this problem. They may be incomplete or wrong. "
    "Compare them, keep what is sound, fix what is not, and write one complete solution of your own.\n\n"
    "{candidates}\n\n"
    "Now solve the problem, ending with your final answer."
)
"""Our aggregation prompt: {question}, {count} and {candidates} are filled in."""
CONTINUATION_TEMPLATE = (
    "{question}\n\n"
    "Here is the final part of your earlier reasoning on this problem:\n\n{candidates}\n\n"
    "Continue from there and finish the solution, ending with your final answer."
)
"""The C = 1 prompt: continue from the trace's own tail."""
CANDIDATE_TEMPLATE = "[attempt {index}]\n{tail}\n[end of attempt {index}]"


@dataclass(frozen=True)
class RSAConfig:
    """Parameters of Markovian RSA."""

    population: int = 16
    """N: traces per round."""
    candidates: int = 4
    """C: tails per aggregation prompt (1 ≤ C ≤ N)."""
    rounds: int = 2
    """T: aggregation rounds after round 0 (0 = independent sampling)."""
    budget_tokens: int = 16384
    """β: most tokens generated per trace."""
    tail_tokens: int = 4096
    """τ: tokens kept from the end of each trace (τ ≤ β; τ = β passes whole traces)."""
    seed: int = 0
    """Seeds candidate choice and generation."""
    answer_format: str = "answer_tag"
    """How the question asks for the final answer (answer_tag | boxed)."""
    aggregation_template: str = AGGREGATION_TEMPLATE
    """Template for C ≥ 2."""
    continuation_template: str = CONTINUATION_TEMPLATE
    """Template for C = 1."""

    def __post_init__(self) -> None:
        if self.population < 1 or self.rounds < 0:
            raise ValueError("population must be ≥ 1 and rounds ≥ 0")
        if not 1 <= self.candidates <= self.population:
            raise ValueError(f"candidates must be in [1, population={self.population}], got {self.candidates}")
        if not 1 <= self.tail_tokens <= self.budget_tokens:
            raise ValueError(f"tail_tokens must be in [1, budget_tokens={self.budget_tokens}], got {self.tail_tokens}")
        for template, names in (
            (self.aggregation_template, ("{question}", "{candidates}")),
            (self.continuation_template, ("{question}", "{candidates}")),
        ):
            missing = [name for name in names if name not in template]
            if missing:
                raise ValueError(f"template lacks {', '.join(missing)}")


@dataclass(frozen=True)
class Trace:
    """One generated trace."""

    text: str
    tokens: int
    prompt_tokens: int
    answer: str | None
    accuracy: int | None
    """Verifier accuracy of the answer, when a verifier was given."""


@dataclass(frozen=True)
class RoundSummary:
    """What one round produced."""

    round: int
    traces: list[Trace]
    majority_answer: str | None
    mean_accuracy: float | None
    """Mean verifier accuracy of the round's traces."""
    majority_accuracy: int | None
    """Verifier accuracy of the round's majority answer."""
    max_prompt_tokens: int
    generated_tokens: int


@dataclass(frozen=True)
class RSAResult:
    """A whole Markovian RSA run on one question."""

    rounds: list[RoundSummary]
    answer: str | None
    """Majority answer of the last round."""
    generated_tokens: int = field(default=0)
    """All tokens generated for this question."""
    max_prompt_tokens: int = field(default=0)
    """The longest prompt of the run, in tokens (bounded by question + C·τ + template)."""


def tail(text: str, tokenizer: Tokenizer, tail_tokens: int) -> str:
    """The last `tail_tokens` tokens of `text`."""
    ids = tokenizer.encode(text)
    return text if len(ids) <= tail_tokens else tokenizer.decode(ids[-tail_tokens:])


def majority(answers: Sequence[str | None]) -> str | None:
    """The most common non-empty answer; ties go to the answer seen first."""
    counts = Counter(answer for answer in answers if answer)
    if not counts:
        return None
    best = max(counts.values())
    return next(answer for answer in answers if answer and counts[answer] == best)


def run_markovian_rsa(
    question: str,
    backend: Backend,
    tokenizer: Tokenizer,
    config: RSAConfig,
    verify: Callable[[str], int] | None = None,
) -> RSAResult:
    """Run Markovian RSA on one question. `verify(answer_text) -> 0/1` scores answers when given (e.g. a task's
    verifier); `question` is the bare problem statement (the answer-format sentence is added)."""
    rng = random.Random(f"rsa:{config.seed}")
    asked = format_prompt(question, config.answer_format)
    summaries: list[RoundSummary] = []
    previous: list[Trace] = []
    for round_index in range(config.rounds + 1):
        if round_index == 0:
            prompts = [asked] * config.population
        elif config.candidates == 1:
            prompts = [_prompt(config, asked, [trace], tokenizer) for trace in previous]
        else:
            prompts = [
                _prompt(config, asked, rng.sample(previous, config.candidates), tokenizer)
                for _ in range(config.population)
            ]
        seeds = [stable_seed("rsa", config.seed, round_index, i) for i in range(config.population)]
        generations = backend.generate(prompts, config.budget_tokens, seeds)
        traces = []
        for prompt, generation in zip(prompts, generations, strict=True):
            answer = extract_answer(generation.text)
            accuracy = (verify(generation.text) if answer is not None else 0) if verify else None
            traces.append(Trace(generation.text, generation.tokens, len(tokenizer.encode(prompt)), answer, accuracy))
        winner = majority([trace.answer for trace in traces])
        summaries.append(
            RoundSummary(
                round=round_index,
                traces=traces,
                majority_answer=winner,
                mean_accuracy=sum(t.accuracy for t in traces) / len(traces) if verify else None,
                majority_accuracy=(verify(f"<answer>{winner}</answer>") if winner is not None else 0)
                if verify
                else None,
                max_prompt_tokens=max(trace.prompt_tokens for trace in traces),
                generated_tokens=sum(trace.tokens for trace in traces),
            )
        )
        previous = traces
    return RSAResult(
        rounds=summaries,
        answer=summaries[-1].majority_answer,
        generated_tokens=sum(s.generated_tokens for s in summaries),
        max_prompt_tokens=max(s.max_prompt_tokens for s in summaries),
    )


def _prompt(config: RSAConfig, asked: str, chosen: Sequence[Trace], tokenizer: Tokenizer) -> str:
    blocks = "\n\n".join(
        CANDIDATE_TEMPLATE.format(index=i + 1, tail=tail(trace.text, tokenizer, config.tail_tokens))
        for i, trace in enumerate(chosen)
    )
    template = config.continuation_template if config.candidates == 1 else config.aggregation_template
    return template.format(question=asked, count=len(chosen), candidates=blocks)

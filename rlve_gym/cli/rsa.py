"""``rlve-gym rsa``: Markovian RSA on catalogue tasks or a JSONL of prompts; reports accuracy per round, tokens
per question and the peak prompt length (JSON)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from rlve_gym.cli import CliError, non_negative_int, positive_int


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register the subcommand."""
    parser = subparsers.add_parser("rsa", help="Markovian RSA test-time compute on tasks or prompts")
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--task", help="catalogue task to draw problems from")
    source.add_argument("--jsonl", type=Path, help='file of {"prompt": ..., "answer": optional} lines')
    parser.add_argument("-d", "--difficulty", type=non_negative_int, default=0)
    parser.add_argument("--problems", type=positive_int, default=4, help="problems drawn from --task (seeds 0..n-1)")
    parser.add_argument("--backend", choices=("transformers", "openai"), default="transformers")
    parser.add_argument("--model", default="tiny", help='transformers: "tiny" or a local checkpoint directory')
    parser.add_argument("--base-url", help="openai: server URL, e.g. http://localhost:8000")
    parser.add_argument("--served-model", help="openai: model name the server knows")
    parser.add_argument("--tokenizer", help="openai: local tokenizer directory for token counting (default: chars)")
    parser.add_argument("--concurrency", type=positive_int, default=8)
    parser.add_argument("-N", "--population", type=positive_int, default=16)
    parser.add_argument("-C", "--candidates", type=positive_int, default=4)
    parser.add_argument("-T", "--rounds", type=non_negative_int, default=2)
    parser.add_argument("--tau", type=positive_int, default=4096, help="tail tokens")
    parser.add_argument("--beta", type=positive_int, default=16384, help="token budget per trace")
    parser.add_argument("--temperature", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", type=Path, help="write the full report here (default: stdout)")
    parser.set_defaults(run=run)


def _questions(args: argparse.Namespace) -> list[tuple[str, Any]]:
    """(question, verify-or-None) pairs."""
    if args.task:
        from rlve_gym.core.registry import get_task

        task = get_task(args.task)
        pairs = []
        for seed in range(args.problems):
            problem = task.generate(seed, args.difficulty)
            pairs.append((problem.prompt, lambda text, p=problem: task.verify(p, text).accuracy))
        return pairs
    pairs = []
    for number, line in enumerate(args.jsonl.read_text().splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            prompt = row["prompt"]
        except (json.JSONDecodeError, KeyError, TypeError):
            raise CliError(f"{args.jsonl}:{number}: expected a JSON object with a 'prompt' string") from None
        expected = row.get("answer")
        verify = None
        if expected is not None:
            from rlve_gym.core.answers import extract_answer, normalize_answer

            def verify(text: str, expected: str = str(expected)) -> int:
                return int(extract_answer(text) == normalize_answer(expected))

        pairs.append((str(prompt), verify))
    if not pairs:
        raise CliError(f"{args.jsonl} holds no prompts")
    return pairs


def _backend(args: argparse.Namespace):
    from rlve_gym.inference import CharTokenizer, HFTokenizer, OpenAICompletionsBackend, TransformersBackend

    if args.backend == "openai":
        if not args.base_url or not args.served_model:
            raise CliError("--backend openai needs --base-url and --served-model")
        tokenizer = CharTokenizer()
        if args.tokenizer:
            from transformers import AutoTokenizer

            tokenizer = HFTokenizer(AutoTokenizer.from_pretrained(args.tokenizer, local_files_only=True))
        backend = OpenAICompletionsBackend(
            args.base_url,
            args.served_model,
            tokenizer=tokenizer,
            temperature=args.temperature,
            concurrency=args.concurrency,
        )
        return backend, tokenizer
    from rlve_gym.policies.zaya import load_policy

    policy = load_policy(args.model)
    return TransformersBackend(policy.model, policy.tokenizer, temperature=args.temperature), HFTokenizer(
        policy.tokenizer
    )


def run(args: argparse.Namespace) -> int:
    """Run RSA on every question and print/write the report."""
    from rlve_gym.inference import RSAConfig, run_markovian_rsa

    try:
        config = RSAConfig(
            population=args.population,
            candidates=args.candidates,
            rounds=args.rounds,
            budget_tokens=args.beta,
            tail_tokens=args.tau,
            seed=args.seed,
        )
    except ValueError as exc:
        raise CliError(str(exc)) from None
    questions = _questions(args)
    backend, tokenizer = _backend(args)
    results = [run_markovian_rsa(question, backend, tokenizer, config, verify) for question, verify in questions]
    scored = all(verify is not None for _, verify in questions)
    per_round = []
    for index in range(config.rounds + 1):
        rounds = [result.rounds[index] for result in results]
        per_round.append(
            {
                "round": index,
                "mean_accuracy": sum(r.mean_accuracy for r in rounds) / len(rounds) if scored else None,
                "majority_accuracy": sum(r.majority_accuracy for r in rounds) / len(rounds) if scored else None,
                "max_prompt_tokens": max(r.max_prompt_tokens for r in rounds),
            }
        )
    report = {
        "config": {k: v for k, v in vars(config).items() if not k.endswith("template")},
        "questions": len(results),
        "accuracy_per_round": per_round,
        "tokens_generated_per_question": sum(r.generated_tokens for r in results) / len(results),
        "peak_prompt_tokens": max(r.max_prompt_tokens for r in results),
        "answers": [r.answer for r in results],
    }
    text = json.dumps(report, indent=1)
    if args.json:
        args.json.write_text(text + "\n")
    else:
        sys.stdout.write(text + "\n")
    return 0

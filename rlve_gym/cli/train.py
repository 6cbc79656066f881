"""``rlve-gym train [CONFIG.yaml]``: SFT warmup + GRPO on a curriculum (no file: the CPU demo)."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from rlve_gym.cli import CliError, non_negative_int


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    """Register the subcommand."""
    parser = subparsers.add_parser("train", help="warmup + GRPO on a curriculum (default: the CPU demo)")
    parser.add_argument("config", nargs="?", type=Path, help="job YAML (see rlve_gym.training.job.TrainJobConfig)")
    parser.add_argument("--output-dir", help="override output_dir")
    parser.add_argument("--steps", type=non_negative_int, help="override grpo.max_steps")
    parser.add_argument("--warmup-steps", type=non_negative_int, help="override warmup.steps")
    parser.add_argument("--curriculum", help="override the curriculum (shipped name or path)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Validate the job, run it, print a JSON summary."""
    from rlve_gym.training.job import TrainConfigError, load_job_config, run_job

    if args.config is not None and not args.config.exists():
        raise CliError(f"no such job file: {args.config}")
    try:
        config = load_job_config(args.config)
    except TrainConfigError as exc:
        raise CliError(str(exc)) from None
    updates = {}
    if args.output_dir:
        updates["output_dir"] = args.output_dir
    if args.curriculum:
        updates["curriculum"] = args.curriculum
    if args.warmup_steps is not None:
        updates["warmup"] = config.warmup.model_copy(update={"steps": args.warmup_steps})
    if args.steps is not None:
        updates["grpo"] = {**config.grpo, "max_steps": args.steps}
    config = config.model_copy(update=updates)
    summary = run_job(config)
    print(json.dumps(summary, indent=1))
    return 0

"""The ``rlve-gym train`` job: SFT warmup on reference answers, then GRPO on a curriculum, logged to JSONL and a
PNG. The job's YAML maps onto `TrainJobConfig` (strict: unknown keys are errors with a suggestion); with no file,
the defaults are the CPU demo (tiny ZAYA1 policy, `smoke` curriculum).
"""

from __future__ import annotations

import dataclasses
import json
import math
import os
import sys
import time
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from rlve_gym.core.suggest import did_you_mean


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ModelSection(_Section):
    """Which policy to train."""

    name_or_path: str = Field("tiny", description='"tiny" (built locally) or a local checkpoint directory.')
    kernels: Literal["auto", "triton", "eager"] = Field("auto", description="Triton kernels: auto = on GPU only.")
    dtype: Literal["float32", "bfloat16", "float16"] | None = Field(None, description="Weights dtype (default fp32).")
    overrides: dict[str, Any] = Field(default_factory=dict, description="tiny_config overrides (tiny model only).")
    tokenizer_problems: int = Field(
        600, ge=0, description="Curriculum problems whose prompts and answers train the tiny model's tokenizer."
    )


class WarmupSection(_Section):
    """SFT on reference answers before RL (0 steps = off)."""

    steps: int = Field(300, ge=0, description="Optimizer steps.")
    problems: int = Field(3000, ge=1, description="Distinct problems (drawn at the curriculum's starting ranges).")
    batch_size: int = Field(32, ge=1, description="Examples per step.")
    learning_rate: float = Field(3e-3, gt=0, description="Peak learning rate (cosine schedule).")


class EvalSection(_Section):
    """A fixed evaluation set, scored greedily before and after GRPO (0 problems = off)."""

    problems: int = Field(32, ge=0, description="Problems per task, at each task's starting difficulty.")
    max_new_tokens: int = Field(24, ge=1, description="Generation budget per problem.")


class LogSection(_Section):
    """Where metrics go."""

    jsonl: str = Field("metrics.jsonl", description="Per-step metrics, one JSON object per line (in output_dir).")
    plot: str | None = Field("training.png", description="Reward and difficulty curves at the end (in output_dir).")
    report_to: str = Field("none", description="TRL/transformers report_to (e.g. tensorboard, wandb, none).")


DEMO_GRPO: dict[str, Any] = {
    "max_steps": 200,
    "num_generations": 8,
    "per_device_train_batch_size": 64,
    "max_completion_length": 16,
    "learning_rate": 3e-3,
    "temperature": 1.0,
    "logging_steps": 1,
    "save_strategy": "no",
}


class TrainJobConfig(_Section):
    """The whole ``rlve-gym train`` job."""

    model: ModelSection = Field(default_factory=ModelSection, description="The policy.")
    curriculum: str = Field("smoke", description="A shipped curriculum name or a YAML path.")
    seed: int = Field(0, description="Seeds model init, sampling and the curriculum stream.")
    output_dir: str = Field("runs/demo", description="Checkpoints, logs and plots go here.")
    warmup: WarmupSection = Field(default_factory=WarmupSection, description="SFT warmup.")
    grpo: dict[str, Any] = Field(
        default_factory=lambda: dict(DEMO_GRPO), description="RLVEGRPOConfig fields (see rlve_gym.training.config)."
    )
    evaluation: EvalSection = Field(default_factory=EvalSection, description="Before/after evaluation.")
    log: LogSection = Field(default_factory=LogSection, description="Logging.")


class TrainConfigError(ValueError):
    """A train YAML that does not validate (one line per problem, with paths and suggestions)."""


def _format_errors(error: ValidationError) -> str:
    lines = []
    for item in error.errors():
        path = ".".join(str(part) for part in item["loc"])
        if item["type"] == "extra_forbidden":
            parent: Any = TrainJobConfig
            for part in item["loc"][:-1]:
                parent = parent.model_fields[part].annotation
            hint = did_you_mean(str(item["loc"][-1]), parent.model_fields)
            lines.append(f"{path}: unknown key{hint}")
        else:
            lines.append(f"{path}: {item['msg']}")
    return "; ".join(lines)


def load_job_config(path: str | Path | None) -> TrainJobConfig:
    """Parse and validate a job YAML (None: the demo defaults)."""
    if path is None:
        return TrainJobConfig()
    try:
        data = yaml.safe_load(Path(path).read_text()) or {}
    except yaml.YAMLError as exc:
        raise TrainConfigError(f"{path}: not valid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise TrainConfigError(f"{path}: expected a mapping at the top level")
    try:
        config = TrainJobConfig.model_validate(data)
    except ValidationError as exc:
        raise TrainConfigError(f"{path}: {_format_errors(exc)}") from None
    grpo_config_fields(config.grpo)
    return config


def grpo_config_fields(values: dict[str, Any]) -> None:
    """Reject `grpo` keys that are not RLVEGRPOConfig fields (with a suggestion)."""
    from rlve_gym.training.config import RLVEGRPOConfig

    known = {f.name for f in dataclasses.fields(RLVEGRPOConfig)}
    for key in values:
        if key not in known:
            raise TrainConfigError(f"grpo.{key}: unknown RLVEGRPOConfig field{did_you_mean(key, known)}")
    if values.get("beta", 0.0) != 0.0 or values.get("sync_ref_model", False):
        raise TrainConfigError("grpo.beta / grpo.sync_ref_model: RLVEGRPOTrainer has no KL term; remove them")
    if "output_dir" in values or "seed" in values:
        raise TrainConfigError("grpo.output_dir / grpo.seed: set them at the top level (output_dir, seed)")


class JsonlLogger:
    """A TrainerCallback writing every log dict (plus the step and wall time) as one JSON line."""

    def __init__(self, path: str, stage: str) -> None:
        self.path = path
        self.stage = stage
        self.started = time.monotonic()

    def write(self, step: int, values: dict[str, Any]) -> None:
        """Append one record."""
        record = {"stage": self.stage, "step": step, "time_s": round(time.monotonic() - self.started, 3)}
        record.update({k: v for k, v in values.items() if isinstance(v, int | float | str) and _finite(v)})
        with open(self.path, "a") as handle:
            handle.write(json.dumps(record) + "\n")

    def callback(self, echo: bool = True) -> Any:
        """The transformers callback; `echo` also prints a one-line summary of each log to stderr."""
        from transformers import TrainerCallback

        logger = self

        class _Callback(TrainerCallback):
            def on_log(self, args, state, control, logs=None, **kwargs):
                if logs:
                    logger.write(state.global_step, logs)
                    if echo:
                        print(progress_line(logger.stage, state.global_step, logs), file=sys.stderr, flush=True)
                return control

        return _Callback()


def progress_line(stage: str, step: int, logs: dict[str, Any]) -> str:
    """``grpo step 12: reward 0.41, ratio 0.62, d Sorting=1 CRT=0`` (what a person watching the run wants)."""
    parts = [f"{stage} step {step}:"]
    for key, label in (("loss", "loss"), ("reward", "reward"), ("curriculum/effective_prompt_ratio", "eff. ratio")):
        if isinstance(logs.get(key), int | float):
            parts.append(f"{label} {logs[key]:.3g}")
    highs = [
        f"{k.split('/')[1]}={int(v)}" for k, v in logs.items() if k.startswith("curriculum/") and k.endswith("/high")
    ]
    if highs:
        parts.append("d " + " ".join(highs))
    return " ".join(parts)


def _finite(value: Any) -> bool:
    return not isinstance(value, float) or math.isfinite(value)


def run_job(config: TrainJobConfig) -> dict[str, Any]:
    """Run warmup + GRPO; returns a summary (first/last mean reward, difficulty changes, paths)."""
    import torch
    from transformers import PrinterCallback

    from rlve_gym.batch import WorkerPool
    from rlve_gym.core.answers import format_prompt, reference_completion
    from rlve_gym.core.problem import ProblemSpec
    from rlve_gym.curriculum import Curriculum
    from rlve_gym.policies.zaya import load_policy
    from rlve_gym.training.config import RLVEGRPOConfig
    from rlve_gym.training.trainer import RLVEGRPOTrainer
    from rlve_gym.training.warmup import run_sft_warmup

    os.makedirs(config.output_dir, exist_ok=True)
    log_path = os.path.join(config.output_dir, config.log.jsonl)
    if os.path.exists(log_path):
        os.remove(log_path)
    curriculum = Curriculum.from_yaml(config.curriculum)
    grpo_values = {**config.grpo}
    answer_format = grpo_values.get("answer_format", "answer_tag")
    workers = int(grpo_values.get("verification_workers", 1))
    pool = WorkerPool(workers, timeout_s=float(grpo_values.get("verification_timeout_s", 10.0)))

    # Problems for the tokenizer and the warmup come from seeds far from the RL stream, at the starting ranges.
    def starting_specs(count: int, offset: int) -> list[ProblemSpec]:
        specs = []
        for index in range(count):
            task = curriculum.tasks[index % len(curriculum.tasks)]
            low, high = curriculum.difficulty_range(task)
            specs.append(ProblemSpec(task, low + index // len(curriculum.tasks) % (high - low + 1), offset + index))
        return specs

    corpus = None
    if config.model.name_or_path == "tiny" and config.model.tokenizer_problems:
        problems = [
            p
            for p in pool.generate(starting_specs(config.model.tokenizer_problems, 2_000_000_000))
            if hasattr(p, "prompt")
        ]
        corpus = [
            format_prompt(p.prompt, answer_format) + "\n" + reference_completion(p.reference_answer, answer_format)
            for p in problems
        ]
    dtype = getattr(torch, config.model.dtype) if config.model.dtype else None
    policy = load_policy(
        config.model.name_or_path,
        kernels=config.model.kernels,
        dtype=dtype,
        tokenizer_corpus=corpus,
        seed=config.seed,
        **config.model.overrides,
    )
    model, tokenizer = policy.model, policy.tokenizer
    summary: dict[str, Any] = {"output_dir": config.output_dir, "metrics": log_path}
    started = time.monotonic()
    if config.warmup.steps:
        history = run_sft_warmup(
            model,
            tokenizer,
            starting_specs(config.warmup.problems, 1_000_000_000),
            output_dir=os.path.join(config.output_dir, "warmup"),
            answer_format=answer_format,
            steps=config.warmup.steps,
            batch_size=config.warmup.batch_size,
            learning_rate=config.warmup.learning_rate,
            seed=config.seed,
            pool=pool,
        )
        warmup_log = JsonlLogger(log_path, "warmup")
        for entry in history:
            warmup_log.write(int(entry.get("step", 0)), entry)
        summary["warmup_final_loss"] = history[-1]["loss"] if history else None
    summary["warmup_seconds"] = round(time.monotonic() - started, 1)

    eval_specs = starting_specs(config.evaluation.problems * len(curriculum.tasks), 3_000_000_000)
    if config.evaluation.problems:
        summary["eval_accuracy_before_grpo"] = evaluate_greedy(
            model, tokenizer, pool, eval_specs, answer_format, config.evaluation.max_new_tokens
        )
    use_cpu = not torch.cuda.is_available()
    args = RLVEGRPOConfig(
        output_dir=config.output_dir,
        seed=config.seed,
        report_to=config.log.report_to,
        use_cpu=use_cpu,
        bf16=not use_cpu and grpo_values.pop("bf16", True),
        gradient_checkpointing=grpo_values.pop("gradient_checkpointing", False),
        disable_tqdm=grpo_values.pop("disable_tqdm", True),
        **grpo_values,
    )
    logger = JsonlLogger(log_path, "grpo")
    trainer = RLVEGRPOTrainer(
        model=model,
        curriculum=curriculum,
        args=args,
        processing_class=tokenizer,
        pool=pool,
        callbacks=[logger.callback()],
    )
    trainer.remove_callback(PrinterCallback)
    started = time.monotonic()
    trainer.train()
    summary["grpo_seconds"] = round(time.monotonic() - started, 1)
    if config.evaluation.problems:
        summary["eval_accuracy_after_grpo"] = evaluate_greedy(
            model, tokenizer, pool, eval_specs, answer_format, config.evaluation.max_new_tokens
        )
    trainer.save_model(os.path.join(config.output_dir, "final"))
    curriculum.save(os.path.join(config.output_dir, "final", "curriculum_state.json"))
    summary.update(summarize(log_path))
    if config.log.plot:
        summary["plot"] = plot_metrics(log_path, os.path.join(config.output_dir, config.log.plot))
    pool.close()
    return summary


def evaluate_greedy(
    model: Any, tokenizer: Any, pool: Any, specs: list[Any], answer_format: str, max_new_tokens: int
) -> dict[str, float]:
    """Greedy accuracy per task (and overall) on fixed problems."""
    from rlve_gym.batch import Failure
    from rlve_gym.core.answers import format_prompt
    from rlve_gym.inference import TransformersBackend

    problems = [p for p in pool.generate(specs) if not isinstance(p, Failure)]
    backend = TransformersBackend(model, tokenizer, temperature=0.0, batch_size=32)
    was_training = model.training
    model.eval()
    prompts = [format_prompt(p.prompt, answer_format) for p in problems]
    generations = backend.generate(prompts, max_new_tokens, [0] * len(prompts))
    model.train(was_training)
    verdicts = pool.verify(problems, [g.text for g in generations], reward_mode="binary")
    by_task: dict[str, list[int]] = {}
    for problem, verdict in zip(problems, verdicts, strict=True):
        by_task.setdefault(problem.task, []).append(verdict.accuracy)
    accuracy = {task: round(sum(v) / len(v), 4) for task, v in sorted(by_task.items())}
    accuracy["all"] = round(sum(v.accuracy for v in verdicts) / max(1, len(verdicts)), 4)
    return accuracy


def read_records(path: str) -> list[dict[str, Any]]:
    """The JSONL records of a run."""
    with open(path) as handle:
        return [json.loads(line) for line in handle if line.strip()]


def summarize(path: str) -> dict[str, Any]:
    """Mean reward over the first and last quarter of GRPO steps — overall, and at each difficulty level seen in
    both quarters (the curriculum moves to harder levels, so the overall mean mixes difficulties) — and the
    difficulty increases in the per-task curriculum metrics."""
    records = [r for r in read_records(path) if r["stage"] == "grpo" and "reward" in r]
    if not records:
        return {}
    quarter = max(1, len(records) // 4)
    first, last = records[:quarter], records[-quarter:]

    def mean(key: str, rows: list[dict[str, Any]]) -> float | None:
        values = [row[key] for row in rows if key in row]
        return round(sum(values) / len(values), 4) if values else None

    by_level = {}
    for key in sorted({k for r in records for k in r if k.startswith("rlve/reward_at_d")}):
        before, after = mean(key, first), mean(key, last)
        if before is not None and after is not None:
            by_level[key.removeprefix("rlve/reward_at_")] = [before, after]
    highs: dict[str, list[float]] = {}
    for record in records:
        for key, value in record.items():
            if key.startswith("curriculum/") and key.endswith("/high"):
                highs.setdefault(key.split("/")[1], []).append(value)
    increases = {task: int(values[-1] - values[0]) for task, values in highs.items() if values[-1] > values[0]}
    return {
        "reward_first_quarter": mean("reward", first),
        "reward_last_quarter": mean("reward", last),
        "reward_by_difficulty_first_vs_last_quarter": by_level,
        "difficulty_increases": increases,
        "grpo_steps": len(records),
    }


def plot_metrics(path: str, png: str) -> str:
    """Mean reward per step and each task's difficulty frontier per step (PNG)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    records = [r for r in read_records(path) if r["stage"] == "grpo" and "reward" in r]
    figure, (reward_axis, difficulty_axis) = plt.subplots(1, 2, figsize=(11, 4))
    steps = [r["step"] for r in records]
    reward_axis.plot(steps, [r["reward"] for r in records], label="mean reward", color="black")
    levels = sorted({k for r in records for k in r if k.startswith("rlve/reward_at_d")}, key=lambda k: int(k[16:]))
    for key in levels[:4]:
        reward_axis.plot(
            steps,
            [r.get(key, float("nan")) for r in records],
            label=key[5:].replace("_", " "),
            alpha=0.6,
            marker=".",
            linestyle="none",
        )
    if records and "curriculum/effective_prompt_ratio" in records[-1]:
        ratios = [r.get("curriculum/effective_prompt_ratio", float("nan")) for r in records]
        reward_axis.plot(steps, ratios, label="effective-prompt ratio", alpha=0.7)
    reward_axis.set_xlabel("optimizer step")
    reward_axis.set_title("reward")
    reward_axis.legend()
    tasks = sorted({k.split("/")[1] for r in records for k in r if k.startswith("curriculum/") and k.endswith("/high")})
    for task in tasks:
        difficulty_axis.step(
            steps, [r.get(f"curriculum/{task}/high", float("nan")) for r in records], label=task, where="post"
        )
    difficulty_axis.set_xlabel("optimizer step")
    difficulty_axis.set_title("difficulty frontier h per task")
    if tasks:
        difficulty_axis.legend()
    figure.tight_layout()
    figure.savefig(png, dpi=110)
    plt.close(figure)
    return png

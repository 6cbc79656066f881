"""SFT warmup on reference answers (the first stage of the RL cascade), with TRL's `SFTTrainer`.

Each example is a problem prompt (exactly as the RL stage shows it) and a completion holding its reference answer
in the requested answer format; the loss is on the completion only.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from datasets import Dataset

from rlve_gym.batch import Failure, WorkerPool
from rlve_gym.core.answers import format_prompt, reference_completion
from rlve_gym.core.problem import ProblemSpec


def warmup_dataset(
    specs: Sequence[ProblemSpec], *, answer_format: str, conversational: bool, pool: WorkerPool | None = None
) -> Dataset:
    """Prompt/completion pairs (reference answers) for the given problems; failed generations are skipped."""
    pool = pool or WorkerPool(0)
    prompts, completions = [], []
    for problem in pool.generate(list(specs)):
        if isinstance(problem, Failure):
            continue
        prompt = format_prompt(problem.prompt, answer_format)
        completion = reference_completion(problem.reference_answer, answer_format)
        if conversational:
            prompts.append([{"role": "user", "content": prompt}])
            completions.append([{"role": "assistant", "content": completion}])
        else:
            prompts.append(prompt)
            completions.append(completion)
    if not prompts:
        raise RuntimeError("no warmup problem could be generated")
    return Dataset.from_dict({"prompt": prompts, "completion": completions})


def run_sft_warmup(
    model: Any,
    tokenizer: Any,
    specs: Sequence[ProblemSpec],
    *,
    output_dir: str,
    answer_format: str = "answer_tag",
    steps: int = 100,
    batch_size: int = 16,
    learning_rate: float = 1e-3,
    seed: int = 0,
    use_cpu: bool | None = None,
    pool: WorkerPool | None = None,
) -> list[dict[str, float]]:
    """Fine-tune `model` in place on reference answers for `steps` optimizer steps; returns the log history."""
    import torch
    from transformers import PrinterCallback
    from trl import SFTConfig, SFTTrainer

    conversational = getattr(tokenizer, "chat_template", None) is not None
    dataset = warmup_dataset(specs, answer_format=answer_format, conversational=conversational, pool=pool)
    if use_cpu is None:
        use_cpu = not torch.cuda.is_available()
    config = SFTConfig(
        output_dir=output_dir,
        max_steps=steps,
        per_device_train_batch_size=batch_size,
        learning_rate=learning_rate,
        lr_scheduler_type="cosine",
        warmup_steps=max(1, steps // 20),
        logging_steps=max(1, steps // 10),
        save_strategy="no",
        report_to="none",
        seed=seed,
        use_cpu=use_cpu,
        bf16=False,
        gradient_checkpointing=False,
        completion_only_loss=True,
        max_length=None,
        disable_tqdm=True,
    )
    trainer = SFTTrainer(model=model, args=config, train_dataset=dataset, processing_class=tokenizer)
    trainer.remove_callback(PrinterCallback)
    trainer.train()
    return [entry for entry in trainer.state.log_history if "loss" in entry]

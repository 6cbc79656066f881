"""Trainer step time: RLVEGRPOTrainer (curriculum feed, batch verification, our loss) vs plain trl.GRPOTrainer
under the same settings (tiny ZAYA1 policy, same prompts' source, same reward function, dynamic sampling off).

    OMP_NUM_THREADS=1 python benchmarks/bench_trainer_overhead.py [--steps 20] [--json out.json]

Both trainers generate with the same model, batch and completion length, so the difference is the overhead of
the curriculum feed (sampling specs, generating problems, observing groups, re-assembling the batch) and of the
DPPO/Dr-GRPO loss. Prints a JSON line and a small table.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--json", help="write the result here too")
    args = parser.parse_args()

    import torch
    from datasets import Dataset
    from transformers import TrainerCallback
    from trl import GRPOConfig, GRPOTrainer

    from rlve_gym.batch import WorkerPool
    from rlve_gym.core.answers import format_prompt
    from rlve_gym.curriculum import Curriculum
    from rlve_gym.policies.zaya import load_policy
    from rlve_gym.training import RLVEGRPOConfig, RLVEGRPOTrainer, VerifierReward

    torch.set_num_threads(1)
    common = dict(
        max_steps=args.steps,
        per_device_train_batch_size=32,
        num_generations=8,
        max_completion_length=16,
        learning_rate=1e-3,
        use_cpu=True,
        bf16=False,
        report_to="none",
        save_strategy="no",
        gradient_checkpointing=False,
        logging_steps=1,
        disable_tqdm=True,
        seed=0,
    )

    class StepTimer(TrainerCallback):
        def __init__(self) -> None:
            self.times: list[float] = []
            self.started = 0.0

        def on_step_begin(self, *a, **k):
            self.started = time.perf_counter()

        def on_step_end(self, *a, **k):
            self.times.append(time.perf_counter() - self.started)

    curriculum = Curriculum.from_yaml("smoke")
    pool = WorkerPool(0)
    # plain TRL: a static dataset of the same kind of prompts, verified by the same reward function
    problems = [pool.generate(curriculum.sample(1))[0] for _ in range(args.steps * 4 + 8)]
    policy = load_policy("tiny", kernels="eager", seed=0)
    conversational = policy.tokenizer.chat_template is not None
    rows = {
        "prompt": [
            [{"role": "user", "content": format_prompt(p.prompt)}] if conversational else format_prompt(p.prompt)
            for p in problems
        ],
        "problem": [p.to_json() for p in problems],
    }
    plain_timer = StepTimer()
    plain = GRPOTrainer(
        model=policy.model,
        reward_funcs=[VerifierReward(pool, "binary")],
        args=GRPOConfig(output_dir="/tmp/bench_plain", loss_type="dr_grpo", scale_rewards="none", beta=0.0, **common),
        train_dataset=Dataset.from_dict(rows),
        processing_class=policy.tokenizer,
        callbacks=[plain_timer],
    )
    plain.train()

    policy = load_policy("tiny", kernels="eager", seed=0)
    ours_timer = StepTimer()
    ours = RLVEGRPOTrainer(
        model=policy.model,
        curriculum=Curriculum.from_yaml("smoke"),
        args=RLVEGRPOConfig(output_dir="/tmp/bench_ours", dynamic_sampling=False, verification_workers=0, **common),
        processing_class=policy.tokenizer,
        pool=pool,
        callbacks=[ours_timer],
    )
    ours.train()

    skip = min(2, args.steps - 1)  # the first steps include one-off start-up costs
    plain_median = statistics.median(plain_timer.times[skip:])
    ours_median = statistics.median(ours_timer.times[skip:])
    result = {
        "steps": args.steps,
        "plain_grpo_s_per_step": round(plain_median, 4),
        "rlve_grpo_s_per_step": round(ours_median, 4),
        "overhead_fraction": round(ours_median / plain_median - 1, 4),
    }
    print(json.dumps(result))
    print(
        f"| trainer | s/step (median) |\n|---|---:|\n| trl GRPOTrainer | {plain_median:.3f} |\n"
        f"| RLVEGRPOTrainer | {ours_median:.3f} |\n| overhead | {100 * result['overhead_fraction']:+.1f}% |"
    )
    if args.json:
        with open(args.json, "w") as handle:
            json.dump(result, handle)


if __name__ == "__main__":
    main()

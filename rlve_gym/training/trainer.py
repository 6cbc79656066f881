"""`RLVEGRPOTrainer`: TRL's `GRPOTrainer` fed by an adaptive curriculum, with the ZAYA1 RL spine.

What it changes in `trl.GRPOTrainer` (trl 1.16), and where:

- `_generate_and_score_completions`: prompts come from the curriculum (task, difficulty and seed travel with
  every row), rewards from batch verification in a worker pool; every finished group is reported to
  `curriculum.observe` — also the groups that dynamic sampling drops — and groups with zero reward variance are
  replaced by fresh ones (up to `max_sampling_rounds`); advantages are recomputed with the configured estimator
  (plus the optional length reward in the numerator).
- `_compute_loss`: PPO clipping or the DPPO Binary-TV trust region, Dr. GRPO / sequence-mean / token-mean
  aggregation, and no KL term.
- `_generate` / `_get_per_token_logps_and_entropies` (with `router_replay`): the experts each MoE layer chose while
  generating are recorded, travel with the batch, and are replayed in every later forward over those rows, so
  rollout and training log-probs use the same routing.
- `_save_checkpoint` / `_load_optimizer_and_scheduler`: the curriculum state is saved in every checkpoint and
  restored on resume; a callback calls `curriculum.step()` after every optimizer step.

Shape legend: B completions in a batch, G completions per group, P prompt tokens, T completion tokens.
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from typing import Any, Protocol

import torch
from accelerate.utils import gather_object
from datasets import Dataset
from transformers import TrainerCallback
from trl import GRPOTrainer

from rlve_gym.batch import Failure, WorkerPool
from rlve_gym.core.answers import format_prompt
from rlve_gym.core.problem import Problem, ProblemSpec
from rlve_gym.training.config import RLVEGRPOConfig
from rlve_gym.training.objectives import (
    aggregate,
    dppo_binary_tv_loss,
    group_advantages,
    length_bonus,
    ppo_clip_loss,
)
from rlve_gym.training.rewards import VerifierReward

CURRICULUM_STATE_FILE = "curriculum_state.json"
MAX_GENERATION_FAILURE_ROUNDS = 20


class CurriculumLike(Protocol):
    """What the trainer needs from a curriculum (`rlve_gym.curriculum.Curriculum` provides it)."""

    def sample(self, n: int) -> list[ProblemSpec]:
        """The next `n` problems to generate."""

    def observe(self, spec: ProblemSpec, accuracies: Sequence[int]) -> None:
        """The binary accuracies of one problem's rollouts."""

    def step(self) -> Any:
        """Called once per optimizer step (difficulty updates)."""

    def save(self, path: str) -> None:
        """Write the state atomically."""

    def load(self, path: str) -> None:
        """Restore the state written by `save`."""


class CurriculumStepCallback(TrainerCallback):
    """Calls `curriculum.step()` after every optimizer step (difficulty updates happen there)."""

    def __init__(self, curriculum: CurriculumLike) -> None:
        self.curriculum = curriculum

    def on_step_end(self, args, state, control, **kwargs):
        self.curriculum.step()
        return control


def _pad(tensors: list[torch.Tensor], value: float | int, side: str) -> torch.Tensor:
    """Concatenate (B_i, L_i) tensors along B, padding L to the longest on `side`."""
    length = max(t.size(1) for t in tensors)
    padded = []
    for t in tensors:
        missing = length - t.size(1)
        if missing:
            filler = torch.full((t.size(0), missing), value, dtype=t.dtype, device=t.device)
            t = torch.cat([filler, t] if side == "left" else [t, filler], dim=1)
        padded.append(t)
    return torch.cat(padded, dim=0)


def _pad_positions(records: list[torch.Tensor]) -> torch.Tensor:
    """Concatenate (B_i, S_i, L) routing records along B, padding S with "not recorded" (-1, routes freely)."""
    length = max(r.size(1) for r in records)
    return torch.cat([torch.nn.functional.pad(r, (0, 0, 0, length - r.size(1)), value=-1) for r in records])


class RLVEGRPOTrainer(GRPOTrainer):
    """GRPO on rlve_gym tasks, driven by a curriculum (see the module docstring).

    Args:
        model: a causal LM (instance or path), as for `trl.GRPOTrainer`.
        curriculum: where prompts come from (`rlve_gym.curriculum.Curriculum` or anything `CurriculumLike`).
        args: `RLVEGRPOConfig`.
        processing_class: the tokenizer (left padding, pad token set).
        pool: the `WorkerPool` for problem generation and verification (default: built from `args`).
        callbacks, **kwargs: passed to `trl.GRPOTrainer` (no `reward_funcs` or `train_dataset`: the curriculum and
            the verifiers provide them).
    """

    def __init__(
        self,
        model: Any,
        curriculum: CurriculumLike,
        args: RLVEGRPOConfig,
        processing_class: Any,
        pool: WorkerPool | None = None,
        callbacks: list[TrainerCallback] | None = None,
        **kwargs: Any,
    ) -> None:
        if not isinstance(args, RLVEGRPOConfig):
            raise TypeError("RLVEGRPOTrainer needs an RLVEGRPOConfig")
        for forbidden in ("reward_funcs", "train_dataset"):
            if forbidden in kwargs:
                raise TypeError(f"{forbidden} is provided by the curriculum and the verifiers; do not pass it")
        self.curriculum = curriculum
        self.pool = pool or WorkerPool(args.verification_workers, timeout_s=args.verification_timeout_s)
        eos = getattr(processing_class, "eos_token_id", None)
        self.verifier = VerifierReward(
            self.pool,
            reward_mode=args.reward_mode,
            truncation_length=args.max_completion_length if args.truncated_completions == "fail" else None,
            eos_token_ids=[eos] if isinstance(eos, int) else list(eos or []),
        )
        self._conversational = getattr(processing_class, "chat_template", None) is not None
        # The rows of this dataset are never read: `_generate_and_score_completions` draws prompts from the curriculum.
        placeholder = Dataset.from_dict({"prompt": [""] * max(1, args.generation_batch_size // args.num_generations)})
        super().__init__(
            model=model,
            reward_funcs=[self.verifier],
            args=args,
            train_dataset=placeholder,
            processing_class=processing_class,
            callbacks=[CurriculumStepCallback(curriculum), *(callbacks or [])],
            **kwargs,
        )
        self.verifier.eos_token_ids |= frozenset(self.eos_token_ids)
        self.generation_failures = 0
        """Problems whose generation failed or timed out (skipped; later seeds unaffected)."""
        self._routing = None  # the RoutingRecord of the rows being scored, when router_replay is on
        if args.router_replay:
            from rlve_gym.policies.zaya.routing import find_routers

            if not find_routers(self.accelerator.unwrap_model(self.model)):
                raise ValueError("router_replay=True but the model has no ZAYA1 MoE routers")

    # ------------------------------------------------------------------------------------------ curriculum feed
    def _draw_problems(self, count: int) -> list[Problem]:
        """`count` problems from the curriculum, skipping failed generations. Identical on every process."""
        problems: list[Problem] = []
        for _ in range(MAX_GENERATION_FAILURE_ROUNDS):
            specs = self.curriculum.sample(count - len(problems))
            for result in self.pool.generate(specs):
                if isinstance(result, Failure):
                    self.generation_failures += 1
                else:
                    problems.append(result)
            if len(problems) == count:
                return problems
        raise RuntimeError(f"problem generation kept failing ({self.generation_failures} failures); see the pool")

    def _rows(self, problems: Sequence[Problem]) -> list[dict[str, Any]]:
        """G identical rows per problem, in the format `GRPOTrainer` expects."""
        rows = []
        for problem in problems:
            text = format_prompt(problem.prompt, self.args.answer_format)
            prompt: Any = [{"role": "user", "content": text}] if self._conversational else text
            row = {
                "prompt": prompt,
                "problem": problem.to_json(),
                "task": problem.task,
                "difficulty": problem.difficulty,
                "seed": problem.seed,
            }
            rows.extend(dict(row) for _ in range(self.num_generations))
        return rows

    # ------------------------------------------------------------------------------------------ router replay
    def _generate(self, prompts: list[Any]) -> Any:
        if not self.args.router_replay:
            return super()._generate(prompts)
        from rlve_gym.policies.zaya.router_replay import RoutingRecord, recording

        with recording(self.accelerator.unwrap_model(self.model)) as recorder:
            result = super()._generate(prompts)
        self._routing = RoutingRecord.cat(recorder.records)
        return result

    def _get_per_token_logps_and_entropies(
        self,
        model: Any,
        input_ids: torch.Tensor,
        attention_mask: torch.Tensor,
        logits_to_keep: int,
        batch_size: int | None = None,
        **kwargs: Any,
    ) -> Any:
        if self._routing is None:
            return super()._get_per_token_logps_and_entropies(
                model, input_ids, attention_mask, logits_to_keep, batch_size, **kwargs
            )
        from rlve_gym.policies.zaya.router_replay import replaying

        record, rows_total = self._routing, input_ids.size(0)
        chunk = batch_size or rows_total
        logps, entropies, aux = [], [], []
        for start in range(0, rows_total, chunk):
            rows = slice(start, min(rows_total, start + chunk))
            with replaying(self.accelerator.unwrap_model(model), record.select(rows)) as replay:
                part = super()._get_per_token_logps_and_entropies(
                    model, input_ids[rows], attention_mask[rows], logits_to_keep, chunk, **kwargs
                )
            self._metrics["train" if self.model.training else "eval"]["rlve/router_replay_mismatch"].append(
                replay.mismatch_fraction
            )
            logps.append(part[0])
            entropies.append(part[1])
            aux.append(part[2])
        entropy = torch.cat(entropies) if entropies[0] is not None else None
        aux_loss = torch.stack(aux).mean() if aux[0] is not None else None
        return torch.cat(logps), entropy, aux_loss

    # ------------------------------------------------------------------------------------------ curriculum feed
    def _generate_and_score_completions(self, inputs: list[dict[str, Any]]) -> dict[str, Any]:
        group_size = self.num_generations
        groups_needed = len(inputs) // group_size
        world, rank = self.accelerator.num_processes, self.accelerator.process_index
        kept: list[tuple[dict[str, Any], int]] = []  # (round output, local group index)
        fillers: list[tuple[dict[str, Any], int]] = []
        local_rewards: dict[int, torch.Tensor] = {}  # id(output) → rewards_B of that round
        local_correct: dict[int, torch.Tensor] = {}
        groups_seen = groups_informative = rounds = 0
        by_difficulty: dict[int, list[float]] = {}  # rewards of every sampled rollout, by problem difficulty
        while rounds < self.args.max_sampling_rounds:
            rounds += 1
            deficits = gather_object([groups_needed - len(kept)])
            deficit = max(deficits)
            if deficit <= 0:
                break
            per_process = deficit
            if self.args.dynamic_sampling:
                per_process = math.ceil(deficit * self.args.oversampling_factor)
            problems = self._draw_problems(per_process * world)
            local_problems = problems[rank * per_process : (rank + 1) * per_process]
            output = super()._generate_and_score_completions(self._rows(local_problems))
            if self.args.router_replay:
                output["routing_expert_indices"] = self._routing.expert_indices
                output["routing_left_padding"] = self._routing.left_padding
                self._routing = None
            verdicts = self.verifier.last_verdicts
            rewards_B = torch.tensor([v.reward for v in verdicts], dtype=torch.float32)
            correct_B = torch.tensor([v.accuracy for v in verdicts], dtype=torch.float32)
            local_rewards[id(output)], local_correct[id(output)] = rewards_B, correct_B
            # every process observes every group, in the same order, so all curriculum copies stay identical
            gathered = gather_object([[(v.accuracy, v.reward) for v in verdicts]])
            flat = [pair for chunk in gathered for pair in chunk]
            for index, problem in enumerate(problems):
                group = flat[index * group_size : (index + 1) * group_size]
                spec = ProblemSpec(problem.task, problem.difficulty, problem.seed)
                self.curriculum.observe(spec, [accuracy for accuracy, _ in group])
                groups_seen += 1
                groups_informative += len({reward for _, reward in group}) > 1
                by_difficulty.setdefault(problem.difficulty, []).extend(reward for _, reward in group)
            rewards_NG = rewards_B.view(-1, group_size)
            for group in range(rewards_NG.size(0)):
                informative = bool(rewards_NG[group].max() > rewards_NG[group].min())
                if len(kept) < groups_needed and (informative or not self.args.dynamic_sampling):
                    kept.append((output, group))
                else:
                    fillers.append((output, group))
            if not self.args.dynamic_sampling:
                break
        missing = groups_needed - len(kept)
        if missing > 0:  # still short after the last round: zero-variance groups (advantage 0) keep the shape
            kept.extend(fillers[-missing:])
        mode = "train" if self.model.training else "eval"
        self._metrics[mode]["rlve/effective_prompt_ratio"].append(groups_informative / max(1, groups_seen))
        self._metrics[mode]["rlve/sampling_rounds"].append(float(rounds))
        for difficulty, values in sorted(by_difficulty.items()):
            self._metrics[mode][f"rlve/reward_at_d{difficulty}"].append(sum(values) / len(values))
        self._metrics[mode]["rlve/generation_failures"].append(float(self.generation_failures))
        return self._assemble(kept, local_rewards, local_correct)

    def _assemble(
        self,
        kept: list[tuple[dict[str, Any], int]],
        rewards: dict[int, torch.Tensor],
        correct: dict[int, torch.Tensor],
    ) -> dict[str, Any]:
        """Concatenate the kept groups of all rounds into one generation batch and compute their advantages."""
        group_size = self.num_generations
        device = self.accelerator.device
        pieces: dict[str, list[torch.Tensor]] = {}
        rewards_kept, correct_kept = [], []
        for output, group in kept:
            rows = slice(group * group_size, (group + 1) * group_size)
            for key in ("prompt_ids", "prompt_mask", "completion_ids", "completion_mask"):
                pieces.setdefault(key, []).append(output[key][rows])
            for key in (
                "old_per_token_logps",
                "sampling_per_token_logps",
                "tool_mask",
                "routing_expert_indices",
                "routing_left_padding",
            ):
                if key in output:
                    pieces.setdefault(key, []).append(output[key][rows])
            rewards_kept.append(rewards[id(output)][rows])
            correct_kept.append(correct[id(output)][rows])
        pad_id = self.processing_class.pad_token_id
        batch: dict[str, Any] = {
            "prompt_ids": _pad(pieces["prompt_ids"], pad_id, "left"),
            "prompt_mask": _pad(pieces["prompt_mask"], 0, "left"),
            "completion_ids": _pad(pieces["completion_ids"], pad_id, "right"),
            "completion_mask": _pad(pieces["completion_mask"], 0, "right"),
        }
        for key, fill in (("old_per_token_logps", 0.0), ("sampling_per_token_logps", 0.0), ("tool_mask", 1)):
            if key in pieces and len(pieces[key]) == len(kept):
                batch[key] = _pad(pieces[key], fill, "right")
        if "routing_expert_indices" in pieces:
            batch["routing_expert_indices"] = _pad_positions(pieces["routing_expert_indices"])
            batch["routing_left_padding"] = torch.cat(pieces["routing_left_padding"])
        rewards_B = torch.cat(rewards_kept)
        bonus_B = None
        if self.args.length_reward_coef > 0:
            lengths_B = batch["completion_mask"].sum(dim=1).float().cpu()
            bonus_B = length_bonus(torch.cat(correct_kept), lengths_B, group_size, self.args.length_reward_coef)
        batch["advantages"] = group_advantages(rewards_B, group_size, self.args.advantage_estimator, bonus_B).to(device)
        loss_mask = batch["completion_mask"] * batch.get("tool_mask", 1)
        batch["num_items_in_batch"] = self.accelerator.gather(loss_mask.sum()).sum()
        return batch

    # ------------------------------------------------------------------------------------------ loss
    def _compute_loss(self, model: Any, inputs: dict[str, Any]) -> torch.Tensor:
        prompt_ids, prompt_mask = inputs["prompt_ids"], inputs["prompt_mask"]
        completion_ids, completion_mask = inputs["completion_ids"], inputs["completion_mask"]
        input_ids = torch.cat([prompt_ids, completion_ids], dim=1)
        attention_mask = torch.cat([prompt_mask, completion_mask], dim=1)
        mask_BT = completion_mask if "tool_mask" not in inputs else completion_mask * inputs["tool_mask"]
        if "routing_expert_indices" in inputs:
            from rlve_gym.policies.zaya.router_replay import RoutingRecord

            self._routing = RoutingRecord(inputs["routing_expert_indices"], inputs["routing_left_padding"])
        try:
            logps_BT, entropies_BT, _ = self._get_per_token_logps_and_entropies(
                model, input_ids, attention_mask, completion_ids.size(1), compute_entropy=True
            )
        finally:
            self._routing = None
        advantages_B1 = inputs["advantages"].unsqueeze(1)
        old_BT = inputs.get("old_per_token_logps")
        old_BT = logps_BT.detach() if old_BT is None else old_BT
        if self.args.trust_region == "dppo_binary_tv":
            behaviour_BT = inputs.get("sampling_per_token_logps", old_BT)
            loss_BT, in_region_BT = dppo_binary_tv_loss(
                logps_BT, behaviour_BT, advantages_B1, self.args.dppo_delta, self.args.importance_cap
            )
            outside_BT = 1.0 - in_region_BT
        else:
            loss_BT, clipped_BT = ppo_clip_loss(logps_BT, old_BT, advantages_B1, self.epsilon_low, self.epsilon_high)
            outside_BT = clipped_BT.float()
        mode = "train" if self.model.training else "eval"
        accumulation = self.current_gradient_accumulation_steps if mode == "train" else 1
        if self.args.loss_aggregation == "token_mean":
            total = inputs["num_items_in_batch"].clamp(min=1.0) / self.accelerator.num_processes
            if mode == "train":
                total = total * accumulation / self.args.steps_per_generation
            loss = aggregate(
                loss_BT, mask_BT, "token_mean", max_completion_length=self.max_completion_length, total_tokens=total
            )
        else:
            loss = (
                aggregate(
                    loss_BT, mask_BT, self.args.loss_aggregation, max_completion_length=self.max_completion_length
                )
                / accumulation
            )
        tokens = mask_BT.sum().clamp(min=1.0)
        stats = torch.stack([(entropies_BT * mask_BT).sum(), (outside_BT * mask_BT).sum(), tokens]).detach()
        entropy_sum, outside_sum, token_sum = self.accelerator.reduce(stats, reduction="sum").tolist()
        self._metrics[mode]["entropy"].append(entropy_sum / max(token_sum, 1.0))
        self._metrics[mode]["rlve/trust_region_masked_fraction"].append(outside_sum / max(token_sum, 1.0))
        return loss

    # ------------------------------------------------------------------------------------------ checkpoints
    def _save_checkpoint(self, model: Any, trial: Any) -> None:
        super()._save_checkpoint(model, trial)
        if self.args.should_save:
            from transformers.trainer_utils import PREFIX_CHECKPOINT_DIR

            folder = os.path.join(
                self._get_output_dir(trial=trial), f"{PREFIX_CHECKPOINT_DIR}-{self.state.global_step}"
            )
            self.curriculum.save(os.path.join(folder, CURRICULUM_STATE_FILE))

    def _load_optimizer_and_scheduler(self, checkpoint: str | None) -> None:
        super()._load_optimizer_and_scheduler(checkpoint)
        if checkpoint is None:
            return
        path = os.path.join(checkpoint, CURRICULUM_STATE_FILE)
        if not os.path.exists(path):
            raise FileNotFoundError(f"{path} is missing: cannot resume the curriculum exactly from {checkpoint}")
        self.curriculum.load(path)

    def log(self, logs: dict[str, float], start_time: float | None = None) -> None:
        """Add the curriculum's metrics (per-task ranges, accuracies, effective-prompt ratio) to every log."""
        metrics = getattr(self.curriculum, "metrics", None)
        if callable(metrics):
            values = metrics()
            flat = values.flat() if hasattr(values, "flat") else dict(values)
            logs.update({name: float(value) for name, value in flat.items() if isinstance(value, int | float)})
        super().log(logs, start_time)

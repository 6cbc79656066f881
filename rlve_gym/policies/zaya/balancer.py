"""Expert-load balancing for ZAYA1 routers by steering each layer's `balancing_biases`.

ZAYA1's router picks ``argmax(softmax(logits) + b)``; the biases b change only the choice, never the gate weight
or the loss. The ZAYA1 report balances experts with a controller on b driven by the per-layer load error

    error_e = share of (real) tokens routed to class e − target_e,    target_e = (1 − s) / E for experts, s for skip

measured over a whole (global) batch. Two update rules are offered:

- ``mode="pid"``: a PID controller in velocity form, ``u = kp·error + ki·Σerror + kd·Δerror`` and
  ``b ← b − (u_t − u_{t−1})``, i.e. ``b = b_0 − u``; the integral term is what holds a non-zero bias at zero error
  (``ki`` alone is DeepSeek-style loss-free balancing without the sign). ``integral_limit`` bounds |Σerror|.
- ``mode="optimizer"``: the error is handed to AdamW as the "gradient" of b, as ZAYA1's public code does.

Both run under ``torch.no_grad()`` on an fp32 copy of the biases, are independent of the LM loss, and count only
real tokens (attention mask) of training-mode forwards (``count_eval_forwards`` to include eval/generation).
Counts accumulate over every forward between two `step()` calls (gradient accumulation = one global batch) and are
summed across ranks when torch.distributed is initialised.

The skip slot (class E, ZAYA1's MoD "skip expert", bias initialised to −1): with ``skip_target_share=None`` (the
default) its bias is never changed and skip-routed tokens simply count against the experts' shares; a number in
[0, 1) makes the skip slot a controlled class with that target share.

Metrics per layer from `step()`: ``load_entropy`` = H(p)/ln E of the expert load (1 = uniform), ``max_load`` =
largest expert share, ``bias_norm`` = L2 norm of the expert biases, ``skip_share``; plus their layer mean/max.

Off by default during RL: nothing in rlve_gym creates a balancer unless asked, so RL fine-tuning keeps the
checkpoint's biases frozen, as ZAYA1's RL stages do.

Shape legend: C router classes (E experts + skip), L MoE layers.
"""

from __future__ import annotations

import copy
import dataclasses
import difflib
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

import torch
from torch import nn
from transformers.models.zaya.modeling_zaya import ZayaRouter

from rlve_gym.policies.zaya.routing import BackboneCall, RouterHooks, routed_classes


@dataclass(frozen=True)
class BalancerConfig:
    """Settings of `BiasBalancer`."""

    mode: Literal["pid", "optimizer"] = "pid"
    """'pid': PID controller on the biases; 'optimizer': the load error is AdamW's gradient for the biases."""
    kp: float = 0.0
    """PID proportional gain."""
    ki: float = 1e-2
    """PID integral gain (bias change per step per unit of load error)."""
    kd: float = 0.0
    """PID derivative gain."""
    integral_limit: float | None = None
    """PID anti-windup: clamp each accumulated error to [-limit, limit] (None: unbounded)."""
    lr: float = 1e-3
    """AdamW learning rate ('optimizer' mode)."""
    betas: tuple[float, float] = (0.9, 0.999)
    """AdamW betas ('optimizer' mode)."""
    eps: float = 1e-8
    """AdamW epsilon ('optimizer' mode)."""
    skip_target_share: float | None = None
    """None: the skip slot's bias stays fixed; a number in [0, 1): target share of skip-routed tokens."""
    count_eval_forwards: bool = False
    """Also count routing of forwards in eval mode (e.g. rollout generation)."""
    sync_across_ranks: bool = True
    """Sum expert counts over torch.distributed ranks before each update (global-batch balancing)."""

    def __post_init__(self) -> None:
        if self.mode not in ("pid", "optimizer"):
            raise ValueError(f"mode must be 'pid' or 'optimizer', got {self.mode!r}")
        for name in ("kp", "ki", "kd"):
            value = getattr(self, name)
            if not math.isfinite(value) or value < 0:
                raise ValueError(f"{name} must be a finite number >= 0, got {value!r}")
        if self.integral_limit is not None and not self.integral_limit > 0:
            raise ValueError("integral_limit must be > 0 or None")
        if not self.lr > 0 or not self.eps > 0:
            raise ValueError("lr and eps must be > 0")
        if len(self.betas) != 2 or not all(0 <= beta < 1 for beta in self.betas):
            raise ValueError(f"betas must be two numbers in [0, 1), got {self.betas!r}")
        if self.skip_target_share is not None and not 0 <= self.skip_target_share < 1:
            raise ValueError("skip_target_share must be in [0, 1) or None")

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any]) -> BalancerConfig:
        """Build from a plain mapping (e.g. YAML); unknown keys raise and name the nearest valid key."""
        names = [field.name for field in dataclasses.fields(cls)]
        for key in values:
            if key not in names:
                nearest = difflib.get_close_matches(key, names, n=1)
                hint = f"; did you mean {nearest[0]!r}?" if nearest else ""
                raise ValueError(f"unknown balancer option {key!r}{hint}")
        values = dict(values)
        if "betas" in values:
            values["betas"] = tuple(values["betas"])
        return cls(**values)


class _LayerState:
    """Per-layer controller state, all fp32 of shape (C,) on the router's device."""

    def __init__(self, bias_C: torch.Tensor):
        self.bias_C = bias_C.detach().to(torch.float32).clone()
        self.integral_C = torch.zeros_like(self.bias_C)
        self.previous_error_C: torch.Tensor | None = None
        self.previous_control_C = torch.zeros_like(self.bias_C)


class BiasBalancer(RouterHooks):
    """Counts each layer's routing via hooks and updates `balancing_biases` on `step()`; `detach()` stops it."""

    def __init__(self, model: nn.Module, config: BalancerConfig | None = None):
        super().__init__(model)
        self.config = config if config is not None else BalancerConfig()
        self.num_experts = self._routers[0].num_experts
        num_classes = self.num_experts + 1
        device = self._routers[0].balancing_biases.device
        self._counts_LC = torch.zeros(len(self._routers), num_classes, dtype=torch.long, device=device)
        self._layers = [_LayerState(router.balancing_biases) for router in self._routers]
        self._optimizer: torch.optim.Optimizer | None = None
        if self.config.mode == "optimizer":
            for state in self._layers:
                state.bias_C.requires_grad_(True)
            self._optimizer = torch.optim.AdamW(
                [state.bias_C for state in self._layers],
                lr=self.config.lr,
                betas=self.config.betas,
                eps=self.config.eps,
                weight_decay=0.0,
            )
        self.steps = 0
        self._real_tokens_T: torch.Tensor | None = None
        self._in_forward = False

    def _on_start(self, call: BackboneCall) -> None:
        self._in_forward = True
        self._real_tokens_T = None if call.real_tokens is None else call.real_tokens.reshape(-1)

    def _on_end(self) -> None:
        self._in_forward = False
        self._real_tokens_T = None

    def _on_router(self, router: ZayaRouter, inputs: tuple, output: tuple) -> None:
        # Outside a backbone forward means a gradient-checkpoint recomputation: those tokens were already counted.
        if not self._in_forward or not (router.training or self.config.count_eval_forwards):
            return
        classes_T = routed_classes(router, output[0]).to(self._counts_LC.device)
        if self._real_tokens_T is None:
            weights_T = torch.ones_like(classes_T)
        else:
            weights_T = self._real_tokens_T.to(device=classes_T.device, dtype=classes_T.dtype)
        # index_add_ instead of boolean masking or bincount: neither forces a device sync per layer.
        self._counts_LC[router.layer_idx].index_add_(0, classes_T, weights_T)

    @property
    def pending_tokens(self) -> int:
        """Tokens counted (per layer) since the last `step()`."""
        return int(self._counts_LC[0].sum())

    def _targets(self, device: torch.device) -> torch.Tensor:
        skip_share = self.config.skip_target_share or 0.0
        target_C = torch.full((self.num_experts + 1,), (1.0 - skip_share) / self.num_experts, device=device)
        target_C[-1] = skip_share
        return target_C

    @torch.no_grad()
    def step(self) -> dict[str, float]:
        """Update every layer's biases from the routing counted since the last step, reset the counts, and return
        metrics of that routing (empty if nothing was counted)."""
        counts_LC = self._counts_LC.clone()
        self._counts_LC.zero_()
        if self.config.sync_across_ranks and torch.distributed.is_available() and torch.distributed.is_initialized():
            torch.distributed.all_reduce(counts_LC)
        totals_L = counts_LC.sum(dim=1)
        if int(totals_L.min()) == 0:
            return {}
        shares_LC = counts_LC.to(torch.float32) / totals_L[:, None].to(torch.float32)
        errors_LC = shares_LC - self._targets(shares_LC.device)
        if self.config.skip_target_share is None:
            errors_LC[:, -1] = 0.0
        for router, state, error_C in zip(self._routers, self._layers, errors_LC, strict=True):
            self._sync_from_buffer(router, state)
            if self.config.mode == "pid":
                self._pid_update(state, error_C.to(state.bias_C.device))
            else:
                state.bias_C.grad = error_C.to(state.bias_C.device).clone()
        if self._optimizer is not None:
            self._optimizer.step()
            self._optimizer.zero_grad(set_to_none=True)
        for router, state in zip(self._routers, self._layers, strict=True):
            router.balancing_biases.copy_(state.bias_C.detach())
        self.steps += 1
        return self._metrics(counts_LC)

    def _sync_from_buffer(self, router: ZayaRouter, state: _LayerState) -> None:
        # If someone replaced the bias values (e.g. loaded a checkpoint), continue from the new values.
        buffer_C = router.balancing_biases
        if buffer_C.device != state.bias_C.device:
            raise RuntimeError("the model moved to another device after the balancer was created; recreate it")
        if not torch.equal(buffer_C, state.bias_C.detach().to(buffer_C.dtype)):
            state.bias_C.data.copy_(buffer_C.to(torch.float32))

    def _pid_update(self, state: _LayerState, error_C: torch.Tensor) -> None:
        config = self.config
        state.integral_C += error_C
        if config.integral_limit is not None:
            state.integral_C.clamp_(-config.integral_limit, config.integral_limit)
        previous_C = state.previous_error_C if state.previous_error_C is not None else error_C
        control_C = config.kp * error_C + config.ki * state.integral_C + config.kd * (error_C - previous_C)
        state.bias_C -= control_C - state.previous_control_C
        state.previous_control_C = control_C
        state.previous_error_C = error_C.clone()

    def _metrics(self, counts_LC: torch.Tensor) -> dict[str, float]:
        metrics: dict[str, float] = {}
        expert_counts_LE = counts_LC[:, : self.num_experts].to(torch.float64)
        entropies, max_loads = [], []
        for layer, (router, expert_counts_E) in enumerate(zip(self._routers, expert_counts_LE, strict=True)):
            routed = float(expert_counts_E.sum())
            load_E = expert_counts_E / routed if routed > 0 else torch.zeros_like(expert_counts_E)
            entropy = float(-(load_E[load_E > 0] * load_E[load_E > 0].log()).sum())
            normalized_entropy = entropy / math.log(self.num_experts) if self.num_experts > 1 else 1.0
            max_load = float(load_E.max())
            prefix = f"balancer/layer_{layer}"
            metrics[f"{prefix}/load_entropy"] = normalized_entropy
            metrics[f"{prefix}/max_load"] = max_load
            metrics[f"{prefix}/bias_norm"] = float(router.balancing_biases[: self.num_experts].float().norm())
            metrics[f"{prefix}/skip_share"] = float(counts_LC[layer, -1]) / float(counts_LC[layer].sum())
            entropies.append(normalized_entropy)
            max_loads.append(max_load)
        metrics["balancer/load_entropy"] = sum(entropies) / len(entropies)
        metrics["balancer/max_load"] = max(max_loads)
        return metrics

    def state_dict(self) -> dict[str, Any]:
        """Controller state for checkpoints (the biases themselves live in the model's state dict)."""
        return {
            "steps": self.steps,
            "mode": self.config.mode,
            "layers": [
                {
                    "integral": state.integral_C.detach().cpu().clone(),
                    "previous_error": None if state.previous_error_C is None else state.previous_error_C.cpu().clone(),
                    "previous_control": state.previous_control_C.cpu().clone(),
                }
                for state in self._layers
            ],
            "optimizer": None if self._optimizer is None else copy.deepcopy(self._optimizer.state_dict()),
        }

    def load_state_dict(self, saved: Mapping[str, Any]) -> None:
        """Restore `state_dict()` output (same mode and number of layers)."""
        if saved["mode"] != self.config.mode or len(saved["layers"]) != len(self._layers):
            raise ValueError("balancer state was saved with another mode or layer count")
        for router, state, layer in zip(self._routers, self._layers, saved["layers"], strict=True):
            device = state.bias_C.device
            state.bias_C.data.copy_(router.balancing_biases.to(torch.float32))
            # Copies, so the controller never updates tensors the caller still holds.
            state.integral_C = layer["integral"].to(device, torch.float32, copy=True)
            previous_error = layer["previous_error"]
            if previous_error is not None:
                previous_error = previous_error.to(device, torch.float32, copy=True)
            state.previous_error_C = previous_error
            state.previous_control_C = layer["previous_control"].to(device, torch.float32, copy=True)
        if self._optimizer is not None:
            self._optimizer.load_state_dict(copy.deepcopy(saved["optimizer"]))
        self.steps = int(saved["steps"])

"""ZAYA1's top-1 MoE experts as Triton grouped GEMMs, forward and backward, behind transformers' `ExpertsInterface`.

`register_triton_experts()` adds the implementation "rlve_triton" to transformers' `ExpertsInterface`; a model then
selects it with `from_pretrained(..., experts_implementation="rlve_triton")`, `ZayaConfig(experts_implementation=...)`
or `model.set_experts_implementation("rlve_triton")`. transformers calls it as
`fn(experts_module, hidden_states_TD, top_k_index_TK, top_k_weights_TK)`.

Pipeline (kernels in `moe_triton.py`):
    1. route: stable-sort the S = T·K slots by expert (int32 plan, no host sync);
    2. gate_up grouped GEMM reading token rows through the plan, SiLU(gate)·up fused into its epilogue;
    3. down grouped GEMM, scaled by the routing weight and scattered back to token order in its epilogue;
    backward: one grouped GEMM for d(pre-activation) that also yields d(routing weight), one for d(hidden), and two
    per-expert weight-gradient GEMMs; the activation is recomputed from the saved pre-activations.
Works for any top-k (ZAYA1 uses 1); slots of a token are summed.

Skip slot (the MoD class, index E): upstream `ZayaRouter` already rewrites a chosen skip class to index 0 with weight
0, so the experts see an ordinary (zero-weighted) expert-0 slot and compute it, exactly as the eager loop does. An
index equal to E reaching the experts anyway (e.g. replayed routing) contributes nothing and gets no gradient, as in
the eager loop; so does any index outside [0, E] (e.g. expert-parallel sentinels), instead of failing.

Fallback: where these kernels cannot run (no Triton, or CPU tensors without TRITON_INTERPRET=1) the same computation
runs in plain PyTorch with autograd, so "rlve_triton" is always safe to select.

Shape legend (suffixes on tensor names):
    T  tokens                      K  experts per token (top-k)
    S  routed slots, T·K, in token order       R  the same slots sorted by expert (skip-slot rows last)
    E  routed experts (index E is the skip class)
    D  hidden size                 F  expert intermediate size      G  2·F, the [gate; up] rows of gate_up_proj
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from types import ModuleType
from typing import Literal

import torch
import torch.nn.functional as F
from torch.autograd.function import once_differentiable

TRITON_EXPERTS_NAME = "rlve_triton"
"""Name under which `register_triton_experts` registers the implementation."""

Backend = Literal["auto", "triton", "torch"]
_BACKENDS = ("auto", "triton", "torch")


@functools.cache
def _triton_kernels() -> ModuleType | None:
    """The kernel module, or None when Triton is not installed (the `kernels` extra)."""
    try:
        from rlve_gym.policies.kernels import moe_triton
    except ImportError:
        return None
    return moe_triton


def triton_moe_available(device: torch.device | str) -> bool:
    """Whether the Triton kernels can run on `device`: an Ampere+ NVIDIA or a ROCm GPU, or anywhere when interpreted."""
    kernels = _triton_kernels()
    if kernels is None:
        return False
    if kernels.INTERPRETED:
        return True
    device = torch.device(device)
    if device.type != "cuda":
        return False
    # bf16 tensor-core dots need Ampere or newer on NVIDIA; every ROCm GPU Triton supports has them.
    return torch.version.hip is not None or torch.cuda.get_device_capability(device) >= (8, 0)


# ----------------------------------------------------------------------------------------------------------------------
# Routing plan
# ----------------------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RoutingPlan:
    """The slots sorted by expert: rows `expert_offsets[e]:expert_offsets[e+1]` belong to expert e."""

    slot_of_row_R: torch.Tensor  # int32, the slot each sorted row came from
    expert_offsets: torch.Tensor  # int32, (E + 1,); expert_offsets[E] = number of rows that reach an expert
    num_experts: int
    top_k: int


def plan_routing(top_k_index_TK: torch.Tensor, num_experts: int) -> RoutingPlan:
    """Sort the slots of `top_k_index_TK` by expert; indices outside [0, E) (the skip class) sort last, unused."""
    top_k = top_k_index_TK.shape[-1]
    index_S = top_k_index_TK.reshape(-1)
    index_S = torch.where((index_S >= 0) & (index_S < num_experts), index_S, num_experts)
    # Stable, so each expert's rows keep token order and the result is deterministic.
    sorted_index_R, slot_of_row_R = torch.sort(index_S, stable=True)
    boundaries = torch.arange(num_experts + 1, device=index_S.device, dtype=sorted_index_R.dtype)
    expert_offsets = torch.searchsorted(sorted_index_R, boundaries)
    return RoutingPlan(
        slot_of_row_R=slot_of_row_R.to(torch.int32),
        expert_offsets=expert_offsets.to(torch.int32),
        num_experts=num_experts,
        top_k=top_k,
    )


# ----------------------------------------------------------------------------------------------------------------------
# Eager fallback
# ----------------------------------------------------------------------------------------------------------------------


def _torch_moe_slots(
    x_TD: torch.Tensor,
    routing_weights_S: torch.Tensor,
    gate_up_EGD: torch.Tensor,
    down_EDF: torch.Tensor,
    plan: RoutingPlan,
) -> torch.Tensor:
    """Reference computation in plain PyTorch (autograd-differentiable); returns out_SD in slot order."""
    num_slots = routing_weights_S.numel()
    out_SD = x_TD.new_zeros(num_slots, x_TD.shape[1])
    bounds = plan.expert_offsets.tolist()  # one host sync, not one per expert
    slot_of_row_R = plan.slot_of_row_R.long()
    expert_outputs = []
    for expert in range(plan.num_experts):
        start, end = bounds[expert], bounds[expert + 1]
        if start == end:
            continue
        slots = slot_of_row_R[start:end]
        gate, up = F.linear(x_TD[slots // plan.top_k], gate_up_EGD[expert]).chunk(2, dim=-1)
        y = F.linear(F.silu(gate) * up, down_EDF[expert])
        expert_outputs.append((y * routing_weights_S[slots, None]).to(x_TD.dtype))
    if not expert_outputs:
        return out_SD
    return out_SD.index_copy(0, slot_of_row_R[: bounds[-1]], torch.cat(expert_outputs))


# ----------------------------------------------------------------------------------------------------------------------
# Triton path
# ----------------------------------------------------------------------------------------------------------------------


class _TritonMoEFunction(torch.autograd.Function):
    """out_SD = routing_weight * down(silu(gate) * up); gradients for x, routing weights, gate_up and down."""

    @staticmethod
    def forward(ctx, x_TD, routing_weights_S, gate_up_EGD, down_EDF, slot_of_row_R, expert_offsets, top_k):
        kernels = _triton_kernels()
        needs_grad = any(ctx.needs_input_grad[:4])
        h_RF, gate_up_RG = kernels.gate_up_swiglu(
            x_TD, gate_up_EGD, slot_of_row_R, expert_offsets, top_k, store_gate_up=needs_grad
        )
        out_SD = kernels.down_scatter(h_RF, down_EDF, routing_weights_S, slot_of_row_R, expert_offsets)
        if needs_grad:
            ctx.save_for_backward(
                x_TD, routing_weights_S, gate_up_EGD, down_EDF, slot_of_row_R, expert_offsets, gate_up_RG
            )
        ctx.top_k = top_k
        return out_SD

    @staticmethod
    @once_differentiable
    def backward(ctx, grad_out_SD):
        kernels = _triton_kernels()
        x_TD, routing_weights_S, gate_up_EGD, down_EDF, slot_of_row_R, expert_offsets, gate_up_RG = ctx.saved_tensors
        need_x, need_weights, need_gate_up, need_down = ctx.needs_input_grad[:4]
        grad_out_SD = grad_out_SD.contiguous()
        num_experts = gate_up_EGD.shape[0]
        grad_x = grad_weights = grad_gate_up = grad_down = None

        if need_x or need_weights or need_gate_up:
            grad_gate_up_RG, grad_weights_R = kernels.down_backward(
                grad_out_SD, down_EDF, gate_up_RG, routing_weights_S, slot_of_row_R, expert_offsets
            )
            if need_weights:
                # Every slot has a row; rows past expert_offsets[E] (skipped slots) kept their zero partial sums.
                grad_weights_S = torch.empty_like(grad_weights_R)
                grad_weights_S[slot_of_row_R.long()] = grad_weights_R
                grad_weights = grad_weights_S.to(routing_weights_S.dtype)
            if need_x:
                grad_x_SD = kernels.gate_up_backward_input(grad_gate_up_RG, gate_up_EGD, slot_of_row_R, expert_offsets)
                grad_x = grad_x_SD.view(x_TD.shape[0], ctx.top_k, -1).sum(dim=1)
            if need_gate_up:
                grad_gate_up = kernels.gate_up_weight_grad(
                    grad_gate_up_RG, x_TD, slot_of_row_R, expert_offsets, num_experts, ctx.top_k
                )
        if need_down:
            grad_down = kernels.down_weight_grad(
                grad_out_SD, gate_up_RG, routing_weights_S, slot_of_row_R, expert_offsets, num_experts
            )
        return grad_x, grad_weights, grad_gate_up, grad_down, None, None, None


# ----------------------------------------------------------------------------------------------------------------------
# Public API
# ----------------------------------------------------------------------------------------------------------------------


def _check_inputs(x_TD, top_k_index_TK, top_k_weights_TK, gate_up_EGD, down_EDF) -> None:
    if x_TD.dim() != 2:
        raise ValueError(f"hidden states must be (tokens, hidden), got shape {tuple(x_TD.shape)}")
    if top_k_index_TK.dim() != 2 or top_k_index_TK.shape[0] != x_TD.shape[0]:
        raise ValueError(
            f"top_k_index must be (tokens, top_k) with {x_TD.shape[0]} tokens, got {tuple(top_k_index_TK.shape)}"
        )
    if top_k_index_TK.dtype.is_floating_point or top_k_index_TK.dtype == torch.bool:
        raise TypeError(f"top_k_index must be an integer tensor, got {top_k_index_TK.dtype}")
    if top_k_weights_TK.shape != top_k_index_TK.shape:
        raise ValueError(
            f"top_k_weights shape {tuple(top_k_weights_TK.shape)} != top_k_index shape {tuple(top_k_index_TK.shape)}"
        )
    if gate_up_EGD.dim() != 3 or down_EDF.dim() != 3:
        raise ValueError(
            "gate_up_proj must be (experts, 2*intermediate, hidden) and down_proj (experts, hidden, intermediate)"
        )
    num_experts, gate_up_rows, hidden = gate_up_EGD.shape
    expected_down = (num_experts, hidden, gate_up_rows // 2)
    if gate_up_rows % 2 or tuple(down_EDF.shape) != expected_down or x_TD.shape[1] != hidden:
        raise ValueError(
            f"inconsistent expert shapes: hidden states {tuple(x_TD.shape)}, gate_up_proj {tuple(gate_up_EGD.shape)}, "
            f"down_proj {tuple(down_EDF.shape)} (expected {expected_down})"
        )
    if gate_up_EGD.dtype != down_EDF.dtype:
        raise TypeError(f"gate_up_proj ({gate_up_EGD.dtype}) and down_proj ({down_EDF.dtype}) must share a dtype")
    devices = {t.device for t in (x_TD, top_k_index_TK, top_k_weights_TK, gate_up_EGD, down_EDF)}
    if len(devices) != 1:
        raise ValueError(f"all MoE inputs must be on one device, got {sorted(map(str, devices))}")


def moe_experts(
    x_TD: torch.Tensor,
    top_k_index_TK: torch.Tensor,
    top_k_weights_TK: torch.Tensor,
    gate_up_EGD: torch.Tensor,
    down_EDF: torch.Tensor,
    *,
    backend: Backend = "auto",
) -> torch.Tensor:
    """Routed SwiGLU experts: out[t] = sum_k w[t,k] · down[e](silu(gate) · up), [gate; up] = gate_up[e] @ x[t].

    `top_k_index_TK` entries outside [0, E) (the skip class E included) contribute zero. Computation runs in the expert
    weights' dtype; the result has `x_TD`'s dtype. `backend`: "triton" (raise if the kernels cannot run here),
    "torch" (plain PyTorch) or "auto" (Triton when available for this device).
    """
    if backend not in _BACKENDS:
        raise ValueError(f"backend must be one of {_BACKENDS}, got {backend!r}")
    _check_inputs(x_TD, top_k_index_TK, top_k_weights_TK, gate_up_EGD, down_EDF)
    use_triton = backend == "triton" or (backend == "auto" and triton_moe_available(x_TD.device))
    if backend == "triton" and not triton_moe_available(x_TD.device):
        raise RuntimeError(
            f"Triton MoE kernels cannot run on {x_TD.device}: they need triton and a CUDA/ROCm GPU, "
            "or TRITON_INTERPRET=1 set before rlve_gym's kernels are imported"
        )

    num_tokens, hidden = x_TD.shape
    plan = plan_routing(top_k_index_TK, gate_up_EGD.shape[0])
    compute_x_TD = x_TD.to(gate_up_EGD.dtype).contiguous()
    routing_weights_S = top_k_weights_TK.reshape(-1).contiguous()
    if use_triton and routing_weights_S.numel() > 0:
        out_SD = _TritonMoEFunction.apply(
            compute_x_TD,
            routing_weights_S,
            gate_up_EGD.contiguous(),
            down_EDF.contiguous(),
            plan.slot_of_row_R,
            plan.expert_offsets,
            plan.top_k,
        )
    else:
        out_SD = _torch_moe_slots(compute_x_TD, routing_weights_S, gate_up_EGD, down_EDF, plan)
    out_TD = out_SD.view(num_tokens, plan.top_k, hidden).sum(dim=1) if plan.top_k > 1 else out_SD
    return out_TD.to(x_TD.dtype)


def _check_experts_module(experts: torch.nn.Module) -> None:
    """Refuse expert layouts these kernels do not implement, naming the offending option."""
    unsupported = {
        "has_bias": getattr(experts, "has_bias", False),
        "is_transposed": getattr(experts, "is_transposed", False),
        "has_post_expert_norm": getattr(experts, "has_post_expert_norm", False),
        "is_concatenated=False": not getattr(experts, "is_concatenated", True),
        "has_gate=False": not getattr(experts, "has_gate", True),
    }
    found = [name for name, present in unsupported.items() if present]
    activation = getattr(getattr(experts, "config", None), "hidden_act", "silu")
    if activation not in ("silu", "swish"):
        found.append(f"hidden_act={activation!r}")
    from transformers.integrations.moe import _default_apply_gate

    if getattr(type(experts), "_apply_gate", _default_apply_gate) is not _default_apply_gate:
        found.append("a custom _apply_gate")
    if found:
        raise NotImplementedError(
            f"experts_implementation={TRITON_EXPERTS_NAME!r} implements SwiGLU experts with concatenated [gate; up] "
            f"weights and no bias; {type(experts).__name__} has {', '.join(found)}"
        )


def triton_experts_forward(
    experts: torch.nn.Module,
    hidden_states: torch.Tensor,
    top_k_index: torch.Tensor,
    top_k_weights: torch.Tensor,
) -> torch.Tensor:
    """`ExpertsInterface` entry point: the routed experts of `experts` (e.g. `ZayaExperts`) on (T, D) hidden states."""
    _check_experts_module(experts)
    return moe_experts(hidden_states, top_k_index, top_k_weights, experts.gate_up_proj, experts.down_proj)


def register_triton_experts() -> str:
    """Register `triton_experts_forward` in transformers' `ExpertsInterface` (idempotent); returns its name."""
    from transformers.integrations.moe import ExpertsInterface

    ExpertsInterface.register(TRITON_EXPERTS_NAME, triton_experts_forward)
    return TRITON_EXPERTS_NAME

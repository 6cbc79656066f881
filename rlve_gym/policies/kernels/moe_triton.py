"""Triton kernels for the grouped (per-expert) GEMMs of a top-k MoE, forward and backward.

Written once for NVIDIA CUDA (Hopper) and AMD ROCm (MI300X); each kernel is autotuned over a config list chosen by
`torch.version.hip`. Under `TRITON_INTERPRET=1` (CPU tests) every kernel has one tiny config.

The routing plan comes from the caller (`rlve_gym.policies.kernels.moe`): the S = T·K routed slots are sorted by expert
into R rows (rows of expert e are `expert_offsets[e]:expert_offsets[e+1]`; skip-slot rows sit after
`expert_offsets[E]` and are never read or written by these kernels). Tokens are never copied into expert order: the
first GEMM gathers token rows through `slot_of_row`, and the down GEMM scatters its output back to slot order.

A program finds its expert by walking the E per-expert tile counts (`_locate_row_tile`), so the tile schedule needs no
host sync and adapts to whatever BLOCK_M the autotuner picked; the grid is sized for the worst case
(cdiv(R, BLOCK_M) + E row tiles) and surplus programs exit at once.

Shape legend (suffixes on tensor names):
    T  tokens                      K  experts per token (top-k; ZAYA1 uses 1)
    S  routed slots, T·K, in token order (slot s belongs to token s // K)
    R  the same S slots sorted by expert (skip-slot rows last)
    E  routed experts (index E is the skip class and gets no rows)
    D  hidden size                 F  expert intermediate size
    G  2·F, the concatenated [gate; up] rows of `gate_up_proj`
    P  column tiles of the F axis (partial sums of the routing-weight gradient)
"""

from __future__ import annotations

import torch
import triton
import triton.language as tl

INTERPRETED = bool(triton.knobs.runtime.interpret)
"""True when the kernels were built by Triton's CPU interpreter (TRITON_INTERPRET=1 at import time)."""

IS_ROCM = torch.version.hip is not None

# ----------------------------------------------------------------------------------------------------------------------
# Autotune configurations
# ----------------------------------------------------------------------------------------------------------------------


def _cuda_configs(dual_accumulator: bool) -> list[triton.Config]:
    """Hopper tiles: 3-4 stage cp.async/TMA pipelines fit in 228 KB of shared memory."""
    shapes = [
        (128, 128, 64, 8, 3),
        (128, 64, 64, 4, 4),
        (64, 128, 64, 4, 4),
        (64, 64, 64, 4, 4),
        (32, 64, 128, 4, 4),
        (16, 64, 128, 4, 4),
    ]
    if not dual_accumulator:
        # The SwiGLU kernel holds two accumulators, so only single-accumulator kernels get the widest tile.
        shapes.append((128, 256, 64, 8, 3))
    return [
        triton.Config({"BLOCK_M": m, "BLOCK_N": n, "BLOCK_K": k}, num_warps=warps, num_stages=stages)
        for m, n, k, warps, stages in shapes
    ]


def _rocm_configs(dual_accumulator: bool) -> list[triton.Config]:
    """MI300X (gfx942) tiles: 64 KB of LDS, so two stages; 16x16 MFMA; waves_per_eu trades registers for occupancy."""
    shapes = [
        (128, 128, 64, 8, 2),
        (128, 64, 64, 4, 2),
        (64, 128, 64, 4, 2),
        (64, 64, 64, 4, 0),
        (32, 64, 128, 4, 0),
        (16, 64, 128, 4, 0),
    ]
    if not dual_accumulator:
        shapes.append((256, 128, 64, 8, 0))
    return [
        triton.Config(
            {"BLOCK_M": m, "BLOCK_N": n, "BLOCK_K": k, "waves_per_eu": waves, "matrix_instr_nonkdim": 16},
            num_warps=warps,
            num_stages=2,
        )
        for m, n, k, warps, waves in shapes
    ]


def _interpreter_configs() -> list[triton.Config]:
    """One tiny tile (16 is tl.dot's smallest legal block) so CPU tests stay fast."""
    return [triton.Config({"BLOCK_M": 16, "BLOCK_N": 16, "BLOCK_K": 16}, num_warps=1, num_stages=1)]


def autotune_configs(dual_accumulator: bool, backend: str | None = None) -> list[triton.Config]:
    """Config list for `backend` ("cuda", "rocm" or "interpreter"; default: the one these kernels run on)."""
    if backend is None:
        backend = "interpreter" if INTERPRETED else ("rocm" if IS_ROCM else "cuda")
    if backend == "interpreter":
        return _interpreter_configs()
    if backend == "rocm":
        return _rocm_configs(dual_accumulator)
    if backend == "cuda":
        return _cuda_configs(dual_accumulator)
    raise ValueError(f"unknown kernel backend {backend!r}; expected 'cuda', 'rocm' or 'interpreter'")


def _tile_cap(size: int) -> int:
    return max(16, triton.next_power_of_2(max(1, int(size))))


def _prune_configs(configs: list[triton.Config], named_args: dict, **kwargs) -> list[triton.Config]:
    """Drop tiles far larger than the problem (e.g. 128-row tiles when experts see 8 tokens each)."""
    args = {**named_args, **kwargs}
    caps = {
        "BLOCK_M": _tile_cap(args["tune_m"]),
        "BLOCK_N": _tile_cap(args["tune_n"]),
        "BLOCK_K": _tile_cap(args["tune_k"]),
    }
    kept = [config for config in configs if all(config.kwargs[name] <= cap for name, cap in caps.items())]
    if kept:
        return kept
    return [min(configs, key=lambda c: c.kwargs["BLOCK_M"] * c.kwargs["BLOCK_N"] * c.kwargs["BLOCK_K"])]


def _autotune(dual_accumulator: bool = False, reset_to_zero: list[str] | None = None):
    return triton.autotune(
        configs=autotune_configs(dual_accumulator),
        key=["tune_m", "tune_n", "tune_k"],
        prune_configs_by={"early_config_prune": _prune_configs},
        reset_to_zero=reset_to_zero,
    )


# ----------------------------------------------------------------------------------------------------------------------
# Shared device helpers
# ----------------------------------------------------------------------------------------------------------------------


@triton.jit
def _locate_row_tile(expert_offsets_ptr, num_experts, num_cols, BLOCK_M: tl.constexpr, BLOCK_N: tl.constexpr):
    """(expert, first row, end row of that expert, column tile) of this program; expert is -1 past the last tile.

    Column tiles vary fastest, so programs in flight together share one row tile of activations and sweep one
    expert's weights, which then stay in L2 while that expert's row tiles are processed.
    """
    col_tiles = tl.cdiv(num_cols, BLOCK_N)
    tile = tl.program_id(0) // col_tiles
    expert = tl.full((), -1, tl.int32)
    row_start = tl.full((), 0, tl.int32)
    row_end = tl.full((), 0, tl.int32)
    tiles_before = tl.full((), 0, tl.int32)
    for e in range(num_experts):
        start = tl.load(expert_offsets_ptr + e)
        end = tl.load(expert_offsets_ptr + e + 1)
        n_tiles = tl.cdiv(end - start, BLOCK_M)
        hit = (tile >= tiles_before) & (tile < tiles_before + n_tiles)
        expert = tl.where(hit, e, expert)
        row_start = tl.where(hit, start + (tile - tiles_before) * BLOCK_M, row_start)
        row_end = tl.where(hit, end, row_end)
        tiles_before += n_tiles
    return expert, row_start, row_end, tl.program_id(0) % col_tiles


# INTERPRETER_FIXUPS works around two bf16 bugs of Triton 3.9's CPU interpreter; compiled kernels never take them.


@triton.jit
def _mma(a, b, acc, INTERPRETER_FIXUPS: tl.constexpr, INPUT_PRECISION: tl.constexpr):
    # The interpreter multiplies bf16 dot operands as raw uint16 bits, so it gets exact fp32 copies instead (a
    # bf16 x bf16 product is exact in fp32, so this is what the hardware computes too, up to summation order).
    if INTERPRETER_FIXUPS:
        a = a.to(tl.float32)
        b = b.to(tl.float32)
    return tl.dot(a, b, acc, input_precision=INPUT_PRECISION)


@triton.jit
def _cast(x, dtype: tl.constexpr, INTERPRETER_FIXUPS: tl.constexpr):
    """fp32 -> `dtype`, rounding to nearest even like the GPU (the interpreter truncates fp32 -> bf16)."""
    if INTERPRETER_FIXUPS and dtype == tl.bfloat16:
        bits = x.to(tl.uint32, bitcast=True)
        bits = (bits + (((bits >> 16) & 1) + 0x7FFF)) & 0xFFFF0000
        x = bits.to(tl.float32, bitcast=True)
    return x.to(dtype)


# ----------------------------------------------------------------------------------------------------------------------
# Forward kernels
# ----------------------------------------------------------------------------------------------------------------------


@_autotune(dual_accumulator=True)
@triton.jit
def _gate_up_swiglu_kernel(
    x_ptr,  # (T, D) tokens, read through slot_of_row
    w_ptr,  # (E, G, D) gate_up_proj
    slot_of_row_ptr,  # (R,) int32
    expert_offsets_ptr,  # (E + 1,) int32
    gate_up_ptr,  # (R, G) out: pre-activation [gate, up], kept for backward (when STORE_GATE_UP)
    h_ptr,  # (R, F) out: silu(gate) * up
    num_experts,
    top_k,
    hidden,
    inter,
    stride_x_t,
    stride_w_e,
    stride_w_g,
    stride_gu_r,
    stride_h_r,
    tune_m,
    tune_n,
    tune_k,
    STORE_GATE_UP: tl.constexpr,
    INTERPRETER_FIXUPS: tl.constexpr,
    INPUT_PRECISION: tl.constexpr,
    BLOCK_M: tl.constexpr,
    BLOCK_N: tl.constexpr,
    BLOCK_K: tl.constexpr,
):
    expert, row_start, row_end, col_tile = _locate_row_tile(expert_offsets_ptr, num_experts, inter, BLOCK_M, BLOCK_N)
    if expert < 0:
        return
    rows = row_start + tl.arange(0, BLOCK_M)
    row_mask = rows < row_end
    tokens = (tl.load(slot_of_row_ptr + rows, mask=row_mask, other=0) // top_k).to(tl.int64)
    cols = col_tile * BLOCK_N + tl.arange(0, BLOCK_N)
    col_mask = cols < inter
    w_expert_ptr = w_ptr + expert.to(tl.int64) * stride_w_e

    acc_gate = tl.zeros((BLOCK_M, BLOCK_N), dtype=tl.float32)
    acc_up = tl.zeros((BLOCK_M, BLOCK_N), dtype=tl.float32)
    for k0 in range(0, hidden, BLOCK_K):
        ks = k0 + tl.arange(0, BLOCK_K)
        k_mask = ks < hidden
        a = tl.load(
            x_ptr + tokens[:, None] * stride_x_t + ks[None, :], mask=row_mask[:, None] & k_mask[None, :], other=0.0
        )
        b_mask = k_mask[:, None] & col_mask[None, :]
        b_gate = tl.load(w_expert_ptr + cols[None, :] * stride_w_g + ks[:, None], mask=b_mask, other=0.0)
        b_up = tl.load(w_expert_ptr + (cols[None, :] + inter) * stride_w_g + ks[:, None], mask=b_mask, other=0.0)
        acc_gate = _mma(a, b_gate, acc_gate, INTERPRETER_FIXUPS, INPUT_PRECISION)
        acc_up = _mma(a, b_up, acc_up, INTERPRETER_FIXUPS, INPUT_PRECISION)

    out_mask = row_mask[:, None] & col_mask[None, :]
    rows64 = rows.to(tl.int64)
    gate = _cast(acc_gate, h_ptr.dtype.element_ty, INTERPRETER_FIXUPS)
    up = _cast(acc_up, h_ptr.dtype.element_ty, INTERPRETER_FIXUPS)
    if STORE_GATE_UP:
        gu_row_ptr = gate_up_ptr + rows64[:, None] * stride_gu_r
        tl.store(gu_row_ptr + cols[None, :], gate, mask=out_mask)
        tl.store(gu_row_ptr + inter + cols[None, :], up, mask=out_mask)
    # The activation reads the rounded pre-activations, exactly what the backward pass will reload.
    gate32 = gate.to(tl.float32)
    h = gate32 * tl.sigmoid(gate32) * up.to(tl.float32)
    tl.store(
        h_ptr + rows64[:, None] * stride_h_r + cols[None, :],
        _cast(h, h_ptr.dtype.element_ty, INTERPRETER_FIXUPS),
        mask=out_mask,
    )


@_autotune()
@triton.jit
def _down_scatter_kernel(
    h_ptr,  # (R, F)
    w_ptr,  # (E, D, F) down_proj
    routing_weights_ptr,  # (S,)
    slot_of_row_ptr,
    expert_offsets_ptr,
    out_ptr,  # (S, D) out: routing_weight * (h @ down^T), scattered to slot order
    num_experts,
    hidden,
    inter,
    stride_h_r,
    stride_w_e,
    stride_w_d,
    stride_out_s,
    tune_m,
    tune_n,
    tune_k,
    INTERPRETER_FIXUPS: tl.constexpr,
    INPUT_PRECISION: tl.constexpr,
    BLOCK_M: tl.constexpr,
    BLOCK_N: tl.constexpr,
    BLOCK_K: tl.constexpr,
):
    expert, row_start, row_end, col_tile = _locate_row_tile(expert_offsets_ptr, num_experts, hidden, BLOCK_M, BLOCK_N)
    if expert < 0:
        return
    rows = row_start + tl.arange(0, BLOCK_M)
    row_mask = rows < row_end
    slots = tl.load(slot_of_row_ptr + rows, mask=row_mask, other=0)
    cols = col_tile * BLOCK_N + tl.arange(0, BLOCK_N)
    col_mask = cols < hidden
    w_expert_ptr = w_ptr + expert.to(tl.int64) * stride_w_e
    rows64 = rows.to(tl.int64)

    acc = tl.zeros((BLOCK_M, BLOCK_N), dtype=tl.float32)
    for k0 in range(0, inter, BLOCK_K):
        ks = k0 + tl.arange(0, BLOCK_K)
        k_mask = ks < inter
        a = tl.load(
            h_ptr + rows64[:, None] * stride_h_r + ks[None, :], mask=row_mask[:, None] & k_mask[None, :], other=0.0
        )
        b = tl.load(
            w_expert_ptr + cols[None, :] * stride_w_d + ks[:, None], mask=k_mask[:, None] & col_mask[None, :], other=0.0
        )
        acc = _mma(a, b, acc, INTERPRETER_FIXUPS, INPUT_PRECISION)

    routing_weight = tl.load(routing_weights_ptr + slots, mask=row_mask, other=0.0).to(tl.float32)
    out = acc * routing_weight[:, None]
    out_ptrs = out_ptr + slots.to(tl.int64)[:, None] * stride_out_s + cols[None, :]
    tl.store(
        out_ptrs, _cast(out, out_ptr.dtype.element_ty, INTERPRETER_FIXUPS), mask=row_mask[:, None] & col_mask[None, :]
    )


# ----------------------------------------------------------------------------------------------------------------------
# Backward kernels
# ----------------------------------------------------------------------------------------------------------------------


# Configs with different BLOCK_N fill different numbers of partial-sum columns: start each trial from zeros.
@_autotune(reset_to_zero=["grad_weight_partial_ptr"])
@triton.jit
def _down_backward_kernel(
    grad_out_ptr,  # (S, D) upstream gradient in slot order
    w_ptr,  # (E, D, F) down_proj
    gate_up_ptr,  # (R, G) saved pre-activations
    routing_weights_ptr,  # (S,)
    slot_of_row_ptr,
    expert_offsets_ptr,
    grad_gate_up_ptr,  # (R, G) out: gradient w.r.t. the pre-activations
    grad_weight_partial_ptr,  # (R, P) fp32 out: this F-tile's share of <grad_out, expert output>
    num_experts,
    hidden,
    inter,
    stride_go_s,
    stride_w_e,
    stride_w_d,
    stride_gu_r,
    stride_ggu_r,
    stride_gwp_r,
    tune_m,
    tune_n,
    tune_k,
    INTERPRETER_FIXUPS: tl.constexpr,
    INPUT_PRECISION: tl.constexpr,
    BLOCK_M: tl.constexpr,
    BLOCK_N: tl.constexpr,
    BLOCK_K: tl.constexpr,
):
    expert, row_start, row_end, col_tile = _locate_row_tile(expert_offsets_ptr, num_experts, inter, BLOCK_M, BLOCK_N)
    if expert < 0:
        return
    rows = row_start + tl.arange(0, BLOCK_M)
    row_mask = rows < row_end
    slots = tl.load(slot_of_row_ptr + rows, mask=row_mask, other=0)
    slots64 = slots.to(tl.int64)
    cols = col_tile * BLOCK_N + tl.arange(0, BLOCK_N)
    col_mask = cols < inter
    w_expert_ptr = w_ptr + expert.to(tl.int64) * stride_w_e
    rows64 = rows.to(tl.int64)

    # grad_h_unweighted = grad_out @ down[e]  (the routing weight is applied in the epilogue)
    acc = tl.zeros((BLOCK_M, BLOCK_N), dtype=tl.float32)
    for k0 in range(0, hidden, BLOCK_K):
        ks = k0 + tl.arange(0, BLOCK_K)
        k_mask = ks < hidden
        a = tl.load(
            grad_out_ptr + slots64[:, None] * stride_go_s + ks[None, :],
            mask=row_mask[:, None] & k_mask[None, :],
            other=0.0,
        )
        b = tl.load(
            w_expert_ptr + ks[:, None] * stride_w_d + cols[None, :], mask=k_mask[:, None] & col_mask[None, :], other=0.0
        )
        acc = _mma(a, b, acc, INTERPRETER_FIXUPS, INPUT_PRECISION)

    tile_mask = row_mask[:, None] & col_mask[None, :]
    gu_row_ptr = gate_up_ptr + rows64[:, None] * stride_gu_r
    gate = tl.load(gu_row_ptr + cols[None, :], mask=tile_mask, other=0.0).to(tl.float32)
    up = tl.load(gu_row_ptr + inter + cols[None, :], mask=tile_mask, other=0.0).to(tl.float32)
    sig = tl.sigmoid(gate)
    silu = gate * sig
    # Same rounding as the forward's stored activation, so d(weight) = <grad_out, h @ down^T> uses the forward's h.
    h = _cast(silu * up, grad_gate_up_ptr.dtype.element_ty, INTERPRETER_FIXUPS).to(tl.float32)
    partial = tl.sum(acc * h, axis=1)
    tl.store(grad_weight_partial_ptr + rows64 * stride_gwp_r + col_tile, partial, mask=row_mask)

    routing_weight = tl.load(routing_weights_ptr + slots, mask=row_mask, other=0.0).to(tl.float32)
    grad_h = acc * routing_weight[:, None]
    grad_gate = grad_h * up * sig * (1.0 + gate * (1.0 - sig))
    grad_up = grad_h * silu
    ggu_row_ptr = grad_gate_up_ptr + rows64[:, None] * stride_ggu_r
    tl.store(
        ggu_row_ptr + cols[None, :],
        _cast(grad_gate, grad_gate_up_ptr.dtype.element_ty, INTERPRETER_FIXUPS),
        mask=tile_mask,
    )
    tl.store(
        ggu_row_ptr + inter + cols[None, :],
        _cast(grad_up, grad_gate_up_ptr.dtype.element_ty, INTERPRETER_FIXUPS),
        mask=tile_mask,
    )


@_autotune()
@triton.jit
def _gate_up_backward_input_kernel(
    grad_gate_up_ptr,  # (R, G)
    w_ptr,  # (E, G, D) gate_up_proj
    slot_of_row_ptr,
    expert_offsets_ptr,
    grad_x_ptr,  # (S, D) out, slot order
    num_experts,
    hidden,
    gate_up_rows,
    stride_ggu_r,
    stride_w_e,
    stride_w_g,
    stride_gx_s,
    tune_m,
    tune_n,
    tune_k,
    INTERPRETER_FIXUPS: tl.constexpr,
    INPUT_PRECISION: tl.constexpr,
    BLOCK_M: tl.constexpr,
    BLOCK_N: tl.constexpr,
    BLOCK_K: tl.constexpr,
):
    expert, row_start, row_end, col_tile = _locate_row_tile(expert_offsets_ptr, num_experts, hidden, BLOCK_M, BLOCK_N)
    if expert < 0:
        return
    rows = row_start + tl.arange(0, BLOCK_M)
    row_mask = rows < row_end
    slots = tl.load(slot_of_row_ptr + rows, mask=row_mask, other=0)
    cols = col_tile * BLOCK_N + tl.arange(0, BLOCK_N)
    col_mask = cols < hidden
    w_expert_ptr = w_ptr + expert.to(tl.int64) * stride_w_e
    rows64 = rows.to(tl.int64)

    acc = tl.zeros((BLOCK_M, BLOCK_N), dtype=tl.float32)
    for k0 in range(0, gate_up_rows, BLOCK_K):
        ks = k0 + tl.arange(0, BLOCK_K)
        k_mask = ks < gate_up_rows
        a = tl.load(
            grad_gate_up_ptr + rows64[:, None] * stride_ggu_r + ks[None, :],
            mask=row_mask[:, None] & k_mask[None, :],
            other=0.0,
        )
        b = tl.load(
            w_expert_ptr + ks[:, None] * stride_w_g + cols[None, :], mask=k_mask[:, None] & col_mask[None, :], other=0.0
        )
        acc = _mma(a, b, acc, INTERPRETER_FIXUPS, INPUT_PRECISION)

    out_ptrs = grad_x_ptr + slots.to(tl.int64)[:, None] * stride_gx_s + cols[None, :]
    tl.store(
        out_ptrs,
        _cast(acc, grad_x_ptr.dtype.element_ty, INTERPRETER_FIXUPS),
        mask=row_mask[:, None] & col_mask[None, :],
    )


@triton.jit
def _weight_tile(out_rows, out_cols, BLOCK_M: tl.constexpr, BLOCK_N: tl.constexpr):
    """(expert, output-row offsets, output-col offsets) of this weight-gradient program."""
    tiles_n = tl.cdiv(out_cols, BLOCK_N)
    tile = tl.program_id(0)
    offs_m = (tile // tiles_n) * BLOCK_M + tl.arange(0, BLOCK_M)
    offs_n = (tile % tiles_n) * BLOCK_N + tl.arange(0, BLOCK_N)
    return tl.program_id(1), offs_m, offs_n


@_autotune()
@triton.jit
def _gate_up_weight_grad_kernel(
    grad_gate_up_ptr,  # (R, G)
    x_ptr,  # (T, D)
    slot_of_row_ptr,
    expert_offsets_ptr,
    grad_w_ptr,  # (E, G, D) out
    top_k,
    hidden,
    gate_up_rows,
    stride_ggu_r,
    stride_x_t,
    stride_gw_e,
    stride_gw_g,
    tune_m,
    tune_n,
    tune_k,
    INTERPRETER_FIXUPS: tl.constexpr,
    INPUT_PRECISION: tl.constexpr,
    BLOCK_M: tl.constexpr,
    BLOCK_N: tl.constexpr,
    BLOCK_K: tl.constexpr,
):
    # grad_w[e] = grad_gate_up[rows of e]^T @ x[tokens of e]; an expert with no rows gets an all-zero gradient.
    expert, offs_g, offs_d = _weight_tile(gate_up_rows, hidden, BLOCK_M, BLOCK_N)
    g_mask = offs_g < gate_up_rows
    d_mask = offs_d < hidden
    row_start = tl.load(expert_offsets_ptr + expert)
    row_end = tl.load(expert_offsets_ptr + expert + 1)

    acc = tl.zeros((BLOCK_M, BLOCK_N), dtype=tl.float32)
    for r0 in range(row_start, row_end, BLOCK_K):
        rows = r0 + tl.arange(0, BLOCK_K)
        row_mask = rows < row_end
        tokens = (tl.load(slot_of_row_ptr + rows, mask=row_mask, other=0) // top_k).to(tl.int64)
        a = tl.load(
            grad_gate_up_ptr + rows.to(tl.int64)[None, :] * stride_ggu_r + offs_g[:, None],
            mask=g_mask[:, None] & row_mask[None, :],
            other=0.0,
        )
        b = tl.load(
            x_ptr + tokens[:, None] * stride_x_t + offs_d[None, :], mask=row_mask[:, None] & d_mask[None, :], other=0.0
        )
        acc = _mma(a, b, acc, INTERPRETER_FIXUPS, INPUT_PRECISION)

    out_ptrs = (
        grad_w_ptr + expert.to(tl.int64) * stride_gw_e + offs_g[:, None].to(tl.int64) * stride_gw_g + offs_d[None, :]
    )
    tl.store(
        out_ptrs, _cast(acc, grad_w_ptr.dtype.element_ty, INTERPRETER_FIXUPS), mask=g_mask[:, None] & d_mask[None, :]
    )


@_autotune()
@triton.jit
def _down_weight_grad_kernel(
    grad_out_ptr,  # (S, D)
    gate_up_ptr,  # (R, G) saved pre-activations; h is recomputed from them
    routing_weights_ptr,  # (S,)
    slot_of_row_ptr,
    expert_offsets_ptr,
    grad_w_ptr,  # (E, D, F) out
    hidden,
    inter,
    stride_go_s,
    stride_gu_r,
    stride_gw_e,
    stride_gw_d,
    tune_m,
    tune_n,
    tune_k,
    INTERPRETER_FIXUPS: tl.constexpr,
    INPUT_PRECISION: tl.constexpr,
    BLOCK_M: tl.constexpr,
    BLOCK_N: tl.constexpr,
    BLOCK_K: tl.constexpr,
):
    # grad_w[e] = (routing_weight * grad_out)[rows of e]^T @ h[rows of e]
    expert, offs_d, offs_f = _weight_tile(hidden, inter, BLOCK_M, BLOCK_N)
    d_mask = offs_d < hidden
    f_mask = offs_f < inter
    row_start = tl.load(expert_offsets_ptr + expert)
    row_end = tl.load(expert_offsets_ptr + expert + 1)

    acc = tl.zeros((BLOCK_M, BLOCK_N), dtype=tl.float32)
    for r0 in range(row_start, row_end, BLOCK_K):
        rows = r0 + tl.arange(0, BLOCK_K)
        row_mask = rows < row_end
        slots = tl.load(slot_of_row_ptr + rows, mask=row_mask, other=0)
        routing_weight = tl.load(routing_weights_ptr + slots, mask=row_mask, other=0.0).to(tl.float32)
        grad_y = tl.load(
            grad_out_ptr + slots.to(tl.int64)[None, :] * stride_go_s + offs_d[:, None],
            mask=d_mask[:, None] & row_mask[None, :],
            other=0.0,
        )
        # Rounded like the eager path's (weight * grad_out), and so the MMA runs on the input dtype.
        a = _cast(grad_y.to(tl.float32) * routing_weight[None, :], grad_out_ptr.dtype.element_ty, INTERPRETER_FIXUPS)
        b_mask = row_mask[:, None] & f_mask[None, :]
        gu_row_ptr = gate_up_ptr + rows.to(tl.int64)[:, None] * stride_gu_r
        gate = tl.load(gu_row_ptr + offs_f[None, :], mask=b_mask, other=0.0).to(tl.float32)
        up = tl.load(gu_row_ptr + inter + offs_f[None, :], mask=b_mask, other=0.0).to(tl.float32)
        b = _cast(gate * tl.sigmoid(gate) * up, gate_up_ptr.dtype.element_ty, INTERPRETER_FIXUPS)
        acc = _mma(a, b, acc, INTERPRETER_FIXUPS, INPUT_PRECISION)

    out_ptrs = (
        grad_w_ptr + expert.to(tl.int64) * stride_gw_e + offs_d[:, None].to(tl.int64) * stride_gw_d + offs_f[None, :]
    )
    tl.store(
        out_ptrs, _cast(acc, grad_w_ptr.dtype.element_ty, INTERPRETER_FIXUPS), mask=d_mask[:, None] & f_mask[None, :]
    )


# ----------------------------------------------------------------------------------------------------------------------
# Launchers (host side). Every tensor argument must be contiguous; `slot_of_row_R` and `expert_offsets` are int32.
# ----------------------------------------------------------------------------------------------------------------------


def _dot_flags(dtype: torch.dtype) -> dict:
    tf32 = dtype == torch.float32 and torch.backends.cuda.matmul.allow_tf32 and not INTERPRETED
    return {"INTERPRETER_FIXUPS": INTERPRETED, "INPUT_PRECISION": "tf32" if tf32 else "ieee"}


def _rows_bucket(num_rows: int, num_experts: int) -> int:
    """Autotune key for the row dimension: average rows per expert, rounded up to a power of two."""
    return triton.next_power_of_2(max(1, -(-num_rows // max(1, num_experts))))


def _row_grid(num_rows: int, num_experts: int, cols: int):
    # Each expert may end in a partial row tile: at most cdiv(R, BLOCK_M) + E row tiles; surplus programs exit.
    return lambda meta: ((triton.cdiv(num_rows, meta["BLOCK_M"]) + num_experts) * triton.cdiv(cols, meta["BLOCK_N"]),)


def _weight_grid(num_experts: int, out_rows: int, out_cols: int):
    return lambda meta: (triton.cdiv(out_rows, meta["BLOCK_M"]) * triton.cdiv(out_cols, meta["BLOCK_N"]), num_experts)


def gate_up_swiglu(
    x_TD: torch.Tensor,
    gate_up_EGD: torch.Tensor,
    slot_of_row_R: torch.Tensor,
    expert_offsets: torch.Tensor,
    top_k: int,
    store_gate_up: bool,
) -> tuple[torch.Tensor, torch.Tensor | None]:
    """h_RF = silu(gate) * up, [gate, up] = x[token of row] @ gate_up[expert of row]^T; optionally gate_up_RG too."""
    num_experts, gate_up_rows, hidden = gate_up_EGD.shape
    inter = gate_up_rows // 2
    num_rows = slot_of_row_R.numel()
    h_RF = x_TD.new_empty(num_rows, inter)
    gate_up_RG = x_TD.new_empty(num_rows, gate_up_rows) if store_gate_up else None
    _gate_up_swiglu_kernel[_row_grid(num_rows, num_experts, inter)](
        x_TD, gate_up_EGD, slot_of_row_R, expert_offsets, gate_up_RG if store_gate_up else h_RF, h_RF,
        num_experts, top_k, hidden, inter,
        x_TD.stride(0), gate_up_EGD.stride(0), gate_up_EGD.stride(1),
        gate_up_RG.stride(0) if store_gate_up else 0, h_RF.stride(0),
        _rows_bucket(num_rows, num_experts), inter, hidden,
        STORE_GATE_UP=store_gate_up, **_dot_flags(x_TD.dtype),
    )  # fmt: skip
    return h_RF, gate_up_RG


def down_scatter(
    h_RF: torch.Tensor,
    down_EDF: torch.Tensor,
    routing_weights_S: torch.Tensor,
    slot_of_row_R: torch.Tensor,
    expert_offsets: torch.Tensor,
) -> torch.Tensor:
    """out_SD[slot] = routing_weight[slot] * h[row] @ down[expert]^T; rows of skipped slots stay zero."""
    num_experts, hidden, inter = down_EDF.shape
    num_rows = slot_of_row_R.numel()
    out_SD = h_RF.new_zeros(num_rows, hidden)
    _down_scatter_kernel[_row_grid(num_rows, num_experts, hidden)](
        h_RF, down_EDF, routing_weights_S, slot_of_row_R, expert_offsets, out_SD,
        num_experts, hidden, inter,
        h_RF.stride(0), down_EDF.stride(0), down_EDF.stride(1), out_SD.stride(0),
        _rows_bucket(num_rows, num_experts), hidden, inter,
        **_dot_flags(h_RF.dtype),
    )  # fmt: skip
    return out_SD


def _min_block_n(kernel) -> int:
    return min(config.kwargs["BLOCK_N"] for config in kernel.configs)


def down_backward(
    grad_out_SD: torch.Tensor,
    down_EDF: torch.Tensor,
    gate_up_RG: torch.Tensor,
    routing_weights_S: torch.Tensor,
    slot_of_row_R: torch.Tensor,
    expert_offsets: torch.Tensor,
) -> tuple[torch.Tensor, torch.Tensor]:
    """Gradients w.r.t. the pre-activations (grad_gate_up_RG) and the routing weights (grad_weights_R, row order)."""
    num_experts, hidden, inter = down_EDF.shape
    num_rows = slot_of_row_R.numel()
    grad_gate_up_RG = gate_up_RG.new_empty(gate_up_RG.shape)
    # One column per F-tile; sized for the narrowest tile any config may pick, unused columns stay zero.
    partial_RP = torch.zeros(num_rows, triton.cdiv(inter, _min_block_n(_down_backward_kernel)),
                             dtype=torch.float32, device=grad_out_SD.device)  # fmt: skip
    _down_backward_kernel[_row_grid(num_rows, num_experts, inter)](
        grad_out_SD, down_EDF, gate_up_RG, routing_weights_S, slot_of_row_R, expert_offsets,
        grad_gate_up_RG, partial_RP,
        num_experts, hidden, inter,
        grad_out_SD.stride(0), down_EDF.stride(0), down_EDF.stride(1),
        gate_up_RG.stride(0), grad_gate_up_RG.stride(0), partial_RP.stride(0),
        _rows_bucket(num_rows, num_experts), inter, hidden,
        **_dot_flags(grad_out_SD.dtype),
    )  # fmt: skip
    return grad_gate_up_RG, partial_RP.sum(dim=1)


def gate_up_backward_input(
    grad_gate_up_RG: torch.Tensor,
    gate_up_EGD: torch.Tensor,
    slot_of_row_R: torch.Tensor,
    expert_offsets: torch.Tensor,
) -> torch.Tensor:
    """grad_x_SD[slot] = grad_gate_up[row] @ gate_up[expert]; rows of skipped slots stay zero."""
    num_experts, gate_up_rows, hidden = gate_up_EGD.shape
    num_rows = slot_of_row_R.numel()
    grad_x_SD = grad_gate_up_RG.new_zeros(num_rows, hidden)
    _gate_up_backward_input_kernel[_row_grid(num_rows, num_experts, hidden)](
        grad_gate_up_RG, gate_up_EGD, slot_of_row_R, expert_offsets, grad_x_SD,
        num_experts, hidden, gate_up_rows,
        grad_gate_up_RG.stride(0), gate_up_EGD.stride(0), gate_up_EGD.stride(1), grad_x_SD.stride(0),
        _rows_bucket(num_rows, num_experts), hidden, gate_up_rows,
        **_dot_flags(grad_gate_up_RG.dtype),
    )  # fmt: skip
    return grad_x_SD


def gate_up_weight_grad(
    grad_gate_up_RG: torch.Tensor,
    x_TD: torch.Tensor,
    slot_of_row_R: torch.Tensor,
    expert_offsets: torch.Tensor,
    num_experts: int,
    top_k: int,
) -> torch.Tensor:
    """grad_gate_up_EGD[e] = sum over rows of e of grad_gate_up[row]^T x[token of row]."""
    num_rows, gate_up_rows = grad_gate_up_RG.shape
    hidden = x_TD.shape[1]
    grad_w_EGD = x_TD.new_empty(num_experts, gate_up_rows, hidden)
    _gate_up_weight_grad_kernel[_weight_grid(num_experts, gate_up_rows, hidden)](
        grad_gate_up_RG, x_TD, slot_of_row_R, expert_offsets, grad_w_EGD,
        top_k, hidden, gate_up_rows,
        grad_gate_up_RG.stride(0), x_TD.stride(0), grad_w_EGD.stride(0), grad_w_EGD.stride(1),
        gate_up_rows, hidden, _rows_bucket(num_rows, num_experts),
        **_dot_flags(x_TD.dtype),
    )  # fmt: skip
    return grad_w_EGD


def down_weight_grad(
    grad_out_SD: torch.Tensor,
    gate_up_RG: torch.Tensor,
    routing_weights_S: torch.Tensor,
    slot_of_row_R: torch.Tensor,
    expert_offsets: torch.Tensor,
    num_experts: int,
) -> torch.Tensor:
    """grad_down_EDF[e] = sum over rows of e of (weight * grad_out[slot])^T h[row], h recomputed from gate_up_RG."""
    num_rows, gate_up_rows = gate_up_RG.shape
    hidden = grad_out_SD.shape[1]
    inter = gate_up_rows // 2
    grad_w_EDF = grad_out_SD.new_empty(num_experts, hidden, inter)
    _down_weight_grad_kernel[_weight_grid(num_experts, hidden, inter)](
        grad_out_SD, gate_up_RG, routing_weights_S, slot_of_row_R, expert_offsets, grad_w_EDF,
        hidden, inter,
        grad_out_SD.stride(0), gate_up_RG.stride(0), grad_w_EDF.stride(0), grad_w_EDF.stride(1),
        hidden, inter, _rows_bucket(num_rows, num_experts),
        **_dot_flags(grad_out_SD.dtype),
    )  # fmt: skip
    return grad_w_EDF


# ----------------------------------------------------------------------------------------------------------------------
# Ahead-of-time compilation check (no GPU needed)
# ----------------------------------------------------------------------------------------------------------------------

_KERNELS = {
    "gate_up_swiglu": (_gate_up_swiglu_kernel, True),
    "down_scatter": (_down_scatter_kernel, False),
    "down_backward": (_down_backward_kernel, False),
    "gate_up_backward_input": (_gate_up_backward_input_kernel, False),
    "gate_up_weight_grad": (_gate_up_weight_grad_kernel, False),
    "down_weight_grad": (_down_weight_grad_kernel, False),
}

# (Triton target, usable shared memory per block in bytes): H100/H200 opt-in maximum, MI300X LDS.
_AOT_TARGETS = {"cuda": (("cuda", 90, 32), 232448), "rocm": (("hip", "gfx942", 64), 65536)}
_INDEX_POINTERS = {"slot_of_row_ptr", "expert_offsets_ptr"}
_FP32_POINTERS = {"grad_weight_partial_ptr"}
_UNALIGNED_INTS = {"num_experts", "top_k", "tune_m", "tune_n", "tune_k"}


def _aot_signature(jit_fn, dtype: str) -> tuple[dict, dict]:
    """Triton signature and alignment attributes for `jit_fn` with `dtype` activations and weights."""
    signature, aligned = {}, {}
    for position, param in enumerate(jit_fn.params):
        if param.is_constexpr:
            signature[param.name] = "constexpr"
            continue
        if param.name in _INDEX_POINTERS:
            signature[param.name] = "*i32"
        elif param.name in _FP32_POINTERS:
            signature[param.name] = "*fp32"
        elif param.name.endswith("_ptr"):
            signature[param.name] = f"*{dtype}"
        else:
            signature[param.name] = "i32"
        # Realistic shapes (D, F multiples of 16, aligned allocations) get Triton's divisible-by-16 specialization,
        # which is what enables vectorised loads and software pipelining.
        if param.name not in _UNALIGNED_INTS:
            aligned[(position,)] = [["tt.divisibility", 16]]
    return signature, aligned


def compile_for_target(backend: str, dtype: str = "bf16", all_configs: bool = True) -> list[dict]:
    """Compile every kernel for Hopper ("cuda", sm_90) or MI300X ("rocm", gfx942) without a GPU.

    Uses each autotune config of that backend (or only the first) and returns one record per compile with the shared
    memory it needs; raises if a compile fails or a config needs more shared memory than the device has. Needs a
    process without TRITON_INTERPRET=1.
    """
    from triton.backends.compiler import GPUTarget
    from triton.compiler import ASTSource

    if INTERPRETED:
        raise RuntimeError("compile_for_target needs compiled kernels: import without TRITON_INTERPRET=1")
    if backend not in _AOT_TARGETS:
        raise ValueError(f"backend must be one of {sorted(_AOT_TARGETS)}, got {backend!r}")
    target_args, shared_limit = _AOT_TARGETS[backend]
    records = []
    for name, (kernel, dual_accumulator) in _KERNELS.items():
        jit_fn = kernel.fn
        signature, aligned = _aot_signature(jit_fn, dtype)
        configs = autotune_configs(dual_accumulator, backend)
        for config in configs if all_configs else configs[:1]:
            constexprs = {"INTERPRETER_FIXUPS": False, "INPUT_PRECISION": "ieee", "STORE_GATE_UP": True}
            constexprs.update({key: value for key, value in config.kwargs.items() if key.startswith("BLOCK_")})
            options = {key: value for key, value in config.kwargs.items() if not key.startswith("BLOCK_")}
            options.update(num_warps=config.num_warps, num_stages=config.num_stages)
            source = ASTSource(
                fn=jit_fn,
                signature=signature,
                constexprs={key: value for key, value in constexprs.items() if key in jit_fn.arg_names},
                attrs=aligned,
            )
            shared = triton.compile(source, target=GPUTarget(*target_args), options=options).metadata.shared
            if shared > shared_limit:
                raise RuntimeError(
                    f"{name} with {config} needs {shared} B of shared memory, {backend} has {shared_limit} B"
                )
            records.append({"kernel": name, "backend": backend, "config": str(config), "shared_bytes": shared})
    return records

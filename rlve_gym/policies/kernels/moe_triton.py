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

import os

import torch
import triton
import triton.language as tl


def _interpreter_enabled() -> bool:
    knobs = getattr(triton, "knobs", None)  # Triton >= 3.4; older versions read the variable directly
    if knobs is not None:
        return bool(knobs.runtime.interpret)
    return os.environ.get("TRITON_INTERPRET", "0") == "1"


INTERPRETED = _interpreter_enabled()
"""True when the kernels were built by Triton's CPU interpreter (TRITON_INTERPRET=1 at import time)."""

IS_ROCM = torch.version.hip is not None

# ----------------------------------------------------------------------------------------------------------------------
# Autotune configurations
# ----------------------------------------------------------------------------------------------------------------------


def _cuda_configs(dual_accumulator: bool) -> list[triton.Config]:
    """Hopper tiles: 3-4 software-pipelined stages fit in the 227 KB of shared memory a block may use."""
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
def _grouped_gemm_scatter_kernel(
    a_ptr,  # (R, K) rows in expert order: h_RF (forward) or grad_gate_up_RG (backward)
    w_ptr,  # per-expert weights: down_proj (E, D, F) or gate_up_proj (E, G, D)
    routing_weights_ptr,  # (S,), read when SCALE_BY_ROUTING_WEIGHT
    slot_of_row_ptr,
    expert_offsets_ptr,
    out_ptr,  # (S, N) out, slot order: out[slot of row] = scale * a[row] @ w[expert]
    num_experts,
    n_size,
    k_size,
    stride_a_r,
    stride_w_e,
    stride_w_outer,  # stride of w's non-contiguous axis (N when W_K_CONTIGUOUS, else K)
    stride_out_s,
    tune_m,
    tune_n,
    tune_k,
    W_K_CONTIGUOUS: tl.constexpr,  # w[e] stored (N, K), as down_proj is in the forward; else (K, N)
    SCALE_BY_ROUTING_WEIGHT: tl.constexpr,
    INTERPRETER_FIXUPS: tl.constexpr,
    INPUT_PRECISION: tl.constexpr,
    BLOCK_M: tl.constexpr,
    BLOCK_N: tl.constexpr,
    BLOCK_K: tl.constexpr,
):
    """Forward down projection (h @ down^T, scaled by the routing weight) and backward d(hidden) (dgu @ gate_up)."""
    expert, row_start, row_end, col_tile = _locate_row_tile(expert_offsets_ptr, num_experts, n_size, BLOCK_M, BLOCK_N)
    if expert < 0:
        return
    rows = row_start + tl.arange(0, BLOCK_M)
    row_mask = rows < row_end
    slots = tl.load(slot_of_row_ptr + rows, mask=row_mask, other=0)
    cols = col_tile * BLOCK_N + tl.arange(0, BLOCK_N)
    col_mask = cols < n_size
    w_expert_ptr = w_ptr + expert.to(tl.int64) * stride_w_e
    a_row_ptr = a_ptr + rows.to(tl.int64)[:, None] * stride_a_r

    acc = tl.zeros((BLOCK_M, BLOCK_N), dtype=tl.float32)
    for k0 in range(0, k_size, BLOCK_K):
        ks = k0 + tl.arange(0, BLOCK_K)
        k_mask = ks < k_size
        a = tl.load(a_row_ptr + ks[None, :], mask=row_mask[:, None] & k_mask[None, :], other=0.0)
        if W_K_CONTIGUOUS:
            b_ptrs = w_expert_ptr + cols[None, :] * stride_w_outer + ks[:, None]
        else:
            b_ptrs = w_expert_ptr + ks[:, None] * stride_w_outer + cols[None, :]
        b = tl.load(b_ptrs, mask=k_mask[:, None] & col_mask[None, :], other=0.0)
        acc = _mma(a, b, acc, INTERPRETER_FIXUPS, INPUT_PRECISION)

    if SCALE_BY_ROUTING_WEIGHT:
        acc *= tl.load(routing_weights_ptr + slots, mask=row_mask, other=0.0).to(tl.float32)[:, None]
    out_ptrs = out_ptr + slots.to(tl.int64)[:, None] * stride_out_s + cols[None, :]
    out = _cast(acc, out_ptr.dtype.element_ty, INTERPRETER_FIXUPS)
    tl.store(out_ptrs, out, mask=row_mask[:, None] & col_mask[None, :])


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
def _grouped_weight_grad_kernel(
    a_ptr,  # gate_up: grad_gate_up_RG (R, G); down: grad_out_SD (S, D)
    b_ptr,  # gate_up: x_TD (T, D); down: gate_up_RG (R, G), from which h is recomputed
    routing_weights_ptr,  # (S,), read for the down projection
    slot_of_row_ptr,
    expert_offsets_ptr,
    grad_w_ptr,  # (E, M, N) out: (E, G, D) for gate_up, (E, D, F) for down
    top_k,
    m_size,
    n_size,
    stride_a,
    stride_b,
    stride_gw_e,
    stride_gw_m,
    tune_m,
    tune_n,
    tune_k,
    FOR_DOWN_PROJ: tl.constexpr,
    INTERPRETER_FIXUPS: tl.constexpr,
    INPUT_PRECISION: tl.constexpr,
    BLOCK_M: tl.constexpr,
    BLOCK_N: tl.constexpr,
    BLOCK_K: tl.constexpr,
):
    """grad_w[e] = A[rows of e]^T @ B[rows of e], reducing over the expert's rows; an idle expert gets zeros.

    gate_up: A = grad_gate_up[row], B = x[token of row].
    down:    A = routing_weight * grad_out[slot of row], B = h[row] = silu(gate) * up of the saved pre-activations.
    """
    expert, offs_m, offs_n = _weight_tile(m_size, n_size, BLOCK_M, BLOCK_N)
    m_mask = offs_m < m_size
    n_mask = offs_n < n_size
    row_start = tl.load(expert_offsets_ptr + expert)
    row_end = tl.load(expert_offsets_ptr + expert + 1)

    acc = tl.zeros((BLOCK_M, BLOCK_N), dtype=tl.float32)
    for r0 in range(row_start, row_end, BLOCK_K):
        rows = r0 + tl.arange(0, BLOCK_K)
        row_mask = rows < row_end
        slots = tl.load(slot_of_row_ptr + rows, mask=row_mask, other=0)
        a_mask = m_mask[:, None] & row_mask[None, :]
        b_mask = row_mask[:, None] & n_mask[None, :]
        if FOR_DOWN_PROJ:
            routing_weight = tl.load(routing_weights_ptr + slots, mask=row_mask, other=0.0).to(tl.float32)
            grad_y = tl.load(a_ptr + slots.to(tl.int64)[None, :] * stride_a + offs_m[:, None], mask=a_mask, other=0.0)
            # Rounded like the eager path's (weight * grad_out), and so the MMA runs on the input dtype.
            a = _cast(grad_y.to(tl.float32) * routing_weight[None, :], a_ptr.dtype.element_ty, INTERPRETER_FIXUPS)
            gate_up_row_ptr = b_ptr + rows.to(tl.int64)[:, None] * stride_b
            gate = tl.load(gate_up_row_ptr + offs_n[None, :], mask=b_mask, other=0.0).to(tl.float32)
            up = tl.load(gate_up_row_ptr + n_size + offs_n[None, :], mask=b_mask, other=0.0).to(tl.float32)
            b = _cast(gate * tl.sigmoid(gate) * up, b_ptr.dtype.element_ty, INTERPRETER_FIXUPS)
        else:
            a = tl.load(a_ptr + rows.to(tl.int64)[None, :] * stride_a + offs_m[:, None], mask=a_mask, other=0.0)
            tokens = (slots // top_k).to(tl.int64)
            b = tl.load(b_ptr + tokens[:, None] * stride_b + offs_n[None, :], mask=b_mask, other=0.0)
        acc = _mma(a, b, acc, INTERPRETER_FIXUPS, INPUT_PRECISION)

    out_ptrs = grad_w_ptr + expert.to(tl.int64) * stride_gw_e + offs_m.to(tl.int64)[:, None] * stride_gw_m
    out = _cast(acc, grad_w_ptr.dtype.element_ty, INTERPRETER_FIXUPS)
    tl.store(out_ptrs + offs_n[None, :], out, mask=m_mask[:, None] & n_mask[None, :])


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


def _gemm_scatter(
    a_RK: torch.Tensor,
    w: torch.Tensor,
    slot_of_row_R: torch.Tensor,
    expert_offsets: torch.Tensor,
    w_k_contiguous: bool,
    routing_weights_S: torch.Tensor | None = None,
) -> torch.Tensor:
    """out_SN[slot of row] = (routing_weight *) a[row] @ w[expert]; w[e] is (N, K) if w_k_contiguous else (K, N)."""
    num_rows, k_size = a_RK.shape
    num_experts, n_size = w.shape[0], w.shape[1] if w_k_contiguous else w.shape[2]
    out_SN = a_RK.new_zeros(num_rows, n_size)  # rows of skipped slots are never written
    scale = routing_weights_S is not None
    _grouped_gemm_scatter_kernel[_row_grid(num_rows, num_experts, n_size)](
        a_RK, w, routing_weights_S if scale else a_RK, slot_of_row_R, expert_offsets, out_SN,
        num_experts, n_size, k_size,
        a_RK.stride(0), w.stride(0), w.stride(1), out_SN.stride(0),
        _rows_bucket(num_rows, num_experts), n_size, k_size,
        W_K_CONTIGUOUS=w_k_contiguous, SCALE_BY_ROUTING_WEIGHT=scale, **_dot_flags(a_RK.dtype),
    )  # fmt: skip
    return out_SN


def down_scatter(
    h_RF: torch.Tensor,
    down_EDF: torch.Tensor,
    routing_weights_S: torch.Tensor,
    slot_of_row_R: torch.Tensor,
    expert_offsets: torch.Tensor,
) -> torch.Tensor:
    """out_SD[slot] = routing_weight[slot] * h[row] @ down[expert]^T; rows of skipped slots stay zero."""
    return _gemm_scatter(h_RF, down_EDF, slot_of_row_R, expert_offsets, w_k_contiguous=True,
                         routing_weights_S=routing_weights_S)  # fmt: skip


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
    return _gemm_scatter(grad_gate_up_RG, gate_up_EGD, slot_of_row_R, expert_offsets, w_k_contiguous=False)


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
    _grouped_weight_grad_kernel[_weight_grid(num_experts, gate_up_rows, hidden)](
        grad_gate_up_RG, x_TD, grad_gate_up_RG, slot_of_row_R, expert_offsets, grad_w_EGD,
        top_k, gate_up_rows, hidden,
        grad_gate_up_RG.stride(0), x_TD.stride(0), grad_w_EGD.stride(0), grad_w_EGD.stride(1),
        gate_up_rows, hidden, _rows_bucket(num_rows, num_experts),
        FOR_DOWN_PROJ=False, **_dot_flags(x_TD.dtype),
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
    _grouped_weight_grad_kernel[_weight_grid(num_experts, hidden, inter)](
        grad_out_SD, gate_up_RG, routing_weights_S, slot_of_row_R, expert_offsets, grad_w_EDF,
        1, hidden, inter,
        grad_out_SD.stride(0), gate_up_RG.stride(0), grad_w_EDF.stride(0), grad_w_EDF.stride(1),
        hidden, inter, _rows_bucket(num_rows, num_experts),
        FOR_DOWN_PROJ=True, **_dot_flags(grad_out_SD.dtype),
    )  # fmt: skip
    return grad_w_EDF


# ----------------------------------------------------------------------------------------------------------------------
# Ahead-of-time compilation check (no GPU needed)
# ----------------------------------------------------------------------------------------------------------------------

# name -> (kernel, holds two accumulators, the constexpr flags of that use)
_KERNELS = {
    "gate_up_swiglu": (_gate_up_swiglu_kernel, True, {"STORE_GATE_UP": True}),
    "down_scatter": (_grouped_gemm_scatter_kernel, False, {"W_K_CONTIGUOUS": True, "SCALE_BY_ROUTING_WEIGHT": True}),
    "down_backward": (_down_backward_kernel, False, {}),
    "gate_up_backward_input": (
        _grouped_gemm_scatter_kernel,
        False,
        {"W_K_CONTIGUOUS": False, "SCALE_BY_ROUTING_WEIGHT": False},
    ),
    "gate_up_weight_grad": (_grouped_weight_grad_kernel, False, {"FOR_DOWN_PROJ": False}),
    "down_weight_grad": (_grouped_weight_grad_kernel, False, {"FOR_DOWN_PROJ": True}),
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
    for name, (kernel, dual_accumulator, flags) in _KERNELS.items():
        jit_fn = kernel.fn
        signature, aligned = _aot_signature(jit_fn, dtype)
        configs = autotune_configs(dual_accumulator, backend)
        for config in configs if all_configs else configs[:1]:
            constexprs = {"INTERPRETER_FIXUPS": False, "INPUT_PRECISION": "ieee", **flags}
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

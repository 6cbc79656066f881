"""Triton kernels for the convolutional path of ZAYA's CCA projection (forward, backward, cached decode).

The kernels compute, for every packed channel of ``u = [q_hat; k_hat]`` (query channels first, then key channels),
exactly what transformers' eager ``ZayaCCAProjection`` computes with two ``nn.Conv1d`` and the q/k-mean skip terms:

    u'[j]  = conv_state[j]              for j < P          (zeros when there is no cached state)
           = u[j - P]                   for P <= j < T + P
    m[s]   = w_dw[:, 0] * u'[s] + w_dw[:, 1] * u'[s + 1] + b_dw                      s = 0 .. T
    y[t]   = W0_n @ m_n[t] + W1_n @ m_n[t + 1] + b_g       per head n (W_tap_n = w_g[n*D:(n+1)*D, :, tap])
    q[t,h] = y_q[t,h] + (q_hat[t,h] + k_hat[t,h // G]) / 2
    k[t,g] = y_k[t,g] + mean_{h in group g} (q_hat[t,h] + k_hat[t,g]) / 2

The depthwise bias therefore reaches the grouped conv even at t = 0 (the two frames are padded once, before the
first conv), as in the eager code. The new conv state is ``u'[T], u'[T + 1]`` (the last two padded frames). One
kernel serves prefill, chunked prefill and the one-token decode step: its rows are flattened (batch, time) pairs,
so a decode step over a batch is one launch whose rows are the sequences.

Precision: loads are upcast to fp32, the depthwise output ``m`` is rounded to the activation dtype before the
grouped conv's matmul (the eager bf16 conv rounds it too), matmuls accumulate in fp32 and outputs are rounded once.
The backward is deterministic: per-block partial sums are reduced with ``torch.sum`` instead of atomics.

Shape legend (suffixes of tensor names):
    B  batch                                   T  new tokens in this call
    H  query heads                             K  key/value heads
    G  query heads per key/value head (H / K)  D  head dim
    N  conv groups, one per head (H + K)       C  packed conv channels (N * D)
    P  cached conv frames (2)                  W  conv kernel width (2)
    S  split partial sums of the backward      X  partial-sum slots (3: w_dw tap 0, w_dw tap 1, b_dw)
    L  row blocks of the input-gradient kernel
"""

from __future__ import annotations

import torch
import triton
import triton.language as tl

CONV_WIDTH = 2
STATE_FRAMES = 2  # (depthwise width - 1) + (grouped width - 1)


# ---------------------------------------------------------------------------------------------------------------
# Autotune configurations. CUDA (Hopper) and ROCm (MI300X, CDNA3) get separate lists because the ROCm-only
# compiler options (waves_per_eu, matrix_instr_nonkdim) are rejected by the CUDA backend; ROCm keeps num_stages
# at 1-2 for its stream pipeliner. BLOCK_O / BLOCK_I tile the conv's output / input channels of one head: one is the
# program's result tile, the other the chunk of the inner matmul loop (which bounds register use). The interpreter
# gets one tiny config, so it never benchmarks. Every config compiles for sm_90 and gfx942 at ZAYA1-8B's head
# geometry without register spills (`python benchmarks/bench_cca_kernels.py --aot-only` lists them).
# ---------------------------------------------------------------------------------------------------------------


@triton.jit
def _interpreter_probe():
    pass


INTERPRETED = type(_interpreter_probe).__name__ == "InterpretedFunction"
"""True when the kernels were built by Triton's CPU interpreter (TRITON_INTERPRET=1 when this module was imported)."""
IS_ROCM = torch.version.hip is not None

# Shapes are (BLOCK_R, BLOCK_O, BLOCK_I, num_warps, num_stages), plus waves_per_eu on ROCm (0 = compiler's choice).
# In the forward BLOCK_O is the output tile and BLOCK_I the contraction chunk; in the input backward it is the
# other way round. The 16-row configs serve decode steps, whose rows are the batch.
_CUDA_SHAPES = {
    "fwd": [(16, 64, 32, 4, 2), (32, 64, 32, 4, 2), (32, 64, 32, 8, 2), (32, 128, 32, 8, 2), (64, 64, 32, 8, 2)],
    "bwd_input": [(32, 32, 64, 4, 2), (32, 64, 64, 4, 2), (32, 32, 128, 8, 2), (64, 32, 64, 8, 2), (64, 64, 64, 8, 2)],
    "bwd_weight": [
        (32, 64, 64, 4, 2),
        (64, 64, 64, 8, 2),
        (64, 128, 32, 8, 2),
        (64, 128, 64, 8, 2),
        (128, 128, 64, 8, 2),
        (128, 64, 32, 4, 3),
    ],
}
_ROCM_SHAPES = {
    "fwd": [
        (16, 64, 32, 4, 2, 0),
        (32, 64, 32, 4, 2, 0),
        (32, 128, 32, 8, 2, 4),
        (64, 64, 32, 8, 2, 0),
        (64, 64, 32, 8, 2, 4),
        (64, 128, 32, 8, 2, 0),
        (128, 64, 32, 8, 2, 0),
    ],
    "bwd_input": [
        (32, 32, 64, 4, 2, 0),
        (32, 32, 128, 8, 2, 0),
        (64, 32, 64, 8, 2, 0),
        (64, 32, 64, 8, 2, 4),
        (64, 64, 64, 8, 2, 0),
        (128, 32, 64, 8, 2, 0),
    ],
    "bwd_weight": [
        (32, 64, 64, 4, 2, 0),
        (64, 64, 32, 4, 2, 0),
        (64, 64, 64, 8, 2, 0),
        (64, 128, 32, 8, 2, 0),
        (64, 128, 64, 8, 2, 0),
        (128, 64, 32, 8, 2, 0),
    ],
}


def autotune_configs(kind: str, backend: str) -> list[triton.Config]:
    """Autotune configs of kernel ``fwd``, ``bwd_input`` or ``bwd_weight`` for ``cuda``, ``rocm`` or ``interpret``."""
    if kind not in ("fwd", "bwd_input", "bwd_weight"):
        raise ValueError(f"unknown kernel kind {kind!r}; expected fwd, bwd_input or bwd_weight")
    if backend == "interpret":
        return [triton.Config({"BLOCK_R": 16, "BLOCK_O": 16, "BLOCK_I": 16}, num_warps=1, num_stages=1)]
    if backend == "cuda":
        return [
            triton.Config({"BLOCK_R": r, "BLOCK_O": o, "BLOCK_I": i}, num_warps=w, num_stages=s)
            for r, o, i, w, s in _CUDA_SHAPES[kind]
        ]
    if backend == "rocm":
        return [
            triton.Config(
                {"BLOCK_R": r, "BLOCK_O": o, "BLOCK_I": i, "waves_per_eu": e, "matrix_instr_nonkdim": 16},
                num_warps=w,
                num_stages=s,
            )
            for r, o, i, w, s, e in _ROCM_SHAPES[kind]
        ]
    raise ValueError(f"unknown backend {backend!r}; expected cuda, rocm or interpret")


ACTIVE_BACKEND = "interpret" if INTERPRETED else ("rocm" if IS_ROCM else "cuda")


def _prune_oversized_tiles(configs, named_args, **kwargs):
    """Drop configs whose channel tiles exceed the (padded) head dim; keep all if that would drop every one."""
    block_d = named_args.get("BLOCK_D", kwargs.get("BLOCK_D"))
    fitting = [c for c in configs if c.kwargs.get("BLOCK_I", 0) <= block_d and c.kwargs.get("BLOCK_O", 0) <= block_d]
    return fitting or configs


_PRUNE = {"early_config_prune": _prune_oversized_tiles}


def _rows_bucket(rows: int) -> int:
    """Autotune key: the power of two above the row count, so varying sequence lengths share tuned configs."""
    return min(triton.next_power_of_2(max(rows, 1)), 1 << 20)


# ---------------------------------------------------------------------------------------------------------------
# Device helpers (inlined into the kernels). Every kernel dispatches once on the head kind (query or key group)
# into a body specialised by IS_Q, so row widths are compile-time constants: the shifted frames u'[t], u'[t + 1]
# are then the same pointer tile with an immediate offset, and no dead q/k-mean loads are issued.
# ---------------------------------------------------------------------------------------------------------------


@triton.jit
def _round(x, dtype: tl.constexpr, INTERPRET: tl.constexpr):
    """x.to(dtype) with round-to-nearest-even, also under the interpreter (whose fp32 -> bf16 cast truncates)."""
    if INTERPRET and dtype == tl.bfloat16:
        bits = x.to(tl.float32).to(tl.uint32, bitcast=True)
        bits = (bits + 0x7FFF + ((bits >> 16) & 1)) & 0xFFFF0000
        x = bits.to(tl.float32, bitcast=True)
    return x.to(dtype)


@triton.jit
def _mm(a, b, DOT_DTYPE: tl.constexpr, INTERPRET: tl.constexpr):
    """a @ b with fp32 accumulation, operands rounded to DOT_DTYPE first (the eager conv's operand precision).

    Under the interpreter the rounded operands are fed to the matmul as fp32: it multiplies the raw bit patterns
    of bfloat16 dot operands (triton-lang/triton#11584), while its fp32 path is exact.
    """
    a = _round(a, DOT_DTYPE, INTERPRET)
    b = _round(b, DOT_DTYPE, INTERPRET)
    if INTERPRET:
        a = a.to(tl.float32)
        b = b.to(tl.float32)
    return tl.dot(a, b, input_precision="ieee")


@triton.jit
def _depthwise_pair(
    src_ptr,
    state_ptr,
    w_dw_ptr,
    b_dw_ptr,
    tok_off_R,
    b_R,
    t_R,
    row_ok_R,
    chan_X,
    col_X,
    x_ok_X,
    stride_sb,
    stride_sc,
    stride_sp,
    WIDTH: tl.constexpr,
    HAS_STATE: tl.constexpr,
):
    """Depthwise conv outputs (m[t], m[t + 1]) in fp32 for tokens t (their own frame is u'[t + P] = u[t]).

    tok_off_R is the element offset of token t's row in the (B, T, WIDTH) source; the frames before a sequence's
    first token come from the cached state (or are zero without one).
    """
    mask_RX = row_ok_R[:, None] & x_ok_X[None, :]
    ptr_RX = src_ptr + tok_off_R[:, None] + col_X[None, :]
    u2_RX = tl.load(ptr_RX, mask=mask_RX, other=0.0).to(tl.float32)
    u1_RX = tl.load(ptr_RX - WIDTH, mask=mask_RX & (t_R >= 1)[:, None], other=0.0).to(tl.float32)
    u0_RX = tl.load(ptr_RX - 2 * WIDTH, mask=mask_RX & (t_R >= 2)[:, None], other=0.0).to(tl.float32)
    if HAS_STATE:
        state_RX = state_ptr + b_R.to(tl.int64)[:, None] * stride_sb + chan_X[None, :] * stride_sc
        u1_RX += tl.load(state_RX + stride_sp, mask=mask_RX & (t_R == 0)[:, None], other=0.0).to(tl.float32)
        u0_RX += tl.load(state_RX + t_R[:, None] * stride_sp, mask=mask_RX & (t_R < 2)[:, None], other=0.0).to(
            tl.float32
        )
    w_dw0_X = tl.load(w_dw_ptr + chan_X * 2, mask=x_ok_X, other=0.0).to(tl.float32)
    w_dw1_X = tl.load(w_dw_ptr + chan_X * 2 + 1, mask=x_ok_X, other=0.0).to(tl.float32)
    b_dw_X = tl.load(b_dw_ptr + chan_X, mask=x_ok_X, other=0.0).to(tl.float32)
    m0_RX = u0_RX * w_dw0_X[None, :] + u1_RX * w_dw1_X[None, :] + b_dw_X[None, :]
    m1_RX = u1_RX * w_dw0_X[None, :] + u2_RX * w_dw1_X[None, :] + b_dw_X[None, :]
    return m0_RX, m1_RX, u1_RX, u2_RX


@triton.jit
def _qk_mix(
    q_ptr,
    k_ptr,
    head,
    tok_R,
    mask_RX,
    col_X,
    IS_Q: tl.constexpr,
    PARTNER_COEF: tl.constexpr,
    GROUP_COEF: tl.constexpr,
    H: tl.constexpr,
    K: tl.constexpr,
    D: tl.constexpr,
):
    """Per-token q/k mixing for channels col_X of one head, on rows tok_R of (B, T, heads * D) tensors q and k.

    Query head h: q[h] / 2 + PARTNER_COEF * k[h // G];  key head g: k[g] / 2 + GROUP_COEF * sum_{h in g} q[h].
    With (1/2, 1/(2G)) on the projections this is the eager q/k-mean skip; with (1/(2G), 1/2) on the output
    gradients it is that map's transpose.
    """
    G: tl.constexpr = H // K
    q_row_R = tok_R.to(tl.int64) * (H * D)
    k_row_R = tok_R.to(tl.int64) * (K * D)
    if IS_Q:
        mix_RX = 0.5 * tl.load(q_ptr + q_row_R[:, None] + head * D + col_X[None, :], mask=mask_RX, other=0.0).to(
            tl.float32
        )
        mix_RX += PARTNER_COEF * tl.load(
            k_ptr + k_row_R[:, None] + (head // G) * D + col_X[None, :], mask=mask_RX, other=0.0
        ).to(tl.float32)
    else:
        mix_RX = 0.5 * tl.load(k_ptr + k_row_R[:, None] + head * D + col_X[None, :], mask=mask_RX, other=0.0).to(
            tl.float32
        )
        for member in tl.static_range(G):
            mix_RX += GROUP_COEF * tl.load(
                q_ptr + q_row_R[:, None] + (head * G + member) * D + col_X[None, :], mask=mask_RX, other=0.0
            ).to(tl.float32)
    return mix_RX


# ---------------------------------------------------------------------------------------------------------------
# Forward: prefill, chunked prefill (cached frames in front) and the one-token decode step, one kernel.
# Grid: (row blocks over the flattened (b, t) pairs, N conv groups x output-channel tiles). The grouped conv's
# contraction over the group's D input channels runs in BLOCK_I chunks; the depthwise conv is recomputed per
# chunk from three frames.
# ---------------------------------------------------------------------------------------------------------------


@triton.jit
def _fwd_group(
    src_ptr,
    q_hat_ptr,
    k_hat_ptr,
    state_ptr,
    w_dw_ptr,
    b_dw_ptr,
    w_g_ptr,
    b_g_ptr,
    out_ptr,
    new_state_ptr,
    n,
    head,
    pid_r,
    pid_o,
    B,
    T,
    stride_sb,
    stride_sc,
    stride_sp,
    WIDTH: tl.constexpr,
    IS_Q: tl.constexpr,
    H: tl.constexpr,
    K: tl.constexpr,
    D: tl.constexpr,
    BLOCK_D: tl.constexpr,
    HAS_STATE: tl.constexpr,
    WRITE_STATE: tl.constexpr,
    INTERPRET: tl.constexpr,
    BLOCK_R: tl.constexpr,
    BLOCK_O: tl.constexpr,
    BLOCK_I: tl.constexpr,
):
    G: tl.constexpr = H // K
    C: tl.constexpr = (H + K) * D
    dot_dtype: tl.constexpr = src_ptr.dtype.element_ty
    rows_R = pid_r * BLOCK_R + tl.arange(0, BLOCK_R)
    row_ok_R = rows_R < B * T
    b_R = rows_R // T
    t_R = rows_R % T
    tok_off_R = rows_R.to(tl.int64) * WIDTH + head * D
    o_O = pid_o * BLOCK_O + tl.arange(0, BLOCK_O)
    o_ok_O = o_O < D
    # Only the first output tile writes the new conv state (every tile reads the same frames).
    last_row_R = row_ok_R & (t_R == T - 1) & ((tl.zeros((BLOCK_R,), dtype=tl.int32) + pid_o) == 0)

    y_RO = tl.zeros((BLOCK_R, BLOCK_O), dtype=tl.float32)
    for i_start in range(0, BLOCK_D, BLOCK_I):
        i_I = i_start + tl.arange(0, BLOCK_I)
        i_ok_I = i_I < D
        chan_I = n * D + i_I
        m0_RI, m1_RI, u1_RI, u2_RI = _depthwise_pair(
            src_ptr,
            state_ptr,
            w_dw_ptr,
            b_dw_ptr,
            tok_off_R,
            b_R,
            t_R,
            row_ok_R,
            chan_I,
            i_I,
            i_ok_I,
            stride_sb,
            stride_sc,
            stride_sp,
            WIDTH,
            HAS_STATE,
        )
        # Transposed grouped-conv taps: w_tap_T[i, o] = w_g[n * D + o, i, tap].
        w_ptr_IO = w_g_ptr + (n * D + o_O[None, :]) * (D * 2) + i_I[:, None] * 2
        w_mask_IO = i_ok_I[:, None] & o_ok_O[None, :]
        y_RO += _mm(m0_RI, tl.load(w_ptr_IO, mask=w_mask_IO, other=0.0), dot_dtype, INTERPRET)
        y_RO += _mm(m1_RI, tl.load(w_ptr_IO + 1, mask=w_mask_IO, other=0.0), dot_dtype, INTERPRET)
        if WRITE_STATE:
            # The new conv state is the last P padded frames u'[T], u'[T + 1]: the u1/u2 frames of row t = T - 1.
            state_ptr_RI = new_state_ptr + b_R.to(tl.int64)[:, None] * (C * 2) + chan_I[None, :] * 2
            state_mask_RI = last_row_R[:, None] & i_ok_I[None, :]
            state_dtype: tl.constexpr = new_state_ptr.dtype.element_ty
            tl.store(state_ptr_RI, _round(u1_RI, state_dtype, INTERPRET), mask=state_mask_RI)
            tl.store(state_ptr_RI + 1, _round(u2_RI, state_dtype, INTERPRET), mask=state_mask_RI)

    mask_RO = row_ok_R[:, None] & o_ok_O[None, :]
    y_RO += tl.load(b_g_ptr + n * D + o_O, mask=o_ok_O, other=0.0).to(tl.float32)[None, :]
    y_RO += _qk_mix(q_hat_ptr, k_hat_ptr, head, rows_R, mask_RO, o_O, IS_Q, 0.5, 0.5 / G, H, K, D)
    tl.store(
        out_ptr + tok_off_R[:, None] + o_O[None, :], _round(y_RO, out_ptr.dtype.element_ty, INTERPRET), mask=mask_RO
    )


@triton.autotune(configs=autotune_configs("fwd", ACTIVE_BACKEND), key=["ROWS_BUCKET", "D"], prune_configs_by=_PRUNE)
@triton.jit
def _cca_conv_fwd_kernel(
    q_hat_ptr,
    k_hat_ptr,
    state_ptr,
    w_dw_ptr,
    b_dw_ptr,
    w_g_ptr,
    b_g_ptr,
    q_out_ptr,
    k_out_ptr,
    new_state_ptr,
    B,
    T,
    stride_sb,
    stride_sc,
    stride_sp,
    ROWS_BUCKET,
    H: tl.constexpr,
    K: tl.constexpr,
    D: tl.constexpr,
    BLOCK_D: tl.constexpr,
    HAS_STATE: tl.constexpr,
    WRITE_STATE: tl.constexpr,
    INTERPRET: tl.constexpr,
    BLOCK_R: tl.constexpr,
    BLOCK_O: tl.constexpr,
    BLOCK_I: tl.constexpr,
):
    O_TILES: tl.constexpr = (BLOCK_D + BLOCK_O - 1) // BLOCK_O
    pid_r = tl.program_id(0)
    n = tl.program_id(1) // O_TILES
    pid_o = tl.program_id(1) % O_TILES
    if n < H:
        _fwd_group(
            q_hat_ptr,
            q_hat_ptr,
            k_hat_ptr,
            state_ptr,
            w_dw_ptr,
            b_dw_ptr,
            w_g_ptr,
            b_g_ptr,
            q_out_ptr,
            new_state_ptr,
            n,
            n,
            pid_r,
            pid_o,
            B,
            T,
            stride_sb,
            stride_sc,
            stride_sp,
            H * D,
            True,
            H,
            K,
            D,
            BLOCK_D,
            HAS_STATE,
            WRITE_STATE,
            INTERPRET,
            BLOCK_R,
            BLOCK_O,
            BLOCK_I,
        )
    else:
        _fwd_group(
            k_hat_ptr,
            q_hat_ptr,
            k_hat_ptr,
            state_ptr,
            w_dw_ptr,
            b_dw_ptr,
            w_g_ptr,
            b_g_ptr,
            k_out_ptr,
            new_state_ptr,
            n,
            n - H,
            pid_r,
            pid_o,
            B,
            T,
            stride_sb,
            stride_sc,
            stride_sp,
            K * D,
            False,
            H,
            K,
            D,
            BLOCK_D,
            HAS_STATE,
            WRITE_STATE,
            INTERPRET,
            BLOCK_R,
            BLOCK_O,
            BLOCK_I,
        )


# ---------------------------------------------------------------------------------------------------------------
# Backward, part 1: gradients of the inputs (q_hat, k_hat, cached frames) and per-block partial sums for the
# depthwise conv's weight and bias. Rows are the flattened (b, j) pairs over the padded time axis j in [0, T + P).
#   dm[s] = W0^T dy[s] + W1^T dy[s - 1]          du'[j] = w_dw0 * dm[j] + w_dw1 * dm[j - 1]
# plus the q/k-mix gradients at t = j - P. Out-of-range dy rows load as 0, which makes dm vanish outside [0, T].
# Grid: (row blocks, N conv groups x input-channel tiles); the contraction over output channels runs in BLOCK_O
# chunks.
# ---------------------------------------------------------------------------------------------------------------


@triton.jit
def _bwd_input_group(
    src_ptr,
    dy_ptr,
    dhat_ptr,
    dq_out_ptr,
    dk_out_ptr,
    state_ptr,
    w_dw_ptr,
    w_g_ptr,
    dstate_ptr,
    dw_partial_ptr,
    n,
    head,
    pid_r,
    pid_i,
    B,
    T,
    stride_sb,
    stride_sc,
    stride_sp,
    WIDTH: tl.constexpr,
    IS_Q: tl.constexpr,
    H: tl.constexpr,
    K: tl.constexpr,
    D: tl.constexpr,
    BLOCK_D: tl.constexpr,
    HAS_STATE: tl.constexpr,
    STATE_GRAD: tl.constexpr,
    DW_GRAD: tl.constexpr,
    INTERPRET: tl.constexpr,
    BLOCK_R: tl.constexpr,
    BLOCK_O: tl.constexpr,
    BLOCK_I: tl.constexpr,
):
    G: tl.constexpr = H // K
    C: tl.constexpr = (H + K) * D
    dot_dtype: tl.constexpr = dy_ptr.dtype.element_ty
    rows_R = pid_r * BLOCK_R + tl.arange(0, BLOCK_R)
    row_ok_R = rows_R < B * (T + 2)
    b_R = rows_R // (T + 2)
    j_R = rows_R % (T + 2)
    tok_j_R = b_R * T + j_R  # token row of t = j (only dereferenced where 0 <= t < T)
    dy_off_R = tok_j_R.to(tl.int64) * WIDTH + head * D
    i_I = pid_i * BLOCK_I + tl.arange(0, BLOCK_I)
    i_ok_I = i_I < D
    chan_I = n * D + i_I

    dm_j_RI = tl.zeros((BLOCK_R, BLOCK_I), dtype=tl.float32)
    dm_jm1_RI = tl.zeros((BLOCK_R, BLOCK_I), dtype=tl.float32)
    for o_start in range(0, BLOCK_D, BLOCK_O):
        o_O = o_start + tl.arange(0, BLOCK_O)
        o_ok_O = o_O < D
        mask_RO = row_ok_R[:, None] & o_ok_O[None, :]
        dy_ptr_RO = dy_ptr + dy_off_R[:, None] + o_O[None, :]
        dy_j_RO = tl.load(dy_ptr_RO, mask=mask_RO & (j_R < T)[:, None], other=0.0)
        dy_jm1_RO = tl.load(dy_ptr_RO - WIDTH, mask=mask_RO & ((j_R >= 1) & (j_R <= T))[:, None], other=0.0)
        dy_jm2_RO = tl.load(dy_ptr_RO - 2 * WIDTH, mask=mask_RO & (j_R >= 2)[:, None], other=0.0)
        # Grouped-conv taps as stored: w_tap[o, i] = w_g[n * D + o, i, tap].
        w_ptr_OI = w_g_ptr + (n * D + o_O[:, None]) * (D * 2) + i_I[None, :] * 2
        w_mask_OI = o_ok_O[:, None] & i_ok_I[None, :]
        w0_OI = tl.load(w_ptr_OI, mask=w_mask_OI, other=0.0)
        dm_j_RI += _mm(dy_j_RO, w0_OI, dot_dtype, INTERPRET)
        dm_jm1_RI += _mm(dy_jm1_RO, w0_OI, dot_dtype, INTERPRET)
        w1_OI = tl.load(w_ptr_OI + 1, mask=w_mask_OI, other=0.0)
        dm_j_RI += _mm(dy_jm1_RO, w1_OI, dot_dtype, INTERPRET)
        dm_jm1_RI += _mm(dy_jm2_RO, w1_OI, dot_dtype, INTERPRET)

    w_dw0_I = tl.load(w_dw_ptr + chan_I * 2, mask=i_ok_I, other=0.0).to(tl.float32)
    w_dw1_I = tl.load(w_dw_ptr + chan_I * 2 + 1, mask=i_ok_I, other=0.0).to(tl.float32)
    du_RI = dm_j_RI * w_dw0_I[None, :] + dm_jm1_RI * w_dw1_I[None, :]

    # Frames j >= P are this call's tokens t = j - P: add the q/k-mix gradient there and store.
    tok_R = tok_j_R - 2
    tok_off_R = tok_R.to(tl.int64) * WIDTH + head * D
    tok_mask_RI = (row_ok_R & (j_R >= 2))[:, None] & i_ok_I[None, :]
    du_RI += _qk_mix(dq_out_ptr, dk_out_ptr, head, tok_R, tok_mask_RI, i_I, IS_Q, 0.5 / G, 0.5, H, K, D)
    tl.store(
        dhat_ptr + tok_off_R[:, None] + i_I[None, :],
        _round(du_RI, dhat_ptr.dtype.element_ty, INTERPRET),
        mask=tok_mask_RI,
    )
    if STATE_GRAD:
        state_mask_RI = (row_ok_R & (j_R < 2))[:, None] & i_ok_I[None, :]
        dstate_ptr_RI = dstate_ptr + b_R.to(tl.int64)[:, None] * (C * 2) + chan_I[None, :] * 2 + j_R[:, None]
        tl.store(dstate_ptr_RI, du_RI, mask=state_mask_RI)

    if DW_GRAD:
        # dw_dw[tap] = sum_j dm[j] * u'[j + tap], db_dw = sum_j dm[j]; u'[j] = u[j - P] or a cached frame.
        mask_RI = row_ok_R[:, None] & i_ok_I[None, :]
        u_ptr_RI = src_ptr + tok_off_R[:, None] + i_I[None, :]
        u_j_RI = tl.load(u_ptr_RI, mask=tok_mask_RI, other=0.0).to(tl.float32)
        u_jp1_RI = tl.load(u_ptr_RI + WIDTH, mask=mask_RI & ((j_R >= 1) & (j_R <= T))[:, None], other=0.0).to(
            tl.float32
        )
        if HAS_STATE:
            state_RI = state_ptr + b_R.to(tl.int64)[:, None] * stride_sb + chan_I[None, :] * stride_sc
            u_j_RI += tl.load(state_RI + j_R[:, None] * stride_sp, mask=mask_RI & (j_R < 2)[:, None], other=0.0).to(
                tl.float32
            )
            u_jp1_RI += tl.load(state_RI + stride_sp, mask=mask_RI & (j_R == 0)[:, None], other=0.0).to(tl.float32)
        partial_ptr_I = dw_partial_ptr + pid_r.to(tl.int64) * (3 * C) + chan_I
        tl.store(partial_ptr_I, tl.sum(dm_j_RI * u_j_RI, axis=0), mask=i_ok_I)
        tl.store(partial_ptr_I + C, tl.sum(dm_j_RI * u_jp1_RI, axis=0), mask=i_ok_I)
        tl.store(partial_ptr_I + 2 * C, tl.sum(dm_j_RI, axis=0), mask=i_ok_I)


@triton.autotune(
    configs=autotune_configs("bwd_input", ACTIVE_BACKEND),
    key=["ROWS_BUCKET", "D"],
    prune_configs_by=_PRUNE,
    reset_to_zero=["dw_partial_ptr"],
)
@triton.jit
def _cca_conv_bwd_input_kernel(
    q_hat_ptr,
    k_hat_ptr,
    state_ptr,
    w_dw_ptr,
    w_g_ptr,
    dq_out_ptr,
    dk_out_ptr,
    dq_hat_ptr,
    dk_hat_ptr,
    dstate_ptr,
    dw_partial_ptr,
    B,
    T,
    stride_sb,
    stride_sc,
    stride_sp,
    ROWS_BUCKET,
    H: tl.constexpr,
    K: tl.constexpr,
    D: tl.constexpr,
    BLOCK_D: tl.constexpr,
    HAS_STATE: tl.constexpr,
    STATE_GRAD: tl.constexpr,
    DW_GRAD: tl.constexpr,
    INTERPRET: tl.constexpr,
    BLOCK_R: tl.constexpr,
    BLOCK_O: tl.constexpr,
    BLOCK_I: tl.constexpr,
):
    I_TILES: tl.constexpr = (BLOCK_D + BLOCK_I - 1) // BLOCK_I
    pid_r = tl.program_id(0)
    n = tl.program_id(1) // I_TILES
    pid_i = tl.program_id(1) % I_TILES
    if n < H:
        _bwd_input_group(
            q_hat_ptr,
            dq_out_ptr,
            dq_hat_ptr,
            dq_out_ptr,
            dk_out_ptr,
            state_ptr,
            w_dw_ptr,
            w_g_ptr,
            dstate_ptr,
            dw_partial_ptr,
            n,
            n,
            pid_r,
            pid_i,
            B,
            T,
            stride_sb,
            stride_sc,
            stride_sp,
            H * D,
            True,
            H,
            K,
            D,
            BLOCK_D,
            HAS_STATE,
            STATE_GRAD,
            DW_GRAD,
            INTERPRET,
            BLOCK_R,
            BLOCK_O,
            BLOCK_I,
        )
    else:
        _bwd_input_group(
            k_hat_ptr,
            dk_out_ptr,
            dk_hat_ptr,
            dq_out_ptr,
            dk_out_ptr,
            state_ptr,
            w_dw_ptr,
            w_g_ptr,
            dstate_ptr,
            dw_partial_ptr,
            n,
            n - H,
            pid_r,
            pid_i,
            B,
            T,
            stride_sb,
            stride_sc,
            stride_sp,
            K * D,
            False,
            H,
            K,
            D,
            BLOCK_D,
            HAS_STATE,
            STATE_GRAD,
            DW_GRAD,
            INTERPRET,
            BLOCK_R,
            BLOCK_O,
            BLOCK_I,
        )


# ---------------------------------------------------------------------------------------------------------------
# Backward, part 2: grouped-conv weight and bias gradients, dW_tap[o, i] = sum_t dy[t, o] * m[t + tap, i].
# Grid: (N conv groups, (output block, input block) tiles, S splits); each program walks a contiguous range of
# row blocks and writes one partial sum, so the result does not depend on scheduling.
# ---------------------------------------------------------------------------------------------------------------


@triton.jit
def _bwd_weight_group(
    src_ptr,
    dy_ptr,
    state_ptr,
    w_dw_ptr,
    b_dw_ptr,
    dw_g_partial_ptr,
    db_g_partial_ptr,
    n,
    head,
    pid_o,
    pid_i,
    split,
    B,
    T,
    stride_sb,
    stride_sc,
    stride_sp,
    NUM_SPLITS,
    WIDTH: tl.constexpr,
    H: tl.constexpr,
    K: tl.constexpr,
    D: tl.constexpr,
    HAS_STATE: tl.constexpr,
    INTERPRET: tl.constexpr,
    BLOCK_R: tl.constexpr,
    BLOCK_O: tl.constexpr,
    BLOCK_I: tl.constexpr,
):
    C: tl.constexpr = (H + K) * D
    dot_dtype: tl.constexpr = dy_ptr.dtype.element_ty
    o_O = pid_o * BLOCK_O + tl.arange(0, BLOCK_O)
    o_ok_O = o_O < D
    i_I = pid_i * BLOCK_I + tl.arange(0, BLOCK_I)
    i_ok_I = i_I < D
    chan_I = n * D + i_I

    num_blocks = tl.cdiv(B * T, BLOCK_R)
    blocks_per_split = tl.cdiv(num_blocks, NUM_SPLITS)
    first_block = split * blocks_per_split
    last_block = tl.minimum(first_block + blocks_per_split, num_blocks)
    dw0_OI = tl.zeros((BLOCK_O, BLOCK_I), dtype=tl.float32)
    dw1_OI = tl.zeros((BLOCK_O, BLOCK_I), dtype=tl.float32)
    db_O = tl.zeros((BLOCK_O,), dtype=tl.float32)
    for block in range(first_block, last_block):
        rows_R = block * BLOCK_R + tl.arange(0, BLOCK_R)
        row_ok_R = rows_R < B * T
        b_R = rows_R // T
        t_R = rows_R % T
        tok_off_R = rows_R.to(tl.int64) * WIDTH + head * D
        m0_RI, m1_RI, _, _ = _depthwise_pair(
            src_ptr,
            state_ptr,
            w_dw_ptr,
            b_dw_ptr,
            tok_off_R,
            b_R,
            t_R,
            row_ok_R,
            chan_I,
            i_I,
            i_ok_I,
            stride_sb,
            stride_sc,
            stride_sp,
            WIDTH,
            HAS_STATE,
        )
        dy_RO = tl.load(dy_ptr + tok_off_R[:, None] + o_O[None, :], mask=row_ok_R[:, None] & o_ok_O[None, :], other=0.0)
        dy_T_OR = tl.trans(dy_RO)
        dw0_OI += _mm(dy_T_OR, m0_RI, dot_dtype, INTERPRET)
        dw1_OI += _mm(dy_T_OR, m1_RI, dot_dtype, INTERPRET)
        db_O += tl.sum(dy_RO.to(tl.float32), axis=0)

    partial_ptr_OI = (
        dw_g_partial_ptr + split.to(tl.int64) * (C * D * 2) + (n * D + o_O[:, None]) * (D * 2) + i_I[None, :] * 2
    )
    mask_OI = o_ok_O[:, None] & i_ok_I[None, :]
    tl.store(partial_ptr_OI, dw0_OI, mask=mask_OI)
    tl.store(partial_ptr_OI + 1, dw1_OI, mask=mask_OI)
    if pid_i == 0:  # every input block saw the same dy rows; the first one writes the bias partial
        tl.store(db_g_partial_ptr + split.to(tl.int64) * C + n * D + o_O, db_O, mask=o_ok_O)


@triton.autotune(
    configs=autotune_configs("bwd_weight", ACTIVE_BACKEND), key=["ROWS_BUCKET", "D"], prune_configs_by=_PRUNE
)
@triton.jit
def _cca_conv_bwd_weight_kernel(
    q_hat_ptr,
    k_hat_ptr,
    state_ptr,
    w_dw_ptr,
    b_dw_ptr,
    dq_out_ptr,
    dk_out_ptr,
    dw_g_partial_ptr,
    db_g_partial_ptr,
    B,
    T,
    stride_sb,
    stride_sc,
    stride_sp,
    ROWS_BUCKET,
    NUM_SPLITS,
    H: tl.constexpr,
    K: tl.constexpr,
    D: tl.constexpr,
    BLOCK_D: tl.constexpr,
    HAS_STATE: tl.constexpr,
    INTERPRET: tl.constexpr,
    BLOCK_R: tl.constexpr,
    BLOCK_O: tl.constexpr,
    BLOCK_I: tl.constexpr,
):
    I_BLOCKS: tl.constexpr = (BLOCK_D + BLOCK_I - 1) // BLOCK_I
    n = tl.program_id(0)
    pid_o = tl.program_id(1) // I_BLOCKS
    pid_i = tl.program_id(1) % I_BLOCKS
    split = tl.program_id(2)
    if n < H:
        _bwd_weight_group(
            q_hat_ptr,
            dq_out_ptr,
            state_ptr,
            w_dw_ptr,
            b_dw_ptr,
            dw_g_partial_ptr,
            db_g_partial_ptr,
            n,
            n,
            pid_o,
            pid_i,
            split,
            B,
            T,
            stride_sb,
            stride_sc,
            stride_sp,
            NUM_SPLITS,
            H * D,
            H,
            K,
            D,
            HAS_STATE,
            INTERPRET,
            BLOCK_R,
            BLOCK_O,
            BLOCK_I,
        )
    else:
        _bwd_weight_group(
            k_hat_ptr,
            dk_out_ptr,
            state_ptr,
            w_dw_ptr,
            b_dw_ptr,
            dw_g_partial_ptr,
            db_g_partial_ptr,
            n,
            n - H,
            pid_o,
            pid_i,
            split,
            B,
            T,
            stride_sb,
            stride_sc,
            stride_sp,
            NUM_SPLITS,
            K * D,
            H,
            K,
            D,
            HAS_STATE,
            INTERPRET,
            BLOCK_R,
            BLOCK_O,
            BLOCK_I,
        )


# ---------------------------------------------------------------------------------------------------------------
# Host side.
# ---------------------------------------------------------------------------------------------------------------

_SUPPORTED_DTYPES = (torch.float32, torch.bfloat16, torch.float16)


def _check_inputs(q_hat_BTHD, k_hat_BTKD, w_dw_C1W, b_dw_C, w_g_CDW, b_g_C, conv_state_BCP) -> None:
    if q_hat_BTHD.ndim != 4 or k_hat_BTKD.ndim != 4:
        raise ValueError(
            f"q_hat and k_hat must be (B, T, heads, D); got {tuple(q_hat_BTHD.shape)} and {tuple(k_hat_BTKD.shape)}"
        )
    B, T, H, D = q_hat_BTHD.shape
    kB, kT, K, kD = k_hat_BTKD.shape
    if (kB, kT, kD) != (B, T, D):
        raise ValueError(f"q_hat {tuple(q_hat_BTHD.shape)} and k_hat {tuple(k_hat_BTKD.shape)} disagree on B, T or D")
    if T == 0 or B == 0:
        raise ValueError("the CCA convolution needs at least one token per sequence")
    if K == 0 or H % K != 0:
        raise ValueError(f"query heads ({H}) must be a positive multiple of key/value heads ({K})")
    if q_hat_BTHD.dtype not in _SUPPORTED_DTYPES or k_hat_BTKD.dtype != q_hat_BTHD.dtype:
        raise ValueError(
            f"q_hat/k_hat must share one of {_SUPPORTED_DTYPES}; got {q_hat_BTHD.dtype}, {k_hat_BTKD.dtype}"
        )
    C = (H + K) * D
    expected = {
        "depthwise weight": (w_dw_C1W, (C, 1, CONV_WIDTH)),
        "depthwise bias": (b_dw_C, (C,)),
        "grouped weight": (w_g_CDW, (C, D, CONV_WIDTH)),
        "grouped bias": (b_g_C, (C,)),
    }
    if conv_state_BCP is not None:
        expected["conv state"] = (conv_state_BCP, (B, C, STATE_FRAMES))
    for name, (tensor, shape) in expected.items():
        if tuple(tensor.shape) != shape:
            raise ValueError(f"{name} must have shape {shape}; got {tuple(tensor.shape)}")
        if tensor.device != q_hat_BTHD.device:
            raise ValueError(f"{name} is on {tensor.device}, the projections on {q_hat_BTHD.device}")


def _state_args(conv_state_BCP: torch.Tensor | None, fallback: torch.Tensor) -> tuple[torch.Tensor, int, int, int]:
    if conv_state_BCP is None:
        return fallback, 0, 0, 0
    return (conv_state_BCP, *conv_state_BCP.stride())


def _launch_forward(q_hat_BTHD, k_hat_BTKD, conv_state_BCP, w_dw_C1W, b_dw_C, w_g_CDW, b_g_C, write_state):
    B, T, H, D = q_hat_BTHD.shape
    K = k_hat_BTKD.shape[2]
    C = (H + K) * D
    q_out_BTHD = torch.empty_like(q_hat_BTHD)
    k_out_BTKD = torch.empty_like(k_hat_BTKD)
    new_state_BCP = (
        torch.empty(B, C, STATE_FRAMES, dtype=q_hat_BTHD.dtype, device=q_hat_BTHD.device) if write_state else None
    )
    state, stride_sb, stride_sc, stride_sp = _state_args(conv_state_BCP, q_hat_BTHD)
    rows = B * T
    block_d = max(16, triton.next_power_of_2(D))

    def grid(meta):
        return (triton.cdiv(rows, meta["BLOCK_R"]), (H + K) * triton.cdiv(block_d, meta["BLOCK_O"]))

    _cca_conv_fwd_kernel[grid](
        q_hat_BTHD,
        k_hat_BTKD,
        state,
        w_dw_C1W,
        b_dw_C,
        w_g_CDW,
        b_g_C,
        q_out_BTHD,
        k_out_BTKD,
        new_state_BCP if write_state else q_out_BTHD,
        B,
        T,
        stride_sb,
        stride_sc,
        stride_sp,
        _rows_bucket(rows),
        H=H,
        K=K,
        D=D,
        BLOCK_D=block_d,
        HAS_STATE=conv_state_BCP is not None,
        WRITE_STATE=write_state,
        INTERPRET=INTERPRETED,
    )
    return q_out_BTHD, k_out_BTKD, new_state_BCP


def _num_splits(device: torch.device, rows: int, groups: int) -> int:
    """Splits of the weight-gradient reduction: about two programs per SM/CU, each over at least 64 rows.

    Under the interpreter (tiny test shapes) splits of 24 rows (1.5 of its 16-row blocks) on a pretend 8-unit
    device, so the tests cover several partial sums that do not divide the blocks evenly.
    """
    if INTERPRETED or device.type != "cuda":
        multiprocessors, min_rows = 8, 24
    else:
        multiprocessors, min_rows = torch.cuda.get_device_properties(device).multi_processor_count, 64
    return max(1, min(triton.cdiv(rows, min_rows), triton.cdiv(2 * multiprocessors, groups)))


def _launch_backward(ctx, dq_out_BTHD, dk_out_BTKD):
    q_hat_BTHD, k_hat_BTKD, conv_state_BCP, w_dw_C1W, b_dw_C, w_g_CDW = ctx.saved_tensors
    needs = ctx.needs_input_grad
    B, T, H, D = q_hat_BTHD.shape
    K = k_hat_BTKD.shape[2]
    N = H + K
    C = N * D
    device = q_hat_BTHD.device
    block_d = max(16, triton.next_power_of_2(D))
    state, stride_sb, stride_sc, stride_sp = _state_args(conv_state_BCP, q_hat_BTHD)
    has_state = conv_state_BCP is not None
    interpret = INTERPRETED
    grads: list[torch.Tensor | None] = [None] * 7

    state_grad = has_state and needs[2]
    dw_grad = needs[3] or needs[4]
    if needs[0] or needs[1] or state_grad or dw_grad:
        dq_hat_BTHD = torch.empty_like(q_hat_BTHD)
        dk_hat_BTKD = torch.empty_like(k_hat_BTKD)
        dstate_BCP = torch.zeros(B, C, STATE_FRAMES, dtype=torch.float32, device=device) if state_grad else None
        padded_rows = B * (T + STATE_FRAMES)
        min_block = min(config.kwargs["BLOCK_R"] for config in _cca_conv_bwd_input_kernel.configs)
        dw_partial_LXC = (
            torch.zeros(triton.cdiv(padded_rows, min_block), 3, C, dtype=torch.float32, device=device)
            if dw_grad
            else None
        )

        def grid(meta):
            return (triton.cdiv(padded_rows, meta["BLOCK_R"]), N * triton.cdiv(block_d, meta["BLOCK_I"]))

        _cca_conv_bwd_input_kernel[grid](
            q_hat_BTHD,
            k_hat_BTKD,
            state,
            w_dw_C1W,
            w_g_CDW,
            dq_out_BTHD,
            dk_out_BTKD,
            dq_hat_BTHD,
            dk_hat_BTKD,
            dstate_BCP if state_grad else dq_hat_BTHD,
            dw_partial_LXC if dw_grad else torch.zeros(1, dtype=torch.float32, device=device),
            B,
            T,
            stride_sb,
            stride_sc,
            stride_sp,
            _rows_bucket(padded_rows),
            H=H,
            K=K,
            D=D,
            BLOCK_D=block_d,
            HAS_STATE=has_state,
            STATE_GRAD=state_grad,
            DW_GRAD=dw_grad,
            INTERPRET=interpret,
        )
        grads[0], grads[1] = dq_hat_BTHD, dk_hat_BTKD
        if state_grad:
            grads[2] = dstate_BCP.to(conv_state_BCP.dtype)
        if dw_grad:
            sums_XC = dw_partial_LXC.sum(dim=0)
            grads[3] = sums_XC[:2].t().reshape(C, 1, CONV_WIDTH).to(w_dw_C1W.dtype)
            grads[4] = sums_XC[2].to(ctx.b_dw_dtype)

    if needs[5] or needs[6]:
        rows = B * T
        num_splits = _num_splits(device, rows, N)
        dw_g_partial_SCDW = torch.empty(num_splits, C, D, CONV_WIDTH, dtype=torch.float32, device=device)
        db_g_partial_SC = torch.empty(num_splits, C, dtype=torch.float32, device=device)

        def grid(meta):
            return (N, triton.cdiv(D, meta["BLOCK_O"]) * triton.cdiv(block_d, meta["BLOCK_I"]), num_splits)

        _cca_conv_bwd_weight_kernel[grid](
            q_hat_BTHD,
            k_hat_BTKD,
            state,
            w_dw_C1W,
            b_dw_C,
            dq_out_BTHD,
            dk_out_BTKD,
            dw_g_partial_SCDW,
            db_g_partial_SC,
            B,
            T,
            stride_sb,
            stride_sc,
            stride_sp,
            _rows_bucket(rows),
            num_splits,
            H=H,
            K=K,
            D=D,
            BLOCK_D=block_d,
            HAS_STATE=has_state,
            INTERPRET=interpret,
        )
        grads[5] = dw_g_partial_SCDW.sum(dim=0).to(w_g_CDW.dtype)
        grads[6] = db_g_partial_SC.sum(dim=0).to(ctx.b_g_dtype)
    return grads


class _CCAConvQK(torch.autograd.Function):
    """Autograd wrapper: inputs (q_hat, k_hat, conv_state, w_dw, b_dw, w_g, b_g, write_state)."""

    @staticmethod
    def forward(ctx, q_hat_BTHD, k_hat_BTKD, conv_state_BCP, w_dw_C1W, b_dw_C, w_g_CDW, b_g_C, write_state):
        q_out_BTHD, k_out_BTKD, new_state_BCP = _launch_forward(
            q_hat_BTHD, k_hat_BTKD, conv_state_BCP, w_dw_C1W, b_dw_C, w_g_CDW, b_g_C, write_state
        )
        ctx.save_for_backward(q_hat_BTHD, k_hat_BTKD, conv_state_BCP, w_dw_C1W, b_dw_C, w_g_CDW)
        ctx.b_dw_dtype, ctx.b_g_dtype = b_dw_C.dtype, b_g_C.dtype
        if new_state_BCP is not None:
            ctx.mark_non_differentiable(new_state_BCP)
        return q_out_BTHD, k_out_BTKD, new_state_BCP

    @staticmethod
    def backward(ctx, dq_out_BTHD, dk_out_BTKD, _unused_dstate):
        q_hat_BTHD, k_hat_BTKD = ctx.saved_tensors[:2]
        dq_out_BTHD = torch.zeros_like(q_hat_BTHD) if dq_out_BTHD is None else dq_out_BTHD.contiguous()
        dk_out_BTKD = torch.zeros_like(k_hat_BTKD) if dk_out_BTKD is None else dk_out_BTKD.contiguous()
        # The matmuls read the gradients in the projections' dtype (it is their dtype in any eager graph too).
        dq_out_BTHD = dq_out_BTHD.to(q_hat_BTHD.dtype)
        dk_out_BTKD = dk_out_BTKD.to(q_hat_BTHD.dtype)
        return (*_launch_backward(ctx, dq_out_BTHD, dk_out_BTKD), None)


def cca_conv_qk(
    q_hat_BTHD: torch.Tensor,
    k_hat_BTKD: torch.Tensor,
    w_depthwise_C1W: torch.Tensor,
    b_depthwise_C: torch.Tensor | None,
    w_grouped_CDW: torch.Tensor,
    b_grouped_C: torch.Tensor | None,
    conv_state_BCP: torch.Tensor | None = None,
    *,
    return_state: bool = False,
) -> tuple[torch.Tensor, ...]:
    """CCA conv path of ``ZayaCCAProjection``: causal depthwise + grouped conv over [q_hat; k_hat] plus q/k means.

    ``q_hat_BTHD``/``k_hat_BTKD`` are the q/k projections of this call's tokens; ``conv_state_BCP`` holds the two
    packed frames before them (the cache's conv state; ``None`` means zeros, i.e. a sequence start). Returns
    ``(q_BTHD, k_BTKD)``, plus the new conv state ``(B, C, P)`` (the last two padded frames, in the projections'
    dtype) when ``return_state``. Differentiable w.r.t. the projections, the conv state and the conv parameters.
    """
    if b_depthwise_C is None:
        b_depthwise_C = w_depthwise_C1W.new_zeros(w_depthwise_C1W.shape[0])
    if b_grouped_C is None:
        b_grouped_C = w_grouped_CDW.new_zeros(w_grouped_CDW.shape[0])
    _check_inputs(q_hat_BTHD, k_hat_BTKD, w_depthwise_C1W, b_depthwise_C, w_grouped_CDW, b_grouped_C, conv_state_BCP)
    inputs = (
        q_hat_BTHD.contiguous(),
        k_hat_BTKD.contiguous(),
        conv_state_BCP,
        w_depthwise_C1W.contiguous(),
        b_depthwise_C.contiguous(),
        w_grouped_CDW.contiguous(),
        b_grouped_C.contiguous(),
    )
    needs_grad = torch.is_grad_enabled() and any(t is not None and t.requires_grad for t in inputs)
    if needs_grad:
        q_BTHD, k_BTKD, new_state_BCP = _CCAConvQK.apply(*inputs, return_state)
    else:
        q_BTHD, k_BTKD, new_state_BCP = _launch_forward(*inputs, return_state)
    return (q_BTHD, k_BTKD, new_state_BCP) if return_state else (q_BTHD, k_BTKD)


# ---------------------------------------------------------------------------------------------------------------
# Ahead-of-time compilation for a GPU target, without a GPU: a portability check for CI and the benchmark script.
# ---------------------------------------------------------------------------------------------------------------

# (Triton target, usable shared memory per block in bytes): H100/H200 opt-in maximum, MI300X LDS.
_AOT_TARGETS = {"cuda": (("cuda", 90, 32), 232448), "rocm": (("hip", "gfx942", 64), 65536)}
_AOT_KERNELS = {
    "fwd": (_cca_conv_fwd_kernel, {"HAS_STATE": True, "WRITE_STATE": True}),
    "bwd_input": (_cca_conv_bwd_input_kernel, {"HAS_STATE": True, "STATE_GRAD": True, "DW_GRAD": True}),
    "bwd_weight": (_cca_conv_bwd_weight_kernel, {"HAS_STATE": True}),
}
_FP32_POINTERS = {"dstate_ptr", "dw_partial_ptr", "dw_g_partial_ptr", "db_g_partial_ptr"}


def _register_usage(backend: str, compiled) -> dict:
    """Registers and spilled bytes of a compiled kernel, read from its cubin (cuobjdump) or AMDGPU metadata."""
    import re
    import subprocess
    import tempfile
    from pathlib import Path

    if backend == "rocm":
        assembly = compiled.asm["amdgcn"]

        def field(name: str) -> int:
            found = re.search(rf"\.{name}:\s+(\d+)", assembly)
            return int(found.group(1)) if found else -1

        return {"registers": field("vgpr_count"), "spilled": field("vgpr_spill_count") + field("sgpr_spill_count")}
    tool = Path(triton.__file__).parent / "backends" / "nvidia" / "bin" / "cuobjdump"
    with tempfile.TemporaryDirectory() as tmp:
        cubin = Path(tmp) / "kernel.cubin"
        cubin.write_bytes(compiled.asm["cubin"])
        usage = subprocess.run([str(tool), "-res-usage", str(cubin)], capture_output=True, text=True, check=True)
    registers = re.search(r"REG:(\d+)", usage.stdout)
    stack = re.search(r"STACK:(\d+)", usage.stdout)
    local = re.search(r"LOCAL:(\d+)", usage.stdout)
    return {
        "registers": int(registers.group(1)) if registers else -1,
        "spilled": (int(stack.group(1)) if stack else 0) + (int(local.group(1)) if local else 0),
    }


def compile_for_target(
    backend: str,
    dtype: str = "bf16",
    all_configs: bool = True,
    query_heads: int = 8,
    kv_heads: int = 2,
    head_dim: int = 128,
) -> list[dict]:
    """Compile every CCA kernel for Hopper ("cuda", sm_90) or MI300X ("rocm", gfx942) without a GPU.

    Uses each autotune config of that backend (or only the first) at the given head geometry (default ZAYA1-8B's)
    and returns one record per compile with its shared memory, registers and spilled bytes; raises if a compile
    fails or needs more shared memory than the device has. Needs a process without TRITON_INTERPRET=1.
    """
    from triton.backends.compiler import GPUTarget
    from triton.compiler import ASTSource

    if INTERPRETED:
        raise RuntimeError("compile_for_target needs compiled kernels: import without TRITON_INTERPRET=1")
    if backend not in _AOT_TARGETS:
        raise ValueError(f"backend must be one of {sorted(_AOT_TARGETS)}, got {backend!r}")
    target_args, shared_limit = _AOT_TARGETS[backend]
    block_d = max(16, triton.next_power_of_2(head_dim))
    geometry = {"H": query_heads, "K": kv_heads, "D": head_dim, "BLOCK_D": block_d, "INTERPRET": False}
    records = []
    for kind, (kernel, flags) in _AOT_KERNELS.items():
        jit_fn = kernel.fn
        signature, aligned = {}, {}
        for position, param in enumerate(jit_fn.params):
            if param.is_constexpr:
                signature[param.name] = "constexpr"
            elif param.name.endswith("_ptr"):
                signature[param.name] = "*fp32" if param.name in _FP32_POINTERS else f"*{dtype}"
                aligned[(position,)] = [["tt.divisibility", 16]]  # torch allocations are 16-byte aligned
            else:
                signature[param.name] = "i32"
        configs = autotune_configs(kind, backend)
        for config in configs if all_configs else configs[:1]:
            constexprs = {**geometry, **flags, **{k: v for k, v in config.kwargs.items() if k.startswith("BLOCK_")}}
            options = {k: v for k, v in config.kwargs.items() if not k.startswith("BLOCK_")}
            options.update(num_warps=config.num_warps, num_stages=config.num_stages)
            source = ASTSource(
                fn=jit_fn,
                signature=signature,
                attrs=aligned,
                constexprs={k: v for k, v in constexprs.items() if k in jit_fn.arg_names},
            )
            compiled = triton.compile(source, target=GPUTarget(*target_args), options=options)
            shared = compiled.metadata.shared
            if shared > shared_limit:
                raise RuntimeError(
                    f"{kind} with {config} needs {shared} B of shared memory; {backend} has {shared_limit} B"
                )
            records.append(
                {
                    "kernel": kind,
                    "backend": backend,
                    "config": str(config),
                    "shared_bytes": shared,
                    **_register_usage(backend, compiled),
                }
            )
    return records

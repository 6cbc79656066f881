"""Triton CCA projection kernels vs transformers' eager `ZayaCCAProjection`, run on CPU through Triton's interpreter."""

import copy
import os

# The kernels are built as interpreted functions only if this is set before triton is first imported.
os.environ["TRITON_INTERPRET"] = "1"

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import torch
import torch.nn.functional as F
from transformers import ZayaConfig, ZayaForCausalLM
from transformers.cache_utils import DynamicCache
from transformers.models.zaya.modeling_zaya import ZayaCCAProjection

from rlve_gym.policies.kernels import cca, cca_triton, install_cca_kernels, uninstall_cca_kernels

REPO_ROOT = Path(__file__).resolve().parents[2]


def setup_module():
    if not cca_triton.INTERPRETED:
        raise RuntimeError(
            "cca_triton was imported before TRITON_INTERPRET=1 was set; these tests need the interpreter"
        )


def tiny_config(**overrides) -> ZayaConfig:
    """2 layers, hidden 64, 4 query / 2 key-value heads of 16, 4 experts, vocab 128."""
    fields = dict(
        vocab_size=128, hidden_size=64, num_hidden_layers=2, num_attention_heads=4, num_key_value_heads=2,
        head_dim=16, num_experts=4, moe_intermediate_size=32, router_hidden_size=16, max_position_embeddings=128,
    )
    fields.update(overrides)
    return ZayaConfig(**fields)


def projection_pair(config: ZayaConfig, dtype=torch.float32, seed=0):
    """(eager, triton) copies of one `ZayaCCAProjection` with the same non-trivial weights."""
    generator = torch.Generator().manual_seed(seed)
    eager = ZayaCCAProjection(config, layer_idx=0)
    with torch.no_grad():
        for param in eager.parameters():  # default Conv1d init is small; make every path visible
            param.copy_(torch.randn(param.shape, generator=generator) / param.shape[-1] ** 0.5)
    eager = eager.to(dtype)
    kernel = copy.deepcopy(eager)
    assert install_cca_kernels(kernel) == 1
    return eager, kernel


def hidden(config: ZayaConfig, batch: int, tokens: int, dtype=torch.float32, seed=1) -> torch.Tensor:
    generator = torch.Generator().manual_seed(seed)
    return torch.randn(batch, tokens, config.hidden_size, generator=generator).to(dtype)


def tiny_model(config: ZayaConfig, seed=0) -> ZayaForCausalLM:
    """A tiny ZAYA1 whose random weights all come from a local generator (the 1-d norms and scales keep their init)."""
    generator = torch.Generator().manual_seed(seed)
    model = ZayaForCausalLM(config).eval()
    with torch.no_grad():
        for param in model.parameters():
            if param.ndim >= 2:
                param.copy_(torch.randn(param.shape, generator=generator) * 0.05)
        for layer in model.model.layers:
            # temp initialises to 0, which zeroes every key and hides the q/k path from the logits.
            temp = layer.self_attn.qk_norm.temp
            temp.copy_(1.0 + torch.rand(temp.shape, generator=generator))
            qkv = layer.self_attn.qkv_proj
            for conv in (qkv.conv_qk_depthwise, qkv.conv_qk_grouped):
                conv.weight.copy_(torch.randn(conv.weight.shape, generator=generator) / conv.weight.shape[1])
                conv.bias.copy_(torch.randn(conv.bias.shape, generator=generator) * 0.5)
    return model


def max_error(actual: torch.Tensor, expected: torch.Tensor) -> float:
    return (actual.double() - expected.double()).abs().max().item()


# --- conv path, function level ---------------------------------------------------------------------------------


def reference_conv_qk(q_hat, k_hat, state, w_dw, b_dw, w_g, b_g):
    """The eager module's conv path, written with the same torch ops (F.pad once, two Conv1d, q/k means)."""
    B, T, H, D = q_hat.shape
    K = k_hat.shape[2]
    packed_BCT = torch.cat([q_hat.flatten(2), k_hat.flatten(2)], dim=-1).transpose(1, 2)
    padded = F.pad(packed_BCT, (2, 0)) if state is None else torch.cat([state, packed_BCT], dim=-1)
    mixed = F.conv1d(F.conv1d(padded, w_dw, b_dw, groups=padded.shape[1]), w_g, b_g, groups=H + K).transpose(1, 2)
    q_mix = (q_hat + k_hat.repeat_interleave(H // K, dim=2)) * 0.5
    k_mix = q_mix.view(B, T, K, H // K, D).mean(dim=-2)
    q = mixed[..., : H * D].reshape(B, T, H, D) + q_mix
    k = mixed[..., H * D :].reshape(B, T, K, D) + k_mix
    return q, k, padded[..., -2:]


def conv_inputs(batch, tokens, heads, kv_heads, head_dim, with_state, dtype=torch.float32, seed=0):
    generator = torch.Generator().manual_seed(seed)
    channels = (heads + kv_heads) * head_dim

    def draw(*shape, scale=1.0):
        return (torch.randn(*shape, generator=generator) * scale).to(dtype).requires_grad_()

    return [
        draw(batch, tokens, heads, head_dim),
        draw(batch, tokens, kv_heads, head_dim),
        draw(batch, channels, 2) if with_state else None,
        draw(channels, 1, 2),
        draw(channels),
        draw(channels, head_dim, 2, scale=head_dim**-0.5),
        draw(channels),
    ]


@pytest.mark.parametrize(
    ("batch", "tokens", "heads", "kv_heads", "head_dim", "with_state"),
    [
        (2, 17, 4, 2, 16, False),  # three row blocks, sequence boundaries inside blocks
        (2, 17, 4, 2, 16, True),  # chunked prefill after cached frames
        (3, 1, 4, 2, 16, True),  # one-token decode: the rows are the sequences
        (1, 1, 4, 1, 32, False),  # first token without state; 4 query heads share one kv head; 2 channel tiles
        (2, 5, 2, 2, 24, True),  # head dim off the power-of-two grid (masked channels)
    ],
)
def test_conv_path_and_gradients_match_torch_reference_fp32(batch, tokens, heads, kv_heads, head_dim, with_state):
    inputs = conv_inputs(batch, tokens, heads, kv_heads, head_dim, with_state)
    q_hat, k_hat, state, w_dw, b_dw, w_g, b_g = inputs
    q, k, new_state = cca_triton.cca_conv_qk(q_hat, k_hat, w_dw, b_dw, w_g, b_g, state, return_state=True)
    ref_q, ref_k, ref_state = reference_conv_qk(*inputs)
    assert max_error(q, ref_q) < 1e-5 and max_error(k, ref_k) < 1e-5
    assert torch.equal(new_state, ref_state)

    generator = torch.Generator().manual_seed(2)
    grad_q, grad_k = torch.randn(q.shape, generator=generator), torch.randn(k.shape, generator=generator)
    leaves = [t for t in inputs if t is not None]
    grads = torch.autograd.grad((q * grad_q).sum() + (k * grad_k).sum(), leaves)
    ref_grads = torch.autograd.grad((ref_q * grad_q).sum() + (ref_k * grad_k).sum(), leaves)
    for grad, ref_grad in zip(grads, ref_grads, strict=True):
        assert grad.shape == ref_grad.shape and grad.dtype == ref_grad.dtype
        assert max_error(grad, ref_grad) < 1e-4 * max(1.0, ref_grad.abs().max().item())


def test_bf16_error_comparable_to_eager_bf16():
    """Against an fp64 reference on the same bf16 values, the kernel is no worse than the eager bf16 convs."""
    inputs = conv_inputs(2, 9, 4, 2, 16, with_state=True, dtype=torch.bfloat16)
    exact = [t.detach().double().requires_grad_() if t is not None else None for t in inputs]
    q, k, _ = cca_triton.cca_conv_qk(*inputs[:2], *inputs[3:], inputs[2], return_state=True)
    eager_q, eager_k, _ = reference_conv_qk(*inputs)
    exact_q, exact_k, _ = reference_conv_qk(*exact)
    for ours, eager, truth in ((q, eager_q, exact_q), (k, eager_k, exact_k)):
        assert ours.dtype == torch.bfloat16
        assert max_error(ours, truth) <= 1.5 * max_error(eager, truth) + 1e-3

    generator = torch.Generator().manual_seed(3)
    grad_q, grad_k = torch.randn(q.shape, generator=generator), torch.randn(k.shape, generator=generator)
    leaves = [t for t in inputs if t is not None]
    grads = torch.autograd.grad((q * grad_q.bfloat16()).sum() + (k * grad_k.bfloat16()).sum(), leaves)
    eager_grads = torch.autograd.grad((eager_q * grad_q.bfloat16()).sum() + (eager_k * grad_k.bfloat16()).sum(),
                                      leaves)
    exact_grads = torch.autograd.grad((exact_q * grad_q.double()).sum() + (exact_k * grad_k.double()).sum(),
                                      [t for t in exact if t is not None])
    for ours, eager, truth in zip(grads, eager_grads, exact_grads, strict=True):
        assert ours.dtype == torch.bfloat16
        assert max_error(ours, truth) <= 1.5 * max_error(eager, truth) + 1e-2 * truth.abs().max().item()


def test_rejects_malformed_inputs():
    q_hat, k_hat, state, w_dw, b_dw, w_g, b_g = [t.detach() if t is not None else None
                                                 for t in conv_inputs(1, 3, 4, 2, 16, with_state=True)]
    with pytest.raises(ValueError, match="multiple"):
        cca_triton.cca_conv_qk(q_hat[:, :, :3], k_hat, w_dw, b_dw, w_g, b_g)
    with pytest.raises(ValueError, match="conv state"):
        cca_triton.cca_conv_qk(q_hat, k_hat, w_dw, b_dw, w_g, b_g, state[..., :1])
    with pytest.raises(ValueError, match="grouped weight"):
        cca_triton.cca_conv_qk(q_hat, k_hat, w_dw, b_dw, w_g[:, :8], b_g)
    with pytest.raises(ValueError, match="at least one token"):
        cca_triton.cca_conv_qk(q_hat[:, :0], k_hat[:, :0], w_dw, b_dw, w_g, b_g)
    with pytest.raises(ValueError, match="share one of"):
        cca_triton.cca_conv_qk(q_hat.double(), k_hat.double(), w_dw, b_dw, w_g, b_g)


# --- the patched module ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("tokens", "attention_bias"), [(1, False), (2, True), (11, False)])
def test_projection_matches_eager_fp32_with_gradients(tokens, attention_bias):
    config = tiny_config(attention_bias=attention_bias)
    eager, kernel = projection_pair(config)
    x_eager = hidden(config, 2, tokens).requires_grad_()
    x_kernel = x_eager.detach().clone().requires_grad_()
    outputs = kernel(x_kernel, None)
    expected = eager(x_eager, None)
    for ours, theirs in zip(outputs, expected, strict=True):
        assert ours.shape == theirs.shape and max_error(ours, theirs) < 1e-5

    generator = torch.Generator().manual_seed(4)
    weights = [torch.randn(t.shape, generator=generator) for t in expected]
    sum(((o * w).sum() for o, w in zip(outputs, weights, strict=True))).backward()
    sum(((e * w).sum() for e, w in zip(expected, weights, strict=True))).backward()
    assert max_error(x_kernel.grad, x_eager.grad) < 1e-4
    for (name, ours), theirs in zip(kernel.named_parameters(), eager.parameters(), strict=True):
        assert max_error(ours.grad, theirs.grad) < 1e-4 * max(1.0, theirs.grad.abs().max().item()), name


def test_projection_bf16_error_comparable_to_eager_bf16():
    config = tiny_config()
    eager, kernel = projection_pair(config, dtype=torch.bfloat16)
    exact = copy.deepcopy(eager).double()
    x = hidden(config, 2, 9, dtype=torch.bfloat16)
    for ours, theirs, truth in zip(kernel(x, None), eager(x, None), exact(x.double(), None), strict=True):
        assert ours.dtype == torch.bfloat16
        assert max_error(ours, truth) <= 1.5 * max_error(theirs, truth) + 1e-3


def test_chunked_prefill_and_decode_update_the_cache_like_eager():
    """Chunks of 5, 3, 1, 1 tokens: same outputs and cache states as eager, and together the full forward."""
    config = tiny_config()
    eager, kernel = projection_pair(config)
    x = hidden(config, 2, 10)
    eager_cache, kernel_cache = DynamicCache(config=config), DynamicCache(config=config)
    pieces, start = [], 0
    with torch.no_grad():
        for size in (5, 3, 1, 1):
            chunk = x[:, start : start + size]
            start += size
            ours = kernel(chunk, kernel_cache)
            for mine, theirs in zip(ours, eager(chunk, eager_cache), strict=True):
                assert max_error(mine, theirs) < 1e-5
            assert torch.equal(kernel_cache.get_conv_state(0), eager_cache.get_conv_state(0))
            assert torch.equal(kernel_cache.get_recurrent_state(0), eager_cache.get_recurrent_state(0))
            pieces.append(ours)
        full = kernel(x, None)
    for index, whole in enumerate(full):
        assert max_error(torch.cat([piece[index] for piece in pieces], dim=1), whole) < 1e-5


def test_padding_mask_zeroes_padded_tokens_like_eager():
    config = tiny_config()
    eager, kernel = projection_pair(config)
    x = hidden(config, 2, 7)
    mask = torch.ones(2, 7, dtype=torch.long)
    mask[1, :3] = 0  # left padding
    with torch.no_grad():
        by_keyword = kernel(hidden_states=x, past_key_values=None, conv_mask=mask)  # the eager keyword names
        for ours, theirs in zip(by_keyword, eager(x, None, mask), strict=True):
            assert max_error(ours, theirs) < 1e-5
        # Padding is invisible: the unpadded tokens of row 1 see the same values as a batch without them.
        unpadded = kernel(x[1:, 3:], None)
        padded = kernel(x[1:], None, mask[1:])
    for short, long in zip(unpadded, padded, strict=True):
        assert max_error(short, long[:, 3:]) < 1e-5


# --- whole model -------------------------------------------------------------------------------------------------


def test_tiny_model_prefill_then_decode_matches_full_forward_and_eager():
    config = tiny_config()
    model = tiny_model(config)
    eager_model = copy.deepcopy(model)
    assert install_cca_kernels(model) == config.num_hidden_layers
    generator = torch.Generator().manual_seed(5)
    ids = torch.randint(0, config.vocab_size, (2, 7), generator=generator)
    with torch.no_grad():
        full = model(ids).logits
        eager_full = eager_model(ids).logits
        prefill = model(ids[:, :4], use_cache=True)
        cache, steps = prefill.cache, [prefill.logits]
        for position in range(4, 7):
            step = model(ids[:, position : position + 1], cache=cache, use_cache=True)
            cache = step.cache
            steps.append(step.logits)
    incremental = torch.cat(steps, dim=1)
    assert max_error(full, eager_full) < 1e-4
    assert max_error(incremental, full) < 1e-4
    assert max_error(eager_full, eager_model(ids).logits) == 0  # the eager copy is untouched by the install


def test_tiny_model_left_padded_generation_matches_eager():
    config = tiny_config()
    model = tiny_model(config, seed=1)
    eager_model = copy.deepcopy(model)
    install_cca_kernels(model)
    generator = torch.Generator().manual_seed(6)
    ids = torch.randint(3, config.vocab_size, (2, 6), generator=generator)
    ids[1, :2] = config.pad_token_id
    attention_mask = (ids != config.pad_token_id).long()
    with torch.no_grad():
        logits = model(ids, attention_mask=attention_mask).logits
        eager_logits = eager_model(ids, attention_mask=attention_mask).logits
        settings = dict(attention_mask=attention_mask, max_new_tokens=3, do_sample=False, pad_token_id=0,
                        eos_token_id=None)
        generated = model.generate(ids, **settings)
        eager_generated = eager_model.generate(ids, **settings)
    assert max_error(logits[attention_mask.bool()], eager_logits[attention_mask.bool()]) < 1e-4
    assert torch.equal(generated, eager_generated)


def test_gradients_through_tiny_model_match_eager():
    config = tiny_config()
    model = tiny_model(config, seed=2)
    eager_model = copy.deepcopy(model)
    install_cca_kernels(model)
    model.train()
    eager_model.train()
    generator = torch.Generator().manual_seed(7)
    ids = torch.randint(0, config.vocab_size, (2, 8), generator=generator)
    model(ids, labels=ids).loss.backward()
    eager_model(ids, labels=ids).loss.backward()
    for (name, ours), theirs in zip(model.named_parameters(), eager_model.parameters(), strict=True):
        if theirs.grad is None:
            assert ours.grad is None, name
            continue
        assert max_error(ours.grad, theirs.grad) < 1e-4 * max(1.0, theirs.grad.abs().max().item()), name


# --- install, fallback, configs ------------------------------------------------------------------------------------


def test_install_and_uninstall_are_idempotent():
    config = tiny_config(num_hidden_layers=3)
    model = tiny_model(config)
    assert install_cca_kernels(model) == 3
    assert install_cca_kernels(model) == 3  # already patched modules are left as they are
    projections = [layer.self_attn.qkv_proj for layer in model.model.layers]
    assert all(p.forward.__func__ is cca.cca_projection_forward for p in projections)
    assert uninstall_cca_kernels(model) == 3
    assert uninstall_cca_kernels(model) == 0
    assert all("forward" not in p.__dict__ for p in projections)
    assert install_cca_kernels(torch.nn.Linear(2, 2)) == 0


def test_cpu_without_interpreter_falls_back_to_eager(monkeypatch):
    config = tiny_config()
    eager, kernel = projection_pair(config)
    x = hidden(config, 2, 6)
    calls = []
    monkeypatch.setattr(cca_triton, "cca_conv_qk", lambda *a, **k: calls.append(1) or pytest.fail("kernel ran"))
    monkeypatch.delenv("TRITON_INTERPRET")
    assert not cca.cca_kernels_supported("cpu")
    with torch.no_grad():
        for ours, theirs in zip(kernel(x, None), eager(x, None), strict=True):
            assert torch.equal(ours, theirs)
    assert not calls
    monkeypatch.setenv("TRITON_INTERPRET", "1")
    assert cca.cca_kernels_supported("cpu")


def test_unsupported_conv_widths_and_dtypes_fall_back_to_eager(monkeypatch):
    monkeypatch.setattr(cca_triton, "cca_conv_qk", lambda *a, **k: pytest.fail("kernel ran"))
    wide = tiny_config(cca_time0=3)
    eager, kernel = projection_pair(wide)
    x = hidden(wide, 1, 5)
    with torch.no_grad():
        for ours, theirs in zip(kernel(x, None), eager(x, None), strict=True):
            assert torch.equal(ours, theirs)
    eager, kernel = projection_pair(tiny_config(), dtype=torch.float64)
    x = hidden(tiny_config(), 1, 5, dtype=torch.float64)
    with torch.no_grad():
        for ours, theirs in zip(kernel(x, None), eager(x, None), strict=True):
            assert torch.equal(ours, theirs)


def test_autotune_configs_per_backend():
    for kind in ("fwd", "bwd_input", "bwd_weight"):
        cuda = cca_triton.autotune_configs(kind, "cuda")
        rocm = cca_triton.autotune_configs(kind, "rocm")
        assert cuda and rocm
        assert all("waves_per_eu" not in c.kwargs and "matrix_instr_nonkdim" not in c.kwargs for c in cuda)
        assert all({"waves_per_eu", "matrix_instr_nonkdim"} <= c.kwargs.keys() and c.num_stages <= 2 for c in rocm)
        assert all(c.kwargs["BLOCK_R"] >= 16 and c.kwargs["BLOCK_I"] >= 16 for c in cuda + rocm)
        assert len(cca_triton.autotune_configs(kind, "interpret")) == 1
    with pytest.raises(ValueError, match="backend"):
        cca_triton.autotune_configs("fwd", "metal")
    # Tiles wider than a small head are pruned unless nothing would be left.
    configs = cca_triton.autotune_configs("bwd_weight", "cuda")
    narrow = cca_triton._prune_oversized_tiles(configs, {"BLOCK_D": 64})
    assert narrow and all(c.kwargs["BLOCK_O"] <= 64 and c.kwargs["BLOCK_I"] <= 64 for c in narrow)
    assert cca_triton._prune_oversized_tiles(configs, {"BLOCK_D": 16}) == configs


@pytest.mark.slow
def test_kernels_compile_for_hopper_and_mi300x(tmp_path):
    """Compile (no GPU needed) every kernel with its first autotune config for sm_90 and gfx942, without spills."""
    script = textwrap.dedent(
        """
        from rlve_gym.policies.kernels import cca_triton
        for backend in ("cuda", "rocm"):
            for record in cca_triton.compile_for_target(backend, all_configs=False):
                print(record["backend"], record["kernel"], record["shared_bytes"], record["spilled"])
        """
    )
    env = {k: v for k, v in os.environ.items() if k != "TRITON_INTERPRET"}
    env["PYTHONPATH"] = os.pathsep.join([str(REPO_ROOT), env.get("PYTHONPATH", "")])
    env.setdefault("TRITON_DEFAULT_FP_FUSION", "1")
    env["TRITON_CACHE_DIR"] = str(tmp_path)  # a real compile every run, and nothing left in the user's cache
    result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-4000:]
    lines = result.stdout.splitlines()
    assert len(lines) == 2 * 3
    assert all(line.split()[-1] == "0" for line in lines), lines

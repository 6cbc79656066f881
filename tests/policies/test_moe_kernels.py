"""Triton MoE experts vs transformers' eager `ZayaExperts`, run on CPU through Triton's interpreter."""

import os

# The kernels are built as interpreted functions only if this is set before triton is first imported.
os.environ["TRITON_INTERPRET"] = "1"

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
import torch
from transformers import ZayaConfig, ZayaForCausalLM
from transformers.integrations.moe import ALL_EXPERTS_FUNCTIONS
from transformers.models.zaya.modeling_zaya import ZayaExperts

from rlve_gym.policies.kernels import moe, moe_triton

REPO_ROOT = Path(__file__).resolve().parents[2]
NUM_EXPERTS, HIDDEN, INTER = 4, 40, 24  # neither is a multiple of the 16-wide tiles: exercises the edge masks


def setup_module():
    if not moe_triton.INTERPRETED:
        raise RuntimeError(
            "moe_triton was imported before TRITON_INTERPRET=1 was set; these tests need the interpreter"
        )


def tiny_experts(dtype=torch.float32, seed=0) -> ZayaExperts:
    config = ZayaConfig(num_experts=NUM_EXPERTS, hidden_size=HIDDEN, moe_intermediate_size=INTER)
    config._experts_implementation = "eager"
    experts = ZayaExperts(config)
    generator = torch.Generator().manual_seed(seed)
    with torch.no_grad():
        experts.gate_up_proj.copy_(torch.randn(experts.gate_up_proj.shape, generator=generator) * 0.3)
        experts.down_proj.copy_(torch.randn(experts.down_proj.shape, generator=generator) * 0.3)
    return experts.to(dtype)


def routing(scenario: str, num_tokens: int, seed: int = 1) -> tuple[torch.Tensor, torch.Tensor]:
    """(top_k_index_TK, top_k_weights_TK) for a named load pattern; index NUM_EXPERTS is the skip class."""
    generator = torch.Generator().manual_seed(seed)
    top_k = 2 if scenario == "top2" else 1
    weights = torch.rand(num_tokens, top_k, generator=generator) * 0.9 + 0.05
    if scenario in ("mixed_with_skip", "top2"):
        index = torch.randint(0, NUM_EXPERTS + 1, (num_tokens, top_k), generator=generator)
    elif scenario == "one_expert":  # experts 0, 1 and 3 get no tokens
        index = torch.full((num_tokens, top_k), 2)
    elif scenario == "all_skip":
        index = torch.full((num_tokens, top_k), NUM_EXPERTS)
    elif scenario == "router_masked_skip":
        # What ZayaRouter hands the experts when it picks the skip class: index 0 with weight 0.
        index = torch.randint(0, NUM_EXPERTS + 1, (num_tokens, top_k), generator=generator)
        skipped = index == NUM_EXPERTS
        index, weights = index.masked_fill(skipped, 0), weights.masked_fill(skipped, 0.0)
    else:
        raise ValueError(scenario)
    return index, weights


def run_experts(forward, experts, x_TD, index, weights, grad_out):
    """Output and gradients (hidden states, routing weights, gate_up, down) of one experts forward."""
    experts.zero_grad(set_to_none=True)
    x_TD = x_TD.detach().clone().requires_grad_()
    weights = weights.detach().clone().requires_grad_()
    out = forward(experts, x_TD, index, weights)
    if out.requires_grad:  # the eager loop returns a constant when every slot is skipped
        out.backward(grad_out)
    grads = [x_TD.grad, weights.grad, experts.gate_up_proj.grad, experts.down_proj.grad]
    return [out.detach()] + [torch.zeros(()) if g is None else g.detach() for g in grads]


def eager_forward(experts, x_TD, index, weights):
    return ZayaExperts.forward(experts, x_TD, index, weights)


def relative_error(actual: torch.Tensor, expected: torch.Tensor) -> float:
    return ((actual.float() - expected.float()).abs().max() / expected.float().abs().max().clamp_min(1e-6)).item()


NAMES = ["output", "grad_hidden", "grad_routing_weights", "grad_gate_up", "grad_down"]


@pytest.mark.parametrize("scenario", ["mixed_with_skip", "one_expert", "all_skip", "router_masked_skip", "top2"])
def test_fp32_output_and_gradients_match_eager(scenario):
    experts = tiny_experts()
    num_tokens = 19
    index, weights = routing(scenario, num_tokens)
    generator = torch.Generator().manual_seed(2)
    x_TD = torch.randn(num_tokens, HIDDEN, generator=generator)
    grad_out = torch.randn(num_tokens, HIDDEN, generator=generator)

    expected = run_experts(eager_forward, experts, x_TD, index, weights, grad_out)
    actual = run_experts(moe.triton_experts_forward, experts, x_TD, index, weights, grad_out)
    for name, a, e in zip(NAMES, actual, expected, strict=True):
        torch.testing.assert_close(a, e.expand_as(a), atol=2e-5, rtol=2e-5, msg=lambda m, name=name: f"{name}: {m}")


def test_skip_slot_contributes_nothing_and_gets_no_gradient():
    experts = tiny_experts()
    index, weights = routing("mixed_with_skip", 16)
    x_TD = torch.randn(16, HIDDEN, generator=torch.Generator().manual_seed(3))
    out, grad_x, grad_weights, *_ = run_experts(
        moe.triton_experts_forward, experts, x_TD, index, weights, torch.ones(16, HIDDEN)
    )
    skipped = index[:, 0] == NUM_EXPERTS
    assert 0 < skipped.sum() < 16
    assert torch.all(out[skipped] == 0) and torch.all(out[~skipped] != 0)
    assert torch.all(grad_x[skipped] == 0) and torch.all(grad_weights[skipped] == 0)


def test_bf16_error_comparable_to_eager_bf16():
    experts16 = tiny_experts(torch.bfloat16)
    experts32 = tiny_experts(torch.bfloat16).float()  # fp32 compute on the same rounded weights
    num_tokens = 19
    index, weights = routing("mixed_with_skip", num_tokens)
    generator = torch.Generator().manual_seed(4)
    x_TD = torch.randn(num_tokens, HIDDEN, generator=generator)
    grad_out = torch.randn(num_tokens, HIDDEN, generator=generator)
    bf16_inputs = (x_TD.bfloat16(), index, weights.bfloat16(), grad_out.bfloat16())

    reference = run_experts(eager_forward, experts32, *(t.float() if t.is_floating_point() else t for t in bf16_inputs))
    eager = run_experts(eager_forward, experts16, *bf16_inputs)
    triton = run_experts(moe.triton_experts_forward, experts16, *bf16_inputs)
    for name, t, e, r in zip(NAMES, triton, eager, reference, strict=True):
        assert t.dtype == torch.bfloat16, name
        triton_error, eager_error = relative_error(t, r), relative_error(e, r)
        # Both paths round the same intermediates to bf16 (8 mantissa bits), once each.
        assert triton_error < 0.015, (name, triton_error)
        assert triton_error < 2 * eager_error + 2e-3, (name, triton_error, eager_error)


def test_fp32_hidden_states_with_bf16_experts_compute_in_bf16():
    experts = tiny_experts(torch.bfloat16)
    index, weights = routing("mixed_with_skip", 8)
    x_TD = torch.randn(8, HIDDEN, generator=torch.Generator().manual_seed(5))
    out = moe.triton_experts_forward(experts, x_TD, index, weights)
    assert out.dtype == torch.float32
    expected = moe.triton_experts_forward(experts, x_TD.bfloat16(), index, weights).float()
    torch.testing.assert_close(out, expected)


def test_torch_fallback_matches_eager():
    experts = tiny_experts()
    index, weights = routing("top2", 12)
    generator = torch.Generator().manual_seed(6)
    x_TD, grad_out = torch.randn(12, HIDDEN, generator=generator), torch.randn(12, HIDDEN, generator=generator)

    def fallback(experts, x, idx, w):
        return moe.moe_experts(x, idx, w, experts.gate_up_proj, experts.down_proj, backend="torch")

    expected = run_experts(eager_forward, experts, x_TD, index, weights, grad_out)
    actual = run_experts(fallback, experts, x_TD, index, weights, grad_out)
    for a, e in zip(actual, expected, strict=True):
        torch.testing.assert_close(a, e.expand_as(a), atol=1e-5, rtol=1e-5)


def test_auto_uses_fallback_where_kernels_cannot_run(monkeypatch):
    experts = tiny_experts()
    index, weights = routing("mixed_with_skip", 6)
    x_TD = torch.randn(6, HIDDEN, generator=torch.Generator().manual_seed(7))
    expected = eager_forward(experts, x_TD, index, weights)

    def must_not_run(*args, **kwargs):
        raise AssertionError("Triton kernel launched on CPU without the interpreter")

    monkeypatch.setattr(moe_triton, "INTERPRETED", False)
    monkeypatch.setattr(moe_triton, "gate_up_swiglu", must_not_run)
    assert not moe.triton_moe_available("cpu")
    torch.testing.assert_close(moe.triton_experts_forward(experts, x_TD, index, weights), expected)
    with pytest.raises(RuntimeError, match="cannot run on cpu"):
        moe.moe_experts(x_TD, index, weights, experts.gate_up_proj, experts.down_proj, backend="triton")


def test_plan_routing_sorts_stably_and_sends_out_of_range_indices_to_the_skip_tail():
    index = torch.tensor([[2], [0], [4], [2], [-1], [1], [9]])
    plan = moe.plan_routing(index, num_experts=4)
    assert plan.slot_of_row_R.tolist()[:4] == [1, 5, 0, 3]
    assert sorted(plan.slot_of_row_R.tolist()[4:]) == [2, 4, 6]
    assert plan.expert_offsets.tolist() == [0, 1, 2, 4, 4]
    assert plan.slot_of_row_R.dtype == plan.expert_offsets.dtype == torch.int32


def test_tiny_zaya_model_matches_eager_logits_and_gradients():
    config = ZayaConfig(
        vocab_size=128,
        hidden_size=64,
        num_hidden_layers=2,
        num_attention_heads=4,
        num_key_value_heads=2,
        head_dim=16,
        num_experts=4,
        moe_intermediate_size=32,
        router_hidden_size=16,
        max_position_embeddings=64,
    )
    model = ZayaForCausalLM(config).eval()
    generator = torch.Generator().manual_seed(0)
    with torch.no_grad():
        # Re-draw every randomly initialised tensor from a local generator; norms and scales keep their 1/0 init.
        for name, param in model.named_parameters():
            if param.dim() >= 2 or name.endswith(("conv_qk_depthwise.bias", "conv_qk_grouped.bias")):
                param.normal_(0.0, 0.1, generator=generator)
        for layer in model.model.layers:  # the zero init of temp would make attention uniform
            layer.self_attn.qk_norm.temp.fill_(1.0)
        # Let the skip class compete in layer 0 so the router masks some tokens to (expert 0, weight 0).
        model.model.layers[0].mlp.gate.balancing_biases[-1] = 0.0
    input_ids = torch.randint(0, 128, (2, 7), generator=torch.Generator().manual_seed(8))

    def logits_and_grads(implementation):
        model.set_experts_implementation(implementation)
        model.zero_grad(set_to_none=True)
        out = model(input_ids=input_ids, labels=input_ids)
        out.loss.backward()
        grads = {name: p.grad.clone() for name, p in model.named_parameters() if p.grad is not None}
        return out.logits.detach(), grads

    eager_logits, eager_grads = logits_and_grads("eager")
    name = moe.register_triton_experts()
    triton_logits, triton_grads = logits_and_grads(name)
    assert model.config._experts_implementation == name
    torch.testing.assert_close(triton_logits, eager_logits, atol=1e-5, rtol=1e-5)
    assert triton_grads.keys() == eager_grads.keys()
    assert any("experts.gate_up_proj" in key for key in triton_grads)
    for key in eager_grads:
        torch.testing.assert_close(triton_grads[key], eager_grads[key], atol=1e-5, rtol=1e-4, msg=key)


def test_registration_is_idempotent_and_selectable_from_config_and_from_pretrained(tmp_path):
    assert moe.register_triton_experts() == moe.register_triton_experts() == moe.TRITON_EXPERTS_NAME
    assert ALL_EXPERTS_FUNCTIONS.get_interface("rlve_triton", None) is moe.triton_experts_forward
    sizes = {"vocab_size": 32, "hidden_size": 32, "num_hidden_layers": 1, "num_attention_heads": 2, "head_dim": 16}
    sizes.update(num_key_value_heads=1, num_experts=2, moe_intermediate_size=16, router_hidden_size=8)
    model = ZayaForCausalLM(ZayaConfig(**sizes, experts_implementation="rlve_triton"))
    assert model.model.layers[0].mlp.experts.config._experts_implementation == "rlve_triton"
    model.save_pretrained(tmp_path)
    loaded = ZayaForCausalLM.from_pretrained(tmp_path, experts_implementation="rlve_triton")
    assert loaded.model.layers[0].mlp.experts.config._experts_implementation == "rlve_triton"


def test_refuses_expert_layouts_it_does_not_implement():
    experts = tiny_experts()
    index, weights = routing("one_expert", 4)
    x_TD = torch.zeros(4, HIDDEN)
    experts.has_bias = True
    with pytest.raises(NotImplementedError, match="has_bias"):
        moe.triton_experts_forward(experts, x_TD, index, weights)
    experts.has_bias = False
    experts.config.hidden_act = "gelu"
    with pytest.raises(NotImplementedError, match="hidden_act='gelu'"):
        moe.triton_experts_forward(experts, x_TD, index, weights)


def test_rejects_malformed_inputs():
    experts = tiny_experts()
    gate_up, down = experts.gate_up_proj, experts.down_proj
    x_TD = torch.zeros(4, HIDDEN)
    index, weights = routing("one_expert", 4)
    with pytest.raises(ValueError, match="top_k_index"):
        moe.moe_experts(x_TD, index[:3], weights, gate_up, down)
    with pytest.raises(TypeError, match="integer"):
        moe.moe_experts(x_TD, index.float(), weights, gate_up, down)
    with pytest.raises(ValueError, match="inconsistent expert shapes"):
        moe.moe_experts(torch.zeros(4, HIDDEN + 1), index, weights, gate_up, down)
    with pytest.raises(ValueError, match="backend"):
        moe.moe_experts(x_TD, index, weights, gate_up, down, backend="cuda")


def test_autotune_configs_per_backend():
    rocm = moe_triton.autotune_configs(dual_accumulator=False, backend="rocm")
    cuda = moe_triton.autotune_configs(dual_accumulator=False, backend="cuda")
    assert all(c.num_stages == 2 and {"waves_per_eu", "matrix_instr_nonkdim"} <= c.kwargs.keys() for c in rocm)
    assert all("waves_per_eu" not in c.kwargs and c.num_stages >= 3 for c in cuda)
    dual = moe_triton.autotune_configs(dual_accumulator=True, backend="cuda")
    assert max(c.kwargs["BLOCK_N"] for c in dual) < max(c.kwargs["BLOCK_N"] for c in cuda)
    assert len(moe_triton.autotune_configs(dual_accumulator=True)) == 1  # interpreter: one tiny tile
    small = moe_triton._prune_configs(cuda, {}, tune_m=4, tune_n=2048, tune_k=2048)
    assert small and all(c.kwargs["BLOCK_M"] == 16 for c in small)
    assert moe_triton._prune_configs(cuda, {}, tune_m=1, tune_n=1, tune_k=1)


@pytest.mark.slow
def test_kernels_compile_for_hopper_and_mi300x(tmp_path):
    """Compile (no GPU needed) every kernel with its first autotune config for sm_90 and gfx942."""
    script = textwrap.dedent(
        """
        from rlve_gym.policies.kernels import moe_triton
        for backend in ("cuda", "rocm"):
            for record in moe_triton.compile_for_target(backend, all_configs=False):
                print(record["backend"], record["kernel"], record["shared_bytes"])
        """
    )
    env = {k: v for k, v in os.environ.items() if k != "TRITON_INTERPRET"}
    env["PYTHONPATH"] = os.pathsep.join([str(REPO_ROOT), env.get("PYTHONPATH", "")])
    env.setdefault("TRITON_DEFAULT_FP_FUSION", "1")
    env["TRITON_CACHE_DIR"] = str(tmp_path)  # a real compile every run, and nothing left in the user's cache
    result = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-4000:]
    assert len(result.stdout.splitlines()) == 2 * len(moe_triton._KERNELS)

"""The tiny ZAYA1 policy: config, tokenizer, loading, cached generation, save/load, and the kernels wiring."""

from __future__ import annotations

import os
import sys
import types

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")

import pytest
import torch
import transformers
from transformers.integrations.moe import ExpertsInterface, batched_mm_experts_forward

from rlve_gym.policies.zaya import (
    CHAT_TEMPLATE,
    REASONING_TOKENS,
    TINY_DEFAULTS,
    build_tokenizer,
    builtin_corpus,
    load_policy,
    resolve_kernels,
    save_policy,
    tiny_config,
)
from rlve_gym.policies.zaya.tokenizer import BOS_TOKEN_ID, EOS_TOKEN_ID, PAD_TOKEN_ID


@pytest.fixture(scope="module")
def policy():
    return load_policy("tiny")


@pytest.fixture(scope="module")
def tokenizer(policy):
    return policy.tokenizer


# --- config -------------------------------------------------------------------------------------------------------


def test_tiny_config_keeps_zaya1_structure():
    config = tiny_config()
    assert config.model_type == "zaya"
    assert 64 <= config.hidden_size <= 128 and 2 <= config.num_hidden_layers <= 4
    assert 4 <= config.num_experts <= 16 and config.num_experts_per_tok == 1
    assert (config.num_attention_heads, config.num_key_value_heads) == (8, 2)
    # 2x query compression and 8x K/V compression against multi-head attention, as in ZAYA1-8B.
    assert config.num_attention_heads * config.head_dim * 2 == config.hidden_size
    assert 2 * config.hidden_size == 8 * (2 * config.num_key_value_heads * config.head_dim)
    assert config.cca_time0 == config.cca_time1 == 2
    assert config.layer_types == ["hybrid"] * config.num_hidden_layers
    assert config.tie_word_embeddings


def test_tiny_config_overrides_and_unknown_keys():
    config = tiny_config(num_hidden_layers=3, num_experts=8)
    assert (config.num_hidden_layers, config.num_experts) == (3, 8)
    assert tiny_config().num_hidden_layers == TINY_DEFAULTS["num_hidden_layers"]
    with pytest.raises(TypeError, match=r"'num_expert'.*did you mean 'num_experts'"):
        tiny_config(num_expert=8)
    with pytest.raises(TypeError, match="zzz_not_a_field"):
        tiny_config(zzz_not_a_field=1)


# --- tokenizer ----------------------------------------------------------------------------------------------------


def test_special_and_reasoning_tokens_are_single_tokens(tokenizer):
    assert (tokenizer.pad_token_id, tokenizer.bos_token_id, tokenizer.eos_token_id) == (
        PAD_TOKEN_ID,
        BOS_TOKEN_ID,
        EOS_TOKEN_ID,
    )
    for tag in REASONING_TOKENS:
        ids = tokenizer(tag, add_special_tokens=False).input_ids
        assert len(ids) == 1, tag
    text = "<think>carry the 1</think><answer>42</answer>"
    ids = tokenizer(text).input_ids
    assert ids[0] == BOS_TOKEN_ID
    # Verifiers read decoded completions, so the tags must survive skip_special_tokens.
    assert tokenizer.decode(ids, skip_special_tokens=True) == text


def test_digits_are_one_token_each(tokenizer):
    for text in ["1234567890", "x = 90210;", "the 3 answers 77"]:
        tokens = tokenizer.convert_ids_to_tokens(tokenizer(text, add_special_tokens=False).input_ids)
        for token in tokens:
            if any(ch.isdigit() for ch in token):
                assert len(token) == 1, (text, tokens)


def test_round_trip_of_arbitrary_text(tokenizer):
    text = "Compute 3 × 4 ≤ 13, naïve café 😀\n\ttabs and  spaces {x_1}"
    ids = tokenizer(text).input_ids
    assert tokenizer.unk_token_id is None or tokenizer.unk_token_id not in ids
    assert tokenizer.decode(ids, skip_special_tokens=True) == text


def test_same_corpus_gives_identical_tokenizer_and_other_corpus_differs():
    corpus = list(builtin_corpus(num_lines=800, seed=3))
    first = build_tokenizer(corpus, vocab_size=400)
    second = build_tokenizer(iter(corpus), vocab_size=400)
    assert first.backend_tokenizer.to_str() == second.backend_tokenizer.to_str()
    other = build_tokenizer(list(builtin_corpus(num_lines=800, seed=4)), vocab_size=400)
    assert other.backend_tokenizer.to_str() != first.backend_tokenizer.to_str()
    assert build_tokenizer().backend_tokenizer.to_str() == build_tokenizer().backend_tokenizer.to_str()


def test_tokenizer_rejects_bad_arguments():
    with pytest.raises(ValueError, match="vocab_size"):
        build_tokenizer(vocab_size=100)
    with pytest.raises(TypeError, match="iterable of strings"):
        build_tokenizer("a single string")


def test_chat_template_renders_turns_and_generation_prompt(tokenizer):
    assert tokenizer.chat_template == CHAT_TEMPLATE
    messages = [
        {"role": "system", "content": "Be brief."},
        {"role": "user", "content": "What is 2+3?"},
        {"role": "assistant", "content": "<answer>5</answer>"},
    ]
    rendered = tokenizer.apply_chat_template(messages, tokenize=False)
    assert rendered == (
        "<|bos|><|system|>\nBe brief.<|eos|><|user|>\nWhat is 2+3?<|eos|><|assistant|>\n<answer>5</answer><|eos|>"
    )
    prompt = tokenizer.apply_chat_template(messages[:2], tokenize=False, add_generation_prompt=True)
    assert prompt.endswith("<|user|>\nWhat is 2+3?<|eos|><|assistant|>\n")
    encoded = tokenizer.apply_chat_template(messages, return_dict=True, return_assistant_tokens_mask=True)
    ids, assistant_mask = encoded["input_ids"], encoded["assistant_masks"]
    assert ids.count(BOS_TOKEN_ID) == 1
    assistant_ids = [token for token, keep in zip(ids, assistant_mask, strict=True) if keep]
    assert tokenizer.decode(assistant_ids) == "<answer>5</answer><|eos|>"
    with pytest.raises(Exception, match="unsupported chat role"):
        tokenizer.apply_chat_template([{"role": "tool", "content": "x"}], tokenize=False)


def test_left_padding(tokenizer):
    batch = tokenizer(["1+1=", "a much longer prompt here"], padding=True, return_tensors="pt")
    assert tokenizer.padding_side == "left"
    assert batch.input_ids[0, 0] == PAD_TOKEN_ID and batch.attention_mask[0, 0] == 0
    assert batch.attention_mask[:, -1].all()


# --- loading ------------------------------------------------------------------------------------------------------


def test_tiny_policy_matches_tokenizer_and_trl_needs(policy):
    model, tokenizer = policy.model, policy.tokenizer
    assert policy.kernels == "eager"
    assert model.config.vocab_size == len(tokenizer)
    assert model.get_input_embeddings().weight.shape[0] == len(tokenizer)
    assert model.config.get_text_config().num_hidden_layers == model.config.num_hidden_layers
    generation = model.generation_config
    assert (generation.pad_token_id, generation.eos_token_id, generation.bos_token_id) == (
        tokenizer.pad_token_id,
        tokenizer.eos_token_id,
        tokenizer.bos_token_id,
    )
    assert model.lm_head.weight is model.model.embed_tokens.weight
    routers = [module.gate for module in (layer.mlp for layer in model.model.layers)]
    for router in routers:
        assert router.balancing_biases[-1] == -1.0 and not router.balancing_biases[:-1].any()


def test_tiny_init_is_seeded_locally_and_leaves_global_rng_alone():
    before = torch.random.get_rng_state()
    first = load_policy("tiny", seed=7, num_hidden_layers=2).model.state_dict()
    assert torch.equal(before, torch.random.get_rng_state())
    second = load_policy("tiny", seed=7, num_hidden_layers=2).model.state_dict()
    other = load_policy("tiny", seed=8, num_hidden_layers=2).model.state_dict()
    assert all(torch.equal(first[name], second[name]) for name in first)
    assert not torch.equal(first["model.layers.0.mlp.experts.down_proj"], other["model.layers.0.mlp.experts.down_proj"])


def test_config_overrides_reach_the_model_and_vocab_follows_tokenizer():
    policy = load_policy("tiny", num_hidden_layers=3, vocab_size=400, hidden_size=64, moe_intermediate_size=64)
    assert policy.model.config.num_hidden_layers == 3 and len(policy.model.model.layers) == 3
    assert policy.model.config.vocab_size == len(policy.tokenizer) <= 400 + len(REASONING_TOKENS)
    with pytest.raises(TypeError, match="eos_token_id"):
        load_policy("tiny", eos_token_id=5)
    with pytest.raises(TypeError, match="hidden_sise"):
        load_policy("tiny", hidden_sise=64)


def test_bfloat16_policy_runs():
    policy = load_policy("tiny", dtype="bfloat16", num_hidden_layers=2)
    assert policy.model.model.embed_tokens.weight.dtype == torch.bfloat16
    batch = policy.tokenizer(["3+4="], return_tensors="pt")
    with torch.no_grad():
        logits = policy.model(**batch).logits
    assert torch.isfinite(logits.float()).all()
    with pytest.raises(ValueError, match="dtype"):
        load_policy("tiny", dtype="float33")


def _greedy_by_full_forward(model, input_ids, attention_mask, steps):
    sequence, mask = input_ids, attention_mask
    for _ in range(steps):
        with torch.no_grad():
            logits = model(sequence, attention_mask=mask).logits[:, -1]
        sequence = torch.cat([sequence, logits.argmax(-1, keepdim=True)], dim=1)
        mask = torch.cat([mask, torch.ones_like(mask[:, :1])], dim=1)
    return sequence


def test_cached_generation_matches_full_forward(policy):
    model, tokenizer = policy.model, policy.tokenizer
    batch = tokenizer(["What is 12+7?", "Sort 3 1 2", "hi"], padding=True, return_tensors="pt")
    steps = 6
    with torch.no_grad():
        generated = model.generate(
            **batch,
            max_new_tokens=steps,
            do_sample=False,
            eos_token_id=None,
            output_logits=True,
            return_dict_in_generate=True,
        )
    expected = _greedy_by_full_forward(model, batch.input_ids, batch.attention_mask, steps)
    assert torch.equal(generated.sequences, expected)
    full_mask = torch.cat([batch.attention_mask, torch.ones(3, steps, dtype=torch.long)], dim=1)
    with torch.no_grad():
        full_logits = model(generated.sequences, attention_mask=full_mask).logits
    prompt_length = batch.input_ids.shape[1]
    step_logits = torch.stack(generated.logits, dim=1)
    torch.testing.assert_close(step_logits, full_logits[:, prompt_length - 1 : -1], rtol=1e-5, atol=1e-5)


def test_save_and_load_round_trip_gives_identical_logits(policy, tmp_path):
    directory = save_policy(policy, tmp_path / "tiny-policy")
    assert (directory / "model.safetensors").is_file() and (directory / "config.json").is_file()
    assert getattr(transformers, policy.model.config.architectures[0]) is transformers.ZayaForCausalLM
    loaded = load_policy(directory, kernels="eager")
    assert loaded.tokenizer.padding_side == "left"
    text = ["Compute 17 * 3 and <answer>51</answer>", "x"]
    batch = policy.tokenizer(text, padding=True, return_tensors="pt")
    assert torch.equal(loaded.tokenizer(text, padding=True, return_tensors="pt").input_ids, batch.input_ids)
    assert loaded.tokenizer.chat_template == policy.tokenizer.chat_template
    with torch.no_grad():
        assert torch.equal(policy.model(**batch).logits, loaded.model(**batch).logits)
    routers = zip(policy.model.model.layers, loaded.model.model.layers, strict=True)
    for original, restored in routers:
        assert torch.equal(original.mlp.gate.balancing_biases, restored.mlp.gate.balancing_biases)
    with pytest.raises(FileExistsError, match="overwrite"):
        save_policy(policy, directory)
    assert save_policy(policy, directory, overwrite=True) == directory
    assert not [path for path in tmp_path.iterdir() if path.name.startswith(".")]


def test_loading_errors_are_clear(tmp_path, policy):
    with pytest.raises(FileNotFoundError, match="never downloads"):
        load_policy(tmp_path / "missing")
    with pytest.raises(FileNotFoundError, match=r"config\.json"):
        load_policy(tmp_path)
    directory = save_policy(policy, tmp_path / "saved")
    with pytest.raises(TypeError, match="num_hidden_layers"):
        load_policy(directory, num_hidden_layers=3)
    with pytest.raises(ValueError, match="kernels"):
        load_policy("tiny", kernels="fast")


# --- kernels wiring -----------------------------------------------------------------------------------------------


@pytest.fixture
def fake_kernels(monkeypatch):
    """Stand-ins for rlve_gym.policies.kernels.{cca,moe}: an experts implementation that counts its calls and
    computes with transformers' batched_mm path, and a CCA installer that records the model."""
    monkeypatch.setattr(ExpertsInterface, "_global_mapping", dict(ExpertsInterface._global_mapping))
    calls = {"experts": 0, "installed_on": []}

    def counting_experts(module, *args, **kwargs):
        calls["experts"] += 1
        return batched_mm_experts_forward(module, *args, **kwargs)

    def register_triton_experts():
        ExpertsInterface.register("rlve_triton", counting_experts)
        return "rlve_triton"

    def install_cca_kernels(model):
        calls["installed_on"].append(model)
        return model.config.num_hidden_layers

    package = types.ModuleType("rlve_gym.policies.kernels")
    cca = types.ModuleType("rlve_gym.policies.kernels.cca")
    cca.install_cca_kernels = install_cca_kernels
    moe = types.ModuleType("rlve_gym.policies.kernels.moe")
    moe.register_triton_experts = register_triton_experts
    monkeypatch.setitem(sys.modules, "rlve_gym.policies.kernels", package)
    monkeypatch.setitem(sys.modules, "rlve_gym.policies.kernels.cca", cca)
    monkeypatch.setitem(sys.modules, "rlve_gym.policies.kernels.moe", moe)
    monkeypatch.setitem(sys.modules, "triton", types.ModuleType("triton"))
    return calls


def test_triton_branch_installs_both_kernels(fake_kernels, policy):
    loaded = load_policy("tiny", kernels="triton")
    assert loaded.kernels == "triton"
    assert loaded.model.config._experts_implementation == "rlve_triton"
    assert fake_kernels["installed_on"] == [loaded.model]
    batch = loaded.tokenizer(["2+2="], return_tensors="pt")
    with torch.no_grad():
        logits = loaded.model(**batch).logits
        reference = policy.model(**batch).logits
    assert fake_kernels["experts"] == loaded.model.config.num_hidden_layers
    torch.testing.assert_close(logits, reference, rtol=1e-5, atol=1e-5)


def test_triton_branch_rejects_partial_cca_install(fake_kernels, monkeypatch):
    monkeypatch.setattr(sys.modules["rlve_gym.policies.kernels.cca"], "install_cca_kernels", lambda model: 1)
    with pytest.raises(RuntimeError, match="1 of 2 layers"):
        load_policy("tiny", kernels="triton")


def test_kernel_choice_without_triton(monkeypatch):
    monkeypatch.setitem(sys.modules, "triton", None)  # makes `import triton` raise ImportError
    with pytest.raises(ImportError, match="triton"):
        load_policy("tiny", kernels="triton")
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    assert resolve_kernels("auto", None) == "eager"
    assert load_policy("tiny", kernels="auto").kernels == "eager"


def test_auto_picks_triton_only_on_gpu(monkeypatch):
    monkeypatch.setitem(sys.modules, "triton", types.ModuleType("triton"))
    assert resolve_kernels("auto", "cpu") == "eager"
    assert resolve_kernels("auto", "cuda:0") == "triton"
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    assert resolve_kernels("auto", None) == "eager"
    assert resolve_kernels("eager", "cuda") == "eager"

"""Generation backends for test-time compute, behind one small protocol.

- `TransformersBackend`: a local causal LM (e.g. ``rlve_gym.policies.zaya.load_policy("tiny")``) with its own
  sampling loop on a KV cache, seeded by a local `torch.Generator` (never the global RNG).
- `OpenAICompletionsBackend`: an OpenAI-compatible server (vLLM, SGLang) with bounded concurrency, per-request
  timeouts and retries with backoff.
- `CallableBackend`: any Python function.

A `Tokenizer` (encode/decode) measures prompts and cuts tails in tokens; `HFTokenizer` adapts a transformers
tokenizer, `CharTokenizer` counts characters (tests, or when no tokenizer is at hand).
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, Protocol


@dataclass(frozen=True)
class Generation:
    """One generated continuation."""

    text: str
    """The generated text (without the prompt)."""
    tokens: int
    """Tokens generated."""


class Backend(Protocol):
    """Generates one continuation per prompt, at most `max_new_tokens` each, reproducibly for given seeds."""

    def generate(self, prompts: Sequence[str], max_new_tokens: int, seeds: Sequence[int]) -> list[Generation]:
        """One generation per prompt, seeded per prompt."""


class Tokenizer(Protocol):
    """Token counting and tail cutting."""

    def encode(self, text: str) -> list[int]:
        """Token ids of `text`."""

    def decode(self, ids: Sequence[int]) -> str:
        """Text of `ids`."""


class CharTokenizer:
    """One token per character."""

    def encode(self, text: str) -> list[int]:
        """Code points."""
        return [ord(char) for char in text]

    def decode(self, ids: Sequence[int]) -> str:
        """Inverse of `encode`."""
        return "".join(map(chr, ids))


class HFTokenizer:
    """Adapter for a transformers tokenizer (no special tokens added)."""

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer

    def encode(self, text: str) -> list[int]:
        """Token ids of `text`."""
        return list(self.tokenizer.encode(text, add_special_tokens=False))

    def decode(self, ids: Sequence[int]) -> str:
        """Text of `ids`."""
        return self.tokenizer.decode(list(ids), skip_special_tokens=False)


class CallableBackend:
    """Wraps ``fn(prompts, max_new_tokens, seeds) -> list[str]``; tokens are counted with `tokenizer`."""

    def __init__(self, fn: Callable[[Sequence[str], int, Sequence[int]], list[str]], tokenizer: Tokenizer) -> None:
        self.fn = fn
        self.tokenizer = tokenizer

    def generate(self, prompts: Sequence[str], max_new_tokens: int, seeds: Sequence[int]) -> list[Generation]:
        """Call the function and truncate each output to `max_new_tokens`."""
        texts = self.fn(list(prompts), max_new_tokens, list(seeds))
        if len(texts) != len(prompts):
            raise ValueError(f"the backend function returned {len(texts)} texts for {len(prompts)} prompts")
        generations = []
        for text in texts:
            ids = self.tokenizer.encode(text)[:max_new_tokens]
            generations.append(Generation(self.tokenizer.decode(ids), len(ids)))
        return generations


class TransformersBackend:
    """Sampling from a local causal LM with a KV cache and a local RNG per prompt.

    `chat=True` wraps each prompt as a user message with the tokenizer's chat template.
    """

    def __init__(
        self,
        model: Any,
        tokenizer: Any,
        *,
        temperature: float = 1.0,
        top_p: float = 1.0,
        chat: bool = True,
        batch_size: int = 8,
    ) -> None:
        if temperature < 0 or not 0 < top_p <= 1:
            raise ValueError("temperature must be ≥ 0 and top_p in (0, 1]")
        self.model = model
        self.tokenizer = tokenizer
        self.temperature = temperature
        self.top_p = top_p
        self.chat = chat and getattr(tokenizer, "chat_template", None) is not None
        self.batch_size = batch_size

    def _prompt_ids(self, prompt: str) -> list[int]:
        if self.chat:
            messages = [{"role": "user", "content": prompt}]
            ids = self.tokenizer.apply_chat_template(messages, add_generation_prompt=True, tokenize=True)
            return list(ids["input_ids"] if isinstance(ids, dict) or hasattr(ids, "keys") else ids)
        return list(self.tokenizer.encode(prompt, add_special_tokens=False))

    def generate(self, prompts: Sequence[str], max_new_tokens: int, seeds: Sequence[int]) -> list[Generation]:
        """Generate in batches; each prompt's sampling uses a generator seeded with its seed."""
        results: list[Generation] = []
        for start in range(0, len(prompts), self.batch_size):
            chunk = range(start, min(len(prompts), start + self.batch_size))
            results.extend(self._generate_batch([prompts[i] for i in chunk], max_new_tokens, [seeds[i] for i in chunk]))
        return results

    def _generate_batch(self, prompts: list[str], max_new_tokens: int, seeds: list[int]) -> list[Generation]:
        import torch

        device = next(self.model.parameters()).device
        encoded = [self._prompt_ids(prompt) for prompt in prompts]
        width = max(len(ids) for ids in encoded)
        pad_id = self.tokenizer.pad_token_id if self.tokenizer.pad_token_id is not None else 0
        input_ids_BP = torch.tensor([[pad_id] * (width - len(ids)) + ids for ids in encoded], device=device)
        attention_BP = torch.tensor([[0] * (width - len(ids)) + [1] * len(ids) for ids in encoded], device=device)
        generators = [torch.Generator(device="cpu").manual_seed(int(seed) % 2**63) for seed in seeds]
        eos_ids = self._eos_ids()
        finished = [False] * len(prompts)
        outputs: list[list[int]] = [[] for _ in prompts]
        past = None
        step_input_BP = input_ids_BP
        position_BP = (attention_BP.cumsum(dim=1) - 1).clamp(min=0)
        with torch.no_grad():
            for _ in range(max_new_tokens):
                result = self.model(
                    input_ids=step_input_BP,
                    attention_mask=attention_BP,
                    position_ids=position_BP,
                    past_key_values=past,
                    use_cache=True,
                )
                past = result.past_key_values
                logits_BV = result.logits[:, -1, :].float().cpu()
                next_tokens = [self._sample(logits_BV[i], generators[i]) for i in range(len(prompts))]
                for i, token in enumerate(next_tokens):
                    if finished[i]:
                        continue
                    outputs[i].append(token)
                    finished[i] = token in eos_ids
                if all(finished):
                    break
                step_input_BP = torch.tensor([[token] for token in next_tokens], device=device)
                attention_BP = torch.cat([attention_BP, torch.ones_like(step_input_BP)], dim=1)
                position_BP = position_BP[:, -1:] + 1
        generations = []
        for ids in outputs:
            text_ids = [token for token in ids if token not in eos_ids]
            generations.append(Generation(self.tokenizer.decode(text_ids, skip_special_tokens=True), len(ids)))
        return generations

    def _eos_ids(self) -> set[int]:
        eos = self.tokenizer.eos_token_id
        ids = set(eos if isinstance(eos, list) else [eos]) - {None}
        config_eos = getattr(getattr(self.model, "generation_config", None), "eos_token_id", None)
        if config_eos is not None:
            ids |= set(config_eos if isinstance(config_eos, list) else [config_eos])
        return ids

    def _sample(self, logits_V: Any, generator: Any) -> int:
        import torch

        if self.temperature == 0:
            return int(torch.argmax(logits_V))
        probabilities_V = torch.softmax(logits_V / self.temperature, dim=-1)
        if self.top_p < 1:
            sorted_p, order = torch.sort(probabilities_V, descending=True)
            keep = torch.cumsum(sorted_p, dim=-1) - sorted_p < self.top_p
            probabilities_V = torch.zeros_like(probabilities_V).scatter(0, order[keep], sorted_p[keep])
        return int(torch.multinomial(probabilities_V, 1, generator=generator))


class ServerError(RuntimeError):
    """The server answered with an error, or did not answer, after all retries."""


class OpenAICompletionsBackend:
    """An OpenAI-compatible ``/v1/completions`` (or ``/v1/chat/completions`` with `chat=True`) server.

    At most `concurrency` requests are in flight; each has a `timeout_s` socket timeout and is retried up to
    `retries` times with exponential backoff on connection errors, timeouts, 429 and 5xx answers (4xx other than
    429 fail at once). Tokens are counted from the server's ``usage`` when given, else with `tokenizer`.
    """

    def __init__(
        self,
        base_url: str,
        model: str,
        *,
        tokenizer: Tokenizer,
        chat: bool = False,
        temperature: float = 1.0,
        top_p: float = 1.0,
        concurrency: int = 8,
        timeout_s: float = 600.0,
        retries: int = 3,
        backoff_s: float = 1.0,
        api_key: str | None = None,
    ) -> None:
        if concurrency < 1 or retries < 0 or timeout_s <= 0:
            raise ValueError("concurrency must be ≥ 1, retries ≥ 0 and timeout_s > 0")
        self.url = base_url.rstrip("/") + ("/v1/chat/completions" if chat else "/v1/completions")
        self.model = model
        self.tokenizer = tokenizer
        self.chat = chat
        self.temperature = temperature
        self.top_p = top_p
        self.concurrency = concurrency
        self.timeout_s = timeout_s
        self.retries = retries
        self.backoff_s = backoff_s
        self.api_key = api_key

    def generate(self, prompts: Sequence[str], max_new_tokens: int, seeds: Sequence[int]) -> list[Generation]:
        """Send one request per prompt, `concurrency` at a time; results in prompt order."""
        with ThreadPoolExecutor(max_workers=self.concurrency) as executor:
            return list(executor.map(lambda args: self._request(*args, max_new_tokens), zip(prompts, seeds)))

    def _request(self, prompt: str, seed: int, max_new_tokens: int) -> Generation:
        body: dict[str, Any] = {
            "model": self.model,
            "max_tokens": max_new_tokens,
            "temperature": self.temperature,
            "top_p": self.top_p,
            "seed": int(seed) % 2**31,
        }
        if self.chat:
            body["messages"] = [{"role": "user", "content": prompt}]
        else:
            body["prompt"] = prompt
        headers = {"Content-Type": "application/json"}
        if self.api_key:
            headers["Authorization"] = f"Bearer {self.api_key}"
        data = json.dumps(body).encode()
        last_error = ""
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(self.backoff_s * 2 ** (attempt - 1))
            request = urllib.request.Request(self.url, data=data, headers=headers, method="POST")
            try:
                with urllib.request.urlopen(request, timeout=self.timeout_s) as response:
                    payload = json.loads(response.read().decode())
                return self._parse(payload)
            except urllib.error.HTTPError as exc:
                last_error = f"HTTP {exc.code}: {exc.read()[:200]!r}"
                if exc.code != 429 and exc.code < 500:
                    break
            except (urllib.error.URLError, TimeoutError, ConnectionError, json.JSONDecodeError) as exc:
                last_error = f"{type(exc).__name__}: {exc}"
        raise ServerError(f"{self.url} failed after {attempt + 1} attempt(s): {last_error}")

    def _parse(self, payload: dict[str, Any]) -> Generation:
        try:
            choice = payload["choices"][0]
            text = choice["message"]["content"] if self.chat else choice["text"]
        except (KeyError, IndexError, TypeError) as exc:
            raise ServerError(f"unexpected server response: {str(payload)[:200]}") from exc
        tokens = (payload.get("usage") or {}).get("completion_tokens")
        return Generation(text or "", int(tokens) if tokens is not None else len(self.tokenizer.encode(text or "")))

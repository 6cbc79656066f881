"""A small byte-level BPE tokenizer trained locally for the tiny ZAYA1 policy (no hub access).

Design choices:
- **Byte-level BPE**: any text (task prompts carry `×`, `≤`, accents, code) encodes without an unknown token and
  decodes back to the same string.
- **One digit per token**: a `Digits(individual_digits=True)` pre-tokenizer splits every number into single
  digits before BPE sees it, so no merge ever spans two digits. Tiny models learn carry-style arithmetic far more
  easily when `1234` is always the four tokens `1 2 3 4` instead of an arbitrary chunking.
- **Fixed ids for the specials**: `<|pad|>`=0, `<|bos|>`=1, `<|eos|>`=2, then the role markers `<|system|>`,
  `<|user|>`, `<|assistant|>`; these are special (dropped by `decode(..., skip_special_tokens=True)`).
- **Reasoning tags as single, non-special tokens**: `<think>`, `</think>`, `<answer>`, `</answer>` are added tokens
  that survive `skip_special_tokens=True`, because verifiers parse them out of decoded completions.
- **Left padding** (generation pads prompts on the left) and a BOS added to plain-text encodings.
- **Chat template** (jinja): ``<|bos|>`` then, per turn, ``<|role|>\\n{content}<|eos|>``; with
  `add_generation_prompt=True` it ends with ``<|assistant|>\\n``. Assistant content is wrapped in
  ``{% generation %}`` so `return_assistant_tokens_mask=True` (SFT on assistant tokens only) works.

With `corpus=None` the tokenizer trains on `builtin_corpus()`: sentences generated on the fly from a fixed seed
(prompt-style English, digits, arithmetic, lists, punctuation and answer tags), so the result is deterministic;
the same corpus always gives the same tokenizer (byte-identical JSON).
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Iterator

from tokenizers import AddedToken, Tokenizer, decoders, models, pre_tokenizers, processors, trainers
from transformers import PreTrainedTokenizerFast

PAD_TOKEN = "<|pad|>"
BOS_TOKEN = "<|bos|>"
EOS_TOKEN = "<|eos|>"
ROLE_TOKENS = ("<|system|>", "<|user|>", "<|assistant|>")
SPECIAL_TOKENS = (PAD_TOKEN, BOS_TOKEN, EOS_TOKEN, *ROLE_TOKENS)
"""Special tokens in id order (ids 0, 1, 2, ...)."""
PAD_TOKEN_ID, BOS_TOKEN_ID, EOS_TOKEN_ID = 0, 1, 2
REASONING_TOKENS = ("<think>", "</think>", "<answer>", "</answer>")
"""Single tokens kept by `decode(..., skip_special_tokens=True)`."""

DEFAULT_VOCAB_SIZE = 1024
DEFAULT_MODEL_MAX_LENGTH = 2048

CHAT_TEMPLATE = (
    "{{- bos_token -}}"
    "{%- for message in messages -%}"
    "{%- if message['role'] not in ['system', 'user', 'assistant'] -%}"
    "{{- raise_exception('unsupported chat role ' ~ message['role'] ~ '; use system, user or assistant') -}}"
    "{%- endif -%}"
    "{{- '<|' ~ message['role'] ~ '|>\n' -}}"
    "{%- if message['role'] == 'assistant' -%}"
    "{%- generation -%}{{- message['content'] ~ eos_token -}}{%- endgeneration -%}"
    "{%- else -%}"
    "{{- message['content'] ~ eos_token -}}"
    "{%- endif -%}"
    "{%- endfor -%}"
    "{%- if add_generation_prompt -%}{{- '<|assistant|>\n' -}}{%- endif -%}"
)
"""Jinja chat template of the tiny tokenizer (see the module docstring)."""

# Words that recur in procedural task statements; written for this corpus, not taken from any task suite.
_PROMPT_TEXT = (
    "a an the of to in on at by for from with without into onto over under between among within each every "
    "all any some no none one two three four five six seven eight nine ten first second third last next "
    "previous is are was were be been being has have had do does did can could should would must may might "
    "will shall not and or but if then else when while where which that this these those there here what who "
    "whom whose why how many much more less most least than as so such only also just very exactly at least "
    "at most given find compute calculate determine count output print return write give show prove check "
    "verify choose select sort reverse rotate shift add subtract multiply divide sum product difference "
    "quotient remainder modulo mod power square cube root factor prime divisor multiple gcd lcm integer "
    "integers number numbers digit digits value values answer answers result results solution solutions "
    "problem question task format final single line lines space spaces separated comma commas list lists "
    "array arrays sequence sequences string strings character characters letter letters word words sentence "
    "vertex vertices edge edges graph graphs tree trees node nodes path paths cycle cycles weight weights cost "
    "distance shortest longest minimum maximum smallest largest total positive negative zero even odd "
    "equal equals greater smaller increasing decreasing order ordered sorted unique distinct pair pairs "
    "set sets subset subsets element elements index indices position positions row rows column columns grid "
    "cell cells matrix matrices table board move moves step steps turn player players game win lose "
    "rule rules condition conditions constraint constraints satisfy satisfies valid invalid true false "
    "operation operations expression expressions equation equations variable variables function functions "
    "input inputs output outputs example examples following below above respectively itself themselves "
    "interval intervals range ranges length size count counts times time start end begin finish label "
    "labeled labels color colors connected undirected directed component components bracket brackets "
    "parenthesis parentheses balanced substring substrings prefix suffix palindrome binary decimal bit bits "
    "xor and or not modulus probability expected round rounded fraction fractions reduced simplest form "
    "think reasoning carefully briefly then put your inside tags box boxed please consider suppose assume "
    "note that such that it its they them we you our their"
)
_PROMPT_WORDS = _PROMPT_TEXT.split()

_PUNCTUATION = list(",.;:!?()[]{}<>=+-*/%^_#|&~$@'\"`\\")


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(_PROMPT_WORDS) for _ in range(rng.randint(4, 14))]
    if rng.random() < 0.8:  # statements start with a capital; plain lowercase runs also occur in prompts
        words[0] = words[0].capitalize()
    for position in range(1, len(words)):
        draw = rng.random()
        if draw < 0.15:
            words[position] = str(rng.randint(0, 10 ** rng.randint(1, 4)))
        elif draw < 0.2:
            words[position] = rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") + "_" + str(rng.randint(0, 9))
        elif draw < 0.25:
            words[position] = words[position] + rng.choice(",;:")
    return " ".join(words) + rng.choice([".", ".", "?", ":", "!"])


def _arithmetic(rng: random.Random) -> str:
    operators = ["+", "-", "*", "/", "%", "^"]
    terms = [str(rng.randint(-99, 10 ** rng.randint(1, 5))) for _ in range(rng.randint(2, 4))]
    expression = terms[0]
    for term in terms[1:]:
        expression += f" {rng.choice(operators)} {term}"
    if rng.random() < 0.3:
        expression = f"({expression}) {rng.choice(operators)} {rng.randint(1, 9)}"
    return f"{expression} = {rng.randint(-9999, 99999)}"


def _structured(rng: random.Random) -> str:
    kind = rng.randrange(6)
    if kind == 0:
        return "[" + ", ".join(str(rng.randint(0, 999)) for _ in range(rng.randint(2, 9))) + "]"
    if kind == 1:
        return " ".join(f"({rng.randint(0, 30)}, {rng.randint(0, 30)})" for _ in range(rng.randint(1, 6)))
    if kind == 2:
        return "".join(rng.choice("01") for _ in range(rng.randint(4, 24)))
    if kind == 3:
        return " ".join(rng.choice("abcdefghijklmnopqrstuvwxyz") * rng.randint(1, 3) for _ in range(6))
    if kind == 4:
        return f"<think> {_sentence(rng)} </think> <answer>{rng.randint(0, 99999)}</answer>"
    return f"\\boxed{{{rng.randint(0, 9999)}}} {' '.join(rng.choice(_PUNCTUATION) for _ in range(8))}"


def builtin_corpus(num_lines: int = 6000, seed: int = 0) -> Iterator[str]:
    """The built-in training corpus: `num_lines` deterministic lines of prompt-style sentences, arithmetic,
    lists, binary strings, punctuation and answer tags."""
    rng = random.Random(seed)
    makers = (_sentence, _sentence, _sentence, _arithmetic, _structured)
    for _ in range(num_lines):
        yield rng.choice(makers)(rng)


def _train_backend(corpus: Iterable[str], vocab_size: int, min_frequency: int) -> Tokenizer:
    backend = Tokenizer(models.BPE())
    backend.pre_tokenizer = pre_tokenizers.Sequence(
        [pre_tokenizers.Digits(individual_digits=True), pre_tokenizers.ByteLevel(add_prefix_space=False)]
    )
    backend.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size,
        min_frequency=min_frequency,
        special_tokens=list(SPECIAL_TOKENS),
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    backend.train_from_iterator(corpus, trainer=trainer)
    backend.add_tokens([AddedToken(tag, special=False, normalized=False) for tag in REASONING_TOKENS])
    backend.post_processor = processors.Sequence(
        [
            processors.ByteLevel(trim_offsets=False),
            processors.TemplateProcessing(
                single=f"{BOS_TOKEN} $A",
                pair=f"{BOS_TOKEN} $A {BOS_TOKEN} $B",
                special_tokens=[(BOS_TOKEN, BOS_TOKEN_ID)],
            ),
        ]
    )
    return backend


def build_tokenizer(
    corpus: Iterable[str] | None = None,
    vocab_size: int = DEFAULT_VOCAB_SIZE,
    *,
    min_frequency: int = 2,
    model_max_length: int = DEFAULT_MODEL_MAX_LENGTH,
) -> PreTrainedTokenizerFast:
    """Train the tiny byte-level BPE tokenizer on `corpus` (default: `builtin_corpus()`) and wrap it as a
    `PreTrainedTokenizerFast` with left padding and the chat template.

    `vocab_size` is the BPE target (bytes + specials + merges); the four reasoning tags are added on top, and a
    corpus with too few repeated pairs stops short of the target. Use `len(tokenizer)` as the model's vocabulary.
    """
    minimum = 256 + len(SPECIAL_TOKENS)
    if vocab_size < minimum:
        raise ValueError(f"vocab_size must be at least {minimum} (256 bytes + {len(SPECIAL_TOKENS)} specials)")
    if min_frequency < 1:
        raise ValueError("min_frequency must be >= 1")
    lines = builtin_corpus() if corpus is None else corpus
    if isinstance(lines, str):
        raise TypeError("corpus must be an iterable of strings, not a single string")
    backend = _train_backend(lines, vocab_size, min_frequency)
    tokenizer = PreTrainedTokenizerFast(
        tokenizer_object=backend,
        bos_token=BOS_TOKEN,
        eos_token=EOS_TOKEN,
        pad_token=PAD_TOKEN,
        padding_side="left",
        model_max_length=model_max_length,
        chat_template=CHAT_TEMPLATE,
    )
    for token, expected_id in ((PAD_TOKEN, PAD_TOKEN_ID), (BOS_TOKEN, BOS_TOKEN_ID), (EOS_TOKEN, EOS_TOKEN_ID)):
        if tokenizer.convert_tokens_to_ids(token) != expected_id:
            raise RuntimeError(f"{token} did not get id {expected_id}; the tokenizers library changed its ordering")
    return tokenizer

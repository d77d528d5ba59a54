"""Load a `prefer export --format dpo` file as TRL does and run TRL's own dataset helpers on every row.

Not part of CI (it needs datasets, trl, transformers and tokenizers, no model and no network):

    python3 -m venv /tmp/trl && /tmp/trl/bin/pip install datasets tokenizers jinja2 transformers
    /tmp/trl/bin/pip install --no-deps trl
    /tmp/trl/bin/python benchmarks/export/trl_check.py dpo.jsonl

It loads the file with `datasets.load_dataset("json", ...)`, checks TRL's `is_conversational`
on every row, and runs `maybe_extract_prompt` and `apply_chat_template` (which checks that
the prompt ends with a user or assistant turn and that prompt + chosen extends the prompt)
with a tiny local tokenizer and chat template, so no model is downloaded.
"""
import sys
from datasets import load_dataset
from tokenizers import Tokenizer, models, pre_tokenizers
from transformers import PreTrainedTokenizerFast
from trl.data_utils import is_conversational, apply_chat_template, maybe_extract_prompt

path = sys.argv[1]
ds = load_dataset("json", data_files=path, split="train")
print("rows", ds.num_rows, "columns", ds.column_names)
print("features", {k: str(v)[:80] for k, v in ds.features.items()})
tok = Tokenizer(models.WordLevel({"[UNK]": 0}, unk_token="[UNK]"))
tok.pre_tokenizer = pre_tokenizers.Whitespace()
tokenizer = PreTrainedTokenizerFast(tokenizer_object=tok, unk_token="[UNK]", eos_token="[UNK]")
tokenizer.chat_template = (
    "{% for m in messages %}<|{{ m['role'] }}|>\n{{ m['content'] }}<|end|>\n{% endfor %}"
    "{% if add_generation_prompt %}<|assistant|>\n{% endif %}")
conversational = [is_conversational(row) for row in ds]
print("conversational rows", sum(conversational), "of", len(conversational))
for row in ds:
    row = maybe_extract_prompt(row)
    if is_conversational(row):
        out = apply_chat_template({k: row[k] for k in ("prompt", "chosen", "rejected")}, tokenizer)
        assert out["chosen"] and out["rejected"], row["task"]
print("apply_chat_template ok on every row")

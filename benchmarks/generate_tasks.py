#!/usr/bin/env python3
"""Write a deterministic synthetic task file (SPEC section 2) for load benchmarks and tests.

Same --tasks and --seed, same bytes. Lines average about 3.3 KB: a prompt, two responses
of about 1.5 KB each made of varied text (Markdown headings, lists and code blocks,
non-ASCII letters, CJK and emoji, quotes, backslashes, tabs and newlines that JSON must
escape), model names from a pool of eight, and a few extra keys. About one task in ten
uses the conversation form and one in twenty gives the prompt as a message list.

    python3 benchmarks/generate_tasks.py --tasks 100000 --seed 1 -o benchmarks/data/tasks-100k.jsonl
"""

import argparse
import json
import random
import sys

MODELS = [
    "gpt-4", "claude-v1", "gpt-3.5-turbo", "llama-13b",
    "vicuna-13b-v1.3", "alpaca-13b", "mistral-7b-instruct-v0.2", "qwen2-72b-instruct",
]

WORDS = (
    "the model answer should explain each step clearly and avoid unsupported claims while "
    "keeping the tone friendly concise accurate helpful a travel blog post about Hawaii "
    "culture food beaches volcano history museum recipe ingredient temperature oven minutes "
    "function returns list value error handling edge case performance memory thread lock "
    "however therefore because although meanwhile finally first second third example data "
    "analysis result table summary conclusion question users customers team project plan"
).split()

ACCENTED = ["café", "naïve", "Zürich", "São Paulo", "façade", "jalapeño", "Ångström", "résumé"]
OTHER_SCRIPTS = ["東京", "北京烤鸭", "こんにちは", "서울", "Москва", "Αθήνα", "مرحبا", "שלום"]
EMOJI = ["🙂", "🚀", "🌋", "🍍", "✅", "⚠️", "👍🏽", "🇯🇵"]
SNIPPETS = [
    'print("hello, world")',
    "for i in range(10):\n\tprint(i)",
    "const path = \"C:\\\\Users\\\\me\\\\file.txt\";",
    "SELECT name, COUNT(*) FROM orders GROUP BY name;",
    "if (a && b) { return \"yes\"; }",
    "let x = [1, 2, 3].map { $0 * 2 }",
]


def sentence(rng):
    words = [rng.choice(WORDS) for _ in range(rng.randint(6, 16))]
    roll = rng.random()
    if roll < 0.15:
        words.insert(rng.randrange(len(words)), rng.choice(ACCENTED))
    elif roll < 0.22:
        words.insert(rng.randrange(len(words)), rng.choice(OTHER_SCRIPTS))
    elif roll < 0.27:
        words.append(rng.choice(EMOJI))
    elif roll < 0.33:
        k = rng.randrange(len(words))
        words[k] = '"' + words[k] + '"'
    text = " ".join(words)
    return text[0].upper() + text[1:] + rng.choice([".", ".", ".", "!", "?", ":"])


def paragraph(rng, sentences):
    return " ".join(rng.choice(sentences) for _ in range(rng.randint(2, 5)))


def response(rng, sentences, target):
    parts = []
    size = 0
    while size < target:
        roll = rng.random()
        if roll < 0.12:
            block = "## " + rng.choice(sentences)[:40].rstrip(" .!?:")
        elif roll < 0.30:
            block = "\n".join("- " + rng.choice(sentences) for _ in range(rng.randint(2, 4)))
        elif roll < 0.38:
            block = "```\n" + rng.choice(SNIPPETS) + "\n```"
        elif roll < 0.45:
            block = "\n".join(f"{n}. " + rng.choice(sentences) for n in range(1, rng.randint(3, 5)))
        else:
            block = paragraph(rng, sentences)
        parts.append(block)
        size += len(block) + 2
    return "\n\n".join(parts)


def task(rng, sentences, number):
    model_a, model_b = rng.sample(MODELS, 2)
    turn = 2 if rng.random() < 0.1 else 1
    question = number // 4 + 81
    record = {"id": f"mt{question}-n{number}-t{turn}-{model_a}-vs-{model_b}"}
    prompt = rng.choice(sentences) + " " + rng.choice(sentences)
    if turn == 2:
        follow = rng.choice(sentences)
        first_a = response(rng, sentences, 420)
        first_b = response(rng, sentences, 420)
        record["conversation_a"] = [
            {"role": "user", "content": prompt}, {"role": "assistant", "content": first_a},
            {"role": "user", "content": follow},
            {"role": "assistant", "content": response(rng, sentences, 560)},
        ]
        record["conversation_b"] = [
            {"role": "user", "content": prompt}, {"role": "assistant", "content": first_b},
            {"role": "user", "content": follow},
            {"role": "assistant", "content": response(rng, sentences, 560)},
        ]
    else:
        if rng.random() < 0.05:
            record["prompt"] = [
                {"role": "system", "content": "You are a helpful assistant."},
                {"role": "user", "content": prompt},
            ]
        else:
            record["prompt"] = prompt
        record["response_a"] = response(rng, sentences, 1330)
        record["response_b"] = response(rng, sentences, 1330)
    record["model_a"] = model_a
    record["model_b"] = model_b
    record["category"] = rng.choice(["writing", "roleplay", "reasoning", "math", "coding", "stem"])
    record["question_id"] = question
    record["turn"] = turn
    return record


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=1000, help="number of tasks (default 1000)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("-o", "--output", default="-", help="output file (default stdout)")
    args = parser.parse_args()

    rng = random.Random(args.seed)
    sentences = [sentence(rng) for _ in range(4000)]
    out = sys.stdout.buffer if args.output == "-" else open(args.output, "wb")
    try:
        batch = []
        for number in range(args.tasks):
            line = json.dumps(task(rng, sentences, number), ensure_ascii=False, separators=(",", ":"))
            batch.append(line.encode("utf-8") + b"\n")
            if len(batch) == 1000:
                out.write(b"".join(batch))
                batch.clear()
        out.write(b"".join(batch))
    finally:
        if out is not sys.stdout.buffer:
            out.close()


if __name__ == "__main__":
    main()

"""Text helpers shared by the demo task modules."""

import re
from textwrap import dedent

# A line that starts a new Markdown block, so it must not be joined to the line above.
BLOCK_START = re.compile(r"^\s*([-*+]\s|\d+[.)]\s|#|>|\||```)")


def md(text, reflow=True):
    """Dedent a triple-quoted block; with reflow, join hard-wrapped paragraph lines.

    Models write one line per paragraph, so the demo does too; the source stays wrapped
    for review. Lines inside code fences and lines that start a block are kept as they are.
    """
    lines = dedent(text).strip("\n").split("\n")
    if not reflow:
        return "\n".join(lines)
    out, in_fence = [], False
    for line in lines:
        starts_block = BLOCK_START.match(line) is not None
        joinable = (
            not in_fence
            and not starts_block
            and line.strip()
            and out
            and out[-1].strip()
            and not out[-1].lstrip().startswith(("```", "#", "|"))
        )
        if joinable:
            out[-1] = out[-1] + " " + line.strip()
        else:
            out.append(line)
        if line.lstrip().startswith("```"):
            in_fence = not in_fence
    return "\n".join(out)


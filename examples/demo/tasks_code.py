"""Demo comparisons about code and Markdown formatting.

Each entry is a dict with a `slug` (make_demo.py turns it into `demo-NN-slug`), a `category`,
the task content in SPEC section 2 terms, and optionally `gold` (the canonical better side,
written to gold.jsonl and never into the task file).
"""

from demo_text import md

TASKS = [
    # --- code -------------------------------------------------------------------------------
    {
        "slug": "python-median",
        "category": "code",
        "gold": "B",
        "prompt": "Write a Python function `median(values)` that returns the median of a list "
        "of numbers. It must not change the caller's list.",
        # Subtle bug: the even-length branch reads the two elements *after* the middle.
        "response_a": md(
            """
            Here is a short version:

            ```python
            def median(values):
                s = sorted(values)
                mid = len(s) // 2
                if len(s) % 2 == 1:
                    return s[mid]
                return (s[mid] + s[mid + 1]) / 2
            ```

            `sorted()` makes a copy, so your list is left alone. Quick check:
            `median([3, 1, 2])` returns `2`.
            """
        ),
        "response_b": md(
            """
            ```python
            def median(values):
                \"\"\"Return the median of a non-empty list of numbers.\"\"\"
                if not values:
                    raise ValueError("median() of an empty list")
                ordered = sorted(values)  # a new list: the caller's list is untouched
                mid = len(ordered) // 2
                if len(ordered) % 2 == 1:
                    return ordered[mid]
                return (ordered[mid - 1] + ordered[mid]) / 2
            ```

            Examples:

            - `median([3, 1, 2])` → `2`
            - `median([4, 1, 3, 2])` → `2.5` (the mean of 2 and 3)

            If you don't need your own function, the standard library has
            `statistics.median`, which does the same thing.
            """
        ),
        "model_a": "tulu-7b",
        "model_b": "house-model-v2",
    },
    {
        "slug": "shell-count-lines",
        "category": "code",
        "prompt": "Give me a shell one-liner that prints the total number of lines in all "
        "`.py` files under the current folder, subfolders included. Some file names "
        "contain spaces.",
        "response_a": md(
            """
            ```sh
            wc -l $(find . -name *.py)
            ```

            This prints the line count of every Python file and a total on the last line.
            """
        ),
        "response_b": md(
            """
            ```sh
            find . -type f -name '*.py' -print0 | xargs -0 cat | wc -l
            ```

            - `-print0` and `xargs -0` pass names with spaces through intact.
            - Piping everything through `cat` gives one grand total instead of one line per
              file.
            - The quotes around `'*.py'` stop the shell from expanding the pattern itself.
            """
        ),
        "model_a": "baseline-13b",
        "model_b": "orca-mini-3b",
    },
    # --- markdown -----------------------------------------------------------------------------
    {
        "slug": "markdown-sorting-table",
        "category": "markdown",
        "prompt": "Compare bubble sort, merge sort and quicksort: running time, extra memory, "
        "and when to use each. Please use a table.",
        "response_a": md(
            """
            ## Sorting algorithms at a glance

            | Algorithm   | Average      | Worst        | Extra memory | Stable |
            |-------------|--------------|--------------|--------------|--------|
            | Bubble sort | O(n²)        | O(n²)        | O(1)         | yes    |
            | Merge sort  | O(n log n)   | O(n log n)   | O(n)         | yes    |
            | Quicksort   | O(n log n)   | O(n²)        | O(log n)     | no     |

            ### When to use which

            - **Bubble sort**
              - Teaching, or lists of a handful of items.
              - With an early exit it is O(n) on input that is already sorted.
            - **Merge sort**
              - When you need a *stable* sort or a guaranteed O(n log n).
              - Good for linked lists and for data too big for memory.
            - **Quicksort**
              - Usually the fastest in practice on arrays.
              - Pick the pivot at random to make the O(n²) case very unlikely.

            ### In practice

            Most languages already ship a tuned sort, so you rarely write these yourself:

            ```python
            scores.sort()                          # in place
            ranked = sorted(scores, reverse=True)  # new list
            ```
            """
        ),
        "response_b": "Bubble sort is slow, taking O(n²) time, but it needs no extra memory and "
        "is easy to understand, so it is fine for tiny lists. Merge sort takes O(n log n) "
        "time in every case and is stable, but it needs O(n) extra memory. Quicksort is "
        "O(n log n) on average and often the fastest in practice, but it can degrade to "
        "O(n²) with bad pivots, and it is not stable. Use merge sort when stability matters "
        "and quicksort otherwise.",
        "model_a": "house-model-v2",
        "model_b": "tulu-7b",
    },
    {
        "slug": "readme-install",
        "category": "markdown",
        "prompt": "Write the Installation section of a README for a command-line tool called "
        "`tidyup` that is installed with pip. Include how to check that it worked.",
        "response_a": md(
            """
            ## Installation

            `tidyup` needs Python 3.9 or newer.

            1. Create a virtual environment (recommended):
               ```sh
               python3 -m venv .venv
               source .venv/bin/activate
               ```
            2. Install the package:
               ```sh
               pip install tidyup
               ```
            3. Check that it worked:
               ```sh
               tidyup --version
               ```
               - You should see a version number such as `tidyup 1.4.0`.
               - If the shell says `command not found`:
                 - make sure the virtual environment is active, or
                 - run it as `python3 -m tidyup --version`.

            > **Tip:** to upgrade later, run `pip install --upgrade tidyup`.
            """
        ),
        # The closing fence is missing on purpose: everything after it renders as code.
        "response_b": md(
            """
            # Installation
            #### Requirements
            * Python 3

            Install with pip:

            ```
            pip install tidyup

            Then run `tidyup --version` to check that it worked. If it prints a version number, you are ready to go.
            """
        ),
        "model_a": "baseline-13b",
        "model_b": "orca-mini-3b",
    },
]

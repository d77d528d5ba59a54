"""Demo comparisons with a lot of text: one ~5 KB answer and two multi-turn conversations."""

from demo_text import md

HASH_TABLE_GUIDE = md(
    """
    # How a hash table works

    Picture a wall of numbered drawers and a rule that tells you, for any key, which drawer
    to open. That rule is the whole trick: instead of searching every drawer, you compute
    where the thing *should* be and look only there.

    ## The problem it solves

    Say you keep phone numbers in a plain list of (name, number) pairs. To find Ana's
    number you walk the list from the start until you meet "Ana". With ten entries that is
    instant; with ten million it is slow, because on average you look at half of them.
    A hash table lets you jump almost straight to the right place, however many entries
    there are.

    ## Step 1: the hash function

    A *hash function* turns a key (a name, a number, a tuple) into a whole number. Two rules
    matter:

    1. **Same key, same number.** Hashing "Ana" must give the same result every time while
       the program runs, or you could never find her again.
    2. **Different keys should spread out.** A good hash function makes it unlikely that
       many keys land on the same number.

    It is fine, and unavoidable, that *some* different keys get the same number. There are
    endlessly many possible names but only so many numbers.

    ## Step 2: buckets

    The table itself is an array of slots called *buckets*. To place a key, take its hash
    and reduce it to a bucket index, usually with the remainder:

    ```
    index = hash(key) % number_of_buckets
    ```

    With 8 buckets, a key whose hash is 29 goes to bucket 29 % 8 = 5. To look the key up
    later you repeat the same calculation and open bucket 5 directly.

    ## Step 3: collisions

    When two keys land in the same bucket, that is a *collision*. There are two common ways
    to cope:

    - **Chaining**
      - Each bucket holds a small list of (key, value) pairs.
      - A lookup goes to the bucket, then compares keys along that short list.
    - **Open addressing**
      - Each bucket holds at most one pair.
      - If the bucket is taken, you probe the next ones in a fixed pattern (the next slot,
        or slots further away) until you find the key or an empty slot.

    Either way, the *full key* is compared at the end. The hash only narrows the search
    down; it never decides equality on its own.

    ## Step 4: load factor and resizing

    The *load factor* is the number of stored entries divided by the number of buckets. As
    it grows, buckets get crowded and lookups slow down. So the table watches it: once it
    passes a threshold (often somewhere between 0.5 and 0.75), the table allocates a bigger
    array, typically twice the size, and re-inserts every entry, because each index depends
    on the number of buckets.

    A resize is expensive on its own, but it happens rarely: after doubling, you can add as
    many entries again before the next one. Spread over all inserts, the cost per insert
    stays constant on average. This is called *amortized* constant time.

    ## Why lookups are usually fast

    - Computing the hash takes the same effort whether the table holds ten entries or ten
      million.
    - With a decent hash function and a sensible load factor, each bucket holds only a few
      entries, so the final comparison is short.

    That is why lookup, insert and delete are called **O(1) on average**. The word
    *average* matters: if many keys collide, because of a poor hash function or input
    crafted on purpose to collide, one bucket can hold almost everything and a lookup
    degrades to **O(n)**, no better than the plain list. Some languages randomise their
    string hashing for each run of the program to make such attacks hard.

    ## A tiny example in Python

    Python's `dict` and `set` are hash tables. Here is a toy version using chaining, only
    to show the idea:

    ```python
    class TinyTable:
        def __init__(self, buckets=8):
            self.buckets = [[] for _ in range(buckets)]
            self.count = 0

        def _bucket(self, key):
            return self.buckets[hash(key) % len(self.buckets)]

        def put(self, key, value):
            bucket = self._bucket(key)
            for i, (k, _) in enumerate(bucket):
                if k == key:
                    bucket[i] = (key, value)  # replace an existing entry
                    return
            bucket.append((key, value))
            self.count += 1
            if self.count > 0.75 * len(self.buckets):
                self._grow()

        def get(self, key):
            for k, v in self._bucket(key):
                if k == key:
                    return v
            raise KeyError(key)

        def _grow(self):
            pairs = [pair for bucket in self.buckets for pair in bucket]
            self.buckets = [[] for _ in range(2 * len(self.buckets))]
            for k, v in pairs:
                self._bucket(k).append((k, v))
    ```

    ## Things that trip beginners up

    - **Keys must not change.** If you change a key after storing it, its hash changes and
      the table looks in the wrong bucket. That is why Python refuses lists as dictionary
      keys but accepts tuples.
    - **No order by key.** A hash table cannot give you "all names from A to C" without
      looking at everything. If you need sorted order, use a sorted structure, or sort the
      keys when you need them.
    - **Memory.** Keeping the load factor low means keeping some buckets empty on purpose,
      so a hash table trades memory for speed.

    ## In one sentence

    A hash table turns each key into a bucket number, keeps each bucket short by growing
    when it gets crowded, and so finds almost anything in a single step.
    """
)


def conversation(shared, replies_a, replies_b, system=None):
    """Interleave the shared user turns with each side's replies into two message lists."""
    def build(replies):
        messages = [{"role": "system", "content": system}] if system else []
        for user_turn, reply in zip(shared, replies, strict=True):
            messages.append({"role": "user", "content": user_turn})
            messages.append({"role": "assistant", "content": reply})
        return messages

    return {"conversation_a": build(replies_a), "conversation_b": build(replies_b)}


PANCAKES = conversation(
    system="You are a friendly cooking assistant.",
    shared=[
        "Give me a simple pancake recipe for two people.",
        "I just noticed I have no eggs and no milk. Can I still make them?",
    ],
    replies_a=[
        md(
            """
            **Pancakes for two** (about 8 small ones)

            - 150 g plain flour
            - 1 tbsp sugar
            - 2 tsp baking powder
            - a pinch of salt
            - 1 egg
            - 200 ml milk
            - 1 tbsp melted butter, plus a little for the pan

            1. Mix the dry ingredients in a bowl.
            2. Whisk the egg, milk and melted butter, then stir them into the flour until just
               combined. A few lumps are fine.
            3. Heat a lightly buttered pan over medium heat and add about 3 tablespoons of
               batter per pancake.
            4. Flip when bubbles appear on top, then cook for about another minute.
            """
        ),
        md(
            """
            Yes. Swap the milk for 220 ml of water or any plant milk, and leave out the egg.
            To make up for it:

            - add 1 extra teaspoon of baking powder so they still rise, and
            - add 1 tablespoon of oil, or half a mashed ripe banana if you have one.

            They will be a little flatter and more tender, but still good. Cook them exactly
            as before.
            """
        ),
    ],
    replies_b=[
        "Mix 150 g flour, 1 tbsp sugar, 2 tsp baking powder, 1 egg and 200 ml milk into a "
        "batter. Fry spoonfuls in a buttered pan over medium heat, flipping once when "
        "bubbles appear.",
        "Of course! Whisk 1 egg with 200 ml of milk, then add the flour, sugar and baking "
        "powder as before. Cook them the same way and enjoy!",
    ],
)

KEY_ERROR = conversation(
    shared=[
        "My script crashes with `KeyError: 'email'` on this line:\n\n"
        "```python\nprint(user['email'])\n```",
        "Some users do have the key, but its value is None. I want 'no email' printed in "
        "that case too.",
        "Great. And for a whole list of users, one line each?",
    ],
    replies_a=[
        "That error means the dictionary `user` has no `'email'` key. Use `.get()`, which "
        "returns `None` instead of raising:\n\n```python\nprint(user.get('email'))\n```",
        "Pass the fallback as the second argument:\n\n"
        "```python\nprint(user.get('email', 'no email'))\n```\n\nThis covers both cases.",
        "```python\nfor user in users:\n    print(user.get('email', 'no email'))\n```",
    ],
    replies_b=[
        "`user` is a dictionary without an `'email'` key, and `user['email']` raises "
        "`KeyError` when the key is missing. `.get()` returns a fallback instead:\n\n"
        "```python\nprint(user.get('email', 'no email'))\n```",
        "The fallback of `.get()` is only used when the key is *missing*, so a stored `None` "
        "comes back as `None`. Use `or` to cover both cases:\n\n"
        "```python\nprint(user.get('email') or 'no email')\n```\n\n"
        "This also replaces an empty string, which is probably what you want here.",
        "```python\nfor user in users:\n    print(user.get('email') or 'no email')\n```\n\n"
        "Or, to show whose address is whose:\n\n"
        "```python\nfor user in users:\n"
        "    print(f\"{user.get('name', '?')}: {user.get('email') or 'no email'}\")\n```",
    ],
)

TASKS = [
    {
        "slug": "hash-table-long",
        "category": "long",
        "prompt": "I'm new to programming. Explain in detail how a hash table works: hashing, "
        "buckets, collisions, resizing, and why lookups are usually fast. Take as much space "
        "as you need.",
        "response_a": "A hash table stores key-value pairs. It runs each key through a hash "
        "function to pick a bucket, so it can jump straight to the right place instead of "
        "searching everything. When two keys land in the same bucket (a collision), the "
        "bucket keeps a small list. That makes lookups O(1).",
        "response_b": HASH_TABLE_GUIDE,
        "model_a": "orca-mini-3b",
        "model_b": "house-model-v2",
    },
    {
        "slug": "conversation-pancakes",
        "category": "conversation",
        **PANCAKES,
        "model_a": "house-model-v2",
        "model_b": "baseline-13b",
    },
    {
        "slug": "conversation-key-error",
        "category": "conversation",
        **KEY_ERROR,
        "model_a": "tulu-7b",
        "model_b": "house-model-v2",
    },
]

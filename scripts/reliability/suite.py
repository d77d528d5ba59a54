#!/usr/bin/env python3
"""Runs the reliability scenarios (scripts/reliability/t_*.py) and prints one closing line.

    python3 scripts/reliability/suite.py [NAME-FILTER ...]

Each `test_*` function is one guarantee; it raises on the first broken promise.
Exit status 0 only when every selected scenario passed.
"""
import importlib
import os
import sys
import time
import traceback

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))


def main():
    filters = sys.argv[1:]
    here = os.path.dirname(os.path.abspath(__file__))
    modules = sorted(n[:-3] for n in os.listdir(here) if n.startswith("t_") and n.endswith(".py"))
    passed = failed = 0
    for name in modules:
        module = importlib.import_module(name)
        for test in sorted(k for k in vars(module) if k.startswith("test_")):
            full = "%s.%s" % (name, test)
            if filters and not any(f in full for f in filters):
                continue
            started = time.time()
            try:
                getattr(module, test)()
                passed += 1
                print("PASS %s (%.1fs)" % (full, time.time() - started), flush=True)
            except Exception:  # every failure is reported, the rest still run
                failed += 1
                print("FAIL %s (%.1fs)" % (full, time.time() - started), flush=True)
                traceback.print_exc()
    print("reliability: %d passed, %d failed" % (passed, failed), flush=True)
    return 0 if failed == 0 and passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main())

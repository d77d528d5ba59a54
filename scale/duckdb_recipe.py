#!/usr/bin/env python3
"""Run scale/effective_labels.sql in DuckDB over prefer's session files and print the results.

    pip install duckdb
    python3 scale/duckdb_recipe.py --sessions 'hosts/*/sessions' --tasks tasks.jsonl
    python3 scale/duckdb_recipe.py --sessions sessions --tasks tasks.jsonl --format jsonl --table effective_labels

--sessions is a sessions folder or a glob of them (one per host); --tasks the task file.
Without --table it prints the per-pair win counts and the per-rater label counts.
"""

import argparse
import json
import os
import sys

import duckdb

SQL = os.path.join(os.path.dirname(os.path.abspath(__file__)), "effective_labels.sql")
TABLES = ("effective_labels", "pair_wins", "rater_labels")


def connect(memory_limit=None, threads=None):
    con = duckdb.connect()
    if memory_limit:
        con.execute(f"SET memory_limit = '{memory_limit}'")
    if threads:
        con.execute(f"SET threads = {int(threads)}")
    return con


def execute(con, sessions, tasks):
    """Runs the SQL file; its result tables stay in the connection."""
    con.execute("SET VARIABLE sessions = $1", [sessions])
    con.execute("SET VARIABLE tasks = $1", [tasks])
    with open(SQL, encoding="utf-8") as f:
        con.execute(f.read())


def run(con, sessions, tasks):
    """Runs the recipe; returns {table: [row dict, …]} for the three result tables."""
    execute(con, sessions, tasks)
    results = {}
    for table in TABLES:
        relation = con.sql(f"SELECT * EXCLUDE (path, line) FROM {table}" if table == "effective_labels"
                           else f"SELECT * FROM {table}")
        columns = relation.columns
        results[table] = [dict(zip(columns, row)) for row in relation.fetchall()]
    return results


def write(con, sessions, tasks, out):
    """Runs the recipe and writes each result table to OUT/<table>.jsonl (what a job does)."""
    execute(con, sessions, tasks)
    os.makedirs(out, exist_ok=True)
    for table in TABLES:
        target = os.path.join(out, table + ".jsonl").replace("'", "''")
        con.execute(f"COPY {table} TO '{target}' (FORMAT JSON)")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", required=True, help="sessions folder or glob of folders")
    parser.add_argument("--tasks", required=True, help="task file")
    parser.add_argument("--table", choices=TABLES, help="print only this table")
    parser.add_argument("--format", choices=("text", "jsonl"), default="text")
    parser.add_argument("--out", help="write the three tables to OUT/<table>.jsonl instead of printing")
    args = parser.parse_args()
    try:
        con = connect()
        if args.out:
            write(con, args.sessions, args.tasks, args.out)
            return
        results = run(con, args.sessions, args.tasks)
    except duckdb.Error as error:
        sys.exit(f"duckdb_recipe: {error}")
    for table in [args.table] if args.table else ["pair_wins", "rater_labels"]:
        rows = results[table]
        if args.format == "jsonl":
            for row in rows:
                print(json.dumps(row, ensure_ascii=False))
            continue
        print(f"{table} ({len(rows)} rows)")
        if rows:
            print("\t".join(rows[0]))
            for row in rows:
                print("\t".join("" if v is None else str(v) for v in row.values()))


if __name__ == "__main__":
    main()

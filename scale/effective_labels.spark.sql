-- The computation of scale/effective_labels.sql (DuckDB) in Spark SQL: effective labels,
-- per-pair win counts and per-rater label counts from prefer's session files. docs/SCALE.md
-- explains every rule and how to run this on a cluster.
--
-- Three variables, substituted as ${name} (spark-sql -d name=value, or SET name=value):
--   sessions        a sessions folder or a glob of them (one per host), e.g. hdfs:///labels/host*/sessions
--   sessions_regex  the same pattern as a regular expression over the paths Spark reports
--                   (scale/spark_recipe.py derives it; no backslashes, no quotes)
--   tasks           the task file
-- Result views: effective_labels, pair_wins, rater_labels. Statements end with ';' at the
-- end of a line; comments here never do.
--
-- Files are read whole (wholetext) and split at '\n', then each line is parsed on its own, so
-- the torn-line rule of SPEC §4 is applied exactly and the line number, which decides the
-- order, is known. One sitting is one file of a few hundred kilobytes.

CREATE OR REPLACE TEMPORARY VIEW session_text
USING text
OPTIONS (path '${sessions}', wholetext 'true', recursiveFileLookup 'true', pathGlobFilter '*.jsonl');

-- `rel` is the path below the sessions folder: 'ana/2026…jsonl' is in ana's rater folder,
-- 'judge.jsonl' in none.
CREATE OR REPLACE TEMPORARY VIEW session_files AS
SELECT input_file_name() AS path,
       regexp_replace(input_file_name(), '^${sessions_regex}/', '') AS rel,
       value AS content
FROM session_text;

-- One row per line (numbered from 1); `unterminated` marks the text after the final '\n'.
CREATE OR REPLACE TEMPORARY VIEW session_lines_raw AS
SELECT path, rel, pos + 1 AS line, regexp_replace(piece, '\r$', '') AS text, pos + 1 = pieces AS unterminated
FROM (SELECT path, rel, size(split(content, '\n', -1)) AS pieces, split(content, '\n', -1) AS lines FROM session_files)
LATERAL VIEW posexplode(lines) p AS pos, piece
WHERE trim(piece) <> '';

-- json_tuple parses each line once; a line that is not JSON gives only nulls. Kept in
-- memory: the checks, the replay and the three results all start from here.
UNCACHE TABLE IF EXISTS session_lines;
CREATE OR REPLACE TEMPORARY VIEW session_lines AS
SELECT l.path, l.rel, l.line, l.unterminated,
       j.type IS NOT NULL AND j.rater IS NOT NULL AND substr(ltrim(l.text), 1, 1) = '{' AS parses,
       l.line = max(l.line) OVER (PARTITION BY l.path) AS last_text,
       j.*
FROM session_lines_raw l
LATERAL VIEW json_tuple(l.text, 'type', 'rater', 'task', 'task_sha256', 'choice', 'left', 'ms', 'at',
                        'session', 'note', 'repeat') j
    AS type, rater, task, task_sha256, choice, `left`, ms, `at`, session, note, `repeat`;
CACHE TABLE session_lines;

CREATE OR REPLACE TEMPORARY VIEW session_kinds AS
SELECT path, max(CASE WHEN parses AND type = 'session_start' THEN 1 ELSE 0 END) = 1 AS has_start
FROM session_lines GROUP BY path;

-- SPEC §4: an unparsable line is an error unless it is the file's last; a last line without
-- '\n' is torn (ignored) unless the file has no session_start and the line parses.
SELECT raise_error(concat(path, ':', line, ': not a JSON object with a string "type" and "rater"'))
FROM session_lines WHERE NOT parses AND NOT last_text LIMIT 1;

CREATE OR REPLACE TEMPORARY VIEW events AS
SELECT l.path, l.rel, l.line, l.type, l.rater, l.task, l.task_sha256, l.choice, l.`left`,
       try_cast(l.ms AS BIGINT) AS ms, l.`at`, l.session, l.note, coalesce(l.`repeat` = 'true', false) AS is_repeat,
       CASE WHEN instr(l.rel, '/') > 0 THEN substring_index(l.rel, '/', 1) END AS folder
FROM session_lines l JOIN session_kinds k ON k.path = l.path
WHERE l.parses AND NOT (l.unterminated AND k.has_start);

-- SPEC §4: a rater folder speaks only for its rater, and a file outside rater folders may not
-- use the name of a rater who has one.
SELECT raise_error(concat(path, ':', line, ': the event is in the rater folder of "', folder,
                          '" but carries "rater":"', rater, '"'))
FROM events WHERE folder IS NOT NULL AND rater <> folder LIMIT 1;
SELECT raise_error(concat(path, ':', line, ': "', rater, '" has a rater folder; a file outside rater folders may not use that name'))
FROM events WHERE folder IS NULL AND rater IN (SELECT folder FROM events WHERE folder IS NOT NULL) LIMIT 1;

-- Sittings in order: by the `at` of their first timed event, ties by file name, then path;
-- files without any `at` after the timed ones.
CREATE OR REPLACE TEMPORARY VIEW file_order AS
SELECT path,
       row_number() OVER (ORDER BY first_at ASC NULLS LAST, regexp_extract(path, '[^/]*$', 0), path) AS rank
FROM (SELECT path, min_by(try_cast(`at` AS TIMESTAMP), CASE WHEN try_cast(`at` AS TIMESTAMP) IS NOT NULL THEN line END) AS first_at
      FROM events GROUP BY path);

-- Replay per (rater, task) in that order, and within a file in file order: the last label or
-- undo decides (an undo clears); skips, repeats (the first label stands), shown and
-- adjudication events are not labels.
CREATE OR REPLACE TEMPORARY VIEW effective_all AS
SELECT * FROM (
    SELECT e.*, o.rank AS file_rank,
           row_number() OVER (PARTITION BY e.rater, e.task ORDER BY o.rank DESC, e.line DESC) AS k
    FROM events e JOIN file_order o ON o.path = e.path
    WHERE e.task IS NOT NULL AND (e.type = 'undo' OR (e.type = 'label' AND NOT e.is_repeat))
) WHERE k = 1 AND type = 'label';

-- The task file: id, models, and the SHA-256 of the trimmed line (SPEC §2).
CREATE OR REPLACE TEMPORARY VIEW task_text USING text OPTIONS (path '${tasks}');

CREATE OR REPLACE TEMPORARY VIEW tasks AS
SELECT j.id, j.model_a, j.model_b, sha2(t.text, 256) AS sha256
FROM (SELECT trim(BOTH ' \t\r\n' FROM regexp_replace(value, '^\uFEFF', '')) AS text FROM task_text) t
LATERAL VIEW json_tuple(t.text, 'id', 'model_a', 'model_b') j AS id, model_a, model_b
WHERE t.text <> '';

-- The --tasks rule (SPEC §4): a label whose task is not in the task file, or whose task_sha256
-- differs from the task line's, is left out. A label without task_sha256 (another tool) stays.
UNCACHE TABLE IF EXISTS effective_labels;
CREATE OR REPLACE TEMPORARY VIEW effective_labels AS
SELECT e.task, e.rater, e.choice, e.`left`, e.ms, e.`at`, e.session, e.note, t.model_a, t.model_b,
       e.path, e.line
FROM effective_all e JOIN tasks t ON t.id = e.task
WHERE e.task_sha256 IS NULL OR e.task_sha256 = t.sha256;

CACHE TABLE effective_labels;

-- Wins per unordered model pair, model_a < model_b by name (SPEC §8); likert5 choices count by
-- their side. Tasks comparing a model with itself or lacking a model do not count.
CREATE OR REPLACE TEMPORARY VIEW pair_wins AS
SELECT first AS model_a, second AS model_b,
       count(CASE WHEN winner = first THEN 1 END) AS wins_a,
       count(CASE WHEN winner = second THEN 1 END) AS wins_b,
       count(CASE WHEN choice = 'tie' THEN 1 END) AS ties,
       count(CASE WHEN choice = 'both_bad' THEN 1 END) AS both_bad
FROM (
    SELECT least(model_a, model_b) AS first, greatest(model_a, model_b) AS second, choice,
           CASE WHEN choice IN ('A', 'A>>B', 'A>B') THEN model_a
                WHEN choice IN ('B', 'B>>A', 'B>A') THEN model_b END AS winner
    FROM effective_labels
    WHERE model_a IS NOT NULL AND model_b IS NOT NULL AND model_a <> model_b
)
GROUP BY first, second;

CREATE OR REPLACE TEMPORARY VIEW rater_labels AS
SELECT rater, count(*) AS labels FROM effective_labels GROUP BY rater;

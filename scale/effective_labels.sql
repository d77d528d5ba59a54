-- Effective labels, per-pair win counts and per-rater label counts from prefer's session
-- files, in DuckDB, straight from the JSONL files (docs/SCALE.md explains every rule).
--
-- Set two variables, then run this file:
--
--   SET VARIABLE sessions = 'host*/sessions';
--   SET VARIABLE tasks = 'tasks.jsonl';
--   .read scale/effective_labels.sql
--   FROM pair_wins;
--
-- (in the duckdb shell; scale/duckdb_recipe.py does the same from Python).
--
-- `sessions` is a folder or a glob of folders (one per host), each laid out as prefer writes
-- it: SESSIONS/<rater>/<sitting>.jsonl, plus files from other tools directly in SESSIONS/.
-- `tasks` is the task file (SPEC §2).
-- Result tables: effective_labels, pair_wins, rater_labels (and the steps before them).
--
-- Files are read as text and split at '\n' here, then each line is parsed on its own, so that
-- the torn-line rule of SPEC §4 is applied exactly (a JSON reader would either choke on a
-- partial line or accept it) and the line number, which decides the order, is known.

-- Every *.jsonl below a sessions folder, and where it sits: `rel` is its path below the
-- folder, so 'ana/2026…jsonl' is in the rater folder of ana and 'judge.jsonl' is in none.
CREATE OR REPLACE TEMP TABLE session_files AS
SELECT * FROM (
    SELECT filename AS path,
           regexp_replace(filename,
               '^' || replace(replace(regexp_escape(rtrim(getvariable('sessions'), '/')), '\*', '[^/]*'), '\?', '[^/]')
                   || '/', '') AS rel,
           content
    FROM read_text(rtrim(getvariable('sessions'), '/') || '/**/*.jsonl')
)
-- As prefer's folder walk (and Spark's file listing): names starting with '.' are not read.
WHERE NOT regexp_matches(rel, '(^|/)[.]');

-- One row per line, numbered from 1; `unterminated` marks the text after the final '\n'
-- (empty, and so dropped, when the file ends with one) and `last_text` the last line that
-- holds anything.
CREATE OR REPLACE TEMP TABLE session_lines AS
WITH pieces AS (
    SELECT path, rel, string_split(content, E'\n') AS lines FROM session_files
), numbered AS (
    SELECT path, rel, generate_subscripts(lines, 1) AS line, unnest(lines) AS text, len(lines) AS count
    FROM pieces
), kept AS (
    SELECT path, rel, line, rtrim(text, E'\r') AS text, line = count AS unterminated
    FROM numbered
    WHERE trim(text, E' \t\r') <> ''
)
SELECT *,
       coalesce(TRY(json_type(text) = 'OBJECT' AND json_type(text, '$.type') = 'VARCHAR'
                    AND json_type(text, '$.rater') = 'VARCHAR'), false) AS parses,
       line = max(line) OVER (PARTITION BY path) AS last_text
FROM kept;

-- Lines from prefer's sittings versus lines from another tool (no session_start).
CREATE OR REPLACE TEMP TABLE session_kinds AS
SELECT path, coalesce(bool_or(TRY(text ->> '$.type') = 'session_start') FILTER (WHERE parses), false) AS has_start
FROM session_lines GROUP BY path;

-- SPEC §4: an unparsable line is an error unless it is the file's last; a last line without
-- '\n' is torn (ignored) unless the file has no session_start and the line parses.
SELECT error(path || ':' || line || ': not a JSON object with a string "type" and "rater"')
FROM session_lines WHERE NOT parses AND NOT last_text
ORDER BY path, line LIMIT 1;

CREATE OR REPLACE TEMP TABLE events AS
SELECT l.path, l.rel, l.line, f[1] AS type, f[2] AS rater, f[3] AS task, f[4] AS task_sha256,
       f[5] AS choice, f[6] AS "left", TRY_CAST(f[7] AS BIGINT) AS ms, f[8] AS "at", f[9] AS session,
       f[10] AS note, f[11] = 'true' AS is_repeat,
       CASE WHEN position('/' IN l.rel) > 0 THEN split_part(l.rel, '/', 1) END AS folder
FROM (
    SELECT l.*, json_extract_string(l.text, ['$.type', '$.rater', '$.task', '$.task_sha256', '$.choice',
                                             '$.left', '$.ms', '$.at', '$.session', '$.note', '$.repeat']) AS f
    FROM session_lines l JOIN session_kinds k USING (path)
    WHERE l.parses AND NOT (l.unterminated AND k.has_start)
) l;

-- SPEC §4: a rater folder speaks only for its rater, and a file outside rater folders may not
-- use the name of a rater who has one.
SELECT error(path || ':' || line || ': the event is in the rater folder of "' || folder
             || '" but carries "rater":"' || rater || '"')
FROM events WHERE folder IS NOT NULL AND rater <> folder
ORDER BY path, line LIMIT 1;
SELECT error(path || ':' || line || ': "' || rater || '" has a rater folder; a file outside rater folders may not use that name')
FROM events WHERE folder IS NULL AND rater IN (SELECT DISTINCT folder FROM events WHERE folder IS NOT NULL)
ORDER BY path, line LIMIT 1;

-- Sittings in order: by the `at` of their first timed event, ties by file name, then path;
-- files without any `at` after the timed ones.
CREATE OR REPLACE TEMP TABLE file_order AS
WITH first_at AS (
    SELECT path, arg_min(TRY_CAST("at" AS TIMESTAMPTZ), line) FILTER (WHERE TRY_CAST("at" AS TIMESTAMPTZ) IS NOT NULL) AS first_at
    FROM events GROUP BY path
)
SELECT path, row_number() OVER (ORDER BY first_at NULLS LAST, regexp_extract(path, '[^/]*$'), path) AS rank
FROM first_at;

-- Replay per (rater, task) in that order, and within a file in file order: the last label or
-- undo decides (an undo clears); skips, repeats (the first label stands), shown and
-- adjudication events are not labels.
CREATE OR REPLACE TEMP TABLE effective_all AS
SELECT * EXCLUDE (k) FROM (
    SELECT e.*, o.rank AS file_rank,
           row_number() OVER (PARTITION BY e.rater, e.task ORDER BY o.rank DESC, e.line DESC) AS k
    FROM events e JOIN file_order o USING (path)
    WHERE e.task IS NOT NULL AND (e.type = 'undo' OR (e.type = 'label' AND NOT coalesce(e.is_repeat, false)))
) WHERE k = 1 AND type = 'label';

-- The task file: id, models, and the SHA-256 of the trimmed line (SPEC §2). Read one line a
-- row with a separator that valid JSON never holds unescaped (0x1F).
CREATE OR REPLACE TEMP TABLE tasks AS
SELECT text ->> '$.id' AS id, text ->> '$.model_a' AS model_a, text ->> '$.model_b' AS model_b,
       sha256(text) AS sha256
FROM (
    SELECT trim(ltrim(line, chr(65279)), E' \t\r\n') AS text
    FROM read_csv(getvariable('tasks'), columns = {'line': 'VARCHAR'}, header = false, delim = E'\x1f',
                  quote = '', escape = '', auto_detect = false, max_line_size = 1000000000, strict_mode = false)
) WHERE text <> '';

-- The --tasks rule (SPEC §4): a label whose task is not in the task file, or whose task_sha256
-- differs from the task line's, is left out. A label without task_sha256 (another tool) stays.
CREATE OR REPLACE TEMP TABLE effective_labels AS
SELECT e.task, e.rater, e.choice, e."left", e.ms, e."at", e.session, e.note, t.model_a, t.model_b,
       e.path, e.line
FROM effective_all e JOIN tasks t ON t.id = e.task
WHERE e.task_sha256 IS NULL OR e.task_sha256 = t.sha256;

-- Wins per unordered model pair, model_a < model_b by name (SPEC §8); likert5 choices count by
-- their side. Tasks comparing a model with itself or lacking a model do not count.
CREATE OR REPLACE TEMP TABLE pair_wins AS
WITH verdicts AS (
    SELECT least(model_a, model_b) AS first, greatest(model_a, model_b) AS second,
           CASE WHEN choice IN ('A', 'A>>B', 'A>B') THEN model_a
                WHEN choice IN ('B', 'B>>A', 'B>A') THEN model_b END AS winner,
           choice
    FROM effective_labels
    WHERE model_a IS NOT NULL AND model_b IS NOT NULL AND model_a <> model_b
)
SELECT first AS model_a, second AS model_b,
       count(*) FILTER (WHERE winner = first) AS wins_a,
       count(*) FILTER (WHERE winner = second) AS wins_b,
       count(*) FILTER (WHERE choice = 'tie') AS ties,
       count(*) FILTER (WHERE choice = 'both_bad') AS both_bad
FROM verdicts GROUP BY first, second ORDER BY first, second;

CREATE OR REPLACE TEMP TABLE rater_labels AS
SELECT rater, count(*) AS labels FROM effective_labels GROUP BY rater ORDER BY rater;

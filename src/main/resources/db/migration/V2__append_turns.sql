-- Interview Loop store, version 2: a turn appends to the session instead of rewriting it.
--
-- Version 1 kept each session as one JSON document, rewritten whole at every turn (0.43 MB after 17 long answers; the
-- embedded file grew ten times faster than the data). Now a session is its header row in "sessions", one row per
-- transcript line in "session_messages" (inserted, never changed) and one row per asked question in
-- "session_questions" (written when it changes). A version-1 row keeps its document until its next turn, which moves
-- it to the new tables. Text columns are TEXT: H2 keeps large values out of the row (with them inline, every insert
-- copied pages of other rows' grades, and the file grew 81 MB per 1,000 turns).

ALTER TABLE sessions ALTER COLUMN document DROP NOT NULL;
ALTER TABLE sessions ADD COLUMN seed BIGINT;
ALTER TABLE sessions ADD COLUMN ends_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE sessions ADD COLUMN end_reason VARCHAR(16);
ALTER TABLE sessions ADD COLUMN plan_cursor INTEGER;
-- how many transcript lines are stored: a turn must start from exactly this many (two turns from the same state: the
-- second fails and is played again on the first's result)
ALTER TABLE sessions ADD COLUMN message_count INTEGER DEFAULT 0 NOT NULL;
-- questions graded or skipped, for the history list (a projection: the list reads no transcript)
ALTER TABLE sessions ADD COLUMN results INTEGER DEFAULT 0 NOT NULL;
UPDATE sessions SET results = (SELECT COUNT(*) FROM question_results r WHERE r.session_id = sessions.id);
CREATE INDEX sessions_history ON sessions (started_at DESC, id);

CREATE TABLE session_messages (
    session_id  VARCHAR(64)              NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    seq         INTEGER                  NOT NULL,
    role        VARCHAR(16)              NOT NULL,
    move        VARCHAR(32)              NOT NULL,
    question_id VARCHAR(200),
    speaker     VARCHAR(32),
    said_at     TIMESTAMP WITH TIME ZONE,
    text        TEXT                     NOT NULL,
    grade       TEXT,
    execution   TEXT,
    PRIMARY KEY (session_id, seq)
);

CREATE TABLE session_questions (
    session_id VARCHAR(64)      NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    position   INTEGER          NOT NULL,
    state      TEXT        NOT NULL,
    PRIMARY KEY (session_id, position)
);

-- Interview Loop store, version 1. Portable between H2 2.x and PostgreSQL 15+: standard types only
-- (TEXT is a CLOB in H2 and unbounded text in PostgreSQL).

-- One row per interview session. The session itself (questions, transcript, grades) is the JSON document;
-- the other columns repeat what lists and filters need. Only the SHA-256 of the session token is kept.
CREATE TABLE sessions (
    id            VARCHAR(64)              NOT NULL PRIMARY KEY,
    token_hash    VARCHAR(64)              NOT NULL,
    loop_id       VARCHAR(200)             NOT NULL,
    round_id      VARCHAR(200)             NOT NULL,
    persona_id    VARCHAR(200)             NOT NULL,
    mode          VARCHAR(16)              NOT NULL,
    state         VARCHAR(32)              NOT NULL,
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at   TIMESTAMP WITH TIME ZONE,
    average_score DOUBLE PRECISION,
    verdict       VARCHAR(32),
    document      TEXT                     NOT NULL,
    version       BIGINT                   NOT NULL
);
CREATE INDEX sessions_started_at ON sessions (started_at);

-- One row per question asked and graded (or skipped) in a session, rewritten on every save of the session:
-- the evidence behind history, progress per topic, weak topics and spaced repetition.
CREATE TABLE question_results (
    id          VARCHAR(100)             NOT NULL PRIMARY KEY,
    session_id  VARCHAR(64)              NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    position    INTEGER                  NOT NULL,
    question_id VARCHAR(200)             NOT NULL,
    topic       VARCHAR(200)             NOT NULL,
    score       DOUBLE PRECISION         NOT NULL,
    hints       INTEGER                  NOT NULL,
    skipped     BOOLEAN                  NOT NULL,
    graded_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX question_results_session ON question_results (session_id);
CREATE INDEX question_results_question ON question_results (question_id, graded_at);
CREATE INDEX question_results_topic ON question_results (topic, graded_at);

-- Practice rounds built from the candidate's weak questions (loop "practice"): the plan, so that a practice
-- session can be resumed after a restart.
CREATE TABLE practice_rounds (
    id               VARCHAR(64)              NOT NULL PRIMARY KEY,
    title            VARCHAR(500)             NOT NULL,
    persona_id       VARCHAR(200)             NOT NULL,
    duration_minutes INTEGER                  NOT NULL,
    questions        TEXT                     NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

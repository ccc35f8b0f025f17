/**
 * Where sessions live between restarts, and what they add up to. {@link dev.interviewloop.store.JpaSessionStore}
 * keeps every session (questions, transcript, grades) in a database through Hibernate ORM with Panache, its schema
 * owned by Flyway ({@code db/migration}): H2 in a file under the data folder by default, PostgreSQL when built for
 * it. A turn appends its transcript lines and writes the questions it changed; a turn that raced another instance's is
 * refused so the engine can play it again. Beside each session it keeps one row per graded question, from which
 * {@link dev.interviewloop.store.ProgressService} answers the history, progress per topic and weak topics, and
 * {@link dev.interviewloop.store.SpacedRepetition} schedules each question again (a badly answered question is due
 * sooner than a well answered one). {@link dev.interviewloop.store.PracticeService} builds a practice round from the
 * questions due first and worst answered, kept by {@link dev.interviewloop.store.PracticeRounds} so the engine can
 * play it like a round of {@code knowledge/}. There are no user accounts: the history is this installation's.
 */
package dev.interviewloop.store;

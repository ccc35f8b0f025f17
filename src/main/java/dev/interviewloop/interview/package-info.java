/**
 * The interview engine: one round of one loop, played by the round's persona. A per-session state
 * machine ({@link dev.interviewloop.interview.InterviewEngine}) grades each answer with the
 * {@link dev.interviewloop.grading.Grader} and decides the next move in plain Java
 * ({@link dev.interviewloop.interview.Decider}): probe a missed key point, challenge a misconception,
 * give the next hint, drill deeper, clarify, move on, or close. An
 * {@link dev.interviewloop.interview.InterviewerVoice} only words the move (the built-in one from the
 * persona's templates; an LLM one may stream it). Sessions are plain records kept behind a
 * {@link dev.interviewloop.interview.SessionStore}; the round ends with a
 * {@link dev.interviewloop.interview.Report}.
 */
package dev.interviewloop.interview;

/**
 * The interview content as data: loops, rounds, personas, the question bank with rubrics, and the
 * reference notes and retold write-ups under {@code knowledge/}. Owns the on-disk format, its
 * loader and its validation: a bad file stops the service with a message naming file, line and
 * problem. Nothing here knows about search, grading or sessions.
 */
package dev.interviewloop.knowledge;

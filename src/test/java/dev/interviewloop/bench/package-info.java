/**
 * Benchmarks that print numbers (recorded in BENCHMARKS.md); run from the command line, never as
 * unit tests and never as timing assertions.
 */
package dev.interviewloop.bench;

/**
 * Benchmarks that print numbers (recorded in BENCHMARKS.md); run from the command line
 * ({@code bench/run.sh load | micro | index}), never as unit tests and never as timing assertions:
 * {@link dev.interviewloop.bench.LoadBenchmark} drives the packaged app over REST and the WebSocket,
 * {@link dev.interviewloop.bench.MicroBenchmarks} holds the JMH benchmarks, and
 * {@link dev.interviewloop.bench.IndexBuildBenchmark} times index builds.
 */
package dev.interviewloop.bench;

#!/usr/bin/env bash
# Benchmarks (BENCHMARKS.md). Run from the repository root:
#   bench/run.sh load [LoadBenchmark options]   # start-up, 10/100/500 sessions over REST and WebSocket, RSS and heap
#   bench/run.sh micro                          # JMH: embed one sentence, one hybrid query, one rubric grade
#   bench/run.sh index [N]                      # index build: shipped corpus and N synthetic user sections
#   bench/run.sh all
# Builds the packaged app and the test classes once (skip with BENCH_NO_BUILD=1), then runs each benchmark in
# its own JVM with the test class path, so Maven is not running while it measures.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if [[ "${BENCH_NO_BUILD:-0}" != 1 ]]; then
  ./mvnw -q -B package -DskipTests
  ./mvnw -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
fi
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
JVM=(--enable-native-access=ALL-UNNAMED --add-modules jdk.incubator.vector)
what="${1:-all}"; shift || true
case "$what" in
  load)  "$JAVA" "${JVM[@]}" -cp "$CP" dev.interviewloop.bench.LoadBenchmark "$@" ;;
  micro) "$JAVA" "${JVM[@]}" -cp "$CP" dev.interviewloop.bench.MicroBenchmarks "$@" ;;
  index) "$JAVA" "${JVM[@]}" -cp "$CP" dev.interviewloop.bench.IndexBuildBenchmark "${1:-10000}" ;;
  all)
    "$JAVA" "${JVM[@]}" -cp "$CP" dev.interviewloop.bench.LoadBenchmark
    "$JAVA" "${JVM[@]}" -cp "$CP" dev.interviewloop.bench.MicroBenchmarks
    "$JAVA" "${JVM[@]}" -cp "$CP" dev.interviewloop.bench.IndexBuildBenchmark 10000 ;;
  *) echo "usage: bench/run.sh load|micro|index [N]|all" >&2; exit 2 ;;
esac

/**
 * Operations: what a container orchestrator and a Prometheus server see. Owns the health checks
 * ({@code /q/health/live}: the JVM is not deadlocked; {@code /q/health/ready}: the search index holds
 * passages, and the database once a datasource is configured) and the metrics wiring shared by every
 * {@code interview_loop.*} meter (common tags, latency histograms). Each component records its own
 * meters through an injected {@code MeterRegistry}; this package decides how they are published.
 */
package dev.interviewloop.ops;

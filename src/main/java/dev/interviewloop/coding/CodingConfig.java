package dev.interviewloop.coding;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How candidates' code is run: the interpreter, how many runs at once, and the sandbox's limits. */
@ConfigMapping(prefix = "interview-loop.coding")
public interface CodingConfig {

    /** The Python interpreter: a command on the PATH or a path. Without one, coding answers are graded by rubric. */
    @WithDefault("python3")
    String python();

    /** Runs at the same time (each takes one core while it computes). */
    @WithDefault("2")
    int concurrentRuns();

    /** Runs waiting for a free slot; one more is refused at once ("busy"). */
    @WithDefault("8")
    int queuedRuns();

    /** Seconds of CPU the code may take to load (its top level, before the first case). */
    @WithDefault("2")
    double setupSeconds();

    /**
     * Wall-clock time a run may take beyond its CPU budget (start-up, waiting for the CPU); the service kills the
     * process at budget + this.
     */
    @WithDefault("10s")
    Duration wallSlack();

    /** Bytes of result output read from a run; past this the process is killed. */
    @WithDefault("1000000")
    long outputBytes();

    /** Characters of what the code prints kept per case (shown with the case); the rest is counted, not kept. */
    @WithDefault("4000")
    int printChars();

    /** The largest file the code may write in its scratch folder, in bytes. */
    @WithDefault("1000000")
    long fileBytes();

    /** Open files the process may hold. */
    @WithDefault("64")
    int openFiles();

    /** Processes and threads of the sandbox's user (a backstop: new processes are refused anyway). */
    @WithDefault("256")
    int processes();

    /** Where each run's empty scratch folder is made (default: the system's temporary folder). */
    Optional<String> scratchDir();
}

package dev.interviewloop.store;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** How progress is summed up and how practice rounds are built. */
@ConfigMapping(prefix = "interview-loop.history")
public interface HistoryConfig {

    /** How many of a topic's latest results make its recent average. */
    @WithDefault("5")
    int recentResults();

    /** A topic whose recent average is below this (0-5 scale) is weak. */
    @WithDefault("3.0")
    double weakBelow();

    /** How many results a topic needs before it can be called weak. */
    @WithDefault("2")
    int minEvidence();

    Practice practice();

    /** Practice rounds of weak topics. */
    interface Practice {

        /** How many questions a practice round asks. */
        @WithDefault("5")
        int questions();

        /** Minutes a practice round allows per question. */
        @WithDefault("10")
        int minutesPerQuestion();

        /**
         * The persona who plays practice rounds; by default the persona of the first knowledge round that asks the
         * round's first question.
         */
        Optional<String> persona();
    }
}

package dev.interviewloop.knowledge;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where the content lives. */
@ConfigMapping(prefix = "interview-loop.knowledge")
public interface KnowledgeConfig {

    /** The knowledge folder (relative paths resolve against the working directory). */
    @WithDefault("knowledge")
    String dir();
}

package dev.interviewloop.search;

import dev.interviewloop.knowledge.KnowledgeBase;
import dev.interviewloop.knowledge.KnowledgeLoader;
import java.nio.file.Path;
import java.util.Optional;

/** A SearchService over the shipped knowledge folder, built without Quarkus, shared by the tests of one JVM. */
public final class TestSearch {

    private static KnowledgeBase knowledge;
    private static SearchService search;

    private TestSearch() {
    }

    public static synchronized KnowledgeBase knowledge() {
        if (knowledge == null) {
            knowledge = KnowledgeLoader.load(Path.of("knowledge"));
        }
        return knowledge;
    }

    public static synchronized SearchService search() {
        if (search == null) {
            search = new SearchService(knowledge(), Embedders.minilm(), inMemory());
        }
        return search;
    }

    /** The production defaults, with the index in memory. */
    public static SearchConfig inMemory() {
        return new SearchConfig() {
            @Override
            public String embeddingModel() {
                return "minilm";
            }

            @Override
            public Optional<String> indexDir() {
                return Optional.empty();
            }

            @Override
            public Optional<String> userDocsDir() {
                return Optional.empty();
            }

            @Override
            public long maxUserDocBytes() {
                return 2_000_000;
            }

            @Override
            public int candidates() {
                return 50;
            }

            @Override
            public double minSimilarity() {
                return 0.1;
            }

            @Override
            public int rrfK() {
                return 60;
            }
        };
    }
}

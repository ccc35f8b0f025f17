package dev.interviewloop.grading;

import dev.interviewloop.knowledge.KnowledgeBase;
import dev.interviewloop.knowledge.KnowledgeLoader;
import dev.interviewloop.search.Embedder;
import dev.interviewloop.search.Embedders;
import dev.interviewloop.search.SearchConfig;
import dev.interviewloop.search.TestSearch;
import dev.interviewloop.search.SearchService;
import java.nio.file.Path;

/** The real grader over the real knowledge folder, built once per JVM without Quarkus. */
final class GradingFixture {

    private static GradingFixture shared;

    final KnowledgeBase knowledge;
    final SearchService search;
    final Embedder embedder;
    final RubricGrader grader;
    final RubricResolver resolver;

    private GradingFixture(Embedder embedder, GraderModel model) {
        this.embedder = embedder;
        this.knowledge = KnowledgeLoader.load(Path.of("knowledge"));
        this.search = new SearchService(knowledge, embedder, inMemory());
        this.resolver = new RubricResolver(knowledge, search, embedder);
        var background = RubricGrader.background(knowledge);
        this.grader = new RubricGrader(embedder, resolver, model, Lexicon.of(background), Vocabulary.load(background));
    }

    static synchronized GradingFixture get() {
        if (shared == null) {
            shared = new GradingFixture(Embedders.minilm(), GraderModel.load());
        }
        return shared;
    }

    static GradingFixture with(Embedder embedder, GraderModel model) {
        return new GradingFixture(embedder, model);
    }

    static SearchConfig inMemory() {
        return TestSearch.inMemory();
    }

    Grade bank(String questionId, String answer) {
        return grader.grade(GradingRequest.of(knowledge.question(questionId).orElseThrow(), answer));
    }
}

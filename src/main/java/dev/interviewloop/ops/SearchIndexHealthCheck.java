package dev.interviewloop.ops;

import dev.interviewloop.search.SearchService;
import dev.interviewloop.search.SearchService.IndexStats;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the search index holds at least one passage: without passages the interviewer has no
 * reference material to grade against, so traffic should not be routed here. Reports how the index
 * came to be (size, embedding model, reused from disk or built, build time).
 *
 * <p>Database readiness needs no code here: once a datasource is configured, Quarkus adds its own
 * readiness check for it ({@code quarkus.datasource.health.enabled}, on by default) to the same
 * {@code /q/health/ready} answer.
 */
@Readiness
@ApplicationScoped
public class SearchIndexHealthCheck implements HealthCheck {

    static final String NAME = "search-index";

    private final SearchService search;

    public SearchIndexHealthCheck(SearchService search) {
        this.search = search;
    }

    @Override
    public HealthCheckResponse call() {
        return of(search.stats());
    }

    static HealthCheckResponse of(IndexStats stats) {
        var response = HealthCheckResponse.named(NAME)
                .status(stats.chunks() > 0)
                .withData("chunks", stats.chunks())
                .withData("userDocuments", stats.userDocuments())
                .withData("skippedFiles", stats.skippedFiles().size())
                .withData("embeddingModel", stats.embeddingModel())
                .withData("reused", stats.reused())
                .withData("buildMillis", stats.buildMillis());
        if (stats.chunks() == 0) {
            response.withData("reason", "the index holds no passages: check that interview-loop.knowledge.dir points at"
                    + " the knowledge folder and that it has notes or write-ups");
        }
        return response.build();
    }
}

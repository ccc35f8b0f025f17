package dev.interviewloop.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interviewloop.search.SearchService.IndexStats;
import java.util.List;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

/** The index readiness check: down while the index is empty, and always saying how the index was made. */
class SearchIndexHealthCheckTest {

    @Test
    void emptyIndexIsNotReadyAndSaysWhatToCheck() {
        // given an index built from a knowledge folder with no notes
        var stats = new IndexStats(0, 0, List.of(), false, 12, "minilm");

        // when
        HealthCheckResponse response = SearchIndexHealthCheck.of(stats);

        // then
        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(response.getData()).get().satisfies(data -> {
            assertThat(data).containsEntry("chunks", 0L);
            assertThat((String) data.get("reason")).contains("interview-loop.knowledge.dir");
        });
    }

    @Test
    void filledIndexIsReadyAndReportsSizeModelAndReuse() {
        // given an index reused from disk, with two user documents and one skipped file
        var stats = new IndexStats(431, 2, List.of("big.pdf: too large"), true, 85, "minilm");

        // when
        HealthCheckResponse response = SearchIndexHealthCheck.of(stats);

        // then
        assertThat(response.getName()).isEqualTo("search-index");
        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(response.getData()).get().satisfies(data -> {
            assertThat(data).containsEntry("chunks", 431L)
                    .containsEntry("userDocuments", 2L)
                    .containsEntry("skippedFiles", 1L)
                    .containsEntry("embeddingModel", "minilm")
                    .containsEntry("reused", true)
                    .containsEntry("buildMillis", 85L)
                    .doesNotContainKey("reason");
        });
    }
}

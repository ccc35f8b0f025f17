package dev.interviewloop.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The single-threaded ONNX session is a speed setting only: it gives the library model's vectors, unit length. */
class OnnxEmbedderTest {

    @Test
    void theSingleThreadedSessionGivesTheLibraryModelsVectors() {
        var library = new AllMiniLmL6V2QuantizedEmbeddingModel(Runnable::run);
        Embedder ours = Embedders.minilm();

        for (String text : List.of("Validation loss rises while training loss falls.", "L1 gives sparse weights",
                "过拟合 and emoji 📈 mixed in")) {
            float[] expected = OnnxEmbedder.unit(library.embed(text).content().vector());
            assertThat(ours.embedPassages(List.of(text)).get(0)).containsExactly(expected);
            assertThat(ours.embedQuery(text)).containsExactly(expected);
        }
        assertThat(ours.dimension()).isEqualTo(384);
    }
}

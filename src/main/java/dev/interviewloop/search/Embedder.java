package dev.interviewloop.search;

import java.util.List;
import org.apache.lucene.util.VectorUtil;

/** Turns text into unit-length vectors, in process. */
public interface Embedder {

    /** A short name of the model, recorded with the index and shown in benchmarks. */
    String name();

    int dimension();

    /** A unit vector for a query or an answer. */
    float[] embedQuery(String text);

    /** Unit vectors for passages to be searched (some models encode passages differently from queries). */
    List<float[]> embedPassages(List<String> texts);

    /** The dot product of two vectors of one length: their cosine when both are unit vectors (Lucene's SIMD kernel). */
    static float dot(float[] a, float[] b) {
        return VectorUtil.dotProduct(a, b);
    }
}

package dev.interviewloop.search;

import java.util.List;

/** Turns text into unit-length vectors, in process. */
public interface Embedder {

    /** A short name of the model, recorded with the index and shown in benchmarks. */
    String name();

    int dimension();

    /** A unit vector for a query or an answer. */
    float[] embedQuery(String text);

    /** Unit vectors for passages to be searched (some models encode passages differently from queries). */
    List<float[]> embedPassages(List<String> texts);

    static float dot(float[] a, float[] b) {
        float s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}

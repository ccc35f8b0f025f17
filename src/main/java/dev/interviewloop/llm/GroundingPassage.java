package dev.interviewloop.llm;

/**
 * A retrieved passage as a prompt shows it: a short label the model cites ({@code P1}) and the
 * source a grade's citation points to.
 */
public record GroundingPassage(String label, String chunkId, String doc, String docTitle, String section, String path,
                               String file, int line, String text) {
}

package dev.interviewloop.search;

import dev.interviewloop.knowledge.Text;

/**
 * A retrieved chunk with its fused score.
 *
 * @param score the reciprocal-rank-fusion score (higher is better)
 * @param lexicalRank 1-based rank under BM25, or 0 if BM25 did not return it
 * @param vectorRank 1-based rank under vector search, or 0 if vector search did not return it
 * @param similarity the cosine similarity of the query and the chunk's embedding
 */
public record Passage(Chunk chunk, double score, int lexicalRank, int vectorRank, double similarity) {

    /** The first {@code max} characters of the text, cut at a word boundary. */
    public String snippet(int max) {
        return Text.clip(chunk.text(), max);
    }
}

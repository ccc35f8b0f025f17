package dev.interviewloop.knowledge;

/** Where a question comes from: a retold write-up ({@code knowledge/sources/<writeup>.md}) and its round. */
public record SourceRef(String writeup, String round) {
}

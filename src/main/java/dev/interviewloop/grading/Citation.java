package dev.interviewloop.grading;

/** A reference passage a grade relied on, citable by note and section. */
public record Citation(String doc, String docTitle, String section, String file, int line, String snippet) {
}

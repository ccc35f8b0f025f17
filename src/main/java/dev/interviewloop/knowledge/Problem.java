package dev.interviewloop.knowledge;

/** One thing wrong in a knowledge file: where it is and what to do about it. */
public record Problem(String file, int line, String message) {

    @Override
    public String toString() {
        return file + (line > 0 ? ":" + line : "") + ": " + message;
    }
}

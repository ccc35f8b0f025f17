package dev.interviewloop.knowledge;

/**
 * The limits a coding question's cases run under.
 *
 * @param seconds CPU seconds each case may take (a case may set its own)
 * @param memoryMb memory the candidate's code may take on top of the interpreter's own
 */
public record CodingLimits(double seconds, int memoryMb) {
}

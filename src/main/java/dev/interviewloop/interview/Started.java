package dev.interviewloop.interview;

/** A new session: what the candidate sees, and the token that authorises every further request (shown once). */
public record Started(SessionView session, String token) {
}

package dev.interviewloop.web;

/**
 * The body of every error answer.
 *
 * @param field the request field or parameter at fault, when there is one
 */
public record ApiError(int status, String error, String message, String field) {
}

package dev.interviewloop.store;

/** Stored data that cannot be read or written; the message names the table, row and column. */
public class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

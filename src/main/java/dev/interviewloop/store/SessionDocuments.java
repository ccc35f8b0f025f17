package dev.interviewloop.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.interviewloop.interview.Session;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Sessions as JSON documents, written and read with a copy of the application's {@link ObjectMapper} (so the records
 * keep their wire names) that writes instants as ISO-8601 text and ignores fields it does not know (a document
 * written by a newer version still opens).
 */
@ApplicationScoped
public class SessionDocuments {

    private final ObjectMapper json;

    public SessionDocuments(ObjectMapper mapper) {
        this.json = mapper.copy()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.INDENT_OUTPUT);
    }

    public String write(Session session) {
        try {
            return json.writeValueAsString(session);
        } catch (JsonProcessingException e) {
            throw new StoreException("session " + session.id() + " cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    public Session read(String id, String document) {
        try {
            return json.readValue(document, Session.class);
        } catch (JsonProcessingException e) {
            throw new StoreException("session " + id + " in table 'sessions' (column 'document') cannot be read: "
                    + e.getOriginalMessage() + "; the row was written by an incompatible version", e);
        }
    }

    /** A part of a session (a question's state, a message's grade) as JSON. */
    public String writePart(Object part) {
        try {
            return json.writeValueAsString(part);
        } catch (JsonProcessingException e) {
            throw new StoreException("a " + part.getClass().getSimpleName() + " cannot be written as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** A part of a session read back; {@code where} names the table, row and column for the error. */
    public <T> T readPart(String where, String document, Class<T> type) {
        try {
            return json.readValue(document, type);
        } catch (JsonProcessingException e) {
            throw new StoreException(where + " cannot be read: " + e.getOriginalMessage()
                    + "; the row was written by an incompatible version", e);
        }
    }

    public String writeIds(List<String> ids) {
        try {
            return json.writeValueAsString(ids);
        } catch (JsonProcessingException e) {
            throw new StoreException("a list of ids cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    public List<String> readIds(String where, String document) {
        try {
            return List.of(json.readValue(document, String[].class));
        } catch (JsonProcessingException e) {
            throw new StoreException(where + " is not a JSON array of question ids: " + e.getOriginalMessage(), e);
        }
    }
}

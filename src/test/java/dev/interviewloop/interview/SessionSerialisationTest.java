package dev.interviewloop.interview;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A session is plain data: it survives a JSON round trip unchanged, so a durable store can keep it as it is. */
class SessionSerialisationTest {

    @Test
    void aPlayedSessionRoundTripsThroughJsonUnchanged() throws Exception {
        InMemorySessionStore store = new InMemorySessionStore();
        InterviewEngine engine = new InterviewEngine(Fixtures.knowledge(), Fixtures.tableGrader(), new BuiltInVoice(), store,
                new TestClock(Instant.parse("2026-11-22T10:00:00Z")), new SimpleMeterRegistry(), Policy.DEFAULT);
        Started s = engine.start("test-loop", "fundamentals", "practice", null);
        engine.act(s.session().id(), s.token(), Action.of(Command.HINT), null);
        engine.act(s.session().id(), s.token(), Action.answer("covers:early-stop says:low-train-loss"), null);
        engine.act(s.session().id(), s.token(), new Action(Command.RETRY, "covers:gap,early-stop"), null);
        engine.act(s.session().id(), s.token(), Action.of(Command.END), null);
        Session session = store.find(s.session().id()).orElseThrow();
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

        Session back = json.readValue(json.writeValueAsString(session), Session.class);

        assertThat(back).isEqualTo(session);
        assertThat(back.messages()).filteredOn(m -> m.grade() != null)
                .anySatisfy(m -> assertThat(m.grade().previousScore()).isEqualTo(0.0));
    }
}

package dev.interviewloop.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CallOrderedPoolTest {

    @Test
    void resultsComeBackInInputOrderWhicheverThreadRanThem() {
        try (CallOrderedPool pool = new CallOrderedPool(2, "test-")) {
            List<Integer> inputs = IntStream.range(0, 50).boxed().toList();
            assertThat(pool.map(inputs, i -> i * i)).isEqualTo(inputs.stream().map(i -> i * i).toList());
        }
    }

    @Test
    void anEarlierCallsItemsAllRunBeforeALaterCallsItems() throws Exception {
        try (CallOrderedPool pool = new CallOrderedPool(1, "test-")) {
            CountDownLatch blocked = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            List<String> ran = new CopyOnWriteArrayList<>();
            // occupy the only thread, then queue call A and after it call B
            Thread holder = Thread.ofVirtual().start(() -> pool.map(List.of("hold"), s -> {
                blocked.countDown();
                await(release);
                return s;
            }));
            assertThat(blocked.await(5, TimeUnit.SECONDS)).isTrue();
            Thread a = Thread.ofVirtual().start(() -> pool.map(List.of("a1", "a2", "a3"), s -> ran.add(s)));
            waitUntilQueued(pool, 3);
            Thread b = Thread.ofVirtual().start(() -> pool.map(List.of("b1", "b2"), s -> ran.add(s)));
            waitUntilQueued(pool, 5);
            release.countDown();
            for (Thread t : List.of(holder, a, b)) {
                t.join(5000);
            }
            assertThat(ran).containsExactly("a1", "a2", "a3", "b1", "b2");
        }
    }

    @Test
    void aFailingItemFailsItsCallWithTheSameException() {
        try (CallOrderedPool pool = new CallOrderedPool(2, "test-")) {
            assertThatThrownBy(() -> pool.map(List.of("ok", "bad"), s -> {
                if (s.equals("bad")) {
                    throw new IllegalArgumentException("cannot embed " + s);
                }
                return s;
            })).isInstanceOf(IllegalArgumentException.class).hasMessage("cannot embed bad");
            assertThat(pool.map(List.of("after"), s -> s)).containsExactly("after");
        }
    }

    private static void waitUntilQueued(CallOrderedPool pool, int items) throws InterruptedException {
        for (int i = 0; i < 500 && pool.queued() < items; i++) {
            Thread.sleep(10);
        }
        assertThat(pool.queued()).isEqualTo(items);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package dev.interviewloop.search;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Runs model calls on a fixed set of threads, the earliest request first: every call to {@link #map} takes a
 * ticket, and a thread that comes free picks the waiting item with the lowest ticket. One request's items are
 * therefore spread over all threads while it is the oldest, and a later request waits until they are taken.
 *
 * <p>Why not a plain FIFO pool: the items of concurrent requests would interleave, every request would share the
 * cores with every other, and all of them would finish together, late (BENCHMARKS.md, "Turn latency"). Why not
 * one thread per request: on an idle machine a request with 13 answer spans would use one core of two.
 */
final class CallOrderedPool implements AutoCloseable {

    private final AtomicLong tickets = new AtomicLong();
    private final ThreadPoolExecutor executor;

    CallOrderedPool(int threads, String namePrefix) {
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, new PriorityBlockingQueue<>(),
                Thread.ofPlatform().daemon().name(namePrefix, 0).factory());
    }

    /** Items waiting for a thread. */
    int queued() {
        return executor.getQueue().size();
    }

    /**
     * {@code function} applied to every input on the pool's threads, in input order; the caller waits. An exception
     * thrown by the function is rethrown here (the remaining items of the call are cancelled).
     */
    <I, O> List<O> map(List<I> inputs, Function<I, O> function) {
        long ticket = tickets.getAndIncrement();
        List<Item<O>> items = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            I input = inputs.get(i);
            Item<O> item = new Item<>(ticket, i, () -> function.apply(input));
            items.add(item);
            executor.execute(item);
        }
        List<O> out = new ArrayList<>(items.size());
        try {
            for (Item<O> item : items) {
                out.add(item.get());
            }
        } catch (InterruptedException e) {
            items.forEach(item -> item.cancel(false));
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while the embedding model ran");
        } catch (ExecutionException e) {
            items.forEach(item -> item.cancel(false));
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
        return out;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    /** One input of one call, ordered by the call's ticket and then by its place in the call. */
    private static final class Item<O> extends FutureTask<O> implements Comparable<Item<?>> {

        private final long ticket;
        private final int index;

        Item(long ticket, int index, java.util.concurrent.Callable<O> work) {
            super(work);
            this.ticket = ticket;
            this.index = index;
        }

        @Override
        public int compareTo(Item<?> other) {
            int byTicket = Long.compare(ticket, other.ticket);
            return byTicket != 0 ? byTicket : Integer.compare(index, other.index);
        }
    }
}

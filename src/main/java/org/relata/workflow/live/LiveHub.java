package org.relata.workflow.live;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * The open event streams of this instance, by document and by project, and the fan-out of each change to the
 * streams allowed to see it. Everything is in memory: another instance has its own hub, fed by the same NOTIFY.
 */
@ApplicationScoped
public class LiveHub {

    /** The item that the streams turn into a heartbeat event. */
    public static final Object HEARTBEAT = new Object();

    /** One open stream: what it may see, and where its events go. */
    public static final class Subscriber {
        private final Predicate<LayerChange> sees;
        private final Consumer<Object> out;
        private final Runnable ending;
        private final Map<Long, Set<Subscriber>> map;
        private final long key;

        Subscriber(Predicate<LayerChange> sees, Consumer<Object> out, Runnable ending, Map<Long, Set<Subscriber>> map,
                long key) {
            this.sees = sees;
            this.out = out;
            this.ending = ending;
            this.map = map;
            this.key = key;
        }

        /** A stream takes one item at a time: the listener, the heartbeat and the opening snapshot all send. */
        public synchronized void send(Object item) {
            out.accept(item);
        }

        synchronized void end() {
            ending.run();
        }
    }

    private final Map<Long, Set<Subscriber>> byDocument = new ConcurrentHashMap<>();
    private final Map<Long, Set<Subscriber>> byProject = new ConcurrentHashMap<>();
    private ScheduledExecutorService heartbeat;

    /** A heartbeat every 20 s keeps proxies and load balancers from closing a quiet stream. */
    void onStart(@Observes StartupEvent event) {
        heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "relata-live-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        heartbeat.scheduleAtFixedRate(() -> broadcast(HEARTBEAT), 20, 20, TimeUnit.SECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (heartbeat != null) {
            heartbeat.shutdownNow();
        }
        endAll();
    }

    public Subscriber document(long documentId, Predicate<LayerChange> sees, Consumer<Object> out, Runnable ending) {
        return add(new Subscriber(sees, out, ending, byDocument, documentId));
    }

    public Subscriber project(long projectId, Predicate<LayerChange> sees, Consumer<Object> out, Runnable ending) {
        return add(new Subscriber(sees, out, ending, byProject, projectId));
    }

    public void remove(Subscriber subscriber) {
        // compute*: adding and removing the last subscriber of a key never race each other.
        subscriber.map.computeIfPresent(subscriber.key, (k, set) -> {
            set.remove(subscriber);
            return set.isEmpty() ? null : set;
        });
    }

    /** Hands a committed change to every stream of its document and project that may see it. */
    public void publish(LayerChange change) {
        if (change.documentId() != null) {
            deliver(byDocument.get(change.documentId()), change);
        }
        deliver(byProject.get(change.projectId()), change);
    }

    /**
     * Ends every stream: after the LISTEN connection was lost, changes may have been missed, and a browser that
     * reconnects receives the current versions again (EventSource reconnects by itself).
     */
    public void endAll() {
        byDocument.values().forEach(set -> set.forEach(Subscriber::end));
        byProject.values().forEach(set -> set.forEach(Subscriber::end));
    }

    /** Sends the same item to every stream (the heartbeat that keeps proxies from closing idle connections). */
    public void broadcast(Object item) {
        byDocument.values().forEach(set -> set.forEach(s -> safely(s, item)));
        byProject.values().forEach(set -> set.forEach(s -> safely(s, item)));
    }

    public int size() {
        return byDocument.values().stream().mapToInt(Set::size).sum()
                + byProject.values().stream().mapToInt(Set::size).sum();
    }

    private static void deliver(Set<Subscriber> subscribers, LayerChange change) {
        if (subscribers == null) {
            return;
        }
        for (Subscriber subscriber : subscribers) {
            if (subscriber.sees.test(change)) {
                safely(subscriber, change);
            }
        }
    }

    /** One stream failing (its browser just went away) must not keep the item from the others. */
    private static void safely(Subscriber subscriber, Object item) {
        try {
            subscriber.send(item);
        } catch (RuntimeException e) {
            subscriber.end();
        }
    }

    /**
     * Streams end after {@value #STREAM_MINUTES} minutes and the browser reconnects at once: who may see what (a
     * membership removed, a project made blind, a session ended) is checked again, and the reconnect catches up.
     */
    static final long STREAM_MINUTES = 10;

    private Subscriber add(Subscriber subscriber) {
        if (heartbeat != null) {
            heartbeat.schedule(subscriber::end, STREAM_MINUTES, TimeUnit.MINUTES);
        }
        subscriber.map.compute(subscriber.key, (k, set) -> {
            Set<Subscriber> subscribers = set == null ? ConcurrentHashMap.newKeySet() : set;
            subscribers.add(subscriber);
            return subscribers;
        });
        return subscriber;
    }
}

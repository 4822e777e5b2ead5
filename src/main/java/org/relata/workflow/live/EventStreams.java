package org.relata.workflow.live;

import java.util.function.Consumer;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.UnicastProcessor;

/**
 * Turns a hub subscription into a server-sent event stream. Events carry versions, not annotations: a page that
 * sees a newer version of the layer it shows fetches that layer with the ordinary GET.
 */
@ApplicationScoped
public class EventStreams {

    /** Browsers reconnect after a dropped stream this soon (the SSE retry field). */
    static final long RECONNECT_MS = 1000;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    LiveHub hub;

    /** A stream registered with the hub, and the events a response writes; items wait in a buffer until then. */
    public record Stream(LiveHub.Subscriber subscriber, Multi<OutboundSseEvent> events) {
    }

    interface Registration {
        LiveHub.Subscriber register(Consumer<Object> out, Runnable end);
    }

    /** Registered at once, so a change committed while the caller reads the current state is not lost. */
    Stream open(Sse sse, Registration registration) {
        UnicastProcessor<Object> items = UnicastProcessor.create();
        LiveHub.Subscriber subscriber = registration.register(items::onNext, items::onComplete);
        Multi<OutboundSseEvent> events = items
                .map(item -> item instanceof OutboundSseEvent ready ? ready
                        : item == LiveHub.HEARTBEAT ? event(sse, "ping", java.util.Map.of())
                        : event(sse, "layer", ((LayerChange) item).event()))
                .onTermination().invoke(() -> hub.remove(subscriber));
        return new Stream(subscriber, events);
    }

    /**
     * Opens a stream and sends its first event. Subscribed first, then read: a change committed in between arrives
     * as an event, never falls in a gap.
     */
    Multi<OutboundSseEvent> start(Sse sse, Registration registration, String firstName, Supplier<Object> firstData) {
        Stream stream = open(sse, registration);
        try {
            stream.subscriber().send(event(sse, firstName, firstData.get()));
        } catch (RuntimeException e) {
            hub.remove(stream.subscriber()); // no response will subscribe to it
            throw e;
        }
        return stream.events();
    }

    static OutboundSseEvent event(Sse sse, String name, Object data) {
        try {
            return sse.newEventBuilder().name(name).reconnectDelay(RECONNECT_MS)
                    .mediaType(MediaType.APPLICATION_JSON_TYPE).data(String.class, JSON.writeValueAsString(data)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

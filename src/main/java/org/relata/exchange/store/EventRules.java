package org.relata.exchange.store;

import java.util.List;

import org.relata.exchange.codec.ImportSink;

/**
 * brat's rule for an event's arguments, from annotation.conf's [events]: the role (without brat's number, so Theme2
 * is a Theme) must be one the type lists, and the argument's type one the role takes ({@code <ENTITY>} any span,
 * {@code <EVENT>} any event). A type listing no roles takes any.
 */
final class EventRules {

    private EventRules() {
    }

    static String problem(List<ImportSink.EventRole> roles, String role, String argumentType, boolean argumentIsEvent) {
        if (roles.isEmpty()) {
            return null;
        }
        String base = role.replaceAll("\\d+$", "");
        ImportSink.EventRole defined = roles.stream().filter(r -> r.role().equals(role) || r.role().equals(base))
                .findFirst().orElse(null);
        if (defined == null) {
            return "role '" + role + "' is not one of " + roles.stream().map(ImportSink.EventRole::role).toList() + ".";
        }
        List<String> types = defined.types();
        if (types.contains(argumentType) || types.contains(argumentIsEvent ? "<EVENT>" : "<ENTITY>")) {
            return null;
        }
        return "role '" + role + "' takes " + String.join("|", types) + ", not " + argumentType + ".";
    }
}

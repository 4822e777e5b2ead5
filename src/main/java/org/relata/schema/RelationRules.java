package org.relata.schema;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The one rule of a relation, for the annotation API and every import alike (issue 19, finding 6), so that they
 * cannot drift apart: a relation links two different spans, its type allows the pair of their entity types
 * ({@link SchemaRules#allows}), and it does not repeat a relation of the same type between the same spans. An
 * undirected relation and its reverse are one relation: {@code A–B} repeats {@code B–A}.
 */
public final class RelationRules {

    public enum Problem {
        SAME_SPAN("A relation links two different spans."),
        NOT_ALLOWED("The relation type does not allow this pair of entity types."),
        DUPLICATE("This relation already exists (an undirected relation and its reverse are one).");

        public final String message;

        Problem(String message) {
            this.message = message;
        }
    }

    private RelationRules() {
    }

    /**
     * What the duplicate rule compares: type, head and tail, with head and tail in a fixed order for an
     * undirected type. Span ids of the API and of an import file alike.
     */
    public static <S extends Comparable<S>> List<Object> key(Object type, S head, S tail, boolean directed) {
        if (!directed && head.compareTo(tail) > 0) {
            return List.of(type, tail, head);
        }
        return List.of(type, head, tail);
    }

    /** The first problem of a relation, or null: same span, then the pair, then a duplicate. */
    public static Problem problem(Object head, Object tail, boolean pairAllowed, BooleanSupplier repeats) {
        if (head.equals(tail)) {
            return Problem.SAME_SPAN;
        }
        if (!pairAllowed) {
            return Problem.NOT_ALLOWED;
        }
        return repeats.getAsBoolean() ? Problem.DUPLICATE : null;
    }
}

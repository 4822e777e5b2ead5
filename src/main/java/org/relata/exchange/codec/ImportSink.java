package org.relata.exchange.codec;

import java.util.List;

/**
 * Where an importer hands what it reads: documents, one at a time, and (for formats that bring a schema, such as
 * brat's annotation.conf) labels. The import's store stands behind it; a format never sees the database.
 */
public interface ImportSink {

    /** Checks the document against the schema and stores it with the import (in batches, all or nothing). */
    void add(ExDoc doc);

    Labels labels();

    /** The project's labels during the import; definitions are kept only if the whole import succeeds. */
    interface Labels {

        boolean hasRelationType(String name);

        /** The entity type's id, defined first when the project has none of that name. */
        long defineEntityType(String name, ExDoc.Where where);

        /** Defines a relation type unless the project has one of that name (which is kept as it is). */
        void defineRelationType(String name, boolean directed, ExDoc.Where where);

        /** True when the relation type lists no pairs, so that any pair of entity types is allowed. */
        boolean allowsAnyPair(String relationType);

        /**
         * Allows a pair on a relation type this import defined; a type the project had before keeps its rules (an
         * import never widens them).
         */
        void allowPair(String relationType, long headType, long tailType);

        /** Defines a span ("span") or relation ("relation") attribute, or adds values to an existing one. */
        void defineAttribute(String target, String name, List<String> values, ExDoc.Where where);

        /** Defines an event type with its roles unless the project has one of that name (which is kept). */
        void defineEventType(String name, List<EventRole> roles, ExDoc.Where where);

        /** Adds a knowledge base to those the project's entity links may use (brat's [normalization]). */
        void allowLinkResource(String name, ExDoc.Where where);

        /** Sets the display name and/or colour (#rrggbb) of the entity, relation or event type of that name, if any. */
        void describe(String name, String displayName, String color);
    }

    /** One role of an event type: its name, the entity or event types it takes, how often (max null: any number). */
    record EventRole(String role, List<String> types, int min, Integer max) {
    }
}

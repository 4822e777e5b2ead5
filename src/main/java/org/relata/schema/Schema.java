package org.relata.schema;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A project's label schema, as the API reads and writes it. Ids are optional on input; they make a rename a rename. */
public record Schema(List<EntityTypeSpec> entityTypes, List<RelationTypeSpec> relationTypes,
        List<AttributeSpec> attributes, List<String> linkResources) {

    /**
     * Without link resources: saving keeps the project's list. {@code linkResources} names the knowledge bases
     * entity links may point into (Wikidata, UniProt, ...); empty allows any.
     */
    public Schema(List<EntityTypeSpec> entityTypes, List<RelationTypeSpec> relationTypes, List<AttributeSpec> attributes) {
        this(entityTypes, relationTypes, attributes, null);
    }

    public static final Schema EMPTY = new Schema(List.of(), List.of(), List.of());

    public List<EntityTypeSpec> entityTypesOrEmpty() {
        return entityTypes == null ? List.of() : entityTypes;
    }

    public List<RelationTypeSpec> relationTypesOrEmpty() {
        return relationTypes == null ? List.of() : relationTypes;
    }

    public List<AttributeSpec> attributesOrEmpty() {
        return attributes == null ? List.of() : attributes;
    }

    /** What the specs of entity and relation types share, as {@link LabelType} does for the types. */
    public interface LabelSpec {
        String name();

        String color();

        String hotkey();

        String displayName();
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EntityTypeSpec(Long id, String name, String color, String hotkey, String displayName)
            implements LabelSpec {

        /** Without a display name: saving keeps the one the type has (brat's visual.conf sets it on import). */
        public EntityTypeSpec(Long id, String name, String color, String hotkey) {
            this(id, name, color, hotkey, null);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RelationTypeSpec(Long id, String name, Boolean directed, List<Pair> allowed, String color,
            String hotkey, String displayName) implements LabelSpec {

        /** Without a display name: saving keeps the one the type has. */
        public RelationTypeSpec(Long id, String name, Boolean directed, List<Pair> allowed, String color, String hotkey) {
            this(id, name, directed, allowed, color, hotkey, null);
        }

        public List<Pair> allowedOrEmpty() {
            return allowed == null ? List.of() : allowed;
        }
    }

    public record Pair(String head, String tail) {
    }

    public record AttributeSpec(@JsonInclude(JsonInclude.Include.NON_NULL) Long id, String name,
            @JsonProperty("on") String on, List<String> values) {
    }
}

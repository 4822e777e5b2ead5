package org.relata.schema;

import java.util.List;

import org.relata.schema.Schema.AttributeSpec;
import org.relata.schema.Schema.EntityTypeSpec;
import org.relata.schema.Schema.RelationTypeSpec;

/** A schema as a project's JSON shows it: the schema itself plus the relation menu the workspace offers from it. */
public record SchemaView(List<EntityTypeSpec> entityTypes, List<RelationTypeSpec> relationTypes,
        List<AttributeSpec> attributes, RelationMenu relationMenu, List<String> linkResources) {

    public static SchemaView of(Schema schema) {
        return new SchemaView(schema.entityTypes(), schema.relationTypes(), schema.attributes(), RelationMenu.of(schema),
                schema.linkResources() == null ? List.of() : schema.linkResources());
    }
}

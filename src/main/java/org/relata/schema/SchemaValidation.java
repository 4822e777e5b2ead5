package org.relata.schema;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.relata.schema.Schema.AttributeSpec;
import org.relata.schema.Schema.LabelSpec;
import org.relata.schema.Schema.Pair;
import org.relata.schema.Schema.RelationTypeSpec;
import org.relata.web.ApiException;

/**
 * Checks a whole schema before anything of it is written: counts against the configured limits, names, colours,
 * hotkeys, pairs and attribute values, each refusal naming the field.
 */
@ApplicationScoped
class SchemaValidation {

    @Inject
    SchemaLimits limits;

    /**
     * Two types of one kind may not share a name compared case-insensitively in normal form C
     * ({@link SchemaRules#key}). A pair that exists already (both names stored as they are) is let through until
     * a manager merges it, so that a project holding one can still change its schema.
     */
    private static void checkUnique(Map<String, String> seen, Set<String> stored, String name, String kind, String at) {
        String first = seen.putIfAbsent(SchemaRules.key(name), name);
        if (first != null && !first.equals(name) && !(stored.contains(first) && stored.contains(name))) {
            throw ApiException.conflictOn(kind + " '" + name + "' differs from '" + first
                    + "' only in case or Unicode form; names are unique regardless of both.", at + ".name");
        }
    }

    /** Checks the whole schema before anything is written: names, colours, hotkeys, pairs. */
    public void validate(Schema schema) {
        validate(schema, new Schema(null, null, null));
    }

    /** As {@link #validate(Schema)}, {@code stored} being the schema as it is now. */
    public void validate(Schema schema, Schema stored) {
        Set<String> storedEntities = new HashSet<>();
        stored.entityTypesOrEmpty().forEach(t -> storedEntities.add(t.name()));
        Set<String> storedRelations = new HashSet<>();
        stored.relationTypesOrEmpty().forEach(t -> storedRelations.add(t.name()));
        checkCount(schema.entityTypesOrEmpty().size(), limits.maxEntityTypes(), "entity types", "max-entity-types",
                "$.entityTypes");
        checkCount(schema.relationTypesOrEmpty().size(), limits.maxRelationTypes(), "relation types",
                "max-relation-types", "$.relationTypes");
        checkCount(schema.attributesOrEmpty().size(), limits.maxAttributes(), "attributes", "max-attributes",
                "$.attributes");
        List<String> resources = schema.linkResources() == null ? List.of() : schema.linkResources();
        checkCount(resources.size(), limits.maxEntityTypes(), "link resources", "max-entity-types", "$.linkResources");
        for (int i = 0; i < resources.size(); i++) {
            String resource = resources.get(i);
            if (resource == null || !resource.matches("[^\\s:]{1,100}")) {
                throw ApiException.badField("A link resource is a name of 1 to 100 characters without spaces or ':'"
                        + " (Wikidata, UniProt).", "$.linkResources[" + i + "]");
            }
        }
        Set<String> entityNames = checkLabels("Entity type", schema.entityTypesOrEmpty(), "$.entityTypes",
                storedEntities, (spec, at) -> { });
        checkLabels("Relation type", schema.relationTypesOrEmpty(), "$.relationTypes", storedRelations,
                (spec, at) -> checkPairs(spec, at, entityNames));
        List<AttributeSpec> attributes = schema.attributesOrEmpty();
        Set<String> attributeKeys = new HashSet<>();
        for (int i = 0; i < attributes.size(); i++) {
            AttributeSpec spec = attributes.get(i);
            String at = "$.attributes[" + i + "]";
            checkName(spec == null ? null : spec.name(), at);
            String on = spec.on() == null ? AttributeDef.ON_SPAN : spec.on();
            if (!on.equals(AttributeDef.ON_SPAN) && !on.equals(AttributeDef.ON_RELATION)) {
                throw ApiException.badField("An attribute is 'on' a 'span' or a 'relation', not '" + on + "'.", at + ".on");
            }
            if (!attributeKeys.add(on + "/" + spec.name())) {
                throw ApiException.conflictOn("Attribute '" + spec.name() + "' on " + on + " is listed twice.", at + ".name");
            }
            if (spec.values() != null) {
                if (spec.values().isEmpty()) {
                    throw ApiException.badField("List the values of attribute '" + spec.name()
                            + "', or give null for a yes/no attribute.", at + ".values");
                }
                if (new LinkedHashSet<>(spec.values()).size() != spec.values().size() || spec.values().contains(null)) {
                    throw ApiException.badField("The values of attribute '" + spec.name() + "' must be distinct strings.",
                            at + ".values");
                }
                for (int j = 0; j < spec.values().size(); j++) {
                    if (!SchemaLimits.fits(spec.values().get(j), limits.maxTextLength())) {
                        throw ApiException.badField(SchemaLimits.tooLong("An attribute value", limits.maxTextLength()),
                                at + ".values[" + j + "]");
                    }
                }
            }
        }
    }

    /**
     * Checks a list of entity or relation types at {@code path}: names, colours and hotkeys, each type's own checks
     * ({@code more}) right after its shared ones. Answers the names.
     */
    private static <T extends LabelSpec> Set<String> checkLabels(String kind, List<T> specs, String path,
            Set<String> stored, BiConsumer<T, String> more) {
        Set<String> names = new HashSet<>();
        Map<String, String> keys = new HashMap<>();
        Set<String> hotkeys = new HashSet<>();
        for (int i = 0; i < specs.size(); i++) {
            T spec = specs.get(i);
            String at = path + "[" + i + "]";
            checkName(spec == null ? null : spec.name(), at);
            checkLabel(kind, spec.name(), spec.color(), spec.hotkey(), at, names, keys, stored, hotkeys);
            more.accept(spec, at);
        }
        return names;
    }

    /** The pairs a relation type allows name entity types of the schema. */
    private static void checkPairs(RelationTypeSpec spec, String at, Set<String> entityNames) {
        List<Pair> pairs = spec.allowedOrEmpty();
        for (int j = 0; j < pairs.size(); j++) {
            Pair pair = pairs.get(j);
            String pairAt = at + ".allowed[" + j + "]";
            if (pair == null || !entityNames.contains(pair.head())) {
                throw ApiException.badField("Relation type '" + spec.name() + "' names an unknown head entity type '"
                        + (pair == null ? null : pair.head()) + "'.", pairAt + ".head");
            }
            if (!entityNames.contains(pair.tail())) {
                throw ApiException.badField("Relation type '" + spec.name() + "' names an unknown tail entity type '"
                        + pair.tail() + "'.", pairAt + ".tail");
            }
        }
    }

    /**
     * What entity and relation types share: a name listed once and unique regardless of case and Unicode form
     * among its kind, a colour, and a hotkey used once among its kind.
     */
    private static void checkLabel(String kind, String name, String color, String hotkey, String at, Set<String> names,
            Map<String, String> keys, Set<String> stored, Set<String> hotkeys) {
        if (!names.add(name)) {
            throw ApiException.conflictOn(kind + " '" + name + "' is listed twice.", at + ".name");
        }
        checkUnique(keys, stored, name, kind, at);
        checkColor(color, at);
        if (hotkey != null && !hotkey.isEmpty()) {
            checkHotkey(hotkey, at);
            if (!hotkeys.add(hotkey.toLowerCase(Locale.ROOT))) {
                throw ApiException.conflictOn("Hotkey '" + hotkey + "' is used twice.", at + ".hotkey");
            }
        }
    }

    private static void checkCount(int count, int max, String what, String key, String at) {
        if (count > max) {
            throw ApiException.badField("A project has at most " + max + " " + what + " (relata.limits." + key
                    + "); this schema has " + count + ".", at);
        }
    }

    private static void checkName(String name, String at) {
        String problem = SchemaRules.nameProblem(name, false, SchemaRules.NAME_MAX);
        if (problem != null) {
            throw ApiException.badField(problem + " A label name has 1 to " + SchemaRules.NAME_MAX
                    + " characters without spaces.", at + ".name");
        }
    }

    private static void checkColor(String color, String at) {
        if (color != null && !SchemaRules.isColor(color)) {
            throw ApiException.badField("A colour is written #rrggbb, not '" + color + "'.", at + ".color");
        }
    }

    private static void checkHotkey(String hotkey, String at) {
        if (hotkey.codePointCount(0, hotkey.length()) != 1 || hotkey.length() != 1 || Character.isWhitespace(hotkey.charAt(0))) {
            throw ApiException.badField("A hotkey is a single character, not '" + hotkey + "'.", at + ".hotkey");
        }
    }
}

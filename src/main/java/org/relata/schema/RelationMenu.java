package org.relata.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

import org.relata.schema.Schema.Pair;
import org.relata.schema.Schema.RelationTypeSpec;

/**
 * Which relation types the workspace offers between a span of one type and a span of another, worked out here with
 * {@link SchemaRules#allows} so that the browser does not keep its own copy of the rule.
 *
 * @param any   relation types that list no pairs and so fit every pair
 * @param pairs for "HEAD\tTAIL", the other types that fit, in schema order; reversed: the second span becomes the
 *              head (a directed type that lists the pair the other way round)
 */
public record RelationMenu(List<String> any, Map<String, List<Choice>> pairs) {

    public record Choice(String name, boolean reversed) {
    }

    public static RelationMenu of(Schema schema) {
        List<String> any = new ArrayList<>();
        Map<String, List<Choice>> pairs = new LinkedHashMap<>();
        for (RelationTypeSpec type : schema.relationTypesOrEmpty()) {
            List<Pair> listed = type.allowedOrEmpty();
            if (listed.isEmpty()) {
                any.add(type.name());
                continue;
            }
            boolean directed = type.directed() == null || type.directed();
            BiPredicate<String, String> lists = (head, tail) -> listed.contains(new Pair(head, tail));
            Set<Pair> candidates = new LinkedHashSet<>();
            listed.forEach(p -> {
                candidates.add(p);
                candidates.add(new Pair(p.tail(), p.head()));
            });
            for (Pair c : candidates) {
                List<Choice> choices = new ArrayList<>();
                if (SchemaRules.allows(directed, true, lists, c.head(), c.tail())) {
                    choices.add(new Choice(type.name(), false));
                }
                if (directed && !c.head().equals(c.tail()) && SchemaRules.allows(true, true, lists, c.tail(), c.head())) {
                    choices.add(new Choice(type.name(), true));
                }
                if (!choices.isEmpty()) {
                    pairs.computeIfAbsent(c.head() + "\t" + c.tail(), k -> new ArrayList<>()).addAll(choices);
                }
            }
        }
        return new RelationMenu(any, pairs);
    }
}

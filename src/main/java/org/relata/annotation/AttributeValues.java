package org.relata.annotation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.relata.project.Project;
import org.relata.schema.AttributeDef;
import org.relata.schema.SchemaRules;
import org.relata.web.ApiException;

/** Checks attribute values against the schema: known names, booleans for flags, listed values for choices. */
final class AttributeValues {

    private AttributeValues() {
    }

    /** The values to store; a null value removes the attribute. */
    static Map<String, Object> checked(Project project, String on, Map<String, Object> values) {
        Map<String, Object> result = new LinkedHashMap<>();
        if (values == null) {
            return result;
        }
        List<AttributeDef> defs = AttributeDef.inProject(project);
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            String field = "attributes." + entry.getKey();
            AttributeDef def = defs.stream()
                    .filter(d -> d.name.equals(entry.getKey()) && d.target.equals(on))
                    .findFirst()
                    .orElseThrow(() -> ApiException.badField(
                            "The schema has no " + on + " attribute '" + entry.getKey() + "'.", field));
            Object value = entry.getValue();
            if (value == null) {
                continue;
            }
            boolean fits = SchemaRules.fit(def.allowedValues, value) == SchemaRules.AttributeFit.FITS;
            if (!fits && def.isBoolean()) {
                throw ApiException.badField("Attribute '" + def.name + "' is true or false.", field);
            }
            if (!fits) {
                throw ApiException.badField(
                        "Attribute '" + def.name + "' takes one of " + String.join(", ", def.allowedValues) + ".", field);
            }
            result.put(def.name, value);
        }
        return result;
    }
}

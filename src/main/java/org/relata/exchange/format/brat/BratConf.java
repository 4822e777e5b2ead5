package org.relata.exchange.format.brat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.relata.exchange.codec.ExDoc;
import org.relata.exchange.codec.ImportError;
import org.relata.exchange.codec.ImportSink;

/**
 * brat's annotation.conf: [entities] (or [spans]), [relations] with {@code Arg1:A|B, Arg2:C} and
 * {@code <REL-TYPE>:symmetric}, [attributes] with {@code Arg:<ENTITY>|<RELATION>|types} and {@code Value:a|b}.
 * [events] with {@code Binding Theme+:Protein, Site?:Entity}. Its labels are added to the project's schema
 * (existing ones are kept).
 */
final class BratConf {

    private final ImportSink.Labels labels;
    /** The conf's own entity types, in order: what {@code <ENTITY>} stands for on one side of a relation. */
    private final List<String> entities = new ArrayList<>();

    BratConf(ImportSink.Labels labels) {
        this.labels = labels;
    }

    void read(String content, String file) {
        String section = "";
        String[] lines = content.split("\n", -1);
        List<String[]> relationLines = new ArrayList<>();
        List<String[]> attributeLines = new ArrayList<>();
        List<String[]> eventLines = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1).strip().toLowerCase(java.util.Locale.ROOT);
                continue;
            }
            // an error's field is the section the line stands in: "[relations]"
            ExDoc.Where where = new ExDoc.Where(file, i + 1, "[" + section + "]");
            if (line.startsWith("<") || line.startsWith("!")) {
                continue;
            }
            switch (section) {
                case "entities", "spans" -> entity(line, where);
                case "relations" -> relationLines.add(new String[] {line, Integer.toString(i + 1)});
                case "attributes" -> attributeLines.add(new String[] {line, Integer.toString(i + 1)});
                case "events" -> eventLines.add(new String[] {line, Integer.toString(i + 1)});
                // tools.conf (or annotation.conf): NAME DB:..., <URL>:... — the names become the link resources
                case "normalization" -> labels.allowLinkResource(line.split("\\s+")[0], where);
                default -> {
                    // unknown sections add nothing to the schema
                }
            }
        }
        for (String[] item : relationLines) {
            relation(item[0], new ExDoc.Where(file, Integer.parseInt(item[1]), "[relations]"));
        }
        for (String[] item : eventLines) {
            event(item[0], new ExDoc.Where(file, Integer.parseInt(item[1]), "[events]"));
        }
        for (String[] item : attributeLines) {
            attribute(item[0], new ExDoc.Where(file, Integer.parseInt(item[1]), "[attributes]"));
        }
    }

    /** {@code PERSON} or {@code PERSON <NORM>:Wikidata}: the type, and the knowledge base its links may name. */
    private void entity(String line, ExDoc.Where where) {
        String[] words = line.split("\\s+");
        labels.defineEntityType(words[0], where);
        entities.add(words[0]);
        for (String word : words) {
            if (word.startsWith("<NORM>:") && word.length() > "<NORM>:".length()) {
                for (String resource : word.substring("<NORM>:".length()).split("\\|")) {
                    labels.allowLinkResource(resource, where);
                }
            }
        }
    }

    private void relation(String line, ExDoc.Where where) {
        String[] nameAndArgs = line.split("\\s+", 2);
        String name = nameAndArgs[0];
        List<String> heads = List.of();
        List<String> tails = List.of();
        boolean symmetric = false;
        int arg = 0;
        for (String part : (nameAndArgs.length > 1 ? nameAndArgs[1] : "").split(",")) {
            String[] kv = part.strip().split(":", 2);
            if (kv.length != 2) {
                continue;
            }
            if (kv[0].equals("<REL-TYPE>")) {
                symmetric = kv[1].contains("symmetric");
            } else if (arg == 0) {
                heads = Arrays.asList(kv[1].split("\\|"));
                arg++;
            } else if (arg == 1) {
                tails = Arrays.asList(kv[1].split("\\|"));
                arg++;
            }
        }
        if (arg != 2) {
            throw ImportError.at(where, "A relation in annotation.conf is: NAME Arg1:TYPE, Arg2:TYPE.");
        }
        boolean known = labels.hasRelationType(name);
        labels.defineRelationType(name, !symmetric, where);
        boolean anyHead = heads.contains("<ENTITY>");
        boolean anyTail = tails.contains("<ENTITY>");
        // <ENTITY> on both sides: any pair. On one side only (KNOWS Arg1:PERSON, Arg2:<ENTITY>): that side stands for
        // every entity type of this conf, so the other side's restriction is kept.
        boolean any = (anyHead && anyTail) || ((anyHead || anyTail) && entities.isEmpty());
        // A type that already allows any pair stays that way; a new one gets the listed pairs; a restricted one the
        // project had keeps its own (allowPair ignores it: an import never widens a type's rules).
        if (any || (known && labels.allowsAnyPair(name))) {
            return;
        }
        if (anyHead) {
            heads = entities;
        }
        if (anyTail) {
            tails = entities;
        }
        for (String head : heads) {
            for (String tail : tails) {
                labels.allowPair(name, labels.defineEntityType(head, where), labels.defineEntityType(tail, where));
            }
        }
    }

    /**
     * {@code Binding Theme+:Protein, Site*:Entity}: an event type with its roles. Its trigger spans carry the type's
     * name, so an entity type of that name is defined too.
     */
    private void event(String line, ExDoc.Where where) {
        String[] nameAndArgs = line.split("\\s+", 2);
        List<ImportSink.EventRole> roles = new ArrayList<>();
        for (String part : (nameAndArgs.length > 1 ? nameAndArgs[1] : "").split(",")) {
            String[] kv = part.strip().split(":", 2);
            if (kv.length != 2 || kv[0].startsWith("<")) {
                continue;
            }
            Matcher m = ROLE.matcher(kv[0]);
            if (!m.matches()) {
                throw ImportError.at(where, "An event role in annotation.conf is NAME[?*+{n-m}]:TYPE|TYPE, not '" + kv[0] + "'.");
            }
            int min = 1;
            Integer max = 1;
            String suffix = m.group(2);
            if (suffix.equals("?")) {
                min = 0;
            } else if (suffix.equals("*")) {
                min = 0;
                max = null;
            } else if (suffix.equals("+")) {
                max = null;
            } else if (!suffix.isEmpty()) {
                min = count(m.group(3), where);
                max = m.group(4) == null ? Integer.valueOf(min) : m.group(5).isEmpty() ? null : Integer.valueOf(count(m.group(5), where));
            }
            roles.add(new ImportSink.EventRole(m.group(1), Arrays.asList(kv[1].strip().split("\\|")), min, max));
        }
        labels.defineEntityType(nameAndArgs[0], where);
        labels.defineEventType(nameAndArgs[0], roles, where);
    }

    /** A role's count in {n-m}; digits beyond an int are the file's error, not ours. */
    private static int count(String digits, ExDoc.Where where) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw ImportError.at(where, "An event role's count {" + digits + "} is too large.");
        }
    }

    private static final Pattern ROLE = Pattern.compile("([^?*+{]+)(|\\?|\\*|\\+|\\{(\\d+)(-(\\d*))?\\})");

    private void attribute(String line, ExDoc.Where where) {
        String[] nameAndArgs = line.split("\\s+", 2);
        String target = null;
        List<String> values = null;
        for (String part : (nameAndArgs.length > 1 ? nameAndArgs[1] : "").split(",")) {
            String[] kv = part.strip().split(":", 2);
            if (kv.length != 2) {
                continue;
            }
            if (kv[0].equals("Arg")) {
                List<String> types = Arrays.asList(kv[1].split("\\|"));
                if (types.contains("<RELATION>") || types.stream().allMatch(labels::hasRelationType)) {
                    target = "relation";
                } else {
                    // Attributes of events are kept as span attributes: an event stands on its trigger span.
                    target = "span";
                }
            } else if (kv[0].equals("Value")) {
                values = new ArrayList<>(Arrays.asList(kv[1].split("\\|")));
            }
        }
        if (target != null) {
            labels.defineAttribute(target, nameAndArgs[0], values, where);
        }
    }
}

package org.relata.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.relata.document.Document;
import org.relata.project.Project;
import org.relata.project.ProjectService;
import org.relata.schema.Schema;
import org.relata.schema.Schema.EntityTypeSpec;
import org.relata.schema.Schema.Pair;
import org.relata.schema.Schema.RelationTypeSpec;
import org.relata.user.User;

import io.quarkus.runtime.StartupEvent;

/**
 * Loads the "Geopolitics (demo)" project on a first start, so that a new installation has something to
 * annotate. On by default in dev mode; in production only with RELATA_DEMO=true.
 */
@ApplicationScoped
public class DemoLoader {

    public static final String PROJECT_NAME = "Geopolitics (demo)";
    private static final Logger LOG = Logger.getLogger(DemoLoader.class);
    private static final List<String> ARTICLES = List.of("border-bridge", "summit-vladivostok", "trade-fair");

    @ConfigProperty(name = "relata.demo", defaultValue = "false")
    boolean enabled;

    @Inject
    ProjectService projects;

    /** Runs after the first admin exists (AdminBootstrap observes with a lower priority). */
    void onStart(@Observes @jakarta.annotation.Priority(20) StartupEvent event) {
        loadOnFirstStart(enabled);
    }

    /** Only a new installation gets the demo: one that has projects keeps exactly what it has. */
    boolean loadOnFirstStart(boolean wanted) {
        return wanted && Project.count() == 0 && load();
    }

    /** Creates the demo project unless it exists; returns whether it did. */
    @Transactional
    public boolean load() {
        if (Project.byName(PROJECT_NAME) != null) {
            return false;
        }
        User admin = User.byUsername("admin").orElseGet(() -> User.<User>find("admin = true order by id").firstResult());
        Project project = projects.create(admin, PROJECT_NAME,
                "Countries, people and organisations in news on North Korea, China and Russia.", GUIDELINES, schema());
        for (String article : ARTICLES) {
            String text = read("/demo/" + article + ".txt");
            Document.create(project, article, text, Map.of("source", "demo", "language", "en"));
        }
        LOG.infof("Loaded the demo project '%s' with %d articles.", PROJECT_NAME, ARTICLES.size());
        return true;
    }

    static Schema schema() {
        List<EntityTypeSpec> entities = List.of(
                new EntityTypeSpec(null, "COUNTRY", "#1f77b4", "c"),
                new EntityTypeSpec(null, "PERSON", "#ff7f0e", "p"),
                new EntityTypeSpec(null, "ORGANIZATION", "#2ca02c", "o"),
                new EntityTypeSpec(null, "EVENT", "#9467bd", "e"));
        List<RelationTypeSpec> relations = new ArrayList<>();
        relations.add(new RelationTypeSpec(null, "ALLY_OF", false, List.of(new Pair("COUNTRY", "COUNTRY")), "#17becf", null));
        relations.add(new RelationTypeSpec(null, "TRADE_PARTNER_OF", false,
                List.of(new Pair("COUNTRY", "COUNTRY"), new Pair("ORGANIZATION", "COUNTRY")), "#bcbd22", null));
        relations.add(new RelationTypeSpec(null, "SUPPLIES_WEAPONS_TO", true,
                List.of(new Pair("COUNTRY", "COUNTRY"), new Pair("ORGANIZATION", "COUNTRY")), "#d62728", null));
        relations.add(new RelationTypeSpec(null, "LEADER_OF", true,
                List.of(new Pair("PERSON", "COUNTRY"), new Pair("PERSON", "ORGANIZATION")), "#8c564b", null));
        relations.add(new RelationTypeSpec(null, "VISITED", true,
                List.of(new Pair("PERSON", "COUNTRY"), new Pair("PERSON", "EVENT")), "#e377c2", null));
        relations.add(new RelationTypeSpec(null, "SANCTIONS", true,
                List.of(new Pair("COUNTRY", "COUNTRY"), new Pair("ORGANIZATION", "COUNTRY"),
                        new Pair("ORGANIZATION", "ORGANIZATION"), new Pair("COUNTRY", "ORGANIZATION")),
                "#7f7f7f", null));
        return new Schema(entities, relations, List.of(new Schema.AttributeSpec(null, "Negated", "span", null)));
    }

    private static String read(String resource) {
        try (InputStream in = DemoLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("demo article missing: " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String GUIDELINES = """
            # Guidelines

            - Mark **countries** (also when named by their capital, as in "Beijing said"), **people**,
              **organisations** and **events** such as summits or fairs.
            - Mark the shortest span that names the thing: "North Korea", not "the North Korean side".
            - Relations go from the actor to the target: a person is LEADER_OF a country; a country
              SANCTIONS another.
            """;
}

package org.relata.schema;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;
import org.relata.project.Project;
import org.relata.project.ProjectAccess;
import org.relata.project.Role;
import org.relata.schema.Schema.AttributeSpec;
import org.relata.schema.Schema.EntityTypeSpec;
import org.relata.schema.Schema.Pair;
import org.relata.schema.Schema.RelationTypeSpec;
import org.relata.user.CurrentUser;
import org.relata.web.ApiException;
import org.relata.web.Flash;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * The schema editor. Every form posts one change; the page turns it into a whole new schema and saves it
 * through the same service as the API, so both validate alike.
 */
@Path("/projects/{id}/schema")
@Authenticated
@Produces(MediaType.TEXT_HTML)
public class SchemaPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance editor(Project project, Schema schema, String version, boolean canEdit,
                String newEntityColor, String newRelationColor);
    }

    @Inject ProjectAccess access;
    @Inject SchemaService schemas;
    @Inject TypeMerge merges;
    @Inject CurrentUser currentUser;
    @Inject ObjectMapper json;

    @GET
    public TemplateInstance editor(@PathParam("id") long id) {
        ProjectAccess.Access a = access.visible(id);
        Schema schema = schemas.read(a.project());
        // The add forms start from colours no type has yet, so that new types do not all come out alike.
        List<String> used = new ArrayList<>();
        schema.entityTypesOrEmpty().stream().map(EntityTypeSpec::color).filter(Objects::nonNull).forEach(used::add);
        schema.relationTypesOrEmpty().stream().map(RelationTypeSpec::color).filter(Objects::nonNull).forEach(used::add);
        return Templates.editor(a.project(), schema, SchemaService.version(schema), a.can(Role.MANAGER),
                SchemaRules.unusedColor(used, false), SchemaRules.unusedColor(used, true));
    }

    @POST
    @Path("entity-types")
    public Response addEntityType(@PathParam("id") long id, @RestForm String version, @RestForm String name, @RestForm String color,
            @RestForm String hotkey) {
        return change(id, version, "Entity type " + name + " added.", s -> withEntityTypes(s,
                append(s.entityTypesOrEmpty(), new EntityTypeSpec(null, trim(name), color, trim(hotkey)))));
    }

    @POST
    @Path("entity-types/{typeId}")
    public Response updateEntityType(@PathParam("id") long id, @RestForm String version, @PathParam("typeId") long typeId, @RestForm String name,
            @RestForm String color, @RestForm String hotkey) {
        return change(id, version, "Entity type " + name + " saved.", s -> withEntityTypes(s, s.entityTypesOrEmpty().stream()
                .map(t -> t.id() == typeId ? new EntityTypeSpec(typeId, trim(name), color, trim(hotkey)) : t).toList()));
    }

    @POST
    @Path("entity-types/{typeId}/delete")
    public Response deleteEntityType(@PathParam("id") long id, @RestForm String version, @PathParam("typeId") long typeId) {
        return change(id, version, "Entity type deleted.", s -> {
            String name = s.entityTypesOrEmpty().stream().filter(t -> t.id() == typeId).map(EntityTypeSpec::name)
                    .findFirst().orElse(null);
            // Pairs that name the deleted type go with it.
            List<RelationTypeSpec> relations = s.relationTypesOrEmpty().stream()
                    .map(r -> new RelationTypeSpec(r.id(), r.name(), r.directed(), r.allowedOrEmpty().stream()
                            .filter(p -> !p.head().equals(name) && !p.tail().equals(name)).toList(), r.color(), r.hotkey()))
                    .toList();
            return new Schema(s.entityTypesOrEmpty().stream().filter(t -> t.id() != typeId).toList(), relations,
                    s.attributesOrEmpty());
        });
    }

    /** The merge form: the type merged away, the one it goes into, the schema version the page was made from. */
    public record MergeForm(@RestForm String version, @RestForm Long type, @RestForm Long into) {
    }

    /** One of TypeMerge's merges: of an entity type or of a relation type. */
    private interface Merger {
        TypeMerge.MergeResult merge(org.relata.user.User actor, long projectId, long typeId, Long intoId,
                String expectedVersion);
    }

    /** Merges one entity type into another (issue 20 item 3): one form with two pickers keeps the page linear in size. */
    @POST
    @Path("entity-types/merge")
    public Response mergeEntityTypes(@PathParam("id") long id, MergeForm form) {
        return merge(id, form, merges::mergeEntityType);
    }

    @POST
    @Path("relation-types/merge")
    public Response mergeRelationTypes(@PathParam("id") long id, MergeForm form) {
        return merge(id, form, merges::mergeRelationType);
    }

    private Response merge(long projectId, MergeForm form, Merger merger) {
        return merge(projectId, form.version(), () -> merger.merge(currentUser.get(), projectId, required(form.type()),
                form.into(), seen(form.version())));
    }

    private Response merge(long projectId, String version, java.util.function.Supplier<TypeMerge.MergeResult> merge) {
        access.requiring(projectId, Role.MANAGER);
        String back = "/projects/" + projectId + "/schema";
        return Flash.attempt(back, () -> {
            TypeMerge.MergeResult r;
            try {
                r = merge.get();
            } catch (ApiException e) {
                throw e.status == 412 ? ApiException.conflict("Someone changed the labels since this page was loaded;"
                        + " nothing was merged. Check the labels below and merge again.") : e;
            }
            boolean spans = r.relations() == 0;
            long moved = spans ? r.spans() : r.relations();
            String what = (spans ? "span" : "relation") + (moved == 1 ? "" : "s");
            return Flash.ok(back, r.merged() + " merged into " + r.into() + ": " + moved + " " + what + " relabelled"
                    + (r.duplicatesRemoved() > 0 ? ", " + r.duplicatesRemoved() + " duplicate"
                            + (r.duplicatesRemoved() == 1 ? "" : "s") + " removed" : "") + ".");
        });
    }

    private static long required(Long type) {
        if (type == null) {
            throw ApiException.badField("Choose the type to merge.", "type");
        }
        return type;
    }

    private static String seen(String version) {
        return version == null || version.isBlank() ? null : version;
    }

    @POST
    @Path("relation-types")
    public Response addRelationType(@PathParam("id") long id, @RestForm String version, @RestForm String name, @RestForm String color,
            @RestForm boolean directed, @RestForm String allowed, @RestForm String head, @RestForm String tail) {
        return change(id, version, "Relation type " + name + " added.", s -> new Schema(s.entityTypesOrEmpty(),
                append(s.relationTypesOrEmpty(), new RelationTypeSpec(null, trim(name), directed,
                        pairs(allowed, List.of(), head, tail), color, null)),
                s.attributesOrEmpty()));
    }

    @POST
    @Path("relation-types/{typeId}")
    public Response updateRelationType(@PathParam("id") long id, @RestForm String version, @PathParam("typeId") long typeId,
            @RestForm String name, @RestForm String color, @RestForm boolean directed, @RestForm String allowed,
            @RestForm("pair") List<String> kept, @RestForm String head, @RestForm String tail) {
        return change(id, version, "Relation type " + name + " saved.", s -> new Schema(s.entityTypesOrEmpty(),
                s.relationTypesOrEmpty().stream().map(r -> r.id() == typeId
                        ? new RelationTypeSpec(typeId, trim(name), directed, pairs(allowed, kept, head, tail), color,
                                r.hotkey())
                        : r).toList(),
                s.attributesOrEmpty()));
    }

    @POST
    @Path("relation-types/{typeId}/delete")
    public Response deleteRelationType(@PathParam("id") long id, @RestForm String version, @PathParam("typeId") long typeId) {
        return change(id, version, "Relation type deleted.", s -> new Schema(s.entityTypesOrEmpty(),
                s.relationTypesOrEmpty().stream().filter(r -> r.id() != typeId).toList(), s.attributesOrEmpty()));
    }

    @POST
    @Path("attributes")
    public Response addAttribute(@PathParam("id") long id, @RestForm String version, @RestForm String name, @RestForm String on,
            @RestForm String values) {
        return change(id, version, "Attribute " + name + " added.", s -> new Schema(s.entityTypesOrEmpty(),
                s.relationTypesOrEmpty(), append(s.attributesOrEmpty(),
                        new AttributeSpec(null, trim(name), on, parseValues(values)))));
    }

    @POST
    @Path("attributes/{attributeId}/delete")
    public Response deleteAttribute(@PathParam("id") long id, @RestForm String version, @PathParam("attributeId") long attributeId) {
        return change(id, version, "Attribute deleted.", s -> new Schema(s.entityTypesOrEmpty(), s.relationTypesOrEmpty(),
                s.attributesOrEmpty().stream().filter(a -> a.id() != attributeId).toList()));
    }

    /** The knowledge bases entity links may use ("Wikidata, GeoNames"; empty: any), one form for the whole list. */
    @POST
    @Path("link-resources")
    public Response setLinkResources(@PathParam("id") long id, @RestForm String version, @RestForm String resources) {
        List<String> list = resources == null ? List.of()
                : Arrays.stream(resources.split("[,\\n]")).map(String::trim).filter(r -> !r.isEmpty()).distinct().toList();
        return change(id, version, "Link resources saved.", s -> new Schema(s.entityTypesOrEmpty(),
                s.relationTypesOrEmpty(), s.attributesOrEmpty(), list));
    }

    /**
     * Replaces the schema with an uploaded file in the API's shape (as the download gives it). Type ids that are not
     * this project's, as in a file from another project, are ignored: types are then matched by name.
     */
    @POST
    @Path("upload")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@PathParam("id") long id, @RestForm String version, @RestForm("file") FileUpload file) {
        access.requiring(id, Role.MANAGER);
        String back = "/projects/" + id + "/schema";
        if (file == null || file.uploadedFile() == null) {
            return Flash.error(back, "Choose a schema file (JSON) first.");
        }
        Schema uploaded;
        try {
            uploaded = json.readValue(file.uploadedFile().toFile(), Schema.class);
        } catch (java.io.IOException e) {
            return Flash.error(back, "The file is not a schema in the API's JSON shape"
                    + " ({\"entityTypes\", \"relationTypes\", \"attributes\"}).");
        }
        if (uploaded == null) {
            return Flash.error(back, "The file is empty.");
        }
        String seen = version == null || version.isBlank() ? null : version;
        return Flash.attempt(back, () -> schemas.replace(currentUser.get(), id, uploaded, seen), "Schema uploaded.");
    }

    /**
     * Applies one form's change to the schema as it is now, under the project's lock. The form carries the version
     * it was rendered with: if the schema changed since, nothing is saved and the page says so.
     */
    private Response change(long projectId, String version, String done, UnaryOperator<Schema> edit) {
        access.requiring(projectId, Role.MANAGER);
        String back = "/projects/" + projectId + "/schema";
        return Flash.attempt(back, () -> {
            try {
                schemas.edit(currentUser.get(), projectId, version == null || version.isBlank() ? null : version, edit);
            } catch (ApiException e) {
                if (e.status == 412) {
                    throw ApiException.conflict("Someone changed the labels since this page was loaded; nothing was "
                            + "saved. Check the labels below and repeat your change.");
                }
                throw e;
            }
        }, done);
    }

    private static Schema withEntityTypes(Schema s, List<EntityTypeSpec> entityTypes) {
        return new Schema(entityTypes, s.relationTypesOrEmpty(), s.attributesOrEmpty());
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> copy = new ArrayList<>(list);
        copy.add(item);
        return copy;
    }

    /**
     * The allowed pairs a form sends: the pairs it kept (checked chips, "HEAD>TAIL"), a new one picked as head and
     * tail, and pairs typed as text (the older form, still accepted). A pair with only one side picked is an error.
     */
    static List<Pair> pairs(String typed, List<String> kept, String head, String tail) {
        List<Pair> pairs = new ArrayList<>(parsePairs(typed));
        for (String pair : kept == null ? List.<String>of() : kept) {
            pairs.addAll(parsePairs(pair));
        }
        boolean hasHead = head != null && !head.isBlank();
        boolean hasTail = tail != null && !tail.isBlank();
        if (hasHead != hasTail) {
            throw ApiException.badField("Pick both a head and a tail type for the new pair.", hasHead ? "tail" : "head");
        }
        if (hasHead) {
            Pair added = new Pair(head.trim(), tail.trim());
            if (!pairs.contains(added)) {
                pairs.add(added);
            }
        }
        return pairs;
    }

    /** "PERSON>COUNTRY, COUNTRY>COUNTRY" (one pair per line or comma); empty means any pair. */
    static List<Pair> parsePairs(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<Pair> pairs = new ArrayList<>();
        for (String item : text.split("[,\\n]")) {
            String trimmed = item.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            String[] parts = trimmed.split("\\s*(>|->|→)\\s*");
            if (parts.length != 2) {
                throw ApiException.badField("Write allowed pairs as HEAD>TAIL, not '" + trimmed + "'.", "allowed");
            }
            pairs.add(new Pair(parts[0].trim(), parts[1].trim()));
        }
        return pairs;
    }

    static List<String> parseValues(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Arrays.stream(text.split("[,|]")).map(String::trim).filter(v -> !v.isEmpty()).toList();
    }

    private static String trim(String value) {
        return value == null ? null : value.trim();
    }
}

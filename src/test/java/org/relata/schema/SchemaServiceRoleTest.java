package org.relata.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.relata.schema.Schema.EntityTypeSpec;
import org.relata.testsupport.Api;
import org.relata.user.User;
import org.relata.web.ApiException;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The schema service checks the caller's role itself (issue 12): had a page or API resource asked for the wrong role
 * at its door, an annotator still could not change the labels. Called directly, below every resource.
 */
@QuarkusTest
class SchemaServiceRoleTest {

    @Inject
    SchemaService schemas;

    @Test
    void onlyManagersAndAdminsChangeTheSchemaWhateverTheDoorChecked() {
        String manager = Api.newUser("pm");
        String annotator = Api.newUser("ann");
        String curator = Api.newUser("cur");
        String outsider = Api.newUser("out");
        long project = Api.newProject(manager);
        Api.addMember(project, manager, annotator, "ANNOTATOR");
        Api.addMember(project, manager, curator, "CURATOR");

        for (String member : List.of(annotator, curator)) {
            ApiException refused = assertThrows(ApiException.class, () -> schemas.edit(user(member), project, null, this::withPlace));
            assertEquals(403, refused.status, member);
        }
        assertEquals(404, assertThrows(ApiException.class,
                () -> schemas.edit(user(outsider), project, null, this::withPlace)).status);
        Schema changed = schemas.edit(user(manager), project, null, this::withPlace);
        assertEquals("PLACE", changed.entityTypesOrEmpty().get(changed.entityTypesOrEmpty().size() - 1).name());
    }

    private Schema withPlace(Schema s) {
        List<EntityTypeSpec> types = new ArrayList<>(s.entityTypesOrEmpty());
        types.add(new EntityTypeSpec(null, "PLACE", "#123456", null));
        return new Schema(types, s.relationTypesOrEmpty(), s.attributesOrEmpty());
    }

    private static User user(String username) {
        return QuarkusTransaction.requiringNew().call(() -> User.byUsername(username).orElseThrow());
    }
}

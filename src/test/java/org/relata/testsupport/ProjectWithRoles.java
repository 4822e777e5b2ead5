package org.relata.testsupport;

import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the tests that check who may do what in one project: a manager's project with a curator and an annotator,
 * and an outsider who is no member, all made through the API before each test (before the subclass's own set-up).
 */
public abstract class ProjectWithRoles {

    protected String manager;
    protected String curator;
    protected String annotator;
    protected String outsider;
    protected long projectId;

    @BeforeEach
    void projectWithRoles() {
        manager = Api.newUser("manager");
        curator = Api.newUser("curator");
        annotator = Api.newUser("annotator");
        outsider = Api.newUser("outsider");
        projectId = Api.newProject(manager);
        Api.addMember(projectId, manager, curator, "CURATOR");
        Api.addMember(projectId, manager, annotator, "ANNOTATOR");
    }
}

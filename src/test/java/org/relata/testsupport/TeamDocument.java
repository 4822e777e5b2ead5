package org.relata.testsupport;

/**
 * The smallest team: a manager's project with one annotator member and one document assigned to them, which most
 * layer and workspace tests start from. Users get fresh names from the given prefixes.
 */
public record TeamDocument(String manager, String annotator, long projectId, long docId) {

    public static TeamDocument create(Db db, String managerPrefix, String annotatorPrefix, String externalId,
            String text) {
        String manager = Api.newUser(managerPrefix);
        String annotator = Api.newUser(annotatorPrefix);
        long projectId = Api.newProject(manager);
        Api.addMember(projectId, manager, annotator, "ANNOTATOR");
        long docId = db.document(projectId, externalId, text);
        Api.assignAll(projectId, manager, annotator);
        return new TeamDocument(manager, annotator, projectId, docId);
    }
}

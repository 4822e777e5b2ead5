package org.relata.project;

import org.relata.schema.Schema;
import org.relata.schema.SchemaView;

/**
 * The label schema of a project, as the project's own pages and API need it. The schema feature implements this,
 * so that project depends only on the schema's records and never on its services.
 */
public interface ProjectSchemas {

    Schema read(Project project);

    /** The schema as a project's JSON shows it, with the workspace's relation menu. */
    SchemaView view(Project project);

    /** Sets the schema of a project being created; the creation is audited as a whole. */
    Schema replace(Project project, Schema schema);
}

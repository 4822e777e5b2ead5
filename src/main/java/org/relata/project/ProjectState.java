package org.relata.project;

/** ACTIVE: in use. RETIRED: read-only for everyone and hidden on the project list until shown. */
public enum ProjectState {
    ACTIVE, RETIRED
}

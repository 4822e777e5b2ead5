package org.relata.project;

/** A member's role in one project. Each role may do what the ones below it may. */
public enum Role {
    ANNOTATOR,
    CURATOR,
    MANAGER;

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }
}

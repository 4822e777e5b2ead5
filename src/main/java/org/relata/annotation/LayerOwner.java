package org.relata.annotation;

/** Whose annotations a layer holds, and how the API and the files name that owner. */
public enum LayerOwner {
    USER,
    GOLD,
    SUGGESTIONS;

    public static final String GOLD_NAME = "gold";
    public static final String SUGGESTIONS_NAME = "suggestions";

    /** "gold", "suggestions", or the username of the user whose layer it is. */
    public String nameFor(String username) {
        return switch (this) {
            case GOLD -> GOLD_NAME;
            case SUGGESTIONS -> SUGGESTIONS_NAME;
            case USER -> username;
        };
    }
}

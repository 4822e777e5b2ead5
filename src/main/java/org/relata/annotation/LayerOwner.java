package org.relata.annotation;

/** Whose annotations a layer holds. */
public enum LayerOwner {
    USER,
    GOLD,
    SUGGESTIONS
}

package org.relata.annotation;

public enum LayerStatus {
    NEW,
    IN_PROGRESS,
    DONE
}

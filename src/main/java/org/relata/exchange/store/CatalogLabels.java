package org.relata.exchange.store;

import java.sql.SQLException;
import java.util.List;

import org.relata.exchange.codec.ExDoc;
import org.relata.exchange.codec.ImportSink;

/** The import's label catalog as formats see it: by name, with database failures as unchecked errors. */
final class CatalogLabels implements ImportSink.Labels {

    private final LabelCatalog catalog;

    CatalogLabels(LabelCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public boolean hasRelationType(String name) {
        return catalog.hasRelationType(name);
    }

    @Override
    public long defineEntityType(String name, ExDoc.Where where) {
        try {
            return catalog.defineEntityType(name, where);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public void defineRelationType(String name, boolean directed, ExDoc.Where where) {
        try {
            catalog.defineRelationType(name, directed, where);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public boolean allowsAnyPair(String relationType) {
        return catalog.relationTypeByName(relationType).pairs.isEmpty();
    }

    @Override
    public void allowPair(String relationType, long headType, long tailType) {
        try {
            catalog.allowPair(catalog.relationTypeByName(relationType), headType, tailType);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public void defineAttribute(String target, String name, List<String> values, ExDoc.Where where) {
        try {
            catalog.defineAttribute(target, name, values, where);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public void defineEventType(String name, List<ImportSink.EventRole> roles, ExDoc.Where where) {
        try {
            catalog.defineEventType(name, roles, where);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public void allowLinkResource(String name, ExDoc.Where where) {
        try {
            catalog.allowLinkResource(name, where);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    @Override
    public void describe(String name, String displayName, String color) {
        try {
            catalog.describe(name, displayName, color);
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private static IllegalStateException failed(SQLException e) {
        return new IllegalStateException("Import failed in the database: " + e.getMessage(), e);
    }
}

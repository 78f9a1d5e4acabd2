package dev.postmortem.jdbc;

import dev.postmortem.core.classification.ListFilters;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * The SQL of {@link ListFilters} on the post-mortem {@code p}, shared by the listing and the
 * insights: tag and service by the arrays' GIN indexes on PostgreSQL, the day range on {@code
 * p.incident_day} ({@link ListFilters#dayOf}, kept with each write since V9).
 */
final class ClassificationFilters {

    private ClassificationFilters() {
    }

    static void append(StringBuilder sql, ListFilters filters, SqlDialect dialect) {
        if (filters.tag() != null) {
            sql.append("\n   AND ").append(dialect.arrayHas("p.tags", "tag"));
        }
        if (filters.service() != null) {
            sql.append("\n   AND ").append(dialect.arrayHas("p.services", "service"));
        }
        if (filters.category() != null) {
            sql.append("\n   AND p.category = :category");
        }
        if (filters.templateId() != null) {
            sql.append("\n   AND p.template_id = :templateId");
        }
        if (filters.from() != null) {
            sql.append("\n   AND p.incident_day >= :from");
        }
        if (filters.to() != null) {
            sql.append("\n   AND p.incident_day <= :to");
        }
    }

    static void bind(SqlStatement<?> statement, ListFilters filters) {
        if (filters.tag() != null) {
            statement.bind("tag", filters.tag());
        }
        if (filters.service() != null) {
            statement.bind("service", filters.service());
        }
        if (filters.category() != null) {
            statement.bind("category", filters.category());
        }
        if (filters.templateId() != null) {
            statement.bind("templateId", filters.templateId());
        }
        if (filters.from() != null) {
            statement.bind("from", filters.from());
        }
        if (filters.to() != null) {
            statement.bind("to", filters.to());
        }
    }
}

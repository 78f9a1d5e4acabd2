package dev.postmortem.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jdbi.v3.core.argument.Argument;

/**
 * How instants and ids cross JDBC. Instants go as {@link OffsetDateTime} in UTC through
 * {@code setObject}/{@code getObject} (JDBC 4.2), never through {@code java.sql.Timestamp}, whose
 * conversions depend on the JVM's time zone.
 */
final class SqlValues {

    private SqlValues() {
    }

    static Argument instant(Instant instant) {
        return (position, statement, context) -> {
            if (instant == null) {
                statement.setNull(position, Types.TIMESTAMP_WITH_TIMEZONE);
            } else {
                statement.setObject(position, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
            }
        };
    }

    /** A UUID or a typed null: a plain null is bound as text, which PostgreSQL will not put in a uuid column. */
    static Argument uuid(UUID value) {
        return (position, statement, context) -> {
            if (value == null) {
                statement.setNull(position, Types.OTHER);
            } else {
                statement.setObject(position, value);
            }
        };
    }

    /** By position: the reads are hot (a list page, a whole document), and a name is a lookup per value. */
    static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static LocalDate date(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    static UUID uuid(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }
}

package dev.postmortem.jdbc.migration.h2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * postmortem schema, version 7, H2: what the listing filters a post-mortem by, as columns: its
 * tags, its root-cause category, and the services its impact names (lower-cased copies of those
 * in content). In Java because H2 has no function that reads a JSON array; PostgreSQL's V7 is SQL.
 */
public class V7__classification extends BaseJavaMigration {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("ALTER TABLE pm_post_mortem ADD COLUMN tags VARCHAR(50) ARRAY DEFAULT ARRAY[] NOT NULL");
            ddl.execute("ALTER TABLE pm_post_mortem ADD COLUMN category VARCHAR(100)");
            ddl.execute("ALTER TABLE pm_post_mortem ADD COLUMN services VARCHAR(200) ARRAY DEFAULT ARRAY[] NOT NULL");
            ddl.execute("CREATE INDEX pm_post_mortem_tenant_category_idx"
                    + " ON pm_post_mortem (tenant_id, category, created_at DESC, id DESC)");
        }
        try (Statement select = connection.createStatement();
             ResultSet rows = select.executeQuery("SELECT id, content FROM pm_post_mortem");
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE pm_post_mortem SET services = ? WHERE id = ?")) {
            while (rows.next()) {
                JsonNode named = JSON.readTree(rows.getString(2)).path("impact").path("servicesAffected");
                if (named.isArray() && !named.isEmpty()) {
                    List<String> services = new ArrayList<>();
                    named.forEach(service -> services.add(service.asText().toLowerCase(Locale.ROOT)));
                    update.setArray(1, connection.createArrayOf("VARCHAR", services.toArray()));
                    update.setObject(2, rows.getObject(1));
                    update.executeUpdate();
                }
            }
        }
    }
}

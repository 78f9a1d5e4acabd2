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
 * postmortem schema, version 8, H2: search reads every text of a post-mortem. The texts beyond
 * title, summary, impact and root cause (the impact's and root cause's sub-sections, the
 * timeline, the action items) become one lower-cased column, {@code search_details}, that the
 * listing's LIKE reads; comments are read from {@code pm_comment}. In Java because H2 has no
 * function that reads a JSON array; PostgreSQL's V8 is SQL.
 */
public class V8__search_everything extends BaseJavaMigration {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("ALTER TABLE pm_post_mortem ADD COLUMN search_details CHARACTER LARGE OBJECT DEFAULT ''"
                    + " NOT NULL");
        }
        try (Statement select = connection.createStatement();
             ResultSet rows = select.executeQuery("SELECT id, content FROM pm_post_mortem");
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE pm_post_mortem SET search_details = ? WHERE id = ?")) {
            while (rows.next()) {
                String details = details(JSON.readTree(rows.getString(2)));
                if (!details.isEmpty()) {
                    update.setString(1, details);
                    update.setObject(2, rows.getObject(1));
                    update.executeUpdate();
                }
            }
        }
    }

    /** As SearchableText.details in the core writes it for every later write. */
    private static String details(JsonNode content) {
        List<String> texts = new ArrayList<>();
        add(texts, content.path("impact").path("businessImpact"));
        content.path("rootCause").path("contributingFactors").forEach(factor -> add(texts, factor));
        add(texts, content.path("rootCause").path("whyNotCaughtEarlier"));
        content.path("rootCause").path("lessonsLearned").forEach(lesson -> add(texts, lesson));
        content.path("timeline").forEach(event -> add(texts, event.path("description")));
        content.path("actionItems").forEach(item -> add(texts, item.path("description")));
        return String.join("\n", texts).toLowerCase(Locale.ROOT);
    }

    private static void add(List<String> texts, JsonNode text) {
        if (text.isTextual() && !text.asText().isBlank()) {
            texts.add(text.asText());
        }
    }
}

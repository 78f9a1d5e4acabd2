package dev.postmortem.testing.http;

import static dev.postmortem.testing.http.ContractUsers.ADMIN;
import static dev.postmortem.testing.http.ContractUsers.ALICE;
import static dev.postmortem.testing.http.ContractUsers.CAROL;
import static dev.postmortem.testing.http.ContractUsers.DAVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.postmortem.testing.http.ContractClient.Reply;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Insights on a fixture of 20 post-mortems whose figures were computed by hand (the table
 * below; durations in minutes after impact started at 10:00 UTC on the incident's date):
 * counts by status, the five durations' median and 90th percentile (interpolated), action
 * items, publication after resolution, recurrences within 90 days, for every grouping; and
 * another user's draft counts in none of them. Every query is narrowed to this run's tag, so
 * the other topics' post-mortems never count.
 */
abstract class InsightContract extends ContractTopic {

    static final String INSIGHTS = "/api/postmortem-insights";

    InsightContract(ContractClient api) {
        super(api);
    }

    /** One fixture post-mortem; the durations in minutes, {@code null} where the key moment is not marked. */
    private record Row(int n, String date, String status, List<String> services, List<String> tags, String category,
                       String template, Integer detect, Integer acknowledge, Integer mitigate, Integer resolve,
                       List<String> items) {
    }

    private static Row row(int n, String date, String status, List<String> services, List<String> tags, String category,
                           String template, Integer detect, Integer acknowledge, Integer mitigate, Integer resolve,
                           String... items) {
        return new Row(n, date, status, services, tags, category, template, detect, acknowledge, mitigate, resolve,
                List.of(items));
    }

    // items: STATUS or STATUS@due-date
    private static final List<Row> FIXTURE = List.of(
            row(1, "2025-01-03", "PUBLISHED", List.of("checkout"), List.of("db"), "deployment", "api-downtime",
                    5, 5, 30, 60, "DONE", "TODO@2025-02-01"),
            row(2, "2025-01-10", "PUBLISHED", List.of("checkout"), List.of(), "deployment", null, 10, 2, 40, 90, "DONE"),
            row(3, "2025-01-15", "IN_REVIEW", List.of("search"), List.of("db"), "capacity", null, 15, 5, 45, 120, "TODO"),
            row(4, "2025-01-20", "IN_REVIEW", List.of("payments"), List.of(), "configuration", "api-downtime",
                    20, 10, null, 180),
            row(5, "2025-01-22", "ARCHIVED", List.of("checkout", "search"), List.of(), "deployment", null,
                    25, 5, 60, 240, "DONE", "DONE"),
            row(6, "2025-01-25", "IN_REVIEW", List.of(), List.of(), null, null, null, null, null, null, "TODO@2099-01-01"),
            row(7, "2025-01-28", "PUBLISHED", List.of("search"), List.of(), "capacity", "api-downtime", 30, null, null, null),
            row(8, "2025-01-31", "IN_REVIEW", List.of("payments"), List.of("db"), "configuration", null, 5, 1, 10, 30,
                    "IN_PROGRESS@2025-03-01"),
            row(9, "2025-02-02", "PUBLISHED", List.of("checkout"), List.of(), "deployment", null, 8, 4, 20, 50, "DONE"),
            row(10, "2025-02-10", "IN_REVIEW", List.of("checkout"), List.of(), "deployment", null, 12, 3, 25, 70),
            row(11, "2025-02-14", "IN_REVIEW", List.of("search"), List.of("cache"), "capacity", "api-downtime",
                    6, 2, 15, 40, "TODO@2025-03-01"),
            row(12, "2025-02-20", "PUBLISHED", List.of("payments"), List.of(), "security", null, 40, 20, 100, 200,
                    "DONE", "TODO"),
            row(13, "2025-02-25", "IN_REVIEW", List.of(), List.of("cache"), "unknown", null, null, null, null, null),
            row(14, "2025-02-28", "ARCHIVED", List.of("checkout"), List.of(), "deployment", null, 3, 1, 10, 20, "DONE"),
            row(15, "2025-03-05", "IN_REVIEW", List.of("checkout"), List.of(), "deployment", "api-downtime",
                    10, 5, 30, 60),
            row(16, "2025-03-12", "PUBLISHED", List.of("search"), List.of(), "capacity", null, 20, 10, 60, 100, "DONE"),
            row(17, "2025-03-20", "IN_REVIEW", List.of("payments"), List.of(), "configuration", null, 5, 5, null, 45,
                    "TODO@2025-04-01"),
            row(18, "2025-06-30", "IN_REVIEW", List.of("billing"), List.of(), "security", null, 60, null, null, 90),
            // resolved two hours and three days before now, published now: the publication figures
            row(19, "-PT2H", "PUBLISHED", List.of(), List.of(), null, null, null, null, null, 60),
            row(20, "-PT72H", "PUBLISHED", List.of(), List.of(), null, null, null, null, null, 60));

    private String tag;
    private final Map<Integer, Instant> resolvedAt = new HashMap<>();
    private final Map<Integer, Instant> publishedAt = new HashMap<>();

    @BeforeEach
    void theFixture() {
        tag = "run-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (Row row : FIXTURE) {
            ObjectNode body = specJson().put("title", "Insight " + row.n()).put("status", "IN_REVIEW");
            ArrayNode tags = body.putArray("tags").add(tag);
            row.tags().forEach(tags::add);
            ArrayNode services = body.putArray("servicesAffected");
            row.services().forEach(services::add);
            if (row.category() != null) {
                body.put("category", row.category());
            }
            if (row.template() != null) {
                body.put("templateId", row.template());
            }
            Instant impact;
            if (row.date().startsWith("-")) {
                impact = now.minus(Duration.parse(row.date().substring(1))).minus(Duration.ofMinutes(row.resolve()));
                body.put("incidentDate", LocalDate.ofInstant(impact, ZoneOffset.UTC).toString());
            } else {
                impact = LocalDate.parse(row.date()).atTime(LocalTime.of(10, 0)).toInstant(ZoneOffset.UTC);
                body.put("incidentDate", row.date());
            }
            timeline(body.putArray("timeline"), row, impact);
            ArrayNode items = body.putArray("actionItems");
            for (String item : row.items()) {
                String[] parts = item.split("@");
                ObjectNode written = items.addObject().put("description", "Item of " + row.n()).put("status", parts[0])
                        .put("priority", "LOW");
                if (parts.length > 1) {
                    written.put("dueDate", parts[1]);
                }
            }
            Reply created = api.as(CAROL).post(BASE, json(body));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            if (row.resolve() != null) {
                resolvedAt.put(row.n(), impact.plus(Duration.ofMinutes(row.resolve())));
            }
            if (!row.status().equals("IN_REVIEW")) {
                Reply published = api.as(ADMIN).patch(path(created.id()), "{\"status\":\"PUBLISHED\"}");
                assertThat(published.status()).as(published.toString()).isEqualTo(200);
                publishedAt.put(row.n(), Instant.parse(published.json().get("publishedAt").asText()));
            }
            if (row.status().equals("ARCHIVED")) {
                Reply archived = api.as(ADMIN).patch(path(created.id()), "{\"status\":\"ARCHIVED\"}");
                assertThat(archived.status()).as(archived.toString()).isEqualTo(200);
            }
        }
        ObjectNode draft = specJson().put("title", "Alice's draft").put("incidentDate", "2025-01-05")
                .put("category", "deployment");
        draft.putArray("tags").add(tag).add("db");
        draft.putArray("servicesAffected").add("checkout");
        draft.putArray("actionItems").addObject().put("description", "Hers").put("status", "DONE")
                .put("priority", "LOW");
        assertThat(api.as(ALICE).post(BASE, json(draft)).status()).isEqualTo(201);
    }

    private static void timeline(ArrayNode timeline, Row row, Instant impact) {
        if (row.resolve() == null && row.detect() == null) {
            timeline.addObject().put("time", impact.toString()).put("description", "Something happened");
            return;
        }
        event(timeline, impact, "IMPACT_STARTED");
        if (row.detect() != null) {
            event(timeline, impact.plus(Duration.ofMinutes(row.detect())), "DETECTED");
            if (row.acknowledge() != null) {
                event(timeline, impact.plus(Duration.ofMinutes(row.detect() + row.acknowledge())), "ACKNOWLEDGED");
            }
        }
        if (row.mitigate() != null) {
            event(timeline, impact.plus(Duration.ofMinutes(row.mitigate())), "MITIGATED");
        }
        if (row.resolve() != null) {
            event(timeline, impact.plus(Duration.ofMinutes(row.resolve())), "RESOLVED");
        }
    }

    private static void event(ArrayNode timeline, Instant at, String keyMoment) {
        timeline.addObject().put("time", at.toString()).put("description", keyMoment.toLowerCase().replace('_', ' '))
                .put("keyMoment", keyMoment);
    }

    private JsonNode insights(ContractUsers user, String query) {
        Reply reply = api.as(user).get(INSIGHTS + "?tag=" + tag + "&from=2025-01-01&" + query);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    private static JsonNode group(JsonNode insights, String key) {
        for (JsonNode group : insights.get("groups")) {
            if (key == null ? group.get("key").isNull() : key.equals(group.get("key").asText(null))) {
                return group;
            }
        }
        throw new AssertionError("no group " + key + " in " + insights.get("groups"));
    }

    /** {@code count, in review, published, archived}, and draft 0. */
    private static void assertCounts(JsonNode group, int count, int inReview, int published, int archived) {
        assertThat(group.get("postMortems").asInt()).as(group.get("key") + " count").isEqualTo(count);
        assertThat(group.get("byStatus").toString()).as(group.get("key") + " by status").isEqualTo(
                "{\"DRAFT\":0,\"IN_REVIEW\":" + inReview + ",\"PUBLISHED\":" + published + ",\"ARCHIVED\":" + archived
                        + "}");
    }

    /** The median and p90 of detect, acknowledge, mitigate, resolve and impact, as ISO-8601 (null as "-"). */
    private static void assertDurations(JsonNode group, String... medianAndP90) {
        List<String> actual = new ArrayList<>();
        for (String figure : List.of("timeToDetect", "timeToAcknowledge", "timeToMitigate", "timeToResolve",
                "impactDuration")) {
            actual.add(group.get(figure).get("median").asText("-"));
            actual.add(group.get(figure).get("p90").asText("-"));
        }
        assertThat(actual).as(group.get("key") + " durations").containsExactly(medianAndP90);
    }

    private static void assertItems(JsonNode group, int created, int done, int overdue, String completionRate) {
        JsonNode items = group.get("actionItems");
        assertThat(List.of(items.get("created").asInt(), items.get("done").asInt(), items.get("overdue").asInt()))
                .as(group.get("key") + " items").containsExactly(created, done, overdue);
        assertThat(items.get("completionRate").isNull() ? "-" : String.format(Locale.ROOT, "%.4f",
                items.get("completionRate").asDouble())).as(group.get("key") + " completion").isEqualTo(completionRate);
    }

    @Test
    void theTotalOfTheRange() {
        JsonNode total = insights(DAVE, "groupBy=month").get("total");

        assertThat(total.get("key").isNull()).isTrue();
        assertCounts(total, 20, 10, 8, 2);
        assertDurations(total, "PT11M", "PT35M", "PT5M", "PT10M", "PT30M", "PT1H", "PT1H", "PT3H8M", "PT45M",
                "PT1H34M");
        assertItems(total, 15, 8, 4, "0.5333");
        assertThat(total.get("actionItems").get("medianTimeToDone").asText()).as("done as they were written")
                .isEqualTo("PT0S");
        // 17 resolved; of them #19 published 2 hours after its resolution, #20 three days after, the rest years after
        assertThat(total.get("publishedWithin24h").asDouble()).isEqualTo(1.0 / 17, offset(1e-9));
        assertThat(total.get("publishedWithin5Days").asDouble()).isEqualTo(2.0 / 17,
                offset(1e-9));
        List<Long> toPublish = new ArrayList<>();
        publishedAt.forEach((n, published) -> {
            if (resolvedAt.containsKey(n)) {
                toPublish.add(Duration.between(resolvedAt.get(n), published).getSeconds());
            }
        });
        toPublish.sort(null);
        assertThat(toPublish).hasSize(9);
        // of nine: the median is the fifth; the 90th percentile 0.2 of the way from the eighth to the ninth
        assertThat(Duration.parse(total.get("timeToPublish").get("median").asText()).getSeconds())
                .isEqualTo(toPublish.get(4));
        assertThat(Duration.parse(total.get("timeToPublish").get("p90").asText()).getSeconds())
                .isEqualTo(Math.round(toPublish.get(7) + 0.2 * (toPublish.get(8) - toPublish.get(7))));
    }

    @Test
    void byMonth() {
        JsonNode insights = insights(DAVE, "groupBy=month&to=2025-12-31");

        assertThat(insights.get("groupBy").asText()).isEqualTo("month");
        assertThat(insights.get("groups").findValuesAsText("key")).containsExactly("2025-01", "2025-02", "2025-03",
                "2025-06");
        JsonNode january = group(insights, "2025-01");
        assertCounts(january, 8, 4, 3, 1);
        assertDurations(january, "PT15M", "PT27M", "PT5M", "PT7M30S", "PT40M", "PT54M", "PT1H45M", "PT3H30M",
                "PT42M30S", "PT2H");
        assertItems(january, 8, 4, 2, "0.5000");
        JsonNode february = group(insights, "2025-02");
        assertCounts(february, 6, 3, 2, 1);
        assertDurations(february, "PT8M", "PT28M48S", "PT3M", "PT13M36S", "PT20M", "PT1H10M", "PT50M", "PT2H28M",
                "PT20M", "PT1H10M");
        assertItems(february, 5, 3, 1, "0.6000");
        JsonNode march = group(insights, "2025-03");
        assertCounts(march, 3, 2, 1, 0);
        assertDurations(march, "PT10M", "PT18M", "PT5M", "PT9M", "PT45M", "PT57M", "PT1H", "PT1H32M", "PT45M",
                "PT57M");
        assertItems(march, 2, 1, 1, "0.5000");
        JsonNode june = group(insights, "2025-06");
        assertCounts(june, 1, 1, 0, 0);
        assertDurations(june, "PT1H", "PT1H", "-", "-", "-", "-", "PT1H30M", "PT1H30M", "PT1H30M", "PT1H30M");
        assertItems(june, 0, 0, 0, "-");
        assertThat(june.get("publishedWithin24h").asDouble()).isZero();
        assertThat(insights.get("total").get("postMortems").asInt()).as("the range ends in 2025").isEqualTo(18);
    }

    @Test
    void byService() {
        JsonNode insights = insights(DAVE, "groupBy=service");

        assertThat(insights.get("groups").findValuesAsText("key")).as("by name, none last")
                .containsExactly("billing", "checkout", "payments", "search", "null");
        JsonNode checkout = group(insights, "checkout");
        assertCounts(checkout, 7, 2, 3, 2);
        assertDurations(checkout, "PT10M", "PT17M12S", "PT4M", "PT5M", "PT30M", "PT48M", "PT1H", "PT2H30M", "PT30M",
                "PT48M");
        assertItems(checkout, 7, 6, 1, "0.8571");
        JsonNode payments = group(insights, "payments");
        assertCounts(payments, 4, 3, 1, 0);
        assertDurations(payments, "PT12M30S", "PT34M", "PT7M30S", "PT17M", "PT55M", "PT1H31M", "PT1H52M30S",
                "PT3H14M", "PT1H12M30S", "PT2H36M");
        assertItems(payments, 4, 1, 2, "0.2500");
        JsonNode search = group(insights, "search");
        assertCounts(search, 5, 2, 2, 1);
        assertDurations(search, "PT20M", "PT28M", "PT5M", "PT8M30S", "PT52M30S", "PT1H", "PT1H50M", "PT3H24M",
                "PT52M30S", "PT1H");
        JsonNode none = group(insights, null);
        assertCounts(none, 4, 2, 2, 0);
        assertItems(none, 1, 0, 0, "0.0000");
    }

    @Test
    void byCategoryTemplateAndTag() {
        JsonNode byCategory = insights(DAVE, "groupBy=category");
        assertThat(byCategory.get("groups").findValuesAsText("key")).containsExactly("capacity", "configuration",
                "deployment", "security", "unknown", "null");
        assertCounts(group(byCategory, "capacity"), 4, 2, 2, 0);
        assertDurations(group(byCategory, "capacity"), "PT17M30S", "PT27M", "PT5M", "PT9M", "PT45M", "PT57M",
                "PT1H40M", "PT1H56M", "PT45M", "PT57M");
        assertItems(group(byCategory, "configuration"), 2, 0, 2, "0.0000");
        assertDurations(group(byCategory, "security"), "PT50M", "PT58M", "PT20M", "PT20M", "PT1H40M", "PT1H40M",
                "PT2H25M", "PT3H9M", "PT1H35M", "PT1H39M");
        assertDurations(group(byCategory, "unknown"), "-", "-", "-", "-", "-", "-", "-", "-", "-", "-");
        assertCounts(group(byCategory, null), 3, 1, 2, 0);

        JsonNode byTemplate = insights(DAVE, "groupBy=template");
        assertCounts(group(byTemplate, "api-downtime"), 5, 3, 2, 0);
        assertDurations(group(byTemplate, "api-downtime"), "PT10M", "PT26M", "PT5M", "PT8M30S", "PT30M", "PT30M",
                "PT1H", "PT2H24M", "PT30M", "PT2H15M");
        assertItems(group(byTemplate, "api-downtime"), 3, 1, 2, "0.3333");
        assertCounts(group(byTemplate, null), 15, 7, 6, 2);

        JsonNode byTag = insights(DAVE, "groupBy=tag");
        assertThat(byTag.get("groups").findValuesAsText("key")).containsExactly("cache", "db", tag);
        assertCounts(group(byTag, "db"), 3, 2, 1, 0);
        assertItems(group(byTag, "db"), 4, 1, 2, "0.2500");
        assertDurations(group(byTag, "cache"), "PT6M", "PT6M", "PT2M", "PT2M", "PT15M", "PT15M", "PT40M", "PT40M",
                "PT15M", "PT15M");
        assertCounts(group(byTag, tag), 20, 10, 8, 2);
    }

    @Test
    void recurrenceListsWhatCameBackWithinNinetyDays() {
        JsonNode recurrence = insights(DAVE, "groupBy=month").get("recurrence");

        List<String> found = new ArrayList<>();
        recurrence.forEach(r -> {
            found.add(r.get("kind").asText() + ":" + r.get("key").asText() + "=" + r.get("count").asInt());
            assertThat(r.get("postMortems").size()).isEqualTo(Math.min(20, r.get("count").asInt()));
        });
        // security (#12 in February, #18 in June: 130 days apart), unknown and billing (once) do not recur;
        // #18 is 102 days after #17, so this run's tag recurs without it
        assertThat(found).containsExactly("tag:" + tag + "=19", "category:deployment=7", "service:checkout=7",
                "service:search=5", "category:capacity=4", "service:payments=4", "category:configuration=3",
                "tag:db=3", "tag:cache=2");
        JsonNode cache = recurrence.get(8).get("postMortems");
        assertThat(cache.findValuesAsText("title")).as("newest first").containsExactly("Insight 13", "Insight 11");
        assertThat(cache.get(0).get("day").asText()).isEqualTo("2025-02-25");
        JsonNode tagged = recurrence.get(0).get("postMortems");
        assertThat(tagged.findValuesAsText("title")).as("all 19, the latest day first").startsWith("Insight 19", "Insight 20", "Insight 17")
                .hasSize(19);
        assertThat(cache.get(0).get("status").asText()).isEqualTo("IN_REVIEW");
    }

    @Test
    void aPostMortemMovedToAnotherDayTakesItsActionItemsAndLabelsAlong() {
        ObjectNode body = specJson().put("title", "Insight moved").put("status", "IN_REVIEW")
                .put("incidentDate", "2025-01-05");
        body.putArray("tags").add(tag);
        body.putArray("servicesAffected").add("billing");
        ArrayNode items = body.putArray("actionItems");
        items.addObject().put("description", "Moved along").put("status", "DONE").put("priority", "LOW");
        items.addObject().put("description", "Moved along too").put("status", "TODO").put("priority", "LOW");
        Reply created = api.as(CAROL).post(BASE, json(body));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertItems(inRange("from=2025-01-01&to=2025-01-31").get("total"), 10, 5, 2, "0.5000");

        Reply moved = api.as(CAROL).patch(path(created.id()), "{\"incidentDate\":\"2025-06-20\"}");
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);

        JsonNode january = inRange("from=2025-01-01&to=2025-01-31");
        assertThat(january.get("total").get("postMortems").asInt()).isEqualTo(8);
        assertItems(january.get("total"), 8, 4, 2, "0.5000");
        JsonNode summer = inRange("from=2025-06-01&to=2025-07-31");
        assertCounts(group(summer, "billing"), 2, 2, 0, 0);
        assertItems(group(summer, "billing"), 2, 1, 0, "0.5000");
        List<String> recurring = new ArrayList<>();
        summer.get("recurrence").forEach(r -> recurring.add(r.get("kind").asText() + ":" + r.get("key").asText() + "="
                + String.join(",", r.get("postMortems").findValuesAsText("title"))));
        assertThat(recurring).contains("service:billing=Insight 18,Insight moved");
    }

    private JsonNode inRange(String range) {
        Reply reply = api.as(DAVE).get(INSIGHTS + "?tag=" + tag + "&groupBy=service&" + range);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply.json();
    }

    @Test
    void aLabelThatRecursMoreThanTheListHoldsListsItsLatestTwenty() {
        for (int n = 0; n < 22; n++) {
            ObjectNode body = specJson().put("title", "Busy " + n).put("status", "IN_REVIEW")
                    .put("incidentDate", n < 12 ? "2025-04-01" : "2025-04-02");
            body.putArray("tags").add(tag);
            body.putArray("servicesAffected").add("busy");
            assertThat(api.as(CAROL).post(BASE, json(body)).status()).isEqualTo(201);
        }

        JsonNode busy = null;
        for (JsonNode recurrence : insights(DAVE, "groupBy=month").get("recurrence")) {
            if (recurrence.get("key").asText().equals("busy")) {
                busy = recurrence;
            }
        }
        assertThat(busy).as("service busy recurs").isNotNull();
        assertThat(busy.get("count").asInt()).isEqualTo(22);
        List<String> days = new ArrayList<>(Collections.nCopies(10, "2025-04-02"));
        days.addAll(Collections.nCopies(10, "2025-04-01"));
        assertThat(busy.get("postMortems").findValuesAsText("day")).as("the second day's ten, then ten of the first's twelve")
                .containsExactlyElementsOf(days);
    }

    @Test
    void anotherUsersDraftCountsInNoFigure() {
        JsonNode asDave = insights(DAVE, "groupBy=service");
        JsonNode asAlice = insights(ALICE, "groupBy=service");

        assertThat(asDave.get("total").get("postMortems").asInt()).isEqualTo(20);
        assertThat(asDave.get("total").get("byStatus").get("DRAFT").asInt()).isZero();
        assertThat(group(asDave, "checkout").get("actionItems").get("created").asInt()).isEqualTo(7);
        assertThat(asDave.toString()).doesNotContain("Alice's draft");
        assertThat(asAlice.get("total").get("postMortems").asInt()).isEqualTo(21);
        assertThat(asAlice.get("total").get("byStatus").get("DRAFT").asInt()).isEqualTo(1);
        assertThat(group(asAlice, "checkout").get("actionItems").get("created").asInt()).isEqualTo(8);
        assertThat(insights(ADMIN, "groupBy=month").get("total").get("postMortems").asInt()).isEqualTo(21);
    }

    @Test
    void unfilteredRecurrencesFollowEveryWriteAndShowOnlyWhatTheViewerMaySee() {
        String service = "svc-" + tag;
        String first = labelled(CAROL, "Came back 1", "IN_REVIEW", "2025-05-01", service);
        String second = labelled(CAROL, "Came back 2", "IN_REVIEW", "2025-05-20", service);
        String draft = labelled(ALICE, "Came back as a draft", null, "2025-05-10", service);
        assertThat(recurrenceOf(DAVE, service)).containsExactly("Came back 2", "Came back 1");
        assertThat(recurrenceOf(ALICE, service)).containsExactly("Came back 2", "Came back as a draft", "Came back 1");
        assertThat(recurrenceOf(ADMIN, service)).hasSize(3);

        patch(CAROL, second, "{\"servicesAffected\":[\"other-" + tag + "\"]}");
        assertThat(recurrenceOf(DAVE, service)).as("one left: no recurrence").isEmpty();
        assertThat(recurrenceOf(ALICE, service)).containsExactly("Came back as a draft", "Came back 1");

        patch(CAROL, first, "{\"incidentDate\":\"2025-09-30\"}");
        assertThat(recurrenceOf(ALICE, service)).as("143 days apart").isEmpty();

        patch(CAROL, first, "{\"incidentDate\":\"2025-05-01\"}");
        patch(ALICE, draft, "{\"status\":\"IN_REVIEW\"}");
        assertThat(recurrenceOf(DAVE, service)).as("submitted, so shared").containsExactly("Came back as a draft",
                "Came back 1");

        assertThat(api.as(ALICE).delete(path(draft)).status()).isEqualTo(204);
        assertThat(recurrenceOf(DAVE, service)).isEmpty();
        assertThat(recurrenceOf(ADMIN, service)).isEmpty();
    }

    /** A post-mortem of {@code service} on {@code day}; a draft when {@code status} is null. */
    private String labelled(ContractUsers author, String title, String status, String day, String service) {
        ObjectNode body = specJson().put("title", title).put("incidentDate", day);
        if (status != null) {
            body.put("status", status);
        }
        body.putArray("servicesAffected").add(service);
        Reply created = api.as(author).post(BASE, json(body));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.id();
    }

    private void patch(ContractUsers user, String id, String change) {
        Reply changed = api.as(user).patch(path(id), change);
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
    }

    /** The titles the viewer's unfiltered insights of 2025 list for the service's recurrence, none when it does not recur. */
    private List<String> recurrenceOf(ContractUsers user, String service) {
        Reply reply = api.as(user).get(INSIGHTS + "?from=2025-01-01&to=2025-12-31");
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        for (JsonNode recurrence : reply.json().get("recurrence")) {
            if (recurrence.get("kind").asText().equals("service") && recurrence.get("key").asText().equals(service)) {
                assertThat(recurrence.get("count").asInt()).isEqualTo(recurrence.get("postMortems").size());
                return recurrence.get("postMortems").findValuesAsText("title");
            }
        }
        return List.of();
    }

    @Test
    void badParametersAreRefusedNamingThem() {
        assertThat(api.as(DAVE).get(INSIGHTS + "?groupBy=week").errorFields()).containsExactly("groupBy");
        assertThat(api.as(DAVE).get(INSIGHTS + "?from=2025-02-01&to=2025-01-01").errorFields()).containsExactly("to");
        assertThat(api.as(DAVE).get(INSIGHTS + "?from=2001-01-01&to=2025-01-01").errorFields()).containsExactly("to");
        assertThat(api.as(DAVE).get(INSIGHTS + "?from=yesterday").errorFields()).containsExactly("from");
        assertThat(api.as(DAVE).get(INSIGHTS + "?limit=5").errorFields()).containsExactly("limit");
        assertProblem(api.as(DAVE).get(INSIGHTS + "?groupBy=week"), 400);
    }
}

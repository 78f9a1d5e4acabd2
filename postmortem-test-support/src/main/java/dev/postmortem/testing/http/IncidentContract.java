package dev.postmortem.testing.http;

import static dev.postmortem.testing.http.ContractUsers.ADMIN;
import static dev.postmortem.testing.http.ContractUsers.CAROL;
import static dev.postmortem.testing.http.ContractUsers.DAVE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.postmortem.testing.http.ContractClient.Reply;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Incidents and key moments: the host's catalog (searched, read with its post-mortems, checked and
 * used to pre-fill on create), key moments and the durations they imply (across midnight, in a
 * zone that is not UTC), the impact and root cause details, and templates that guide without
 * writing. The host serves {@link ContractIncidents} as its incident catalog.
 */
abstract class IncidentContract extends ContractTopic {

    static final String INCIDENTS = "/api/postmortem-incidents";

    IncidentContract(ContractClient api) {
        super(api);
    }

    @Test
    void aPostMortemForACatalogIncidentIsPreFilledFromIt() {
        Reply created = api.as(CAROL).post(BASE, "{\"incidentId\":\"" + ContractIncidents.CHECKOUT.id() + "\"}");

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode pm = api.as(CAROL).get(path(created.id())).json();
        assertThat(pm.get("title").asText()).isEqualTo(ContractIncidents.CHECKOUT.title());
        assertThat(texts(pm.get("servicesAffected"))).containsExactly("checkout-api", "orders-db");
        assertThat(pm.get("incidentDate").asText()).isEqualTo("2025-01-15");
        assertThat(pm.get("timeZone").asText()).isEqualTo("UTC");
        assertThat(events(pm)).containsExactly("23:50 IMPACT_STARTED", "23:58 DETECTED",
                "2025-01-16T00:01 ACKNOWLEDGED", "2025-01-16T00:10 MITIGATED", "2025-01-16T00:35 RESOLVED");
        assertDurations(pm, "PT8M", "PT3M", "PT20M", "PT45M", "PT20M");
    }

    @Test
    void theCatalogIsSearchedAndAnIncidentListsThePostMortemsTheCallerMaySee() {
        String draft = api.as(CAROL).post(BASE, "{\"incidentId\":\"" + ContractIncidents.CHECKOUT.id() + "\"}").id();
        String inReview = createSpec(CAROL, body -> body.put("incidentId", ContractIncidents.CHECKOUT.id())
                .put("status", "IN_REVIEW")).id();

        JsonNode found = api.as(DAVE).get(INCIDENTS + "?q=CHECKOUT+pool&limit=5").json().get("items");
        assertThat(found).hasSize(1);
        JsonNode incident = found.get(0);
        assertThat(incident.get("id").asText()).isEqualTo(ContractIncidents.CHECKOUT.id());
        assertThat(incident.get("severity").asText()).isEqualTo("SEV1");
        assertThat(incident.get("url").asText()).isEqualTo(ContractIncidents.CHECKOUT.url());
        assertThat(incident.get("startedAt").asText()).isEqualTo("2025-01-15T23:50:00Z");
        assertThat(api.as(DAVE).get(INCIDENTS + "?limit=2").json().get("items")).hasSize(2);

        Reply one = api.as(DAVE).get(INCIDENTS + "/" + ContractIncidents.CHECKOUT.id());
        assertThat(one.status()).as(one.toString()).isEqualTo(200);
        List<String> seenByDave = ids(one.json().get("postMortems"));
        assertThat(seenByDave).contains(inReview).doesNotContain(draft);
        assertThat(ids(api.as(CAROL).get(INCIDENTS + "/" + ContractIncidents.CHECKOUT.id()).json()
                .get("postMortems"))).contains(inReview, draft);
        assertThat(api.as(ADMIN).get(INCIDENTS + "/" + ContractIncidents.BARE.id()).json().get("services"))
                .isEmpty();
        assertProblem(api.as(DAVE).get(INCIDENTS + "/" + ContractIncidents.unknown()), 404);
        assertProblem(api.as(DAVE).get(INCIDENTS + "?limit=0"), 400);
        assertProblem(api.as(DAVE).get(INCIDENTS + "?limit=101"), 400);
        assertProblem(api.as(DAVE).get(INCIDENTS + "?sort=title"), 400);
        assertProblem(api.anonymous().get(INCIDENTS), 401);
    }

    @Test
    void anIncidentTheCatalogDoesNotHoldIsRefusedAndNothingIsStored() {
        String unknown = ContractIncidents.unknown();
        Reply refused = api.as(CAROL).post(BASE, json(specJson().put("incidentId", unknown)));

        assertProblem(refused, 400);
        assertThat(fields(refused)).containsExactly("incidentId");
        assertThat(api.as(ADMIN).get(BASE + "?incidentId=" + unknown).json().get("items")).isEmpty();
    }

    @Test
    void keyMomentsAcrossMidnightInTheAuthorsZoneGiveEveryDuration() {
        ObjectNode body = specJson().put("incidentId", ContractIncidents.fresh()).put("incidentDate", "2025-03-29")
                .put("timeZone", "Europe/Berlin");
        ArrayNode timeline = body.putArray("timeline");
        event(timeline, "2025-03-30T00:20", "Rolled back; errors stop", "MITIGATED");
        event(timeline, "23:40", "Errors start after the release", "IMPACT_STARTED");
        event(timeline, "23:52", "Error-rate alert fires", "DETECTED");
        event(timeline, "23:55", "On-call acknowledges", "ACKNOWLEDGED");
        // 02:00 does not exist that night in Berlin: clocks go to 03:00, and the zone's rules count it
        event(timeline, "2025-03-30T03:10", "Verified healthy", "RESOLVED");
        Reply created = api.as(CAROL).post(BASE, json(body));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode pm = api.as(CAROL).get(path(created.id())).json();
        assertThat(events(pm)).containsExactly("23:40 IMPACT_STARTED", "23:52 DETECTED", "23:55 ACKNOWLEDGED",
                "2025-03-30T00:20 MITIGATED", "2025-03-30T03:10 RESOLVED");
        assertDurations(pm, "PT12M", "PT3M", "PT40M", "PT2H30M", "PT40M");
        assertThat(created.json().get("durations")).isEqualTo(pm.get("durations"));

        JsonNode listed = api.as(CAROL).get(path(created.id()) + "/timeline").json().get("items");
        assertThat(listed.get(0).get("keyMoment").asText()).isEqualTo("IMPACT_STARTED");
        String markdown = api.as(CAROL).get(path(created.id()) + "/export").body();
        assertThat(markdown).contains("**Date:** 2025-03-29 (Europe/Berlin)")
                .contains("- 23:40 - Errors start after the release _(impact started)_")
                .contains("**Time to detect:** 12 minutes · **Time to acknowledge:** 3 minutes"
                        + " · **Time to mitigate:** 40 minutes · **Time to resolve:** 2 hours 30 minutes");
    }

    @Test
    void keyMomentsOutOfOrderOrTwiceAreRefusedNamingTheEvent() {
        String id = createSpec(CAROL, body -> body.put("incidentId", ContractIncidents.fresh())).id();
        String etag = api.as(CAROL).get(path(id)).header("ETag");

        Reply detectedFirst = api.as(CAROL).patch(path(id), "{\"timeline\":[{\"time\":\"10:00\",\"description\":\"a\","
                + "\"keyMoment\":\"DETECTED\"},{\"time\":\"10:05\",\"description\":\"b\",\"keyMoment\":\"IMPACT_STARTED\"}]}",
                "If-Match", etag);
        assertProblem(detectedFirst, 400);
        assertThat(fields(detectedFirst)).containsExactly("timeline[0].keyMoment");
        assertThat(detectedFirst.json().get("errors").get(0).get("message").asText())
                .contains("DETECTED at 10:00", "before IMPACT_STARTED");

        Reply twice = api.as(CAROL).patch(path(id), "{\"timeline\":[{\"time\":\"10:00\",\"description\":\"a\","
                + "\"keyMoment\":\"DETECTED\"},{\"time\":\"10:05\",\"description\":\"b\",\"keyMoment\":\"DETECTED\"}]}",
                "If-Match", etag);
        assertProblem(twice, 400);
        assertThat(fields(twice)).containsExactly("timeline[1].keyMoment");

        api.as(CAROL).post(path(id) + "/timeline", "{\"time\":\"14:40\",\"description\":\"Fixed\","
                + "\"keyMoment\":\"RESOLVED\"}");
        Reply before = api.as(CAROL).post(path(id) + "/timeline", "{\"time\":\"14:45\",\"description\":\"late\","
                + "\"keyMoment\":\"IMPACT_STARTED\"}");
        assertProblem(before, 400);
        assertThat(api.as(CAROL).post(path(id) + "/timeline", "{\"time\":\"14:41\",\"description\":\"x\","
                + "\"keyMoment\":\"SOLVED\"}").status()).isEqualTo(400);
        assertProblem(api.as(CAROL).patch(path(id), "{\"durations\":{}}"), 400);
        JsonNode stored = api.as(CAROL).get(path(id)).json();
        assertThat(events(stored)).filteredOn(event -> !event.endsWith("null")).containsExactly("14:40 RESOLVED");
    }

    @Test
    void impactAndRootCauseDetailsRoundTripAndExportLikeTheSpec() {
        ObjectNode body = specJson().put("incidentId", ContractIncidents.fresh()).put("usersAffected", 1200)
                .put("usersAffectedPercent", 12.5).put("businessImpact", "About 300 orders lost.")
                .put("whyNotCaughtEarlier", "No alert on pool usage.");
        body.putArray("servicesAffected").add("checkout-api").add("orders-db");
        body.putArray("contributingFactors").add("Pool sized for half the load").add("Retries doubled the load");
        body.putArray("lessonsLearned").add("Alert on saturation, not on failure");
        ((ObjectNode) body.get("timeline").get(0)).put("keyMoment", "DETECTED");
        Reply created = api.as(CAROL).post(BASE, json(body));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.id();

        JsonNode read = api.as(CAROL).get(path(id)).json();
        assertThat(read.get("usersAffected").asLong()).isEqualTo(1200);
        assertThat(read.get("usersAffectedPercent").asDouble()).isEqualTo(12.5);
        assertThat(texts(read.get("servicesAffected"))).containsExactly("checkout-api", "orders-db");
        assertThat(read.get("businessImpact").asText()).isEqualTo("About 300 orders lost.");
        assertThat(texts(read.get("contributingFactors"))).containsExactly("Pool sized for half the load",
                "Retries doubled the load");
        assertThat(read.get("whyNotCaughtEarlier").asText()).isEqualTo("No alert on pool usage.");
        assertThat(texts(read.get("lessonsLearned"))).containsExactly("Alert on saturation, not on failure");
        assertThat(read.get("timeline").get(0).get("keyMoment").asText()).isEqualTo("DETECTED");
        assertThat(api.as(CAROL).get(BASE + "?incidentId=" + body.get("incidentId").asText()).json().get("items"))
                .extracting(item -> item.get("id").asText()).containsExactly(id);

        String markdown = api.as(CAROL).get(path(id) + "/export").body();
        assertThat(markdown).contains("- 1,200 users affected (12.5%)\n- Services affected: checkout-api, orders-db\n"
                        + "- Business impact: About 300 orders lost.\n")
                .contains("### Contributing Factors\n\n- Pool sized for half the load\n- Retries doubled the load\n")
                .contains("### Why It Was Not Caught Earlier\n\nNo alert on pool usage.\n")
                .contains("### Lessons Learned\n\n- Alert on saturation, not on failure\n");

        Reply patched = api.as(CAROL).patch(path(id), "{\"usersAffected\":null,\"servicesAffected\":[],"
                + "\"businessImpact\":\"\",\"lessonsLearned\":[\"Load-test the pool\"]}", "If-Match",
                api.as(CAROL).get(path(id)).header("ETag"));
        assertThat(patched.status()).as(patched.toString()).isEqualTo(200);
        JsonNode after = api.as(CAROL).get(path(id)).json();
        assertThat(after).isEqualTo(patched.json());
        assertThat(after.get("usersAffected").isNull()).isTrue();
        assertThat(after.get("usersAffectedPercent").asDouble()).isEqualTo(12.5);
        assertThat(after.get("servicesAffected")).isEmpty();
        assertThat(after.get("businessImpact").isNull()).isTrue();
        assertThat(texts(after.get("lessonsLearned"))).containsExactly("Load-test the pool");
        assertThat(texts(after.get("contributingFactors"))).hasSize(2);
    }

    @Test
    void badDetailsAreRefusedByName() {
        String id = createSpec(CAROL, body -> body.put("incidentId", ContractIncidents.fresh())).id();
        String before = api.as(CAROL).get(path(id)).body();

        for (String[] bad : new String[][] {
            {"{\"usersAffected\":-1}", "usersAffected"}, {"{\"usersAffected\":1.5}", "usersAffected"},
            {"{\"usersAffected\":\"1200\"}", "usersAffected"}, {"{\"usersAffectedPercent\":100.5}", "usersAffectedPercent"},
            {"{\"timeZone\":\"Mars/Olympus\"}", "timeZone"}, {"{\"timeZone\":\"+02:00\"}", "timeZone"},
            {"{\"incidentDate\":\"2025-02-30\"}", "incidentDate"}, {"{\"servicesAffected\":[\" \"]}", "servicesAffected[0]"},
            {"{\"contributingFactors\":[1]}", "contributingFactors[0]"}}) {
            Reply refused = api.as(CAROL).patch(path(id), bad[0]);
            assertProblem(refused, 400);
            assertThat(fields(refused)).as(bad[0]).containsExactly(bad[1]);
        }
        assertThat(api.as(CAROL).get(path(id)).body()).isEqualTo(before);
    }

    @Test
    void templatesGuideWithHintsAndNeverWriteThem() {
        JsonNode template = api.as(DAVE).get("/api/postmortem-templates/api-downtime").json();
        assertThat(template.get("hints").get("rootCause").asText()).contains("deployment");
        assertThat(template.get("timeline")).allSatisfy(event -> assertThat(event.has("time")).isFalse())
                .anySatisfy(event -> assertThat(event.get("keyMoment").asText()).isEqualTo("RESOLVED"));

        Reply created = api.as(CAROL).post(BASE, "{\"templateId\":\"api-downtime\",\"incidentId\":\""
                + ContractIncidents.fresh() + "\",\"summary\":\"\",\"actionItems\":[]}");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode pm = api.as(CAROL).get(path(created.id())).json();
        assertThat(pm.get("summary").asText()).isEmpty();
        assertThat(pm.get("impact").isNull()).isTrue();
        assertThat(pm.get("rootCause").isNull()).isTrue();
        assertThat(pm.get("timeline")).isEmpty();
        assertThat(pm.get("actionItems")).as("an emptied list stays empty").isEmpty();
        template.get("hints").forEach(hint -> {
            if (hint.isTextual()) {
                assertThat(pm.toString()).doesNotContain(hint.textValue());
            }
        });

        Reply untitled = api.as(CAROL).post(BASE, "{\"templateId\":\"database-outage\",\"incidentId\":\""
                + ContractIncidents.BARE.id() + "\"}");
        assertThat(untitled.json().get("title").asText()).startsWith("Database outage - " + ContractIncidents.BARE.id()
                + " - ").doesNotContain(" -  - ");
    }

    private static void event(ArrayNode timeline, String time, String description, String keyMoment) {
        ObjectNode event = timeline.addObject().put("time", time).put("description", description);
        event.put("keyMoment", keyMoment);
    }

    private static List<String> events(JsonNode pm) {
        List<String> events = new ArrayList<>();
        pm.get("timeline").forEach(event -> events.add(event.get("time").asText() + " "
                + (event.get("keyMoment").isNull() ? "null" : event.get("keyMoment").asText())));
        return events;
    }

    private static void assertDurations(JsonNode pm, String detect, String acknowledge, String mitigate,
                                        String resolve, String impact) {
        JsonNode durations = pm.get("durations");
        assertThat(List.of(durations.get("timeToDetect").asText(), durations.get("timeToAcknowledge").asText(),
                durations.get("timeToMitigate").asText(), durations.get("timeToResolve").asText(),
                durations.get("impactDuration").asText())).containsExactly(detect, acknowledge, mitigate, resolve, impact);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(element.asText()));
        return texts;
    }

    private static List<String> ids(JsonNode summaries) {
        List<String> ids = new ArrayList<>();
        summaries.forEach(summary -> ids.add(summary.get("id").asText()));
        return ids;
    }

    private static List<String> fields(Reply problem) {
        List<String> fields = new ArrayList<>();
        problem.json().path("errors").forEach(error -> fields.add(error.get("field").asText()));
        return fields;
    }
}

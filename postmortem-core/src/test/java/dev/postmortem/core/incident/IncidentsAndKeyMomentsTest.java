package dev.postmortem.core.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postmortem.core.access.Actor;
import dev.postmortem.core.model.Durations;
import dev.postmortem.core.model.FieldError;
import dev.postmortem.core.model.InvalidInputException;
import dev.postmortem.core.model.KeyMoment;
import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.model.PostMortemInput;
import dev.postmortem.core.model.TimelineEvent;
import dev.postmortem.core.model.TimelineEventInput;
import dev.postmortem.core.postmortem.ExpectedVersion;
import dev.postmortem.core.postmortem.PostMortemService;
import dev.postmortem.testing.InMemoryIncidentCatalog;
import dev.postmortem.testing.InMemoryPostMortemRepository;
import dev.postmortem.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentsAndKeyMomentsTest {

    private static final Actor CAROL = Actor.user("carol@example.com", "acme");
    private static final Actor OTHER_TENANT = Actor.user("olga@example.com", "globex");

    private static final Incident CHECKOUT = new Incident("INC-101", "Checkout returns 503", "SEV1", "resolved",
            "https://incidents.example.com/INC-101", Instant.parse("2025-01-15T22:50:00Z"),
            Instant.parse("2025-01-15T22:58:00Z"), Instant.parse("2025-01-15T23:01:00Z"),
            Instant.parse("2025-01-15T23:20:00Z"), Instant.parse("2025-01-15T23:45:00Z"),
            List.of("checkout", "payments"));

    private final InMemoryIncidentCatalog catalog = new InMemoryIncidentCatalog().add("acme", CHECKOUT)
            .add("acme", Incident.of("INC-102", "Search slow"));
    private final PostMortemService service = PostMortemService.builder(new InMemoryPostMortemRepository())
            .clock(new MutableClock(Instant.parse("2025-01-17T09:00:00Z"))).incidents(catalog).build();

    @Test
    void aPostMortemForACatalogIncidentStartsFromIt() {
        PostMortem pm = service.create(CAROL, PostMortemInput.builder().incidentId("INC-101")
                .timeZone("Europe/Berlin").build());

        assertThat(pm.content().title()).isEqualTo("Checkout returns 503");
        assertThat(pm.content().impactDetails().servicesAffected()).containsExactly("checkout", "payments");
        assertThat(pm.content().incidentDate()).isEqualTo(LocalDate.parse("2025-01-15"));
        assertThat(pm.content().timeline()).extracting(event -> event.time().text(), TimelineEvent::keyMoment)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("23:50", KeyMoment.IMPACT_STARTED),
                        org.assertj.core.groups.Tuple.tuple("23:58", KeyMoment.DETECTED),
                        org.assertj.core.groups.Tuple.tuple("2025-01-16T00:01", KeyMoment.ACKNOWLEDGED),
                        org.assertj.core.groups.Tuple.tuple("2025-01-16T00:20", KeyMoment.MITIGATED),
                        org.assertj.core.groups.Tuple.tuple("2025-01-16T00:45", KeyMoment.RESOLVED));
        assertThat(pm.content().durations()).isEqualTo(new Durations(Duration.ofMinutes(8), Duration.ofMinutes(3),
                Duration.ofMinutes(30), Duration.ofMinutes(55), Duration.ofMinutes(30)));
    }

    @Test
    void whatTheAuthorWroteWinsOverTheIncident() {
        PostMortem pm = service.create(CAROL, PostMortemInput.builder().incidentId("INC-101").title("Ours")
                .servicesAffected(List.of()).timeline(List.of()).build());

        assertThat(pm.content().title()).isEqualTo("Ours");
        assertThat(pm.content().impactDetails().servicesAffected()).isEmpty();
        assertThat(pm.content().timeline()).isEmpty();
    }

    @Test
    void anIncidentTheCatalogDoesNotShowTheCallerIsRefused() {
        assertThatThrownBy(() -> service.create(OTHER_TENANT, PostMortemInput.builder().incidentId("INC-101")
                .build())).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("incidentId"));
    }

    @Test
    void anIncidentListsThePostMortemsTheCallerMaySee() {
        PostMortem pm = service.create(CAROL, PostMortemInput.builder().incidentId("INC-101").build());
        Actor colleague = Actor.user("dave@example.com", "acme");

        assertThat(service.incident(CAROL, "INC-101")).get()
                .satisfies(found -> assertThat(found.postMortems()).extracting("id").containsExactly(pm.id()));
        assertThat(service.incident(colleague, "INC-101")).get()
                .satisfies(found -> assertThat(found.postMortems()).as("a draft of someone else").isEmpty());
        assertThat(service.incident(OTHER_TENANT, "INC-101")).isEmpty();
        assertThat(service.searchIncidents(CAROL, "checkout", 10)).containsExactly(CHECKOUT);
        assertThat(service.searchIncidents(CAROL, "", 10)).extracting(Incident::id)
                .containsExactly("INC-101", "INC-102");
    }

    @Test
    void withoutACatalogTheIncidentIdIsFreeText() {
        PostMortemService plain = PostMortemService.builder(new InMemoryPostMortemRepository()).build();
        PostMortem pm = plain.create(CAROL, PostMortemInput.builder().incidentId("anything").title("t").build());

        assertThat(pm.content().incidentId()).isEqualTo("anything");
        assertThat(plain.searchIncidents(CAROL, "any", null)).isEmpty();
        assertThat(plain.incident(CAROL, "anything")).isEmpty();
    }

    @Test
    void aNightSpanningTimelineIsOrderedAndMeasuredOnItsDate() {
        PostMortem pm = service.create(CAROL, PostMortemInput.builder().incidentId("INC-102").title("t")
                .incidentDate(LocalDate.parse("2025-01-15"))
                .timeline(List.of(TimelineEventInput.of("2025-01-16T00:10", "Fixed", KeyMoment.RESOLVED),
                        TimelineEventInput.of("23:50", "Errors start", KeyMoment.IMPACT_STARTED)))
                .build());

        assertThat(pm.content().timeline()).extracting(TimelineEvent::description)
                .containsExactly("Errors start", "Fixed");
        assertThat(pm.content().durations().timeToResolve()).isEqualTo(Duration.ofMinutes(20));
        assertThat(pm.content().durations().impactDuration()).as("resolved stands in for mitigated")
                .isEqualTo(Duration.ofMinutes(20));
        assertThat(pm.content().durations().timeToDetect()).isNull();
    }

    @Test
    void keyMomentsOutOfOrderAreRefusedNamingTheEvent() {
        PostMortem pm = service.create(CAROL, PostMortemInput.builder().incidentId("INC-102").title("t")
                .timeline(List.of(TimelineEventInput.of("23:50", "Errors start", KeyMoment.IMPACT_STARTED)))
                .build());

        assertThatThrownBy(() -> service.addTimelineEvent(CAROL, pm.id(),
                TimelineEventInput.of("00:10", "Fixed", KeyMoment.RESOLVED), ExpectedVersion.any()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .singleElement().satisfies(error -> {
                            assertThat(error.field()).isEqualTo("timeline[1].keyMoment");
                            assertThat(error.message()).contains("RESOLVED at 00:10", "before IMPACT_STARTED");
                        }));
        assertThatThrownBy(() -> service.update(CAROL, pm.id(), PostMortemInput.builder().timeline(List.of(
                TimelineEventInput.of("10:00", "a", KeyMoment.DETECTED),
                TimelineEventInput.of("10:05", "b", KeyMoment.DETECTED))).build(), ExpectedVersion.of(1)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field).containsExactly("timeline[1].keyMoment"));
    }

    @Test
    void removingTheDateThatPlacesTimesOfDayBesideDatedTimesIsRefused() {
        PostMortem pm = service.create(CAROL, PostMortemInput.builder().incidentId("INC-102").title("t")
                .incidentDate(LocalDate.parse("2025-01-15"))
                .timeline(List.of(TimelineEventInput.of("23:50", "Errors start"),
                        TimelineEventInput.of("2025-01-16T00:10", "Fixed"))).build());

        assertThatThrownBy(() -> service.update(CAROL, pm.id(), PostMortemInput.builder().incidentDate(null).build(),
                ExpectedVersion.of(1))).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("timeline[1].time"));
    }
}

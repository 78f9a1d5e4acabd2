package dev.postmortem.core.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postmortem.core.access.Actor;
import dev.postmortem.core.model.ActionItem;
import dev.postmortem.core.model.ActionItemInput;
import dev.postmortem.core.model.ActionItemStatus;
import dev.postmortem.core.model.ImpactDetails;
import dev.postmortem.core.model.KeyMoment;
import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.model.Priority;
import dev.postmortem.core.model.RootCauseDetails;
import dev.postmortem.core.model.TimelineEvent;
import dev.postmortem.core.model.TimelineTime;
import dev.postmortem.core.postmortem.ExpectedVersion;
import dev.postmortem.core.postmortem.PostMortemService;
import dev.postmortem.testing.PostMortems;
import dev.postmortem.core.testing.ServiceFixture;
import dev.postmortem.testing.SpecExample;
import dev.postmortem.core.workflow.PostMortemStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MarkdownExporterTest {

    private static final Actor CAROL = Actor.user("carol@example.com", "acme");

    @Test
    void theSpecsExampleExportsExactlyAsTheGoldenFile() throws IOException {
        ServiceFixture fixture = new ServiceFixture(false);
        PostMortemService service = fixture.service;
        PostMortem pm = service.create(CAROL, SpecExample.command());
        service.transition(CAROL, pm.id(), PostMortemStatus.PUBLISHED, ExpectedVersion.any());
        service.editActionItem(CAROL, pm.id(), pm.content().actionItems().get(1).id(),
                ActionItemInput.none()
                        .status(ActionItemStatus.DONE), ExpectedVersion.any());

        assertThat(service.exportMarkdown(CAROL, pm.id())).isEqualTo(golden("spec-example.md"));
    }

    @Test
    void emptySectionsSaySoInsteadOfDisappearing() {
        PostMortem pm = PostMortems.postMortem().impact(null).rootCause(null).impactDetails(ImpactDetails.NONE)
                .rootCauseDetails(RootCauseDetails.NONE).timeline(List.of()).actionItems(List.of()).build();

        String markdown = new MarkdownExporter().export(pm);

        assertThat(markdown).contains("## Impact\n\n_Not written yet._\n\n## Root Cause\n\n_Not written yet._")
                .contains("## Timeline\n\n_No events recorded._\n\n## Action Items\n\n_No action items._\n");
    }

    @Test
    void impactReadsLikeTheSpecsExampleAndRootCauseGainsItsSubSections() {
        PostMortem pm = PostMortems.postMortem().impact("Checkout failed.").timeline(List.of(
                        event("23:50", "Errors start", KeyMoment.IMPACT_STARTED),
                        event("23:58", "Alert fires", KeyMoment.DETECTED),
                        event("2024-01-16T00:05", "Rolled back", KeyMoment.MITIGATED)))
                .build();

        String markdown = new MarkdownExporter().export(pm);

        assertThat(markdown).contains("**Incident:** INC-1 · **Date:** 2024-01-15 (Europe/Berlin) · **Status:** DRAFT")
                .contains("## Impact\n\nCheckout failed.\n\n- 1,200 users affected (12.5%)\n- Duration: 15 minutes\n"
                        + "- Services affected: checkout, payments\n- Business impact: About 300 orders lost.\n\n")
                .contains("## Root Cause\n\nConnection pool exhausted.\n\n### Contributing Factors\n\n"
                        + "- Pool sized for half the load\n\n### Why It Was Not Caught Earlier\n\n"
                        + "No alert on pool usage.\n\n### Lessons Learned\n\n- Alert on saturation, not on failure\n\n")
                .contains("- 23:50 - Errors start _(impact started)_\n")
                .contains("- 2024-01-16T00:05 - Rolled back _(mitigated)_\n")
                .contains("**Time to detect:** 8 minutes · **Time to mitigate:** 15 minutes\n");
    }

    @Test
    void theHtmlExportShowsActionItemsAsBoxesNotBrackets() {
        PostMortem pm = PostMortems.postMortem().actionItems(List.of(
                new ActionItem(UUID.randomUUID(), "[ ] looks like a box", null, ActionItemStatus.TODO, Priority.HIGH,
                        null),
                new ActionItem(UUID.randomUUID(), "Done one", null, ActionItemStatus.DONE, Priority.LOW, null)))
                .build();

        String html = new HtmlExporter(new MarkdownExporter()).export(pm);

        assertThat(html).contains("<li>\u2610 [ ] looks like a box (HIGH)</li>").contains("<li>\u2611 Done one (LOW)</li>")
                .doesNotContain("<li>[ ]").doesNotContain("<li>[x]");
    }

    private static TimelineEvent event(String time, String description, KeyMoment moment) {
        return new TimelineEvent(UUID.randomUUID(), TimelineTime.parse(time), description, moment);
    }

    static String golden(String name) throws IOException {
        try (InputStream in = MarkdownExporterTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

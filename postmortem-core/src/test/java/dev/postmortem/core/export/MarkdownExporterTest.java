package dev.postmortem.core.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postmortem.core.access.Actor;
import dev.postmortem.core.model.ActionItemInput;
import dev.postmortem.core.model.ActionItemStatus;
import dev.postmortem.core.model.PostMortem;
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
        PostMortem pm = PostMortems.postMortem().impact(null).rootCause(null)
                .timeline(List.of()).actionItems(List.of()).build();

        String markdown = new MarkdownExporter().export(pm);

        assertThat(markdown).contains("## Impact\n\n_Not written yet._\n\n## Root Cause\n\n_Not written yet._")
                .contains("## Timeline\n\n_No events recorded._\n\n## Action Items\n\n_No action items._\n");
    }

    static String golden(String name) throws IOException {
        try (InputStream in = MarkdownExporterTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

package dev.postmortem.example.readme;

import dev.postmortem.core.incident.IncidentCatalog;
import dev.postmortem.testing.http.ContractIncidents;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The incidents the contract suite writes post-mortems for, as the host's incident catalog. */
@TestConfiguration(proxyBeanMethods = false)
class ContractIncidentCatalog {

    @Bean
    IncidentCatalog contractIncidents() {
        return ContractIncidents.catalog();
    }
}

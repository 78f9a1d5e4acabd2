package dev.postmortem.http;

import dev.postmortem.core.classification.ListFilters;
import dev.postmortem.core.insight.InsightGrouping;
import dev.postmortem.core.model.FieldError;
import dev.postmortem.core.postmortem.PostMortemService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code /api/postmortem-insights}: the figures of a range of days across the post-mortems the
 * caller may see, grouped by month, service, tag, category or template.
 */
final class InsightEndpoints {

    private static final Set<String> PARAMETERS = Set.of("from", "to", "groupBy", "service", "tag", "category",
            "templateId");

    private final PostMortemService service;

    InsightEndpoints(PostMortemService service) {
        this.service = service;
    }

    List<Route> routes() {
        return List.of(new Route("GET", "", PARAMETERS, this::insights));
    }

    private ApiResponse insights(Exchange exchange) {
        if (!service.hasInsights()) {
            throw Problem.of(404, "not-found", "Not found", "This server's storage computes no insights.").raise();
        }
        Map<String, List<String>> query = exchange.query();
        List<FieldError> errors = new ArrayList<>();
        InsightGrouping groupBy = grouping(QueryParameters.single(query, "groupBy", errors), errors);
        ListFilters filters = QueryParameters.filters(query, errors);
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors.stream().distinct().toList()).raise();
        }
        return exchange.json(200, InsightDocuments.of(service.insights(exchange.actor(), groupBy, filters)));
    }

    private static InsightGrouping grouping(String value, List<FieldError> errors) {
        if (value == null) {
            return InsightGrouping.MONTH;
        }
        for (InsightGrouping grouping : InsightGrouping.values()) {
            if (grouping.apiName().equals(value)) {
                return grouping;
            }
        }
        errors.add(new FieldError("groupBy", "must be one of " + Arrays.stream(InsightGrouping.values())
                .map(InsightGrouping::apiName).collect(Collectors.joining(", "))));
        return null;
    }
}

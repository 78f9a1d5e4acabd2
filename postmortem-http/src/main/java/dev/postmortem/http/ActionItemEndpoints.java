package dev.postmortem.http;

import dev.postmortem.core.followup.ActionItemFilters;
import dev.postmortem.core.followup.FollowUpService;
import dev.postmortem.core.model.ActionItemStatus;
import dev.postmortem.core.model.FieldError;
import dev.postmortem.core.model.Priority;
import dev.postmortem.core.postmortem.PostMortemService;
import dev.postmortem.core.workflow.PostMortemStatus;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code /api/action-items}: every action item the caller may see across post-mortems, filtered,
 * ordered by due date (none last), priority and id, keyset-paged.
 */
final class ActionItemEndpoints {

    private static final Set<String> PARAMETERS = Set.of("owner", "status", "priority", "overdue", "dueBefore",
            "dueAfter", "postMortemStatus", "incidentId", "q", "limit", "cursor");

    private final PostMortemService service;

    ActionItemEndpoints(PostMortemService service) {
        this.service = service;
    }

    List<Route> routes() {
        return List.of(new Route("GET", "", PARAMETERS, this::list));
    }

    private ApiResponse list(Exchange exchange) {
        FollowUpService followUp = service.followUp().orElseThrow(() -> Problem.of(404, "not-found", "Not found",
                "This host's storage does not list action items across post-mortems.").raise());
        Map<String, List<String>> query = exchange.query();
        List<FieldError> errors = new ArrayList<>();
        ActionItemFilters filters = new ActionItemFilters(
                QueryParameters.single(query, "owner", errors),
                enums(query, "status", ActionItemStatus.class, errors),
                single(query, "priority", Priority.class, errors),
                bool(QueryParameters.single(query, "overdue", errors), errors),
                QueryParameters.date(query, "dueBefore", errors), QueryParameters.date(query, "dueAfter", errors),
                enums(query, "postMortemStatus", PostMortemStatus.class, errors),
                QueryParameters.single(query, "incidentId", errors), QueryParameters.single(query, "q", errors),
                QueryParameters.limit(query, errors), QueryParameters.single(query, "cursor", errors));
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors.stream().distinct().toList()).raise();
        }
        return exchange.json(200, Documents.actionItems(followUp.list(exchange.actor(), filters),
                followUp.today(exchange.actor().tenantId())));
    }

    /** A repeatable, comma-separable enum parameter. */
    private static <E extends Enum<E>> Set<E> enums(Map<String, List<String>> query, String name, Class<E> type,
                                                   List<FieldError> errors) {
        Set<E> values = EnumSet.noneOf(type);
        for (String value : query.getOrDefault(name, List.of())) {
            for (String part : value.split(",")) {
                E parsed = parse(part.strip(), type);
                if (parsed == null) {
                    errors.add(new FieldError(name, "must be one of " + names(type)
                            + " (repeat the parameter or separate with commas)"));
                } else {
                    values.add(parsed);
                }
            }
        }
        return values;
    }

    private static <E extends Enum<E>> E single(Map<String, List<String>> query, String name, Class<E> type,
                                               List<FieldError> errors) {
        String value = QueryParameters.single(query, name, errors);
        if (value == null) {
            return null;
        }
        E parsed = parse(value.strip(), type);
        if (parsed == null) {
            errors.add(new FieldError(name, "must be one of " + names(type)));
        }
        return parsed;
    }

    private static <E extends Enum<E>> E parse(String text, Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).filter(constant -> constant.name().equals(text)).findFirst()
                .orElse(null);
    }

    private static String names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }

    private static Boolean bool(String text, List<FieldError> errors) {
        if (text == null) {
            return null;
        }
        return switch (text) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> {
                errors.add(new FieldError("overdue", "must be true or false"));
                yield null;
            }
        };
    }
}

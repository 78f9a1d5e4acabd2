package dev.postmortem.http;

import dev.postmortem.core.classification.ListFilters;
import dev.postmortem.core.model.FieldError;
import dev.postmortem.core.model.Limits;
import dev.postmortem.core.postmortem.ListPostMortemsQuery;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads the query parameters every list shares, reporting what is wrong by the parameter's name. */
final class QueryParameters {

    private static final Pattern ASCII_NUMBER = Pattern.compile("[0-9]{1,9}");

    private QueryParameters() {
    }

    /** The {@code limit} and {@code cursor} of a page, each {@code null} when absent. */
    record Page(Integer limit, String cursor) {
    }

    /** The page a list of one post-mortem's things asks for; a 400 naming the parameter when it is malformed. */
    static Page page(Map<String, List<String>> query) {
        List<FieldError> errors = new ArrayList<>();
        Integer limit = limit(query, errors);
        String cursor = single(query, "cursor", errors);
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors).raise();
        }
        return new Page(limit, cursor);
    }

    /** An ISO date ({@code 2025-02-01}) from 1900 to 9999, {@code null} when absent. */
    static LocalDate date(Map<String, List<String>> query, String name, List<FieldError> errors) {
        String text = single(query, name, errors);
        if (text == null) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text);
            if (date.getYear() >= Limits.EARLIEST_YEAR && date.getYear() <= Limits.LATEST_YEAR) {
                return date;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        errors.add(new FieldError(name, "must be an ISO date such as 2025-02-01, from " + Limits.EARLIEST_YEAR
                + " to " + Limits.LATEST_YEAR));
        return null;
    }

    /** The one value of {@code name}, {@code null} when absent; given twice is an error. */
    static String single(Map<String, List<String>> query, String name, List<FieldError> errors) {
        List<String> values = query.getOrDefault(name, List.of());
        if (values.size() > 1) {
            errors.add(new FieldError(name, "must be given at most once"));
        }
        return values.isEmpty() ? null : values.get(0);
    }

    /** {@code limit} as a number, {@code null} when absent; its range is the use case's to check. */
    static Integer limit(Map<String, List<String>> query, List<FieldError> errors) {
        String text = single(query, "limit", errors);
        if (text == null) {
            return null;
        }
        // ASCII digits only: Integer.valueOf also reads other scripts' digits, such as "１０"
        if (ASCII_NUMBER.matcher(text.strip()).matches()) {
            return Integer.valueOf(text.strip());
        }
        errors.add(new FieldError("limit", "must be a whole number between 1 and " + ListPostMortemsQuery.MAX_LIMIT));
        return null;
    }

    /** The classification filters {@code tag}, {@code category}, {@code service}, {@code templateId}, {@code from}, {@code to}. */
    static ListFilters filters(Map<String, List<String>> query, List<FieldError> errors) {
        return new ListFilters(single(query, "tag", errors), single(query, "category", errors),
                single(query, "service", errors), single(query, "templateId", errors), date(query, "from", errors),
                date(query, "to", errors));
    }
}

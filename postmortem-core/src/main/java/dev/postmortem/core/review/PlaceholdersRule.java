package dev.postmortem.core.review;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code placeholders}: text left to be written later: {@code TODO}, {@code TBD}, {@code FIXME},
 * {@code XXX} (upper case, as people mark them), "lorem ipsum", {@code ???}, a bracketed
 * instruction ({@code [insert root cause]}, {@code <service name>}) or a title pattern's
 * {@code {incidentId}} never filled.
 */
final class PlaceholdersRule extends BuiltInRule {

    static final String ID = "placeholders";

    PlaceholdersRule() {
        super(ID, Severity.ERROR);
    }

    private static final Pattern PLACEHOLDER = Pattern.compile(
            "(?<![\\p{L}\\p{N}])(TODO|TBD|TBC|FIXME|XXX)(?![\\p{L}\\p{N}])"
                    + "|(?i:lorem ipsum)"
                    + "|\\?{3,}"
                    + "|\\[(?i:insert|add|describe|enter|fill in|your|todo|tbd)[^\\]\\n]{0,80}]"
                    + "|<(?i:insert|add|describe|enter|fill in|your|service|team|name|date|time)[^>\\n]{0,80}>"
                    + "|\\{(?:incidentId|incidentTitle|date)}");

    @Override
    public void check(ReadinessContext context, Findings findings) {
        for (WrittenText written : context.texts()) {
            Matcher placeholder = PLACEHOLDER.matcher(written.text());
            if (placeholder.find()) {
                findings.add(written.field(), "\"" + placeholder.group() + "\" marks text still to be written.",
                        "Write it now, or take it out and add an action item for what is not known yet.");
            }
        }
    }
}

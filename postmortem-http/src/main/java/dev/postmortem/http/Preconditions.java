package dev.postmortem.http;

import dev.postmortem.core.postmortem.ExpectedVersion;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ETags are the document's version, quoted ({@code "3"}); {@code If-Match} with one of them
 * makes a write conditional on that version, {@code If-Match: *} on the document existing
 * (which every write needs anyway). A weak ETag cannot match: RFC 9110 asks for strong
 * comparison here.
 */
final class Preconditions {

    private static final Pattern STRONG_ETAG = Pattern.compile("\"(\\d{1,18})\"");

    private Preconditions() {
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    static ExpectedVersion expectedVersion(ApiRequest request) {
        String ifMatch = request.header("If-Match");
        if (ifMatch == null || ifMatch.strip().equals("*")) {
            return ExpectedVersion.any();
        }
        Matcher matcher = STRONG_ETAG.matcher(ifMatch.strip());
        if (matcher.matches() && Long.parseLong(matcher.group(1)) >= 1) {
            return ExpectedVersion.of(Long.parseLong(matcher.group(1)));
        }
        if (ifMatch.strip().startsWith("W/")) {
            // a weak tag never matches under strong comparison: the document is not "that" version
            throw Problem.of(412, "precondition-failed", "Precondition failed",
                    "If-Match needs a strong ETag such as \"3\"; a weak ETag never matches.").raise();
        }
        throw Problem.invalid("If-Match", "must be one ETag of this API, such as \"3\", or *").raise();
    }

    static boolean hasIfMatch(ApiRequest request) {
        String ifMatch = request.header("If-Match");
        return ifMatch != null && !ifMatch.strip().equals("*");
    }

    /** Whether {@code If-None-Match} names the current version, so a 304 will do. */
    static boolean notModified(ApiRequest request, long version) {
        String ifNoneMatch = request.header("If-None-Match");
        if (ifNoneMatch == null) {
            return false;
        }
        String current = etag(version);
        for (String tag : ifNoneMatch.split(",")) {
            String candidate = tag.strip();
            if (candidate.startsWith("W/")) {
                candidate = candidate.substring(2); // weak comparison for GET
            }
            if (candidate.equals(current) || candidate.equals("*")) {
                return true;
            }
        }
        return false;
    }
}

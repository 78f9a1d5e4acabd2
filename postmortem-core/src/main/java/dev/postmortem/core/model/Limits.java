package dev.postmortem.core.model;

/**
 * Every size and range the product accepts, in one place: validation reads them, the SQL
 * columns are as wide ({@code SchemaLimitsTest} compares them), the HTTP parser stops at the
 * list sizes, and docs/DESIGN.md lists them.
 */
public final class Limits {

    public static final int INCIDENT_ID = 100;
    public static final int TITLE = 200;
    /** Summary, impact and root cause, each. */
    public static final int SECTION = 20_000;
    public static final int TIMELINE_EVENTS = 500;
    /** The longest time text: {@code 2024-01-15T14:35:00.123456789+01:00:00} has 38. */
    public static final int EVENT_TIME = 40;
    public static final int EVENT_DESCRIPTION = 2_000;
    public static final int ACTION_ITEMS = 200;
    public static final int ITEM_DESCRIPTION = 1_000;
    public static final int OWNER = 200;
    /** An action item's key in a tracker ({@code OPS-123}). */
    public static final int TRACKER_KEY = 100;
    /** An action item's tracker URL. */
    public static final int TRACKER_URL = 2_000;
    public static final int CONTRIBUTORS = 50;
    /** An e-mail address (RFC 5321's path limit less the angle brackets). */
    public static final int EMAIL = 254;
    public static final int TEMPLATE_ID = 100;
    /** Services affected by an incident. */
    public static final int SERVICES = 50;
    /** A service's name. */
    public static final int SERVICE_NAME = 200;
    /** Contributing factors, and lessons learned, each. */
    public static final int FINDINGS = 50;
    /** One contributing factor or lesson learned. */
    public static final int FINDING = 2_000;
    /** An IANA time zone id ({@code America/Argentina/ComodRivadavia} has 32). */
    public static final int TIME_ZONE = 64;
    /** An actor's id, as stored in {@code createdBy} and the status history. */
    public static final int ACTOR_ID = 320;
    public static final int TENANT_ID = 200;
    /** A review comment's text. */
    public static final int COMMENT_BODY = 10_000;
    /** Tags on one post-mortem, and the length of one (after normalising: lower case, spaces as hyphens). */
    public static final int TAGS = 20;
    public static final int TAG = 50;
    /** The length of a root-cause category's id. */
    public static final int CATEGORY_ID = 100;
    /** Approvals kept on one post-mortem (one per reviewer); a reviewer who approved already may approve again. */
    public static final int APPROVALS = 50;
    /** What a comment is on: {@code actionItems/} and an id is the longest built-in anchor (48). */
    public static final int COMMENT_ANCHOR = 100;
    /** The words of a search ({@code q}). */
    public static final int SEARCH_TEXT = 200;

    /** Dates and date-times are accepted from this year ... */
    public static final int EARLIEST_YEAR = 1900;
    /** ... to this year, both included: every database stores them, and they are written with four digits. */
    public static final int LATEST_YEAR = 9999;

    /** Whether {@code year} is within {@link #EARLIEST_YEAR} .. {@link #LATEST_YEAR}. */
    public static boolean isSupportedYear(int year) {
        return year >= EARLIEST_YEAR && year <= LATEST_YEAR;
    }

    private Limits() {
    }
}

package dev.postmortem.core.postmortem;

/**
 * The version a write is based on. With {@link #of(long)} a write fails with a version
 * conflict when someone else saved first (the HTTP layer maps {@code If-Match} to it);
 * with {@link #any()} the change is applied to whatever is current.
 */
public final class ExpectedVersion {

    private static final ExpectedVersion ANY = new ExpectedVersion(-1);

    private final long value;

    private ExpectedVersion(long value) {
        this.value = value;
    }

    /** Applies the write to whatever version is current. */
    public static ExpectedVersion any() {
        return ANY;
    }

    /** Applies the write only if the stored version is still {@code version} (1 or more). */
    public static ExpectedVersion of(long version) {
        if (version < 1) {
            throw new IllegalArgumentException("versions start at 1");
        }
        return new ExpectedVersion(version);
    }

    /** Whether any stored version is accepted. */
    public boolean isAny() {
        return value < 0;
    }

    /** Whether a write based on this may replace {@code storedVersion}. */
    public boolean matches(long storedVersion) {
        return isAny() || value == storedVersion;
    }

    /** The expected version; only meaningful when not {@link #isAny()}. */
    public long value() {
        return value;
    }

    @Override
    public String toString() {
        return isAny() ? "any" : Long.toString(value);
    }
}

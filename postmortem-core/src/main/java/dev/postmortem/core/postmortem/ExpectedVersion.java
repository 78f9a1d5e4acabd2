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

    public static ExpectedVersion any() {
        return ANY;
    }

    public static ExpectedVersion of(long version) {
        if (version < 1) {
            throw new IllegalArgumentException("versions start at 1");
        }
        return new ExpectedVersion(version);
    }

    public boolean isAny() {
        return value < 0;
    }

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

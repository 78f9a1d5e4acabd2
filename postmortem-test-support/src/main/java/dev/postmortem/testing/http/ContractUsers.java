package dev.postmortem.testing.http;

/**
 * The people the contract suite acts as. A server under test must know them all, in one
 * tenant: pass {@link #SPEC} as its user list ({@code email:password[:admin],...}).
 */
public enum ContractUsers {
    /** Creates the post-mortems in the suite. */
    CAROL("carol@example.com", "carol-pw", false),
    /** Named as contributor on some post-mortems. */
    BOB("bob@example.com", "bob-pw", false),
    /** Owns action items. */
    ALICE("alice@example.com", "alice-pw", false),
    /** Another member of the tenant. */
    DAVE("dave@example.com", "dave-pw", false),
    ADMIN("admin@example.com", "admin-pw", true);

    /** The same list as a compile-time constant, for annotations ({@code @SpringBootTest(properties)}). */
    public static final String SPEC_CONSTANT = "carol@example.com:carol-pw,bob@example.com:bob-pw,"
            + "alice@example.com:alice-pw,dave@example.com:dave-pw,admin@example.com:admin-pw:admin";

    /**
     * The tenant's time zone the server under test must use for overdue action items: fourteen
     * hours ahead of UTC, so that for most of the day its date is not UTC's.
     */
    public static final String TIME_ZONE = "Pacific/Kiritimati";

    public static final String SPEC = String.join(",",
            java.util.Arrays.stream(values()).map(ContractUsers::entry).toList());

    static {
        if (!SPEC.equals(SPEC_CONSTANT)) {
            throw new IllegalStateException("ContractUsers.SPEC_CONSTANT is out of date: " + SPEC);
        }
    }

    private final String email;
    private final String password;
    private final boolean admin;

    ContractUsers(String email, String password, boolean admin) {
        this.email = email;
        this.password = password;
        this.admin = admin;
    }

    public String email() {
        return email;
    }

    public String password() {
        return password;
    }

    /** Whether the host must make this user a tenant admin. */
    public boolean admin() {
        return admin;
    }

    private String entry() {
        return email + ":" + password + (admin ? ":admin" : "");
    }
}

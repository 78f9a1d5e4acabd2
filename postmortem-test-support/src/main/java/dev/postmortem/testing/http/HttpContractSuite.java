package dev.postmortem.testing.http;

import dev.postmortem.testing.http.fuzz.ApiFuzzContract;
import dev.postmortem.testing.http.fuzz.FuzzAnswer;
import dev.postmortem.testing.http.fuzz.HttpFuzzTarget;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;

/**
 * The whole contract over real HTTP against a running server: the {@link ApiContractSuite}
 * plus what only a server on the wire shows (malformed requests, oversized URIs and headers,
 * generated requests through its HTTP stack). A host runs it by subclassing and returning where
 * its server listens.
 */
public abstract class HttpContractSuite extends ApiContractSuite {

    /** The server under test, e.g. {@code http://127.0.0.1:41234}; started before the first test. */
    protected abstract URI baseUri();

    @Override
    protected final ContractClient client() {
        return new ContractClient(baseUri());
    }

    @Nested
    class HostileRequests extends HostileRequestContract {
        HostileRequests() {
            super(client());
        }
    }

    /** Generated requests over this server's real HTTP; fewer than in-process, each costs a round trip. */
    @Nested
    class Fuzzed extends ApiFuzzContract {
        private final HttpFuzzTarget target = new HttpFuzzTarget(baseUri());

        @Override
        protected FuzzAnswer send(String method, String path, Map<String, List<String>> query,
                                  Map<String, String> headers, byte[] body, ContractUsers caller) {
            return target.send(method, path, query, headers, body, caller);
        }

        @Override
        protected int defaultCases() {
            return 1000;
        }

        /** Percent-encoded (up to 9 bytes a character), four of these stay under the servers' 8 KiB. */
        @Override
        protected int maxUriText() {
            return 200;
        }
    }
}

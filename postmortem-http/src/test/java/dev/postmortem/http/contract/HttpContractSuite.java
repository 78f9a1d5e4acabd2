package dev.postmortem.http.contract;

import dev.postmortem.http.fuzz.ApiFuzzContract;
import dev.postmortem.http.fuzz.FuzzAnswer;
import dev.postmortem.http.fuzz.HttpFuzzTarget;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;

/**
 * The HTTP contract of DESIGN.md, checked over real HTTP against a running server. A binding
 * runs it by subclassing and returning where its server listens; the server must know the
 * {@link ContractUsers} (one tenant) and require review. Each part of the contract is a topic
 * class of its own, nested here so that one subclass runs them all against one server.
 */
public abstract class HttpContractSuite {

    /** The server under test, e.g. {@code http://127.0.0.1:41234}; started before the first test. */
    protected abstract URI baseUri();

    private ContractClient client() {
        return new ContractClient(baseUri());
    }

    @Nested
    class WalkThrough extends WalkThroughContract {
        WalkThrough() {
            super(client());
        }
    }

    @Nested
    class Endpoints extends EndpointContract {
        Endpoints() {
            super(client());
        }
    }

    @Nested
    class Workflow extends WorkflowContract {
        Workflow() {
            super(client());
        }
    }

    @Nested
    class Visibility extends VisibilityContract {
        Visibility() {
            super(client());
        }
    }

    @Nested
    class BadInput extends BadInputContract {
        BadInput() {
            super(client());
        }
    }

    @Nested
    class Concurrency extends ConcurrencyContract {
        Concurrency() {
            super(client());
        }
    }

    @Nested
    class HostileRequests extends HostileRequestContract {
        HostileRequests() {
            super(client());
        }
    }

    @Nested
    class Export extends ExportContract {
        Export() {
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

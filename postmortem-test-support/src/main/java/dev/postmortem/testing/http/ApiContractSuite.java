package dev.postmortem.testing.http;

import org.junit.jupiter.api.Nested;

/**
 * The HTTP contract of DESIGN.md, checked against the API of a host. A host runs it by
 * subclassing and saying how a request reaches its API: {@link HttpContractSuite} over real
 * HTTP to a running server, or a {@link ContractClient.Transport} straight into the API in
 * process, where a contract failure is found in seconds. The API must know the
 * {@link ContractUsers} (one tenant, in {@link ContractUsers#TIME_ZONE}), serve
 * {@link ContractIncidents} as its incident catalog, require review and publish as
 * {@link ContractReview} says. Each part of the contract is a topic
 * class of its own, nested here so that one subclass runs them all against one API.
 */
public abstract class ApiContractSuite {

    /**
     * How the suite's requests reach the API under test: {@code new ContractClient(transport)}
     * in process; {@link HttpContractSuite} answers this for a server.
     */
    protected abstract ContractClient client();

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
    class Incidents extends IncidentContract {
        Incidents() {
            super(client());
        }
    }

    @Nested
    class FollowUp extends FollowUpContract {
        FollowUp() {
            super(client());
        }
    }

    @Nested
    class Export extends ExportContract {
        Export() {
            super(client());
        }
    }

    @Nested
    class ReadinessCheck extends ReadinessContract {
        ReadinessCheck() {
            super(client());
        }
    }

    @Nested
    class Comments extends CommentContract {
        Comments() {
            super(client());
        }
    }

    @Nested
    class Approvals extends ApprovalContract {
        Approvals() {
            super(client());
        }
    }

    @Nested
    class History extends HistoryContract {
        History() {
            super(client());
        }
    }

    @Nested
    class Classification extends ClassificationContract {
        Classification() {
            super(client());
        }
    }

    @Nested
    class Search extends SearchContract {
        Search() {
            super(client());
        }
    }

    @Nested
    class Insight extends InsightContract {
        Insight() {
            super(client());
        }
    }
}

package dev.postmortem.http.contract;

import dev.postmortem.testing.http.ApiContractSuite;
import dev.postmortem.testing.http.ContractClient;

/** The contract straight against {@link dev.postmortem.http.PostMortemHttpApi}: no server, seconds to run. */
class InProcessApiContractTest extends ApiContractSuite {

    private final InProcessApi api = new InProcessApi();

    @Override
    protected ContractClient client() {
        return new ContractClient(api);
    }
}

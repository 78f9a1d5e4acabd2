package dev.postmortem.core.testing;

import dev.postmortem.core.port.PostMortemRepository;

class InMemoryRepositoryContractTest extends PostMortemRepositoryContract {

    @Override
    protected PostMortemRepository newRepository() {
        return new InMemoryPostMortemRepository();
    }
}

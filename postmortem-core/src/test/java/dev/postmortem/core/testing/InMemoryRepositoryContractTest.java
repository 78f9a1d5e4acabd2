package dev.postmortem.core.testing;

import dev.postmortem.testing.InMemoryPostMortemRepository;
import dev.postmortem.testing.PostMortemRepositoryContract;
import dev.postmortem.core.postmortem.PostMortemRepository;

class InMemoryRepositoryContractTest extends PostMortemRepositoryContract {

    @Override
    protected PostMortemRepository newRepository() {
        return new InMemoryPostMortemRepository();
    }
}

package dev.postmortem.core.testing;

import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.port.PostMortemPage;
import dev.postmortem.core.port.PostMortemQuery;
import dev.postmortem.core.port.PostMortemRepository;
import java.util.Optional;
import java.util.UUID;

/** Forwards every call; tests override one method to inject a race or a fault. */
public class DelegatingRepository implements PostMortemRepository {

    private final PostMortemRepository delegate;

    public DelegatingRepository(PostMortemRepository delegate) {
        this.delegate = delegate;
    }

    @Override
    public void insert(PostMortem postMortem) {
        delegate.insert(postMortem);
    }

    @Override
    public PostMortem update(PostMortem postMortem, long expectedVersion) {
        return delegate.update(postMortem, expectedVersion);
    }

    @Override
    public Optional<PostMortem> find(String tenantId, UUID id) {
        return delegate.find(tenantId, id);
    }

    @Override
    public void delete(String tenantId, UUID id, long expectedVersion) {
        delegate.delete(tenantId, id, expectedVersion);
    }

    @Override
    public PostMortemPage list(PostMortemQuery query) {
        return delegate.list(query);
    }
}

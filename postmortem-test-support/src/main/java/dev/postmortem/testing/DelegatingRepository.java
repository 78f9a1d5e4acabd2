package dev.postmortem.testing;

import dev.postmortem.core.model.PostMortem;
import dev.postmortem.core.postmortem.PostMortemPage;
import dev.postmortem.core.postmortem.PostMortemQuery;
import dev.postmortem.core.postmortem.PostMortemRepository;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

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
    public Optional<PostMortem> update(String tenantId, UUID id, String changedBy, UnaryOperator<PostMortem> change) {
        return delegate.update(tenantId, id, changedBy, change);
    }

    @Override
    public Optional<PostMortem> find(String tenantId, UUID id) {
        return delegate.find(tenantId, id);
    }

    @Override
    public boolean delete(String tenantId, UUID id, Consumer<PostMortem> check) {
        return delegate.delete(tenantId, id, check);
    }

    @Override
    public PostMortemPage list(PostMortemQuery query) {
        return delegate.list(query);
    }

    @Override
    public long countOverdueActionItems(LocalDate today) {
        return delegate.countOverdueActionItems(today);
    }
}

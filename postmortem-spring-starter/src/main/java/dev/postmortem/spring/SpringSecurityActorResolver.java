package dev.postmortem.spring;

import dev.postmortem.core.access.Actor;
import dev.postmortem.http.ActorResolver;
import dev.postmortem.http.ApiRequest;
import java.util.Optional;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The caller as Spring Security authenticated them: the principal's name is the actor id, a
 * configurable authority makes an admin, one configured tenant for everybody.
 */
public class SpringSecurityActorResolver implements ActorResolver {

    private final String adminAuthority;
    private final String tenant;

    public SpringSecurityActorResolver(String adminAuthority, String tenant) {
        this.adminAuthority = adminAuthority;
        this.tenant = tenant;
    }

    @Override
    public Optional<Actor> resolve(ApiRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        boolean admin = authentication.getAuthorities().stream()
                .anyMatch(authority -> adminAuthority.equals(authority.getAuthority()));
        return Optional.of(new Actor(authentication.getName(), authentication.getName(), admin, tenant));
    }
}

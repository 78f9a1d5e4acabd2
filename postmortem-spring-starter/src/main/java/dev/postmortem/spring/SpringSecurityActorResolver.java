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
 * configurable authority makes an admin, and a {@link TenantResolver} says which tenant they
 * work in.
 */
public class SpringSecurityActorResolver implements ActorResolver {

    private final String adminAuthority;
    private final TenantResolver tenants;

    public SpringSecurityActorResolver(String adminAuthority, TenantResolver tenants) {
        this.adminAuthority = adminAuthority;
        this.tenants = tenants;
    }

    @Override
    public Optional<Actor> resolve(ApiRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        String tenant = tenants.tenantOf(authentication, request);
        if (tenant == null || tenant.isBlank()) {
            return Optional.empty();
        }
        boolean admin = authentication.getAuthorities().stream()
                .anyMatch(authority -> adminAuthority.equals(authority.getAuthority()));
        return Optional.of(new Actor(authentication.getName(), authentication.getName(), admin, tenant));
    }
}

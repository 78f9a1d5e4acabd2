package dev.postmortem.spring;

import dev.postmortem.http.ApiRequest;
import org.springframework.security.core.Authentication;

/**
 * Which tenant (workspace) an authenticated caller works in: every post-mortem, list and export
 * stays inside it. Define a bean of this type to take it from the principal, a token's claim
 * or a header your gateway sets and a client cannot; without one, every caller is in
 * {@code postmortem.security.tenant} ({@code default}).
 *
 * <pre>{@code
 * @Bean
 * TenantResolver tenantFromToken() {
 *     return (authentication, request) -> ((Jwt) authentication.getPrincipal()).getClaimAsString("workspace");
 * }
 * }</pre>
 */
@FunctionalInterface
public interface TenantResolver {

    /**
     * The tenant of the authenticated caller of {@code request}; {@code null} or blank when the
     * caller has none, which the API answers as it answers a caller without credentials (401).
     */
    String tenantOf(Authentication authentication, ApiRequest request);

    /** The same tenant for every caller. */
    static TenantResolver fixed(String tenant) {
        return (authentication, request) -> tenant;
    }
}

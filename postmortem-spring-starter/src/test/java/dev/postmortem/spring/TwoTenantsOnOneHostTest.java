package dev.postmortem.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postmortem.http.ApiRequest;
import dev.postmortem.http.ApiResponse;
import dev.postmortem.http.PostMortemHttpApi;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * One host, two tenants: a {@link TenantResolver} bean takes the tenant from the caller's
 * e-mail domain, and nothing of one tenant reaches the other, in a real Spring context on the
 * API the starter builds.
 */
class TwoTenantsOnOneHostTest {

    private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    private final ApplicationContextRunner host = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    PostMortemAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");

    private static final TenantResolver BY_EMAIL_DOMAIN = (authentication, request) ->
            authentication.getName().substring(authentication.getName().indexOf('@') + 1);

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void eachTenantSeesOnlyItsOwnPostMortems() {
        host.withBean(TenantResolver.class, () -> BY_EMAIL_DOMAIN).run(context -> {
            PostMortemHttpApi api = context.getBean(PostMortemHttpApi.class);
            ApiResponse created = as("alice@acme.example", api, "POST", "/api/postmortems", specExample());
            assertThat(created.status()).isEqualTo(201);
            Matcher id = ID.matcher(created.bodyText());
            assertThat(id.find()).isTrue();
            String path = "/api/postmortems/" + id.group(1);

            assertThat(as("alice@acme.example", api, "GET", path, null).status()).isEqualTo(200);
            assertThat(as("carol@acme.example", api, "GET", path, null).status())
                    .as("an admin of alice's tenant sees her draft").isEqualTo(200);
            assertThat(as("bob@globex.example", api, "GET", path, null).status())
                    .as("another tenant's post-mortem does not exist for bob").isEqualTo(404);
            assertThat(as("bob@globex.example", api, "GET", path + "/export", null).status()).isEqualTo(404);
            assertThat(as("bob@globex.example", api, "GET", "/api/postmortems", null).bodyText())
                    .doesNotContain(id.group(1));
            assertThat(as("alice@acme.example", api, "GET", "/api/postmortems", null).bodyText())
                    .contains(id.group(1));
        });
    }

    @Test
    void aCallerWithoutATenantIsAnsweredAsOneWithoutCredentials() {
        host.withBean(TenantResolver.class, () -> (authentication, request) -> null).run(context -> {
            ApiResponse answer = as("alice@acme.example", context.getBean(PostMortemHttpApi.class), "GET",
                    "/api/postmortems", null);
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.headers()).containsKey("WWW-Authenticate");
        });
    }

    private static ApiResponse as(String user, PostMortemHttpApi api, String method, String path, byte[] body) {
        // admins, who see every draft of their tenant: only the tenant can keep one from them
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                user, null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        Map<String, String> headers = body == null ? Map.of()
                : Map.of("content-type", "application/json", "content-length", Integer.toString(body.length));
        return api.handle(new ApiRequest(method, path, Map.of(), name -> headers.get(name.toLowerCase(Locale.ROOT)),
                () -> new ByteArrayInputStream(body == null ? new byte[0] : body)));
    }

    private static byte[] specExample() throws IOException {
        try (InputStream in = TwoTenantsOnOneHostTest.class
                .getResourceAsStream("/dev/postmortem/testing/http/spec-example.json")) {
            return in.readAllBytes();
        }
    }
}

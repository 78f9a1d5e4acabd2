package dev.postmortem.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.postmortem.core.postmortem.PostMortemService;
import dev.postmortem.http.PostMortemHttpApi;
import dev.postmortem.testing.InMemoryPostMortemRepository;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;

class PostMortemAuthenticationEntryPointTest {

    private final PostMortemHttpApi api = PostMortemHttpApi.builder(
            PostMortemService.builder(new InMemoryPostMortemRepository()).build(), request -> Optional.empty())
            .build();
    private final PostMortemAuthenticationEntryPoint entryPoint = new PostMortemAuthenticationEntryPoint(api);

    @Test
    void theApisPathsGetTheApisProblemDocument() throws Exception {
        MockHttpServletResponse response = commence("/api/postmortems");
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentType()).isEqualTo("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"status\":401").contains("\"instance\":\"/api/postmortems\"");
        assertThat(response.getHeader("WWW-Authenticate")).startsWith("Basic realm=\"postmortem\"");
    }

    @Test
    void theHostsOtherPathsGetTheChallengeTheyWouldHaveHad() throws Exception {
        MockHttpServletResponse response = commence("/host/settings");
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getHeader("WWW-Authenticate")).isEqualTo("Basic realm=\"Realm\"");
        assertThat(response.getContentAsString()).doesNotContain("problem");
    }

    private MockHttpServletResponse commence(String path) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        entryPoint.commence(request, response, new BadCredentialsException("wrong password"));
        return response;
    }
}

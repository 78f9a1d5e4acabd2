package dev.postmortem.example.spring;

import dev.postmortem.http.PostMortemHttpApi;
import dev.postmortem.spring.PostMortemAuthenticationEntryPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * HTTP Basic with users from {@code demo.users} (environment: {@code DEMO_USERS}), in the
 * format {@code email:password[:admin],...}. Unset, two demo users: alice@example.com /
 * alice and the admin admin@example.com / admin.
 */
@Configuration(proxyBeanMethods = false)
public class DemoSecurity {

    private static final Logger LOG = LoggerFactory.getLogger(DemoSecurity.class);
    static final String DEMO_USERS = "alice@example.com:alice,admin@example.com:admin:admin";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, PostMortemHttpApi api,
                                           PostMortemAuthenticationEntryPoint problems) throws Exception {
        // Anonymous callers reach the API, which answers 401 as a problem document itself; a
        // wrong password is answered the same way by the starter's entry point.
        List<String> open = new ArrayList<>();
        for (String mount : api.apiPaths()) {
            open.addAll(List.of(mount, mount + "/**"));
        }
        open.addAll(List.of(api.uiPath(), api.uiPath() + "/**"));
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers(open.toArray(String[]::new)).permitAll()
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems))
                // A stateless JSON API with HTTP Basic: no session, so no CSRF token to protect.
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .formLogin(form -> form.disable());
        return http.build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new Sha256PasswordEncoder();
    }

    @Bean
    UserDetailsService users(@Value("${demo.users:" + DEMO_USERS + "}") String spec, PasswordEncoder encoder) {
        List<UserDetails> users = new ArrayList<>();
        for (String entry : spec.split(",")) {
            String trimmed = entry.strip();
            int colon = trimmed.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("demo.users entries look like email:password[:admin]");
            }
            String password = trimmed.substring(colon + 1);
            boolean admin = password.endsWith(":admin");
            if (admin) {
                password = password.substring(0, password.length() - ":admin".length());
            }
            users.add(User.withUsername(trimmed.substring(0, colon).toLowerCase(Locale.ROOT))
                    .password(encoder.encode(password))
                    .roles(admin ? new String[] {"USER", "ADMIN"} : new String[] {"USER"})
                    .build());
        }
        if (spec.equals(DEMO_USERS)) {
            LOG.warn("demo.users is not set: using alice@example.com (password alice) and admin@example.com"
                    + " (password admin, admin). Set DEMO_USERS for anything but a demo.");
        }
        return new InMemoryUserDetailsManager(users);
    }
}

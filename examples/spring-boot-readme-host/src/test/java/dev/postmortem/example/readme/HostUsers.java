package dev.postmortem.example.readme;

import dev.postmortem.testing.http.ContractUsers;
import java.util.Arrays;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/** The host's own user store, which the contract suite signs in to: a platform's business, not postmortem's. */
@Configuration(proxyBeanMethods = false)
class HostUsers {

    @Bean
    InMemoryUserDetailsManager users() {
        return new InMemoryUserDetailsManager(Arrays.stream(ContractUsers.values())
                .map(user -> User.withUsername(user.email()).password(user.password())
                        .roles(user.admin() ? new String[] {"USER", "ADMIN"} : new String[] {"USER"}).build())
                .toList());
    }

    /**
     * Test users' plain passwords. With Spring's default encoder every made-up user the fuzzer
     * signs in as costs a BCrypt check (about 0.1 s of CPU): its thousand requests took minutes.
     */
    @Bean
    @SuppressWarnings("deprecation")
    PasswordEncoder passwordEncoder() {
        return NoOpPasswordEncoder.getInstance();
    }
}

package dev.postmortem.example.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot host with the post-mortem starter. It has no post-mortem code at all: the
 * starter finds the DataSource and Spring Security and serves /api/postmortems. What is here
 * is the host's own business: who its users are and how they log in.
 */
@SpringBootApplication
public class SpringBootHostApplication {

    public static void main(String[] args) {
        SpringApplication.run(SpringBootHostApplication.class, args);
    }
}

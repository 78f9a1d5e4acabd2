package dev.postmortem.example.readme;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A platform's own application; postmortem comes with the starter and the properties alone. */
@SpringBootApplication
public class ReadmeHostApplication {

    public static void main(String[] args) {
        SpringApplication.run(ReadmeHostApplication.class, args);
    }
}

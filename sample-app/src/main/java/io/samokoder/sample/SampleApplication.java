package io.samokoder.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small users-and-projects service whose schema is managed by Samokoder Migrations. Without
 * {@code spring.datasource.url} it starts an embedded PostgreSQL of its own.
 */
@SpringBootApplication
public class SampleApplication {

    public static void main(String[] args) {
        SpringApplication.run(SampleApplication.class, args);
    }
}

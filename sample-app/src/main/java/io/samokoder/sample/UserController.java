package io.samokoder.sample;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code /users}: list, read and create users. Password hashes never leave the database. */
@RestController
@RequestMapping("/users")
class UserController {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;

    UserController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping
    List<User> list() {
        return this.jdbc.sql("SELECT id, email, full_name, created_at, updated_at FROM users ORDER BY created_at, email")
            .query(User.class)
            .list();
    }

    @GetMapping("/{id}")
    User get(@PathVariable UUID id) {
        return this.jdbc.sql("SELECT id, email, full_name, created_at, updated_at FROM users WHERE id = ?")
            .param(id)
            .query(User.class)
            .optional()
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No user " + id));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    User create(@RequestBody NewUser user) {
        if (user.email() == null || user.email().isBlank() || user.password() == null || user.password().isEmpty()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "email and password are required");
        }
        try {
            return this.jdbc
                .sql("INSERT INTO users (email, password_hash, full_name) VALUES (?, ?, ?)"
                        + " RETURNING id, email, full_name, created_at, updated_at")
                .params(user.email(), hash(user.password()), user.fullName())
                .query(User.class)
                .single();
        }
        catch (DuplicateKeyException ex) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "email already registered");
        }
    }

    /** PBKDF2 with a random salt, stored as {@code pbkdf2$iterations$salt$hash}. */
    static String hash(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        int iterations = 100_000;
        try {
            byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, iterations, 256))
                .getEncoded();
            Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
            return "pbkdf2$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(key);
        }
        catch (NoSuchAlgorithmException | InvalidKeySpecException ex) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", ex);
        }
    }

    record User(UUID id, String email, String fullName, OffsetDateTime createdAt, OffsetDateTime updatedAt) {
    }

    record NewUser(String email, String password, String fullName) {
    }
}

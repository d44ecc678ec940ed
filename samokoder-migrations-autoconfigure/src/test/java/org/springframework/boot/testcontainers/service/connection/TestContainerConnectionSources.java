package org.springframework.boot.testcontainers.service.connection;

import java.util.function.Supplier;
import org.springframework.boot.origin.Origin;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.testcontainers.containers.Container;

/**
 * Builds a {@link ContainerConnectionSource} (whose constructor is package-private) the way
 * {@code @ServiceConnection} does, so that connection details factories can be tested without
 * Docker.
 */
public final class TestContainerConnectionSources {

    private TestContainerConnectionSources() {
    }

    public static <C extends Container<?>> ContainerConnectionSource<C> of(Class<C> type, String imageName,
            Supplier<C> container) {
        Origin origin = new Origin() {
            @Override
            public String toString() {
                return "test container";
            }
        };
        return new ContainerConnectionSource<>("test", origin, type, imageName,
                MergedAnnotation.of(ServiceConnection.class), container, null, MergedAnnotations.of(java.util.List.of()));
    }
}

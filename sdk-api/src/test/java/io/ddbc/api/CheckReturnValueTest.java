package io.ddbc.api;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.errorprone.annotations.CheckReturnValue;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every method of the fluent entry points that hands back an unsent request builder is {@code @CheckReturnValue},
 * so that Error Prone and IDEs flag {@code table.put(item);} without {@code execute()} — including methods added later.
 */
class CheckReturnValueTest {
    @Test
    void everyBuilderReturningMethodMustBeUsed() {
        List<String> missing = new ArrayList<>();
        for (Class<?> type : new Class<?>[] {Table.class, DdbcOperations.class, DdbcClient.class, DdbcSession.class}) {
            for (Method m : type.getMethods()) {
                if (RequestBuilder.class.isAssignableFrom(m.getReturnType()) && !m.isAnnotationPresent(CheckReturnValue.class)) {
                    missing.add(type.getSimpleName() + "." + m.getName());
                }
            }
        }
        assertTrue(missing.isEmpty(), "builder-returning methods without @CheckReturnValue: " + missing);
    }
}

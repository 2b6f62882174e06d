package io.ddbc.api;

import io.ddbc.spi.RequestExecutor;
import java.util.Map;

/**
 * Base of the builders of requests that take expressions: adds {@code #name} and {@code :value}
 * placeholders.
 *
 * @param <Q> the request type
 * @param <R> the result type
 * @param <B> the concrete builder type
 */
public abstract class ExpressionRequestBuilder<Q extends DdbcRequest<R>, R, B extends ExpressionRequestBuilder<Q, R, B>>
        extends RequestBuilder<Q, R, B> {
    /** The placeholders collected so far. */
    protected Expressions.Builder expressions = Expressions.builder();

    /** @param executor what runs the built request; null for a builder that only builds */
    protected ExpressionRequestBuilder(RequestExecutor executor) {
        super(executor);
    }

    /** Defines a {@code #name} placeholder for an attribute name (e.g. a reserved word). */
    public B name(String placeholder, String attributeName) {
        expressions.name(placeholder, attributeName);
        return self();
    }

    /** Defines a {@code :value} placeholder; plain Java values are converted with {@link AttributeValue#from}. */
    public B value(String placeholder, Object value) {
        expressions.value(placeholder, value);
        return self();
    }

    /** Defines several {@code #name} placeholders. */
    public B names(Map<String, String> names) {
        if (names == null) throw new ValidationException("ExpressionAttributeNames must not be null (the names map)");
        names.forEach(expressions::name);
        return self();
    }

    /** Defines several {@code :value} placeholders. */
    public B values(Map<String, ?> values) {
        if (values == null) throw new ValidationException("ExpressionAttributeValues must not be null (the values map)");
        values.forEach(expressions::value);
        return self();
    }

    /** Replaces all placeholders. */
    public B expressions(Expressions placeholders) {
        if (placeholders == null) throw new ValidationException("The expression placeholders must not be null (use Expressions.NONE)");
        this.expressions = placeholders.toBuilder();
        return self();
    }
}

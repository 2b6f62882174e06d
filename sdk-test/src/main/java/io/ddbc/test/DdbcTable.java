package io.ddbc.test;

import io.ddbc.api.AttributeValue;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A table {@link DdbcTest} creates before each test. Repeatable; capacity 0/0 means on-demand.
 *
 * <pre>{@code
 * @DdbcTest
 * @DdbcTable(name = "orders", partitionKey = "customer", sortKey = "orderId", sortKeyType = AttributeValue.Type.N)
 * @DdbcTable(name = "limits", partitionKey = "id", readCapacity = 5, writeCapacity = 5)
 * class OrdersTest { ... }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Repeatable(DdbcTables.class)
public @interface DdbcTable {
    /** Table name. */
    String name();

    /** Partition key attribute. */
    String partitionKey();

    /** Partition key type: S, N or B. */
    AttributeValue.Type partitionKeyType() default AttributeValue.Type.S;

    /** Sort key attribute; empty for none. */
    String sortKey() default "";

    /** Sort key type: S, N or B. */
    AttributeValue.Type sortKeyType() default AttributeValue.Type.S;

    /** Managed version attribute; empty for none. */
    String versionAttribute() default "";

    /** Provisioned read capacity units; 0 (with writeCapacity 0) for on-demand. */
    long readCapacity() default 0;

    /** Provisioned write capacity units; 0 (with readCapacity 0) for on-demand. */
    long writeCapacity() default 0;
}

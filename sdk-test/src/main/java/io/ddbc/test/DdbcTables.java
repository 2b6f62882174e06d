package io.ddbc.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Container of repeated {@link DdbcTable} annotations (written by the compiler, e.g. {@code @DdbcTable(...) @DdbcTable(...)}). */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface DdbcTables {
    /** The tables. */
    DdbcTable[] value();
}

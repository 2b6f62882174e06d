/**
 * Spring Boot support: {@link io.ddbc.spring.DdbcAutoConfiguration} gives an application a {@code DdbcClient}
 * from {@code ddbc.*} properties ({@link io.ddbc.spring.DdbcProperties}), its meters in the application's
 * registry, a health indicator and the session filter.
 *
 * <pre>{@code
 * <dependency><groupId>io.ddbc</groupId><artifactId>ddbc-spring-boot-starter</artifactId></dependency>
 * # application.properties
 * ddbc.url=ddbc:aws://eu-west-1
 * ddbc.signing-key=${DDBC_SIGNING_KEY}
 * }</pre>
 */
package io.ddbc.spring;

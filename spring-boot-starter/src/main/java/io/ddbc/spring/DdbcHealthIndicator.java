package io.ddbc.spring;

import io.ddbc.api.DdbcClient;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Reports the client UP when the backend answers a ListTables (the cheapest call every backend serves), with
 * the number of tables and the regions; DOWN with the error otherwise. Registered as {@code ddbc}.
 *
 * <pre>{@code
 * GET /actuator/health  ->  {"status":"UP","components":{"ddbc":{"status":"UP","details":{"tables":3}}}}
 * }</pre>
 */
public class DdbcHealthIndicator extends AbstractHealthIndicator {
    private final DdbcClient client;

    /** The indicator of {@code client}. */
    public DdbcHealthIndicator(DdbcClient client) {
        super("ddbc health check failed");
        this.client = client;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        int tables = client.listTables().size();
        builder.up().withDetail("tables", tables);
        if (!client.regions().isEmpty()) builder.withDetail("regions", client.regions()).withDetail("homeRegion", client.homeRegion());
    }
}

package io.ddbc.api;

/**
 * How a table (or a global secondary index) pays for throughput: on demand, or provisioned read and
 * write capacity units.
 *
 * <pre>{@code
 * Billing.onDemand();
 * Billing.provisioned(100, 25);   // 100 RCU, 25 WCU
 * }</pre>
 *
 * @param mode ON_DEMAND or PROVISIONED
 * @param readCapacityUnits provisioned RCU (0 for on-demand)
 * @param writeCapacityUnits provisioned WCU (0 for on-demand)
 */
public record Billing(Mode mode, long readCapacityUnits, long writeCapacityUnits) {

    /** DynamoDB's billing modes. */
    public enum Mode {
        /** PAY_PER_REQUEST in DynamoDB. */ ON_DEMAND,
        /** Fixed read and write capacity units with burst credit. */ PROVISIONED
    }

    /** Validates the units. @throws ValidationException if provisioned units are below 1 or on-demand units are set. */
    public Billing {
        if (mode == null) throw new ValidationException("Billing mode must be given");
        if (mode == Mode.PROVISIONED && (readCapacityUnits < 1 || writeCapacityUnits < 1)) {
            throw new ValidationException("Provisioned throughput must be at least 1 read and 1 write capacity unit, got "
                    + readCapacityUnits + " RCU / " + writeCapacityUnits + " WCU");
        }
        if (mode == Mode.ON_DEMAND && (readCapacityUnits != 0 || writeCapacityUnits != 0)) {
            throw new ValidationException("On-demand billing takes no capacity units");
        }
    }

    /** On-demand billing. */
    public static Billing onDemand() {
        return new Billing(Mode.ON_DEMAND, 0, 0);
    }

    /** Provisioned billing with the given units. */
    public static Billing provisioned(long readCapacityUnits, long writeCapacityUnits) {
        return new Billing(Mode.PROVISIONED, readCapacityUnits, writeCapacityUnits);
    }
}

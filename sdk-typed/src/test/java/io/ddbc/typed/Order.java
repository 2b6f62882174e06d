package io.ddbc.typed;

import java.math.BigDecimal;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbImmutable;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/** An immutable Enhanced Client class with a sort key and no version attribute. */
@DynamoDbImmutable(builder = Order.Builder.class)
public final class Order {
    private final String customer;
    private final int orderId;
    private final BigDecimal total;

    private Order(Builder b) {
        this.customer = b.customer;
        this.orderId = b.orderId;
        this.total = b.total;
    }

    static Order of(String customer, int orderId, String total) {
        return builder().customer(customer).orderId(orderId).total(new BigDecimal(total)).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    @DynamoDbPartitionKey
    public String customer() {
        return customer;
    }

    @DynamoDbSortKey
    public int orderId() {
        return orderId;
    }

    public BigDecimal total() {
        return total;
    }

    public static final class Builder {
        private String customer;
        private int orderId;
        private BigDecimal total;

        public Builder customer(String customer) {
            this.customer = customer;
            return this;
        }

        public Builder orderId(int orderId) {
            this.orderId = orderId;
            return this;
        }

        public Builder total(BigDecimal total) {
            this.total = total;
            return this;
        }

        public Order build() {
            return new Order(this);
        }
    }
}

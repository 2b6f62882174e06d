package io.ddbc.samples.spring;

import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;

/**
 * An account, mapped with the Enhanced Client's annotations; the version attribute is ddbc's managed version.
 *
 * <pre>{@code
 * TypedTable<Account> accounts = TypedTables.of(client).table("accounts", Account.class);
 * }</pre>
 */
@DynamoDbBean
public class Account {
    private String id;
    private long balance;
    private Long version;

    @DynamoDbPartitionKey
    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public long getBalance() {
        return balance;
    }

    public void setBalance(long balance) {
        this.balance = balance;
    }

    @DynamoDbVersionAttribute
    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }
}

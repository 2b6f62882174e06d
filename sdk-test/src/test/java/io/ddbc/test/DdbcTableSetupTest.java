package io.ddbc.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.DdbcClient;
import io.ddbc.api.TableSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

@DdbcTest(replicas = 1, consistency = "STRONG")
@DdbcTable(name = "annotated", partitionKey = "pk")
class DdbcTableSetupTest implements DdbcTableSetup {
    @Override
    public void createTables(DdbcClient client) {
        client.createTable(TableSpec.builder("coded").partitionKey("id", AttributeValue.Type.N).build());
    }

    @Test
    void annotatedAndCodedTablesBothExist(DdbcClient client) {
        List<String> tables = client.listTables();
        assertEquals(List.of("annotated", "coded"), tables.stream().sorted().toList());
    }

    @Test
    void singleReplicaEngineHasNoFollowers(TestControl control) {
        assertEquals(1, control.stats().replicas());
    }
}

package io.ddbc.wrapper.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The one rule for stripping ddbc's additions from its error messages. */
class ErrorMessagesTest {

    @Test
    void ddbcsDetailsAfterDynamoDbsTextAreStripped() {
        String dynamo = "Cannot do operations on a non-existent table";
        assertEquals(dynamo, ErrorMessages.strip(dynamo, dynamo));
        assertEquals(dynamo, ErrorMessages.strip(dynamo + ": nosuch", dynamo));
        assertEquals(dynamo, ErrorMessages.strip(dynamo + " (GetItem on table 'nosuch')", dynamo));
        assertEquals("Limit must be greater than or equal to 1",
                ErrorMessages.strip("Limit must be greater than or equal to 1 (got 0, table 't')", "Limit must be greater than or equal to 1"));
        // DynamoDB's final period may be followed by ddbc's details.
        assertEquals("The conditional request failed.", ErrorMessages.strip("The conditional request failed on table 't'",
                "The conditional request failed."));
    }

    @Test
    void anotherTextIsNotStripped() {
        assertEquals("Requested resource not found", ErrorMessages.strip("Requested resource not found",
                "Cannot do operations on a non-existent table"));
        // A longer word is not an addition: "failed" must not match "failedX".
        assertEquals("The conditional request failedX", ErrorMessages.strip("The conditional request failedX", "The conditional request failed"));
        assertEquals(null, ErrorMessages.strip(null, "x"));
    }
}

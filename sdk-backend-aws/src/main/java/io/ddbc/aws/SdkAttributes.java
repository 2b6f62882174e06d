package io.ddbc.aws;

import io.ddbc.api.Item;
import io.ddbc.aws.internal.ModelConverter;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Converts items between ddbc's model ({@link Item}) and the AWS SDK's attribute maps, without loss
 * (numbers keep their text, sets their order). Public so that code built on the SDK's types — the
 * Enhanced Client's {@code TableSchema}, hand-written SDK mappers — can hand its items to ddbc; stateless
 * and thread-safe.
 *
 * <pre>{@code
 * Map<String, AttributeValue> sdk = TableSchema.fromBean(Account.class).itemToMap(account, true);
 * client.table("accounts").put(SdkAttributes.toItem(sdk)).execute();
 * }</pre>
 */
public final class SdkAttributes {
    private SdkAttributes() {
    }

    /** An SDK attribute map as a ddbc item; null or an empty map gives an empty item. */
    public static Item toItem(Map<String, AttributeValue> attributes) {
        Item item = ModelConverter.itemOrNull(attributes);
        return item == null ? Item.empty() : item;
    }

    /** A ddbc item as an SDK attribute map (insertion order kept). */
    public static Map<String, AttributeValue> toSdk(Item item) {
        return ModelConverter.toSdk(item);
    }
}

package io.ddbc.samples.spring;

import io.ddbc.api.AttributeValue;
import io.ddbc.api.DdbcClient;
import io.ddbc.api.DdbcSession;
import io.ddbc.api.TableSpec;
import io.ddbc.typed.TypedTable;
import io.ddbc.typed.TypedTables;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * A small Spring Boot service on the ddbc starter: deposits into accounts and reads balances. The
 * {@code Ddbc-Session} header carries each caller's session, so a caller that sends back the last token it was
 * given reads its own deposits on any instance of the service, while reads stay eventual (cheap) otherwise.
 *
 * <pre>{@code
 * mvn -B -q -pl samples-spring-boot -am package -DskipTests
 * java -cp ... io.ddbc.samples.spring.AccountsApplication --server.port=8080
 * curl -i -X POST 'localhost:8080/accounts/alice/deposits?amount=5'
 * curl -H 'Ddbc-Session: <token from the response>' localhost:8080/accounts/alice
 * }</pre>
 */
@SpringBootApplication
public class AccountsApplication {

    public static void main(String[] args) {
        SpringApplication.run(AccountsApplication.class, args);
    }

    /** The accounts table, created on first start; the typed table declares the bean's version attribute. */
    @Bean
    TypedTable<Account> accounts(DdbcClient client) {
        if (!client.listTables().contains("accounts")) {
            client.createTable(TableSpec.builder("accounts").partitionKey("id", AttributeValue.Type.S).build());
        }
        return TypedTables.of(client).table("accounts", Account.class);
    }

    /** One balance in a response. */
    public record Balance(String id, long balance, long version) {
        static Balance of(Account a) {
            return new Balance(a.getId(), a.getBalance(), a.getVersion() == null ? 0 : a.getVersion());
        }
    }

    /** The HTTP API; the injected session is the current request's (see {@code DdbcSessionFilter}). */
    @RestController
    static class AccountsController {
        private final TypedTable<Account> accounts;
        private final DdbcSession session;

        AccountsController(TypedTable<Account> accounts, DdbcSession session) {
            this.accounts = accounts;
            this.session = session;
        }

        @PostMapping("/accounts/{id}/deposits")
        Balance deposit(@PathVariable("id") String id, @RequestParam("amount") long amount) {
            TypedTable<Account> mine = accounts.in(session);
            mine.mutate(mine.key(id), a -> {
                Account next = a != null ? a : new Account();
                next.setId(id);
                next.setBalance(next.getBalance() + amount);
                return next;
            });
            return balance(id);
        }

        @GetMapping("/accounts/{id}")
        Balance balance(@PathVariable("id") String id) {
            TypedTable<Account> mine = accounts.in(session);
            return mine.get(mine.key(id)).map(Balance::of)
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no account " + id));
        }
    }
}

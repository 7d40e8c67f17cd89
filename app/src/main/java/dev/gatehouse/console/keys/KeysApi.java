package dev.gatehouse.console.keys;

import dev.gatehouse.api.ApiKey;
import dev.gatehouse.api.ApiKeyDetail;
import dev.gatehouse.api.Page;
import dev.gatehouse.console.accounts.AccountsApi;
import dev.gatehouse.console.client.PlatformClient;

import java.util.concurrent.CompletableFuture;

/** What the Keys screen reads and does; it also opens a key's account, so it has the accounts calls too. */
public interface KeysApi extends AccountsApi {
    CompletableFuture<Page<ApiKey>> keys(KeyQuery query, String cursor, int limit);

    CompletableFuture<ApiKeyDetail> key(String id);

    static KeysApi of(PlatformClient client) {
        return new ClientKeysApi(client);
    }

    /** Straight through to the platform client. */
    final class ClientKeysApi extends AccountsApi.ClientAccountsApi implements KeysApi {
        ClientKeysApi(PlatformClient client) {
            super(client);
        }

        @Override
        public CompletableFuture<Page<ApiKey>> keys(KeyQuery q, String cursor, int limit) {
            return client.keys(q.accountId(), q.statusWire(), q.modeWire(), q.prefix(), cursor, limit);
        }

        @Override
        public CompletableFuture<ApiKeyDetail> key(String id) {
            return client.key(id);
        }
    }
}

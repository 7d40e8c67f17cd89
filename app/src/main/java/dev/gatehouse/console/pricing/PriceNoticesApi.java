package dev.gatehouse.console.pricing;

import dev.gatehouse.api.Page;
import dev.gatehouse.api.PriceNotice;
import dev.gatehouse.console.client.PlatformClient;

import java.util.concurrent.CompletableFuture;

/** The customer notices list of the Pricing screen; the view model's seam for tests. */
public interface PriceNoticesApi {
    CompletableFuture<Page<PriceNotice>> notices(String accountId, String modelId, String cursor, int limit);

    static PriceNoticesApi of(PlatformClient client) {
        return client::priceNotices;
    }
}

package dev.gatehouse.console.pricing;

import dev.gatehouse.api.VolumeDiscountRequest;
import dev.gatehouse.api.VolumeDiscountSchedule;
import dev.gatehouse.console.client.PlatformClient;

import java.util.concurrent.CompletableFuture;

/** The part of the platform the volume-discount editor uses; the view model's seam for tests. */
public interface VolumeDiscountsApi {
    CompletableFuture<VolumeDiscountSchedule> schedule();

    CompletableFuture<VolumeDiscountSchedule> put(long version, VolumeDiscountRequest body);

    static VolumeDiscountsApi of(PlatformClient client) {
        return new VolumeDiscountsApi() {
            @Override
            public CompletableFuture<VolumeDiscountSchedule> schedule() {
                return client.volumeDiscounts();
            }

            @Override
            public CompletableFuture<VolumeDiscountSchedule> put(long version, VolumeDiscountRequest body) {
                return client.putVolumeDiscounts(version, body);
            }
        };
    }
}

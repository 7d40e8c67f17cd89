package dev.gatehouse.gateway.abuse;

import dev.gatehouse.gateway.TestGateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Requests as an operator TestGateway does not know (a second reviewer of the same role), checked against the contract. */
final class AbuseHttp {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private AbuseHttp() {}

    static HttpResponse<String> post(TestGateway gw, String token, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gw.server().port() + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            dev.gatehouse.gateway.contract.OpenApiContract.check(request, body, r);
            return r;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package dev.gatehouse.gateway.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.gatehouse.gateway.http.Feature;
import dev.gatehouse.gateway.http.Routes;
import dev.gatehouse.policy.Permission;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** GET /admin/v1/openapi.json: the admin API's OpenAPI document, kept as YAML for people and served as JSON. */
public final class ContractRoutes implements Feature {
    /** The document's source on the classpath. */
    public static final String RESOURCE = "/openapi/admin-v1.yaml";

    private final String json;

    public ContractRoutes() {
        this.json = toJson(document());
    }

    @Override
    public void register(Routes routes) {
        routes.read("/admin/v1/openapi.json", Permission.READ, ctx -> ctx.contentType("application/json").result(json));
    }

    /** The document as a JSON tree, read from {@link #RESOURCE}. */
    public static JsonNode document() {
        try (InputStream in = ContractRoutes.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    private static String toJson(JsonNode document) {
        try {
            return new ObjectMapper().writeValueAsString(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

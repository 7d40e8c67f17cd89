package dev.gatehouse.gateway.settings;

import dev.gatehouse.api.PolicyPreview;
import dev.gatehouse.api.PolicyUpdate;
import dev.gatehouse.api.PolicyView;
import dev.gatehouse.api.Problem;
import dev.gatehouse.gateway.audit.AuditLog;
import dev.gatehouse.gateway.http.ApiException;
import dev.gatehouse.gateway.http.Audited;
import dev.gatehouse.gateway.http.ETags;
import dev.gatehouse.gateway.http.Feature;
import dev.gatehouse.gateway.http.RouteRequest;
import dev.gatehouse.gateway.http.Routes;
import dev.gatehouse.policy.Enforcement;
import dev.gatehouse.policy.LotKind;
import dev.gatehouse.policy.Permission;
import dev.gatehouse.policy.PolicyPreset;
import dev.gatehouse.policy.PolicySettings;
import dev.gatehouse.policy.Rule;
import io.javalin.http.Context;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * /admin/v1/policy (issue 10 §4): GET shows the settings in force, each rule with its source clause; PUT (lead,
 * If-Match, reason) switches the preset and/or edits values; POST /preview says what a PUT would change, writing nothing.
 */
public final class PolicyRoutes implements Feature {
    /** Work other features do in the same transaction when the policy changes (refunds re-evaluate open requests). */
    @FunctionalInterface
    public interface OnChange {
        void changed(Handle h, PolicySettings settings, Instant at);
    }

    private static final Routes.Body<PolicyUpdate> UPDATE = new Routes.Body<>(PolicyUpdate.class,
            Set.of(Permission.EDIT_POLICY), b -> List.of());

    private final Jdbi jdbi;
    private final OnChange onChange;

    public PolicyRoutes(Jdbi jdbi, OnChange onChange) {
        this.jdbi = jdbi;
        this.onChange = onChange;
    }

    @Override
    public void register(Routes routes) {
        routes.read("/admin/v1/policy", Permission.READ, this::get);
        routes.replace("/admin/v1/policy", UPDATE, this::put);
        routes.preview("/admin/v1/policy/preview", UPDATE, this::preview);
    }

    private void get(Context ctx) {
        PolicyStore.Active active = jdbi.withHandle(PolicyStore::active);
        ETags.set(ctx, active.version());
        ctx.json(view(active));
    }

    /** The policy an update leaves: a preset switch drops earlier edits, then each value is an edit on top. */
    private record Next(PolicyPreset preset, List<PolicyStore.Edit> edits, PolicySettings settings) {}

    private static Next next(PolicyStore.Active current, PolicyUpdate body) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Enforcement.reasonProblem(body.reason()).ifPresent(p -> errors.add(new Problem.FieldError("reason", p)));
        PolicyPreset preset = current.preset();
        if (body.preset() != null) {
            preset = PolicyStore.preset(body.preset()).orElse(null);
            if (preset == null) {
                errors.add(new Problem.FieldError("preset", "unknown preset '" + body.preset() + "'; use one of "
                        + Arrays.stream(PolicyPreset.values()).map(PolicyStore::key).collect(Collectors.joining(", "))));
            }
        }
        Map<String, String> values = body.values() == null ? Map.of() : body.values();
        if (body.preset() == null && values.isEmpty()) {
            errors.add(new Problem.FieldError("preset", "send a preset to switch to, or values to edit"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        List<PolicyStore.Edit> edits = body.preset() != null ? new ArrayList<>() : new ArrayList<>(current.edits());
        PolicySettings settings = PolicyStore.apply(preset, edits);
        String reason = body.reason().trim();
        for (Map.Entry<String, String> v : values.entrySet()) {
            if (v.getValue() == null) {
                errors.add(new Problem.FieldError("values." + v.getKey(), "must be a value as text, e.g. \"7\", \"true\" or \"500.00\""));
                continue;
            }
            PolicySettings.Edit edit = settings.edit(v.getKey(), v.getValue(), reason);
            if (edit.problem() != null) {
                errors.add(new Problem.FieldError("values." + v.getKey(), edit.problem()));
                continue;
            }
            settings = edit.settings();
            edits.removeIf(e -> e.key().equals(v.getKey()));
            edits.add(new PolicyStore.Edit(v.getKey(), v.getValue().trim(), reason));
        }
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors);
        }
        return new Next(preset, edits, settings);
    }

    private Audited<PolicyView> put(RouteRequest<PolicyUpdate> request) {
        Handle h = request.handle();
        PolicyStore.Active before = PolicyStore.lock(h);
        request.checkVersion("policy", before.version());
        Next next = next(before, request.body());
        PolicyStore.save(h, next.preset(), next.edits(), request.now(), request.operator().id());
        PolicyStore.Active after = PolicyStore.active(h);
        onChange.changed(h, after.settings(), request.now());
        request.etag(after.version());
        return new Audited<>(new AuditLog.Draft(request.now(), request.operator().id(), "policy.update", "policy",
                request.body().reason().trim(), snapshot(before), snapshot(after)), entry -> view(after));
    }

    private PolicyPreview preview(RouteRequest<PolicyUpdate> request) {
        PolicyStore.Active current = PolicyStore.active(request.handle());
        request.checkVersion("policy", current.version());
        Next next = next(current, request.body());
        PolicyStore.Active after = new PolicyStore.Active(next.preset(), next.edits(), next.settings(), current.version(),
                current.updatedAt(), current.updatedBy());
        return new PolicyPreview(current.settings().changesTo(next.settings()), view(after));
    }

    private static Map<String, Object> snapshot(PolicyStore.Active a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("preset", PolicyStore.key(a.preset()));
        m.put("name", a.settings().presetName());
        List<Rule<?>> rules = a.settings().rules();
        for (int i = 0; i < rules.size(); i++) {
            m.put(PolicySettings.KEYS.get(i), wire(rules.get(i).value()));
        }
        return m;
    }

    public static PolicyView view(PolicyStore.Active a) {
        List<Rule<?>> rules = a.settings().rules();
        List<PolicyView.Rule> shown = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            Rule<?> r = rules.get(i);
            shown.add(new PolicyView.Rule(PolicySettings.KEYS.get(i), r.name(), wire(r.value()), r.valueText(), r.source(),
                    r.clause(), r.isDefault()));
        }
        List<PolicyView.Preset> presets = Arrays.stream(PolicyPreset.values())
                .map(p -> new PolicyView.Preset(PolicyStore.key(p), p.displayName())).toList();
        return new PolicyView(PolicyStore.key(a.preset()), a.preset().displayName(), a.settings().presetName(),
                !a.edits().isEmpty(), a.version(), a.updatedAt(), a.updatedBy(), shown, presets);
    }

    /** A value as PUT takes it back: "7", "true", "500.00", "purchase,promotion" or "none". */
    static String wire(Object value) {
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (value instanceof Collection<?> c) {
            return c.isEmpty() ? "none" : c.stream().map(v -> v instanceof LotKind k ? k.wire() : String.valueOf(v))
                    .sorted().collect(Collectors.joining(","));
        }
        return String.valueOf(value);
    }
}

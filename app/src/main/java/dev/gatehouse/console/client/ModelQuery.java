package dev.gatehouse.console.client;

/** Filters of GET /admin/v1/models; a null or blank field means "any". */
public record ModelQuery(String modality, String provider, String status, String q) {
    public static final ModelQuery ALL = new ModelQuery(null, null, null, null);

    public ModelQuery {
        modality = blankToNull(modality);
        provider = blankToNull(provider);
        status = blankToNull(status);
        q = blankToNull(q);
    }

    public boolean isAll() {
        return modality == null && provider == null && status == null && q == null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}

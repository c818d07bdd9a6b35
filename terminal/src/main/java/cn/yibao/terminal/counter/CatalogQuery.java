package cn.yibao.terminal.counter;

/**
 * 1312 input {@code data}: look an item up by code or barcode (exact), or by name (contains).
 *
 * @param hilistCode national code or scanned barcode; exact match
 * @param hilistName part of the name
 * @param pageSize   at most this many rows (1..100, default 20)
 */
public record CatalogQuery(String hilistCode, String hilistName, Integer pageSize) {

    public CatalogQuery {
        Checks.optional(hilistCode, "hilist_code", 50);
        Checks.optional(hilistName, "hilist_name", 100);
        if (pageSize != null && (pageSize < 1 || pageSize > 100)) {
            throw new IllegalArgumentException("page_size must be 1..100");
        }
        if ((hilistCode == null || hilistCode.isBlank()) && (hilistName == null || hilistName.isBlank())) {
            throw new IllegalArgumentException("hilist_code or hilist_name is required");
        }
    }

    public int limit() {
        return pageSize == null ? 20 : pageSize;
    }
}

package cn.yibao.terminal.counter.demo;

import cn.yibao.terminal.counter.CatalogItem;
import cn.yibao.terminal.counter.CatalogQuery;
import cn.yibao.terminal.counter.live.BundledCatalog;
import java.util.List;
import java.util.Optional;

/** The demo counter's catalog: the bundled demo catalog the live counter uses too. */
final class DemoCatalog {

    private static final BundledCatalog CATALOG = BundledCatalog.bundled();

    private DemoCatalog() {
    }

    /** @return the item with this national code or barcode */
    static Optional<CatalogItem> byCode(String code) {
        return CATALOG.byCode(code);
    }

    static List<CatalogItem> search(CatalogQuery query) {
        return CATALOG.search(query);
    }
}

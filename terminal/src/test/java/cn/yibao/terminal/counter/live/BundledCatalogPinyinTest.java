package cn.yibao.terminal.counter.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.yibao.terminal.counter.CatalogItem;
import cn.yibao.terminal.counter.CatalogQuery;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 1312 by pinyin initials (首拼), as pharmacy tills search: "amxl" → 阿莫西林胶囊, with its spec. */
class BundledCatalogPinyinTest {

    private final BundledCatalog catalog = BundledCatalog.bundled();

    private List<String> names(String q) {
        return catalog.search(new CatalogQuery(null, q, 9)).stream().map(CatalogItem::hilistName).toList();
    }

    @Test
    void initialsFindTheItemWithItsSpec() {
        List<CatalogItem> hit = catalog.search(new CatalogQuery(null, "amxl", 9));
        assertEquals(List.of("阿莫西林胶囊"), hit.stream().map(CatalogItem::hilistName).toList());
        assertEquals("0.25g*24粒", hit.get(0).spec());
        assertEquals(List.of("连花清瘟胶囊"), names("LHQW"), "any case");
        assertEquals(List.of("奥美拉唑肠溶胶囊", "阿莫西林胶囊"), names("am"));
        assertEquals(List.of("维生素C片"), names("维生素"), "names still match");
        assertEquals(List.of(), names("zzz"));
    }
}

package cn.yibao.terminal.counter.live;

import cn.yibao.card.Money;
import cn.yibao.terminal.counter.CatalogItem;
import cn.yibao.terminal.counter.CatalogQuery;
import cn.yibao.terminal.counter.ChrgitmLv;
import cn.yibao.terminal.json.FileJson;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The institution's catalog (the "three catalogs" as they apply at this counter): national code,
 * name, barcode, class, price, prescription flag, and optionally the name's pinyin initials
 * ({@code pinyin}, e.g. {@code amxljn} for 阿莫西林胶囊: the pharmacy POS convention of searching by 首拼).
 * Loaded from a JSON file, or the bundled demo catalog.
 */
public final class BundledCatalog {

    /** The bundled demo catalog. */
    public static final String RESOURCE = "/cn/yibao/terminal/counter/catalog.json";
    private static final int MAX_ITEMS = 200_000;

    private final List<CatalogItem> items;
    private final Map<String, CatalogItem> byCode;
    /** Pinyin initials (lower case) by national code. */
    private final Map<String, String> initials;

    private BundledCatalog(List<CatalogItem> items, Map<String, String> initials) {
        this.items = List.copyOf(items);
        this.initials = Map.copyOf(initials);
        Map<String, CatalogItem> index = new java.util.HashMap<>(items.stream()
                .collect(Collectors.toMap(CatalogItem::hilistCode, Function.identity(), (a, b) -> a)));
        for (CatalogItem i : items) {
            if (i.barcode() != null) {
                index.putIfAbsent(i.barcode(), i);
            }
        }
        this.byCode = Map.copyOf(index);
    }

    /** @return the bundled demo catalog */
    public static BundledCatalog bundled() {
        try (InputStream in = BundledCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("bundled catalog missing: " + RESOURCE);
            }
            return parse(in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read bundled catalog", e);
        }
    }

    /** @return the catalog in {@code file} */
    public static BundledCatalog load(Path file) throws IOException {
        return parse(Files.readAllBytes(file));
    }

    static BundledCatalog parse(byte[] json) throws IOException {
        JsonNode root = FileJson.mapper().readTree(json);
        JsonNode list = root.path("items");
        if (!list.isArray() || list.size() > MAX_ITEMS) {
            throw new IOException("catalog: 'items' must be an array of at most " + MAX_ITEMS);
        }
        List<CatalogItem> items = new ArrayList<>(list.size());
        Map<String, String> initials = new java.util.HashMap<>();
        for (JsonNode n : list) {
            String pinyin = n.path("pinyin").asText("").toLowerCase(java.util.Locale.ROOT);
            if (!pinyin.matches("[a-z0-9]{0,50}")) {
                throw new IOException("catalog: pinyin must be at most 50 letters or digits: " + n.path("hilist_code"));
            }
            if (!pinyin.isEmpty()) {
                initials.put(n.path("hilist_code").asText(), pinyin);
            }
            items.add(new CatalogItem(n.path("hilist_code").asText(), n.path("hilist_name").asText(),
                    n.hasNonNull("barcode") ? n.get("barcode").asText() : null, n.path("spec").asText(""),
                    ChrgitmLv.valueOf(n.path("chrgitm_lv").asText()), Money.parseYuan(n.path("pric").asText()),
                    n.path("rx_flag").asText("0")));
        }
        return new BundledCatalog(items, initials);
    }

    /** @return the item with this national code or barcode */
    public Optional<CatalogItem> byCode(String code) {
        return Optional.ofNullable(byCode.get(code.trim()));
    }

    /**
     * 1312: exact code or barcode, else a name search: part of the name, or — for letters and
     * digits only — part of the name's pinyin initials ("amxl" finds 阿莫西林胶囊).
     */
    public List<CatalogItem> search(CatalogQuery query) {
        String code = query.hilistCode();
        if (code != null && !code.isBlank()) {
            return byCode(code).map(List::of).orElse(List.of());
        }
        String name = query.hilistName() == null ? "" : query.hilistName().trim();
        String latin = name.matches("[A-Za-z0-9]+") ? name.toLowerCase(java.util.Locale.ROOT) : null;
        return items.stream().filter(i -> i.hilistName().contains(name)
                || latin != null && initials.getOrDefault(i.hilistCode(), "").contains(latin))
                .limit(query.limit()).toList();
    }
}

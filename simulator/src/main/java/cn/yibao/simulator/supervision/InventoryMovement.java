package cn.yibao.simulator.supervision;

import cn.yibao.card.Money;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One stock movement uploaded by a pharmacy (3502–3506 style).
 *
 * @param fixmedinsCode       the pharmacy
 * @param medListCodg         national catalog code ({@code med_list_codg})
 * @param fixmedinsHilistId   the pharmacy's own catalog id ({@code fixmedins_hilist_id})
 * @param fixmedinsHilistName the pharmacy's item name ({@code fixmedins_hilist_name})
 * @param catalogClass        A/B/C for drugs, N for daily goods
 * @param type                movement type ({@code inv_chg_type} or the transaction)
 * @param time                {@code inv_chg_time}
 * @param cnt                 quantity moved, positive
 * @param pric                unit price
 */
public record InventoryMovement(String fixmedinsCode, String medListCodg, String fixmedinsHilistId,
        String fixmedinsHilistName, CatalogClass catalogClass, MovementType type, LocalDateTime time,
        int cnt, Money pric) {

    public InventoryMovement {
        Codes.requireInstitution(fixmedinsCode, "fixmedins_code");
        Codes.requireCode(medListCodg, "med_list_codg");
        Codes.requireCode(fixmedinsHilistId, "fixmedins_hilist_id");
        Codes.requireText(fixmedinsHilistName, "fixmedins_hilist_name");
        Objects.requireNonNull(catalogClass, "catalogClass");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(pric, "pric");
        if (cnt < 1 || cnt > 1_000_000) {
            throw new IllegalArgumentException("cnt out of range: " + cnt);
        }
        if (pric.isNegative()) {
            throw new IllegalArgumentException("negative price");
        }
    }

    /** @return the signed quantity: positive into stock, negative out of it */
    public int signedCnt() {
        return type.sign() * cnt;
    }
}

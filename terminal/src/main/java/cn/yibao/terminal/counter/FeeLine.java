package cn.yibao.terminal.counter;

import cn.yibao.card.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One fee line: a pharmacy {@code drugdetail[]} row (2101/2102) or a {@code feedetail[]} row
 * uploaded for a visit (2204/2301).
 *
 * <p>The national interface gives the unit price (单价) 16,6 and the quantity 16,4: a hospital's
 * price list carries per-unit prices such as 0.0325 yuan a tablet. The line amount is
 * {@code cnt × pric} rounded half-up to the fen once (RULES.md §1); a {@code det_item_fee_sumamt}
 * the HIS sends with the line must agree with it within {@link #SUMAMT_TOLERANCE}.
 *
 * @param feedetlSn        line serial, unique within the sale or visit
 * @param mdtrtId          visit ID; required for 2204/2301, absent for a pharmacy sale
 * @param psnNo            person number; required for 2204/2301
 * @param medListCodg      national list code (or a barcode the catalog knows)
 * @param cnt              quantity, &gt; 0, at most 10,000, at most 4 decimals
 * @param pric             unit price in yuan, &gt; 0, at most 6 decimals, below {@link #MAX_PRICE};
 *                         null takes the catalog price
 * @param rxno             prescription number from a designated hospital (处方号), if any
 * @param detItemFeeSumamt the line amount as the HIS computed it, if it sends one (checked, not used)
 */
public record FeeLine(String feedetlSn, String mdtrtId, String psnNo, String medListCodg, BigDecimal cnt,
        BigDecimal pric, String rxno, Money detItemFeeSumamt) {

    /** Largest quantity. */
    public static final BigDecimal MAX_COUNT = BigDecimal.valueOf(10_000);
    /** Unit prices are below this many yuan (the most an amount may be). */
    public static final BigDecimal MAX_PRICE = Money.ofFen(Money.MAX_FEN).toYuan();
    /** Most decimals of a unit price (national 16,6) and of a quantity (16,4). */
    public static final int PRICE_DECIMALS = 6;
    public static final int COUNT_DECIMALS = 4;
    /** How far a sent {@code det_item_fee_sumamt} may be from {@code cnt × pric}. */
    public static final Money SUMAMT_TOLERANCE = Money.ofFen(1);

    public FeeLine {
        Checks.required(feedetlSn, "feedetl_sn", 30);
        Checks.optional(mdtrtId, "mdtrt_id", 30);
        Checks.optional(psnNo, "psn_no", 30);
        Checks.required(medListCodg, "med_list_codg", 50);
        Checks.present(cnt, "cnt");
        if (cnt.signum() <= 0 || cnt.compareTo(MAX_COUNT) > 0 || cnt.stripTrailingZeros().scale() > COUNT_DECIMALS) {
            throw new IllegalArgumentException("cnt must be in (0, 10000] with at most 4 decimals");
        }
        if (pric != null && (pric.signum() <= 0 || pric.compareTo(MAX_PRICE) >= 0
                || pric.stripTrailingZeros().scale() > PRICE_DECIMALS)) {
            throw new IllegalArgumentException("pric must be a unit price in yuan above 0 and below 100000000,"
                    + " with at most 6 decimals");
        }
        Checks.optional(rxno, "rxno", 30);
        if (pric != null) {
            Money amount = amount(cnt, pric);
            if (detItemFeeSumamt != null) {
                requireAgrees(feedetlSn, detItemFeeSumamt, amount);
            }
        } else if (detItemFeeSumamt != null) {
            Checks.nonNegative(detItemFeeSumamt, "det_item_fee_sumamt");
        }
    }

    /** A line without a line amount from the HIS. */
    public FeeLine(String feedetlSn, String mdtrtId, String psnNo, String medListCodg, BigDecimal cnt, BigDecimal pric,
            String rxno) {
        this(feedetlSn, mdtrtId, psnNo, medListCodg, cnt, pric, rxno, null);
    }

    /**
     * @return {@code cnt × unitYuan} rounded half-up to the fen
     * @throws IllegalArgumentException when the amount is beyond what the terminal settles
     */
    public static Money amount(BigDecimal cnt, BigDecimal unitYuan) {
        BigDecimal fen = cnt.multiply(unitYuan).movePointRight(2).setScale(0, RoundingMode.HALF_UP);
        if (fen.compareTo(BigDecimal.valueOf(Money.MAX_FEN)) > 0) {
            throw new IllegalArgumentException("cnt × pric is more than 100000000.00 yuan");
        }
        return Money.ofFen(fen.longValueExact());
    }

    /**
     * @throws IllegalArgumentException naming the line when {@code sent} differs from {@code computed}
     *     by more than {@link #SUMAMT_TOLERANCE}
     */
    public static void requireAgrees(String feedetlSn, Money sent, Money computed) {
        if (Math.abs(sent.fen() - computed.fen()) > SUMAMT_TOLERANCE.fen()) {
            throw new IllegalArgumentException("line feedetl_sn " + feedetlSn + ": det_item_fee_sumamt "
                    + sent.toYuanString() + " differs from cnt × pric = " + computed.toYuanString() + " by more than 0.01");
        }
    }
}

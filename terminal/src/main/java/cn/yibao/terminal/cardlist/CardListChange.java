package cn.yibao.terminal.cardlist;

import java.util.regex.Pattern;

/**
 * One change of the host's card list as 9120 delivers it; validated before it is stored.
 *
 * @param cardNo     1 to 32 of {@code [0-9A-Z]}
 * @param status     the new status
 * @param reportedAt when the host listed it ({@code yyyy-MM-dd HH:mm:ss}), at most 19 characters
 */
record CardListChange(String cardNo, ListStatus status, String reportedAt) {

    static final Pattern CARD_NO = Pattern.compile("[0-9A-Z]{1,32}");

    CardListChange {
        if (cardNo == null || !CARD_NO.matcher(cardNo).matches()) {
            throw new CardListException("card list: card_no must be 1 to 32 of [0-9A-Z]");
        }
        if (status == null) {
            throw new CardListException("card list: status missing");
        }
        if (reportedAt == null || reportedAt.length() > 19) {
            throw new CardListException("card list: reported_at missing or too long");
        }
    }
}

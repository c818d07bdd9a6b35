package cn.yibao.terminal.counter;

import java.util.List;

/**
 * 1101 output: the cardholder and their insurances, read from the card on the reader.
 *
 * @param baseinfo who
 * @param insuinfo which insurances, with the account balance
 * @param cardinfo the card itself (masked number, state)
 */
public record PersonInfo(BaseInfo baseinfo, List<InsuInfo> insuinfo, CardStatus cardinfo) {

    public PersonInfo {
        Checks.present(baseinfo, "baseinfo");
        insuinfo = Checks.list(insuinfo, "insuinfo", 8);
        Checks.present(cardinfo, "cardinfo");
    }

    /**
     * The card as read (an extension of 1101 for the counter).
     *
     * @param cardNo   card number, masked except the last 4 characters
     * @param cardStas card state: 1 normal, 2 in hospital, 3 lost, 4 blacklisted (by the card's state or the
     *                 host's lists; by default such a card is refused at settlement)
     */
    public record CardStatus(String cardNo, String cardStas) {

        public CardStatus {
            Checks.required(cardNo, "card_no", 30);
            Checks.required(cardStas, "card_stas", 2);
        }
    }
}

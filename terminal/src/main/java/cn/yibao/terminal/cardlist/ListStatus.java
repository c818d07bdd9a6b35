package cn.yibao.terminal.cardlist;

/** A card's status on the host's card list (9120). */
public enum ListStatus {
    /** Reported lost (挂失): from then on a loss is the centre's. */
    LOST,
    /** Blacklisted (黑名单): refused for everything. */
    BLACKLISTED,
    /** Taken off the list (解挂 or lifted). */
    CLEARED
}

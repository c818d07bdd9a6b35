package cn.yibao.terminal.operator;

import java.util.Objects;

/**
 * One of the counter's operators, as listed (never with the password hash).
 *
 * @param id       the operator id (工号, national {@code opter}): 1–20 letters, digits, '-' or '_'
 * @param name     the name (national {@code opter_name}): 1–50 characters
 * @param role     cashier or supervisor
 * @param disabled disabled operators cannot log in
 */
public record Operator(String id, String name, Role role, boolean disabled) {

    public Operator {
        if (id == null || !id.matches("[0-9A-Za-z_-]{1,20}")) {
            throw new IllegalArgumentException("operator id must be 1–20 letters, digits, '-' or '_'");
        }
        if (name == null || name.isBlank() || name.length() > 50 || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("operator name must be 1–50 printable characters");
        }
        Objects.requireNonNull(role, "role");
    }

    public boolean supervisor() {
        return role == Role.SUPERVISOR;
    }
}

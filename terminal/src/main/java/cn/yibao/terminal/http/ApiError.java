package cn.yibao.terminal.http;

import cn.yibao.card.Refusal;

/**
 * Errors of the HTTP API itself (as opposed to business refusals of the counter): each has a stable
 * code, an HTTP status, an {@code infcode} and Chinese and English messages.
 */
public enum ApiError implements Refusal.Named {
    TOKEN_MISSING(401, -4, "缺少访问令牌（Authorization: Bearer …）", "access token missing"),
    TOKEN_WRONG(401, -4, "访问令牌不正确", "access token wrong"),
    OPERATOR_LOGIN_REQUIRED(401, -4, "请先用工号和密码登录收银台", "log in to the console with an operator id and password"),
    LOGIN_LINK_INVALID(401, -4, "登录链接无效、已使用或已过期，请直接用工号和密码登录", "console login link invalid, used or expired"),
    TOKEN_IN_URL(400, -2, "访问令牌不能放在网址中，请用一次性登录链接或在登录框输入", "the access token must not travel in a URL"),
    HOST_NOT_ALLOWED(403, -4, "只接受本机地址访问", "Host header is not this machine's loopback address"),
    ORIGIN_NOT_ALLOWED(403, -4, "不接受来自其他网页的请求", "cross-origin request refused"),
    BAD_URL(400, -2, "请求地址不正确（含无法解析的转义字符或查询参数）", "malformed URL: an escape or the query string does not decode"),
    DUPLICATE_HOST(400, -2, "请求头 Host 只能有一个", "more than one Host header"),
    NOT_FOUND(404, -3, "没有这个地址", "no such path"),
    UNKNOWN_INFNO(404, -3, "不支持的交易编号（infno）", "unknown infno"),
    METHOD_NOT_ALLOWED(405, -2, "请求方法不正确", "method not allowed"),
    REQUEST_TIMEOUT(408, -2, "请求发送超时，请重新发送", "request not received in time"),
    MSGID_CONFLICT(409, -2, "报文ID（msgid）已用于另一笔内容不同的交易，请使用新的报文ID", "msgid already used for a different request"),
    UNSUPPORTED_MEDIA_TYPE(415, -2, "请求内容必须是 JSON（Content-Type: application/json）", "content type must be application/json"),
    BODY_TOO_LARGE(413, -2, "请求内容过大", "request body too large"),
    BAD_JSON(400, -2, "请求不是合法的 JSON", "request body is not valid JSON"),
    BAD_INPUT(400, -2, "请求参数不正确", "invalid request fields"),
    EXPECTATION_FAILED(417, -2, "不支持该 Expect 请求头", "unsupported Expect header"),
    TOO_MANY_REQUESTS(429, -2, "终端繁忙，请稍后重试", "too many requests in progress; retry later"),
    INTERNAL(500, -9, "终端内部错误，请联系维护人员", "internal error");

    private final int httpStatus;
    private final int infcode;
    private final Text text;

    ApiError(int httpStatus, int infcode, String messageZh, String message) {
        this.httpStatus = httpStatus;
        this.infcode = infcode;
        this.text = new Text(messageZh, message);
    }

    public int httpStatus() {
        return httpStatus;
    }

    public int infcode() {
        return infcode;
    }

    @Override
    public Text text() {
        return text;
    }
}

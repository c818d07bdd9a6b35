package cn.yibao.terminal.http;

import cn.yibao.terminal.counter.TenderRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.netty.handler.codec.http.FullHttpRequest;
import java.io.IOException;

/**
 * Reads the bodies of the API's fixed routes: the bytes of a request, and the small JSON inputs
 * of the tender, the console's login and the POSTs that take none. A transaction's envelope is
 * read by {@link Envelopes}.
 */
final class RequestBodies {

    private RequestBodies() {
    }

    /** @return the request's body (the aggregated content, left unread) */
    static byte[] of(FullHttpRequest request) {
        byte[] body = new byte[request.content().readableBytes()];
        request.content().getBytes(request.content().readerIndex(), body);
        return body;
    }

    /** The body of a POST that takes no input: a JSON object ({@code {}}), as the document says. */
    static void requireObject(byte[] body) {
        JsonNode root;
        try {
            root = ApiJson.mapper().readTree(body);
        } catch (JsonProcessingException e) {
            throw new ApiException(ApiError.BAD_JSON, InputErrors.notJson(e));
        } catch (IOException e) {
            throw new ApiException(ApiError.BAD_JSON, InputErrors.clean(e.getMessage(), "the body cannot be read"));
        }
        if (root == null || !root.isObject()) {
            throw new ApiException(ApiError.BAD_JSON, "the body must be a JSON object, e.g. {}");
        }
    }

    /** The input of {@code POST /api/tender}: {@code {"paid": yuan}}. */
    static TenderRequest tender(byte[] body) {
        TenderRequest input;
        try {
            input = ApiJson.mapper().readValue(body, TenderRequest.class);
        } catch (JsonProcessingException e) {
            throw new ApiException(ApiError.BAD_INPUT, InfnoRouter.describe(e));
        } catch (IOException e) {
            throw new ApiException(ApiError.BAD_INPUT, InputErrors.clean(e.getMessage(), "the body cannot be read"));
        }
        if (input == null || input.paid() == null) {
            throw new ApiException(ApiError.BAD_INPUT, "paid is required");
        }
        return input;
    }

    /** @return the token of the console's login prompt ({@code {"token": …}}), or null if it is not a string */
    static String loginToken(byte[] body) {
        try {
            JsonNode token = ApiJson.mapper().readTree(body).path("token");
            return token.isTextual() ? token.asText() : null;
        } catch (IOException e) {
            throw new ApiException(ApiError.BAD_JSON, "expected {\"token\": \"…\"}");
        }
    }
}

package cn.yibao.terminal.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.util.Objects;
import java.util.function.Function;

/**
 * Writes a value as the JSON string a function gives (a time in a given pattern, a catalog class by
 * its code); {@link TextDeserializer} reads it back.
 *
 * @param <T> the type written
 */
public final class TextSerializer<T> extends JsonSerializer<T> {

    private final Function<? super T, String> text;

    /** @param text the string of a value */
    public TextSerializer(Function<? super T, String> text) {
        this.text = Objects.requireNonNull(text, "text");
    }

    @Override
    public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
        gen.writeString(text.apply(value));
    }
}

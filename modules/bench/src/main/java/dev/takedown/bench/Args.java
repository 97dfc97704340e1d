package dev.takedown.bench;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The benchmarks' command lines: {@code --name=value}, and {@code --name} alone for {@code true}. */
public final class Args {

    private Args() {}

    public static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            options.put(kv[0], kv.length == 2 ? kv[1] : "true");
        }
        return options;
    }

    /** A comma-separated value as its non-blank entries. */
    public static List<String> list(String value) {
        return Arrays.stream(value.split(",")).filter(entry -> !entry.isBlank()).toList();
    }
}

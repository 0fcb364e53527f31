package io.autowatch.healthcheck.view;

import io.autowatch.json.Json;

/** Escaping for the on-call page: job ids and explanations are written by strangers. */
final class Html {

    private Html() {}

    /** Text for an element or a quoted attribute. */
    static String text(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A JSON value that can sit inside an HTML element: no {@code <}, {@code >} or {@code &} left unescaped. */
    static String json(Object value) {
        return Json.write(value).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }
}

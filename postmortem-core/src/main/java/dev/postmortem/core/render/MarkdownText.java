package dev.postmortem.core.render;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns user text into Markdown that reads as that text and nothing more: no field can add
 * a heading, a list item, a link, emphasis, HTML, a code block or a table, or leave the
 * section it belongs to. CommonMark lets any ASCII punctuation be backslash-escaped; we
 * escape the characters that start inline syntax anywhere, and those that start a block only
 * where a block can start (the beginning of a line).
 */
final class MarkdownText {

    /** Characters that open or close inline syntax, entities or HTML wherever they stand. */
    private static final String ALWAYS_ESCAPED = "\\`*_[]<>&#|~";

    private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n|\\r|\\n");

    private MarkdownText() {
    }

    /** Text that must stay on one line (a title, a list item): line breaks become spaces. */
    static String inline(String text) {
        // most one-line values have no line break: skip the regex then (it dominated the export)
        String oneLine = text.indexOf('\n') < 0 && text.indexOf('\r') < 0 ? text
                : LINE_BREAK.matcher(text).replaceAll(" ");
        return escapeLine(oneLine.strip());
    }

    /**
     * Text of a section: paragraphs (separated by blank lines) are kept, everything else is
     * plain text. Leading indentation is dropped because four spaces would start a code block.
     */
    static String block(String text) {
        List<String> lines = new ArrayList<>();
        boolean previousBlank = true;
        for (String line : LINE_BREAK.split(text, -1)) {
            String stripped = line.strip();
            if (stripped.isEmpty()) {
                if (!previousBlank) {
                    lines.add("");
                }
                previousBlank = true;
            } else {
                lines.add(escapeLine(stripped));
                previousBlank = false;
            }
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return String.join("\n", lines);
    }

    private static String escapeLine(String line) {
        StringBuilder out = new StringBuilder(line.length() + 16);
        int start = 0;
        int digits = leadingDigits(line);
        if (digits > 0 && digits <= 9 && digits < line.length() && ".)".indexOf(line.charAt(digits)) >= 0) {
            // an ordered-list marker at the start of a line: digits followed by '.' or ')'
            out.append(line, 0, digits).append('\\').append(line.charAt(digits));
            start = digits + 1;
        } else if (!line.isEmpty() && "-+=".indexOf(line.charAt(0)) >= 0) {
            // list bullets, setext underlines and thematic breaks all start a line
            out.append('\\').append(line.charAt(0));
            start = 1;
        }
        for (int i = start; i < line.length(); i++) {
            char c = line.charAt(i);
            if (ALWAYS_ESCAPED.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static int leadingDigits(String line) {
        int count = 0;
        while (count < line.length() && line.charAt(count) >= '0' && line.charAt(count) <= '9') {
            count++;
        }
        return count;
    }
}

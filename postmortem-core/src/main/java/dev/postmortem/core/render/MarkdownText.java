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

    /** An ordered-list marker at the start of a line: digits followed by '.' or ')'. */
    private static final Pattern ORDERED_MARKER = Pattern.compile("^(\\d{1,9})([.)])");

    private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n|\\r|\\n");

    private MarkdownText() {
    }

    /** Text that must stay on one line (a title, a list item): line breaks become spaces. */
    static String inline(String text) {
        return escapeLine(LINE_BREAK.matcher(text).replaceAll(" ").strip());
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
        var marker = ORDERED_MARKER.matcher(line);
        int start = 0;
        if (marker.find()) {
            out.append(marker.group(1)).append('\\').append(marker.group(2));
            start = marker.end();
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
}

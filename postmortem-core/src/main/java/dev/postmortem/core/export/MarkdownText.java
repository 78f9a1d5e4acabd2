package dev.postmortem.core.export;

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
    private static final boolean[] ALWAYS_ESCAPED = new boolean[128];

    static {
        for (char c : "\\`*_[]<>&#|~".toCharArray()) {
            ALWAYS_ESCAPED[c] = true;
        }
    }

    private static final Pattern LINE_BREAK = Pattern.compile("\\r\\n|\\r|\\n");

    private MarkdownText() {
    }

    /** Appends text that must stay on one line (a title, a list item): line breaks become spaces. */
    static void appendInline(StringBuilder out, String text) {
        // most one-line values have no line break: skip the regex then (it dominated the export)
        String oneLine = text.indexOf('\n') < 0 && text.indexOf('\r') < 0 ? text
                : LINE_BREAK.matcher(text).replaceAll(" ");
        appendLine(out, oneLine.strip());
    }

    /**
     * Appends the text of a section: paragraphs (separated by blank lines) are kept, everything
     * else is plain text. Leading indentation is dropped because four spaces would start a code
     * block. Blank lines before the first and after the last paragraph are left out.
     *
     * @return whether anything was appended (false for blank text)
     */
    static boolean appendBlock(StringBuilder out, String text) {
        boolean written = false;
        boolean blankSince = false;
        int lineStart = 0;
        int length = text.length();
        while (true) {
            int lineEnd = lineStart;
            while (lineEnd < length && text.charAt(lineEnd) != '\n' && text.charAt(lineEnd) != '\r') {
                lineEnd++;
            }
            String line = text.substring(lineStart, lineEnd).strip();
            if (line.isEmpty()) {
                blankSince = written;
            } else {
                if (written) {
                    out.append(blankSince ? "\n\n" : "\n");
                }
                appendLine(out, line);
                written = true;
                blankSince = false;
            }
            if (lineEnd == length) {
                return written;
            }
            boolean crLf = text.charAt(lineEnd) == '\r' && lineEnd + 1 < length && text.charAt(lineEnd + 1) == '\n';
            lineStart = lineEnd + (crLf ? 2 : 1);
        }
    }

    /** Appends one stripped line, escaped; unescaped runs are copied whole. */
    private static void appendLine(StringBuilder out, String line) {
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
        int copied = start;
        for (int i = start; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c < ALWAYS_ESCAPED.length && ALWAYS_ESCAPED[c]) {
                out.append(line, copied, i).append('\\');
                copied = i;
            }
        }
        out.append(line, copied, line.length());
    }

    private static int leadingDigits(String line) {
        int count = 0;
        while (count < line.length() && line.charAt(count) >= '0' && line.charAt(count) <= '9') {
            count++;
        }
        return count;
    }
}

package dev.postmortem.http;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * A response document, written straight to a generator. Answers are streamed field by field
 * rather than built as a Jackson tree and then serialized: on the list endpoint the tree cost
 * a sixth of the request's CPU ({@code benchmarks/load.sh postgres}, list).
 */
@FunctionalInterface
interface JsonDocument {

    void writeTo(JsonGenerator out) throws IOException;
}

package dev.postmortem.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The OpenAPI 3.1 document of the API ({@code openapi.json} in this jar, written for the default
 * mount points), served at {@code {basePath}/openapi.json} with the paths the host mounted the
 * API at, so that a client generated from it calls the right URLs.
 */
final class OpenApiDocument {

    /** Where the document is served, below the post-mortems' mount point. */
    static final String PATH = "/openapi.json";
    /** The media type OpenAPI registered for its JSON documents. */
    static final String MEDIA_TYPE = "application/vnd.oai.openapi+json;version=3.1";
    private static final String RESOURCE = "openapi.json";

    private OpenApiDocument() {
    }

    /** The document's bytes with each default mount point replaced by the one it maps to. */
    static byte[] forMountPoints(Map<String, String> mountPoints) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode document;
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the postmortem-http jar");
            }
            document = (ObjectNode) mapper.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        ObjectNode mounted = mapper.createObjectNode();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            mounted.set(mounted(path.getKey(), mountPoints), path.getValue());
        }
        document.set("paths", mounted);
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + RESOURCE, e);
        }
    }

    private static String mounted(String path, Map<String, String> mountPoints) {
        for (Map.Entry<String, String> mount : mountPoints.entrySet()) {
            if (path.equals(mount.getKey()) || path.startsWith(mount.getKey() + "/")) {
                return mount.getValue() + path.substring(mount.getKey().length());
            }
        }
        throw new IllegalStateException(RESOURCE + " documents a path outside the mount points: " + path);
    }
}

package id.terpadu.support.fuzz;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A deliberately small HTTP/1.1 client over a plain socket, so that the fuzzer can send what well-behaved clients
 * refuse to: CR/LF and raw non-ASCII bytes in header values, odd targets, any Content-Type. Keeps one connection
 * alive and opens a new one when the server closes it.
 */
public final class RawHttp implements AutoCloseable {

    /** One answer: status, headers with lower-case names (the last value wins), the body as bytes. */
    public record Response(int status, Map<String, String> headers, byte[] body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final String host;
    private final int port;
    private final int timeoutMillis;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    public RawHttp(String host, int port, int timeoutMillis) {
        this.host = host;
        this.port = port;
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * Sends one request. {@code headers} are written as given (name, value), each value as UTF-8 bytes; Host,
     * Content-Length and Connection are added. A request on a reused connection that the server had already
     * closed (nothing was answered) is sent once more on a fresh one.
     */
    public Response send(String method, String target, List<String[]> headers, byte[] body) throws IOException {
        boolean reused = socket != null;
        try {
            return exchange(method, target, headers, body);
        } catch (IOException e) {
            close();
            if (reused && e instanceof StaleConnection) {
                return exchange(method, target, headers, body);
            }
            throw e;
        }
    }

    private static final class StaleConnection extends IOException {
        StaleConnection(String message) {
            super(message);
        }
    }

    private Response exchange(String method, String target, List<String[]> headers, byte[] body) throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            out = socket.getOutputStream();
        }
        ByteArrayOutputStream head = new ByteArrayOutputStream(512);
        write(head, method + " " + target + " HTTP/1.1\r\n");
        write(head, "Host: " + host + ":" + port + "\r\n");
        for (String[] h : headers) {
            write(head, h[0] + ": " + h[1] + "\r\n");
        }
        if (body != null) {
            write(head, "Content-Length: " + body.length + "\r\n");
        } else if (method.equals("POST") || method.equals("PUT") || method.equals("PATCH")) {
            write(head, "Content-Length: 0\r\n");
        }
        write(head, "\r\n");
        try {
            out.write(head.toByteArray());
            if (body != null) {
                out.write(body);
            }
            out.flush();
        } catch (IOException e) {
            // the server may have answered before it stopped reading (a request line or headers it refuses, 414 or
            // 431, while the body was still on its way): that answer is the response, as a browser reads it
            try {
                socket.shutdownOutput();
                String refused = readLine(true);
                if (refused.startsWith("HTTP/1.")) {
                    return refusal(refused);
                }
            } catch (IOException | RuntimeException nothing) {
                // no answer either
            }
            throw new StaleConnection("write failed: " + e.getMessage());
        }
        String statusLine = readLine(true);
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP status line: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        Map<String, String> responseHeaders = new LinkedHashMap<>();
        for (String line = readLine(false); !line.isEmpty(); line = readLine(false)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                responseHeaders.put(
                        line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).trim());
            }
        }
        byte[] responseBody;
        String length = responseHeaders.get("content-length");
        if (method.equals("HEAD") || status == 204 || status == 304 || (status >= 100 && status < 200)) {
            responseBody = new byte[0];
        } else if ("chunked".equalsIgnoreCase(responseHeaders.get("transfer-encoding"))) {
            responseBody = readChunked();
        } else if (length != null) {
            responseBody = in.readNBytes(Integer.parseInt(length.trim()));
        } else {
            responseBody = in.readAllBytes();
            responseHeaders.put("connection", "close");
        }
        if ("close".equalsIgnoreCase(responseHeaders.get("connection"))) {
            close();
        }
        return new Response(status, responseHeaders, responseBody);
    }

    /** The rest of an answer whose status line was read after the request could not be written whole. */
    private Response refusal(String statusLine) throws IOException {
        int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
        Map<String, String> responseHeaders = new LinkedHashMap<>();
        for (String line = readLine(false); !line.isEmpty(); line = readLine(false)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                responseHeaders.put(
                        line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).trim());
            }
        }
        String length = responseHeaders.get("content-length");
        byte[] responseBody = length != null ? in.readNBytes(Integer.parseInt(length.trim())) : in.readAllBytes();
        close();
        return new Response(status, responseHeaders, responseBody);
    }

    private byte[] readChunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(false);
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                while (!readLine(false).isEmpty()) {
                    // trailers
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            readLine(false);
        }
    }

    private String readLine(boolean first) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (first && line.size() == 0) {
                    throw new StaleConnection("connection closed before an answer");
                }
                throw new IOException("connection closed in the middle of an answer");
            }
            if (b == '\n') {
                break;
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // already gone
            }
        }
        socket = null;
        in = null;
        out = null;
    }
}

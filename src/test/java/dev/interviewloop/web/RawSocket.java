package dev.interviewloop.web;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A bare WebSocket client that sends one frame as it is and reads until the server closes (a client library would
 * refuse or split an oversized frame), speaking RFC 6455 over a plain socket to the test server on loopback.
 */
final class RawSocket {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RawSocket() {
    }

    /**
     * Opens the session's socket, sends one text frame with {@code payload} as it is, and returns the code of the close
     * frame the server sends (0 when the connection ends without one); gives up after 60 s (pings keep coming).
     */
    static int closeCodeAfterTextFrame(URI base, String id, String token, byte[] payload) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            byte[] key = new byte[16];
            RANDOM.nextBytes(key);
            out.write(("GET /ws/sessions/" + id + "?token=" + token + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
                    + Base64.getEncoder().encodeToString(key) + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            DataInputStream in = new DataInputStream(socket.getInputStream());
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
                head.write(in.readUnsignedByte());
            }
            if (!head.toString(StandardCharsets.US_ASCII).startsWith("HTTP/1.1 101")) {
                throw new IOException("no WebSocket upgrade: " + head);
            }
            out.write(frame(payload));
            out.flush();
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                int b0;
                try {
                    b0 = in.readUnsignedByte();
                } catch (IOException e) {
                    return 0;
                }
                int b1 = in.readUnsignedByte();
                long length = b1 & 0x7f;
                if (length == 126) {
                    length = in.readUnsignedShort();
                } else if (length == 127) {
                    length = in.readLong();
                }
                byte[] data = in.readNBytes((int) length);
                if ((b0 & 0x0f) == 8) {
                    return data.length >= 2 ? ((data[0] & 0xff) << 8) | (data[1] & 0xff) : 0;
                }
            }
            return -1;
        }
    }

    /** One final, masked text frame (a client must mask). */
    private static byte[] frame(byte[] payload) {
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        f.write(0x81);
        if (payload.length < 126) {
            f.write(0x80 | payload.length);
        } else if (payload.length < 65536) {
            f.write(0x80 | 126);
            f.write(payload.length >> 8);
            f.write(payload.length & 0xff);
        } else {
            f.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                f.write((int) ((long) payload.length >> shift) & 0xff);
            }
        }
        byte[] mask = new byte[4];
        RANDOM.nextBytes(mask);
        f.writeBytes(mask);
        for (int i = 0; i < payload.length; i++) {
            f.write(payload[i] ^ mask[i % 4]);
        }
        return f.toByteArray();
    }
}

package dev.interviewloop.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Clients that send a request body a byte now and then (issue 18: 205 of them froze the service) are closed once the
 * body deadline ({@code interview-loop.limits.body-timeout}, 5 s in tests) passes, and hold no worker thread
 * meanwhile: the service answers everyone else.
 */
@QuarkusTest
class SlowSenderTest {

    @TestHTTPResource("/")
    URI base;

    @Test
    void slowBodiesAreCutOffAndTheServiceStaysResponsive() throws Exception {
        // given: 250 connections (more than the worker threads) that promise a 20 KiB body and send 1 byte
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 250; i++) {
                Socket socket = new Socket(base.getHost(), base.getPort());
                socket.setSoTimeout(60_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/grade HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 20480\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                slow.add(socket);
            }

            // when: they keep trickling, another client uses the service
            trickle(slow);
            given().when().get("/q/health/live").then().statusCode(200);
            given().queryParam("q", "dropout").when().get("/api/search").then().statusCode(200);

            // then: each slow connection is closed by the server, with no answer to its request
            for (Socket socket : slow) {
                await().atMost(Duration.ofSeconds(60)).until(() -> closedByServer(socket));
            }
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    private static void trickle(List<Socket> sockets) {
        for (Socket socket : sockets) {
            try {
                socket.getOutputStream().write(' ');
                socket.getOutputStream().flush();
            } catch (IOException e) {
                // already closed by the server: fine
            }
        }
    }

    /** Reads what the server sent: true once the connection is closed (end of stream or reset). */
    private static boolean closedByServer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        try {
            int b = in.read();
            while (b >= 0) {
                b = in.read();
            }
            return true;
        } catch (SocketException e) {
            return true; // connection reset
        }
    }
}

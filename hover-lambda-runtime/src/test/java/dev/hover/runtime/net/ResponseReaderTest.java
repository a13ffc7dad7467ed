package dev.hover.runtime.net;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResponseReaderTest {

    private static ResponseReader reader(String wire) {
        return new ResponseReader(new ByteArrayInputStream(wire.getBytes(StandardCharsets.ISO_8859_1)));
    }

    /** Hands out one byte per read, so that every line and chunk crosses buffer fills. */
    private static ResponseReader trickling(String wire, int bufferSize) {
        ByteArrayInputStream bytes = new ByteArrayInputStream(wire.getBytes(StandardCharsets.ISO_8859_1));
        InputStream oneAtATime = new InputStream() {
            @Override
            public int read() {
                return bytes.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return bytes.read(b, off, Math.min(len, 1));
            }
        };
        return new ResponseReader(oneAtATime, bufferSize);
    }

    private static String body(HttpResponse response) {
        return new String(response.body(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void readsAContentLengthResponseWithRepeatedHeadersInOrder() throws IOException {
        HttpResponse response = reader("HTTP/1.1 201 Created\r\nSet-Cookie: a=1\r\nX-Many: one\r\n"
                + "Set-Cookie: b=2; Path=/\r\nContent-Length: 5\r\n\r\nhello").read(false, 100);

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.headers()).extracting(Header::name)
                .containsExactly("Set-Cookie", "X-Many", "Set-Cookie", "Content-Length");
        assertThat(response.headers().get(2).value()).isEqualTo("b=2; Path=/");
        assertThat(body(response)).isEqualTo("hello");
        assertThat(response.keepAlive()).isTrue();
    }

    @Test
    void readsResponsesOneAfterAnotherOnAKeptAliveStream() throws IOException {
        ResponseReader reader = reader("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\none"
                + "HTTP/1.1 404 Not Found\r\nContent-Length: 3\r\n\r\ntwo");

        assertThat(body(reader.read(false, 100))).isEqualTo("one");
        HttpResponse second = reader.read(false, 100);
        assertThat(second.status()).isEqualTo(404);
        assertThat(body(second)).isEqualTo("two");
    }

    @Test
    void decodesChunkedBodiesWithExtensionsAndTrailers() throws IOException {
        String wire = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;name=value\r\nhello\r\n1\r\n \r\nA\r\n0123456789\r\n0\r\nX-Trailer: t\r\n\r\n"
                + "HTTP/1.1 204 No Content\r\n\r\n";
        ResponseReader reader = trickling(wire, 4);

        assertThat(body(reader.read(false, 100))).isEqualTo("hello 0123456789");
        assertThat(reader.read(false, 100).status()).isEqualTo(204);
    }

    @Test
    void readsUntilCloseWithoutFraming() throws IOException {
        HttpResponse response = trickling("HTTP/1.1 200 OK\nContent-Type: text/plain\n\nall of it", 3).read(false, 100);

        assertThat(body(response)).isEqualTo("all of it");
        assertThat(response.keepAlive()).isFalse();
    }

    @Test
    void skipsInterimResponses() throws IOException {
        HttpResponse response = reader("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
                .read(false, 100);

        assertThat(response.status()).isEqualTo(200);
        assertThat(body(response)).isEqualTo("ok");
    }

    @Test
    void headAnd204And304HaveNoBodyWhateverTheHeadersSay() throws IOException {
        ResponseReader reader = reader("HTTP/1.1 200 OK\r\nContent-Length: 50\r\n\r\n"
                + "HTTP/1.1 304 Not Modified\r\nContent-Length: 50\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nx");

        assertThat(reader.read(true, 100).body()).isEmpty();
        assertThat(reader.read(false, 100).body()).isEmpty();
        assertThat(body(reader.read(false, 100))).isEqualTo("x");
    }

    @Test
    void connectionCloseAndHttp10DecideKeepAlive() throws IOException {
        assertThat(reader("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n").read(false, 10).keepAlive()).isFalse();
        assertThat(reader("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n").read(false, 10).keepAlive()).isFalse();
        assertThat(reader("HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 0\r\n\r\n").read(false, 10).keepAlive()).isTrue();
    }

    @Test
    void refusesBodiesOverTheLimitWhateverTheFraming() {
        assertThatThrownBy(() -> reader("HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n0123456789a").read(false, 10))
                .isInstanceOf(ResponseTooLargeException.class);
        assertThatThrownBy(() -> reader("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n6\r\n012345\r\n5\r\n6789a\r\n0\r\n\r\n").read(false, 10))
                .isInstanceOf(ResponseTooLargeException.class);
        assertThatThrownBy(() -> trickling("HTTP/1.1 200 OK\r\n\r\n0123456789a", 4).read(false, 10))
                .isInstanceOf(ResponseTooLargeException.class);
    }

    @Test
    void aConnectionClosedEarlyIsAnEofThatSaysWhere() {
        assertThatThrownBy(() -> reader("").read(false, 10))
                .isInstanceOf(EOFException.class).hasMessage("The connection closed before a response");
        assertThatThrownBy(() -> reader("HTTP/1.1 200 OK\r\nContent-").read(false, 10))
                .isInstanceOf(EOFException.class).hasMessageContaining("middle of the response head");
        assertThatThrownBy(() -> reader("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc").read(false, 10))
                .isInstanceOf(EOFException.class).hasMessageContaining("7 bytes before the end of the body");
    }

    @Test
    void rejectsWhatIsNotHttp() {
        assertThatThrownBy(() -> reader("SSH-2.0-OpenSSH\r\n\r\n").read(false, 10))
                .isInstanceOf(MalformedResponseException.class).hasMessageContaining("Not an HTTP/1.x status line");
        assertThatThrownBy(() -> reader("HTTP/1.1 200 OK\r\nno colon\r\n\r\n").read(false, 10))
                .isInstanceOf(MalformedResponseException.class).hasMessageContaining("Bad header line");
        assertThatThrownBy(() -> reader("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n").read(false, 10))
                .isInstanceOf(MalformedResponseException.class).hasMessageContaining("Bad Content-Length");
    }

    @Test
    void decodesHeaderBytesAsIso88591() throws IOException {
        HttpResponse response = reader("HTTP/1.1 200 OK\r\nX-Name: caf\u00e9\r\nContent-Length: 0\r\n\r\n").read(false, 10);

        assertThat(response.header("x-name")).isEqualTo("café");
    }
}

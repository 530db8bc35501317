// The HTTP/1.1 head reader under the opening handshake (RFC 9112 §2-§5 as RFC 6455
// §4 uses it): incremental input, strict line syntax, the size bound, pipelining.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "wsc/http.hpp"

namespace {

using wsc::error;
using wsc::http_head_reader;
using status = http_head_reader::status;
using kind = http_head_reader::kind;

const std::string rfc_request =
    "GET /chat HTTP/1.1\r\n"
    "Host: server.example.com\r\n"
    "Upgrade: websocket\r\n"
    "Connection: Upgrade\r\n"
    "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
    "Origin: http://example.com\r\n"
    "Sec-WebSocket-Protocol: chat, superchat\r\n"
    "Sec-WebSocket-Version: 13\r\n"
    "\r\n";

struct read_result {
    status st;
    wsc::http_head head;
    error failure;
    std::string leftover;
};

read_result read_whole(kind k, std::string_view bytes, std::size_t max = 16 * 1024) {
    http_head_reader r(k, max);
    const auto st = r.receive(bytes);
    return {st, r.head(), r.failure(), r.take_leftover()};
}

// Feeds `bytes` in pieces cut at the given offsets.
read_result read_split(kind k, std::string_view bytes, const std::vector<std::size_t>& cuts,
                       std::size_t max = 16 * 1024) {
    http_head_reader r(k, max);
    status st = status::need_more;
    std::size_t at = 0;
    for (std::size_t cut : cuts) {
        st = r.receive(bytes.substr(at, cut - at));
        at = cut;
    }
    st = r.receive(bytes.substr(at));
    return {st, r.head(), r.failure(), r.take_leftover()};
}

void expect_same_head(const wsc::http_head& a, const wsc::http_head& b) {
    EXPECT_EQ(a.method, b.method);
    EXPECT_EQ(a.target, b.target);
    EXPECT_EQ(a.version, b.version);
    EXPECT_EQ(a.status, b.status);
    EXPECT_EQ(a.reason, b.reason);
    ASSERT_EQ(a.headers.size(), b.headers.size());
    for (std::size_t i = 0; i < a.headers.size(); ++i) {
        EXPECT_EQ(a.headers[i].name, b.headers[i].name);
        EXPECT_EQ(a.headers[i].value, b.headers[i].value);
    }
}

error malformed_request(std::string_view bytes) {
    const auto r = read_whole(kind::request, bytes);
    EXPECT_EQ(r.st, status::failed) << bytes;
    return r.failure;
}

TEST(http_head_reader, server_reads_rfc_6455_example_request) {
    const auto r = read_whole(kind::request, rfc_request);
    ASSERT_EQ(r.st, status::done);
    EXPECT_EQ(r.head.method, "GET");
    EXPECT_EQ(r.head.target, "/chat");
    EXPECT_EQ(r.head.version, "HTTP/1.1");
    ASSERT_EQ(r.head.headers.size(), 7u);
    EXPECT_EQ(r.head.headers[0].name, "Host");
    EXPECT_EQ(r.head.headers[0].value, "server.example.com");
    EXPECT_EQ(r.leftover, "");
}

TEST(http_head_reader, client_reads_status_line_with_and_without_reason) {
    auto r = read_whole(kind::response, "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n");
    ASSERT_EQ(r.st, status::done);
    EXPECT_EQ(r.head.version, "HTTP/1.1");
    EXPECT_EQ(r.head.status, 101);
    EXPECT_EQ(r.head.reason, "Switching Protocols");

    r = read_whole(kind::response, "HTTP/1.1 101\r\n\r\n");
    ASSERT_EQ(r.st, status::done);
    EXPECT_EQ(r.head.status, 101);
    EXPECT_EQ(r.head.reason, "");

    r = read_whole(kind::response, "HTTP/1.1 404 \r\n\r\n");
    ASSERT_EQ(r.st, status::done);
    EXPECT_EQ(r.head.status, 404);
}

TEST(http_head_reader, client_rejects_malformed_status_lines) {
    for (const char* line : {"HTTP/1.1 1O1 Switching\r\n\r\n", "HTTP/1.1 10 x\r\n\r\n", "HTTP/1.1  101 x\r\n\r\n",
                             "HTTP/1.1 1011\r\n\r\n", "HTTP/11 101 x\r\n\r\n", "ICY 200 OK\r\n\r\n",
                             "HTTP/1.1 101 Switch\x01ing\r\n\r\n"}) {
        const auto r = read_whole(kind::response, line);
        EXPECT_EQ(r.st, status::failed) << line;
        EXPECT_EQ(r.failure, error::handshake_malformed) << line;
    }
}

TEST(http_head_reader, field_names_are_case_insensitive) {
    const auto r = read_whole(kind::request,
                              "GET / HTTP/1.1\r\nX-A: 1\r\nHOST: h\r\nx-a: 2\r\nX-a:3\r\n\r\n");
    ASSERT_EQ(r.st, status::done);
    EXPECT_EQ(r.head.count("x-A"), 3u);
    const auto v = r.head.values("X-A");
    ASSERT_EQ(v.size(), 3u);
    EXPECT_EQ(v[0], "1");
    EXPECT_EQ(v[1], "2");
    EXPECT_EQ(v[2], "3");
    EXPECT_EQ(r.head.value("host"), "h");
    EXPECT_EQ(r.head.value("x-a"), "1");  // the first when repeated
    EXPECT_FALSE(r.head.value("Upgrade").has_value());
    EXPECT_EQ(r.head.count("Upgrade"), 0u);
}

TEST(http_head_reader, ows_around_field_values_is_trimmed) {
    const auto r = read_whole(kind::request, "GET / HTTP/1.1\r\nA:  \t x y \t \r\nB:\r\nC: \r\n\r\n");
    ASSERT_EQ(r.st, status::done);
    EXPECT_EQ(r.head.value("A"), "x y");
    EXPECT_EQ(r.head.value("B"), "");
    EXPECT_EQ(r.head.value("C"), "");
}

TEST(http_head_reader, obs_text_is_allowed_in_values) {
    const auto r = read_whole(kind::request, "GET / HTTP/1.1\r\nA: caf\xC3\xA9\r\n\r\n");
    ASSERT_EQ(r.st, status::done);
    EXPECT_EQ(r.head.value("A"), "caf\xC3\xA9");
}

TEST(http_head_reader, has_token_reads_comma_lists_case_insensitively) {
    EXPECT_TRUE(wsc::has_token("Upgrade", "upgrade"));
    EXPECT_TRUE(wsc::has_token("keep-alive, Upgrade", "Upgrade"));
    EXPECT_TRUE(wsc::has_token("keep-alive,upgrade", "Upgrade"));
    EXPECT_TRUE(wsc::has_token(" \tUPGRADE\t ,x", "Upgrade"));
    EXPECT_TRUE(wsc::has_token(",,Upgrade,,", "Upgrade"));
    EXPECT_FALSE(wsc::has_token("Upgrades", "Upgrade"));
    EXPECT_FALSE(wsc::has_token("keep-alive", "Upgrade"));
    EXPECT_FALSE(wsc::has_token("", "Upgrade"));
    EXPECT_FALSE(wsc::has_token("Up grade", "Upgrade"));
    EXPECT_FALSE(wsc::has_token("Upgrade;q=1", "Upgrade"));
}

TEST(http_head_reader, list_elements_skips_empty_elements) {
    const auto v = wsc::list_elements(" chat ,, superchat,\t,");
    ASSERT_EQ(v.size(), 2u);
    EXPECT_EQ(v[0], "chat");
    EXPECT_EQ(v[1], "superchat");
    EXPECT_TRUE(wsc::list_elements("  ").empty());
}

TEST(http_head_reader, pipelined_bytes_after_the_head_are_leftover) {
    const std::string frame = "\x81\x85\x37\xfa\x21\x3d\x7f\x9f\x4d\x51\x58";
    const auto r = read_whole(kind::request, rfc_request + frame);
    ASSERT_EQ(r.st, status::done);
    EXPECT_EQ(r.leftover, frame);
}

TEST(http_head_reader, bytes_fed_after_done_join_the_leftover) {
    http_head_reader r(kind::request, 1024);
    ASSERT_EQ(r.receive(rfc_request + "ab"), status::done);
    EXPECT_EQ(r.receive("cd"), status::done);
    EXPECT_EQ(r.take_leftover(), "abcd");
    EXPECT_EQ(r.raw(), rfc_request);
}

TEST(http_head_reader, head_split_at_every_byte_gives_the_same_result) {
    const std::string bytes = rfc_request + "tail";
    const auto whole = read_whole(kind::request, bytes);
    ASSERT_EQ(whole.st, status::done);
    for (std::size_t cut = 0; cut <= bytes.size(); ++cut) {
        const auto r = read_split(kind::request, bytes, {cut});
        ASSERT_EQ(r.st, status::done) << "cut at " << cut;
        expect_same_head(whole.head, r.head);
        EXPECT_EQ(r.leftover, "tail") << "cut at " << cut;
    }
    // One byte at a time.
    std::vector<std::size_t> every;
    for (std::size_t i = 1; i < bytes.size(); ++i) every.push_back(i);
    const auto r = read_split(kind::request, bytes, every);
    ASSERT_EQ(r.st, status::done);
    expect_same_head(whole.head, r.head);
    EXPECT_EQ(r.leftover, "tail");
}

TEST(http_head_reader, head_split_at_random_points_gives_the_same_result) {
    const std::string bytes = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                              "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n\r\n\x81\x05hello";
    const auto whole = read_whole(kind::response, bytes);
    ASSERT_EQ(whole.st, status::done);
    std::mt19937 rng(6455);
    for (int round = 0; round < 200; ++round) {
        std::vector<std::size_t> cuts;
        for (std::size_t i = 1; i < bytes.size(); ++i)
            if (rng() % 5 == 0) cuts.push_back(i);
        const auto r = read_split(kind::response, bytes, cuts);
        ASSERT_EQ(r.st, status::done);
        expect_same_head(whole.head, r.head);
        EXPECT_EQ(r.leftover, whole.leftover);
    }
}

TEST(http_head_reader, a_failure_is_the_same_at_every_split) {
    const std::string bytes = "GET / HTTP/1.1\r\nHost: a\r\n Folded: b\r\n\r\n";
    for (std::size_t cut = 0; cut <= bytes.size(); ++cut) {
        const auto r = read_split(kind::request, bytes, {cut});
        EXPECT_EQ(r.st, status::failed);
        EXPECT_EQ(r.failure, error::handshake_malformed);
    }
}

TEST(http_head_reader, line_ends_must_be_crlf) {
    EXPECT_EQ(malformed_request("GET / HTTP/1.1\nHost: a\r\n\r\n"), error::handshake_malformed);
    EXPECT_EQ(malformed_request("GET / HTTP/1.1\r\nHost: a\n\r\n"), error::handshake_malformed);
    EXPECT_EQ(malformed_request("GET / HTTP/1.1\r\nHost: a\r\n\n"), error::handshake_malformed);
    EXPECT_EQ(malformed_request("GET / HTTP/1.1\r\nHost: a\rb\r\n\r\n"), error::handshake_malformed);
    EXPECT_EQ(malformed_request("GET / HTTP/1.1\r\r\n\r\n"), error::handshake_malformed);
}

TEST(http_head_reader, obs_fold_is_rejected) {
    EXPECT_EQ(malformed_request("GET / HTTP/1.1\r\nUpgrade:\r\n websocket\r\n\r\n"), error::handshake_malformed);
    EXPECT_EQ(malformed_request("GET / HTTP/1.1\r\nUpgrade: a\r\n\twebsocket\r\n\r\n"), error::handshake_malformed);
    // Whitespace between the start line and the first field (RFC 9112 §2.2).
    EXPECT_EQ(malformed_request("GET / HTTP/1.1\r\n Host: a\r\n\r\n"), error::handshake_malformed);
}

TEST(http_head_reader, malformed_field_lines_are_rejected) {
    for (const char* bytes : {
             "GET / HTTP/1.1\r\nHost : a\r\n\r\n",       // whitespace before the colon
             "GET / HTTP/1.1\r\nHost\t: a\r\n\r\n",
             "GET / HTTP/1.1\r\nHost a\r\n\r\n",         // no colon
             "GET / HTTP/1.1\r\n: a\r\n\r\n",            // empty name
             "GET / HTTP/1.1\r\nHo(st: a\r\n\r\n",       // name not a token
             "GET / HTTP/1.1\r\nHost: a\x7f\r\n\r\n",    // DEL in the value
         }) {
        EXPECT_EQ(malformed_request(bytes), error::handshake_malformed) << bytes;
    }
    using namespace std::string_literals;
    EXPECT_EQ(malformed_request("GET / HTTP/1.1\r\nHost: a\0b\r\n\r\n"s), error::handshake_malformed);
}

TEST(http_head_reader, malformed_request_lines_are_rejected) {
    for (const char* bytes : {
             "GET /  HTTP/1.1\r\n\r\n", "GET / HTTP/1.1 \r\n\r\n", " GET / HTTP/1.1\r\n\r\n",
             "GET\t/ HTTP/1.1\r\n\r\n", "GET / HTTP/1.10\r\n\r\n", "GET / HTTP/1\r\n\r\n", "GET / http/1.1\r\n\r\n",
             "GET HTTP/1.1\r\n\r\n", "G{T / HTTP/1.1\r\n\r\n", "GET /\x80 HTTP/1.1\r\n\r\n",
         }) {
        EXPECT_EQ(malformed_request(bytes), error::handshake_malformed) << bytes;
    }
}

TEST(http_head_reader, empty_lines_before_the_request_line_are_skipped) {
    const auto r = read_whole(kind::request, "\r\n\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n");
    ASSERT_EQ(r.st, status::done);
    EXPECT_EQ(r.head.method, "GET");
    // A response has no such allowance: an empty first line is no status line.
    EXPECT_EQ(read_whole(kind::response, "\r\nHTTP/1.1 101 x\r\n\r\n").st, status::failed);
}

TEST(http_head_reader, head_of_exactly_max_size_is_accepted) {
    const std::string bytes = "GET / HTTP/1.1\r\nHost: a\r\n\r\n";
    EXPECT_EQ(read_whole(kind::request, bytes, bytes.size()).st, status::done);
    const auto r = read_whole(kind::request, bytes + "more", bytes.size());
    EXPECT_EQ(r.st, status::done);
    EXPECT_EQ(r.leftover, "more");
}

TEST(http_head_reader, head_one_byte_over_max_size_is_too_large) {
    const std::string bytes = "GET / HTTP/1.1\r\nHost: a\r\n\r\n";
    const auto r = read_whole(kind::request, bytes, bytes.size() - 1);
    EXPECT_EQ(r.st, status::failed);
    EXPECT_EQ(r.failure, error::handshake_too_large);
    for (std::size_t cut = 0; cut <= bytes.size(); ++cut)
        EXPECT_EQ(read_split(kind::request, bytes, {cut}, bytes.size() - 1).failure, error::handshake_too_large);
}

TEST(http_head_reader, endless_header_never_buffers_more_than_max_size) {
    // A peer streaming 1 GiB of one header line: the reader must fail once the
    // bound is crossed, holding at most max_size bytes.
    constexpr std::size_t max = 8 * 1024;
    const std::string chunk(64 * 1024, 'a');
    http_head_reader r(kind::request, max);
    ASSERT_EQ(r.receive("GET / HTTP/1.1\r\nX-Big: "), status::need_more);
    status st = status::need_more;
    std::size_t fed = 0;
    while (st == status::need_more && fed < (std::size_t{1} << 30)) {
        st = r.receive(chunk);
        fed += chunk.size();
        EXPECT_LE(r.raw().size(), max);
    }
    EXPECT_EQ(st, status::failed);
    EXPECT_EQ(r.failure(), error::handshake_too_large);
    EXPECT_EQ(fed, chunk.size());  // failed on the first chunk that crossed the bound
    EXPECT_EQ(r.raw().size(), max);
    EXPECT_EQ(r.receive("\r\n\r\n"), status::failed);  // and stays failed
}

TEST(http_head_reader, many_short_headers_are_bounded_too) {
    std::string bytes = "GET / HTTP/1.1\r\n";
    for (int i = 0; i < 2000; ++i) bytes += "X: y\r\n";
    bytes += "\r\n";
    const auto r = read_whole(kind::request, bytes, 4096);
    EXPECT_EQ(r.failure, error::handshake_too_large);
}

TEST(http_head_reader, detail_names_the_bad_line) {
    http_head_reader r(kind::request, 1024);
    ASSERT_EQ(r.receive("GET / HTTP/1.1\r\nHost : a\r\n\r\n"), status::failed);
    EXPECT_NE(r.detail().find("line 2"), std::string::npos) << r.detail();
    EXPECT_NE(r.detail().find("RFC 9112 §5.1"), std::string::npos) << r.detail();
}

}  // namespace

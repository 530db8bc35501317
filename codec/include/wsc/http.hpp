// The slice of HTTP/1.1 (RFC 9112) the opening handshake needs: reading one head
// (request or status line plus headers) incrementally and with a size bound.
//
// The reader is strict where RFC 9112 lets a recipient choose, because it is the
// oracle of a conformance suite: lines end in CRLF only (a bare LF or a bare CR is
// handshake_malformed; §2.2 only says a recipient MAY accept a bare LF), obs-fold
// is rejected (§5.2), and whitespace between a field name and its colon is rejected
// (§5.1). It is lenient in two places the RFC asks for: empty lines before a request
// line are skipped (§2.2 SHOULD), and a status line may stop after the status code
// (the reason phrase is optional and clients SHOULD ignore it, §4).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "wsc/error.hpp"

namespace wsc {

struct http_header {
    std::string name;
    std::string value;
};

struct http_head {
    // Request: method, target, version. Response: version, status, reason.
    // `version` is spelled as on the wire, e.g. "HTTP/1.1".
    std::string method, target, version, reason;
    int status = 0;
    std::vector<http_header> headers;

    // All values of a header (case-insensitive name), in order.
    std::vector<std::string_view> values(std::string_view name) const;
    std::size_t count(std::string_view name) const;
    // The single value; nullopt when absent, the first when repeated (callers that
    // must see a header once check count()).
    std::optional<std::string_view> value(std::string_view name) const;
};

// True if a comma-separated header value holds `token` (case-insensitive), as
// RFC 9110 §5.6.1 lists are read.
bool has_token(std::string_view list, std::string_view token) noexcept;
// The non-empty elements of a comma-separated list with OWS trimmed (RFC 9110 §5.6.1
// lets a recipient skip empty elements). Views point into `list`.
std::vector<std::string_view> list_elements(std::string_view list);

class http_head_reader {
public:
    enum class status { need_more, done, failed };
    enum class kind { request, response };

    http_head_reader(kind k, std::size_t max_size) : kind_(k), max_size_(max_size) {}
    // Consumes bytes up to the end of the head; bytes after it stay in leftover(),
    // and so do bytes fed after done. At most max_size bytes of head are buffered:
    // the byte that would exceed the bound fails the read with handshake_too_large.
    // A malformed line fails as soon as it is complete.
    status receive(std::string_view bytes);
    const http_head& head() const noexcept { return head_; }
    std::string take_leftover() { return std::move(leftover_); }
    error failure() const noexcept { return error_; }
    // What was wrong, in words, once failed.
    const std::string& detail() const noexcept { return detail_; }
    // The head as received (start line to the blank line), or the part read so far.
    const std::string& raw() const noexcept { return buffer_; }

private:
    // Reads one complete line (CRLF removed): need_more to go on, done on the
    // blank line that ends the head, failed with error_ and detail_ set.
    status parse_line(std::string_view line);
    status parse_request_line(std::string_view line);
    status parse_status_line(std::string_view line);
    status parse_field_line(std::string_view line);
    status fail(error e, std::string detail);

    kind kind_;
    std::size_t max_size_;
    std::string buffer_;
    std::string leftover_;
    http_head head_;
    error error_ = error::none;
    std::string detail_;
    bool done_ = false;
    bool start_line_seen_ = false;
    std::size_t line_start_ = 0;   // offset in buffer_ of the line being read
    std::size_t line_number_ = 0;  // 1-based, for detail()
};

}  // namespace wsc

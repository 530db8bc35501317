// RFC 6455 §9.1 Sec-WebSocket-Extensions grammar: a comma-separated list of
// extensions, each with ';'-separated parameters, values as tokens or quoted strings.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wsc {

struct extension_param {
    std::string name;
    std::optional<std::string> value;  // unquoted
};

struct extension {
    std::string name;
    std::vector<extension_param> params;
};

// Appends to out; returns false (out unspecified) on a syntax error. Several header
// lines are joined with ", " by the caller before parsing. Empty list elements
// ("a, , b") are skipped as RFC 9110 §5.6.1.2 requires, but the list must hold at
// least one extension (1#extension).
bool parse_extensions(std::string_view header_value, std::vector<extension>& out);
// Canonical form: "name; p; q=v", values as tokens where they are tokens and as
// quoted-strings otherwise. Names are expected to be tokens and values free of
// control characters other than HTAB (what parse_extensions produces).
std::string format_extension(const extension& e);

}  // namespace wsc

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
// lines are joined with ", " by the caller before parsing.
bool parse_extensions(std::string_view header_value, std::vector<extension>& out);
std::string format_extension(const extension& e);

}  // namespace wsc

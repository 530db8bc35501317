// The request target of a fuzzing-server connection: path and query parameters,
// percent-decoded ("/runCase?case=3&agent=my%20agent").
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace wsc::cli {

struct request_target {
    std::string path;
    std::map<std::string, std::string> query;  // the first value of a repeated key wins

    std::optional<std::string> param(const std::string& key) const;
};

request_target parse_request_target(std::string_view target);
std::string percent_decode(std::string_view text);  // '+' is a space, as in forms

}  // namespace wsc::cli

#pragma once

#include <map>
#include <string>

#include "json_reader.hpp"
#include "wsc/catalogue/case.hpp"

namespace wsc::catalogue::detail {

// What a file header tells every case in it.
struct FileContext {
    int section = 0;
    std::string category;
    std::map<std::string, std::string> subsections;  // "6.4" -> label
};

Case read_case(const Node& node, const FileContext& context);

}  // namespace wsc::catalogue::detail

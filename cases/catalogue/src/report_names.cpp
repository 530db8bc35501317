#include "wsc/catalogue/report_names.hpp"

namespace wsc::catalogue {

std::string sanitize_agent(std::string_view agent) {
    std::string s;
    s.reserve(agent.size());
    for (char c : agent) {
        char lower = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        bool keep = (lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9');
        s += keep ? lower : ' ';
    }
    auto first = s.find_first_not_of(' ');
    if (first == std::string::npos) return {};
    s = s.substr(first, s.find_last_not_of(' ') - first + 1);
    for (char& c : s) {
        if (c == ' ') c = '_';
    }
    return s;
}

std::string report_file_name(std::string_view agent, std::string_view case_id, std::string_view extension) {
    std::string id(case_id);
    for (char& c : id) {
        if (c == '.') c = '_';
    }
    return sanitize_agent(agent) + "_case_" + id + "." + std::string(extension);
}

}  // namespace wsc::catalogue

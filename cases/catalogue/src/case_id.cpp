#include "wsc/catalogue/case_id.hpp"

#include <stdexcept>

namespace wsc::catalogue {

std::optional<CaseId> CaseId::try_parse(std::string_view text) {
    CaseId id;
    std::size_t start = 0;
    while (true) {
        std::size_t dot = text.find('.', start);
        std::string_view part = text.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start);
        if (part.empty() || part.size() > 6) return std::nullopt;
        if (part.size() > 1 && part[0] == '0') return std::nullopt;  // one spelling per ID
        int value = 0;
        for (char c : part) {
            if (c < '0' || c > '9') return std::nullopt;
            value = value * 10 + (c - '0');
        }
        id.parts_.push_back(value);
        if (dot == std::string_view::npos) break;
        start = dot + 1;
    }
    if (id.parts_.size() < 2) return std::nullopt;
    return id;
}

CaseId CaseId::parse(std::string_view text) {
    auto id = try_parse(text);
    if (!id) throw std::invalid_argument("not a case ID: '" + std::string(text) + "'");
    return *id;
}

std::string CaseId::subsection() const {
    if (parts_.size() < 3) return {};
    return std::to_string(parts_[0]) + "." + std::to_string(parts_[1]);
}

std::string CaseId::str() const {
    std::string out;
    for (std::size_t i = 0; i < parts_.size(); ++i) {
        if (i) out += '.';
        out += std::to_string(parts_[i]);
    }
    return out;
}

bool autobahn_string_less(const CaseId& a, const CaseId& b) { return a.str() < b.str(); }

}  // namespace wsc::catalogue

#include "wsc/report/case_order.hpp"

#include <array>
#include <charconv>
#include <optional>
#include <utility>

namespace wsc::report {

namespace {

std::vector<std::string_view> parts(std::string_view id) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    for (;;) {
        const auto dot = id.find('.', start);
        out.push_back(id.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start));
        if (dot == std::string_view::npos) return out;
        start = dot + 1;
    }
}

std::optional<unsigned long long> number(std::string_view s) {
    if (s.empty() || s.size() > 18) return std::nullopt;
    unsigned long long v = 0;
    const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc{} || p != s.data() + s.size()) return std::nullopt;
    return v;
}

}  // namespace

bool case_id_less(std::string_view a, std::string_view b) {
    const auto pa = parts(a), pb = parts(b);
    for (std::size_t i = 0; i < pa.size() && i < pb.size(); ++i) {
        const auto na = number(pa[i]), nb = number(pb[i]);
        if (na && nb) {
            if (*na != *nb) return *na < *nb;
            if (pa[i] != pb[i]) return pa[i] < pb[i];  // "01" vs "1": any fixed order
            continue;
        }
        if (na != nb && (na || nb)) return na.has_value();  // numbers first
        if (pa[i] != pb[i]) return pa[i] < pb[i];
    }
    return pa.size() < pb.size();
}

std::string case_section(std::string_view id) { return std::string(id.substr(0, id.find('.'))); }

std::string case_subsection(std::string_view id) {
    const auto first = id.find('.');
    if (first == std::string_view::npos) return {};
    const auto second = id.find('.', first + 1);
    if (second == std::string_view::npos) return {};
    return std::string(id.substr(0, second));
}

std::string section_title(std::string_view section) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 12> titles{{
        {"1", "Framing"},
        {"2", "Pings/Pongs"},
        {"3", "Reserved Bits"},
        {"4", "Opcodes"},
        {"5", "Fragmentation"},
        {"6", "UTF-8 Handling"},
        {"7", "Close Handling"},
        {"9", "Limits/Performance"},
        {"10", "Misc"},
        {"12", "WebSocket Compression (different payloads)"},
        {"13", "WebSocket Compression (different parameters)"},
        {"0", "Opening Handshake"},
    }};
    for (const auto& [k, v] : titles)
        if (k == section) return std::string(v);
    return {};
}

std::optional<rfc_ref> parse_rfc_label(std::string_view label) {
    // "RFC 6455 §5.5.1" (the catalogue's form); the section sign is two bytes in UTF-8.
    if (label.rfind("RFC ", 0) != 0) return std::nullopt;
    label.remove_prefix(4);
    std::string rfc = "rfc";
    while (!label.empty() && label.front() >= '0' && label.front() <= '9') {
        rfc += label.front();
        label.remove_prefix(1);
    }
    if (rfc.size() == 3) return std::nullopt;
    while (!label.empty() && (label.front() == ' ' || label.front() == '\xC2' || label.front() == '\xA7'))
        label.remove_prefix(1);
    std::string section;
    while (!label.empty() && ((label.front() >= '0' && label.front() <= '9') || label.front() == '.')) {
        section += label.front();
        label.remove_prefix(1);
    }
    while (!section.empty() && section.back() == '.') section.pop_back();
    if (section.empty()) return std::nullopt;
    return rfc_ref{rfc, section};
}

std::string rfc_ref::url() const { return "https://www.rfc-editor.org/rfc/" + rfc + "#section-" + section; }

rfc_ref default_rfc_ref(std::string_view id) {
    // The RFC section each Autobahn category exercises; the catalogue, when linked,
    // gives a case's own section instead.
    const std::string sec = case_section(id), sub = case_subsection(id);
    if (sec == "1") return {"rfc6455", "5.6"};
    if (sec == "2") return {"rfc6455", "5.5.2"};
    if (sec == "3") return {"rfc6455", "5.2"};
    if (sec == "4") return {"rfc6455", "5.2"};
    if (sec == "5") return {"rfc6455", "5.4"};
    if (sec == "6") return {"rfc6455", "8.1"};
    if (sec == "7") {
        if (sub == "7.5") return {"rfc6455", "8.1"};
        if (sub == "7.7" || sub == "7.9" || sub == "7.13") return {"rfc6455", "7.4.1"};
        return {"rfc6455", "5.5.1"};
    }
    if (sec == "9") return {"rfc6455", "10.4"};
    if (sec == "10") return {"rfc6455", "5.4"};
    if (sec == "12") return {"rfc7692", "7.2"};
    if (sec == "13") return {"rfc7692", "7.1"};
    if (sec == "0") return {"rfc6455", "4.2.1"};
    return {"rfc6455", "5"};
}

}  // namespace wsc::report

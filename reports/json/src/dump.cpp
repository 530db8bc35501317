#include <algorithm>
#include <cstdlib>
#include <vector>

#include "wsc/report/autobahn_json.hpp"

namespace wsc::report {

namespace {

using nlohmann::json;

// Autobahn writes with Python's json.dump(indent=3, sort_keys=True). Its statistics
// maps have integer keys, which Python sorts numerically before turning them into
// strings ("4" before "166"); every other object has string keys in bytewise order,
// which is also nlohmann's order.
bool all_decimal_keys(const json& j) {
    if (j.empty()) return false;
    for (auto it = j.begin(); it != j.end(); ++it) {
        const auto& k = it.key();
        if (k.empty() || k.size() > 18 || !std::all_of(k.begin(), k.end(), [](char c) { return c >= '0' && c <= '9'; }))
            return false;
    }
    return true;
}

std::string scalar(const json& j) { return j.dump(-1, ' ', true, json::error_handler_t::replace); }

void write(const json& j, int depth, std::string& out) {
    const std::string pad(static_cast<std::size_t>(depth + 1) * 3, ' ');
    const std::string close_pad(static_cast<std::size_t>(depth) * 3, ' ');
    if (j.is_object()) {
        if (j.empty()) {
            out += "{}";
            return;
        }
        std::vector<json::const_iterator> items;
        for (auto it = j.begin(); it != j.end(); ++it) items.push_back(it);
        if (all_decimal_keys(j))
            std::stable_sort(items.begin(), items.end(), [](const auto& a, const auto& b) {
                return std::strtoull(a.key().c_str(), nullptr, 10) < std::strtoull(b.key().c_str(), nullptr, 10);
            });
        out += "{\n";
        for (std::size_t i = 0; i < items.size(); ++i) {
            out += pad;
            out += scalar(json(items[i].key()));
            out += ": ";
            write(items[i].value(), depth + 1, out);
            out += i + 1 < items.size() ? ",\n" : "\n";
        }
        out += close_pad + "}";
    } else if (j.is_array()) {
        if (j.empty()) {
            out += "[]";
            return;
        }
        out += "[\n";
        for (std::size_t i = 0; i < j.size(); ++i) {
            out += pad;
            write(j[i], depth + 1, out);
            out += i + 1 < j.size() ? ",\n" : "\n";
        }
        out += close_pad + "]";
    } else {
        out += scalar(j);
    }
}

}  // namespace

// ensure_ascii matches Python's default \uXXXX escaping; octets that are not UTF-8 (a
// peer's raw reason or handshake head) are replaced rather than thrown on.
std::string dump_autobahn(const json& j, int depth) {
    std::string out;
    write(j, depth, out);
    return out;
}

}  // namespace wsc::report

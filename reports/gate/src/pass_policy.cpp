#include "wsc/report/pass_policy.hpp"

#include <array>
#include <stdexcept>

namespace wsc::report {

namespace {

// Best first (docs/exit-codes.md): an INFORMATIONAL case has no wrong answer, so
// it ranks above NON-STRICT.
constexpr std::array<std::string_view, 6> main_verdicts{behavior::ok,         behavior::informational,
                                                        behavior::non_strict, behavior::unimplemented,
                                                        "NO_CLOSE",           behavior::failed};
constexpr std::array<std::string_view, 6> close_verdicts{behavior::ok,           behavior::informational,
                                                         behavior::failed_by_client, behavior::wrong_code,
                                                         behavior::unclean,       behavior::failed};

std::string_view trim(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
}

std::set<std::string> verdict_list(std::string_view list, bool close) {
    std::set<std::string> out;
    while (!list.empty()) {
        const auto comma = list.find(',');
        const auto item = trim(list.substr(0, comma));
        if (!item.empty()) {
            if (!(close ? is_known_close(item) : is_known_behavior(item)))
                throw std::invalid_argument("unknown " + std::string(close ? "close" : "behavior") + " verdict '" +
                                            std::string(item) + "'");
            out.emplace(item);
        }
        if (comma == std::string_view::npos) break;
        list.remove_prefix(comma + 1);
    }
    return out;
}

std::string join(const std::set<std::string>& s) {
    std::string out;
    for (const auto& v : s) out += (out.empty() ? "" : ",") + v;
    return out;
}

}  // namespace

bool pass_policy::passes(std::string_view main, std::string_view close) const {
    return behavior.count(std::string(main)) && behavior_close.count(std::string(close));
}

pass_policy pass_policy::strict() {
    pass_policy p;
    p.behavior = {behavior::ok, behavior::informational};
    p.behavior_close = {behavior::ok, behavior::informational};
    return p;
}

pass_policy pass_policy::parse(std::string_view spec) {
    spec = trim(spec);
    if (spec.empty() || spec == "default") return {};
    if (spec == "strict") return strict();
    pass_policy p;
    while (!spec.empty()) {
        const auto semi = spec.find(';');
        const auto part = trim(spec.substr(0, semi));
        const auto eq = part.find('=');
        if (eq == std::string_view::npos)
            throw std::invalid_argument("pass policy: expected 'behavior=...' or 'close=...', got '" + std::string(part) +
                                        "'");
        const auto key = trim(part.substr(0, eq));
        if (key == "behavior")
            p.behavior = verdict_list(part.substr(eq + 1), false);
        else if (key == "close" || key == "behaviorClose")
            p.behavior_close = verdict_list(part.substr(eq + 1), true);
        else
            throw std::invalid_argument("pass policy: unknown key '" + std::string(key) + "'");
        if (semi == std::string_view::npos) break;
        spec.remove_prefix(semi + 1);
    }
    return p;
}

std::string pass_policy::to_string() const { return "behavior=" + join(behavior) + ";close=" + join(behavior_close); }

nlohmann::json pass_policy::to_json() const {
    return {{"behavior", behavior}, {"behaviorClose", behavior_close}};
}

pass_policy pass_policy::from_json(const nlohmann::json& j) {
    pass_policy p;
    const auto read = [&](const char* key, bool close, std::set<std::string>& into) {
        if (!j.contains(key)) return;
        const auto& list = j.at(key);
        if (!list.is_array()) throw std::invalid_argument(std::string("pass policy: '") + key + "' must be a list");
        into.clear();
        for (const auto& v : list) {
            if (!v.is_string()) throw std::invalid_argument(std::string("pass policy: '") + key + "' holds a non-string");
            const auto s = v.get<std::string>();
            if (!(close ? is_known_close(s) : is_known_behavior(s)))
                throw std::invalid_argument("pass policy: unknown verdict '" + s + "'");
            into.insert(s);
        }
    };
    if (!j.is_object()) throw std::invalid_argument("pass policy must be an object");
    read("behavior", false, p.behavior);
    read("behaviorClose", true, p.behavior_close);
    return p;
}

int behavior_severity(std::string_view v) {
    for (std::size_t i = 0; i < main_verdicts.size(); ++i)
        if (main_verdicts[i] == v) return static_cast<int>(i);
    return static_cast<int>(main_verdicts.size());  // unknown or missing: worst
}

int close_severity(std::string_view v) {
    for (std::size_t i = 0; i < close_verdicts.size(); ++i)
        if (close_verdicts[i] == v) return static_cast<int>(i);
    return static_cast<int>(close_verdicts.size());
}

bool is_known_behavior(std::string_view v) { return behavior_severity(v) < static_cast<int>(main_verdicts.size()); }
bool is_known_close(std::string_view v) { return close_severity(v) < static_cast<int>(close_verdicts.size()); }

}  // namespace wsc::report

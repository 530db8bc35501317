#include "wsc/catalogue/select.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>

namespace wsc::catalogue {

namespace {

// Glob with '*' only. With anchored=false a match may stop before the end of the text, which is
// how Python's re.match treats the compiled Autobahn pattern.
bool glob(std::string_view pat, std::string_view text, bool anchored) {
    std::size_t p = 0, t = 0, star = std::string_view::npos, resume = 0;
    while (true) {
        if (p == pat.size() && (!anchored || t == text.size())) return true;
        if (p < pat.size() && pat[p] == '*') {
            star = p++;
            resume = t;
            continue;
        }
        if (p < pat.size() && t < text.size() && pat[p] == text[t]) {
            ++p;
            ++t;
            continue;
        }
        if (star == std::string_view::npos || resume >= text.size()) return false;
        p = star + 1;
        t = ++resume;
    }
}

bool has_wildcard(std::string_view s) { return s.find('*') != std::string_view::npos; }

}  // namespace

bool prefix_pattern_matches(std::string_view pattern, std::string_view id) { return glob(pattern, id, false); }

bool anchored_pattern_matches(std::string_view pattern, std::string_view text) { return glob(pattern, text, true); }

std::vector<const Case*> select(const std::vector<Case>& cases, const std::vector<std::string>& include,
                                const std::vector<std::string>& exclude, std::string_view agent,
                                const ExcludeAgentCases& exclude_agent_cases) {
    std::set<const Case*> chosen;
    for (const std::string& entry : include) {
        bool found = false;
        for (const Case& c : cases) {
            std::string id = c.id.str();
            if (has_wildcard(entry) ? prefix_pattern_matches(entry, id) : entry == id) {
                chosen.insert(&c);
                found = true;
            }
        }
        if (!found && !has_wildcard(entry)) throw std::invalid_argument("unknown case ID '" + entry + "' in cases");
    }
    auto drop_if = [&](auto pred) {
        for (auto it = chosen.begin(); it != chosen.end();) it = pred(**it) ? chosen.erase(it) : std::next(it);
    };
    for (const std::string& entry : exclude) {
        drop_if([&](const Case& c) {
            return has_wildcard(entry) ? prefix_pattern_matches(entry, c.id.str()) : entry == c.id.str();
        });
    }
    for (const auto& [agent_pattern, case_patterns] : exclude_agent_cases) {
        if (!anchored_pattern_matches(agent_pattern, agent)) continue;
        for (const std::string& p : case_patterns) {
            drop_if([&](const Case& c) { return anchored_pattern_matches(p, c.id.str()); });
        }
    }
    std::vector<const Case*> out(chosen.begin(), chosen.end());
    std::sort(out.begin(), out.end(), [](const Case* a, const Case* b) { return a->id < b->id; });
    return out;
}

}  // namespace wsc::catalogue

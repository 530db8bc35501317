#include "wsc/report/run_diff.hpp"

#include <algorithm>

#include "wsc/report/case_order.hpp"
#include "wsc/report/pass_policy.hpp"

namespace wsc::report {

namespace {

int direction_of(const verdict_pair& a, const verdict_pair& b) {
    const int main = behavior_severity(b.behavior) - behavior_severity(a.behavior);
    const int close = close_severity(b.behavior_close) - close_severity(a.behavior_close);
    if (main >= 0 && close >= 0 && (main > 0 || close > 0)) return -1;
    if (main <= 0 && close <= 0 && (main < 0 || close < 0)) return 1;
    return 0;
}

void diff_agent(const std::map<std::string, case_result>& before, const std::map<std::string, case_result>& after,
                const std::string& name, run_diff& d) {
    std::vector<std::string> ids;
    for (const auto& [id, r] : before) ids.push_back(id);
    for (const auto& [id, r] : after)
        if (!before.count(id)) ids.push_back(id);
    std::sort(ids.begin(), ids.end(), case_id_order{});
    for (const auto& id : ids) {
        verdict_change c{name, id, std::nullopt, std::nullopt, 0};
        if (const auto it = before.find(id); it != before.end())
            c.before = verdict_pair{it->second.behavior, it->second.behavior_close};
        if (const auto it = after.find(id); it != after.end())
            c.after = verdict_pair{it->second.behavior, it->second.behavior_close};
        if (c.before && c.after) {
            ++d.compared;
            if (*c.before == *c.after) continue;
            c.direction = direction_of(*c.before, *c.after);
        }
        d.changes.push_back(std::move(c));
    }
}

}  // namespace

run_diff diff_runs(const result_set& before, const result_set& after, std::string label_before,
                   std::string label_after) {
    run_diff d;
    d.label_before = std::move(label_before);
    d.label_after = std::move(label_after);
    if (before.size() == 1 && after.size() == 1) {
        d.agents.emplace_back(before.begin()->first, after.begin()->first);
        diff_agent(before.begin()->second, after.begin()->second, after.begin()->first, d);
        return d;
    }
    static const std::map<std::string, case_result> none;
    for (const auto& [agent, cases] : after) {
        const auto it = before.find(agent);
        d.agents.emplace_back(it == before.end() ? std::string() : agent, agent);
        diff_agent(it == before.end() ? none : it->second, cases, agent, d);
    }
    for (const auto& [agent, cases] : before) {
        if (after.count(agent)) continue;
        d.agents.emplace_back(agent, std::string());
        diff_agent(cases, none, agent, d);
    }
    return d;
}

}  // namespace wsc::report

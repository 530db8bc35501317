#include "wsc/report/baseline.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "wsc/report/case_order.hpp"
#include "wsc/report/text.hpp"

namespace wsc::report {

namespace {

std::string string_field(const nlohmann::json& j, const char* key, const std::string& where, bool required) {
    const auto it = j.find(key);
    if (it == j.end() || it->is_null()) {
        if (required) throw baseline_error(where + ": missing \"" + key + "\"");
        return {};
    }
    if (!it->is_string()) throw baseline_error(where + ": \"" + key + "\" must be a string");
    return it->get<std::string>();
}

// An Autobahn index.json ({agent: {id: {behavior, behaviorClose, ...}}}) as a
// baseline: what tungstenite-style projects already commit.
baseline from_index(const nlohmann::json& j, const pass_policy& policy) {
    baseline b;
    for (const auto& [agent, cases] : j.items()) {
        if (!cases.is_object()) throw baseline_error("index.json baseline: agent '" + agent + "' is not an object");
        for (const auto& [id, e] : cases.items()) {
            if (!e.is_object()) throw baseline_error("index.json baseline: " + agent + " " + id + " is not an object");
            baseline_entry entry{string_field(e, "behavior", agent + " " + id, true),
                                 string_field(e, "behaviorClose", agent + " " + id, true), "imported from index.json"};
            if (!policy.passes(entry.behavior, entry.behavior_close)) b.agents[agent][id] = std::move(entry);
        }
    }
    return b;
}

}  // namespace

const baseline_entry* baseline::find(const std::string& agent, const std::string& id) const {
    const auto a = agents.find(agent);
    if (a == agents.end()) return nullptr;
    const auto c = a->second.find(id);
    return c == a->second.end() ? nullptr : &c->second;
}

std::size_t baseline::size() const {
    std::size_t n = 0;
    for (const auto& [agent, cases] : agents) n += cases.size();
    return n;
}

baseline baseline::from_json(const nlohmann::json& j, const pass_policy& policy) {
    if (!j.is_object()) throw baseline_error("baseline: expected a JSON object");
    if (!j.contains("format")) return from_index(j, policy);
    if (j.at("format") != baseline_format)
        throw baseline_error("baseline: unsupported format " + j.at("format").dump() + " (expected \"" +
                             baseline_format + "\")");
    baseline b;
    if (const auto p = j.find("policy"); p != j.end() && !p->is_null()) {
        try {
            b.policy = pass_policy::from_json(*p);
        } catch (const std::invalid_argument& e) {
            throw baseline_error(std::string("baseline: ") + e.what());
        }
    }
    const auto agents = j.find("agents");
    if (agents == j.end()) return b;
    if (!agents->is_object()) throw baseline_error("baseline: \"agents\" must be an object");
    for (const auto& [agent, cases] : agents->items()) {
        if (!cases.is_object()) throw baseline_error("baseline: agent '" + agent + "' must map case IDs to entries");
        for (const auto& [id, e] : cases.items()) {
            const std::string where = "baseline: " + agent + " " + id;
            if (!e.is_object()) throw baseline_error(where + ": expected an object");
            baseline_entry entry{string_field(e, "behavior", where, true), string_field(e, "behaviorClose", where, true),
                                 string_field(e, "reason", where, false)};
            if (!is_known_behavior(entry.behavior))
                throw baseline_error(where + ": unknown behavior '" + entry.behavior + "'");
            if (!is_known_close(entry.behavior_close))
                throw baseline_error(where + ": unknown behaviorClose '" + entry.behavior_close + "'");
            b.agents[agent][id] = std::move(entry);
        }
    }
    return b;
}

baseline baseline::load(const std::filesystem::path& file, const pass_policy& policy) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw baseline_error("cannot read baseline " + file.string());
    std::ostringstream text;
    text << in.rdbuf();
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(text.str());
    } catch (const nlohmann::json::exception& e) {
        throw baseline_error(file.string() + ": not valid JSON (" + e.what() + ")");
    }
    return from_json(j, policy);
}

std::string baseline::dump() const {
    nlohmann::ordered_json out;
    out["format"] = baseline_format;
    if (policy) {
        nlohmann::ordered_json p;
        p["behavior"] = policy->behavior;
        p["behaviorClose"] = policy->behavior_close;
        out["policy"] = std::move(p);
    }
    nlohmann::ordered_json all = nlohmann::ordered_json::object();
    for (const auto& [agent, cases] : agents) {
        std::vector<std::string> ids;
        for (const auto& [id, e] : cases) ids.push_back(id);
        std::sort(ids.begin(), ids.end(), case_id_order{});
        nlohmann::ordered_json mine = nlohmann::ordered_json::object();
        for (const auto& id : ids) {
            const auto& e = cases.at(id);
            nlohmann::ordered_json entry;
            entry["behavior"] = e.behavior;
            entry["behaviorClose"] = e.behavior_close;
            entry["reason"] = e.reason;
            mine[id] = std::move(entry);
        }
        all[agent] = std::move(mine);
    }
    out["agents"] = std::move(all);
    return out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

void baseline::save(const std::filesystem::path& file) const {
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
    const auto tmp = std::filesystem::path(file.string() + ".tmp");
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) throw baseline_error("cannot write " + tmp.string());
        out << dump();
        if (!out.flush()) throw baseline_error("cannot write " + tmp.string());
    }
    std::filesystem::rename(tmp, file);
}

gate_result compare(const result_set& results, const baseline& accepted, const pass_policy& policy) {
    gate_result g;
    for (const auto& [agent, cases] : results) {
        std::vector<const case_result*> ordered;
        for (const auto& [id, r] : cases) ordered.push_back(&r);
        std::sort(ordered.begin(), ordered.end(),
                  [](const case_result* a, const case_result* b) { return case_id_less(a->id, b->id); });
        for (const case_result* r : ordered) {
            ++g.checked;
            const baseline_entry* e = accepted.find(agent, r->id);
            gate_finding f{agent, r->id, r->behavior, r->behavior_close,
                           e ? std::optional<baseline_entry>(*e) : std::nullopt, {}};
            if (policy.passes(*r)) {
                ++g.passed;
                if (e) {
                    f.why = "passes now; the baseline entry can go";
                    g.improvements.push_back(std::move(f));
                }
                continue;
            }
            if (!e) {
                f.why = "fails the pass policy and is not in the baseline";
                g.regressions.push_back(std::move(f));
                continue;
            }
            const int main_now = behavior_severity(r->behavior), main_was = behavior_severity(e->behavior);
            const int close_now = close_severity(r->behavior_close), close_was = close_severity(e->behavior_close);
            if (main_now > main_was || close_now > close_was) {
                f.why = "worse than the baseline " + e->behavior + " / " + e->behavior_close;
                g.regressions.push_back(std::move(f));
            } else if (main_now < main_was || close_now < close_was) {
                ++g.accepted;
                f.why = "better than the baseline " + e->behavior + " / " + e->behavior_close;
                g.improvements.push_back(std::move(f));
            } else {
                ++g.accepted;
            }
        }
    }
    for (const auto& [agent, cases] : accepted.agents) {
        const auto a = results.find(agent);
        for (const auto& [id, e] : cases) {
            if (a != results.end() && a->second.count(id)) continue;
            g.not_run.push_back({agent, id, {}, {}, e, "in the baseline but not in these results"});
        }
    }
    return g;
}

baseline updated(const result_set& results, const baseline& old, const pass_policy& policy) {
    baseline b = old;
    b.policy = policy;
    for (const auto& [agent, cases] : results) {
        for (const auto& [id, r] : cases) {
            if (policy.passes(r)) {
                if (auto a = b.agents.find(agent); a != b.agents.end()) a->second.erase(id);
                continue;
            }
            const baseline_entry* was = old.find(agent, id);
            b.agents[agent][id] = {r.behavior, r.behavior_close,
                                   was && !was->reason.empty() ? was->reason : baseline_todo_reason};
        }
    }
    for (auto it = b.agents.begin(); it != b.agents.end();) it = it->second.empty() ? b.agents.erase(it) : std::next(it);
    return b;
}

void print(const gate_result& g, std::ostream& out, std::size_t max_lines) {
    std::size_t lines = 0, left_out = 0;
    const auto line = [&](const char* tag, const gate_finding& f) {
        if (lines++ >= max_lines) {
            ++left_out;
            return;
        }
        out << tag << " " << text::valid_utf8(f.agent) << " " << text::valid_utf8(f.id) << ": ";
        if (!f.behavior.empty()) out << f.behavior << " / " << f.behavior_close << " - ";
        out << f.why;
        if (f.accepted && !f.accepted->reason.empty() && f.accepted->reason != baseline_todo_reason &&
            f.behavior.empty())
            out << " (" << text::valid_utf8(f.accepted->reason) << ")";
        out << "\n";
    };
    for (const auto& f : g.regressions) line("REGRESSION", f);
    for (const auto& f : g.improvements) line("IMPROVED  ", f);
    for (const auto& f : g.not_run) line("NOT RUN   ", f);
    if (left_out) out << "... and " << left_out << " more (see the HTML or JUnit report)\n";
    out << "gate: " << g.checked << " results, " << g.passed << " pass, " << g.accepted << " accepted by the baseline, "
        << g.regressions.size() << " regression" << (g.regressions.size() == 1 ? "" : "s") << ", "
        << g.improvements.size() << " improvement" << (g.improvements.size() == 1 ? "" : "s")
        << (g.ok() ? " - PASS" : " - FAIL") << "\n";
}

}  // namespace wsc::report

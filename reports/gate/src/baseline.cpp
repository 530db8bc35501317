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

// What the case itself says about the verdict that fails: the behavior's text,
// or the close's when only the close fails. Peers choose some of these words.
std::string one_line_reason(const case_result& r, const pass_policy& policy) {
    const bool main_fails = policy.behavior.count(r.behavior) == 0;
    std::string why = main_fails || r.result_close.empty() ? r.result : r.result_close;
    if (why.empty()) why = main_fails ? r.result_close : r.result;
    for (auto& c : why)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    return text::shorten(text::valid_utf8(why), 160);
}

}  // namespace

std::size_t gate_result::missing_count() const {
    std::size_t n = 0;
    for (const auto& m : missing) n += m.ids.size();
    return n;
}

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
                           e ? std::optional<baseline_entry>(*e) : std::nullopt, {}, one_line_reason(*r, policy)};
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
            g.not_run.push_back({agent, id, {}, {}, e, "in the baseline but not in these results", {}});
        }
    }
    return g;
}

gate_result compare(const result_set& results, const baseline& accepted, const pass_policy& policy,
                    const expected_cases& expected, bool allow_missing) {
    gate_result g = compare(results, accepted, policy);
    g.missing = find_missing(results, expected);
    g.missing_allowed = allow_missing;
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

const char* verdict_word(const gate_result& g) {
    if (!g.complete()) return "INCOMPLETE";
    return g.ok() ? "PASS" : "FAIL";
}

void print(const gate_result& g, std::ostream& out, const print_options& how) {
    std::size_t lines = 0, left_out = 0;
    const auto line = [&](const char* tag, const gate_finding& f) {
        if (lines++ >= how.max_lines) {
            ++left_out;
            return;
        }
        out << tag << " " << text::valid_utf8(f.agent) << " " << text::valid_utf8(f.id) << ": ";
        if (!f.behavior.empty()) out << f.behavior << " / " << f.behavior_close << " - ";
        // Without a baseline the case's own reason is the whole story.
        if (how.baseline || f.reason.empty()) out << f.why;
        if (!f.reason.empty()) out << (how.baseline ? ": " : "") << text::valid_utf8(f.reason);
        if (f.accepted && !f.accepted->reason.empty() && f.accepted->reason != baseline_todo_reason &&
            f.behavior.empty())
            out << " (" << text::valid_utf8(f.accepted->reason) << ")";
        out << "\n";
    };
    for (const auto& f : g.regressions) line(how.baseline ? "REGRESSION" : "FAIL      ", f);
    for (const auto& f : g.improvements) line("IMPROVED  ", f);
    for (const auto& f : g.not_run) line("NOT RUN   ", f);
    for (const auto& m : g.missing) {
        if (lines++ >= how.max_lines) {
            ++left_out;
            continue;
        }
        // One line per agent: a peer that died early leaves hundreds.
        out << "MISSING    " << text::valid_utf8(m.agent) << ": " << m.ids.size() << " of " << m.expected
            << " cases have no result: ";
        for (std::size_t i = 0; i < m.ids.size() && i < how.max_missing_ids; ++i)
            out << (i ? ", " : "") << text::valid_utf8(m.ids[i]);
        if (m.ids.size() > how.max_missing_ids) out << ", ... and " << m.ids.size() - how.max_missing_ids << " more";
        out << "\n";
    }
    if (left_out) out << "... and " << left_out << " more (see the HTML or JUnit report)\n";
    const std::size_t failing = g.regressions.size();
    out << "gate: " << g.checked << " results, " << g.passed << " pass, ";
    if (how.baseline)
        out << g.accepted << " accepted by the baseline, " << failing << " regression" << (failing == 1 ? "" : "s")
            << ", " << g.improvements.size() << " improvement" << (g.improvements.size() == 1 ? "" : "s");
    else
        out << failing << " fail the pass policy";
    if (!g.missing.empty()) out << ", " << g.missing_count() << " missing" << (g.missing_allowed ? " (allowed)" : "");
    if (how.not_gated.empty())
        out << " - " << verdict_word(g) << "\n";
    else
        out << " - NOT GATED: " << how.not_gated << "\n";
}

}  // namespace wsc::report

#include "wsc/report/junit.hpp"

#include <cstdio>
#include <fstream>
#include <set>

#include "wsc/report/case_order.hpp"
#include "wsc/report/text.hpp"

namespace wsc::report::junit {

namespace {

// Dots separate package levels in most JUnit viewers, so an agent like
// "AutobahnPython/0.10.9" must not bring its own.
std::string name_part(std::string_view s) {
    std::string out;
    for (char c : s) {
        const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
        out += keep ? c : '_';
    }
    return out.empty() ? "_" : out;
}

std::string seconds(double ms) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", ms < 0 ? 0.0 : ms / 1000.0);
    return buf;
}

std::string events(const std::vector<observed_event>& list) {
    if (list.empty()) return "[]";
    std::string out = "[";
    for (std::size_t i = 0; i < list.size(); ++i) {
        const auto& e = list[i];
        if (i) out += ", ";
        if (e.kind == "timeout")
            out += "timeout(" + e.data + ")";
        else
            out += e.kind + (e.kind == "message" ? (e.binary ? "(binary " : "(text ") : "(") +
                   text::display_payload(e.data, 64) + ")";
        if (i == 15 && list.size() > 16) {
            out += ", ... " + std::to_string(list.size() - 16) + " more";
            break;
        }
    }
    return out + "]";
}

std::string close_text(const case_result& r) {
    const auto& c = r.close;
    std::string out = "peer close code: " + (c.remote_close_code ? std::to_string(*c.remote_close_code) : "none");
    if (c.remote_close_reason) out += ", reason: " + text::shorten(text::valid_utf8(*c.remote_close_reason), 200);
    out += "; our close code: " + (c.local_close_code ? std::to_string(*c.local_close_code) : "none");
    out += c.was_clean ? "; clean" : "; not clean";
    if (c.was_not_clean_reason) out += " (" + *c.was_not_clean_reason + ")";
    return out;
}

std::string failure_body(const case_result& r) {
    std::string out = "behavior " + r.behavior + ": " + r.result + "\n";
    out += "behaviorClose " + r.behavior_close + ": " + r.result_close + "\n";
    for (const auto& [label, list] : r.expected) out += "expected " + label + ": " + events(list) + "\n";
    out += "observed: " + events(r.received) + "\n";
    if (!r.expected_close.is_null()) out += "expected close: " + r.expected_close.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
    out += close_text(r) + "\n";
    if (!r.note.empty()) out += "note: " + r.note + "\n";
    return out;
}

std::string join(const std::set<std::string>& values) {
    std::string s;
    for (const auto& v : values) s += (s.empty() ? "" : ", ") + v;
    return s;
}

struct counts {
    std::size_t tests = 0, failures = 0, errors = 0, skipped = 0;
    double ms = 0;
};

}  // namespace

std::string xml_escape(std::string_view s) {
    const std::string clean = text::valid_utf8(s);
    std::string out;
    out.reserve(clean.size());
    for (std::size_t i = 0; i < clean.size(); ++i) {
        const char c = clean[i];
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            case '\n': out += "&#10;"; break;
            case '\r': out += "&#13;"; break;
            case '\t': out += "&#9;"; break;
            default:
                // XML 1.0 excludes U+FFFE and U+FFFF (EF BF BE / EF BF BF).
                if (c == '\xEF' && i + 2 < clean.size() && clean[i + 1] == '\xBF' &&
                    (clean[i + 2] == '\xBE' || clean[i + 2] == '\xBF')) {
                    out += "\xEF\xBF\xBD";
                    i += 2;
                } else {
                    out += c;
                }
        }
    }
    return out;
}

std::string render(const result_set& results, const options& opts) {
    std::string suites;
    counts all;
    std::set<std::string, case_id_order> selected(opts.case_ids.begin(), opts.case_ids.end());
    std::set<std::string> agents;
    for (const auto& [agent, cases] : results) agents.insert(agent);
    if (opts.expected)
        for (const auto& [agent, ids] : *opts.expected) agents.insert(agent);
    const std::map<std::string, case_result> none;
    for (const auto& agent : agents) {
        const auto found = results.find(agent);
        const auto& cases = found == results.end() ? none : found->second;
        std::set<std::string, case_id_order> ids = selected;
        for (const auto& [id, r] : cases) ids.insert(id);
        std::set<std::string, case_id_order> owed;
        if (opts.expected)
            if (const auto e = opts.expected->find(agent); e != opts.expected->end()) owed.insert(e->second.begin(), e->second.end());
        ids.insert(owed.begin(), owed.end());
        counts mine;
        std::string body;
        for (const auto& id : ids) {
            const auto it = cases.find(id);
            const case_result* r = it == cases.end() ? nullptr : &it->second;
            const auto sec = case_section(id);
            const auto title = section_title(sec);
            const std::string classname = opts.suite_prefix + "." + name_part(agent) + "." + name_part(sec) +
                                          (title.empty() ? "" : "_" + name_part(title));
            const std::string desc = r ? text::shorten(text::valid_utf8(text::strip_tags(r->description)), 80) : "";
            ++mine.tests;
            body += "    <testcase classname=\"" + xml_escape(classname) + "\" name=\"" +
                    xml_escape(desc.empty() ? id : id + " " + desc) + "\" time=\"" +
                    seconds(r ? r->duration_ms : 0) + "\"";
            if (r) mine.ms += r->duration_ms;
            if (!r && opts.expected && !owed.count(id)) {
                ++mine.skipped;
                body += ">\n      <skipped message=\"not run for this agent (exclude-agent-cases)\"/>\n    </testcase>\n";
                continue;
            }
            if (!r) {
                ++mine.errors;
                body += ">\n      <error message=\"Missing: no result for this case\" type=\"missing\">"
                        "The run selected this case but recorded no result: the peer stopped answering, "
                        "the run was cut short, or the client under test never played it. wsconform exits 4 "
                        "(incomplete run) unless --allow-missing.</error>\n    </testcase>\n";
                continue;
            }
            const bool pass = opts.policy.passes(*r);
            const baseline_entry* e = opts.accepted ? opts.accepted->find(agent, id) : nullptr;
            const bool accepted = !pass && e && behavior_severity(r->behavior) <= behavior_severity(e->behavior) &&
                                  close_severity(r->behavior_close) <= close_severity(e->behavior_close);
            if (pass && r->behavior == behavior::unimplemented) {
                ++mine.skipped;
                body += ">\n      <skipped message=\"" + xml_escape("UNIMPLEMENTED: " + r->result) + "\"/>\n    </testcase>\n";
            } else if (pass) {
                body += "/>\n";
            } else if (accepted) {
                ++mine.skipped;
                body += ">\n      <skipped message=\"" +
                        xml_escape("accepted by the baseline (" + r->behavior + " / " + r->behavior_close +
                                   "): " + e->reason) +
                        "\"/>\n    </testcase>\n";
            } else {
                ++mine.failures;
                const std::string message = "behavior " + r->behavior + ", close " + r->behavior_close +
                                            " (pass: behavior in {" + join(opts.policy.behavior) +
                                            "}, close in {" + join(opts.policy.behavior_close) + "})";
                body += ">\n      <failure message=\"" + xml_escape(message) + "\" type=\"" +
                        xml_escape(r->behavior == behavior::ok ? r->behavior_close : r->behavior) + "\">" +
                        xml_escape(failure_body(*r)) + "</failure>\n    </testcase>\n";
            }
        }
        all.tests += mine.tests;
        all.failures += mine.failures;
        all.skipped += mine.skipped;
        all.errors += mine.errors;
        all.ms += mine.ms;
        suites += "  <testsuite name=\"" + xml_escape(opts.suite_prefix + "." + name_part(agent)) + "\" tests=\"" +
                  std::to_string(mine.tests) + "\" failures=\"" + std::to_string(mine.failures) +
                  "\" errors=\"" + std::to_string(mine.errors) + "\" skipped=\"" + std::to_string(mine.skipped) + "\" time=\"" + seconds(mine.ms) +
                  "\">\n    <properties>\n      <property name=\"agent\" value=\"" + xml_escape(agent) +
                  "\"/>\n      <property name=\"pass-policy\" value=\"" + xml_escape(opts.policy.to_string()) +
                  "\"/>\n    </properties>\n" + body + "  </testsuite>\n";
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"" + xml_escape(opts.suite_prefix) +
           "\" tests=\"" + std::to_string(all.tests) + "\" failures=\"" + std::to_string(all.failures) +
           "\" errors=\"" + std::to_string(all.errors) + "\" skipped=\"" + std::to_string(all.skipped) + "\" time=\"" + seconds(all.ms) + "\">\n" +
           suites + "</testsuites>\n";
}

void write(const std::filesystem::path& file, const result_set& results, const options& opts) {
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
    const auto tmp = std::filesystem::path(file.string() + ".tmp");
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) throw std::runtime_error("cannot write " + tmp.string());
        out << render(results, opts);
        if (!out.flush()) throw std::runtime_error("cannot write " + tmp.string());
    }
    std::filesystem::rename(tmp, file);
}

}  // namespace wsc::report::junit

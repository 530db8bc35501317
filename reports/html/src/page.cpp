#include <algorithm>
#include <chrono>
#include <ctime>
#include <fstream>
#include <set>

#include "assets.hpp"
#include "case_json.hpp"
#include "verdict_style.hpp"
#include "wsc/report/case_order.hpp"
#include "wsc/report/html_report.hpp"
#include "wsc/report/text.hpp"

namespace wsc::report::html {

namespace {

using detail::cell_look;

std::string utc_now() {
    const auto t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S UTC", &tm);
    return buf;
}

// Percent-encodes everything but unreserved characters, for #d=agent/case links.
std::string url_part(std::string_view s) {
    static constexpr char digits[] = "0123456789ABCDEF";
    std::string out;
    for (char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
            c == '_' || c == '~') {
            out += ch;
        } else {
            out += '%';
            out += digits[c >> 4];
            out += digits[c & 15];
        }
    }
    return out;
}

std::string lower(std::string s) {
    for (auto& c : s)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return s;
}

std::string percent(std::size_t part, std::size_t whole) {
    if (whole == 0) return "0";
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.3f", 100.0 * static_cast<double>(part) / static_cast<double>(whole));
    return buf;
}

struct tally {
    std::size_t pass = 0, nonstrict = 0, info = 0, unimpl = 0, fail = 0, missing = 0, close_bad = 0, policy_pass = 0;
    std::size_t accepted = 0, unexplained = 0;
    std::size_t total() const { return pass + nonstrict + info + unimpl + fail + missing; }
    void add(const case_result* r, const std::string& agent, const options& opts) {
        add(r, opts.policy);
        if (!r) return;
        const auto why = detail::explain(*r, agent, opts);
        if (why.state == "accepted") ++accepted;
        if (!why.explained()) ++unexplained;
    }
    void add(const case_result* r, const pass_policy& policy) {
        if (!r) {
            ++missing;
            return;
        }
        const auto css = detail::main_look(r->behavior).css;
        if (css == "pass") ++pass;
        else if (css == "nonstrict") ++nonstrict;
        else if (css == "info") ++info;
        else if (css == "unimpl") ++unimpl;
        else ++fail;
        if (r->behavior_close != behavior::ok && r->behavior_close != behavior::informational) ++close_bad;
        if (policy.passes(*r)) ++policy_pass;
    }
};

class page {
public:
    page(const result_set& results, const options& opts) : results_(results), opts_(opts) {
        for (const auto& [agent, cases] : results_) agents_.push_back(agent);
        std::set<std::string, case_id_order> ids(opts_.case_ids.begin(), opts_.case_ids.end());
        if (opts_.missing)
            for (const auto& m : *opts_.missing) {
                if (!results_.count(m.agent)) agents_.push_back(m.agent);
                ids.insert(m.ids.begin(), m.ids.end());
            }
        for (const auto& id : all_case_ids(results_)) ids.insert(id);
        ids_.assign(ids.begin(), ids.end());
        if (opts_.comparison)
            for (const auto& c : opts_.comparison->changes)
                if (c.before && c.after) changed_[c.agent].insert(c.id);  // a verdict changed
    }

    std::string render() {
        out_.reserve(256 * 1024 + ids_.size() * agents_.size() * 160);
        head();
        summary();
        filters();
        if (opts_.comparison) comparison();
        matrix();
        out_ += "</main>\n<aside id=\"detail\" hidden><div class=\"dhead\"><button type=\"button\" id=\"dclose\" "
                "title=\"Close (Esc)\">\xC3\x97</button></div><div id=\"dbody\"></div></aside>\n";
        data_script();
        out_ += "<script>";
        out_ += detail::page_js;
        out_ += "</script>\n</body>\n</html>\n";
        return std::move(out_);
    }

private:
    const case_result* find(const std::string& agent, const std::string& id) const {
        const auto a = results_.find(agent);
        if (a == results_.end()) return nullptr;
        const auto c = a->second.find(id);
        return c == a->second.end() ? nullptr : &c->second;
    }
    const case_result* any(const std::string& id) const {
        for (const auto& a : agents_)
            if (const auto* r = find(a, id)) return r;
        return nullptr;
    }

    void head() {
        out_ += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                "<meta name=\"generator\" content=\"wsconform\">\n<title>";
        out_ += escape(opts_.title);
        out_ += "</title>\n<style>";
        out_ += detail::page_css;
        out_ += "</style>\n<script>";
        out_ += detail::page_guard_js;
        out_ += "</script>\n</head>\n<body>\n<header><h1>";
        out_ += escape(opts_.title);
        out_ += "</h1><p class=\"meta\">Generated ";
        out_ += escape(opts_.generated_at.empty() ? utc_now() : opts_.generated_at);
        out_ += " \xC2\xB7 " + std::to_string(ids_.size()) + " cases \xC2\xB7 " + std::to_string(agents_.size()) +
                (agents_.size() == 1 ? " agent" : " agents") + " \xC2\xB7 pass policy <code>" +
                escape(opts_.policy.to_string()) + "</code></p>\n";
        out_ += "<p class=\"legend\"><span class=\"v pass\">Pass</span><span class=\"v nonstrict\">Non-Strict</span>"
                "<span class=\"v fail\">Fail</span><span class=\"v info\">Info</span><span class=\"v unimpl\">"
                "Unimplemented</span><span class=\"v missing\">Missing</span> <span class=\"sep\">close:</span>"
                "<span class=\"c c-ok\">1000</span><span class=\"c c-fbc\">by client</span><span class=\"c "
                "c-wrong\">wrong code</span><span class=\"c c-unclean\">Unclean</span><span class=\"c c-fail\">"
                "Fail</span></p></header>\n<main>\n";
    }

    // The gate fails an incomplete run (exit 4): say so before any verdict count.
    void missing_notice() {
        if (!opts_.missing || opts_.missing->empty()) return;
        out_ += "<div class=\"incomplete\" role=\"alert\"><b>Incomplete run:</b> expected cases have no result, "
                "so this report is not a full conformance statement (wsconform exits 4 unless "
                "<code>--allow-missing</code>).<ul>";
        for (const auto& m : *opts_.missing) {
            out_ += "<li>" + escape(m.agent) + ": <span class=\"v missing\">Missing</span> " +
                    std::to_string(m.ids.size()) + " of " + std::to_string(m.expected) + " \xE2\x80\x94 ";
            for (std::size_t i = 0; i < m.ids.size() && i < 40; ++i) out_ += (i ? ", " : "") + escape(m.ids[i]);
            if (m.ids.size() > 40) out_ += ", \xE2\x80\xA6 " + std::to_string(m.ids.size() - 40) + " more";
            out_ += "</li>";
        }
        out_ += "</ul></div>\n";
    }

    void summary() {
        out_ += "<section id=\"summary\"><h2>Summary</h2>\n";
        missing_notice();
        for (std::size_t a = 0; a < agents_.size(); ++a) {
            tally t;
            for (const auto& id : ids_) t.add(find(agents_[a], id), agents_[a], opts_);
            const std::size_t total = t.total();
            out_ += "<div class=\"agent-sum\"><div class=\"aname\" title=\"" + escape(agents_[a]) + "\">" +
                    escape(agents_[a]) + "</div><div class=\"bar\" role=\"img\" aria-label=\"verdicts of " +
                    escape(agents_[a]) + "\">";
            const std::pair<const char*, std::size_t> parts[] = {{"pass", t.pass},     {"nonstrict", t.nonstrict},
                                                                 {"info", t.info},     {"unimpl", t.unimpl},
                                                                 {"fail", t.fail},     {"missing", t.missing}};
            for (const auto& [css, n] : parts)
                if (n)
                    out_ += std::string("<span class=\"") + css + "\" style=\"width:" + percent(n, total) +
                            "%\" title=\"" + css + ": " + std::to_string(n) + "\"></span>";
            out_ += "</div><div class=\"counts\"><b>" + std::to_string(t.policy_pass) + "/" +
                    std::to_string(total) + "</b> pass the policy \xC2\xB7 " + std::to_string(t.pass) + " pass, " +
                    std::to_string(t.nonstrict) + " non-strict, " + std::to_string(t.info) + " info, " +
                    std::to_string(t.unimpl) + " unimplemented, " + std::to_string(t.fail) + " fail, " +
                    std::to_string(t.missing) + " missing \xC2\xB7 " + std::to_string(t.close_bad) + " close not OK";
            if (opts_.accepted) out_ += " \xC2\xB7 " + std::to_string(t.accepted) + " accepted by the baseline";
            out_ += std::string(" \xC2\xB7 <span class=\"") + (t.unexplained ? "unx" : "") + "\">" +
                    std::to_string(t.unexplained) + " unexplained</span></div></div>\n";
        }
        if (agents_.empty()) out_ += "<p>No results.</p>\n";
        out_ += "</section>\n";
    }

    void filters() {
        tally all;
        std::size_t changed_rows = 0;
        for (const auto& id : ids_) {
            bool changed = false;
            for (const auto& a : agents_) {
                all.add(find(a, id), a, opts_);
                if (changed_.count(a) && changed_.at(a).count(id)) changed = true;
            }
            if (changed) ++changed_rows;
        }
        out_ += "<section id=\"filters\" aria-label=\"filters\"><div class=\"chips\" role=\"group\">";
        const auto chip = [&](const char* key, const char* label, std::size_t n, bool on = false) {
            out_ += std::string("<button type=\"button\" class=\"chip") + (on ? " on" : "") + "\" data-f=\"" + key +
                    "\">" + label + " <b>" + std::to_string(n) + "</b></button>";
        };
        chip("all", "All cases", ids_.size(), true);
        chip("pass", "Pass", all.pass);
        chip("nonstrict", "Non-Strict", all.nonstrict);
        chip("fail", "Fail", all.fail);
        chip("info", "Info", all.info);
        chip("unimpl", "Unimplemented", all.unimpl);
        chip("missing", "Missing", all.missing);
        chip("closebad", "Close not OK", all.close_bad);
        chip("policyfail", "Fails policy", all.total() - all.missing - all.policy_pass);
        if (opts_.accepted) chip("accepted", "Accepted by baseline", all.accepted);
        chip("unexplained", "Unexplained", all.unexplained);
        if (opts_.comparison) chip("changed", "Changed", changed_rows);
        out_ += "</div><div class=\"tools\"><label>Section <select id=\"f-sec\"><option value=\"\">all</option>";
        std::string last;
        for (const auto& id : ids_) {
            const auto sec = case_section(id);
            if (sec == last) continue;
            last = sec;
            const auto title = section_title(sec);
            out_ += "<option value=\"" + escape(sec) + "\">" + escape(sec) + (title.empty() ? "" : " " + escape(title)) +
                    "</option>";
        }
        out_ += "</select></label> <input id=\"f-q\" type=\"search\" placeholder=\"Search case ID or text\" "
                "aria-label=\"search\"> <button type=\"button\" id=\"toggle-close\">Hide close columns</button> "
                "<span id=\"f-count\"></span></div></section>\n";
    }

    static std::string verdict_text(const std::optional<verdict_pair>& v) {
        if (!v) return "no result";
        return v->behavior + " / " + v->behavior_close;
    }

    void comparison() {
        const run_diff& d = *opts_.comparison;
        // Cases whose verdict changed come first; cases that ran on one side only
        // (another selection, an older catalogue) are listed apart, folded.
        std::vector<const verdict_change*> changed, only_before, only_after;
        std::size_t worse = 0, better = 0;
        for (const auto& c : d.changes) {
            if (c.before && c.after) {
                changed.push_back(&c);
                worse += c.direction < 0;
                better += c.direction > 0;
            } else {
                (c.before ? only_before : only_after).push_back(&c);
            }
        }
        out_ += "<section id=\"comparison\"><h2>Changes: " + escape(d.label_before) + " \xE2\x86\x92 " +
                escape(d.label_after) + "</h2><p>" + std::to_string(d.compared) + " cases compared; " +
                std::to_string(changed.size()) + " changed verdict (" + std::to_string(worse) + " worse, " +
                std::to_string(better) + " better)";
        if (!only_before.empty() || !only_after.empty())
            out_ += "; " + std::to_string(only_before.size()) + " only in " + escape(d.label_before) + ", " +
                    std::to_string(only_after.size()) + " only in " + escape(d.label_after);
        out_ += ".";
        for (const auto& [b, a] : d.agents)
            out_ += " <span class=\"pair\">" + escape(b.empty() ? "(none)" : b) + " \xE2\x86\x92 " +
                    escape(a.empty() ? "(none)" : a) + "</span>";
        out_ += "</p>\n";
        const auto table = [&](const std::vector<const verdict_change*>& list, const char* id) {
            out_ += std::string("<table class=\"cmp\" id=\"") + id + "\"><thead><tr><th>Agent</th><th>Case</th><th>" +
                    escape(d.label_before) + "</th><th>" + escape(d.label_after) + "</th><th></th></tr></thead><tbody>\n";
            for (const verdict_change* c : list) {
                const char* dir = !(c->before && c->after) ? "one-side"
                                  : c->direction < 0       ? "worse"
                                  : c->direction > 0       ? "better"
                                                           : "other";
                out_ += std::string("<tr class=\"") + dir + "\"><td>" + escape(c->agent) + "</td><td>" + escape(c->id) +
                        "</td><td>" + escape(verdict_text(c->before)) + "</td><td>" + escape(verdict_text(c->after)) +
                        "</td><td>" + dir + "</td></tr>\n";
            }
            out_ += "</tbody></table>\n";
        };
        if (!changed.empty()) table(changed, "cmp-changed");
        std::vector<const verdict_change*> one_side = only_before;
        one_side.insert(one_side.end(), only_after.begin(), only_after.end());
        if (!one_side.empty()) {
            out_ += "<details><summary>" + std::to_string(one_side.size()) +
                    " cases with a result on one side only</summary>\n";
            table(one_side, "cmp-one-side");
            out_ += "</details>\n";
        }
        out_ += "</section>\n";
    }

    void matrix() {
        const std::string agent_cols = std::to_string(2 * agents_.size());
        out_ += "<table id=\"matrix\"><thead><tr><th class=\"idh\">Case</th><th class=\"deschd\">What it checks</th>";
        for (const auto& a : agents_) out_ += "<th colspan=\"2\" class=\"agent\">" + escape(a) + "</th>";
        out_ += "</tr></thead>\n";
        std::string section, subsection;
        for (const auto& id : ids_) {
            const auto sec = case_section(id);
            if (sec != section) {
                if (!section.empty()) out_ += "</tbody>\n";
                section = sec;
                subsection.clear();
                section_row(sec);
            }
            const case_result* first = any(id);
            const auto t = detail::text_of(id, first, opts_);
            const auto sub = case_subsection(id);
            if (sub != subsection) {
                subsection = sub;
                if (!t.subsection_title.empty())
                    out_ += "<tr class=\"sub\"><th colspan=\"" + std::to_string(2 + 2 * agents_.size()) + "\">" +
                            escape(sub) + " " + escape(t.subsection_title) + "</th></tr>\n";
            }
            case_row(id, t);
        }
        if (!section.empty()) out_ += "</tbody>\n";
        out_ += "</table>\n";
    }

    void section_row(const std::string& sec) {
        out_ += "<tbody data-sec=\"" + escape(sec) + "\"><tr class=\"sec\"><th colspan=\"2\">" + escape(sec) + " " +
                escape(section_title(sec)) + "</th>";
        for (const auto& a : agents_) {
            tally t;
            for (const auto& id : ids_)
                if (case_section(id) == sec) t.add(find(a, id), opts_.policy);
            const std::size_t ran = t.total() - t.missing;
            const char* css = t.policy_pass == t.total() ? "all" : t.policy_pass == ran ? "ranall" : "some";
            out_ += std::string("<td colspan=\"2\" class=\"tot ") + css + "\" title=\"pass the policy / cases\">" +
                    std::to_string(t.policy_pass) + "/" + std::to_string(t.total()) + "</td>";
        }
        out_ += "</tr>\n";
    }

    void case_row(const std::string& id, const detail::case_text& t) {
        std::set<std::string> cats;
        std::string cells;
        for (std::size_t a = 0; a < agents_.size(); ++a) {
            const case_result* r = find(agents_[a], id);
            if (!r) {
                cats.insert("missing");
                cells += "<td colspan=\"2\" class=\"v missing\">Missing</td>";
                continue;
            }
            records_[a][id] = detail::case_record(*r, agents_[a], t, opts_);
            const auto why = detail::explain(*r, agents_[a], opts_);
            if (why.state == "accepted") cats.insert("accepted");
            if (!why.explained()) cats.insert("unexplained");
            // The cell says the verdict is accepted (hover: the reason) or not explained.
            std::string mark;
            if (why.state == "accepted")
                mark = "<small class=\"acc\" title=\"" + escape(text::shorten(why.entry->reason, 600)) +
                       "\">baseline</small>";
            else if (!why.explained())
                mark = "<small class=\"unx\" title=\"" +
                       escape(why.state == "todo"    ? "accepted by the baseline, but its reason still says TODO"
                              : why.state == "worse" ? "worse than the baseline accepts"
                                                     : "fails the pass policy; no baseline entry explains it") +
                       "\">unexplained</small>";
            const cell_look m = detail::main_look(r->behavior);
            cats.insert(m.css == "noclose" ? "fail" : m.css);
            if (r->behavior_close != behavior::ok && r->behavior_close != behavior::informational)
                cats.insert("closebad");
            if (!opts_.policy.passes(*r)) cats.insert("policyfail");
            if (changed_.count(agents_[a]) && changed_.at(agents_[a]).count(id)) cats.insert("changed");
            const std::string href = "#d=" + std::to_string(a) + "/" + url_part(id);
            if (m.css == "unimpl") {
                cells += "<td colspan=\"2\" class=\"v unimpl\"><a href=\"" + href + "\">Unimplemented</a>" + mark + "</td>";
                continue;
            }
            cells += "<td class=\"v " + m.css + "\"><a href=\"" + href + "\">" + m.label + "</a>";
            if (r->report_time) cells += "<small>" + std::to_string(static_cast<long long>(r->duration_ms)) + " ms</small>";
            cells += mark;
            const cell_look c = detail::close_look(*r);
            cells += "</td><td class=\"c " + c.css + "\" title=\"" + escape(r->behavior_close) + "\">" + escape(c.label) +
                     "</td>";
        }
        std::string cat_list;
        for (const auto& c : cats) cat_list += (cat_list.empty() ? "" : " ") + c;
        const std::string search = lower(text::valid_utf8(id) + " " + t.description);
        out_ += "<tr class=\"case\" data-cats=\"" + cat_list + "\" data-q=\"" + escape(text::shorten(search, 400)) +
                "\"><td class=\"id\"><a href=\"" + escape(t.rfc_url) + "\" title=\"" + escape(t.rfc_label) +
                "\" class=\"rfc\" rel=\"noreferrer\">\xC2\xA7</a> " + escape(id) + "</td><td class=\"desc\" title=\"" +
                escape(text::shorten(t.description, 600)) + "\">" + escape(text::shorten(t.description, 90)) + "</td>" +
                cells + "</tr>\n";
    }

    void data_script() {
        nlohmann::json data;
        data["agents"] = agents_;
        nlohmann::json per_agent = nlohmann::json::array();
        for (std::size_t a = 0; a < agents_.size(); ++a) {
            auto it = records_.find(a);
            per_agent.push_back(it == records_.end() ? nlohmann::json::object() : std::move(it->second));
        }
        data["res"] = std::move(per_agent);
        out_ += "<script type=\"application/json\" id=\"wsc-data\">";
        out_ += script_json(data);
        out_ += "</script>\n";
    }

    const result_set& results_;
    const options& opts_;
    std::vector<std::string> agents_, ids_;
    std::map<std::string, std::set<std::string>> changed_;
    std::map<std::size_t, nlohmann::json> records_;
    std::string out_;
};

}  // namespace

std::string render(const result_set& results, const options& opts) { return page(results, opts).render(); }

void write(const std::filesystem::path& outdir, const result_set& results, const options& opts) {
    std::filesystem::create_directories(outdir);
    const auto file = outdir / "index.html";
    const auto tmp = outdir / "index.html.tmp";
    {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        if (!out) throw std::runtime_error("cannot write " + tmp.string());
        out << render(results, opts);
        if (!out.flush()) throw std::runtime_error("cannot write " + tmp.string());
    }
    std::filesystem::rename(tmp, file);
}

}  // namespace wsc::report::html

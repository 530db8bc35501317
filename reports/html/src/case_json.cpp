#include "case_json.hpp"

#include "wsc/report/case_order.hpp"
#include "wsc/report/text.hpp"

namespace wsc::report::html::detail {

namespace {

std::string shown(std::string_view s, std::size_t cap) { return text::shorten(text::valid_utf8(s), cap); }

// Cuts every string inside a wire-log row to the preview size; numbers and
// booleans stay as they are.
nlohmann::json capped(const nlohmann::json& j, std::size_t cap) {
    if (j.is_string()) return shown(j.get_ref<const std::string&>(), cap);
    if (j.is_array()) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& v : j) out.push_back(capped(v, cap));
        return out;
    }
    if (j.is_object()) {
        nlohmann::json out = nlohmann::json::object();
        for (const auto& [k, v] : j.items()) out[shown(k, cap)] = capped(v, cap);
        return out;
    }
    return j;
}

nlohmann::json events(const std::vector<observed_event>& list, std::size_t cap) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& e : list) {
        const std::string shown_data =
            e.kind == "timeout" ? shown(e.data, cap) : text::valid_utf8(text::display_payload(e.data, cap));
        out.push_back({shown(e.kind, 32), shown_data, e.binary, e.data.size()});
    }
    return out;
}

nlohmann::json optional_int(const std::optional<int>& v) { return v ? nlohmann::json(*v) : nlohmann::json(); }
nlohmann::json optional_text(const std::optional<std::string>& v, std::size_t cap) {
    return v ? nlohmann::json(shown(*v, cap)) : nlohmann::json();
}

nlohmann::json stats(const std::map<std::string, std::uint64_t>& m) {
    nlohmann::json out = nlohmann::json::object();
    std::size_t n = 0;
    for (const auto& [k, v] : m) {
        if (++n > 64) break;  // a peer can make this map large; the page shows a summary
        out[shown(k, 16)] = v;
    }
    return out;
}

bool is_ok(const case_result& r) { return r.behavior == behavior::ok && r.behavior_close == behavior::ok; }

}  // namespace

explanation explain(const case_result& r, const std::string& agent, const options& opts) {
    explanation e;
    if (is_ok(r)) return e;
    e.entry = opts.accepted ? opts.accepted->find(agent, r.id) : nullptr;
    if (opts.policy.passes(r)) {
        e.state = "policy";
        return e;
    }
    if (!e.entry) {
        e.state = "unaccepted";
        return e;
    }
    const bool worse = behavior_severity(r.behavior) > behavior_severity(e.entry->behavior) ||
                       close_severity(r.behavior_close) > close_severity(e.entry->behavior_close);
    const bool no_reason = e.entry->reason.empty() || e.entry->reason.rfind("TODO", 0) == 0;
    e.state = worse ? "worse" : no_reason ? "todo" : "accepted";
    return e;
}

std::string verdict_meaning(const case_result& r) {
    std::string out;
    const auto say = [&out](const std::string& s) { out += (out.empty() ? "" : " ") + s; };
    if (r.behavior == behavior::non_strict)
        say("Non-Strict: the peer reacted as the RFC allows but later or more leniently than it could have "
            "(for example it failed the connection only after echoing the valid frames that came before the bad "
            "one).");
    else if (r.behavior == behavior::informational)
        say("Informational: this case has no single right answer; the outcome is recorded, not judged.");
    else if (r.behavior == behavior::unimplemented)
        say("Unimplemented: the peer did not negotiate what the case needs (permessage-deflate, RFC 7692, is "
            "optional), so the case could not test it.");
    if (r.behavior_close == behavior::informational)
        say("The closing handshake is informational here: either way of closing is allowed.");
    if (out.empty()) say("The pass policy accepts this verdict.");
    return out;
}

case_text text_of(const std::string& id, const case_result* r, const options& opts) {
    case_text t;
    std::optional<case_info> info;
    if (opts.lookup) info = opts.lookup(id);
    // The catalogue's wording first, so every agent's row reads the same even when
    // some results were imported from another tool; then the result's own text.
    const auto pick = [](const std::string& mine, const std::string& catalogue) {
        return text::valid_utf8(text::strip_tags(catalogue.empty() ? mine : catalogue));
    };
    t.description = pick(r ? r->description : std::string(), info ? info->description : std::string());
    t.expectation = pick(r ? r->expectation : std::string(), info ? info->expectation : std::string());
    rfc_ref ref = default_rfc_ref(id);
    if (info && !info->rfc_section.empty()) ref = {info->rfc.empty() ? "rfc6455" : info->rfc, info->rfc_section};
    t.rfc_url = ref.url();
    t.rfc_label = (ref.rfc == "rfc7692" ? "RFC 7692 \xC2\xA7" : "RFC 6455 \xC2\xA7") + ref.section;
    if (info) t.subsection_title = text::valid_utf8(info->subsection_title);
    return t;
}

nlohmann::json case_record(const case_result& r, const std::string& agent, const case_text& t, const options& opts) {
    const std::size_t cap = opts.max_preview_chars;
    nlohmann::json j;
    j["id"] = r.id;
    j["agent"] = r.agent;
    j["b"] = r.behavior;
    j["bc"] = r.behavior_close;
    j["r"] = r.result;
    j["rc"] = r.result_close;
    j["dur"] = r.duration_ms;
    j["st"] = r.started;
    j["d"] = t.description;
    j["x"] = t.expectation;
    j["rfc"] = t.rfc_url;
    j["rfcl"] = t.rfc_label;

    nlohmann::json expected = nlohmann::json::array();
    for (const auto& [label, list] : r.expected) expected.push_back({shown(label, 32), events(list, cap)});
    j["exp"] = std::move(expected);
    j["rcv"] = events(r.received, cap);
    j["ec"] = capped(r.expected_close, cap);

    const auto& c = r.close;
    j["cf"] = nlohmann::json::array({
        {"fuzzer role", c.is_server ? "server" : "client"},
        {"closed by fuzzer (sent the first close)", c.closed_by_me},
        {"failed by fuzzer", c.failed_by_me},
        {"TCP dropped by fuzzer", c.dropped_by_me},
        {"clean close", c.was_clean},
        {"why not clean", optional_text(c.was_not_clean_reason, 400)},
        {"server connection drop timeout", c.was_server_connection_drop_timeout},
        {"opening handshake timeout", c.was_open_handshake_timeout},
        {"closing handshake timeout", c.was_close_handshake_timeout},
        {"local close code", optional_int(c.local_close_code)},
        {"local close reason", optional_text(c.local_close_reason, 400)},
        {"remote close code", optional_int(c.remote_close_code)},
        {"remote close reason", optional_text(c.remote_close_reason, 400)},
    });
    // Handshake heads are small unless a peer makes them big; 16 KiB is plenty to read.
    j["req"] = shown(r.http_request, 16384);
    j["resp"] = shown(r.http_response, 16384);
    if (r.http_status) j["hs"] = *r.http_status;
    if (!r.note.empty()) j["note"] = shown(r.note, 2000);
    j["cmd"] = text::valid_utf8(rerun_command(r));
    j["stats"] = {stats(r.rx_octet_stats), stats(r.tx_octet_stats), stats(r.rx_frame_stats), stats(r.tx_frame_stats)};

    // Head and tail of the wire log: the start shows what was sent, the end how it closed.
    const std::size_t n = r.wirelog.size(), keep = opts.max_wire_rows;
    const std::size_t head = n <= keep ? n : keep - keep / 4;
    const std::size_t tail_from = n <= keep ? n : n - keep / 4;
    nlohmann::json wl = nlohmann::json::array();
    const auto row = [&](const wire_row& w) {
        nlohmann::json out = nlohmann::json::array({w.at_ms, shown(w.kind, 8)});
        if (w.fields.is_array())
            for (const auto& f : w.fields) out.push_back(capped(f, std::max<std::size_t>(cap, 140)));
        wl.push_back(std::move(out));
    };
    for (std::size_t i = 0; i < head; ++i) row(r.wirelog[i]);
    if (tail_from > head) wl.push_back(nlohmann::json::array({nullptr, "SKIP", tail_from - head}));
    for (std::size_t i = tail_from; i < n; ++i) row(r.wirelog[i]);
    j["wl"] = std::move(wl);
    j["wlon"] = r.create_wirelog;
    j["srv"] = c.is_server;
    j["dbm"] = c.dropped_by_me;
    if (const explanation why = explain(r, agent, opts); !why.state.empty()) {
        nlohmann::json w{{"s", why.state}};
        if (why.entry) {
            w["reason"] = shown(why.entry->reason, 4000);
            w["acc"] = shown(why.entry->behavior + " / " + why.entry->behavior_close, 80);
        }
        if (why.state == "policy") w["text"] = verdict_meaning(r);
        j["why"] = std::move(w);
    }
    return j;
}

}  // namespace wsc::report::html::detail

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "wsc/report/autobahn_json.hpp"
#include "wsc/report/display.hpp"

namespace wsc::report {

namespace {

using nlohmann::json;

json event_json(const observed_event& e) {
    if (e.kind == "message") return json::array({e.kind, display_payload(e.data), e.binary});
    if (e.kind == "timeout") return json::array({e.kind, e.data});
    return json::array({e.kind, display_payload(e.data)});
}

observed_event event_from(const json& j) {
    observed_event e;
    if (!j.is_array() || j.empty()) return e;
    e.kind = j[0].get<std::string>();
    if (j.size() > 1 && j[1].is_string()) {
        const auto s = j[1].get<std::string>();
        e.data = e.kind == "timeout" ? s : payload_from_display(s);
    }
    if (j.size() > 2 && j[2].is_boolean()) e.binary = j[2].get<bool>();
    return e;
}

json events_json(const std::vector<observed_event>& events) {
    json out = json::array();
    for (const auto& e : events) out.push_back(event_json(e));
    return out;
}

template <class T>
json optional_json(const std::optional<T>& v) {
    return v ? json(*v) : json(nullptr);
}

json stats_json(const std::map<std::string, std::uint64_t>& stats) {
    json out = json::object();
    for (const auto& [k, v] : stats) out[k] = v;
    return out;
}

std::map<std::string, std::uint64_t> stats_from(const json& j) {
    std::map<std::string, std::uint64_t> out;
    if (j.is_object())
        for (auto it = j.begin(); it != j.end(); ++it) out[it.key()] = it.value().get<std::uint64_t>();
    return out;
}

// Autobahn reports durations as whole milliseconds.
long long whole_ms(double ms) { return std::llround(ms); }

template <class T>
T value_or(const json& j, const char* key, T fallback) {
    const auto it = j.find(key);
    if (it == j.end() || it->is_null()) return fallback;
    return it->get<T>();
}

template <class T>
std::optional<T> optional_from(const json& j, const char* key) {
    const auto it = j.find(key);
    if (it == j.end() || it->is_null()) return std::nullopt;
    return it->get<T>();
}

// "HTTP/1.1 426 Upgrade Required\r\n..." -> 426.
std::optional<int> status_of(const std::string& head) {
    const auto sp = head.find(' ');
    if (head.rfind("HTTP/", 0) != 0 || sp == std::string::npos) return std::nullopt;
    const int status = std::atoi(head.c_str() + sp + 1);
    return status > 0 ? std::optional<int>(status) : std::nullopt;
}

}  // namespace

std::string case_file_stem(const std::string& agent, const std::string& id) {
    // Autobahn: lower-case, every octet outside [a-z0-9] a space, trim, spaces to '_'
    // (runs of '_' are kept); dots of the ID become '_'.
    std::string a;
    for (unsigned char c : agent) {
        const char l = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
        a += ((l >= 'a' && l <= 'z') || (l >= '0' && l <= '9')) ? l : ' ';
    }
    const auto first = a.find_first_not_of(' ');
    a = first == std::string::npos ? std::string() : a.substr(first, a.find_last_not_of(' ') - first + 1);
    for (auto& c : a)
        if (c == ' ') c = '_';
    std::string i = id;
    for (auto& c : i)
        if (c == '.') c = '_';
    return a + "_case_" + i;
}

json to_autobahn_json(const case_result& r) {
    json j = json::object();
    j["agent"] = r.agent;
    j["behavior"] = r.behavior;
    j["behaviorClose"] = r.behavior_close;
    j["case"] = r.position;
    j["closedByMe"] = r.close.closed_by_me;
    j["createStats"] = true;
    j["createWirelog"] = r.create_wirelog;
    j["description"] = r.description;
    j["droppedByMe"] = r.close.dropped_by_me;
    j["duration"] = whole_ms(r.duration_ms);
    j["expectation"] = r.expectation;
    json expected = json::object();
    for (const auto& [label, events] : r.expected) expected[label] = events_json(events);
    j["expected"] = expected;
    j["expectedClose"] = r.expected_close.is_null() ? json::object() : r.expected_close;
    j["failedByMe"] = r.close.failed_by_me;
    j["httpRequest"] = r.http_request;
    j["httpResponse"] = r.http_response;
    j["id"] = r.id;
    j["isServer"] = r.close.is_server;
    j["localCloseCode"] = optional_json(r.close.local_close_code);
    j["localCloseReason"] = optional_json(r.close.local_close_reason);
    j["received"] = events_json(r.received);
    j["remoteCloseCode"] = optional_json(r.close.remote_close_code);
    j["remoteCloseReason"] = optional_json(r.close.remote_close_reason);
    j["reportCompressionRatio"] = r.report_compression_ratio;
    j["reportTime"] = r.report_time;
    j["result"] = r.result;
    j["resultClose"] = r.result_close;
    j["rxFrameStats"] = stats_json(r.rx_frame_stats);
    j["rxOctetStats"] = stats_json(r.rx_octet_stats);
    j["started"] = r.started;
    j["trafficStats"] = r.traffic_stats;
    j["txFrameStats"] = stats_json(r.tx_frame_stats);
    j["txOctetStats"] = stats_json(r.tx_octet_stats);
    j["wasClean"] = r.close.was_clean;
    j["wasCloseHandshakeTimeout"] = r.close.was_close_handshake_timeout;
    j["wasNotCleanReason"] = optional_json(r.close.was_not_clean_reason);
    j["wasOpenHandshakeTimeout"] = r.close.was_open_handshake_timeout;
    j["wasServerConnectionDropTimeout"] = r.close.was_server_connection_drop_timeout;
    json log = json::array();
    for (const auto& row : r.wirelog) {
        json out = json::array({row.kind});
        if (row.fields.is_array())
            for (const auto& f : row.fields) out.push_back(f);
        log.push_back(std::move(out));
    }
    j["wirelog"] = std::move(log);
    // Autobahn's rows carry no time; ours keep when each row happened (ms since the
    // TCP connection was made) in a key of our own beside them, so a report
    // re-rendered or merged from disk shows the same timings as the live run.
    // Written only when there are times, so imported files keep Autobahn's key set.
    if (std::any_of(r.wirelog.begin(), r.wirelog.end(), [](const wire_row& w) { return w.at_ms != 0; })) {
        json times = json::array();
        for (const auto& row : r.wirelog) times.push_back(std::round(row.at_ms * 1000.0) / 1000.0);
        j[wirelog_times_key] = std::move(times);
    }
    if (!r.note.empty()) j[note_key] = r.note;
    return j;
}

case_result from_autobahn_json(const json& j) {
    case_result r;
    r.id = value_or<std::string>(j, "id", "");
    r.position = value_or<int>(j, "case", 0);
    r.agent = value_or<std::string>(j, "agent", "");
    r.description = value_or<std::string>(j, "description", "");
    r.expectation = value_or<std::string>(j, "expectation", "");
    r.started = value_or<std::string>(j, "started", "");
    r.duration_ms = value_or<double>(j, "duration", 0);
    r.report_time = value_or<bool>(j, "reportTime", false);
    r.report_compression_ratio = value_or<bool>(j, "reportCompressionRatio", false);
    r.behavior = value_or<std::string>(j, "behavior", behavior::failed);
    r.behavior_close = value_or<std::string>(j, "behaviorClose", behavior::failed);
    r.result = value_or<std::string>(j, "result", "");
    r.result_close = value_or<std::string>(j, "resultClose", "");
    if (const auto it = j.find("expected"); it != j.end() && it->is_object())
        for (auto e = it->begin(); e != it->end(); ++e) {
            auto& list = r.expected[e.key()];
            for (const auto& ev : e.value()) list.push_back(event_from(ev));
        }
    if (const auto it = j.find("expectedClose"); it != j.end()) r.expected_close = *it;
    if (const auto it = j.find("received"); it != j.end() && it->is_array())
        for (const auto& ev : *it) r.received.push_back(event_from(ev));

    auto& c = r.close;
    c.is_server = value_or<bool>(j, "isServer", false);
    c.closed_by_me = value_or<bool>(j, "closedByMe", false);
    c.failed_by_me = value_or<bool>(j, "failedByMe", false);
    c.dropped_by_me = value_or<bool>(j, "droppedByMe", false);
    c.was_clean = value_or<bool>(j, "wasClean", false);
    c.was_not_clean_reason = optional_from<std::string>(j, "wasNotCleanReason");
    c.was_server_connection_drop_timeout = value_or<bool>(j, "wasServerConnectionDropTimeout", false);
    c.was_open_handshake_timeout = value_or<bool>(j, "wasOpenHandshakeTimeout", false);
    c.was_close_handshake_timeout = value_or<bool>(j, "wasCloseHandshakeTimeout", false);
    c.local_close_code = optional_from<int>(j, "localCloseCode");
    c.remote_close_code = optional_from<int>(j, "remoteCloseCode");
    c.local_close_reason = optional_from<std::string>(j, "localCloseReason");
    c.remote_close_reason = optional_from<std::string>(j, "remoteCloseReason");

    r.http_request = value_or<std::string>(j, "httpRequest", "");
    r.http_response = value_or<std::string>(j, "httpResponse", "");
    r.http_status = status_of(r.http_response);
    r.rx_octet_stats = stats_from(j.value("rxOctetStats", json::object()));
    r.tx_octet_stats = stats_from(j.value("txOctetStats", json::object()));
    r.rx_frame_stats = stats_from(j.value("rxFrameStats", json::object()));
    r.tx_frame_stats = stats_from(j.value("txFrameStats", json::object()));
    if (const auto it = j.find("trafficStats"); it != j.end()) r.traffic_stats = *it;
    r.create_wirelog = value_or<bool>(j, "createWirelog", true);
    r.note = value_or<std::string>(j, note_key, "");
    if (const auto it = j.find("wirelog"); it != j.end() && it->is_array()) {
        // The times are used only when there is one number per row.
        const json* times = nullptr;
        if (const auto t = j.find(wirelog_times_key);
            t != j.end() && t->is_array() && t->size() == it->size() &&
            std::all_of(t->begin(), t->end(), [](const json& v) { return v.is_number(); }))
            times = &*t;
        for (std::size_t n = 0; n < it->size(); ++n) {
            const json& row = (*it)[n];
            if (!row.is_array() || row.empty() || !row[0].is_string()) continue;
            wire_row w;
            if (times) w.at_ms = (*times)[n].get<double>();
            w.kind = row[0].get<std::string>();
            w.fields = json::array();
            for (std::size_t i = 1; i < row.size(); ++i) w.fields.push_back(row[i]);
            r.wirelog.push_back(std::move(w));
        }
    }
    return r;
}

json index_entry(const case_result& r) {
    return json{{"behavior", r.behavior},
                {"behaviorClose", r.behavior_close},
                {"duration", whole_ms(r.duration_ms)},
                {"remoteCloseCode", optional_json(r.close.remote_close_code)},
                {"reportfile", case_file_stem(r.agent, r.id) + ".json"}};
}

json index_json(const std::map<std::string, std::map<std::string, case_result>>& results) {
    json out = json::object();
    for (const auto& [agent, cases] : results) {
        json per = json::object();
        for (const auto& [id, r] : cases) per[id] = index_entry(r);
        out[agent] = std::move(per);
    }
    return out;
}

}  // namespace wsc::report

// The wire log and the octet/frame statistics (catalogue.md §7.3). Rows carry the
// time since the TCP connection was made; their fields follow Autobahn's layout.
#include "session_impl.hpp"
#include "wsc/report/display.hpp"

namespace wsc::engine {

namespace {

nlohmann::json mask_json(const std::optional<mask_key>& key) {
    if (!key) return nullptr;
    return report::to_hex(std::string_view(reinterpret_cast<const char*>(key->data()), key->size()));
}

}  // namespace

// Timer rows are written even while the log is switched off for bulk transfers, as
// Autobahn's own 9.x reports show them.
void session::impl::log_row(const char* kind, nlohmann::json fields, bool always) {
    if (!wirelog_on && !always) return;
    if (res.wirelog.size() >= cfg.max_wirelog_rows) {
        ++wirelog_dropped;  // bounded whatever the peer sends; reported in the note
        return;
    }
    res.wirelog.push_back(report::wire_row{ms_since_connect(), kind, std::move(fields)});
}

void session::impl::log_tx_octets(std::string_view bytes, bool sync) {
    ++tx_counts.octets[bytes.size()];
    if (opened_at) out_traffic.wire += bytes.size();
    else out_traffic.preopen += bytes.size();
    if (!wirelog_on) return;  // the row would be dropped; skip rendering it (9.x sends ~100k frames)
    log_row("TO", {nlohmann::json::array({bytes.size(), report::display_octets(bytes)}), sync});
}

void session::impl::log_rx_octets(std::string_view bytes) {
    ++rx_counts.octets[bytes.size()];
    if (opened_at) in_traffic.wire += bytes.size();
    else in_traffic.preopen += bytes.size();
    if (!wirelog_on) return;
    log_row("RO", {nlohmann::json::array({bytes.size(), report::display_octets(bytes)})});
}

void session::impl::log_tx_frame(int opcode, bool fin, int rsv, const std::optional<mask_key>& key,
                                 const tf_payload& shown, std::uint64_t chop, bool sync) {
    ++tx_counts.frames[static_cast<std::size_t>(opcode) & 0xF];
    ++out_traffic.frames;
    if (!wirelog_on) return;
    log_row("TF", {nlohmann::json::array({shown.base_len, shown.shown}), opcode, fin, rsv, mask_json(key),
                   shown.repeat_len ? nlohmann::json(*shown.repeat_len) : nlohmann::json(nullptr),
                   chop ? nlohmann::json(chop) : nlohmann::json(nullptr), sync});
}

void session::impl::log_rx_frame(const frame_header& h, std::string_view payload) {
    ++rx_counts.frames[h.opcode & 0xF];
    ++in_traffic.frames;
    in_traffic.websocket += payload.size();
    if (!wirelog_on) return;
    log_row("RF", {nlohmann::json::array({payload.size(), report::display_payload(payload)}), h.opcode, h.fin, h.rsv,
                   h.masked, h.masked ? mask_json(h.key) : nlohmann::json(nullptr)});
}

void session::impl::publish_counts() {
    const auto publish = [](const chunk_counts& c, std::map<std::string, std::uint64_t>& octets,
                            std::map<std::string, std::uint64_t>& frames) {
        for (const auto& [size, n] : c.octets) octets[std::to_string(size)] += n;
        for (std::size_t op = 0; op < c.frames.size(); ++op)
            if (c.frames[op]) frames[std::to_string(op)] += c.frames[op];
    };
    publish(tx_counts, res.tx_octet_stats, res.tx_frame_stats);
    publish(rx_counts, res.rx_octet_stats, res.rx_frame_stats);
    tx_counts = {};
    rx_counts = {};
}

void session::impl::set_wirelog(bool on) {
    wirelog_on = on;
    res.create_wirelog = on;
    log_row("WLM", {on}, true);
}

}  // namespace wsc::engine

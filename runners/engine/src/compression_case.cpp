// §12/§13 permessage-deflate (catalogue.md §12, §13): COUNT messages, one at a time,
// each the next window of the data set, compressed whole and split by the case's
// auto-fragment size; every echo must match type, length and SHA-1.
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "session_impl.hpp"

namespace wsc::engine {

namespace {

// The data sets are generated (seeded, deterministic); a run needs each many times.
std::shared_ptr<const catalogue::Bytes> cached_data_set(const std::string& name) {
    static std::mutex m;
    static std::map<std::string, std::shared_ptr<const catalogue::Bytes>> cache;
    std::lock_guard lock(m);
    auto& slot = cache[name];
    if (!slot) slot = std::make_shared<const catalogue::Bytes>(catalogue::data_set(name));
    return slot;
}

std::uint64_t characters(std::string_view utf8) {
    std::uint64_t n = 0;
    for (unsigned char c : utf8) n += (c & 0xC0) != 0x80;
    return n;
}

}  // namespace

void session::impl::start_compression() {
    set_wirelog(false);
    const auto& cx = *tc.compression;
    if (!deflate) {
        // Nothing negotiated: the peer does not implement permessage-deflate (or not
        // with these parameters).
        res.behavior = report::behavior::unimplemented;
        res.note = "permessage-deflate was not agreed in the opening handshake";
        send_close(1000, {}, false);
        return;
    }
    bulk.active = true;
    res.behavior = report::behavior::failed;
    res.result = "Case did not finish within " + std::to_string(static_cast<long long>(tc.deadline.value_or(0))) +
                 " seconds.";
    arm(tc.deadline.value_or(0), timer_kind::close_after);
    const auto* info = catalogue::find_data_set(cx.data_set);
    bulk.windows = std::make_unique<catalogue::DataWindows>(*cached_data_set(cx.data_set), info && info->text);
    send_compression_message();
}

void session::impl::send_compression_message() {
    const auto& cx = *tc.compression;
    const catalogue::Bytes window = bulk.windows->next(cx.len);
    const std::string msg(window.begin(), window.end());
    bulk.in_flight = print_message(msg, cx.opcode == 2);
    ++bulk.sent;
    send_message(cx.opcode, msg, cx.auto_fragment_size, true);
}

bool session::impl::compression_message(const std::string& data, bool binary) {
    if (!bulk.active) return true;
    const auto& cx = *tc.compression;
    const event_print got = print_message(data, binary);
    if (!(got == bulk.in_flight)) {
        bulk.active = false;
        res.behavior = report::behavior::failed;
        const bool text = cx.opcode == 1;
        res.result = "Echo of message " + std::to_string(bulk.sent) + " differs from what I sent (type " +
                     (binary ? "binary" : "text") + ", length " +
                     std::to_string(text ? characters(data) : data.size()) + (text ? " characters" : " octets") +
                     ", or SHA-1).";
        set_wirelog(true);
        send_close(1000, {}, false);
    } else if (bulk.sent < cx.count) {
        send_compression_message();
    } else {
        bulk.active = false;
        res.behavior = report::behavior::ok;
        res.result = "Ok, received all echo'ed messages in time.";
        res.traffic_stats = traffic_json();
        set_wirelog(true);
        send_close(1000, {}, false);
    }
    return true;
}

nlohmann::json session::impl::traffic_json() const {
    // Autobahn's trafficStats keys: the same eight figures for each direction.
    const auto ratio = [](std::uint64_t a, std::uint64_t b) {
        return b ? nlohmann::json(double(a) / double(b)) : nlohmann::json(nullptr);
    };
    nlohmann::json j;
    const auto direction = [&](const std::string& way, const std::string& preopen, const traffic& t) {
        j[way + "OctetsWireLevel"] = t.wire;
        j[way + "OctetsWebSocketLevel"] = t.websocket;
        j[way + "OctetsAppLevel"] = t.app;
        j[way + "CompressionRatio"] = ratio(t.websocket, t.app);
        j[way + "WebSocketOverhead"] = ratio(t.wire - std::min(t.wire, t.websocket), t.websocket);
        j[way + "WebSocketFrames"] = t.frames;
        j[way + "WebSocketMessages"] = t.messages;
        j[preopen + "OctetsWireLevel"] = t.preopen;
    };
    direction("outgoing", "preopenOutgoing", out_traffic);
    direction("incoming", "preopenIncoming", in_traffic);
    return j;
}

}  // namespace wsc::engine

#include "parse_parts.hpp"

namespace wsc::catalogue::detail {

namespace {

constexpr double max_seconds = 3600;

int opcode(Object& o) { return static_cast<int>(o.required("opcode").integer(0, 15)); }

Payload optional_payload(Object& o, std::string_view key) {
    auto n = o.optional(key);
    return n ? read_payload(*n) : text_payload("");
}

std::vector<Header> read_headers(const Node& node) {
    std::vector<Header> out;
    for (const Node& item : node.array()) {
        if (!item.json().is_array() || item.json().size() != 2) {
            item.fail("expected a [name, value] pair, got " + type_name(item.json()) +
                      (item.json().is_array() ? " of " + std::to_string(item.json().size()) + " elements" : ""));
        }
        Header h;
        h.name = item.element(0).nonempty_string();
        h.value = read_text_or_payload(item.element(1));
        out.push_back(std::move(h));
    }
    return out;
}

std::vector<SendFrame> read_trailing(Object& o) {
    std::vector<SendFrame> out;
    if (auto n = o.optional("trailing_frames")) {
        for (const Node& f : n->array()) out.push_back(read_frame(f));
    }
    return out;
}

Step read_close(const Node& node) {
    Object o(node);
    SendClose c;
    if (auto code = o.optional("code")) c.code = static_cast<int>(code->integer(0, 65535));
    if (auto reason = o.optional("reason")) {
        if (!c.code) reason->fail("a close reason needs a 'code'");
        c.reason = read_payload(*reason);
    }
    o.done();
    return c;
}

}  // namespace

SendFrame read_frame(const Node& node) {
    Object o(node);
    SendFrame f;
    f.opcode = opcode(o);
    if (auto n = o.optional("fin")) f.fin = n->boolean();
    if (auto n = o.optional("rsv")) f.rsv = static_cast<int>(n->integer(0, 7));
    f.payload = optional_payload(o, "payload");
    if (auto n = o.optional("chop")) f.chop = static_cast<std::uint64_t>(n->integer(1, std::int64_t{1} << 30));
    if (auto n = o.optional("sync")) f.sync = n->boolean();
    if (auto n = o.optional("masked")) f.masked = n->boolean();
    o.done();
    return f;
}

Step read_step(const Node& node) {
    if (!node.json().is_object() || node.json().size() != 1) {
        node.fail("a step must be an object with exactly one key (its name), got " + type_name(node.json()) +
                  (node.json().is_object() ? " with " + std::to_string(node.json().size()) + " keys" : ""));
    }
    const std::string name = node.json().begin().key();
    Node body = node.child(name);
    if (name == "send_frame") return read_frame(body);
    if (name == "send_message") {
        Object o(body);
        SendMessage m;
        m.opcode = static_cast<int>(o.required("opcode").integer(1, 2));
        m.payload = read_payload(o.required("payload"));
        if (auto n = o.optional("fragment_size")) {
            m.fragment_size = static_cast<std::uint64_t>(n->integer(1, std::int64_t{1} << 30));
        }
        o.done();
        return m;
    }
    if (name == "send_stream_header") {
        Object o(body);
        SendStreamHeader h;
        h.opcode = opcode(o);
        h.fin = o.required("fin").boolean();
        h.length = static_cast<std::uint64_t>(o.required("length").integer(0, std::int64_t{1} << 30));
        o.done();
        return h;
    }
    if (name == "send_stream_piece") {
        Object o(body);
        SendStreamPiece p{read_payload(o.required("payload"))};
        o.done();
        return p;
    }
    if (name == "send_close") return read_close(body);
    if (name == "send_close_raw") {
        Object o(body);
        SendCloseRaw c{read_payload(o.required("payload"))};
        o.done();
        return c;
    }
    if (name == "wait") return Wait{body.number(0, max_seconds)};
    if (name == "kill_after") return KillAfter{body.number(0.001, max_seconds)};
    if (name == "close_after") return CloseAfter{body.number(0.001, max_seconds)};
    if (name == "continue_later") {
        Object o(body);
        ContinueLater c;
        c.delay = o.required("delay").number(0, max_seconds);
        c.tag = o.required("tag").nonempty_string();
        o.done();
        return c;
    }
    if (name == "send_raw_request") {
        Object o(body);
        SendRawRequest r;
        r.method = o.required("method").nonempty_string();
        r.target = read_text_or_payload(o.required("target"));
        r.version = o.required("version").nonempty_string();
        r.headers = read_headers(o.required("headers"));
        r.trailing_frames = read_trailing(o);
        o.done();
        return r;
    }
    if (name == "send_raw_response") {
        Object o(body);
        SendRawResponse r;
        r.version = o.required("version").nonempty_string();
        r.status = static_cast<int>(o.required("status").integer(100, 999));
        r.reason = o.required("reason").string();
        r.headers = read_headers(o.required("headers"));
        r.trailing_frames = read_trailing(o);
        o.done();
        return r;
    }
    body.fail("unknown step '" + name +
              "' (expected send_frame, send_message, send_stream_header, send_stream_piece, send_close, "
              "send_close_raw, wait, continue_later, kill_after, close_after, send_raw_request or send_raw_response)");
}

}  // namespace wsc::catalogue::detail

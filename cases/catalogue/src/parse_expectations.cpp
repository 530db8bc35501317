#include <algorithm>

#include "parse_parts.hpp"

namespace wsc::catalogue::detail {

namespace {

std::vector<int> read_codes(const Node& node, int min, int max) {
    std::vector<int> out;
    for (const Node& n : node.array()) out.push_back(static_cast<int>(n.integer(min, max)));
    return out;
}

std::map<std::string, std::vector<std::string>> read_value_map(const Node& node) {
    Object o(node);
    std::map<std::string, std::vector<std::string>> out;
    for (auto& [name, values] : o.members()) {
        auto list = values.string_array();
        if (list.empty()) values.fail("must list at least one value");
        out.emplace(name, std::move(list));
    }
    return out;
}

}  // namespace

Event read_event(const Node& node) {
    if (!node.json().is_array() || node.json().empty()) node.fail("expected an event array, got " + type_name(node.json()));
    const std::string type = node.element(0).string();
    const std::size_t n = node.json().size();
    Event e;
    if (type == "message") {
        if (n != 3) node.fail("a message event is [\"message\", payload, is_binary], got " + std::to_string(n) + " elements");
        e.type = Event::Type::message;
        e.payload = read_payload(node.element(1));
        e.binary = node.element(2).boolean();
    } else if (type == "pong") {
        if (n != 2) node.fail("a pong event is [\"pong\", payload], got " + std::to_string(n) + " elements");
        e.type = Event::Type::pong;
        e.payload = read_payload(node.element(1));
    } else if (type == "timeout") {
        if (n != 2) node.fail("a timeout event is [\"timeout\", tag], got " + std::to_string(n) + " elements");
        e.type = Event::Type::timeout;
        e.tag = node.element(1).nonempty_string();
    } else {
        node.element(0).fail("unknown event type '" + type + "' (expected message, pong or timeout)");
    }
    return e;
}

std::vector<Outcome> read_expected(const Node& node) {
    Object o(node);
    std::vector<Outcome> out;
    for (auto& [label, events] : o.members()) {
        if (label != "OK" && label != "NON-STRICT") {
            events.fail("unknown outcome label '" + label + "' (expected OK or NON-STRICT)");
        }
        Outcome oc{label, {}};
        for (const Node& e : events.array()) oc.events.push_back(read_event(e));
        out.push_back(std::move(oc));
    }
    // OK first: it is the outcome a report names first and the one auto-close compares against.
    std::stable_sort(out.begin(), out.end(), [](const Outcome& a, const Outcome& b) {
        return (a.label == "OK") > (b.label == "OK");
    });
    return out;
}

ExpectedClose read_expected_close(const Node& node) {
    Object o(node);
    ExpectedClose c;
    c.closed_by_me = o.required("closed_by_me").boolean();
    Node codes = o.required("codes");
    c.codes = read_codes(codes, 0, 65535);
    if (c.codes.empty()) codes.fail("must list at least one close code");
    c.require_clean = o.required("require_clean").boolean();
    c.wrong_endpoint_fatal = o.required("wrong_endpoint_fatal").boolean();
    o.done();
    return c;
}

ExpectResponse read_expect_response(const Node& node) {
    Object o(node);
    ExpectResponse r;
    Node status = o.required("status");
    r.status = read_codes(status, 100, 999);
    if (r.status.empty()) status.fail("must list at least one status code");
    if (auto n = o.optional("any_4xx")) r.any_4xx = n->boolean();
    if (auto n = o.optional("drop_ok")) r.drop_ok = n->boolean();
    if (auto n = o.optional("require_headers")) {
        for (const Node& item : n->array()) {
            if (!item.json().is_array() || item.json().size() != 2) item.fail("expected a [name, value] pair");
            r.require_headers.emplace_back(item.element(0).nonempty_string(), item.element(1).string());
        }
    }
    if (auto n = o.optional("forbid_headers")) r.forbid_headers = n->string_array();
    if (auto n = o.optional("allowed_values")) r.allowed_values = read_value_map(*n);
    if (auto n = o.optional("forbid_values")) r.forbid_values = read_value_map(*n);
    if (auto n = o.optional("timeout")) r.timeout = n->number(0.1, 600);
    o.done();
    return r;
}

ExpectClient read_expect_client(const Node& node) {
    Object o(node);
    ExpectClient c;
    c.must_fail = o.required("must_fail").boolean();
    c.timeout = o.required("timeout").number(0.1, 600);
    o.done();
    return c;
}

DeflateParams read_deflate_params(const Node& node) {
    Object o(node);
    DeflateParams p;
    p.no_context_takeover = o.required("no_context_takeover").boolean();
    Node bits = o.required("max_window_bits");
    p.max_window_bits = static_cast<int>(bits.integer(0, 15));
    if (p.max_window_bits != 0 && p.max_window_bits < 8) bits.fail("must be 0 (not mentioned) or 8..15");
    o.done();
    return p;
}

}  // namespace wsc::catalogue::detail

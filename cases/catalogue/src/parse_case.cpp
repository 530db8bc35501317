#include "parse_case.hpp"

#include <algorithm>

#include "parse_parts.hpp"
#include "wsc/catalogue/data_sets.hpp"

namespace wsc::catalogue::detail {

namespace {

Level read_level(const Node& n) {
    const std::string s = n.string();
    if (s == "MUST") return Level::must;
    if (s == "SHOULD") return Level::should;
    if (s == "INFO") return Level::info;
    n.fail("unknown level '" + s + "' (expected MUST, SHOULD or INFO)");
}

Kind read_kind(const Node& n) {
    const std::string s = n.string();
    for (Kind k : {Kind::standard, Kind::bulk_echo, Kind::roundtrip, Kind::compression, Kind::informational,
                   Kind::close_wrong_code_fails, Kind::frame_count, Kind::handshake}) {
        if (s == to_string(k)) return k;
    }
    n.fail("unknown kind '" + s +
           "' (expected standard, bulk-echo, roundtrip, compression, informational, close-wrong-code-fails, "
           "frame-count or handshake)");
}

std::vector<Role> read_roles(const Node& n) {
    std::vector<Role> roles;
    for (const Node& item : n.array()) {
        const std::string s = item.string();
        if (s != "server" && s != "client") item.fail("unknown role '" + s + "' (expected server or client)");
        const Role r = s == "server" ? Role::server : Role::client;
        if (std::find(roles.begin(), roles.end(), r) != roles.end()) item.fail("role '" + s + "' listed twice");
        roles.push_back(r);
    }
    if (roles.empty()) n.fail("must list at least one role");
    return roles;
}

std::string one_line(const Node& n) {
    std::string s = n.nonempty_string();
    if (s.find_first_of("\r\n") != std::string::npos) n.fail("must be a single line");
    return s;
}

bool is_raw_step(const Step& s) {
    return std::holds_alternative<SendRawRequest>(s) || std::holds_alternative<SendRawResponse>(s);
}

// A key that belongs to exactly the kinds for which `wanted` is true.
template <typename Read>
auto kind_key(Object& o, std::string_view key, bool wanted, std::string_view kinds, Read read)
    -> std::optional<decltype(read(std::declval<const Node&>()))> {
    auto n = o.optional(key);
    if (wanted && !n) o.node().fail("missing required key '" + std::string(key) + "' for kind " + std::string(kinds));
    if (!wanted && n) n->fail("only allowed for kind " + std::string(kinds));
    if (!n) return std::nullopt;
    return read(*n);
}

void check_handshake(const Case& c, Object& o, const Node& node, bool has_expected, bool has_close) {
    if (c.roles.size() != 1) node.child("roles").fail("a handshake case applies to exactly one role");
    const bool server = c.roles[0] == Role::server;
    if (c.steps.empty() || (server ? !std::holds_alternative<SendRawRequest>(c.steps[0])
                                   : !std::holds_alternative<SendRawResponse>(c.steps[0]))) {
        node.child("steps").fail(std::string("the first step of a ") + (server ? "server" : "client") +
                                 " handshake case must be " + (server ? "send_raw_request" : "send_raw_response"));
    }
    for (std::size_t i = 1; i < c.steps.size(); ++i) {
        if (is_raw_step(c.steps[i])) node.child("steps").element(i).fail("only the first step may be a raw handshake");
    }
    if (server != c.expect_response.has_value()) {
        o.node().fail(server ? "missing required key 'expect_response' for a server handshake case"
                             : "'expect_response' is only for server handshake cases");
    }
    if (!server != c.expect_client.has_value()) {
        o.node().fail(!server ? "missing required key 'expect_client' for a client handshake case"
                              : "'expect_client' is only for client handshake cases");
    }
    const bool can_open = server ? std::find(c.expect_response->status.begin(), c.expect_response->status.end(), 101) !=
                                       c.expect_response->status.end()
                                 : !c.expect_client->must_fail;
    if (can_open && !(has_expected && has_close)) {
        o.node().fail("a handshake that may succeed needs 'expected' and 'expected_close' for what follows");
    }
    if (!can_open && (has_expected || has_close)) {
        o.node().fail("a handshake that must fail cannot have 'expected' or 'expected_close'");
    }
}

}  // namespace

Case read_case(const Node& node, const FileContext& ctx) {
    Object o(node);
    Case c;
    c.category = ctx.category;

    Node id_node = o.required("id");
    auto id = CaseId::try_parse(id_node.string());
    if (!id) id_node.fail("not a case ID (two or more dot-separated numbers): '" + id_node.string() + "'");
    if (id->section() != ctx.section) {
        id_node.fail("case " + id->str() + " does not belong to section " + std::to_string(ctx.section) + " of this file");
    }
    c.id = *id;
    c.subsection = c.id.subsection();
    if (!c.subsection.empty()) {
        auto label = ctx.subsections.find(c.subsection);
        if (label == ctx.subsections.end()) id_node.fail("subsection " + c.subsection + " has no label in 'subsections'");
        c.subsection_label = label->second;
    }

    Node rfc = o.required("rfc");
    c.rfc = one_line(rfc);
    if (c.rfc.rfind("RFC ", 0) != 0) rfc.fail("must start with 'RFC ' (e.g. \"RFC 6455 §5.2\")");
    c.level = read_level(o.required("level"));
    c.kind = read_kind(o.required("kind"));
    c.roles = o.has("roles") ? read_roles(*o.optional("roles")) : std::vector<Role>{Role::server, Role::client};
    if (auto n = o.optional("requires")) {
        c.requirements = n->string_array();
        for (std::size_t i = 0; i < c.requirements.size(); ++i) {
            if (c.requirements[i].empty()) n->element(i).fail("must not be empty");
        }
    }
    c.description = one_line(o.required("description"));
    c.expectation = one_line(o.required("expectation"));

    Node steps = o.required("steps");
    for (const Node& s : steps.array()) c.steps.push_back(read_step(s));

    const Kind k = c.kind;
    const bool timed = k == Kind::bulk_echo || k == Kind::roundtrip || k == Kind::compression;
    c.deadline = kind_key(o, "deadline", timed, "bulk-echo, roundtrip or compression",
                          [](const Node& n) { return n.number(0.001, 100000); });
    c.echo_check = kind_key(o, "echo_check", k == Kind::bulk_echo, "bulk-echo", [](const Node& n) {
        Object e(n);
        EchoCheck ec{static_cast<int>(e.required("opcode").integer(1, 2)),
                     static_cast<std::uint64_t>(e.required("length").integer(0, std::int64_t{1} << 30))};
        e.done();
        return ec;
    });
    c.roundtrip = kind_key(o, "roundtrip", k == Kind::roundtrip, "roundtrip", [](const Node& n) {
        Object r(n);
        Roundtrip rt;
        rt.count = static_cast<int>(r.required("count").integer(1, 1000000));
        rt.opcode = static_cast<int>(r.required("opcode").integer(1, 2));
        rt.payload = read_payload(r.required("payload"));
        r.done();
        return rt;
    });
    c.compression = kind_key(o, "compression", k == Kind::compression, "compression", [](const Node& n) {
        Object z(n);
        Compression cz;
        Node ds = z.required("data_set");
        cz.data_set = ds.string();
        const DataSetInfo* info = find_data_set(cz.data_set);
        if (!info) ds.fail("unknown data set '" + cz.data_set + "'");
        Node op = z.required("opcode");
        cz.opcode = static_cast<int>(op.integer(1, 2));
        if ((cz.opcode == 1) != info->text) op.fail("data set " + cz.data_set + " is sent as " + (info->text ? "text (1)" : "binary (2)"));
        cz.len = static_cast<std::uint64_t>(z.required("len").integer(1, std::int64_t{1} << 30));
        cz.count = static_cast<int>(z.required("count").integer(1, 1000000));
        cz.auto_fragment_size = static_cast<std::uint64_t>(z.required("auto_fragment_size").integer(0, std::int64_t{1} << 30));
        for (const char* key : {"offers", "accepts"}) {
            Node list = z.required(key);
            auto& dst = std::string_view(key) == "offers" ? cz.offers : cz.accepts;
            for (const Node& p : list.array()) dst.push_back(read_deflate_params(p));
            if (dst.empty()) list.fail("must list at least one parameter set");
        }
        z.done();
        return cz;
    });
    auto afs = kind_key(o, "auto_fragment_size", k == Kind::frame_count, "frame-count",
                        [](const Node& n) { return static_cast<std::uint64_t>(n.integer(1, std::int64_t{1} << 30)); });
    c.auto_fragment_size = afs.value_or(0);
    auto frames = kind_key(o, "expect_tx_frames", k == Kind::frame_count, "frame-count", [](const Node& n) {
        Object f(n);
        std::map<int, int> out;
        for (auto& [key, count] : f.members()) {
            int opcode = -1;
            if (key.size() <= 2 && !key.empty() && key.find_first_not_of("0123456789") == std::string::npos) opcode = std::stoi(key);
            if (opcode < 0 || opcode > 15) count.fail("key must be an opcode 0..15 written as a string");
            out[opcode] = static_cast<int>(count.integer(0, 100000000));
        }
        return out;
    });
    if (frames) c.expect_tx_frames = *frames;

    const bool hs = k == Kind::handshake;
    c.expect_response = kind_key(o, "expect_response", hs && o.has("expect_response"), "handshake", read_expect_response);
    c.expect_client = kind_key(o, "expect_client", hs && o.has("expect_client"), "handshake", read_expect_client);

    auto expected = o.optional("expected");
    auto close = o.optional("expected_close");
    if (expected) c.expected = read_expected(*expected);
    if (close) c.expected_close = read_expected_close(*close);
    if (hs) {
        check_handshake(c, o, node, expected.has_value(), close.has_value());
    } else {
        if (!expected) o.required("expected");
        if (!close) o.required("expected_close");
        for (std::size_t i = 0; i < c.steps.size(); ++i) {
            if (is_raw_step(c.steps[i])) steps.element(i).fail("raw handshake steps are only allowed in handshake cases");
        }
        if (c.steps.empty() && k != Kind::roundtrip && k != Kind::compression) steps.fail("must not be empty");
        const bool self_judged = k == Kind::bulk_echo || k == Kind::roundtrip || k == Kind::compression;
        if (self_judged != c.expected.empty()) {
            expected->fail(self_judged ? "must be {} for a kind that decides its verdict itself"
                                       : "must list at least one outcome");
        }
    }
    o.done();
    return c;
}

}  // namespace wsc::catalogue::detail

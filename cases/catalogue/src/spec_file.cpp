#include "wsc/catalogue/spec_file.hpp"

#include <array>
#include <string_view>

#include "json_reader.hpp"

namespace wsc::catalogue {

namespace {

using detail::Node;
using detail::Object;

enum class OptionType { boolean, number, integer_list, string_list, string };

struct OptionSpec {
    std::string_view name;
    OptionType type;
};

// The protocol options the Autobahn drivers pass to their WebSocket factories (catalogue.md §6).
constexpr std::array<OptionSpec, 22> server_options = {{
    {"versions", OptionType::integer_list}, {"allowHixie76", OptionType::boolean},
    {"webStatus", OptionType::boolean}, {"utf8validateIncoming", OptionType::boolean},
    {"maskServerFrames", OptionType::boolean}, {"requireMaskedClientFrames", OptionType::boolean},
    {"applyMask", OptionType::boolean}, {"maxFramePayloadSize", OptionType::number},
    {"maxMessagePayloadSize", OptionType::number}, {"autoFragmentSize", OptionType::number},
    {"failByDrop", OptionType::boolean}, {"echoCloseCodeReason", OptionType::boolean},
    {"openHandshakeTimeout", OptionType::number}, {"closeHandshakeTimeout", OptionType::number},
    {"tcpNoDelay", OptionType::boolean}, {"autoPingInterval", OptionType::number},
    {"autoPingTimeout", OptionType::number}, {"autoPingSize", OptionType::number},
    {"serveFlashSocketPolicy", OptionType::boolean}, {"flashSocketPolicy", OptionType::string},
    {"allowedOrigins", OptionType::string_list}, {"maxConnections", OptionType::number},
}};

constexpr std::array<OptionSpec, 18> client_options = {{
    {"version", OptionType::number}, {"allowHixie76", OptionType::boolean},
    {"utf8validateIncoming", OptionType::boolean}, {"acceptMaskedServerFrames", OptionType::boolean},
    {"maskClientFrames", OptionType::boolean}, {"applyMask", OptionType::boolean},
    {"maxFramePayloadSize", OptionType::number}, {"maxMessagePayloadSize", OptionType::number},
    {"autoFragmentSize", OptionType::number}, {"failByDrop", OptionType::boolean},
    {"echoCloseCodeReason", OptionType::boolean}, {"serverConnectionDropTimeout", OptionType::number},
    {"openHandshakeTimeout", OptionType::number}, {"closeHandshakeTimeout", OptionType::number},
    {"tcpNoDelay", OptionType::boolean}, {"autoPingInterval", OptionType::number},
    {"autoPingTimeout", OptionType::number}, {"autoPingSize", OptionType::number},
}};

template <std::size_t N>
nlohmann::json read_options(const Node& node, const std::array<OptionSpec, N>& known, std::string_view mode) {
    Object o(node);
    for (auto& [name, value] : o.members()) {
        const OptionSpec* spec = nullptr;
        for (const auto& k : known) {
            if (k.name == name) spec = &k;
        }
        if (!spec) value.fail("unknown " + std::string(mode) + " option '" + name + "'");
        switch (spec->type) {
            case OptionType::boolean: value.boolean(); break;
            case OptionType::number: value.number(0, 1e12); break;
            case OptionType::string: value.string(); break;
            case OptionType::string_list: value.string_array(); break;
            case OptionType::integer_list:
                for (const Node& v : value.array()) v.integer(0, 100);
                break;
        }
    }
    return node.json();
}

std::string read_url(const Node& node) {
    std::string url = node.nonempty_string();
    if (url.rfind("ws://", 0) != 0 && url.rfind("wss://", 0) != 0) node.fail("expected a ws:// or wss:// URL, got '" + url + "'");
    return url;
}

ExcludeAgentCases read_agent_exclusions(const Node& node) {
    Object o(node);
    ExcludeAgentCases out;
    for (auto& [agent, cases] : o.members()) out.emplace_back(agent, cases.string_array());
    return out;
}

}  // namespace

std::string default_outdir(SpecMode mode) {
    return mode == SpecMode::fuzzing_server ? "./reports/clients/" : "./reports/servers/";
}

Spec parse_spec(const nlohmann::json& document, SpecMode mode, const std::string& file) {
    Node root(document, "", file);
    Object o(root);
    Spec s;
    s.mode = mode;
    s.outdir = default_outdir(mode);
    const bool server = mode == SpecMode::fuzzing_server;

    s.cases = o.required("cases").string_array();
    if (auto n = o.optional("exclude-cases")) s.exclude_cases = n->string_array();
    if (auto n = o.optional("exclude-agent-cases")) s.exclude_agent_cases = read_agent_exclusions(*n);
    if (auto n = o.optional("outdir")) s.outdir = n->nonempty_string();
    if (auto n = o.optional("options")) {
        s.options = server ? read_options(*n, server_options, "fuzzingserver") : read_options(*n, client_options, "fuzzingclient");
    }
    // Accepted by Autobahn and ignored by its fuzzers: keep them legal, but note their presence.
    for (const char* ignored : {"webport", "testees"}) {
        if (o.has(ignored)) {
            o.ignore(ignored);
            s.ignored_keys.emplace_back(ignored);
        }
    }
    if (server) {
        s.url = read_url(o.required("url"));
        if (auto n = o.optional("protocols")) s.protocols = n->string_array();
        if (auto n = o.optional("key")) s.key = n->nonempty_string();
        if (auto n = o.optional("cert")) s.cert = n->nonempty_string();
    } else if (auto list = o.optional("servers")) {
        for (const Node& entry : list->array()) {
            Object e(entry);
            SpecServer srv;
            srv.url = read_url(e.required("url"));
            if (auto n = e.optional("agent")) srv.agent = n->nonempty_string();
            if (auto n = e.optional("origin")) srv.origin = n->string();
            if (auto n = e.optional("protocols")) srv.protocols = n->string_array();
            if (auto n = e.optional("hostname")) srv.hostname = n->nonempty_string();
            if (auto n = e.optional("options")) srv.options = read_options(*n, client_options, "fuzzingclient");
            e.done();
            s.servers.push_back(std::move(srv));
        }
    }
    o.done();
    return s;
}

Spec load_spec(const std::filesystem::path& path, SpecMode mode) {
    return parse_spec(detail::parse_file(path.string()), mode, path.string());
}

}  // namespace wsc::catalogue

#include "spec_warnings.hpp"

#include <array>
#include <string_view>

namespace wsc::cli {

namespace {

// The options wsconform acts on (case_source.cpp: apply_timeout_options).
constexpr std::array<std::string_view, 3> implemented_options{"openHandshakeTimeout", "closeHandshakeTimeout",
                                                               "serverConnectionDropTimeout"};

struct unimplemented {
    std::string_view key;
    std::string_view what;
};

// Keys with a known meaning we do not honour, and what that means for the run.
// Options of Autobahn's own WebSocket factory not listed here get a generic line.
constexpr std::array<unimplemented, 6> unimplemented_keys{{
    {"webport", "no web status page is served (the browser command will use it)"},
    {"failByDrop", "wsconform always fails a connection as RFC 6455 7.1.7 says, with a close frame when it can"},
    {"utf8validateIncoming", "wsconform always validates incoming text as UTF-8 (RFC 6455 8.1)"},
    {"maskServerFrames", "the fuzzer's masking is set by each case, not by the spec"},
    {"requireMaskedClientFrames", "the fuzzer's masking rules are set by each case, not by the spec"},
    {"applyMask", "the fuzzer's masking is set by each case, not by the spec"},
}};

std::string_view what_of(std::string_view key) {
    for (const auto& u : unimplemented_keys)
        if (u.key == key) return u.what;
    return "it configures Autobahn's own WebSocket factory, which wsconform does not have";
}

bool implemented(std::string_view key) {
    for (const auto k : implemented_options)
        if (k == key) return true;
    return false;
}

void warn_options(const nlohmann::json& options, const std::string& file, const std::string& prefix,
                  std::ostream& out) {
    if (!options.is_object()) return;
    for (const auto& [key, value] : options.items()) {
        if (implemented(key)) continue;
        out << "warning: " << file << ": key '" << prefix << key << "' is accepted but not implemented: "
            << what_of(key) << "\n";
    }
}

}  // namespace

void warn_unimplemented_keys(const catalogue::Spec& spec, const std::string& file, std::ostream& out) {
    for (const auto& key : spec.ignored_keys) {
        bool listed = false;
        for (const auto& u : unimplemented_keys) listed = listed || u.key == key;
        // `testees` and the like are ignored by Autobahn itself: nothing is lost.
        if (listed)
            out << "warning: " << file << ": key '" << key << "' is accepted but not implemented: " << what_of(key)
                << "\n";
    }
    warn_options(spec.options, file, "options.", out);
    for (std::size_t i = 0; i < spec.servers.size(); ++i)
        warn_options(spec.servers[i].options, file, "servers[" + std::to_string(i) + "].options.", out);
}

}  // namespace wsc::cli

#pragma once
// Autobahn spec files: fuzzingserver.json (we test clients) and fuzzingclient.json (we test
// servers). Parsed strictly: unknown keys are errors, except the keys Autobahn itself accepts
// and ignores (`webport`, `testees`), which are recorded in ignored_keys.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "wsc/catalogue/select.hpp"

namespace wsc::catalogue {

enum class SpecMode { fuzzing_server, fuzzing_client };

struct SpecServer {  // one `servers` entry of fuzzingclient.json
    std::string url;
    std::optional<std::string> agent;
    std::optional<std::string> origin;
    std::vector<std::string> protocols;
    std::optional<std::string> hostname;       // TLS SNI name
    nlohmann::json options = nlohmann::json::object();  // applied after the global options
};

struct Spec {
    SpecMode mode = SpecMode::fuzzing_client;
    std::vector<std::string> cases;            // required
    std::vector<std::string> exclude_cases;
    ExcludeAgentCases exclude_agent_cases;
    std::string outdir;                        // defaults per mode
    nlohmann::json options = nlohmann::json::object();

    // fuzzingserver.json
    std::string url;
    std::vector<std::string> protocols;
    std::optional<std::string> key;
    std::optional<std::string> cert;

    // fuzzingclient.json
    std::vector<SpecServer> servers;

    std::vector<std::string> ignored_keys;     // accepted-but-ignored keys that were present
};

// `file` is only used in error messages. Throws CatalogueError(file, key path, problem).
Spec parse_spec(const nlohmann::json& document, SpecMode mode, const std::string& file);
Spec load_spec(const std::filesystem::path& path, SpecMode mode);

std::string default_outdir(SpecMode mode);  // "./reports/clients/" or "./reports/servers/"

}  // namespace wsc::catalogue

// Everything the command line asks of the case catalogue (cases/, another owner),
// behind one small interface: load it, select cases by Autobahn patterns in tuple
// order, and read fuzzingclient.json / fuzzingserver.json spec files.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "case_plan.hpp"
#include "wsc/engine/session.hpp"

namespace wsc::cli {

// A spec-file problem: the message names the file, the key and what is wrong.
struct spec_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class case_source {
public:
    // `dir` (--catalogue), else $WSCONFORM_CATALOGUE, else the catalogue this build
    // was configured with. Throws std::runtime_error naming the directory.
    static std::shared_ptr<const case_source> load(const std::optional<std::string>& dir);
    virtual ~case_source() = default;

    // catalogue.md §6.1 patterns ('*' wildcard, matched from the start);
    // throws usage_error for an id that does not exist.
    virtual case_plan select(const std::vector<std::string>& include,
                             const std::vector<std::string>& exclude) const = 0;
    // The RFC section a case checks, for `wsconform cases`.
    virtual std::string rfc_section(const planned_case& c) const = 0;
};

struct server_entry {
    std::string url;
    std::string agent;
    std::optional<std::string> origin;
    std::string hostname;  // TLS SNI and name check
    nlohmann::json options = nlohmann::json::object();
};

struct fuzzing_spec {
    std::filesystem::path file;
    std::vector<server_entry> servers;  // client spec
    std::string url;                    // server spec
    std::string cert, key;              // server spec, for wss
    std::vector<std::string> cases{"*"}, exclude_cases;
    nlohmann::json exclude_agent_cases = nlohmann::json::object();
    std::optional<std::string> outdir;
    nlohmann::json options = nlohmann::json::object();
};

enum class spec_kind { client, server };
// Throws spec_error ("FILE: key 'servers': must be a list of objects").
fuzzing_spec read_spec(const std::filesystem::path& file, spec_kind kind);

// exclude-agent-cases: both sides fully anchored, '*' a wildcard (catalogue.md §6.1).
agent_exclusion make_agent_exclusion(const nlohmann::json& exclude_agent_cases);

// Engine timeouts from spec `options` (openHandshakeTimeout, closeHandshakeTimeout,
// serverConnectionDropTimeout); other options are accepted and ignored. `where`
// prefixes errors ("spec.json: options").
engine::timeouts apply_timeout_options(engine::timeouts base, const nlohmann::json& options,
                                       const std::string& where);

}  // namespace wsc::cli

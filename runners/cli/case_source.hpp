// Everything the command line asks of the case catalogue (cases/catalogue, another
// owner), in one place: load it, select cases for the role under test in tuple
// order, and read spec files with errors that name file, key and problem.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "case_plan.hpp"
#include "wsc/catalogue/catalogue.hpp"
#include "wsc/catalogue/spec_file.hpp"
#include "wsc/engine/session.hpp"

namespace wsc::cli {

// A spec-file problem; what() reads "FILE: KEY: PROBLEM".
struct spec_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class case_source {
public:
    // `dir` (--catalogue), else the catalogue's default ($WSC_CATALOGUE_DIR or the
    // source tree). Throws spec_error naming the file, key and problem.
    static std::shared_ptr<const case_source> load(const std::optional<std::string>& dir);

    // catalogue.md §6.1 patterns, tuple order, only cases that apply to the
    // implementation's role. Our handshake section (0.x) joins only when a pattern
    // names it ("0.*"), so "*" numbers cases exactly as Autobahn does. Throws
    // usage_error for an unknown literal id.
    case_plan select(const std::vector<std::string>& include, const std::vector<std::string>& exclude,
                     catalogue::Role under_test) const;
    // The same patterns for every role (`wsconform cases`): '*' means what it means
    // to `client` and `server`.
    case_plan select_any_role(const std::vector<std::string>& include, const std::vector<std::string>& exclude) const;
    // Every case of the catalogue, for listings.
    case_plan all() const;

    const catalogue::Catalogue& catalogue() const noexcept { return cat_; }

private:
    explicit case_source(catalogue::Catalogue c) : cat_(std::move(c)) {}
    catalogue::Catalogue cat_;
};

// Reads fuzzingclient.json / fuzzingserver.json; catalogue::CatalogueError becomes spec_error.
catalogue::Spec read_spec(const std::filesystem::path& file, catalogue::SpecMode mode);

// exclude-agent-cases: both sides fully anchored, '*' a wildcard (catalogue.md §6.1).
agent_exclusion make_agent_exclusion(const catalogue::ExcludeAgentCases& rules);

// Engine timeouts from spec `options` (openHandshakeTimeout, closeHandshakeTimeout,
// serverConnectionDropTimeout, in seconds); other options are Autobahn protocol
// options we accept and ignore. `where` starts error messages ("spec.json: options").
engine::timeouts apply_timeout_options(engine::timeouts base, const nlohmann::json& options,
                                       const std::string& where);

}  // namespace wsc::cli

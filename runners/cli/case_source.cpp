#include "case_source.hpp"

#include <algorithm>

#include "args.hpp"
#include "wsc/catalogue/case.hpp"
#include "wsc/catalogue/error.hpp"
#include "wsc/catalogue/select.hpp"

namespace wsc::cli {

namespace {

planned_case plan_entry(const catalogue::Case& c) {
    planned_case p;
    p.id = c.id.str();
    p.position = c.position;
    p.description = catalogue::description(c);
    p.tc = &c;
    return p;
}

spec_error as_spec_error(const catalogue::CatalogueError& e) {
    return spec_error(e.file() + ": key '" + (e.key_path().empty() ? std::string("(root)") : e.key_path()) +
                      "': " + e.problem());
}

}  // namespace

std::shared_ptr<const case_source> case_source::load(const std::optional<std::string>& dir) {
    const std::filesystem::path where = dir ? std::filesystem::path(*dir) : catalogue::default_catalogue_dir();
    if (!std::filesystem::is_directory(where))
        throw spec_error(where.string() + ": the case catalogue directory does not exist (use --catalogue DIR)");
    try {
        return std::shared_ptr<const case_source>(new case_source(catalogue::load_catalogue(where)));
    } catch (const catalogue::CatalogueError& e) {
        throw as_spec_error(e);
    }
}

namespace {

std::vector<const catalogue::Case*> pick(const catalogue::Catalogue& cat, const std::vector<std::string>& include,
                                         const std::vector<std::string>& exclude) {
    std::vector<const catalogue::Case*> chosen;
    try {
        chosen = catalogue::select(cat.cases, include, exclude);
    } catch (const std::invalid_argument& e) {
        throw usage_error(e.what());
    }
    // Our handshake section (0.x) joins only when a pattern names it.
    const bool wants_handshake =
        std::any_of(include.begin(), include.end(), [](const std::string& p) { return !p.empty() && p[0] == '0'; });
    if (!wants_handshake) std::erase_if(chosen, [](const catalogue::Case* c) { return c->id.is_handshake(); });
    return chosen;
}

}  // namespace

case_plan case_source::select_any_role(const std::vector<std::string>& include,
                                       const std::vector<std::string>& exclude) const {
    case_plan plan;
    for (const catalogue::Case* c : pick(cat_, include, exclude)) plan.push_back(plan_entry(*c));
    return plan;
}

case_plan case_source::select(const std::vector<std::string>& include, const std::vector<std::string>& exclude,
                              catalogue::Role under_test) const {
    case_plan plan;
    for (const catalogue::Case* c : pick(cat_, include, exclude)) {
        if (!c->applies_to(under_test)) continue;
        plan.push_back(plan_entry(*c));
    }
    return plan;
}

case_plan case_source::all() const {
    case_plan plan;
    for (const auto& c : cat_.cases) plan.push_back(plan_entry(c));
    return plan;
}

catalogue::Spec read_spec(const std::filesystem::path& file, catalogue::SpecMode mode) {
    if (!std::filesystem::exists(file)) throw spec_error(file.string() + ": no such spec file");
    try {
        return catalogue::load_spec(file, mode);
    } catch (const catalogue::CatalogueError& e) {
        throw as_spec_error(e);
    } catch (const nlohmann::json::exception& e) {
        throw spec_error(file.string() + ": key '(root)': not valid JSON: " + e.what());
    }
}

agent_exclusion make_agent_exclusion(const catalogue::ExcludeAgentCases& rules) {
    if (rules.empty()) return nullptr;
    return [rules](const std::string& agent, const std::string& id) {
        for (const auto& [agent_pattern, case_patterns] : rules) {
            if (!catalogue::anchored_pattern_matches(agent_pattern, agent)) continue;
            for (const auto& p : case_patterns)
                if (catalogue::anchored_pattern_matches(p, id)) return true;
        }
        return false;
    };
}

engine::timeouts apply_timeout_options(engine::timeouts base, const nlohmann::json& options,
                                       const std::string& where) {
    if (options.is_null()) return base;
    if (!options.is_object()) throw spec_error(where + ": must be an object");
    const std::pair<const char*, double engine::timeouts::*> known[] = {
        {"openHandshakeTimeout", &engine::timeouts::open_handshake_s},
        {"closeHandshakeTimeout", &engine::timeouts::close_handshake_s},
        {"serverConnectionDropTimeout", &engine::timeouts::server_connection_drop_s},
    };
    for (const auto& [key, member] : known) {
        auto it = options.find(key);
        if (it == options.end()) continue;
        if (!it->is_number() || it->get<double>() < 0)
            throw spec_error(where + ": key '" + key + "': must be a number of seconds >= 0");
        base.*member = it->get<double>();
    }
    return base;
}

}  // namespace wsc::cli

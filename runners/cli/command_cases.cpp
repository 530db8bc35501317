// `wsconform cases`: the catalogue, one case a line: id, RFC section, description.
// Patterns mean what they mean to `client` and `server` (case_source.hpp): '*' is
// Autobahn's sections 1-13, and 0.* adds the handshake section.
#include <algorithm>
#include <array>
#include <iostream>

#include "args.hpp"
#include "case_source.hpp"
#include "commands.hpp"
#include "exit_codes.hpp"
#include "wsc/catalogue/case.hpp"

namespace wsc::cli {

namespace {

constexpr std::array specs{
    option_spec{"cases", 'c', "PATTERNS", "only these cases, e.g. 1.*,6.4.* (default: 0.*,*, every case)"},
    option_spec{"exclude-cases", 'x', "PATTERNS", "cases to leave out"},
    option_spec{"section", 0, "N", "only catalogue section N (e.g. 7; 0 is the handshake section)"},
    option_spec{"catalogue", 0, "DIR", "case catalogue directory (default: the built-in one)"},
    option_spec{"help", 'h', "", "show this help"},
};

}  // namespace

int run_cases(std::span<const std::string> args) {
    const auto a = parse_args(args, specs);
    if (a.has("help")) {
        std::cout << format_help("wsconform cases [--cases PATTERNS] [--section N]",
                                 "Lists the case catalogue in tuple order: id, RFC section, one-line description. "
                                 "Exits 2 when nothing matches.",
                                 specs);
        return exit_code::ok;
    }
    if (!a.positional().empty()) throw usage_error("unexpected argument '" + a.positional().front() + "'");
    std::vector<std::string> include =
        a.has("cases") ? split_list(a.all("cases")) : std::vector<std::string>{"0.*", "*"};
    const auto source = case_source::load(a.get("catalogue"));
    std::optional<std::string> prefix;
    if (a.has("section")) {
        // The section is the first tuple element: "7" keeps 7.x, not 70.x.
        prefix = std::to_string(a.integer("section", 0, 0, 1000)) + ".";
        if (!a.has("cases")) include = {*prefix + "*"};
    }
    // The listing is about the catalogue: every role.
    case_plan plan = source->select_any_role(include, split_list(a.all("exclude-cases")));
    if (prefix) std::erase_if(plan, [&](const planned_case& c) { return c.id.rfind(*prefix, 0) != 0; });
    if (plan.empty()) throw usage_error("no case matches the selection");
    for (const auto& c : plan) {
        std::cout << catalogue::listing_line(*c.tc);
        // capabilities.hpp: what --capability must declare for the case to run.
        for (std::size_t i = 0; i < c.tc->requirements.size(); ++i)
            std::cout << (i == 0 ? "  [needs: " : ", ") << c.tc->requirements[i];
        std::cout << (c.tc->requirements.empty() ? "" : "]") << "\n";
    }
    return exit_code::ok;
}

}  // namespace wsc::cli

// Cases that need the implementation under test set up a certain way (a
// subprotocol it speaks, an Origin policy) carry `requires` in the catalogue. The
// user declares what the peer is configured for with --capability; the other
// such cases are left out of the run, each named with what it needs, rather than
// failed for a setting the peer was never given.
#pragma once

#include <array>
#include <ostream>
#include <string>
#include <vector>

#include "args.hpp"
#include "case_plan.hpp"
#include "wsc/catalogue/catalogue.hpp"

namespace wsc::cli {

inline constexpr std::array capability_option_specs{
    option_spec{"capability", 0, "CAP",
                "the peer is set up for CAP, e.g. origin-policy, subprotocol:wsc.echo (repeatable; 'wsconform cases' "
                "lists each case's needs)"},
};

// Every declared name must be one some case of `cat` needs: a typo would
// otherwise silently leave its cases out. Throws usage_error naming the known ones.
void check_capability_names(const std::vector<std::string>& declared, const catalogue::Catalogue& cat);

// Keeps the cases whose every requirement is in `declared`; writes one line per
// case left out to `notes`.
case_plan keep_declared_capabilities(case_plan plan, const std::vector<std::string>& declared, std::ostream& notes);

}  // namespace wsc::cli

// The options every command that plays cases shares (`client`, `server`, and the
// commands to come: fuzz, browser), so each command lists only its own and joins
// these groups (args.hpp: join_specs), and reads them the same way.
#pragma once

#include <array>
#include <chrono>
#include <iosfwd>
#include <string>
#include <vector>

#include "args.hpp"
#include "wsc/catalogue/spec_file.hpp"
#include "wsc/engine/session.hpp"

namespace wsc::cli {

inline constexpr std::array selection_option_specs{
    option_spec{"cases", 'c', "PATTERNS",
                "cases, e.g. 1.*,6.4.* (default: the spec's, else *; '*' is Autobahn's sections 1-13, add 0.* "
                "for the handshake section)"},
    option_spec{"exclude-cases", 'x', "PATTERNS", "cases to leave out"},
    option_spec{"catalogue", 0, "DIR", "case catalogue directory (default: the built-in one)"},
};

inline constexpr std::array run_option_specs{
    option_spec{"timeout", 0, "S",
                "opening and closing handshake timeouts in seconds (default: the spec's options, else 5 and 1)"},
    option_spec{"verbose", 'v', "", "print the wire log of each failing case"},
    option_spec{"quiet", 'q', "", "no per-case lines; just the summary"},
};

// --timeout S over the spec's openHandshakeTimeout and closeHandshakeTimeout.
engine::timeouts apply_timeout_flag(engine::timeouts t, const parsed_args& a);

// The spec's patterns, overridden by --cases / --exclude-cases.
void apply_selection_flags(catalogue::Spec& spec, const parsed_args& a);

// How long the run took, for the end-of-run line.
class run_clock {
public:
    double seconds() const {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    }

private:
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

}  // namespace wsc::cli

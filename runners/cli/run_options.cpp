#include "run_options.hpp"

namespace wsc::cli {

engine::timeouts apply_timeout_flag(engine::timeouts t, const parsed_args& a) {
    if (!a.has("timeout")) return t;
    const double s = a.number("timeout", 0, 0.01, 3600);
    t.open_handshake_s = s;
    t.close_handshake_s = s;
    return t;
}

void apply_selection_flags(catalogue::Spec& spec, const parsed_args& a) {
    if (a.has("cases")) spec.cases = split_list(a.all("cases"));
    if (a.has("exclude-cases")) spec.exclude_cases = split_list(a.all("exclude-cases"));
}

}  // namespace wsc::cli

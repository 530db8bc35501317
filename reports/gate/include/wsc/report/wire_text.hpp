// A case's wire log as terminal lines, for `-v` (the failing cases' wire logs at
// the end of a run): one row a line with its time, kind and fields, each line cut
// to a width, the middle of a long log left out with a count, as the HTML does.
#pragma once

#include <cstddef>
#include <ostream>

#include "wsc/report/case_result.hpp"

namespace wsc::report {

struct wire_text_limits {
    std::size_t head_rows = 40, tail_rows = 20;  // rows kept from each end
    std::size_t width = 160;                     // characters per row
};

// "--- AGENT ID: BEHAVIOR / CLOSE (N wire-log rows)" then the rows.
void print_wire_log(const case_result& r, std::ostream& out, const wire_text_limits& limits = {});

}  // namespace wsc::report

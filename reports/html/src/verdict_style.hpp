// How verdicts look in the matrix (catalogue.md §7.4 as a guide): a CSS class
// and a label per main verdict, and the close cell's class and text.
#pragma once

#include <string>
#include <string_view>

#include "wsc/report/case_result.hpp"

namespace wsc::report::html::detail {

struct cell_look {
    std::string css;    // pass nonstrict info unimpl noclose fail missing
    std::string label;  // Pass, Non-Strict, ...
};

cell_look main_look(std::string_view behavior);
// The close cell shows the peer's close code where Autobahn does.
cell_look close_look(const case_result& r);

}  // namespace wsc::report::html::detail

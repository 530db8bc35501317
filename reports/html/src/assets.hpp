// The page's stylesheet and scripts, inlined into index.html (no fetches: the
// report must work offline from a CI artifact).
#pragma once

namespace wsc::report::html::detail {

extern const char* const page_css;
// Runs first, in <head>: records errors (and any alert() a hostile string might
// smuggle in) for the self-test.
extern const char* const page_guard_js;
// Filters, the details panel and #selftest.
extern const char* const page_js;

}  // namespace wsc::report::html::detail

// The version string in `wsconform version`, Server / User-Agent headers and reports.
#pragma once

#ifndef WSC_VERSION
#define WSC_VERSION "0.0.0"
#endif

namespace wsc::cli {
inline constexpr const char* version = WSC_VERSION;
inline constexpr const char* product = "wsconform/" WSC_VERSION;
}  // namespace wsc::cli

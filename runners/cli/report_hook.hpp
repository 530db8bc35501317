// Called once a run's reports are on disk. Today it names index.json; the HTML
// report (reports/, another owner) will be rendered from here.
#pragma once

#include <filesystem>
#include <ostream>

namespace wsc::cli {

inline void report_written(const std::filesystem::path& outdir, std::ostream& out) {
    const auto index = outdir / "index.json";
    if (std::filesystem::exists(index)) out << "reports: " << index.string() << "\n";
    else out << "reports: none written to " << outdir.string() << "\n";
}

}  // namespace wsc::cli

// Says where a run's JSON results are, once they are on disk (the HTML and JUnit
// writers name their own files).
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

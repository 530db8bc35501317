// The table printed at the end of a run: per catalogue section, how many cases
// ran and how their verdicts split.
#pragma once

#include <map>
#include <ostream>
#include <string>

#include "wsc/report/case_result.hpp"

namespace wsc::cli {

class section_summary {
public:
    void add(const report::case_result& r);
    void add_missing(const std::string& case_id);
    // Cases whose main verdict is neither OK, NON-STRICT, INFORMATIONAL nor UNIMPLEMENTED.
    int failed() const noexcept { return failed_; }
    int total() const noexcept { return total_; }
    void print(std::ostream& out) const;

private:
    struct row {
        int cases = 0, ok = 0, non_strict = 0, informational = 0, unimplemented = 0, failed = 0, close_not_ok = 0,
            missing = 0;
    };
    static int section_number(const std::string& id);
    std::map<int, row> rows_;
    int failed_ = 0, total_ = 0;
};

}  // namespace wsc::cli

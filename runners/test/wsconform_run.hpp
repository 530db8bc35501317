// One `wsconform` run as a process, waited for within a limit: its exit code and
// everything it printed.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "child_process.hpp"

namespace wsc::test {

struct run_result {
    int rc = -1;  // -1: still running at the limit (then killed)
    std::string out, err;
};

inline run_result run_wsconform(const std::vector<std::string>& args,
                                std::chrono::seconds limit = std::chrono::seconds(60)) {
    child_process p(WSCONFORM_EXE, args);
    run_result r;
    r.rc = p.wait(limit).value_or(-1);
    r.out = p.out();
    r.err = p.err();
    return r;
}

}  // namespace wsc::test
